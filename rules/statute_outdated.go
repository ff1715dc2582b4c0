package rules

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/citelint/citelint/catalog"
	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/lint/verify"
	"github.com/citelint/citelint/statutes"
)

var statuteOutdatedRule = &lint.Rule{
	ID:    "statute-outdated",
	Title: "注明的法规版本不是现行版本",
	Doc: "引用时注明的版本（“2016年修正”“根据2018年12月29日……修正”）早于目录日期施行的版本：" +
		"目录引用的是旧版本，条文和序号可能已经变了。",
	Wrong:    "《中华人民共和国社会保险法》（2010年10月28日通过）第八十七条（目录日期为2025年）",
	Right:    "《中华人民共和国社会保险法》（根据2018年12月29日第十三届全国人民代表大会常务委员会第七次会议修正）第八十七条",
	Severity: lint.Warning,
	Run:      runStatuteOutdated,
}

var (
	noteDate = regexp.MustCompile(`(\d{4})年(?:(\d{1,2})月(?:(\d{1,2})日)?)?`)
	// versionWords mark a date as a version's: adopted, published,
	// amended or revised (施行 dates are effective dates, not versions).
	versionWords = []string{"修正", "修订", "通过", "公布"}
)

// noteVersion finds the latest version date a citation's note claims:
// full dates, or a year alone (2016年修正, yearOnly set).
func noteVersion(note string) (d time.Time, yearOnly, ok bool) {
	for _, m := range noteDate.FindAllStringSubmatchIndex(note, -1) {
		rest := note[m[1]:]
		if i := strings.IndexAny(rest, "，,；;、）)"); i >= 0 {
			rest = rest[:i]
		}
		isVersion := false
		for _, w := range versionWords {
			if strings.Contains(rest, w) {
				isVersion = true
			}
		}
		if !isVersion {
			continue
		}
		y, _ := strconv.Atoi(note[m[2]:m[3]])
		mo, da, yo := 12, 31, true
		if m[4] >= 0 && m[6] >= 0 {
			mo, _ = strconv.Atoi(note[m[4]:m[5]])
			da, _ = strconv.Atoi(note[m[6]:m[7]])
			yo = false
		}
		if y < 1949 || mo < 1 || mo > 12 || da < 1 || da > 31 {
			continue
		}
		t := time.Date(y, time.Month(mo), da, 0, 0, 0, 0, time.UTC)
		if !ok || t.After(d) {
			d, yearOnly, ok = t, yo, true
		}
	}
	return d, yearOnly, ok
}

func labelDate(v *statutes.Version) (time.Time, bool) {
	if len(v.Label) < 10 {
		return time.Time{}, false
	}
	t, err := time.Parse("2006-01-02", v.Label[:10])
	return t, err == nil
}

func runStatuteOutdated(p *lint.Pass) error {
	eachVerification(p, func(f *catalog.Field, v *verify.Verification) {
		if v.Statute == nil || v.Version == nil || v.Citation.Note == "" || v.Status == statutes.StatusRepealed {
			return
		}
		// A version added by hand and not verified (a revision the
		// sources lack) never makes a catalog's note outdated.
		if !v.Version.Verified && !v.Version.Derived {
			return
		}
		d, yearOnly, ok := noteVersion(v.Citation.Note)
		if !ok {
			return
		}
		cur, ok := labelDate(v.Version)
		if !ok {
			return
		}
		if yearOnly && d.Year() >= cur.Year() || !yearOnly && !d.Before(cur) {
			return
		}
		claimed := d.Format("2006-01-02")
		if yearOnly {
			claimed = strconv.Itoa(d.Year()) + "年"
		}
		p.Report(lint.Finding{Field: f, Start: v.Citation.NoteSpan.Start, End: v.Citation.NoteSpan.End,
			Citation: citationOf(v, v.Citation.Articles),
			Message: fmt.Sprintf("引用%s时注明的是%s的版本，而目录日期（%s）施行的是%s，请按现行版本核对条文。",
				statuteName(v.Statute), claimed, p.AsOf.Format("2006-01-02"), versionName(v.Version))})
	})
	return nil
}
