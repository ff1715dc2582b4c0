// Package quote aligns a quoted text against the statute text it claims to
// reproduce and says how the two differ: exact, a whole 款 or 项, elided with
// a marked ellipsis, truncated without one, several articles merged, or
// mismatched (with a rune-level diff).
//
// It is pure (no corpus, no I/O) so it can be fuzzed. Both sides are first
// normalised: full-width forms fold to their narrow forms (so '，' and ','
// compare equal; the punctuation rule reports ASCII punctuation on its own),
// and whitespace, line breaks and invisible format characters are dropped.
// Nothing else is folded: digits never equal Chinese numerals (2年 is not
// 二年 in a statute's text) and 的/地/得 stay distinct. Every normalised rune
// keeps the byte offset of its source rune, so results map back onto the
// untouched text.
//
// A quote that reproduces the whole article but leaves off (or changes) only
// its closing punctuation is a mismatch with EndPunct set, not a truncation:
// nothing of the law's content is missing, but the text is not verbatim,
// which the quote-mismatch rule reports at a milder severity. A quote that
// stops early and closes with its own '。' is a truncation: the part left
// out is content.
package quote
