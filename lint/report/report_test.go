package report

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/xeipuuv/gojsonschema"

	"github.com/citelint/citelint/lint"
)

var update = flag.Bool("update", false, "rewrite the golden files")

const goldenDir = "../../testdata/report"

func render(t *testing.T, f Formatter, r *lint.Result) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := f.Format(&b, r); err != nil {
		t.Fatalf("%T.Format: %v", f, err)
	}
	return b.Bytes()
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join(goldenDir, name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (go test ./lint/report -update rewrites it)\n--- got\n%s", name, got)
	}
}

var testTool = Tool{Name: "citelint", Version: "test", Corpus: "corpus-test"}

func formatters() map[string]Formatter {
	return map[string]Formatter{
		"fixture.txt":       &Text{},
		"fixture.color.txt": &Text{Color: true},
		"fixture.json":      &JSON{Tool: testTool},
		"fixture.sarif":     &SARIF{Tool: testTool, Rules: fixtureRules()},
		"fixture.html":      &HTML{Tool: testTool, Rules: fixtureRules()},
	}
}

func TestGolden(t *testing.T) {
	for name, f := range formatters() {
		t.Run(name, func(t *testing.T) {
			golden(t, name, render(t, f, fixture()))
		})
	}
}

// The same result gives the same bytes, however often it is formatted and
// in whichever order its files came.
func TestDeterministic(t *testing.T) {
	for name, f := range formatters() {
		t.Run(name, func(t *testing.T) {
			first := render(t, f, fixture())
			for i := 0; i < 5; i++ {
				if got := render(t, f, fixture()); !bytes.Equal(got, first) {
					t.Fatalf("run %d differs from the first", i+2)
				}
			}
		})
	}
}

func TestNew(t *testing.T) {
	for _, name := range Formats {
		if _, err := New(name, Options{}); err != nil {
			t.Errorf("New(%q): %v", name, err)
		}
	}
	if _, err := New("xml", Options{}); err == nil {
		t.Error("New(xml) succeeded")
	}
}

func TestDiff(t *testing.T) {
	tests := []struct {
		name, expected, actual string
		want                   []Op
	}{
		{"same", "依法吊销", "依法吊销", []Op{{OpEqual, "依法吊销"}}},
		{"typo", "依法给予警告", "依法给于警告", []Op{{OpEqual, "依法给"}, {OpDelete, "予"}, {OpInsert, "于"}, {OpEqual, "警告"}}},
		{"number", "处2年以下", "处1年以下", []Op{{OpEqual, "处"}, {OpDelete, "2"}, {OpInsert, "1"}, {OpEqual, "年以下"}}},
		{"punctuation", "的，由", "的。由", []Op{{OpEqual, "的"}, {OpDelete, "，"}, {OpInsert, "。"}, {OpEqual, "由"}}},
		{"dropped clause", "责令改正，给予警告；情节严重的，处罚款。", "责令改正，处罚款。", []Op{{OpEqual, "责令改正，"}, {OpDelete, "给予警告；情节严重的，"}, {OpEqual, "处罚款。"}}},
		{"astral", "甲𠀀乙", "甲乙", []Op{{OpEqual, "甲"}, {OpDelete, "𠀀"}, {OpEqual, "乙"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Diff(tt.expected, tt.actual)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Diff(%q, %q) = %v, want %v", tt.expected, tt.actual, got, tt.want)
			}
			// The diff must rebuild both sides exactly.
			var a, b strings.Builder
			for _, op := range got {
				if op.Kind != OpInsert {
					a.WriteString(op.Text)
				}
				if op.Kind != OpDelete {
					b.WriteString(op.Text)
				}
			}
			if a.String() != tt.expected || b.String() != tt.actual {
				t.Errorf("diff rebuilds %q / %q", a.String(), b.String())
			}
		})
	}
}

func TestArticleLabel(t *testing.T) {
	tests := map[string]string{
		"87": "第八十七条", "10-1": "第十条之一", "30.2": "第三十条第二款", "30.2.3": "第三十条第二款第三项",
		"104": "第一百零四条", "x": "x", "0": "0", "1.2.3.4": "1.2.3.4", "5.a": "5.a",
	}
	for in, want := range tests {
		if got := articleLabel(in); got != want {
			t.Errorf("articleLabel(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestDisplayWidth(t *testing.T) {
	tests := []struct {
		s    string
		want int
	}{
		{"", 0}, {"abc", 3}, {"权力依据", 8}, {"a:1(1) 权力依据:", 16}, {"ＡＢ", 4}, {"e\u0301", 1},
	}
	for _, tt := range tests {
		if got := DisplayWidth(tt.s); got != tt.want {
			t.Errorf("DisplayWidth(%q) = %d, want %d", tt.s, got, tt.want)
		}
	}
	if got := PadRight("序号:", 8); got != "序号:   " {
		t.Errorf("PadRight = %q", got)
	}
}

// The text report aligns the severity column by display width, so CJK
// headers line up in a terminal.
func TestTextAlignment(t *testing.T) {
	out := string(render(t, &Text{}, fixture()))
	col := -1
	for _, line := range strings.Split(out, "\n") {
		if !strings.HasPrefix(line, "catalogs/钟山区.txt") {
			continue
		}
		i := strings.Index(line, " error ")
		if i < 0 {
			i = strings.Index(line, " warning ")
		}
		if i < 0 {
			i = strings.Index(line, " info ")
		}
		if i < 0 {
			t.Fatalf("no severity in %q", line)
		}
		w := DisplayWidth(line[:i])
		if col >= 0 && w != col {
			t.Errorf("severity at column %d, want %d: %q", w, col, line)
		}
		col = w
	}
	if col < 0 {
		t.Fatal("no finding lines")
	}
}

func TestTextColor(t *testing.T) {
	plain := string(render(t, &Text{}, fixture()))
	if strings.Contains(plain, "\x1b[") {
		t.Error("uncolored report has escape sequences")
	}
	if !strings.Contains(plain, "依法{+给于+}吊销其执业资格") {
		t.Errorf("diff not marked without color:\n%s", plain)
	}
	colored := string(render(t, &Text{Color: true}, fixture()))
	if !strings.Contains(colored, "\x1b[32m{+给于+}\x1b[0m") {
		t.Errorf("insertions not green:\n%q", colored)
	}
	if !strings.Contains(colored, "\x1b[31m[-上市许可持有人") {
		t.Errorf("deletions not red:\n%q", colored)
	}
}

// The JSON report has exactly the documented keys.
func TestJSONShape(t *testing.T) {
	var doc map[string]any
	if err := json.Unmarshal(render(t, &JSON{Tool: testTool}, fixture()), &doc); err != nil {
		t.Fatal(err)
	}
	keys := func(m any) []string {
		var ks []string
		for k := range m.(map[string]any) {
			ks = append(ks, k)
		}
		sort.Strings(ks)
		return ks
	}
	check := func(what string, got []string, want ...string) {
		t.Helper()
		sort.Strings(want)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s keys = %v, want %v", what, got, want)
		}
	}
	check("report", keys(doc), "version", "tool", "files", "summary")
	if doc["version"] != float64(1) {
		t.Errorf("version = %v", doc["version"])
	}
	check("tool", keys(doc["tool"]), "name", "version", "corpus")
	check("summary", keys(doc["summary"]), "files", "entries", "error", "warning", "info", "quotes")
	check("summary quotes", keys(doc["summary"].(map[string]any)["quotes"]), "checked", "unverifiable")
	files := doc["files"].([]any)
	check("file", keys(files[0]), "path", "format", "title", "entries", "as_of", "quotes", "diagnostics")
	check("file without date", keys(files[1]), "path", "format", "title", "entries", "quotes", "diagnostics")
	diags := files[0].(map[string]any)["diagnostics"].([]any)
	var quote, catalogLevel map[string]any
	for _, d := range diags {
		m := d.(map[string]any)
		if m["rule"] == "quote-mismatch" {
			quote = m
		}
		if m["entry"] == nil {
			catalogLevel = m
		}
	}
	check("quote diagnostic", keys(quote), "rule", "severity", "entry", "field", "column", "span", "region", "message", "citation", "expected", "actual")
	check("entry", keys(quote["entry"]), "index", "seq")
	check("span", keys(quote["span"]), "start", "end")
	check("citation", keys(quote["citation"]), "statute", "version", "articles")
	if catalogLevel == nil {
		t.Fatal("no catalog-level diagnostic with \"entry\": null")
	}
	if _, ok := catalogLevel["entry"]; !ok {
		t.Error("catalog-level diagnostic lacks the entry key")
	}
	if quote["severity"] != "error" {
		t.Errorf("severity = %v", quote["severity"])
	}
}

func TestJSONEmpty(t *testing.T) {
	r := lint.Summarize([]lint.FileResult{{Path: "a.txt", Format: "txt", Entries: 3}})
	out := string(render(t, &JSON{Tool: testTool}, &r))
	if !strings.Contains(out, `"diagnostics": []`) {
		t.Errorf("a clean file must have an empty diagnostics list, not null:\n%s", out)
	}
}

func TestSARIFSchema(t *testing.T) {
	schema, err := os.ReadFile("../../testdata/sarif-schema/sarif-schema-2.1.0.json")
	if err != nil {
		t.Fatal(err)
	}
	out := render(t, &SARIF{Tool: testTool, Rules: fixtureRules()}, fixture())
	validateSARIF(t, schema, out)

	var log struct {
		Runs []struct {
			ColumnKind string `json:"columnKind"`
			Tool       struct {
				Driver struct {
					Rules []struct {
						ID   string `json:"id"`
						Help struct {
							Text string `json:"text"`
						} `json:"help"`
					} `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
			Results []struct {
				RuleID    string `json:"ruleId"`
				RuleIndex int    `json:"ruleIndex"`
				Level     string `json:"level"`
				Locations []struct {
					Physical struct {
						Artifact struct {
							URI string `json:"uri"`
						} `json:"artifactLocation"`
						Region *struct {
							StartLine   int `json:"startLine"`
							StartColumn int `json:"startColumn"`
						} `json:"region"`
					} `json:"physicalLocation"`
					Logical []struct {
						FullyQualifiedName string `json:"fullyQualifiedName"`
					} `json:"logicalLocations"`
				} `json:"locations"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(out, &log); err != nil {
		t.Fatal(err)
	}
	if len(log.Runs) != 1 {
		t.Fatalf("%d runs, want 1", len(log.Runs))
	}
	run := log.Runs[0]
	if run.ColumnKind != "unicodeCodePoints" {
		t.Errorf("columnKind = %q", run.ColumnKind)
	}
	if got, want := len(run.Results), 8; got != want {
		t.Errorf("%d results, want %d", got, want)
	}
	for _, res := range run.Results {
		if res.RuleIndex < 0 || res.RuleIndex >= len(run.Tool.Driver.Rules) || run.Tool.Driver.Rules[res.RuleIndex].ID != res.RuleID {
			t.Errorf("result %s has rule index %d", res.RuleID, res.RuleIndex)
		}
		loc := res.Locations[0]
		text := strings.HasSuffix(loc.Physical.Artifact.URI, ".txt")
		if text != (loc.Physical.Region != nil) {
			t.Errorf("%s in %s: region %v (regions are for text catalogs)", res.RuleID, loc.Physical.Artifact.URI, loc.Physical.Region)
		}
		if len(loc.Logical) != 1 || loc.Logical[0].FullyQualifiedName == "" {
			t.Errorf("%s: logical locations %v", res.RuleID, loc.Logical)
		}
	}
	for _, r := range run.Tool.Driver.Rules {
		if r.ID == "quote-mismatch" && !strings.Contains(r.Help.Text, "错误示例") {
			t.Errorf("quote-mismatch help lacks its examples: %q", r.Help.Text)
		}
	}
}

func validateSARIF(t *testing.T, schema, doc []byte) {
	t.Helper()
	res, err := gojsonschema.Validate(gojsonschema.NewBytesLoader(schema), gojsonschema.NewBytesLoader(doc))
	if err != nil {
		t.Fatalf("validate: %v", err)
	}
	for _, e := range res.Errors() {
		t.Errorf("SARIF schema: %s", e)
	}
}

// The validator must reject what the schema forbids, or the test above
// proves nothing.
func TestSARIFSchemaRejects(t *testing.T) {
	schema, err := os.ReadFile("../../testdata/sarif-schema/sarif-schema-2.1.0.json")
	if err != nil {
		t.Fatal(err)
	}
	bad := []string{
		`{"version": "2.1.0", "runs": [{"tool": {"driver": {}}}]}`,
		`{"version": "2.0.0", "runs": []}`,
		`{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "columnKind": "bytes"}]}`,
	}
	for _, doc := range bad {
		res, err := gojsonschema.Validate(gojsonschema.NewBytesLoader(schema), gojsonschema.NewStringLoader(doc))
		if err != nil {
			t.Fatal(err)
		}
		if res.Valid() {
			t.Errorf("schema accepted %s", doc)
		}
	}
}

// Catalog text is escaped: markup in a message or a quote is shown, never
// parsed.
func TestHTMLEscapes(t *testing.T) {
	out := string(render(t, &HTML{Tool: testTool}, fixture()))
	for _, raw := range []string{"<script>document", "<img src=x"} {
		if strings.Contains(out, raw) {
			t.Errorf("HTML report contains raw %q", raw)
		}
	}
	if !strings.Contains(out, "&lt;script&gt;") {
		t.Error("escaped script tag not shown")
	}
	if strings.Count(out, "<script>") != 1 {
		t.Errorf("want exactly the report's own script, got %d", strings.Count(out, "<script>"))
	}
	for _, net := range []string{"http://", "https://", "src=\"//"} {
		if strings.Contains(out, net) {
			t.Errorf("HTML report refers to the network (%q)", net)
		}
	}
}

func TestBookTitleNests(t *testing.T) {
	cases := map[string]string{
		"中华人民共和国社会保险法":         "《中华人民共和国社会保险法》",
		"实施《中华人民共和国社会保险法》若干规定": "《实施〈中华人民共和国社会保险法〉若干规定》",
		"实施<中华人民共和国社会保险法>若干规定": "《实施〈中华人民共和国社会保险法〉若干规定》",
	}
	for in, want := range cases {
		if got := bookTitle(in); got != want {
			t.Errorf("bookTitle(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestCitationLabelItems: an item reference reads as a reader writes it,
// from typed references and from the JSON form alike (not "41(5)").
func TestCitationLabelItems(t *testing.T) {
	typed := &lint.Citation{Statute: "中华人民共和国统计法", Articles: []string{"41(5)"}, Refs: []lint.ArticleRef{{Num: 41, Item: 5}}}
	fromJSON := &lint.Citation{Statute: "中华人民共和国统计法", Articles: []string{"41(5)", "30.2(1)"}}
	if got, want := citationLabel(typed), "《中华人民共和国统计法》第四十一条第（五）项"; got != want {
		t.Errorf("typed: %q, want %q", got, want)
	}
	if got, want := citationLabel(fromJSON), "《中华人民共和国统计法》第四十一条第（五）项、第三十条第二款第（一）项"; got != want {
		t.Errorf("from JSON: %q, want %q", got, want)
	}
}
