package statutes

import (
	"bytes"
	"encoding/json"
	"fmt"
	"time"
)

// ManifestName is the manifest's file name at the root of a corpus.
const ManifestName = "manifest.json"

// Manifest is the compact index of a corpus: every statute's metadata and
// every version's dates, text state, file and article count, so a corpus
// loads without parsing its text files.
type Manifest struct {
	Format   int               `json:"format"`
	ID       string            `json:"id"`     // corpus id: snapshot date and content hash
	Source   string            `json:"source"` // where the corpus comes from
	Statutes []ManifestStatute `json:"statutes"`

	chunks chunkCache // decompressed text chunks, shared by corpora loaded from this manifest
}

// ManifestStatute is one statute in the manifest.
type ManifestStatute struct {
	ID         string            `json:"id"`
	Title      string            `json:"title"`
	Short      string            `json:"short,omitempty"`
	Aliases    []string          `json:"aliases,omitempty"`
	Kind       string            `json:"kind"`
	Category   string            `json:"category,omitempty"`
	Province   string            `json:"province,omitempty"`
	Issuer     string            `json:"issuer,omitempty"`
	DocNumbers []string          `json:"docnos,omitempty"`
	Events     []ManifestEvent   `json:"events,omitempty"`
	Notes      []string          `json:"notes,omitempty"`
	Repealed   string            `json:"repealed,omitempty"`
	ReplacedBy string            `json:"replaced_by,omitempty"`
	Verified   bool              `json:"verified"`
	Source     string            `json:"source,omitempty"`
	Versions   []ManifestVersion `json:"versions"`
}

// ManifestEvent is one dated event; Date is "2006-01-02" or "-".
type ManifestEvent struct {
	Date string `json:"date"`
	Kind string `json:"kind"`
	Text string `json:"text"`
}

// ManifestVersion is one version; File is its text file relative to the
// corpus root ("" for a version with no text bundled).
type ManifestVersion struct {
	Label     string `json:"label"`
	Effective string `json:"effective,omitempty"`
	Until     string `json:"until,omitempty"`
	Text      string `json:"text"`
	Derived   bool   `json:"derived,omitempty"`
	Verified  bool   `json:"verified"`
	Source    string `json:"source,omitempty"`
	File      string `json:"file,omitempty"`
	// Offset and Length place the version's corpus file inside File when
	// File is a compressed chunk (text/NNNN.zst).
	Offset   int `json:"offset,omitempty"`
	Length   int `json:"length,omitempty"`
	Articles int `json:"articles"`
}

// ManifestEntry converts a statute (with its versions' files named by
// file) into its manifest entry.
func ManifestEntry(s *Statute, file func(v *Version) string) ManifestStatute {
	m := ManifestStatute{
		ID: s.ID, Title: s.Title, Short: s.Short, Aliases: s.Aliases, Kind: string(s.Kind),
		Category: s.Category, Province: s.Province, Issuer: s.Issuer, DocNumbers: s.DocNumbers, Notes: s.Notes,
		ReplacedBy: s.ReplacedBy, Verified: s.Verified, Source: s.Source,
	}
	if !s.RepealedOn.IsZero() {
		m.Repealed = formatDate(s.RepealedOn)
	}
	for _, e := range s.Events {
		m.Events = append(m.Events, ManifestEvent{Date: formatDate(e.Date), Kind: e.Kind, Text: e.Text})
	}
	for _, v := range s.Versions {
		mv := ManifestVersion{Label: v.Label, Text: string(v.Text), Derived: v.Derived,
			Verified: v.Verified, Source: v.Source, File: file(v), Articles: v.NumArticles}
		if !v.Effective.IsZero() {
			mv.Effective = formatDate(v.Effective)
		}
		if !v.Until.IsZero() {
			mv.Until = formatDate(v.Until)
		}
		m.Versions = append(m.Versions, mv)
	}
	return m
}

// EncodeManifest writes m as indented JSON, one statute per line group;
// the bytes depend only on m.
func EncodeManifest(m *Manifest) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	if err := enc.Encode(m); err != nil {
		return nil, fmt.Errorf("encode manifest: %w", err)
	}
	return b.Bytes(), nil
}

// statute builds a Statute (without text loaders) from a manifest entry.
func (m *ManifestStatute) statute() (*Statute, error) {
	s := &Statute{
		ID: m.ID, Title: m.Title, Short: m.Short, Aliases: m.Aliases, Kind: Kind(m.Kind),
		Category: m.Category, Province: m.Province, Issuer: m.Issuer, DocNumbers: m.DocNumbers, Notes: m.Notes,
		ReplacedBy: m.ReplacedBy, Verified: m.Verified, Source: m.Source,
	}
	if s.Short == "" {
		s.Short = shortTitle(s.Title)
	}
	var err error
	date := func(v string) time.Time {
		if v == "" || err != nil {
			return time.Time{}
		}
		var t time.Time
		t, err = parseDate(v)
		return t
	}
	s.RepealedOn = date(m.Repealed)
	for _, e := range m.Events {
		s.Events = append(s.Events, Event{Date: date(e.Date), Kind: e.Kind, Text: e.Text})
	}
	for _, mv := range m.Versions {
		v := &Version{Label: mv.Label, Effective: date(mv.Effective), Until: date(mv.Until),
			Text: TextState(mv.Text), Derived: mv.Derived, Verified: mv.Verified, Source: mv.Source,
			NumArticles: mv.Articles}
		s.Versions = append(s.Versions, v)
	}
	if err != nil {
		return nil, fmt.Errorf("statute %s: %w", m.ID, err)
	}
	return s, nil
}
