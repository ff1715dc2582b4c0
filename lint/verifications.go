package lint

import (
	"github.com/citelint/citelint/catalog"
	"github.com/citelint/citelint/lint/verify"
	"github.com/citelint/citelint/statutes"
	"github.com/citelint/citelint/statutes/cite"
)

// verifyKey identifies a citation within an entry.
type verifyKey struct {
	field *catalog.Field
	span  cite.Span
}

// Verify checks a citation of field f against the corpus as of the pass's
// date, once per entry (a catalog-scope pass keeps only the last few
// fields', as Citations does). It returns nil without a corpus. The work
// is the run's verifier's (see Options.Verifier).
func (p *Pass) Verify(f *catalog.Field, c cite.Citation) *verify.Verification {
	if p.Corpus == nil {
		return nil
	}
	st := p.state()
	k := verifyKey{f, c.Span}
	if v, ok := st.verifs[k]; ok {
		return v
	}
	v := p.verifier().Verify(f, c, p.AsOf)
	if p.Entry == nil && len(st.verifs) >= catalogCache {
		clear(st.verifs)
	}
	st.verifs[k] = v
	return v
}

// Locate finds the article of the corpus whose text holds text verbatim
// (see verify.Verifier.Locate), preferring one in force at the pass's
// date; nil without a corpus, for a short text or when none holds it. The
// first call of a run loads every article's text.
func (p *Pass) Locate(text string) *verify.Source {
	if p.Corpus == nil {
		return nil
	}
	return p.verifier().Locate(text, p.AsOf)
}

// catalogCache bounds what a catalog-scope pass keeps of the citations and
// verifications it asked for: such a rule walks the entries one after the
// other, and keeping every entry's would hold the whole catalog's
// verifications in memory at once.
const catalogCache = 64

// Verifications verifies every citation of a field, in order.
func (p *Pass) Verifications(f *catalog.Field) []*verify.Verification {
	if p.Corpus == nil || f == nil {
		return nil
	}
	cs := p.Citations(f)
	out := make([]*verify.Verification, 0, len(cs))
	for _, c := range cs {
		out = append(out, p.Verify(f, c))
	}
	return out
}

// Resolutions is Verifications without comparing any quote with the
// statute (see verify.Verifier.Resolution), kept per entry as Verify's
// verifications are.
func (p *Pass) Resolutions(f *catalog.Field) []*verify.Verification {
	if p.Corpus == nil || f == nil {
		return nil
	}
	st := p.state()
	if st.resolved == nil {
		st.resolved = map[verifyKey]*verify.Verification{}
	}
	cs := p.Citations(f)
	out := make([]*verify.Verification, 0, len(cs))
	for _, c := range cs {
		k := verifyKey{f, c.Span}
		v, ok := st.resolved[k]
		if !ok {
			v = p.verifier().Resolution(f, c, p.AsOf)
			if p.Entry == nil && len(st.resolved) >= catalogCache {
				clear(st.resolved)
			}
			st.resolved[k] = v
		}
		out = append(out, v)
	}
	return out
}

// Resolve finds the statute a cited title names, trying the configured
// aliases first. A title is resolved once per run.
func (p *Pass) Resolve(title string) (*statutes.Statute, error) {
	return p.verifier().Resolve(title)
}

func (p *Pass) state() *entryState {
	if p.shared == nil {
		p.shared = &entryState{}
	}
	if p.shared.verifs == nil {
		p.shared.verifs = map[verifyKey]*verify.Verification{}
	}
	return p.shared
}

// verifier returns the run's verifier, or for a pass built without Run (a
// test) one of its own, built from the pass's corpus and configuration.
func (p *Pass) verifier() *verify.Verifier {
	if p.run != nil {
		return p.run
	}
	st := p.state()
	if st.verifier == nil {
		st.verifier = verify.New(p.Corpus, verifyOptions(p.Config))
	}
	return st.verifier
}

// verifyOptions are a configuration's options for verification.
func verifyOptions(cfg *Config) verify.Options {
	if cfg == nil {
		return verify.Options{}
	}
	return verify.Options{Aliases: cfg.Aliases}
}
