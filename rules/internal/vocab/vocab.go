package vocab

import (
	"strings"

	"github.com/citelint/citelint/catalog"
	"github.com/citelint/citelint/rules/data"
	"github.com/citelint/citelint/rules/internal/text"
)

// Vocab is the set of accepted power types and categories.
type Vocab struct {
	Standard   []string          // the standard power types, in order
	types      map[string]string // accepted spelling → standard (or configured) type
	categories map[string]bool
}

// New builds the vocabulary from the embedded defaults plus configured
// additional power types.
func New(extraTypes []string) (*Vocab, error) {
	pt, err := data.DefaultPowerTypes()
	if err != nil {
		return nil, err
	}
	cats, err := data.DefaultCategories()
	if err != nil {
		return nil, err
	}
	v := &Vocab{Standard: pt.Standard, types: map[string]string{}, categories: map[string]bool{}}
	for _, s := range pt.Standard {
		v.types[s] = s
	}
	for a, s := range pt.Aliases {
		v.types[a] = s
	}
	for _, s := range extraTypes {
		if s = Normalize(s); s != "" {
			v.types[s] = s
		}
	}
	for _, c := range cats {
		v.categories[c] = true
	}
	return v, nil
}

// Normalize is how a short cell value is compared: without white space and
// without a trailing 。 or ；.
func Normalize(s string) string {
	s = text.Compact(s)
	return strings.TrimRight(s, "。；;，,、.")
}

// PowerType returns the standard type a value names, if it names one.
func (v *Vocab) PowerType(s string) (string, bool) {
	std, ok := v.types[Normalize(s)]
	return std, ok
}

// Category reports whether a value is a power category (行政执法, 公共服务).
func (v *Vocab) Category(s string) bool { return v.categories[Normalize(s)] }

// Layout is what a catalog's columns really hold.
type Layout struct {
	// TypeHoldsCategories: the type column (职权类型) holds categories.
	TypeHoldsCategories bool
	// NameHoldsTypes: the name column (职权名称) holds power types.
	NameHoldsTypes bool
	// CategoryHoldsTypes: the category column (职权类别) holds power types.
	CategoryHoldsTypes bool
	// TypesIn is the column that holds the power types ("" when none does).
	TypesIn catalog.Key
}

// share is the fraction of a column's non-empty values that fit; a column
// fits a vocabulary when most of its values do.
const share = 0.6

// Analyze reads the layout of a catalog.
func (v *Vocab) Analyze(cat *catalog.Catalog) Layout {
	fits := func(k catalog.Key, fit func(string) bool) bool {
		if !cat.HasColumn(k) {
			return false
		}
		n, ok := 0, 0
		for i := range cat.Entries {
			s := Normalize(cat.Entries[i].Text(k))
			if s == "" {
				continue
			}
			n++
			if fit(s) {
				ok++
			}
		}
		return n > 0 && float64(ok) >= share*float64(n)
	}
	isType := func(s string) bool { _, ok := v.PowerType(s); return ok }
	l := Layout{
		TypeHoldsCategories: fits(catalog.KeyType, v.Category),
		NameHoldsTypes:      fits(catalog.KeyName, isType),
		CategoryHoldsTypes:  fits(catalog.KeyCategory, isType),
	}
	switch {
	case cat.HasColumn(catalog.KeyType) && !l.TypeHoldsCategories:
		l.TypesIn = catalog.KeyType
	case l.NameHoldsTypes:
		l.TypesIn = catalog.KeyName
	case l.CategoryHoldsTypes:
		l.TypesIn = catalog.KeyCategory
	}
	return l
}

// Values lists a column's distinct non-empty values in order of first
// appearance, at most n of them.
func Values(cat *catalog.Catalog, k catalog.Key, n int) []string {
	var out []string
	seen := map[string]bool{}
	for i := range cat.Entries {
		s := Normalize(cat.Entries[i].Text(k))
		if s == "" || seen[s] {
			continue
		}
		seen[s] = true
		out = append(out, s)
		if len(out) == n {
			break
		}
	}
	return out
}
