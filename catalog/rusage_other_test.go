//go:build !unix

package catalog

// maxRSSMB and cpuSeconds are not measured off unix: the benchmarks report 0.
func maxRSSMB() float64 { return 0 }

func cpuSeconds() float64 { return 0 }
