package cite

import (
	"fmt"
	"os"
	"testing"
)

func TestDump(t *testing.T) {
	if os.Getenv("CITE_DUMP") == "" {
		t.Skip()
	}
	for _, f := range seedFiles {
		for n, cell := range seedCells(t, f) {
			cs := Parse(cell)
			if len(cs) == 0 {
				continue
			}
			fmt.Printf("=== %s cell %d\n", f, n)
			for _, c := range cs {
				fmt.Printf("  CIT %q br=%v note=%q arts=", c.Title, c.Bracketed, c.Note)
				for _, a := range c.Articles {
					fmt.Printf("%d", a.Num)
					if a.Suffix > 0 {
						fmt.Printf("之%d", a.Suffix)
					}
					if a.Paragraph > 0 {
						fmt.Printf("¶%d", a.Paragraph)
					}
					if a.Item > 0 {
						fmt.Printf("(%d)", a.Item)
					}
					fmt.Printf("[%s] ", cell[a.Span.Start:a.Span.End])
				}
				fmt.Println()
				for _, p := range c.Problems {
					fmt.Printf("    PROB %s %q %s\n", p.Code, cell[p.Span.Start:p.Span.End], p.Message)
				}
				if q := c.Quote; q != nil {
					fmt.Printf("    QUOTE marks=%v %q\n", q.InMarks, trunc(q.Text))
					if len(q.Parts) > 1 || q.Parts[0].Article != nil {
						for _, p := range q.Parts {
							a := 0
							if p.Article != nil {
								a = p.Article.Num
							}
							fmt.Printf("      PART %d %q\n", a, trunc(p.Text))
						}
					}
					for _, p := range q.Parts {
						for _, e := range p.Elisions {
							fmt.Printf("      ELISION %q\n", cell[e.Start:e.End])
						}
					}
				}
			}
		}
	}
}

func trunc(s string) string {
	r := []rune(s)
	if len(r) > 50 {
		return string(r[:20]) + " … " + string(r[len(r)-20:])
	}
	return s
}
