package data

import (
	_ "embed"
	"fmt"
	"regexp"
	"strings"
	"sync"
)

var (
	//go:embed power_types.txt
	powerTypesText string
	//go:embed categories.txt
	categoriesText string
	//go:embed artifacts.txt
	artifactsText string
	//go:embed office_suffixes.txt
	officeSuffixesText string
)

// PowerTypes is the list of standard power types and the spellings accepted
// for them.
type PowerTypes struct {
	Standard []string          // in file order
	Aliases  map[string]string // alias → standard type
}

// ParsePowerTypes reads the power_types.txt format: one type per line,
// "alias = standard" lines, # comments.
func ParsePowerTypes(text string) (*PowerTypes, error) {
	pt := &PowerTypes{Aliases: map[string]string{}}
	std := map[string]bool{}
	for _, line := range lines(text) {
		if line.text == "" {
			continue
		}
		if a, s, ok := strings.Cut(line.text, "="); ok {
			a, s = strings.TrimSpace(a), strings.TrimSpace(s)
			if a == "" || s == "" {
				return nil, fmt.Errorf("power types line %d: want \"alias = standard\"", line.no)
			}
			if !std[s] {
				return nil, fmt.Errorf("power types line %d: %q is not a standard type listed above", line.no, s)
			}
			pt.Aliases[a] = s
			continue
		}
		if std[line.text] {
			return nil, fmt.Errorf("power types line %d: %q listed twice", line.no, line.text)
		}
		std[line.text] = true
		pt.Standard = append(pt.Standard, line.text)
	}
	if len(pt.Standard) == 0 {
		return nil, fmt.Errorf("power types: empty list")
	}
	return pt, nil
}

// ParseList reads a plain list: one item per line, # comments.
func ParseList(name, text string) ([]string, error) {
	var out []string
	seen := map[string]bool{}
	for _, line := range lines(text) {
		if line.text == "" {
			continue
		}
		if seen[line.text] {
			return nil, fmt.Errorf("%s line %d: %q listed twice", name, line.no, line.text)
		}
		seen[line.text] = true
		out = append(out, line.text)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: empty list", name)
	}
	return out, nil
}

// ParseArtifacts reads the artifacts.txt format: one regular expression per
// line, # comments.
func ParseArtifacts(text string) ([]*regexp.Regexp, error) {
	var out []*regexp.Regexp
	for _, line := range lines(text) {
		if line.text == "" {
			continue
		}
		re, err := regexp.Compile(line.text)
		if err != nil {
			return nil, fmt.Errorf("artifacts line %d: %w", line.no, err)
		}
		out = append(out, re)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("artifacts: empty list")
	}
	return out, nil
}

type line struct {
	no   int
	text string
}

func lines(text string) []line {
	var out []line
	for i, l := range strings.Split(text, "\n") {
		l = strings.TrimSpace(l)
		if strings.HasPrefix(l, "#") {
			l = ""
		}
		out = append(out, line{i + 1, l})
	}
	return out
}

// The embedded defaults, parsed once. The embedded files are tested, so a
// parse error here is a build defect; the accessors still return it rather
// than panic.
var (
	defaultPowerTypes = sync.OnceValues(func() (*PowerTypes, error) { return ParsePowerTypes(powerTypesText) })
	defaultCategories = sync.OnceValues(func() ([]string, error) { return ParseList("categories", categoriesText) })
	defaultArtifacts  = sync.OnceValues(func() ([]*regexp.Regexp, error) { return ParseArtifacts(artifactsText) })
	defaultSuffixes   = sync.OnceValues(func() ([]string, error) { return ParseList("office suffixes", officeSuffixesText) })
)

// DefaultPowerTypes returns the embedded standard power types.
func DefaultPowerTypes() (*PowerTypes, error) { return defaultPowerTypes() }

// DefaultCategories returns the embedded power categories.
func DefaultCategories() ([]string, error) { return defaultCategories() }

// DefaultArtifacts returns the embedded conversion-artifact patterns.
func DefaultArtifacts() ([]*regexp.Regexp, error) { return defaultArtifacts() }

// DefaultOfficeSuffixes returns the embedded office name endings.
func DefaultOfficeSuffixes() ([]string, error) { return defaultSuffixes() }
