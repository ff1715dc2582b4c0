// Package cite parses statute citations out of a catalog field's text:
// 《title》 with an optional parenthesised document number or version note,
// article lists and ranges (第八十七条, 第87、88条, 第十条至第十二条), 款 and 项,
// and the quoted article text that follows '：'. It is pure (no corpus, no
// I/O) so it can be fuzzed; resolution against the corpus happens in lint.
//
// # What Parse returns
//
// One Citation per cited statute, in text order, with byte offsets (on rune
// boundaries) into the text given to Parse:
//
//   - Title: the name inside 《》 or 〈〉 (nested marks kept:
//     实施<中华人民共和国社会保险法>若干规定), with line breaks from a cell's
//     wrapping removed; TitleSpan covers it as written. A title written
//     without 《》 (依据社会保险法第八十七条) has Bracketed false.
//   - Note: the parenthesised note right after the title (国务院令第735号,
//     …通过，根据…修正), full- or half-width parentheses, unwrapped like the
//     title; also a document number after 的通知 and a misplaced issuer
//     prefix (湘（医保发〔2019〕23 号）, reported).
//   - Articles: every article named, in the order written, ranges expanded,
//     with 之一 (Suffix), 款 (Paragraph) and 项 (Item). Each Article's Span
//     is the text naming it: 第八十七条; in 第87、88条 the parts 第87 and
//     88条; for the inner members of a range the whole range. When the head
//     names no article but the quote is labelled (《社会保险稽核办法》 on one
//     line, 第二条：… 第三条：… on the next), Articles lists the labels'
//     articles and ArticleSpan is zero.
//   - Quote: the text after '：' (or ':'; 规定： and 的规定： too) up to the
//     next citation, or the text in “…” written right after the title
//     (InMarks). Trim rules, so that Quote.Text == text[Span.Start:Span.End]
//     and a verifier compares statute text only: leading white space, colons
//     and stray symbols go (第2、29条：🍩: quotes what follows the last
//     colon); trailing white space, stray symbols and a closing quotation
//     mark that has no opening one go (…行政处罚。"); a quote wholly wrapped
//     in “…” after '：' loses the marks. The stray-character rule reports
//     what was trimmed; the parser does not.
//   - Quote.Parts: a labelled quote (第二条　本办法所称… 第三条　…) is split
//     per label, each Part with its label's Article and the text after the
//     label; text before the first label, or a quote without labels, is one
//     Part whose Article is nil (it belongs to the citation's Articles as a
//     whole: whether it merges several of them is the verifier's question).
//     A label is 第N条 (or 第N条之M) at the start of the quote or of a line,
//     or after white space, '。', '；' or '：', followed by a full-width
//     space, a space, a tab or a colon. Each Part records its elisions: runs
//     of '…' (…… is one elision), '⋯' or three or more dots
//     (... ．．． ··· ・・・ 。。。, as typed when the ellipsis was not at hand).
//   - Problems: missing-tiao (第6、22、27), unbalanced-title (《 without 》,
//     》 without 《), space-before-article (a space or line break between 》
//     or the note's closing parenthesis and 第; the message says which),
//     stray-period (》。第), broken-docno (〔2018〕\n22 号, 23 号),
//     bad-docno-brackets (【2013】, [2013], 湘（医保发〔2019〕23号）), no-article.
//     Each carries a span and one Chinese sentence naming the fix. Whether a
//     column requires articles is lint's decision, not the parser's.
//
// # A new citation or a mention
//
// Outside a quote — before the first '：', or after a citation that quotes
// nothing — every 《title》 is a citation, wherever it stands (依照《中华人民共和国
// 行政处罚法》第七十二条的规定执行 cites article 72). A title without 《》
// counts only at the start of a line (after white space or an enumeration
// number such as 1. or 2、) or right after 依据, 根据, 依照, 按照, 参照 or 违反;
// it must end in 法, 条例, 办法, 规定, 规则, 细则 or 决定, be followed
// directly by an article list with its 条, and not start with 本, 该, 此, 前款,
// 上述 …: 本法第五十四条 and 本条例第三十八条 are references inside a statute,
// never citations.
//
// Inside a quote the quoted article may itself name statutes, so a head
// opens a new citation (and ends the quote) only where catalogs start one:
//
//   - at the start of a line, after optional white space, an enumeration
//     number (1. 2、 （3）) or a trigger word, or mid-line after white space
//     and an enumeration number (1.《…》第三条 2.《…》第五条), and
//   - followed by '：' (with or without an article list before it), by a
//     quote in “…”, by the end of its line, or by white space and the next
//     enumeration number;
//   - or right after '。' or '；' on the same line, when followed by an
//     article list and '：'.
//
// Three more forms end a quote and open a citation:
//
//   - a level tag before the head (【法律】, [行政法规], ［部门规章］ anywhere;
//     法律： at the start of a line or after '。', '；' or white space):
//     several tagged citations may share a line;
//   - a reference back to the statute cited before it in the same text
//     (同法, 该法, 该条例, 上述法律 …, followed by its article list): Ref
//     holds the word and Title the statute's title (the latest cited of
//     the kind the word names, else the latest; 本法, 本条例 … only of
//     their kind). Inside a quote it must stand where a citation would
//     (line start, enumeration number, tag, after '。' or '；') and
//     introduce its own text or end its line;
//   - a run-on: a statute's 《title》, its article list and a colon or
//     white space, straight after the quote with no punctuation
//     (…处以罚款《乙法》第五条 …; also after a trigger word, which stays
//     in the quote).
//
// A quote that ends where another citation starts on its line is Joint:
// the separator before the citation (；，、) is left out of its text.
//
// Anything else is a mention and stays part of the quote: …依照《中华人民共和国
// 行政处罚法》第七十二条的规定执行 in the middle of an article, a line that
// starts 《X法》第五条规定的…, and 本法/本条例/本办法 anywhere. The quote ends
// where the new citation's prefix (its enumeration number or trigger word)
// begins.
package cite
