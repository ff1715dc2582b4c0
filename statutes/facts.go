package statutes

import (
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/goccy/go-yaml"
)

// Erratum is one verified slip in a source text and its correction,
// applied when the article is read.
type Erratum struct {
	Statute  string `yaml:"statute"` // statute ID
	Version  string `yaml:"version"` // version label
	Article  string `yaml:"article"` // 第三十四条
	From     string `yaml:"from"`    // the source's wording (must occur exactly once in the article)
	To       string `yaml:"to"`
	Verified bool   `yaml:"verified"`
	Source   string `yaml:"source"` // how the correction was verified
}

// facts is statutes/data/facts.yaml: what we add to the imported sources
// by hand, each with a source note.
type facts struct {
	Statutes []factStatute     `yaml:"statutes"` // statutes the sources lack (metadata only, or partial text)
	Versions []factVersion     `yaml:"versions"` // versions added to imported statutes
	Aliases  map[string]string `yaml:"aliases"`  // alias → title
	Errata   []Erratum         `yaml:"errata"`
	// Dates correct the effective dates of imported versions.
	Dates []dateFix `yaml:"effective_dates"`
}

// dateFix corrects when an imported version took effect (the sources
// date an amended text by its adoption when the amending decision took
// effect later).
type dateFix struct {
	Statute   string `yaml:"statute"` // statute ID
	Version   string `yaml:"version"` // version label
	Effective string `yaml:"effective"`
	Verified  bool   `yaml:"verified"`
	Source    string `yaml:"source"`
}

type factStatute struct {
	ID         string        `yaml:"id"`
	Title      string        `yaml:"title"`
	Short      string        `yaml:"short"`
	Aliases    []string      `yaml:"aliases"`
	Kind       string        `yaml:"kind"`
	Issuer     string        `yaml:"issuer"`
	DocNumbers []string      `yaml:"docnos"`
	Events     []factEvent   `yaml:"events"`
	Repealed   string        `yaml:"repealed"`
	ReplacedBy string        `yaml:"replaced_by"`
	Verified   bool          `yaml:"verified"`
	Source     string        `yaml:"source"`
	Versions   []factVersion `yaml:"versions"`
}

type factEvent struct {
	Date string `yaml:"date"`
	Kind string `yaml:"kind"`
	Text string `yaml:"text"`
}

type factVersion struct {
	Statute   string `yaml:"statute"` // in versions: the statute's ID
	Label     string `yaml:"label"`
	Effective string `yaml:"effective"`
	Until     string `yaml:"until"`
	Text      string `yaml:"text"` // full, partial or none
	Verified  bool   `yaml:"verified"`
	Source    string `yaml:"source"`
	Articles  string `yaml:"articles"` // corpus body format
	// Events and DocNumbers (in versions: only) are added to the
	// statute: the amendment this version reflects, and its order.
	Events     []factEvent `yaml:"events"`
	DocNumbers []string    `yaml:"docnos"`
}

func readFacts(fsys fs.FS) (*facts, error) {
	raw, err := fs.ReadFile(fsys, FactsName)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", FactsName, err)
	}
	var f facts
	if err := yaml.UnmarshalWithOptions(raw, &f, yaml.Strict()); err != nil {
		return nil, fmt.Errorf("read %s: %w", FactsName, err)
	}
	return &f, nil
}

func (c *Corpus) applyFactsFile(fsys fs.FS) error {
	f, err := readFacts(fsys)
	if err != nil {
		return err
	}
	return c.applyFacts(f, true)
}

// applyFacts adds f (nil: no facts file) to the corpus. f is not changed:
// corpora may share it.
func (c *Corpus) applyFacts(f *facts, errata bool) error {
	if f == nil {
		return nil
	}
	wrap := func(what string, err error) error {
		return fmt.Errorf("read %s: %s: %w", FactsName, what, err)
	}
	for _, fs := range f.Statutes {
		s, err := fs.statute()
		if err != nil {
			return wrap(fs.ID, err)
		}
		if err := c.add(s); err != nil {
			return wrap(fs.ID, err)
		}
	}
	touched := map[string]bool{}
	for _, fs := range f.Statutes {
		touched[fs.ID] = true
	}
	for _, fv := range f.Versions {
		s := c.byID[fv.Statute]
		if s == nil {
			return wrap(fv.Statute, errors.New("no such statute in the corpus"))
		}
		v, err := fv.version(s.ID)
		if err != nil {
			return wrap(fv.Statute+" "+fv.Label, err)
		}
		if err := c.mergeVersion(s, v); err != nil {
			return wrap(fv.Statute+" "+fv.Label, err)
		}
		if err := c.addEvents(fv); err != nil {
			return wrap(fv.Statute+" "+fv.Label, err)
		}
		touched[fv.Statute] = true
	}
	for i, d := range f.Dates {
		if err := c.fixDate(d); err != nil {
			return wrap(fmt.Sprintf("effective date %d (%s %s)", i+1, d.Statute, d.Version), err)
		}
		touched[d.Statute] = true
	}
	for id := range touched {
		linkUntil(c.byID[id])
	}
	if len(f.Aliases) > 0 {
		c.finish()
		if err := c.AddAliases(f.Aliases); err != nil {
			return wrap("aliases", err)
		}
	}
	if !errata {
		return nil
	}
	for i, e := range f.Errata {
		if e.From == "" || e.From == e.To {
			return wrap(fmt.Sprintf("erratum %d", i+1), errors.New("from is empty or equals to"))
		}
		s := c.byID[e.Statute]
		if s == nil {
			return wrap(fmt.Sprintf("erratum %d", i+1), fmt.Errorf("no statute %s", e.Statute))
		}
		var v *Version
		for _, sv := range s.Versions {
			if sv.Label == e.Version {
				v = sv
			}
		}
		if v == nil || v.lazy == nil {
			return wrap(fmt.Sprintf("erratum %d", i+1), fmt.Errorf("%s has no version %s with text", e.Statute, e.Version))
		}
		num, sfx, err := ParseArticleLabel(e.Article)
		if err != nil {
			return wrap(fmt.Sprintf("erratum %d", i+1), fmt.Errorf("bad article %q", e.Article))
		}
		e := e
		// The repeals scan reads the file as it is (raw): an erratum
		// corrects an article's wording, never a repeal clause.
		load, raw := v.lazy.load, v.lazy.raw
		v.lazy = &lazyText{raw: raw, load: func() ([]*Article, []string, error) {
			arts, body, err := load()
			if err != nil {
				return nil, nil, err
			}
			for _, a := range arts {
				if a.Num == num && a.Suffix == sfx {
					if err := a.correct(e); err != nil {
						return nil, nil, err
					}
					return arts, body, nil
				}
			}
			return nil, nil, fmt.Errorf("erratum for %s %s %s: no such article", e.Statute, e.Version, e.Article)
		}}
		c.errata = append(c.errata, e)
	}
	return nil
}

// correct applies e to the one line of a that holds e.From.
func (a *Article) correct(e Erratum) error {
	var lines []*string
	for _, p := range a.Paragraphs {
		lines = append(lines, &p.Text)
		for _, it := range p.Items {
			lines = append(lines, &it.Text)
			for k := range it.Subs {
				lines = append(lines, &it.Subs[k])
			}
		}
	}
	var hit *string
	for _, l := range lines {
		switch strings.Count(*l, e.From) {
		case 0:
		case 1:
			if hit != nil {
				return fmt.Errorf("erratum for %s %s: %q occurs more than once", e.Statute, e.Article, e.From)
			}
			hit = l
		default:
			return fmt.Errorf("erratum for %s %s: %q occurs more than once", e.Statute, e.Article, e.From)
		}
	}
	if hit == nil {
		return fmt.Errorf("erratum for %s %s: %q not found", e.Statute, e.Article, e.From)
	}
	*hit = strings.Replace(*hit, e.From, e.To, 1)
	a.Errata = append(a.Errata, e)
	return nil
}

func factDate(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	return parseDate(s)
}

// addEvents adds the events and document numbers of a version added to an
// imported statute (copy on write: the statute's slices may be shared).
func (c *Corpus) addEvents(fv factVersion) error {
	if len(fv.Events) == 0 && len(fv.DocNumbers) == 0 {
		return nil
	}
	s := c.byID[fv.Statute]
	evs := slices.Clone(s.Events)
	for _, e := range fv.Events {
		d, err := factDate(e.Date)
		if err != nil {
			return err
		}
		if e.Kind == "" || e.Text == "" {
			return errors.New("an event needs a kind and a text")
		}
		evs = append(evs, Event{Date: d, Kind: e.Kind, Text: e.Text})
	}
	sort.SliceStable(evs, func(i, j int) bool {
		a, b := evs[i].Date, evs[j].Date
		return !a.IsZero() && !b.IsZero() && a.Before(b)
	})
	docs := slices.Clone(s.DocNumbers)
	for _, d := range fv.DocNumbers {
		if !slices.Contains(docs, d) {
			docs = append(docs, d)
		}
	}
	sort.Strings(docs)
	cp := *s
	cp.Events, cp.DocNumbers = evs, docs
	c.replace(s, &cp)
	return nil
}

// fixDate applies one effective-date correction, noting it in the
// version's source note.
func (c *Corpus) fixDate(d dateFix) error {
	s := c.byID[d.Statute]
	if s == nil {
		return errors.New("no such statute in the corpus")
	}
	if d.Source == "" {
		return errors.New("source is required")
	}
	eff, err := factDate(d.Effective)
	if err != nil || eff.IsZero() {
		return fmt.Errorf("bad effective date %q", d.Effective)
	}
	for _, v := range s.Versions {
		if v.Label != d.Version {
			continue
		}
		if v.Effective.Equal(eff) {
			return fmt.Errorf("version %s already takes effect on %s", d.Version, d.Effective)
		}
		v.Effective = eff
		v.Source += "；施行日期据" + d.Source
		if !d.Verified {
			v.Source += "（未核实）"
		}
		sortVersions(s)
		return nil
	}
	return fmt.Errorf("%s has no version %s", d.Statute, d.Version)
}

// linkUntil ends each version of s where the next one takes effect, after
// facts added or moved versions; the last keeps its end (a repeal).
func linkUntil(s *Statute) {
	sortVersions(s)
	for i, v := range s.Versions[:max(len(s.Versions)-1, 0)] {
		if next := s.Versions[i+1].Effective; !next.IsZero() {
			v.Until = next
		}
	}
	if last := s.Current(); last != nil && last.Until.IsZero() && !s.RepealedOn.IsZero() {
		last.Until = s.RepealedOn
	}
}

func (f *factStatute) statute() (*Statute, error) {
	s := &Statute{ID: f.ID, Title: f.Title, Short: f.Short, Aliases: f.Aliases, Kind: Kind(f.Kind),
		Issuer: f.Issuer, DocNumbers: f.DocNumbers, ReplacedBy: f.ReplacedBy, Verified: f.Verified,
		Source: f.Source}
	if s.ID == "" || s.Title == "" || s.Kind == "" || s.Source == "" {
		return nil, errors.New("id, title, kind and source are required")
	}
	if s.Short == "" {
		s.Short = shortTitle(s.Title)
	}
	var err error
	if s.RepealedOn, err = factDate(f.Repealed); err != nil {
		return nil, err
	}
	for _, e := range f.Events {
		d, err := factDate(e.Date)
		if err != nil {
			return nil, err
		}
		s.Events = append(s.Events, Event{Date: d, Kind: e.Kind, Text: e.Text})
	}
	sort.SliceStable(s.Events, func(i, j int) bool { return s.Events[i].Date.Before(s.Events[j].Date) })
	if len(f.Versions) == 0 {
		return nil, errors.New("at least one version is required (text: none for metadata only)")
	}
	for _, fv := range f.Versions {
		if len(fv.Events) > 0 || len(fv.DocNumbers) > 0 {
			return nil, errors.New("a hand-added statute lists its events and docnos itself, not per version")
		}
		v, err := fv.version(s.ID)
		if err != nil {
			return nil, err
		}
		s.Versions = append(s.Versions, v)
	}
	return s, nil
}

func (f *factVersion) version(id string) (*Version, error) {
	v := &Version{Label: f.Label, Text: TextState(f.Text), Verified: f.Verified, Source: f.Source}
	if v.Label == "" || v.Source == "" {
		return nil, errors.New("version label and source are required")
	}
	var err error
	if v.Effective, err = factDate(f.Effective); err != nil {
		return nil, err
	}
	if v.Until, err = factDate(f.Until); err != nil {
		return nil, err
	}
	name := FactsName + ": " + id + " " + f.Label
	arts, body, err := parseBody(name, f.Articles, 1)
	if err != nil {
		return nil, err
	}
	if len(body) > 0 {
		return nil, fmt.Errorf("text outside articles: %q", body[0])
	}
	switch v.Text {
	case TextNone:
		if len(arts) > 0 {
			return nil, errors.New("text: none but articles given")
		}
	case TextPartial, TextFull:
		if len(arts) == 0 {
			return nil, fmt.Errorf("text: %s but no articles given", v.Text)
		}
	default:
		return nil, fmt.Errorf("text must be full, partial or none, not %q", f.Text)
	}
	v.Articles, v.NumArticles = arts, len(arts)
	return v, nil
}
