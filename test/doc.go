// Package test holds citelint's end-to-end and robustness tests, run
// through the real binary (built once by TestMain) and on catalogs made by
// internal/gen:
//
//   - recall_test.go: on a generated 2,000-entry catalog every injected
//     defect is found under its rule and nothing else is reported at warning
//     or error; the same catalog in every format gives the same findings.
//   - hostile_test.go: zip bombs, deeply nested XML, 10 MB cells, 100,000
//     citations in a cell, bad encodings, files that vanish or are not files,
//     read-only, full and corrupt caches: a clear error or a correct result,
//     within time and memory bounds, never a panic, never a changed input.
//   - race_test.go: parallel lint is deterministic (run with -race in CI).
//   - bench_test.go: in-process benchmarks (bench/run.sh times whole
//     processes).
//
// The suite is unix-only (it measures the binary with /usr/bin/time and
// makes FIFOs); the unit tests of every package also run on Windows.
//
// Set CITELINT_RECALL_OUT=DIR to keep the recall tables and the lists of
// misses and false alarms.
package test
