package report

import (
	"io"
	"strings"
	"testing"

	"github.com/citelint/citelint/lint"
)

// bigResult repeats the fixture's files to about 10,000 diagnostics.
func bigResult() *lint.Result {
	base := fixture()
	var files []lint.FileResult
	for i := 0; i < 1250; i++ {
		for _, f := range base.Files {
			f.Path = f.Path + "-" + itoa(i)
			files = append(files, f)
		}
	}
	r := lint.Summarize(files)
	return &r
}

func BenchmarkFormat(b *testing.B) {
	r := bigResult()
	for name, f := range map[string]Formatter{
		"text": &Text{}, "json": &JSON{}, "sarif": &SARIF{Rules: fixtureRules()}, "html": &HTML{Rules: fixtureRules()},
	} {
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				if err := f.Format(io.Discard, r); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// A long article against an unrelated quote: the worst case of a diff with
// no timeout.
func BenchmarkDiffLong(b *testing.B) {
	a := strings.Repeat("社会保险经办机构以及医疗机构、药品经营单位等社会保险服务机构以欺诈、伪造证明材料", 40)
	c := strings.Repeat("药品标识不符合本法第五十四条规定的，除依法应当按照假药、劣药论处的外，责令改正", 40)
	for b.Loop() {
		Diff(a, c)
	}
}
