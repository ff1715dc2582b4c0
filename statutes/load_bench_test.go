package statutes

import (
	"testing"
	"time"
)

// BenchmarkLoadAllText loads the text of every version of a cold embedded
// corpus, as lint's whole-corpus quote search and the search index do. On
// a busy machine wall time says little: cpu-ms/op is the process CPU time
// (all goroutines) per load.
func BenchmarkLoadAllText(b *testing.B) {
	cpu0 := cpuTime()
	for b.Loop() {
		c, err := Default()
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		c.ForEachArticle(func(s *Statute, v *Version, a *Article) bool {
			n++
			return true
		})
		if n < 50000 {
			b.Fatalf("%d articles", n)
		}
	}
	if d := cpuTime() - cpu0; d > 0 {
		b.ReportMetric(float64(d)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
	}
}
