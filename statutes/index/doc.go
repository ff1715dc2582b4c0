// Package index answers "which article holds this text?" over the statute
// corpus. It keeps a bleve (scorch, cjk analyzer) full-text index of every
// bundled article, cached on disk per corpus and rebuilt whenever the cache
// is missing, unfinished, damaged or stale, and ranks hits by Coverage, the
// share of the query an article contains (see Match), before bleve's score.
//
// It is the only package that imports bleve. Lint does not use it: lint
// scans the corpus directly, so a cold lint never waits for an index build.
package index
