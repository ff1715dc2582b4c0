//go:build !unix

package statutes

import "time"

// cpuTime is not measured here.
func cpuTime() time.Duration { return 0 }
