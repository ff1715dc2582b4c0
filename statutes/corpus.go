package statutes

// Corpus is the loaded set of statutes. (Implementation: issue 2.)
type Corpus struct {
	statutes []*Statute
}
