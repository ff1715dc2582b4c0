package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"strings"
	"time"

	"github.com/fatih/color"
	"github.com/urfave/cli/v3"

	"github.com/citelint/citelint/statutes"
	"github.com/citelint/citelint/statutes/data"
	"github.com/citelint/citelint/statutes/index"
)

func statutesSearchCmd() *cli.Command {
	return &cli.Command{
		Name:  "search",
		Usage: "find the articles that contain a text, ranked by how much of it they contain",
		ArgsUsage: "TEXT   e.g. 以欺诈、伪造证明材料或者其他手段骗取社会保险待遇\n\n" +
			"The first search builds an index in the cache directory (a few seconds);\n" +
			"later ones reuse it. Coverage is the share of TEXT the article contains\n" +
			"(100% = all of it, as runs of at least 4 characters).",
		Flags: []cli.Flag{
			statutesFlag(),
			&cli.StringFlag{Name: "statute", Usage: "search only this statute (a title as catalogs write it)"},
			&cli.IntFlag{Name: "limit", Value: 10, Usage: "show at most this many articles"},
			&cli.StringFlag{Name: "format", Value: "text", Usage: "text or json"},
			&cli.StringFlag{Name: "color", Value: "auto", Usage: "highlight matches: auto, always or never (auto honours NO_COLOR); without color matches are marked 【】"},
			&cli.BoolFlag{Name: "in-force", Usage: "only versions in force at --as-of"},
			&cli.StringFlag{Name: "as-of", Usage: "judge versions as of this date (YYYY-MM-DD; default today)"},
			&cli.StringFlag{Name: "cache-dir", Usage: "where the search index is kept (default $" + index.CacheEnv + ", else the user cache directory)"},
		},
		Action: runStatutesSearch,
	}
}

type searchOptions struct {
	query    string
	statute  string
	limit    int
	json     bool
	color    bool
	inForce  bool
	asOf     time.Time
	asOfSet  bool
	cacheDir string
}

func parseSearchFlags(cmd *cli.Command) (*searchOptions, error) {
	o := &searchOptions{
		query:    strings.TrimSpace(strings.Join(cmd.Args().Slice(), " ")),
		statute:  strings.TrimSpace(cmd.String("statute")),
		limit:    int(cmd.Int("limit")),
		inForce:  cmd.Bool("in-force"),
		cacheDir: cmd.String("cache-dir"),
	}
	if o.query == "" || index.NormalizeQuery(o.query) == "" {
		return nil, errors.New("usage: citelint statutes search TEXT [--statute TITLE] [--limit N] [--format text|json]")
	}
	if o.limit <= 0 {
		return nil, fmt.Errorf("--limit %d: want a positive number", o.limit)
	}
	switch f := strings.ToLower(cmd.String("format")); f {
	case "text":
	case "json":
		o.json = true
	default:
		return nil, fmt.Errorf("--format %q: want text or json", cmd.String("format"))
	}
	switch v := strings.ToLower(cmd.String("color")); v {
	case "always":
		o.color = true
	case "never":
	case "auto":
		o.color = os.Getenv("NO_COLOR") == "" && os.Getenv("TERM") != "dumb" && isTerminal(cmd.Root().Writer)
	default:
		return nil, fmt.Errorf("--color %q: want auto, always or never", cmd.String("color"))
	}
	asOf, err := asOfDate(cmd.String("as-of"))
	if err != nil {
		return nil, err
	}
	o.asOf, o.asOfSet = asOf, cmd.IsSet("as-of")
	return o, nil
}

func runStatutesSearch(ctx context.Context, cmd *cli.Command) error {
	stdout, stderr := cmd.Root().Writer, cmd.Root().ErrWriter
	o, err := parseSearchFlags(cmd)
	if err != nil {
		return inputError(err)
	}
	// Default reads only the corpus manifest; article text is loaded only
	// when the index has to be built.
	c, err := corpusWith(cmd.StringSlice("statutes"))
	if err != nil {
		return err
	}
	var statuteID string
	if o.statute != "" {
		s, err := c.Resolve(o.statute)
		if err != nil {
			return inputError(unknownStatuteMessage(err))
		}
		statuteID = s.ID
		if !bundlesText(s) {
			note := fmt.Sprintf("《%s》%s已收录，但语料未附其条文，无法在其中检索。", s.Title, docnoNote(s))
			if o.json {
				return writeSearchJSON(stdout, c.ID(), o, nil, note)
			}
			_, err := fmt.Fprintln(stdout, note)
			return err
		}
	}
	src := keyedCorpus{c, indexKey(c)}
	ix, err := index.Open(src.key, func() (index.Source, error) {
		fmt.Fprintln(stderr, "citelint: 正在建立条文检索索引（首次使用，需要几秒钟）")
		return src, nil
	}, index.Options{
		CacheDir: o.cacheDir,
		Notice:   func(msg string) { fmt.Fprintln(stderr, "citelint: 注意："+msg) },
	})
	if err != nil {
		return err
	}
	defer ix.Close()
	hits, err := ix.Search(o.query, index.SearchOptions{
		Statute:     statuteID,
		InForceOnly: o.inForce,
		Date:        o.asOf,
		Limit:       o.limit,
	})
	if err != nil {
		return err
	}
	if o.json {
		return writeSearchJSON(stdout, c.ID(), o, hits, "")
	}
	return writeSearchText(stdout, o, hits)
}

// keyedCorpus is the corpus under the key its search index is cached by.
type keyedCorpus struct {
	*statutes.Corpus
	key string
}

func (k keyedCorpus) ID() string { return k.key }

// indexKey identifies the embedded corpus's text for the index cache. The
// manifest's id hashes the imported files but not facts.yaml, whose errata
// and partial versions change what is indexed, so its hash is added.
func indexKey(c *statutes.Corpus) string {
	facts, err := fs.ReadFile(data.FS, statutes.FactsName)
	if err != nil {
		return c.ID()
	}
	sum := sha256.Sum256(facts)
	return c.ID() + "-" + hex.EncodeToString(sum[:4])
}

// bundlesText reports whether any version of s has text in the corpus.
func bundlesText(s *statutes.Statute) bool {
	for _, v := range s.Versions {
		if v.Text != statutes.TextNone {
			return true
		}
	}
	return false
}

// unknownStatuteMessage turns a failed Resolve into the message a reviewer
// reads, with the close titles when there are some.
func unknownStatuteMessage(err error) error {
	var ue *statutes.UnknownStatuteError
	if !errors.As(err, &ue) {
		return err
	}
	msg := fmt.Sprintf("语料中没有《%s》", ue.Title)
	if len(ue.Suggestions) > 0 {
		msg += "，相近的有：《" + strings.Join(ue.Suggestions, "》《") + "》"
	}
	return errors.New(msg)
}

// coveragePercent rounds down, so only a full match shows 100%.
func coveragePercent(c float64) int { return int(math.Floor(c*100 + 1e-9)) }

func hitVersionNote(h *index.Hit) string {
	note := h.Version + " 版"
	var extra []string
	switch h.State {
	case index.Superseded:
		extra = append(extra, "已失效")
	case index.Pending:
		extra = append(extra, "尚未施行")
	}
	if h.TextState == statutes.TextPartial {
		extra = append(extra, "部分条文")
	}
	if len(extra) > 0 {
		note += "（" + strings.Join(extra, "，") + "）"
	}
	return note
}

func writeSearchText(w io.Writer, o *searchOptions, hits []index.Hit) error {
	head := color.New(color.Bold)
	mark := color.New(color.FgRed, color.Bold)
	for _, c := range []*color.Color{head, mark} {
		if o.color {
			c.EnableColor()
		} else {
			c.DisableColor()
		}
	}
	var b strings.Builder
	if len(hits) == 0 {
		b.WriteString("没有找到包含这段文字的条文。\n")
	}
	for i, h := range hits {
		if i > 0 {
			b.WriteByte('\n')
		}
		fmt.Fprintf(&b, "%d. %s  %s  覆盖 %d%%\n",
			i+1, head.Sprintf("《%s》%s", h.Title, h.Article), hitVersionNote(&h), coveragePercent(h.Coverage))
		b.WriteString(indentLines(highlight(h.Text, h.Spans, mark, o.color), "   "))
		b.WriteByte('\n')
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// highlight marks the spans (code points into text) with color when on,
// else with 【】.
func highlight(text string, spans []index.Span, c *color.Color, on bool) string {
	r := []rune(text)
	var b strings.Builder
	at := 0
	for _, s := range spans {
		if s.Start < at || s.End > len(r) || s.Start >= s.End {
			continue // never trust offsets blindly
		}
		b.WriteString(string(r[at:s.Start]))
		part := string(r[s.Start:s.End])
		if on {
			// Color each line on its own so the indent stays plain.
			lines := strings.Split(part, "\n")
			for j, l := range lines {
				lines[j] = c.Sprint(l)
			}
			b.WriteString(strings.Join(lines, "\n"))
		} else {
			b.WriteString("【" + part + "】")
		}
		at = s.End
	}
	b.WriteString(string(r[at:]))
	return b.String()
}

func indentLines(s, prefix string) string {
	return prefix + strings.ReplaceAll(s, "\n", "\n"+prefix)
}

type searchJSON struct {
	Version int             `json:"version"`
	Corpus  string          `json:"corpus"`
	Query   string          `json:"query"`
	Statute string          `json:"statute,omitempty"`
	AsOf    string          `json:"as_of,omitempty"` // only when --as-of is given: output stays the same from day to day
	InForce bool            `json:"in_force_only"`
	Note    string          `json:"note,omitempty"`
	Hits    []searchHitJSON `json:"hits"`
}

type searchHitJSON struct {
	Rank      int                `json:"rank"`
	Statute   string             `json:"statute"`
	Title     string             `json:"title"`
	Article   string             `json:"article"`
	Num       int                `json:"num"`
	Suffix    int                `json:"suffix,omitempty"`
	Version   string             `json:"version"`
	From      string             `json:"from,omitempty"`
	Until     string             `json:"until,omitempty"`
	State     index.VersionState `json:"state"`
	TextState statutes.TextState `json:"text_state"`
	Coverage  float64            `json:"coverage"`
	Exact     bool               `json:"exact"`
	Score     float64            `json:"score"`
	Text      string             `json:"text"`
	Spans     []index.Span       `json:"spans"`
}

func writeSearchJSON(w io.Writer, corpus string, o *searchOptions, hits []index.Hit, note string) error {
	out := searchJSON{
		Version: 1,
		Corpus:  corpus,
		Query:   o.query,
		Statute: o.statute,
		InForce: o.inForce,
		Note:    note,
		Hits:    []searchHitJSON{},
	}
	if o.asOfSet {
		out.AsOf = o.asOf.Format("2006-01-02")
	}
	for i, h := range hits {
		spans := h.Spans
		if spans == nil {
			spans = []index.Span{}
		}
		out.Hits = append(out.Hits, searchHitJSON{
			Rank: i + 1, Statute: h.Statute, Title: h.Title, Article: h.Article, Num: h.Num, Suffix: h.Suffix,
			Version: h.Version, From: h.From, Until: h.Until, State: h.State, TextState: h.TextState,
			Coverage: math.Round(h.Coverage*10000) / 10000, Exact: h.Exact,
			Score: math.Round(h.Score*10000) / 10000, Text: h.Text, Spans: spans,
		})
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
