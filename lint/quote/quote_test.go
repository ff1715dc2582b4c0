package quote

import (
	"strings"
	"testing"
)

// Statute texts (as the national database prints them), one line per 款 or 项.
var (
	art87 = []string{"社会保险经办机构以及医疗机构、药品经营单位等社会保险服务机构以欺诈、伪造证明材料或者其他手段骗取社会保险基金支出的，由社会保险行政部门责令退回骗取的社会保险金，处骗取金额二倍以上五倍以下的罚款；属于社会保险服务机构的，解除服务协议；直接负责的主管人员和其他直接责任人员有执业资格的，依法吊销其执业资格。"}
	art88 = []string{"以欺诈、伪造证明材料或者其他手段骗取社会保险待遇的，由社会保险行政部门责令退回骗取的社会保险金，处骗取金额二倍以上五倍以下的罚款。"}
	art77 = []string{
		"县级以上人民政府社会保险行政部门应当加强对用人单位和个人遵守社会保险法律、法规情况的监督检查。",
		"社会保险行政部门实施监督检查时，被检查的用人单位和个人应当如实提供与社会保险有关的资料，不得拒绝检查或者谎报、瞒报。",
	}
	art104 = []string{"违反本法规定，以欺诈、伪造证明材料或者其他手段骗取基本医疗保险待遇，或者基本医疗保险经办机构以及医疗机构、药品经营单位等以欺诈、伪造证明材料或者其他手段骗取基本医疗保险基金支出的，由县级以上人民政府医疗保障主管部门依照有关社会保险的法律、行政法规规定给予行政处罚。"}
	art68  = []string{"采取虚报、隐瞒、伪造等手段，骗取社会救助资金、物资或者服务的，由有关部门决定停止社会救助，责令退回非法获取的救助资金、物资，可以处非法获取的救助款额或者物资价值1倍以上3倍以下的罚款；构成违反治安管理行为的，依法给予治安管理处罚。"}
	reg6   = []string{
		"国务院医疗保障行政部门主管全国的医疗保障基金使用监督管理工作。国务院其他有关部门在各自职责范围内负责有关的医疗保障基金使用监督管理工作。",
		"县级以上地方人民政府医疗保障行政部门负责本行政区域的医疗保障基金使用监督管理工作。县级以上地方人民政府其他有关部门在各自职责范围内负责有关的医疗保障基金使用监督管理工作。",
	}
	reg22 = []string{
		"医疗保障、卫生健康、中医药、市场监督管理、财政、审计、公安等部门应当分工协作、相互配合，建立沟通协调、案件移送等机制，共同做好医疗保障基金使用监督管理工作。",
		"医疗保障行政部门应当加强对纳入医疗保障基金支付范围的医疗服务行为和医疗费用的监督，规范医疗保障经办业务，依法查处违法使用医疗保障基金的行为。",
	}
	reg27 = []string{
		"医疗保障行政部门实施监督检查，可以采取下列措施：",
		"（一）进入现场检查；",
		"（二）询问有关人员；",
		"（三）要求被检查对象提供与检查事项相关的文件资料，并作出解释和说明；",
		"（四）采取记录、录音、录像、照相或者复制等方式收集有关情况和资料；",
		"（五）对可能被转移、隐匿或者灭失的资料等予以封存；",
		"（六）聘请符合条件的会计师事务所等第三方机构和专业人员协助开展检查；",
		"（七）法律、法规规定的其他措施。",
	}
	reg30 = []string{
		"定点医药机构涉嫌骗取医疗保障基金支出的，在调查期间，医疗保障行政部门可以采取增加监督检查频次、加强费用监控等措施，防止损失扩大。定点医药机构拒不配合调查的，经医疗保障行政部门主要负责人批准，医疗保障行政部门可以要求医疗保障经办机构暂停医疗保障基金结算。经调查，属于骗取医疗保障基金支出的，依照本条例第四十条的规定处理；不属于骗取医疗保障基金支出的，按照规定结算。",
		"参保人员涉嫌骗取医疗保障基金支出且拒不配合调查的，医疗保障行政部门可以要求医疗保障经办机构暂停医疗费用联网结算。暂停联网结算期间发生的医疗费用，由参保人员全额垫付。经调查，属于骗取医疗保障基金支出的，依照本条例第四十一条的规定处理；不属于骗取医疗保障基金支出的，按照规定结算。",
	}
	reg41 = []string{
		"个人有下列情形之一的，由医疗保障行政部门责令改正；造成医疗保障基金损失的，责令退回；属于参保人员的，暂停其医疗费用联网结算3个月至12个月：",
		"（一）将本人的医疗保障凭证交由他人冒名使用；",
		"（二）重复享受医疗保障待遇；",
		"（三）利用享受医疗保障待遇的机会转卖药品，接受返还现金、实物或者获得其他非法利益。",
		"个人以骗取医疗保障基金为目的，实施了前款规定行为之一，造成医疗保障基金损失的；或者使用他人医疗保障凭证冒名就医、购药的；或者通过伪造、变造、隐匿、涂改、销毁医学文书、医学证明、会计凭证、电子信息等有关资料或者虚构医药服务项目等方式，骗取医疗保障基金支出的，除依照前款规定处理外，还应当由医疗保障行政部门处骗取金额2倍以上5倍以下的罚款。",
	}
	price34 = []string{
		"政府价格主管部门进行价格监督检查时，可以行使下列职权：",
		"（一）询问当事人或者有关人员，并要求其提供证明材料和与价格违法行为有关的其他资料；",
		"（二）查询、复制与价格违法行为有关的帐簿、单据、凭证、文件及其他资料，核对与价格违法行为有关的银行资料；",
		"（三）检查与价格违法行为有关的财物，必要时可以责令当事人暂停相关营业；",
		"（四）在证据可能灭失或者以后难以取得的情况下，可以依法先行登记保存，当事人或者有关人员不得转移、隐匿或者销毁。",
	}
)

func cand(arts ...[]string) *Prepared { return Prepare(Candidate{Articles: arts}) }

func joinAll(arts ...[]string) string {
	var b strings.Builder
	for _, a := range arts {
		b.WriteString(strings.Join(a, ""))
	}
	return b.String()
}

// changed returns the diff's non-equal operations as "-x" / "+y".
func changed(ops []Op) []string {
	var out []string
	for _, o := range ops {
		switch o.Kind {
		case Delete:
			out = append(out, "-"+o.Text)
		case Insert:
			out = append(out, "+"+o.Text)
		}
	}
	return out
}

func TestAlignKinds(t *testing.T) {
	tests := []struct {
		name     string
		arts     [][]string
		quote    string
		kind     Kind
		endPunct bool
		changes  []string // non-equal diff ops, when checked
	}{
		{name: "exact", arts: [][]string{art88}, quote: art88[0], kind: Exact},
		{name: "exact across width, spaces and line breaks", arts: [][]string{art77},
			quote: "县级以上人民政府社会保险行政部门应当加强对用人单位和个人遵守社会保险法律、法规情况的监督检查, \r\n  社会保险行政部门实施监督检查时，被检查的用人单位和个人应当如实提供与社会保险有关的资料，不得拒绝检查或者谎报、瞒报。",
			kind:  Mismatch, changes: []string{"-。", "+,"}}, {name: "full-width and ASCII commas", arts: [][]string{art88}, quote: strings.ReplaceAll(art88[0], "，", ", "), kind: Exact},
		{name: "quotation marks around the quote", arts: [][]string{art88}, quote: "：“" + art88[0] + "”", kind: Exact},
		{name: "stray ASCII quote mark after the quote", arts: [][]string{art88}, quote: art88[0] + `"`, kind: Exact},
		{name: "digits never equal Chinese numerals", arts: [][]string{art68},
			quote: strings.Replace(art68[0], "1倍以上3倍以下", "一倍以上三倍以下", 1), kind: Mismatch},
		{name: "的 is not 地", arts: [][]string{art88},
			quote: strings.Replace(art88[0], "待遇的", "待遇地", 1), kind: Mismatch, changes: []string{"-的", "+地"}},
		{name: "'的。由' for '的，由' (000 entry 2)", arts: [][]string{art87, art88},
			quote: strings.Replace(joinAll(art87, art88), "支出的，由", "支出的。由", 1), kind: Mismatch, changes: []string{"-，", "+。"}},
		{name: "closing '。' left off (000 entry 14)", arts: [][]string{reg30},
			quote: strings.TrimSuffix(strings.Join(reg30, "\n"), "。"), kind: Mismatch, endPunct: true, changes: []string{"-。"}},
		{name: "closing '。' left off, paragraphs joined by a space (000 entry 16)", arts: [][]string{art77},
			quote: strings.TrimSuffix(strings.Join(art77, " "), "。"), kind: Mismatch, endPunct: true},
		{name: "one 款 without its closing '。'", arts: [][]string{art77},
			quote: strings.TrimSuffix(art77[0], "。"), kind: Mismatch, endPunct: true},
		{name: "closing '。' changed to '；'", arts: [][]string{art88},
			quote: strings.TrimSuffix(art88[0], "。") + "；", kind: Mismatch, endPunct: true},
		{name: "stops early and closes with '。' (003 entry 4, 第八十七条)", arts: [][]string{art87},
			quote: "社会保险经办机构以及医疗机构、药品经营单位等社会保险服务机构以欺诈、伪造证明材料或者其他手段骗取社会保险基金支出的，由社会保险行政部门责令退回骗取的社会保险金，处骗取金额二倍以上五倍以下的罚款。",
			kind:  Truncated},
		{name: "final clause dropped (003 entry 7)", arts: [][]string{art68},
			quote: "采取虚报、隐瞒、伪造等手段，骗取社会救助资金、物资或者服务的，由有关部门决定停止社会救助，责令退回非法获取的救助资金、物资，可以处非法获取的救助款额或者物资价值1倍以上3倍以下的罚款。",
			kind:  Truncated},
		{name: "middle clause dropped, stray quote mark (003 entry 5)", arts: [][]string{art104},
			quote: `违反本法规定，以欺诈、伪造证明材料或者其他手段骗取基本医疗保险待遇，由县级以上人民政府医疗保障主管部门依照有关社会保险的法律、行政法规规定给予行政处罚。"`,
			kind:  Truncated},
		{name: "starts mid-article with 给于 for 给予 (003 entry 4)", arts: [][]string{art104},
			quote: "基本医疗保险经办机构以及医疗机构、药品经营单位等以欺诈、伪造证明材料或者其他手段骗取基本医疗保险基金支出的，由县级以上人民政府医疗保障主管部门依照有关社会保险的法律、行政法规规定给于行政处罚。",
			kind:  Mismatch, changes: []string{"-予", "+于"}},
		{name: "three articles merged, joins turned into '；' (000 entry 16)", arts: [][]string{reg6, reg22, reg27},
			quote: strings.Replace(strings.Replace(strings.Join(append(append(append([]string{}, reg6...), reg22...), reg27...), "\n"),
				"监督管理工作。\n医疗保障、", "监督管理工作；医疗保障、", 1), "的行为。\n医疗保障行政部门实施", "的行为；医疗保障行政部门实施", 1),
			kind: Merged},
		{name: "two articles run together verbatim", arts: [][]string{art87, art88}, quote: joinAll(art87, art88), kind: Exact},
		{name: "one whole 项", arts: [][]string{reg41}, quote: "（二）重复享受医疗保障待遇；", kind: Part},
		{name: "one whole 项 closed with '。'", arts: [][]string{reg41}, quote: "（二）重复享受医疗保障待遇。", kind: Part},
		{name: "one whole 款 with its 项", arts: [][]string{reg41}, quote: strings.Join(reg41[:4], "\n"), kind: Part},
		{name: "last 款", arts: [][]string{reg41}, quote: reg41[4], kind: Part},
		{name: "one article of two cited", arts: [][]string{art87, art88}, quote: art88[0], kind: Part},
		{name: "marked elision (003 entry 11, 价格法 第三十四条)", arts: [][]string{price34},
			quote: "\n……\n（四）在证据可能灭失或者以后难以取得的情况下，可以依法先行登记保存，当事人或者有关人员不得转移、隐匿或者销毁。", kind: Elided},
		{name: "marked elision in the middle", arts: [][]string{art87},
			quote: "社会保险经办机构以及医疗机构、药品经营单位等社会保险服务机构以欺诈、伪造证明材料或者其他手段骗取社会保险基金支出的，由社会保险行政部门责令退回骗取的社会保险金…直接负责的主管人员和其他直接责任人员有执业资格的，依法吊销其执业资格。",
			kind:  Elided},
		{name: "marked elision, but a fragment is wrong", arts: [][]string{art87},
			quote: "社会保险经办机构以及医疗机构……直接负责的主管人员和其他直接责任人员有执业资格的，依法吊消其执业资格。",
			kind:  Mismatch, changes: []string{"-销", "+消"}},
		{name: "elided lead-in closed with its colon, then one 项", arts: [][]string{reg27},
			quote: "医疗保障行政部门实施监督检查，……：（五）对可能被转移、隐匿或者灭失的资料等予以封存；", kind: Elided},
		{name: "elided lead-in, a wrong word in the 项 after it", arts: [][]string{reg27},
			quote: "医疗保障行政部门实施监督检查，……：（五）对可能被转移、隐藏或者灭失的资料等予以封存；", kind: Mismatch},
		{name: "unmarked gap besides a marked one", arts: [][]string{art87},
			quote: "社会保险经办机构以及医疗机构……依法吊销其执业资格。", kind: Elided},
		{name: "nothing quoted", arts: [][]string{art87}, quote: " “” ", kind: Empty},
		{name: "another article's text in front (000 entry 4)", arts: [][]string{art88},
			quote: "由社会保险行政部门责令退回骗取的社会保险金，处骗取金额二倍以上五倍以下的罚款；属于社会保险服务机构的，解除服务协议；直接负责的主管人员和其他直接责任人员有执业资格的，依法吊销其执业资格。" + art88[0],
			kind:  Mismatch},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Align(tt.quote, cand(tt.arts...))
			if r.Kind != tt.kind {
				t.Fatalf("kind = %v, want %v (diff %q, missing %+v)", r.Kind, tt.kind, changed(r.Diff), r.Missing)
			}
			if r.EndPunct != tt.endPunct {
				t.Errorf("EndPunct = %v, want %v", r.EndPunct, tt.endPunct)
			}
			if tt.changes != nil {
				if got := changed(r.Diff); strings.Join(got, "|") != strings.Join(tt.changes, "|") {
					t.Errorf("changes = %q, want %q", got, tt.changes)
				}
			}
			if r.Kind.Fine() != (tt.kind == Exact || tt.kind == Part || tt.kind == Elided || tt.kind == Empty) {
				t.Errorf("Fine() = %v for %v", r.Kind.Fine(), r.Kind)
			}
		})
	}
}

func TestTruncatedNamesMissingParts(t *testing.T) {
	tests := []struct {
		name      string
		arts      [][]string
		quote     string
		where     []Where
		contains  []string
		sentences bool
	}{
		{"end", [][]string{art87}, "社会保险经办机构以及医疗机构、药品经营单位等社会保险服务机构以欺诈、伪造证明材料或者其他手段骗取社会保险基金支出的，由社会保险行政部门责令退回骗取的社会保险金，处骗取金额二倍以上五倍以下的罚款。",
			[]Where{End}, []string{"属于社会保险服务机构的，解除服务协议"}, false},
		{"middle", [][]string{art104}, "违反本法规定，以欺诈、伪造证明材料或者其他手段骗取基本医疗保险待遇，由县级以上人民政府医疗保障主管部门依照有关社会保险的法律、行政法规规定给予行政处罚。",
			[]Where{Middle}, []string{"或者基本医疗保险经办机构以及医疗机构、药品经营单位等以欺诈、伪造证明材料或者其他手段骗取基本医疗保险基金支出的"}, false},
		{"start", [][]string{art88}, "由社会保险行政部门责令退回骗取的社会保险金，处骗取金额二倍以上五倍以下的罚款。",
			[]Where{Start}, []string{"以欺诈、伪造证明材料或者其他手段骗取社会保险待遇的"}, false},
		{"whole sentences", [][]string{reg30[:1]}, "定点医药机构涉嫌骗取医疗保障基金支出的，在调查期间，医疗保障行政部门可以采取增加监督检查频次、加强费用监控等措施，防止损失扩大。",
			[]Where{End}, []string{"定点医药机构拒不配合调查的"}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Align(tt.quote, cand(tt.arts...))
			if r.Kind != Truncated {
				t.Fatalf("kind = %v, want truncated", r.Kind)
			}
			if len(r.Missing) != len(tt.where) {
				t.Fatalf("missing = %+v, want %d parts", r.Missing, len(tt.where))
			}
			for i, g := range r.Missing {
				if g.Where != tt.where[i] {
					t.Errorf("part %d where = %v, want %v", i, g.Where, tt.where[i])
				}
				if !strings.Contains(g.Text, tt.contains[i]) {
					t.Errorf("part %d = %q, want it to contain %q", i, g.Text, tt.contains[i])
				}
			}
			if r.Sentences != tt.sentences {
				t.Errorf("Sentences = %v, want %v", r.Sentences, tt.sentences)
			}
		})
	}
}

func TestMergedJoins(t *testing.T) {
	// 000 entry 18: 第二、六、二十二条, the '。' closing 第二条 and 第六条 turned into '；'.
	reg2 := []string{"本条例适用于中华人民共和国境内基本医疗保险（含生育保险）基金、医疗救助基金等医疗保障基金使用及其监督管理。"}
	q := "本条例适用于中华人民共和国境内基本医疗保险（含生育保险）基金、医疗救助基金等医疗保障基金使用及其监督管理；" +
		strings.TrimSuffix(strings.Join(reg6, ""), "。") + "；" + strings.Join(reg22, "\n")
	r := Align(q, cand(reg2, reg6, reg22))
	if r.Kind != Merged {
		t.Fatalf("kind = %v, want merged (diff %q)", r.Kind, changed(r.Diff))
	}
	if len(r.Joins) != 2 {
		t.Fatalf("joins = %+v, want 2", r.Joins)
	}
	for i, j := range r.Joins {
		if j.Article != i || j.Expected != "。" || j.Actual != "；" {
			t.Errorf("join %d = %+v, want article %d '。'→'；'", i, j, i)
		}
		if got := r.Quote.Display(j.At.Start, j.At.End); got != "；" {
			t.Errorf("join %d at %v shows %q", i, j.At, got)
		}
	}
}

func TestExtraNamesForeignText(t *testing.T) {
	foreign := "由社会保险行政部门责令退回骗取的社会保险金，处骗取金额二倍以上五倍以下的罚款；属于社会保险服务机构的，解除服务协议；直接负责的主管人员和其他直接责任人员有执业资格的，依法吊销其执业资格。"
	r := Align(foreign+art88[0], cand(art88))
	if r.Kind != Mismatch || len(r.Extra) == 0 {
		t.Fatalf("kind %v extra %v", r.Kind, r.Extra)
	}
	if got := r.Quote.Display(r.Extra[0].Start, r.Extra[0].End); got != foreign {
		t.Errorf("extra = %q, want %q", got, foreign)
	}
	if r.Coverage > 0.5 {
		t.Errorf("coverage = %.2f, want under half", r.Coverage)
	}
}

func TestNormalizeKeepsOffsets(t *testing.T) {
	s := "第 一，\n（二）😀a\u200b。"
	n := Normalize(s)
	if got := string(n.Key); got != "第一,(二)a。" {
		t.Fatalf("key = %q", got)
	}
	if got := string(n.Disp); got != "第一，（二）a。" {
		t.Fatalf("disp = %q", got)
	}
	for i := range n.Key {
		a, b := n.Bytes(i, i+1)
		if s[a:b] != string(n.Disp[i]) {
			t.Errorf("rune %d maps to %q, want %q", i, s[a:b], string(n.Disp[i]))
		}
	}
	if got := n.Original(0, n.Len()); got != s[:len(s)] {
		t.Errorf("original = %q", got)
	}
}

func TestSimilarityOrdersCandidates(t *testing.T) {
	q := strings.Replace(art88[0], "二倍以上五倍以下", "一倍以上三倍以下", 1)
	near := Align(q, cand(art88))
	far := Align(q, cand(art68))
	if !(near.Similarity > far.Similarity) || !(near.Coverage > far.Coverage) {
		t.Errorf("near %.2f/%.2f, far %.2f/%.2f", near.Similarity, near.Coverage, far.Similarity, far.Coverage)
	}
	if near.Similarity < 0.9 {
		t.Errorf("near similarity %.2f", near.Similarity)
	}
}

func FuzzAlign(f *testing.F) {
	f.Add("社会保险经办机构……依法吊销其执业资格。", "社会保险经办机构以及医疗机构\n依法吊销其执业资格。")
	f.Add("“（二）重复享受医疗保障待遇。", "甲：\n（一）乙；\n（二）重复享受医疗保障待遇；")
	f.Add("...", "")
	f.Add("a\xffb…", "ab\u200b")
	f.Fuzz(func(t *testing.T, quote, text string) {
		c := PrepareText(text)
		r := Align(quote, c)
		n := r.Quote.Len()
		for _, o := range r.Diff {
			if o.Expected.Start < 0 || o.Expected.End > c.Text.Len() || o.Expected.Start > o.Expected.End {
				t.Fatalf("expected range %v out of %d", o.Expected, c.Text.Len())
			}
			if o.Actual.Start < 0 || o.Actual.End > n || o.Actual.Start > o.Actual.End {
				t.Fatalf("actual range %v out of %d", o.Actual, n)
			}
		}
		for _, x := range r.Extra {
			if x.Start < 0 || x.End > n || x.Start >= x.End {
				t.Fatalf("extra %v out of %d", x, n)
			}
			a, b := r.Quote.Bytes(x.Start, x.End)
			if a < 0 || b > len(quote) || a > b {
				t.Fatalf("bytes %d..%d out of %d", a, b, len(quote))
			}
		}
		if r.Region.Start < 0 || r.Region.End > c.Text.Len() || r.Region.Start > r.Region.End {
			t.Fatalf("region %v out of %d", r.Region, c.Text.Len())
		}
		if r.Similarity < 0 || r.Similarity > 1 || r.Coverage < 0 || r.Coverage > 1 {
			t.Fatalf("similarity %v coverage %v", r.Similarity, r.Coverage)
		}
		if Fold(quote) == Fold(text) && Fold(quote) != "" && !strings.ContainsAny(Fold(quote), ":\"'“”‘’「」『』…⋯.") && r.Kind != Exact {
			t.Fatalf("equal texts classified %v", r.Kind)
		}
	})
}

func TestDroppedWordIsASlip(t *testing.T) {
	r := Align(strings.Replace(art88[0], "五倍以下的罚款", "五倍以下罚款", 1), cand(art88))
	if r.Kind != Mismatch {
		t.Fatalf("kind = %v, want mismatch", r.Kind)
	}
	if got := strings.Join(changed(r.Diff), "|"); got != "-的" {
		t.Errorf("changes = %q", got)
	}
}

// A left-out stretch between equal runes could sit one rune either way;
// it is named where a reader sees it: a whole clause, a whole item.
func TestGapAtClause(t *testing.T) {
	tests := []struct {
		name  string
		arts  [][]string
		quote string
		gap   string
	}{
		{"clause after a comma, repeated word around it", [][]string{{"用人单位不办理登记的，对用人单位处一倍以上三倍以下的罚款，对其直接负责的主管人员处罚款。"}},
			"用人单位不办理登记的，对其直接负责的主管人员处罚款。", "对用人单位处一倍以上三倍以下的罚款，"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Align(tt.quote, cand(tt.arts...))
			if len(r.Missing) == 0 {
				t.Fatalf("kind %v, nothing missing", r.Kind)
			}
			if got := r.Missing[0].Text; got != tt.gap {
				t.Errorf("gap %q, want %q", got, tt.gap)
			}
		})
	}
}

// TestItemsAfterLeadIn: a quote of a lead-in and one of its items (a
// catalog citing 第（三）项 with its chapeau) leaves the other items out as
// an ellipsis would; an item left out between two quoted ones is a gap.
func TestItemsAfterLeadIn(t *testing.T) {
	art := []string{"医疗保障行政部门实施监督检查，可以采取下列措施：", "（一）进入现场检查；", "（二）询问有关人员；", "（三）要求被检查对象提供与检查事项相关的文件资料，并作出解释和说明；", "（四）采取记录、录音、录像、照相或者复制等方式收集有关情况和资料；"}
	r := Align("医疗保障行政部门实施监督检查，可以采取下列措施：（三）要求被检查对象提供与检查事项相关的文件资料，并作出解释和说明；", cand(art))
	if len(r.Missing) != 0 || r.Kind == Mismatch || r.Kind == Truncated {
		t.Errorf("lead-in and item (三): kind %v, missing %v; want a whole quote", r.Kind, r.Missing)
	}
	r = Align("医疗保障行政部门实施监督检查，可以采取下列措施：（三）要求被检查对象提供与检查事项相关的文件资料，并作出解释和说名；", cand(art))
	if r.Kind != Mismatch || len(r.Diff) == 0 {
		t.Fatalf("one character changed: kind %v", r.Kind)
	}
	for _, o := range r.Diff {
		if o.Kind == Delete && strings.Contains(o.Text, "进入现场") {
			t.Errorf("diff shows the items left out: %+v", r.Diff)
		}
	}
	r = Align("（一）进入现场检查；（三）要求被检查对象提供与检查事项相关的文件资料，并作出解释和说明；", cand(art))
	if r.Kind != Truncated {
		t.Errorf("item (二) left out between quoted items: kind %v, want truncated", r.Kind)
	}
}
