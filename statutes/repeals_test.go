package statutes

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"
)

var updateRepeals = flag.Bool("update-repeals", false, "rewrite statutes/data/repeals.json from the corpus texts")

// TestRepealsFile keeps the embedded repeals.json what the corpus texts
// state: derived data, never edited by hand.
func TestRepealsFile(t *testing.T) {
	c, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	got, err := json.MarshalIndent(c.ScanRepeals(), "", " ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	path := filepath.Join("data", RepealsName)
	if *updateRepeals {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s is not what the texts state; run go test ./statutes -run TestRepealsFile -update-repeals", path)
	}
}

// TestRepealedByText: a statute the corpus holds no text of but whose
// repeal a held final article states resolves as repealed on the
// repealing version's effective date, naming its successor.
func TestRepealedByText(t *testing.T) {
	c, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	s, err := c.Resolve("盐业管理条例 (1990 3月2日发 )")
	if err != nil || s == nil {
		t.Fatalf("Resolve: %v, %v", s, err)
	}
	if s.ReplacedBy != "食盐专营办法" || !s.Verified || s.RepealedOn.Format(time.DateOnly) != "2017-12-26" {
		t.Errorf("got replaced by %q, verified %v, repealed on %s", s.ReplacedBy, s.Verified, s.RepealedOn.Format(time.DateOnly))
	}
	if st := s.StatusAt(time.Date(2024, 7, 5, 0, 0, 0, 0, time.UTC)); st != StatusRepealed {
		t.Errorf("status in 2024: %s", st)
	}
	if _, err := c.Resolve("某某不存在的管理条例"); err == nil {
		t.Error("an unknown title resolved")
	}
}
