// Package verify checks citations against the statute corpus: it resolves
// a cited title (aliases first), picks the version in force on a date,
// looks up each cited article, 款 and 项, and compares each quoted part with
// the cited text (lint/quote aligns the two). A quote that does not read as
// the cited text is traced to where it comes from: another article or 款 of
// the cited version (misattributed), an earlier version (superseded), or,
// through a gram index of every bundled article, another statute.
//
// A Verifier is built once per corpus and options and shared by the files
// of a run (and the entries of each, checked in parallel): it keeps what
// depends only on the corpus, never on a catalog — resolved titles,
// looked-up articles, statute text prepared for alignment, the corpus scan
// index — so each statute is prepared once per run. It keeps no
// verification: package lint's Pass keeps those per entry, for the rules.
package verify
