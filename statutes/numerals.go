package statutes

import (
	"errors"
	"strings"
	"unicode/utf8"
)

// ErrNumeral is returned for text that is not a number.
var ErrNumeral = errors.New("not a number")

// cnDigit reads one Chinese digit (common and formal forms); a switch, not
// a map: every article label of the corpus passes here.
func cnDigit(r rune) (int, bool) {
	switch r {
	case '零', '〇', '○', 'Ｏ':
		return 0, true
	case '一', '壹':
		return 1, true
	case '二', '贰', '两':
		return 2, true
	case '三', '叁':
		return 3, true
	case '四', '肆':
		return 4, true
	case '五', '伍':
		return 5, true
	case '六', '陆':
		return 6, true
	case '七', '柒':
		return 7, true
	case '八', '捌':
		return 8, true
	case '九', '玖':
		return 9, true
	}
	return 0, false
}

func cnUnit(r rune) (int, bool) {
	switch r {
	case '十', '拾':
		return 10, true
	case '百', '佰':
		return 100, true
	case '千', '仟':
		return 1000, true
	}
	return 0, false
}

// maxNumber bounds what ParseNumber accepts: no article, paragraph or item
// number comes near it, and the bound keeps arithmetic far from overflow.
const maxNumber = 99999999

// ParseNumber reads a non-negative integer written in Arabic digits (ASCII
// or full-width) or in Chinese numerals (一百零四, 十, 二十一, 一〇四, 壹佰).
func ParseNumber(s string) (int, error) {
	if s == "" {
		return 0, ErrNumeral
	}
	if n, ok := parseArabic(s); ok {
		return n, nil
	}
	// Digit-by-digit form without units: 一〇四.
	if !strings.ContainsAny(s, "十拾百佰千仟万") {
		n := 0
		for _, r := range s {
			d, ok := cnDigit(r)
			if !ok {
				return 0, ErrNumeral
			}
			n = n*10 + d
			if n > maxNumber {
				return 0, ErrNumeral
			}
		}
		if utf8.RuneCountInString(s) > 1 && strings.HasPrefix(s, "零") {
			return 0, ErrNumeral
		}
		return n, nil
	}
	total, section, digit := 0, 0, -1
	lastUnit := 100000 // units must decrease within a section
	for _, r := range s {
		if d, ok := cnDigit(r); ok {
			if digit >= 0 && d != 0 && digit != 0 {
				return 0, ErrNumeral // two digits in a row: 一二十
			}
			if d != 0 {
				digit = d
			} else {
				digit = 0
			}
			continue
		}
		if u, ok := cnUnit(r); ok {
			if u >= lastUnit {
				return 0, ErrNumeral
			}
			lastUnit = u
			if digit <= 0 {
				if digit == 0 || u != 10 || section != 0 {
					// 零十 is malformed; a bare 十 is 10 only at the start (十一, 二百十 is odd but seen as 二百一十).
					if digit == 0 || u != 10 {
						return 0, ErrNumeral
					}
				}
				digit = 1
			}
			section += digit * u
			digit = -1
			continue
		}
		if r == '万' {
			if digit > 0 {
				section += digit
			}
			if section == 0 || total != 0 {
				return 0, ErrNumeral
			}
			total = section * 10000
			section, digit, lastUnit = 0, -1, 100000
			continue
		}
		return 0, ErrNumeral
	}
	if digit > 0 {
		section += digit
	}
	n := total + section
	if n > maxNumber {
		return 0, ErrNumeral
	}
	return n, nil
}

func parseArabic(s string) (int, bool) {
	n := 0
	for _, r := range s {
		var d int
		switch {
		case r >= '0' && r <= '9':
			d = int(r - '0')
		case r >= '０' && r <= '９':
			d = int(r - '０')
		default:
			return 0, false
		}
		n = n*10 + d
		if n > maxNumber {
			return 0, false
		}
	}
	return n, true
}

// FormatNumber writes n (0 ≤ n < 100000000) in Chinese numerals as statutes
// number their articles: 10 → 十, 104 → 一百零四, 110 → 一百一十.
func FormatNumber(n int) string {
	if n < 0 || n > maxNumber {
		return ""
	}
	if n == 0 {
		return "零"
	}
	digits := []string{"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	section := func(n int, leading bool) string {
		// n < 10000
		var b strings.Builder
		units := []struct {
			v int
			s string
		}{{1000, "千"}, {100, "百"}, {10, "十"}, {1, ""}}
		zero := false
		started := false
		for _, u := range units {
			d := n / u.v % 10
			if d == 0 {
				if started || !leading {
					zero = true
				}
				continue
			}
			if zero && (started || !leading) {
				b.WriteString("零")
			}
			zero = false
			if !(d == 1 && u.v == 10 && !started && leading) {
				b.WriteString(digits[d])
			}
			b.WriteString(u.s)
			started = true
		}
		return b.String()
	}
	if n < 10000 {
		return section(n, true)
	}
	hi, lo := n/10000, n%10000
	s := section(hi, true) + "万"
	if lo == 0 {
		return s
	}
	if lo < 1000 {
		return s + "零" + strings.TrimPrefix(section(lo, false), "零")
	}
	return s + section(lo, false)
}

// ArticleLabel formats an article number as statutes print it: 第八十七条,
// 第十条之一.
func ArticleLabel(num, suffix int) string {
	s := "第" + FormatNumber(num) + "条"
	if suffix > 0 {
		s += "之" + FormatNumber(suffix)
	}
	return s
}

// ParseArticleLabel reads 第八十七条, 第87条, 第十条之一, 87, 十条之一 into
// number and suffix.
func ParseArticleLabel(s string) (num, suffix int, err error) {
	s = strings.TrimSpace(s)
	s = strings.TrimPrefix(s, "第")
	if i := strings.Index(s, "之"); i >= 0 {
		suffix, err = ParseNumber(s[i+len("之"):])
		if err != nil || suffix == 0 {
			return 0, 0, ErrNumeral
		}
		s = s[:i]
	}
	s = strings.TrimSuffix(s, "条")
	num, err = ParseNumber(s)
	if err != nil || num == 0 {
		return 0, 0, ErrNumeral
	}
	return num, suffix, nil
}
