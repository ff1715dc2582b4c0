package rules

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/citelint/citelint/catalog"
	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/lint/quote"
	"github.com/citelint/citelint/lint/verify"
)

var basisIrrelevantRule = &lint.Rule{
	ID:    "basis-irrelevant",
	Title: "依据与职权无关",
	Doc: "职权依据所引条文与职权名称毫无共同的实质用语（例如为“价格监督检查”引用了药品标识的条文），可能引错了条文。" +
		"这是启发式判断：只有职权名称中至少有两个实质词、且依据栏所引各条（连同引文）一个也不含时才报告；" +
		"依据栏另有相关条文时，旁引的通用法律（如《行政处罚法》）不报告。",
	Wrong:    "职权名称：对医疗救助资金使用情况进行监督检查；职权依据：《中华人民共和国价格法》第三十四条",
	Right:    "职权名称：对医疗救助资金使用情况进行监督检查；职权依据：《社会救助暂行办法》第五十七条",
	Severity: lint.Warning,
	Run:      runBasisIrrelevant,
}

// functionRunes carry no subject: a bigram holding one says nothing about
// what a power is about.
const functionRunes = "的对和或及与等进行之其为被者所以并在中于由将把向从按依据有关相规定实施处罚罚款给予监督检查管理工作情况违法行为人员单位机构部门政府行政职权责任事项"

// subjectBigrams are the bigrams of a text's Han runs that do not hold a
// function rune.
func subjectBigrams(s string) []string {
	var out []string
	seen := map[string]bool{}
	rs := []rune(quote.Fold(s))
	for i := 0; i+1 < len(rs); i++ {
		a, b := rs[i], rs[i+1]
		if !unicode.Is(unicode.Han, a) || !unicode.Is(unicode.Han, b) {
			continue
		}
		if strings.ContainsRune(functionRunes, a) || strings.ContainsRune(functionRunes, b) {
			continue
		}
		bg := string([]rune{a, b})
		if !seen[bg] {
			seen[bg] = true
			out = append(out, bg)
		}
	}
	return out
}

// actionWords name kinds of power; an article that names the kind of power
// a catalog item names grants it, if in general terms.
var actionWords = []string{"监督检查", "检查", "处罚", "许可", "强制", "征收", "确认", "裁决", "奖励"}

func sharesAction(name, article string) bool {
	for _, w := range actionWords {
		if strings.Contains(name, w) && strings.Contains(article, w) {
			return true
		}
	}
	return false
}

func runBasisIrrelevant(p *lint.Pass) error {
	if p.Entry == nil || p.Corpus == nil {
		return nil
	}
	name := p.Entry.Field(catalog.KeyName)
	basis := p.Entry.Field(catalog.KeyBasis)
	if name == nil || basis == nil {
		return nil
	}
	words := subjectBigrams(name.Text)
	if len(words) < 2 {
		return nil
	}
	// A basis that cites several statutes often adds a general law beside
	// the one the power rests on (《行政处罚法》第二十八条 for a penalty):
	// that citation is no mistake. Only a basis none of whose checkable
	// citations shares a word with the power is reported.
	var unrelated []*verify.Verification
	general := false
	for _, v := range p.Verifications(basis) {
		// A citation that cannot be read (unknown, not bundled, no
		// article, an article not found) may be the one that fits.
		if v.Statute == nil || !v.TextBundled || len(v.Articles) == 0 {
			return nil
		}
		var texts []string
		for _, ac := range v.Articles {
			if ac.Err != nil {
				return nil
			}
			texts = append(texts, strings.Join(ac.Lines, ""))
		}
		if v.Citation.Quote != nil {
			texts = append(texts, v.Citation.Quote.Text)
		}
		texts = append(texts, v.Statute.Title)
		hay := quote.Fold(strings.Join(texts, "\n"))
		shared := false
		for _, w := range words {
			if strings.Contains(hay, w) {
				shared = true
				break
			}
		}
		if shared {
			return nil
		}
		unrelated = append(unrelated, v)
		general = general || sharesAction(name.Text, hay)
	}
	for _, v := range unrelated {
		var sev *lint.Severity
		if general {
			// The article grants the very kind of power named (监督检查,
			// 行政处罚 …) in general terms: the usual basis of a power over
			// one trade, only worth a look.
			sev = sevOf(lint.Info)
		}
		p.Report(lint.Finding{Field: basis, Severity: sev, Start: v.Citation.Span.Start, End: v.Citation.Span.End,
			Citation: citationOf(v, v.Citation.Articles),
			Message: fmt.Sprintf("所引%s%s与职权名称“%s”没有一个共同的实质用语，请核对是否引错了条文。",
				statuteName(v.Statute), articleLabels(v.Citation.Articles), excerpt(name.Text, 30))})
	}
	return nil
}
