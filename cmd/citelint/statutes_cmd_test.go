package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/citelint/citelint/statutes"
)

const art87 = "社会保险经办机构以及医疗机构、药品经营单位等社会保险服务机构以欺诈、伪造证明材料或者其他手段骗取社会保险基金支出的，由社会保险行政部门责令退回骗取的社会保险金，处骗取金额二倍以上五倍以下的罚款；属于社会保险服务机构的，解除服务协议；直接负责的主管人员和其他直接责任人员有执业资格的，依法吊销其执业资格。"

const label86 = "药品标识不符合本法第五十四条规定的，除依法应当按照假药、劣药论处的外，责令改正，给予警告；情节严重的，撤销该药品的批准证明文件。"

const drug86of2019 = "药品上市许可持有人、药品生产企业、药品经营企业和医疗机构应当依法向药品价格主管部门提供其药品的实际购销价格和购销数量等资料。"

// drug86of2015 is 第八十六条 of the 2015 text (药品检验机构), held as a partial,
// unverified version.
const drug86of2015 = "药品检验机构出具虚假检验报告，构成犯罪的，依法追究刑事责任；不构成犯罪的，责令改正，给予警告，对单位并处三万元以上五万元以下的罚款；对直接负责的主管人员和其他直接责任人员依法给予降级、撤职、开除的处分，并处三万元以下的罚款；有违法所得的，没收违法所得；情节严重的，撤销其检验资格。药品检验机构出具的检验结果不实，造成损失的，应当承担相应的赔偿责任。"

func TestStatutesShow(t *testing.T) {
	tests := []struct {
		name      string
		args      []string
		code      int
		stdout    string // exact, "" to skip
		stdoutHas string
		stderrHas string
	}{
		{"number", []string{"社会保险法", "87"}, 0, art87 + "\n", "", "2018-12-29"},
		{"chinese label", []string{"社会保险法", "第八十七条"}, 0, art87 + "\n", "", ""},
		{"full title", []string{"《中华人民共和国社会保险法》", "第87条"}, 0, art87 + "\n", "", ""},
		{"paragraph dotted", []string{"社会保险法", "4.2"}, 0, "个人依法享受社会保险待遇，有权监督本单位为其缴费情况。\n", "", "第四条第二款"},
		{"paragraph chinese", []string{"社会保险法", "第四条第二款"}, 0, "个人依法享受社会保险待遇，有权监督本单位为其缴费情况。\n", "", ""},
		{"item", []string{"价格法", "第三十四条第（二）项"}, 0, "", "（二）查询、复制", ""},
		{"suffix", []string{"刑法", "17之一"}, 0, "已满七十五周岁的人故意犯罪的，可以从轻或者减轻处罚；过失犯罪的，应当从轻或者减轻处罚。\n", "", "第十七条之一"},
		{"suffix chinese", []string{"刑法", "第十七条之一"}, 0, "已满七十五周岁的人故意犯罪的，可以从轻或者减轻处罚；过失犯罪的，应当从轻或者减轻处罚。\n", "", ""},
		{"partial version", []string{"药品管理法", "86", "--as-of", "2014-06-01"}, 0, label86 + "\n", "", "部分条文"},
		{"partial version 2015", []string{"药品管理法", "86", "--as-of", "2019-06-01"}, 0, drug86of2015 + "\n", "", "未经核对"},
		{"2015 label article", []string{"药品管理法", "85", "--as-of", "2019-06-01"}, 0, label86 + "\n", "", "部分条文"},
		{"current version", []string{"药品管理法", "86"}, 0, drug86of2019 + "\n", "", "2019-08-26"},
		{"partial lacks article", []string{"药品管理法", "87", "--as-of", "2019-06-01"}, 0, "", "只收录了部分条文", ""},
		{"errata noted", []string{"价格法", "34"}, 0, "", "可以行使下列职权：\n", "勘误"},
		{"metadata only", []string{"社会保险稽核办法", "5"}, 0, "", "劳动和社会保障部令第16号", ""},
		{"unknown statute", []string{"社会保险发", "87"}, 2, "", "", "社会保险法"},
		{"no such article", []string{"社会保险法", "200"}, 2, "", "", "没有第二百条"},
		{"no such paragraph", []string{"社会保险法", "87.3"}, 2, "", "", "第八十七条第三款"},
		{"bad article", []string{"社会保险法", "八十七x"}, 2, "", "", "无法识别条文"},
		{"not yet in force", []string{"民法典", "1", "--as-of", "2020-06-01"}, 2, "", "", "尚未施行"},
		{"bad date", []string{"社会保险法", "87", "--as-of", "2019/06/01"}, 2, "", "", "--as-of"},
		{"facts", []string{"实施<中华人民共和国社会保险法>若干规定"}, 0, "", "人力资源和社会保障部令第13号", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errb, code := runCLI(t, append([]string{"statutes", "show"}, tt.args...)...)
			if code != tt.code {
				t.Fatalf("exit %d, want %d; stdout %q stderr %q", code, tt.code, out, errb)
			}
			if tt.stdout != "" && out != tt.stdout {
				t.Errorf("stdout = %q, want %q", out, tt.stdout)
			}
			if !strings.Contains(out, tt.stdoutHas) {
				t.Errorf("stdout = %q, want it to contain %q", out, tt.stdoutHas)
			}
			if !strings.Contains(errb, tt.stderrHas) {
				t.Errorf("stderr = %q, want it to contain %q", errb, tt.stderrHas)
			}
		})
	}
}

var totalsRe = regexp.MustCompile(`合计：(\d+) 部法规（其中 (\d+) 部仅有元数据），条文 (\d+) 条`)

func TestStatutesList(t *testing.T) {
	out, errb, code := runCLI(t, "statutes", "list")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errb)
	}
	m := totalsRe.FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("no totals line in %q", out[max(0, len(out)-300):])
	}
	nStatutes, _ := strconv.Atoi(m[1])
	nArticles, _ := strconv.Atoi(m[3])
	if nStatutes < 1000 || nArticles < 50000 {
		t.Errorf("%d statutes, %d articles; want at least 1000 and 50000", nStatutes, nArticles)
	}
	if lines := strings.Count(out, "\n"); lines != nStatutes+1 {
		t.Errorf("%d lines for %d statutes", lines, nStatutes)
	}

	out, _, code = runCLI(t, "statutes", "list", "--kind", "部门规章")
	m = totalsRe.FindStringSubmatch(out)
	if code != 0 || m == nil || !strings.Contains(out, "社会保险稽核办法") || strings.Contains(out, "中华人民共和国社会保险法 ") {
		t.Errorf("--kind 部门规章: exit %d, %q", code, out[max(0, len(out)-300):])
	}
	out, _, code = runCLI(t, "statutes", "list", "--status", "repealed", "--as-of", "2024-01-01")
	if code != 0 || !strings.Contains(out, "欺诈骗取医疗保障基金行为举报奖励暂行办法") || strings.Contains(out, "社会保险法") {
		t.Errorf("--status repealed: exit %d, %q", code, out)
	}
	for _, args := range [][]string{{"--kind", "法规"}, {"--status", "x"}, {"--as-of", "yesterday"}} {
		if _, _, code := runCLI(t, append([]string{"statutes", "list"}, args...)...); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
}

// TestStatutesListCounts: --counts prints one line per level whose
// figures add up to the totals line, and the totals line names the same
// counts by level.
func TestStatutesListCounts(t *testing.T) {
	out, errb, code := runCLI(t, "statutes", "list", "--counts")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errb)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) < 4 || !strings.HasPrefix(lines[0], "层级") {
		t.Fatalf("no counts table in %q", out)
	}
	m := totalsRe.FindStringSubmatch(lines[len(lines)-1])
	if m == nil {
		t.Fatalf("no totals line in %q", out)
	}
	sum, sumArticles := 0, 0
	var by []string
	for _, l := range lines[1 : len(lines)-1] {
		f := strings.Fields(l)
		if len(f) != 7 {
			t.Fatalf("counts line %q: %d fields, want 7", l, len(f))
		}
		n, _ := strconv.Atoi(f[1])
		inForce, _ := strconv.Atoi(f[2])
		repealed, _ := strconv.Atoi(f[3])
		pending, _ := strconv.Atoi(f[4])
		arts, _ := strconv.Atoi(f[6])
		if inForce+repealed+pending != n {
			t.Errorf("%s: %d+%d+%d statutes by status, %d in all", f[0], inForce, repealed, pending, n)
		}
		sum += n
		sumArticles += arts
		by = append(by, f[0]+" "+f[1])
	}
	if strconv.Itoa(sum) != m[1] || strconv.Itoa(sumArticles) != m[3] {
		t.Errorf("levels add up to %d statutes, %d articles; totals say %s, %s", sum, sumArticles, m[1], m[3])
	}
	if !strings.Contains(lines[len(lines)-1], "按层级："+strings.Join(by, "，")+"；") {
		t.Errorf("totals line %q does not name the levels %v", lines[len(lines)-1], by)
	}
	if !strings.Contains(out, "\n法律 ") || !strings.Contains(out, "\n行政法规 ") {
		t.Errorf("no 法律/行政法规 line in %q", out)
	}
}

func TestParseArticleSpec(t *testing.T) {
	tests := []struct {
		in                   string
		art, sfx, para, item int
		bad                  bool
	}{
		{"87", 87, 0, 0, 0, false},
		{"８７", 87, 0, 0, 0, false},
		{"87.2", 87, 0, 2, 0, false},
		{"87.2.3", 87, 0, 2, 3, false},
		{"10之一", 10, 1, 0, 0, false},
		{"10-1", 10, 1, 0, 0, false},
		{"第八十七条", 87, 0, 0, 0, false},
		{"第87条", 87, 0, 0, 0, false},
		{"第八十七条第二款", 87, 0, 2, 0, false},
		{"第十条之一", 10, 1, 0, 0, false},
		{"第三十四条第（一）项", 34, 0, 0, 1, false},
		{"第三十四条第一款第二项", 34, 0, 1, 2, false},
		{"0", 0, 0, 0, 0, true},
		{"第条", 0, 0, 0, 0, true},
		{"87.", 0, 0, 0, 0, true},
		{"abc", 0, 0, 0, 0, true},
	}
	for _, tt := range tests {
		r, err := parseArticleSpec(tt.in)
		if tt.bad {
			if err == nil {
				t.Errorf("%q: no error", tt.in)
			}
			continue
		}
		if err != nil || r.Article != tt.art || r.Suffix != tt.sfx || r.Paragraph != tt.para || r.Item != tt.item {
			t.Errorf("%q = %+v, %v", tt.in, r, err)
		}
	}
}

// BenchmarkStatutesShowProcess runs `citelint statutes show` as a whole
// process, as a user does.
func BenchmarkStatutesShowProcess(b *testing.B) {
	bin := filepath.Join(b.TempDir(), "citelint")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		b.Fatalf("build: %v\n%s", err, out)
	}
	b.ResetTimer()
	for b.Loop() {
		cmd := exec.Command(bin, "statutes", "show", "社会保险法", "87")
		out, err := cmd.Output()
		if err != nil || !strings.HasPrefix(string(out), "社会保险经办机构") {
			b.Fatalf("%v: %q", err, out)
		}
	}
}

// latinWordRe is a run of Latin letters: user text from statutes show and
// list is Chinese (file names such as .md and flag values aside, which are
// shorter or quoted from the command line).
var (
	latinWordRe    = regexp.MustCompile(`[A-Za-z]{3,}`)
	commandWordsRe = regexp.MustCompile(`citelint|statutes (?:show|list)|--[a-z-]+|in-force|repealed|pending`)
)

// TestStatutesUserTextChinese runs show on every statute's facts, on the
// partial and the corrected articles, on the errors a user meets, and list
// with every filter, and checks what they print is Chinese for users.
func TestStatutesUserTextChinese(t *testing.T) {
	c, err := statutes.Default()
	if err != nil {
		t.Fatal(err)
	}
	check := func(what, out string) {
		t.Helper()
		if strings.Contains(strings.ToLower(out), "issue") {
			t.Errorf("%s mentions an issue: %q", what, out)
		}
		// What a user types stays as typed: the program, command and flag
		// names and the English status values; the corpus id is hex.
		clean := strings.ReplaceAll(out, c.ID(), "")
		clean = commandWordsRe.ReplaceAllString(clean, "")
		if w := latinWordRe.FindString(clean); w != "" {
			t.Errorf("%s prints %q: %q", what, w, out)
		}
	}
	asOf := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, s := range c.Statutes() {
		var b strings.Builder
		if err := writeStatuteFacts(&b, s, asOf); err != nil {
			t.Fatal(err)
		}
		check("facts of "+s.ID, b.String())
	}
	for _, args := range [][]string{
		{"show", "药品管理法", "86", "--as-of", "2019-06-01"},
		{"show", "药品管理法", "87", "--as-of", "2019-06-01"},
		{"show", "价格法", "34"},
		{"show", "社会保险稽核办法", "5"},
		{"show", "欺诈骗取医疗保障基金行为举报奖励暂行办法", "1", "--as-of", "2024-01-01"},
		{"show", "医疗保障行政执法事项指导目录"},
		{"show", "社会保险发", "87"},
		{"show", "社会保险法", "200"},
		{"show", "社会保险法", "八十七x"},
		{"show", "社会保险法", "0"},
		{"show", "民法典", "1", "--as-of", "2020-06-01"},
		{"show", "社会保险法", "87", "--as-of", "2019/06/01"},
		{"show"},
		{"list", "--kind", "部门规章"},
		{"list", "--status", "repealed", "--as-of", "2024-01-01"},
		{"list", "--kind", "法规"},
		{"list", "--status", "x"},
		{"list", "x"},
	} {
		out, errb, _ := runCLI(t, append([]string{"statutes"}, args...)...)
		check(strings.Join(args, " "), out+errb)
	}
}

// TestLintRevisedStatute lints two catalogs quoting 传染病防治法, revised
// after the corpus's sources (a metadata-only version in facts.yaml): the
// one dated before the revision took effect is checked against the
// bundled text, the one dated after gets quote-unverifiable naming the
// revision (and, where the quote differs from the earlier text, only an
// info hint showing how), never an error, and its note 2013年修正 is not called
// outdated on the strength of an unverified version.
func TestLintRevisedStatute(t *testing.T) {
	type diag struct {
		Rule, Severity, Message string
		Entry                   struct{ Index int }
	}
	lintFile := func(path string) []diag {
		t.Helper()
		out, errb, code := runCLI(t, "lint", "--format", "json", "--no-fail", path)
		if code != 0 {
			t.Fatalf("lint %s: exit %d: %s", path, code, errb)
		}
		var r struct {
			Files []struct{ Diagnostics []diag }
		}
		if err := json.Unmarshal([]byte(out), &r); err != nil || len(r.Files) != 1 {
			t.Fatalf("lint %s: %v\n%s", path, err, out)
		}
		return r.Files[0].Diagnostics
	}
	const dir = "../../testdata/statutes/revised/"

	var got []string
	for _, d := range lintFile(dir + "before.txt") {
		got = append(got, fmt.Sprintf("%d %s", d.Entry.Index, d.Rule))
	}
	if strings.Join(got, "|") != "1 quote-mismatch" {
		t.Errorf("before the revision: %q, want the 十万元 quote of entry 1 a mismatch and nothing else", got)
	}

	got = nil
	for _, d := range lintFile(dir + "after.txt") {
		got = append(got, fmt.Sprintf("%d %s %s", d.Entry.Index, d.Severity, d.Rule))
		if d.Rule == "quote-superseded" && !strings.Contains(d.Message, "是2013-06-29版本") || strings.Contains(d.Message, "该版本已于2025-09-01失效") != (d.Rule == "quote-superseded") {
			t.Errorf("entry %d: %s %q does not name the superseded version and its end", d.Entry.Index, d.Rule, d.Message)
		}
		if d.Rule == "quote-superseded" && !strings.Contains(d.Message, "现行2025-04-30版本") {
			t.Errorf("entry %d: %q does not name the version in force", d.Entry.Index, d.Message)
		}
	}
	if strings.Join(got, "|") != "1 error quote-superseded|2 warning statute-outdated|2 error quote-superseded" {
		t.Errorf("after the revision: %q, want both quotes superseded by the 2025 text and entry 2's 2013 edition named", got)
	}

	got = nil
	for _, d := range lintFile(dir + "unrevised.txt") {
		got = append(got, fmt.Sprintf("%d %s %s", d.Entry.Index, d.Severity, d.Rule))
		if d.Rule == "quote-unverifiable" && !strings.Contains(d.Message, "已于2022年3月29日修订（2022年5月1日起施行），法规库未收录修订后的条文") {
			t.Errorf("entry %d: message %q does not name the revision", d.Entry.Index, d.Message)
		}
	}
	if strings.Join(got, "|") != "1 info quote-unverifiable" {
		t.Errorf("a revision without text: %q, want quote-unverifiable and nothing else", got)
	}
}

// TestStatutesShowRevised: without --as-of, a statute whose newest
// version has no text shows the bundled text and says it is older.
func TestStatutesShowRevised(t *testing.T) {
	const law, first = "医疗机构管理条例", "任何单位或者个人，未取得《医疗机构执业许可证》"
	out, errb, code := runCLI(t, "statutes", "show", law, "24")
	if code != 0 || !strings.HasPrefix(out, first) || !strings.Contains(errb, "现行的是2022-03-29 版") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errb)
	}
	out, _, code = runCLI(t, "statutes", "show", law, "24", "--as-of", "2025-11-01")
	if code != 0 || !strings.Contains(out, "未附2022-03-29 版") {
		t.Errorf("--as-of after the revision: exit %d, %q", code, out)
	}
	out, errb, code = runCLI(t, "statutes", "show", law, "24", "--as-of", "2020-01-01")
	if code != 0 || !strings.HasPrefix(out, first) || strings.Contains(errb, "现行的是") {
		t.Errorf("--as-of before the revision: exit %d, stdout %q, stderr %q", code, out, errb)
	}
}

// TestStatutesFlag: a user's own statute texts, given with --statutes or
// `statutes:` in citelint.yaml, are looked up, shown and used to verify
// quotes; a missing directory or a malformed file is an input error
// naming it.
func TestStatutesFlag(t *testing.T) {
	extra, err := filepath.Abs("../../testdata/statutes/extra")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	cat := writeFile(t, dir, "cat.csv", "序号,职权名称,职权类型,职权依据\n"+
		"1,对违规使用医保基金的处罚,行政处罚,《某市医疗保障基金监督管理办法》第二条：有下列情形之一的，责令改正：（一）甲；（二）丙。\n")
	cfg := writeFile(t, dir, "own.yaml", "statutes: ["+extra+"]\n")

	out, errb, code := runCLI(t, "lint", "--no-fail", cat)
	if code != 0 || !strings.Contains(out, "unknown-statute") || strings.Contains(out, "quote-mismatch") {
		t.Fatalf("without --statutes: exit %d, %q %q", code, out, errb)
	}
	for _, args := range [][]string{{"--statutes", extra}, {"--config", cfg}} {
		out, errb, code := runCLI(t, append(append([]string{"lint", "--no-fail"}, args...), cat)...)
		if code != 0 || !strings.Contains(out, "原文“乙”误作“丙”") || strings.Contains(out, "unknown-statute") {
			t.Errorf("%v: exit %d, %q %q", args, code, out, errb)
		}
	}

	out, errb, code = runCLI(t, "statutes", "show", "--statutes", extra, "某市医疗保障基金监督管理办法", "2")
	if code != 0 || out != "有下列情形之一的，责令改正：\n（一）甲；\n（二）乙。\n" {
		t.Errorf("show --statutes: exit %d, %q %q", code, out, errb)
	}
	out, _, code = runCLI(t, "statutes", "list", "--statutes", extra, "--kind", "地方政府规章")
	if code != 0 || !strings.Contains(out, "某市医疗保障基金监督管理办法") || !strings.Contains(out, "+local-") {
		t.Errorf("list --statutes: exit %d, %q", code, out)
	}

	bad := filepath.Join(dir, "bad")
	good, err := os.ReadFile(filepath.Join(extra, "本地示例办法@2024-01-01.txt"))
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, bad, "x.txt", strings.Replace(string(good), "effective: 2024-01-01", "effective: 2024-13-01", 1))
	for _, args := range [][]string{
		{"lint", "--statutes", filepath.Join(dir, "none"), cat},
		{"lint", "--statutes", bad, cat},
		{"statutes", "show", "--statutes", bad, "社会保险法", "87"},
	} {
		_, errb, code := runCLI(t, args...)
		want := "none"
		if args[2] == bad || args[3] == bad {
			want = "x.txt:13: bad effective"
		}
		if code != 2 || !strings.Contains(errb, want) {
			t.Errorf("%v: exit %d, stderr %q does not name %q", args, code, errb, want)
		}
	}
}

// TestStatutesMarkdown: a user's statutes in the statute sources'
// Markdown (testdata/statutes/md: a provincial regulation in two versions,
// a 规范性文件), given with --statutes or statutes: in citelint.yaml, are
// shown as in force at a date and verify quotes; a malformed Markdown file
// is an input error naming the file and line, and so is a directory with
// no statute file.
func TestStatutesMarkdown(t *testing.T) {
	md, err := filepath.Abs("../../testdata/statutes/md")
	if err != nil {
		t.Fatal(err)
	}
	const title = "某省医疗保障基金监督条例"
	for _, tt := range []struct{ asOf, want string }{
		{"2024-01-01", "定点医药机构有下列行为之一的，由医疗保障行政部门责令改正，处一万元以上五万元以下的罚款：\n（一）分解住院、挂床住院的；\n（二）串换药品、医用耗材的；\n（三）伪造、变造医学文书的。\n"},
		{"2020-01-01", "定点医药机构有下列行为之一的，由医疗保障行政部门责令改正，处五千元以上二万元以下的罚款：\n（一）分解住院、挂床住院的；\n（二）串换药品、医用耗材的。\n"},
	} {
		out, errb, code := runCLI(t, "statutes", "show", "--statutes", md, "--as-of", tt.asOf, title, "2")
		if code != 0 || out != tt.want {
			t.Errorf("show as of %s: exit %d, %q %q", tt.asOf, code, out, errb)
		}
	}
	out, errb, code := runCLI(t, "statutes", "show", "--statutes", md, "某省医疗保障行政处罚裁量权适用办法", "第二条")
	if code != 0 || out != "违法行为轻微并及时改正，没有造成危害后果的，不予行政处罚。\n" {
		t.Errorf("show 规范性文件: exit %d, %q %q", code, out, errb)
	}

	dir := t.TempDir()
	cat := writeFile(t, dir, "cat.csv", "序号,职权名称,职权类型,职权依据\n"+
		"1,对分解住院的处罚,行政处罚,《"+title+"》第二条：定点医药机构有下列行为之一的，由医疗保障行政部门责令改正，处一万元以上五万元以下的罚款：（一）分解住院、挂床住院的；\n"+
		"2,对串换药品的处罚,行政处罚,《"+title+"》第二条：定点医药机构有下列行为之一的，由医疗保障行政部门责令改正，处一万元以上十万元以下的罚款：（二）串换药品、医用耗材的；\n"+
		"3,轻微违法不予处罚,行政处罚,《某省医疗保障行政处罚裁量权适用办法》第二条：违法行为轻微并及时改正，没有造成危害后果的，不予行政处罚。\n")
	cfg := writeFile(t, dir, "own.yaml", "statutes: ["+md+"]\n")
	out, errb, code = runCLI(t, "lint", "--no-fail", "--as-of", "2024-01-01", cat)
	if code != 0 || strings.Count(out, "unknown-statute") != 3 {
		t.Fatalf("without --statutes: exit %d, %q %q", code, out, errb)
	}
	for _, args := range [][]string{{"--statutes", md}, {"--config", cfg}} {
		out, errb, code := runCLI(t, append(append([]string{"lint", "--no-fail", "--as-of", "2024-01-01"}, args...), cat)...)
		if code != 0 || strings.Count(out, "quote-mismatch") != 1 || !strings.Contains(out, "cat.csv:2(2) 职权依据: error   quote-mismatch") ||
			!strings.Contains(out, "原文“五”误作“十”") || strings.Contains(out, "cat.csv:1(") || strings.Contains(out, "cat.csv:3(") ||
			!strings.Contains(out, "quotes: 3 checked") {
			t.Errorf("%v: exit %d, %q %q", args, code, out, errb)
		}
	}

	bad := filepath.Join(dir, "bad")
	writeFile(t, bad, "地方性法规/某省/坏条例(2020-01-01).md", "# 某省坏条例\n2020年1月1日 某省第一届人民代表大会常务委员会第一次会议通过\n<!-- INFO END -->\n第一条 甲。\n第二条 乙。\n第一条 丙。\n")
	empty := filepath.Join(dir, "empty")
	writeFile(t, empty, "说明.doc", "x")
	badCfg := writeFile(t, dir, "bad.yaml", "statutes: ["+bad+"]\n")
	badLine := filepath.Join(bad, "地方性法规", "某省", "坏条例(2020-01-01).md") + ":6: 第一条 appears twice"
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"lint", "--statutes", bad, cat}, badLine},
		{[]string{"lint", "--config", badCfg, cat}, badLine},
		{[]string{"statutes", "show", "--statutes", bad, "社会保险法", "87"}, badLine},
		{[]string{"statutes", "search", "--statutes", bad, "骗取社会保险基金支出"}, badLine},
		{[]string{"lint", "--statutes", empty, cat}, "no statute file"},
	} {
		_, errb, code := runCLI(t, tt.args...)
		if code != 2 || !strings.Contains(errb, tt.want) {
			t.Errorf("%v: exit %d, stderr %q does not name %q", tt.args, code, errb, tt.want)
		}
	}
}

// TestLintPredatesHeldVersion: a catalog dated before the earliest version
// the corpus holds, when that version is an amendment, quoted a text the
// corpus does not hold: quote-unverifiable (info) naming the dates, never
// a mismatch against the later text. Dated after it, the quote is checked;
// dated between an original's adoption and its entry into force, it is
// checked against that original.
func TestLintPredatesHeldVersion(t *testing.T) {
	good, err := os.ReadFile("../../testdata/statutes/extra/本地示例办法@2024-01-01.txt")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	amended := strings.NewReplacer(
		"id: 本地示例办法", "id: 本地修正办法",
		"title: 某市医疗保障基金监督管理办法", "title: 某市医疗保障基金修正办法",
		"short: 某市医保基金监管办法\n", "",
		"alias: 医保基金监管办法（某市）\n", "",
		"event: 2023-11-30 公布 | 2023年11月30日 某市人民政府令第1号公布",
		"event: 2001-03-01 公布 | 2001年3月1日 某市人民政府令第1号公布\nevent: 2015-01-01 修正 | 2015年1月1日 某市人民政府令第9号修正",
		"version: 2024-01-01", "version: 2015-01-01",
		"effective: 2024-01-01", "effective: 2015-01-01",
	).Replace(string(good))
	writeFile(t, filepath.Join(dir, "own"), "a.txt", amended)
	writeFile(t, filepath.Join(dir, "own"), "b.txt", string(good))
	cat := writeFile(t, dir, "cat.csv", "序号,职权名称,职权类型,职权依据\n"+
		"1,甲,行政处罚,《某市医疗保障基金修正办法》第二条：有下列情形之一的，责令改正：（一）甲；（二）丙。\n"+
		"2,乙,行政处罚,《某市医疗保障基金监督管理办法》第二条：有下列情形之一的，责令改正：（一）甲；（二）丙。\n")
	own := filepath.Join(dir, "own")
	for _, tt := range []struct {
		asOf      string
		first     string // the finding on entry 1
		secondErr bool   // entry 2 compared (a quote-mismatch)
	}{
		{"2010-06-01", "目录日期（2010-06-01）施行的《某市医疗保障基金修正办法》版本法规库未收录（最早收录的是2015-01-01施行的版本）", false},
		{"2016-06-01", "原文“乙”误作“丙”", false},
		{"2023-12-15", "", true},
	} {
		out, errb, code := runCLI(t, "lint", "--no-fail", "--statutes", own, "--as-of", tt.asOf, cat)
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", tt.asOf, code, errb)
		}
		var first, second []string
		for _, l := range strings.Split(out, "\n") {
			switch {
			case strings.Contains(l, "cat.csv:1(1)"):
				first = append(first, l)
			case strings.Contains(l, "cat.csv:2(2)"):
				second = append(second, l)
			}
		}
		if tt.first != "" {
			if len(first) != 1 || !strings.Contains(first[0], tt.first) {
				t.Errorf("%s: entry 1 findings %q, want one with %q", tt.asOf, first, tt.first)
			}
			if tt.asOf == "2010-06-01" && !strings.Contains(first[0], "quote-unverifiable") {
				t.Errorf("%s: entry 1 %q is not quote-unverifiable", tt.asOf, first[0])
			}
		}
		if tt.secondErr && (len(second) != 1 || !strings.Contains(second[0], "原文“乙”误作“丙”")) {
			t.Errorf("%s: entry 2 findings %q, want the mismatch against the original", tt.asOf, second)
		}
	}
}

// TestLintSupersededCounterpart: a quote of an earlier version's article
// whose provision the current version carries under another number names
// that article and its text.
func TestLintSupersededCounterpart(t *testing.T) {
	head := func(version, text string, n int) string {
		return "citelint-statute 1\nid: 示例编号办法\ntitle: 某市示例编号办法\nkind: 地方政府规章\nissuer: 某市人民政府\n" +
			"event: 2001-03-01 公布 | 2001年3月1日 某市人民政府令第1号公布\nevent: 2019-01-01 修订 | 2019年1月1日 某市人民政府令第9号修订\n" +
			"verified: false\nsource: test fixture\nversion: " + version + "\neffective: " + version + "\ntext: full\nversion-source: test fixture\n" +
			"articles: " + strconv.Itoa(n) + "\n\n" + text
	}
	penalty := "违反本办法规定，未经许可从事医疗保障定点服务的，由医疗保障行政部门责令停止，没收违法所得，并处违法所得一倍以上三倍以下的罚款。"
	dir := t.TempDir()
	own := filepath.Join(dir, "own")
	writeFile(t, own, "a.txt", head("2001-03-01", "第一条 为了示例，制定本办法。\n\n第二条 "+penalty+"\n", 2))
	writeFile(t, own, "b.txt", head("2019-01-01", "第一条 为了示例，制定本办法。\n\n第二条 本办法由市医疗保障局负责解释。\n\n第三条 医疗保障定点服务实行协议管理。\n\n第四条 定点机构应当建立内部管理制度。\n\n第五条 "+penalty+"\n", 5))
	cat := writeFile(t, dir, "cat.csv", "序号,职权名称,职权类型,职权依据\n1,甲,行政处罚,《某市示例编号办法》第二条："+penalty+"\n")
	out, errb, code := runCLI(t, "lint", "--no-fail", "--statutes", own, "--as-of", "2020-06-01", cat)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errb)
	}
	if !strings.Contains(out, "quote-superseded") || !strings.Contains(out, "该规定在现行2019-01-01版本中是第五条：“违反本办法规定") || !strings.Contains(out, "现行第二条已是另一规定") {
		t.Errorf("no counterpart named in %q", out)
	}
}
