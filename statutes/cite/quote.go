package cite

import (
	"strings"
	"unicode"
)

// isStray reports whether r is a symbol, private-use, format or invalid
// rune: never statute text, so a quote does not start or end with one
// (🍩 in '第2、29条：🍩:'); the stray-character rule reports them.
func isStray(r rune) bool {
	return r == unicode.ReplacementChar || r == '\ufe0f' || unicode.In(r, unicode.So, unicode.Sk, unicode.Co, unicode.Cf, unicode.Cs, unicode.Cc)
}

// buildQuote trims a quote's raw region and splits it into parts.
//
// Trim rules: leading white space, colons and stray symbols go (the quote
// starts after '：🍩:'); trailing white space, stray symbols and a closing
// quotation mark with no opening one ('…行政处罚。"') go; a quote wholly
// wrapped in “…” loses the marks. Quote.Text is then exactly
// text[Span.Start:Span.End].
func buildQuote(text string, rg region) *Quote {
	s, e := rg.start, rg.end
	if rg.kind == quoteColon {
		for s < e {
			r, sz := at(text, s)
			if !isSpace(r) && !isColon(r) && !isStray(r) {
				break
			}
			s += sz
		}
	}
	s, e = trimSpan(text, s, e)
trim:
	for s < e {
		r, sz := before(text, e)
		body := text[s : e-sz]
		switch {
		case isStray(r) && !isSpace(r):
		case r == '"' && strings.Count(body, `"`)%2 == 0:
		case r == '”' && strings.Count(body, "“") <= strings.Count(body, "”"):
		default:
			break trim
		}
		_, e = trimSpan(text, s, e-sz)
	}
	if rg.kind == quoteColon && strings.HasPrefix(text[s:e], "“") && strings.HasSuffix(text[s:e], "”") {
		if c := closingMark(text[:e], s+len("“")); c == e-len("”") {
			s, e = trimSpan(text, s+len("“"), e-len("”"))
		}
	}
	// A quote that runs up to another citation on its line: 《甲法》第十条
	// ……；同法第十二条 ……. The separator before the next citation belongs
	// to the list of citations, not to the article. On the next line, the
	// quote ends as written.
	joint := rg.joint && !strings.ContainsFunc(text[e:rg.end], isNL)
	if joint {
		for s < e {
			r, sz := before(text, e)
			if !strings.ContainsRune("；;，,、", r) {
				break
			}
			_, e = trimSpan(text, s, e-sz)
		}
	}
	if s >= e {
		return nil
	}
	q := &Quote{Span: Span{s, e}, Text: text[s:e], InMarks: rg.kind == quoteMarks, Joint: joint}
	q.Parts = splitParts(text, s, e)
	return q
}

func isDot(r rune) bool { return r == '.' || r == '．' || r == '·' || r == '・' || r == '。' }

// label is an article label inside a quote: 第二条　, 第三条：.
type label struct {
	art  Article
	body int // where the article's text starts
}

// findLabels finds article labels in text[s:e]. A label is 第N条 (or
// 第N条之M) at the quote's start, at a line's start, after white space or
// after '。', '；' or '：', and followed by a full-width space, a space, a
// tab or a colon: 第二条　本办法所称… 第三条　…
func findLabels(text string, s, e int) []label {
	var ls []label
	for k := s; k < e; {
		x := strings.Index(text[k:e], "第")
		if x < 0 {
			break
		}
		k += x
		if labelPlace(text, s, k) {
			if n, ne, ok := readNumber(text, k+len("第")); ok && ne < e && hasPrefixAt(text, ne, "条") {
				end := ne + len("条")
				suffix := 0
				if hasPrefixAt(text, end, "之") {
					if m, me, ok := readNumber(text, end+len("之")); ok {
						suffix, end = m, me
					}
				}
				para, item, end := labelSubUnits(text, end, e)
				if r, sz := at(text, end); end < e && isLabelSep(r) {
					ls = append(ls, label{art: Article{Num: n, Suffix: suffix, Paragraph: para, Item: item, Span: Span{k, end}}, body: end + sz})
					k = end + sz
					continue
				}
			}
		}
		_, sz := at(text, k)
		k += sz
	}
	return ls
}

// labelSubUnits reads the 款 and 项 a label may name after its 条
// (第十三条第一款　…, 第十四条第（四）项　…), returning them and where the
// label ends.
func labelSubUnits(text string, i, e int) (para, item, end int) {
	end = i
	if hasPrefixAt(text, end, "第") {
		if n, ne, ok := readNumber(text, end+len("第")); ok && ne < e && hasPrefixAt(text, ne, "款") {
			para, end = n, ne+len("款")
		}
	}
	if hasPrefixAt(text, end, "第") {
		k := end + len("第")
		r, sz := at(text, k)
		paren := isOpenParen(r)
		if paren {
			k += sz
		}
		if n, ne, ok := readNumber(text, k); ok && ne < e {
			if paren {
				if c, csz := at(text, ne); isCloseParen(c) {
					ne += csz
				} else {
					return para, 0, end
				}
			}
			if hasPrefixAt(text, ne, "项") {
				item, end = n, ne+len("项")
			}
		}
	}
	return para, item, end
}

func labelPlace(text string, s, k int) bool {
	if k == s {
		return true
	}
	r, _ := before(text, k)
	return isSpace(r) || strings.ContainsRune("。；;：:", r)
}

// splitParts splits a quote at its article labels; an unlabelled quote is
// one part with a nil Article.
func splitParts(text string, s, e int) []QuotePart {
	ls := findLabels(text, s, e)
	var parts []QuotePart
	add := func(a *Article, ps, pe int) {
		ps, pe = trimSpan(text, ps, pe)
		parts = append(parts, QuotePart{Article: a, Span: Span{ps, pe}, Text: text[ps:pe], Elisions: elisions(text, ps, pe)})
	}
	if len(ls) == 0 {
		add(nil, s, e)
		return parts
	}
	if a, b := trimSpan(text, s, ls[0].art.Span.Start); a < b {
		add(nil, a, b)
	}
	for x, l := range ls {
		end := e
		if x+1 < len(ls) {
			end = ls[x+1].art.Span.Start
		}
		a := l.art
		add(&a, l.body, end)
	}
	return parts
}

// elisions finds the runs of '…' or '⋯' (…… is one elision) and of three or
// more dots (. ． · ・ 。, as typed when the ellipsis was not at hand) in
// text[s:e].
func elisions(text string, s, e int) []Span {
	var out []Span
	for k := s; k < e; {
		// Only these lead bytes start an ellipsis or a dot.
		if b := text[k]; b != '.' && b != 0xE2 && b != 0xE3 && b != 0xEF && b != 0xC2 {
			k++
			continue
		}
		r, sz := at(text, k)
		if r == '…' || r == '⋯' || isDot(r) {
			j := k
			n := 0
			for j < e {
				r2, sz2 := at(text, j)
				if r2 != r {
					break
				}
				j += sz2
				n++
			}
			if !isDot(r) || n >= 3 {
				out = append(out, Span{k, j})
			}
			k = j
			continue
		}
		k += sz
	}
	return out
}
