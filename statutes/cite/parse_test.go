package cite

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// want describes one expected citation. Strings are compared exactly;
// quoteHead/quoteTail compare the first and last runes of long quotes.
type want struct {
	title    string
	bare     bool   // written without 《》
	note     string // "" for none
	arts     string // articles as artString, comma-joined; "" for none
	span     string // text[Span] when set
	problems string // problem codes in order, comma-joined
	quote    string // exact quote text; "-" for no quote
	qHead    string // when quote is "": the quote starts with this
	qTail    string // … and ends with this
	marks    bool   // the quote was in “…”
	parts    string // part articles, comma-joined, "-" for nil; "" to skip
	elisions string // elided text per part, "|"-joined; "" to skip
}

func artString(a Article) string {
	s := fmt.Sprint(a.Num)
	if a.Suffix > 0 {
		s += fmt.Sprintf("之%d", a.Suffix)
	}
	if a.Paragraph > 0 {
		s += fmt.Sprintf("¶%d", a.Paragraph)
	}
	if a.Item > 0 {
		s += fmt.Sprintf("(%d)", a.Item)
	}
	return s
}

func articlesString(as []Article) string {
	var ss []string
	for _, a := range as {
		ss = append(ss, artString(a))
	}
	return strings.Join(ss, ",")
}

func TestParse(t *testing.T) {
	cases := []struct {
		name string
		text string
		want []want
	}{
		// Real cells from the seeds.
		{"000/1 version note and Arabic article", s000e01Basis, []want{{
			title: "中华人民共和国社会保险法",
			note:  "2010年10月28日第十一届全国人民代表大会常务委员会第十七次会议通过，根据2018年12月29日第十三届全国人民代表大会常务委员会第七次会议修正",
			arts:  "84", qHead: "用人单位不办理社会保险登记的", qTail: "处五百元以上三千元以下的罚款。", parts: "-",
		}}},
		{"000/1 long version note, eleven articles, second line", s000e01DutyBasis, []want{
			{title: "中华人民共和国行政处罚法", arts: "17,42,43,44,55,57,58,59,61,63,72", quote: "-", qHead: "",
				note: "1996年3月17日第八届全国人民代表大会第四次会议通过，根据2009年8月27日第十一届全国人民代表大会常务委员会第十次会议第一次修正，根据2017年9月1日第十二届全国人民代表大会常务委员会第二十九次会议第二次修正，2021年1月22日第十三届全国人民代表大会常务委员会第二十五次会议修订"},
			{title: "中华人民共和国社会保险法", arts: "84", span: "《中华人民共和国社会保险法》第84条", quote: "-"},
		}},
		{"000/1 duties: a citation in running text outside any quote", s000e01Duties, []want{
			{title: "中华人民共和国行政处罚法", arts: "72", span: "《中华人民共和国行政处罚法》第七十二条", quote: "-"},
		}},
		{"000/2 three quoted citations, 本法 inside a quote", s000e02Basis, []want{
			{title: "中华人民共和国社会保险法", arts: "87,88", span: "《中华人民共和国社会保险法》第87、88条",
				qHead: "社会保险经办机构以及", qTail: "处骗取金额二倍以上五倍以下的罚款。"},
			{title: "中华人民共和国基本医疗卫生与健康促进法", note: "中华人民共和国主席令第38号", arts: "104",
				qHead: "违反本法规定，", qTail: "依照有关社会保险的法律、行政法规规定给予行政处罚。"},
			{title: "医疗保障基金使用监督管理条例", note: "国务院令第735号", arts: "37",
				qHead: "医疗保障经办机构通过伪造", qTail: "依法给予处分。"},
		}},
		{"000/3 blank lines and items on their own lines, 本条例 inside", s000e03Basis, []want{
			{title: "中华人民共和国社会保险法", arts: "87,88", qTail: "五倍以下的罚款。"},
			{title: "中华人民共和国基本医疗卫生与健康促进法", arts: "104", qTail: "规定给予行政处罚。"},
			{title: "医疗保障基金使用监督管理条例", arts: "40", qHead: "定点医药机构通过下列方式",
				qTail: "实施了本条例第三十八条规定行为之一，造成医疗保障基金损失的，按照本条规定处理。", parts: "-"},
		}},
		{"000/12 a citation without quote, then one with", s000e12Basis, []want{
			{title: "中华人民共和国社会保险法", arts: "91", quote: "-"},
			{title: "医疗保障基金使用监督管理条例", arts: "44", qHead: "违反本条例规定", qTail: "依法给予处分。"},
		}},
		{"000/14 本条例第四十条 inside, quote without closing period", s000e14Basis, []want{
			{title: "医疗保障基金使用监督管理条例", arts: "30", qHead: "定点医药机构涉嫌", qTail: "依照本条例第四十一条的规定处理；不属于骗取医疗保障基金支出的，按照规定结算", parts: "-"},
		}},
		{"000/16 unlabelled multi-article quote over lines", s000e16Basis, []want{
			{title: "中华人民共和国社会保险法", arts: "77", qTail: "不得拒绝检查或者谎报、瞒报"},
			{title: "医疗保障基金使用监督管理条例", arts: "6,22,27", qHead: "国务院医疗保障行政部门主管全国", qTail: "（七）法律、法规规定的其他措施。", parts: "-"},
		}},
		{"000/17 第6、22、27 without 条", s000e17DutyBasis, []want{
			{title: "中华人民共和国基本医疗卫生与健康促进法", arts: "87", quote: "-"},
			{title: "医疗保障基金使用监督管理条例", arts: "6,22,27", span: "《医疗保障基金使用监督管理条例》第6、22、27", problems: "missing-tiao", quote: "-"},
		}},
		{"000/19 stray characters before the colon", s000e19Basis, []want{
			{title: "中华人民共和国药品管理法", arts: "86", qHead: "药品标识不符合本法第五十四条规定的", qTail: "撤销该药品的批准证明文件。"},
			{title: "基本医疗保险用药管理暂行办法", note: "国家医疗保障局令第1号", arts: "2,29", qHead: "各级医疗保障部门", qTail: "按程序进行认定后发布。"},
		}},
		{"000/20 labelled quote, labels after 。 and ：", s000e20Basis, []want{
			{title: "医疗机构医疗保障定点管理暂行办法", note: "国家医疗保障局令第2号", arts: "30,38", qHead: "【费用拨付】", parts: "-"},
			{title: "零售药店医疗保障定点管理暂行办法", note: "国家医疗保障局令第3号", arts: "29,35", qTail: "(四)中止或解除医保协议。", parts: "-"},
			{title: "社会保险稽核办法", note: "原劳动部令第16号", arts: "2,3,5,12", qHead: "第二条\u3000本办法所称稽核", qTail: "依法追究刑事责任。", parts: "2,3,5,5,12"},
		}},
		{"003/1 quote in “” after the title, no article", s003e01Duties, []want{
			{title: "医疗保障行政执法事项指导目录", problems: "no-article", quote: "对用人单位和个人遵守医疗保险法律、法规情况进行监督检查。", marks: true, parts: "-"},
		}},
		{"003/4 enumeration on one line, nested <>", s003e04Basis, []want{
			{title: "中华人民共和国社会保险法", arts: "87", span: "《中华人民共和国社会保险法》第八十七条", quote: "-"},
			{title: "中华人民共和国基本医疗卫生与健康促进法", arts: "104", quote: "-"},
			{title: "实施<中华人民共和国社会保险法>若干规定", arts: "25", quote: "-"},
		}},
		{"003/4 enumerated quotes, trailing spaces trimmed", s003e04DutyBasis, []want{
			{title: "中华人民共和国社会保险法", arts: "87", qTail: "处骗取金额二倍以上五倍以下的罚款。"},
			{title: "中华人民共和国基本医疗卫生与健康促进法", arts: "104", qHead: "基本医疗保险经办机构", qTail: "规定给于行政处罚。"},
			{title: "实施<中华人民共和国社会保险法>若干规定", arts: "25", qHead: "医疗机构、药品经营单位"},
		}},
		{"003/5 space between 》 and 第", s003e05Basis, []want{
			{title: "中华人民共和国社会保险法", arts: "88", quote: "-"},
			{title: "中华人民共和国基本医疗卫生与健康促进法", arts: "104", span: "《中华人民共和国基本医疗卫生与健康促进法》 第一百零四条", problems: "space-before-article", quote: "-"},
		}},
		{"003/5 space inside a quote's next citation, stray closing quote mark", s003e05DutyBasis, []want{
			{title: "中华人民共和国社会保险法", arts: "88", qTail: "五倍以下的罚款。"},
			{title: "中华人民共和国基本医疗卫生与健康促进法", arts: "104", problems: "space-before-article", qHead: "违反本法规定", qTail: "规定给予行政处罚。"},
		}},
		{"003/10 article list on the line after the note", s003e10Basis, []want{
			{title: "中华人民共和国社会保险法", arts: "31", quote: "-"},
			{title: "社会保险稽核办法", note: "劳动部令第16号", arts: "2,3,12", problems: "space-before-article", quote: "-"},
		}},
		{"003/10 labels on their own lines give the articles", s003e10DutyBasis, []want{
			{title: "中华人民共和国社会保险法", arts: "31", qTail: "提供合理、必要的医疗服务。", parts: "-"},
			{title: "社会保险稽核办法", note: "劳动部令第16号", arts: "2,3,5,12", qHead: "第二条：本办法所称稽核", qTail: "停止待遇的支付并责令退还。", parts: "2,3,5,12"},
		}},
		{"003/11 marked elision", s003e11DutyBasis, []want{
			{title: "中华人民共和国社会保险法", arts: "79", qTail: "予以制止并责令改正。", elisions: ""},
			{title: "中华人民共和国价格法", arts: "34", qHead: "……\n（四）在证据可能灭失", parts: "-", elisions: "……"},
		}},
		{"003/12 titles and document numbers broken across lines", s003e12Basis, []want{
			{title: "国家医疗保障局办公室 财政部办公厅关于印发<欺诈骗取医疗保障基金行为举报奖励暂行办法>的通知",
				note: "医保办发〔2018〕22 号", problems: "no-article,broken-docno", quote: "-"},
			{title: "湖南省欺诈骗取医疗保障基金行为举报奖励实施细则(试行)", note: "医保发〔2019〕23 号",
				problems: "no-article,bad-docno-brackets,broken-docno", quote: "-"},
		}},

		// Forms the seeds do not show.
		{"range expanded", "《中华人民共和国社会保险法》第十条至第十二条", []want{{title: "中华人民共和国社会保险法", arts: "10,11,12", quote: "-"}}},
		{"Arabic range and list", "《某法》第10至12条、第15-16条", []want{{title: "某法", arts: "10,11,12,15,16", quote: "-"}}},
		{"之一, 款, 项", "《某法》第十条之一、第三十条第二款、第三十八条第（一）项、第(二)项", []want{{title: "某法", arts: "10之1,30¶2,38(1),38(2)", quote: "-"}}},
		{"款 then 项", "《某法》第三十条第一款第（二）项：原文", []want{{title: "某法", arts: "30¶1(2)", quote: "原文"}}},
		{"paragraph list", "《某法》第三十条第一款、第二款", []want{{title: "某法", arts: "30¶1,30¶2", quote: "-"}}},
		{"list of full articles", "《社会保险稽核办法》第二条、第三条、第十二条", []want{{title: "社会保险稽核办法", arts: "2,3,12", quote: "-"}}},
		{"bare title after a trigger", "依据社会保险法第八十七条", []want{{title: "社会保险法", bare: true, arts: "87", span: "社会保险法第八十七条", quote: "-"}}},
		{"bare title at line start with quote", "社会保险法第八十七条：原文。", []want{{title: "社会保险法", bare: true, arts: "87", quote: "原文。"}}},
		{"bare 本法 is no citation", "违反本法第十条的规定", nil},
		{"bare title mid-sentence without trigger is no citation", "经查，实施社会保险法第八十七条", nil},
		{"a clause at line start is no title", "应当实施社会保险法第八十七条", nil},
		{"angle brackets", "〈中华人民共和国社会保险法〉第八十七条", []want{{title: "中华人民共和国社会保险法", arts: "87", quote: "-"}}},
		{"nested full marks", "《实施《中华人民共和国社会保险法》若干规定》第二十五条", []want{{title: "实施《中华人民共和国社会保险法》若干规定", arts: "25", quote: "-"}}},
		{"half-width note", "《医疗保障基金使用监督管理条例》(国务院令第735号)第37条", []want{{title: "医疗保障基金使用监督管理条例", note: "国务院令第735号", arts: "37", quote: "-"}}},
		{"bad year brackets", "《某办法》（医保发【2013】5号）第3条", []want{{title: "某办法", note: "医保发【2013】5号", arts: "3", problems: "bad-docno-brackets", quote: "-"}}},
		{"square year brackets", "《某办法》(人社部发[2013]5号)第3条", []want{{title: "某办法", note: "人社部发[2013]5号", arts: "3", problems: "bad-docno-brackets", quote: "-"}}},
		{"stray period", "《中华人民共和国社会保险法》。第八十七条", []want{{title: "中华人民共和国社会保险法", arts: "87", problems: "stray-period", quote: "-"}}},
		{"missing 》", "《中华人民共和国社会保险法第八十七条：原文", []want{{title: "中华人民共和国社会保险法", arts: "87", problems: "unbalanced-title", quote: "原文"}}},
		{"missing 《", "中华人民共和国社会保险法》第八十七条：原文", []want{{title: "中华人民共和国社会保险法", bare: true, arts: "87", problems: "unbalanced-title", quote: "原文"}}},
		{"missing 条 before a colon", "《某法》第6、22、27：原文", []want{{title: "某法", arts: "6,22,27", problems: "missing-tiao", quote: "原文"}}},
		{"order number is no article", "《某条例》第16号", []want{{title: "某条例", problems: "no-article", quote: "-"}}},
		{"规定： introduces a quote, outer marks dropped", "根据《某法》第3条规定：“全文。”", []want{{title: "某法", arts: "3", quote: "全文。"}}},
		{"one-line enumeration", "1.《甲法》第一条 2.《乙法》第二条", []want{
			{title: "甲法", arts: "1", quote: "-"}, {title: "乙法", arts: "2", quote: "-"}}},
		{"one-line enumeration of quoted citations", "1.《甲法》第一条：原文一。   2.《乙法》第二条：原文二。", []want{
			{title: "甲法", arts: "1", quote: "原文一。"}, {title: "乙法", arts: "2", quote: "原文二。"}}},
		{"a title on its own line inside a quote starts a citation", "1.《甲法》第一条：原文一。\n2.《乙办法》（某部令第1号）\n第二条　原文二。\n第三条　原文三。", []want{
			{title: "甲法", arts: "1", quote: "原文一。"},
			{title: "乙办法", note: "某部令第1号", arts: "2,3", parts: "2,3", qTail: "原文三。"}}},
		{"mentions inside a quote stay in it", "1.《甲法》第一条：依照《中华人民共和国行政处罚法》第七十二条的规定执行。\n《乙法》第五条规定的情形除外。\n本条例第三条：不是新的引用。\n2.《丙条例》第二条：原文。",
			[]want{
				{title: "甲法", arts: "1", quote: "依照《中华人民共和国行政处罚法》第七十二条的规定执行。\n《乙法》第五条规定的情形除外。\n本条例第三条：不是新的引用。", parts: "-"},
				{title: "丙条例", arts: "2", quote: "原文。"},
			}},
		{"after 。 on the same line only with articles and colon", "《甲法》第一条：原文一。《乙法》第二条：原文二。依照《丙法》第三条处理。", []want{
			{title: "甲法", arts: "1", quote: "原文一。"},
			{title: "乙法", arts: "2", quote: "原文二。依照《丙法》第三条处理。"},
		}},
		{"labels after spaces", "《某办法》第二条、第三条：第二条 甲。 第三条\u3000乙……丙。", []want{
			{title: "某办法", arts: "2,3", parts: "2,3", elisions: "|……", qHead: "第二条 甲。"}}},
		{"a version history naming the amending decision", "《甲条例》（2004年4月30日国务院令第406号公布，根据2023年7月20日《国务院关于修改和废止部分行政法规的决定》第五次修订）第六十四条：原文。", []want{
			{title: "甲条例", note: "2004年4月30日国务院令第406号公布，根据2023年7月20日《国务院关于修改和废止部分行政法规的决定》第五次修订", arts: "64", quote: "原文。"}}},
		{"a title in parentheses that is no history stays a citation", "《甲法》（《乙法》第三条）第一条：原文。", []want{
			{title: "甲法", problems: "no-article", quote: "-"}, {title: "乙法", arts: "3", quote: "-"}}},
		{"ellipses typed as dots", "《某法》第一条：甲···乙。。。丙．．．丁..戊", []want{
			{title: "某法", arts: "1", elisions: "···,。。。,．．．"}}},
		{"labels naming a 款 or 项", "《某法》第十三条第一款、第十四条第（四）项：\n第十三条第一款　甲。\n第十四条第（四）项：（四）乙；", []want{
			{title: "某法", arts: "13¶1,14(4)", parts: "13¶1,14(4)", qTail: "（四）乙；"}}},
		{"a 款 named mid-sentence is no label", "《某法》第一条：依照本法第十三条第一款规定处罚。", []want{
			{title: "某法", arts: "1", parts: "-", quote: "依照本法第十三条第一款规定处罚。"}}},
		{"unlabelled text before the first label", "《某办法》第二条、第三条：甲。\n第三条：乙。", []want{
			{title: "某办法", arts: "2,3", parts: "-,3", quote: "甲。\n第三条：乙。"}}},
		{"empty quote", "《某法》第一条：  ", []want{{title: "某法", arts: "1", quote: "-"}}},
		// Level tags before a citation end the quote before them.
		{"level tags, several in one cell", "【法律】《甲法》第十条 原文一。【行政法规】《乙条例》第五条　原文二。\n[部门规章]《丙办法》第3条 原文三。部门规章：《丁规定》第四条：原文四。", []want{
			{title: "甲法", arts: "10", quote: "原文一。"}, {title: "乙条例", arts: "5", quote: "原文二。"},
			{title: "丙办法", arts: "3", quote: "原文三。"}, {title: "丁规定", arts: "4", quote: "原文四。"}}},
		{"a tag straight after the text", "【法律】《甲法》第十条 原文一【法律】《乙法》第五条 原文二。", []want{
			{title: "甲法", arts: "10", quote: "原文一"}, {title: "乙法", arts: "5", quote: "原文二。"}}},
		{"a level word inside an article is no tag", "《甲法》第十条：依照有关法律：《乙法》第五条规定的除外。", []want{
			{title: "甲法", arts: "10", quote: "依照有关法律：《乙法》第五条规定的除外。"}}},
		// References back to the statute just cited.
		{"同法 after a quote", "《甲法》第十条 原文一；同法第十二条 原文二。", []want{
			{title: "甲法", arts: "10", quote: "原文一"}, {title: "甲法", bare: true, arts: "12", quote: "原文二。"}}},
		{"该条例 names the last 条例 cited", "《乙条例》第三条：原文一。\n《甲法》第十条：原文二。\n该条例第五条第二款 原文三。", []want{
			{title: "乙条例", arts: "3", quote: "原文一。"}, {title: "甲法", arts: "10", quote: "原文二。"},
			{title: "乙条例", bare: true, arts: "5¶2", quote: "原文三。"}}},
		{"上述法律 without quotes", "《甲法》第十条、上述法律第十二条", []want{
			{title: "甲法", arts: "10", quote: "-"}, {title: "甲法", bare: true, arts: "12", quote: "-"}}},
		{"本法 inside an article is a mention", "《甲法》第十条：违反本法第三条规定的，处罚款。\n本法第五条规定的除外。", []want{
			{title: "甲法", arts: "10", quote: "违反本法第三条规定的，处罚款。\n本法第五条规定的除外。"}}},
		{"a reference with nothing cited before is none", "同法第十二条 原文。", nil},
		// A bare article after a titled citation is the same statute's.
		{"a bare article on the next line", "《甲法》第10条 原文一。\n第12条第2款 原文二。", []want{
			{title: "甲法", arts: "10", parts: "-,12¶2", quote: "原文一。\n第12条第2款 原文二。"}}},
		// Compressed lists.
		{"compressed lists", "《甲法》第三十、三十二条；《乙法》第三十条、三十二条；《丙法》第6、22、27条", []want{
			{title: "甲法", arts: "30,32", quote: "-"}, {title: "乙法", arts: "30,32", quote: "-"}, {title: "丙法", arts: "6,22,27", quote: "-"}}},
		// A quote running straight into the next citation.
		{"run-on into the next citation", "《甲法》第十条 处以罚款《乙法》第五条 原文二。", []want{
			{title: "甲法", arts: "10", quote: "处以罚款"}, {title: "乙法", arts: "5", quote: "原文二。"}}},
		{"run-on after a trigger word, into a 法典", "《甲法》第十条 作为处罚的依据《中华人民共和国民法典》第一条 原文二。", []want{
			{title: "甲法", arts: "10", quote: "作为处罚的依据"}, {title: "中华人民共和国民法典", arts: "1", quote: "原文二。"}}},
		{"run-on into a title with its year", "《甲规则（1991）》第三十五条：搁浅\n搁浅的船白天悬挂圆球三个《甲规则（1991）》第三十六条：装运危险货物", []want{
			{title: "甲规则（1991）", arts: "35", quote: "搁浅\n搁浅的船白天悬挂圆球三个"}, {title: "甲规则（1991）", arts: "36", quote: "装运危险货物"}}},
		// An article's caption in 【】 after the label is its text; a
		// level tag there starts the next citation.
		{"a caption after the label", "《甲办法》第七十一条：环境保护主管部门应当建立。\n《甲办法》第七十二条 【信息公开】除外，应当公开。", []want{
			{title: "甲办法", arts: "71", quote: "环境保护主管部门应当建立。"}, {title: "甲办法", arts: "72", quote: "【信息公开】除外，应当公开。"}}},
		{"a number starting the text after the label", "《甲条例》第一条：制定本条例。\n该条例第二条  12345热线，是指服务平台。", []want{
			{title: "甲条例", arts: "1", quote: "制定本条例。"}, {title: "甲条例", bare: true, arts: "2", quote: "12345热线，是指服务平台。"}}},
		{"a term in marks opening the text after a space", "《甲细则》第二十七条 “万国邮政联盟”发行的国际回信券，不得兑换现金。", []want{
			{title: "甲细则", arts: "27", quote: "“万国邮政联盟”发行的国际回信券，不得兑换现金。"}}},
		{"a quote in marks after the label", "《甲细则》第二十七条“国际回信券不得兑换现金。”", []want{
			{title: "甲细则", arts: "27", quote: "国际回信券不得兑换现金。", marks: true}}},
		{"run-on into an interpretation", "《最高人民法院关于适用〈甲法〉的解释》第十四条 原文一《最高人民法院关于适用〈甲法〉的解释》第十五条 原文二。", []want{
			{title: "最高人民法院关于适用〈甲法〉的解释", arts: "14", quote: "原文一"}, {title: "最高人民法院关于适用〈甲法〉的解释", arts: "15", quote: "原文二。"}}},
		{"text starting with a 第 word after the label", "《甲法》第一百八十条：人民法院裁定。\n【法律】《甲法》第一百八十一条\u3000第二审人民法院审理上诉案件。", []want{
			{title: "甲法", arts: "180", quote: "人民法院裁定。"}, {title: "甲法", arts: "181", quote: "第二审人民法院审理上诉案件。"}}},
		{"text starting with a mention of another article", "《甲办法》第十一条：应当提交资料；同办法第十二条\u3000第十条规定的兽药已列入目录的，按照规定办理。", []want{
			{title: "甲办法", arts: "11", quote: "应当提交资料"}, {title: "甲办法", bare: true, arts: "12", quote: "第十条规定的兽药已列入目录的，按照规定办理。"}}},
		{"a caption in square brackets", "《甲办法》第四条：[执业资格]应当具有执业资格。\n【部门规章】《甲办法》第五条 [服务范围]开展工程项目管理业务。", []want{
			{title: "甲办法", arts: "4", quote: "[执业资格]应当具有执业资格。"}, {title: "甲办法", arts: "5", quote: "[服务范围]开展工程项目管理业务。"}}},
		{"a label after a space is not the article's text", "《甲法》第十条 第二款：原文。", []want{
			{title: "甲法", arts: "10", quote: "-"}}},
		{"text starting with 规定 after a label set off by a full-width space", "《甲条例》第七条：制定地方性法规。\n该条例第八条\u3000规定本市行政区域特别重大事项的地方性法规，应当由市人民代表大会通过。", []want{
			{title: "甲条例", arts: "7", quote: "制定地方性法规。"}, {title: "甲条例", bare: true, arts: "8", quote: "规定本市行政区域特别重大事项的地方性法规，应当由市人民代表大会通过。"}}},
		{"规定 after a label with one space stays running text", "《甲条例》第七条：依照《乙法》第八条 规定处罚。", []want{
			{title: "甲条例", arts: "7", quote: "依照《乙法》第八条 规定处罚。"}}},
		{"a mention after a trigger word stays in the quote", "《甲法》第十条：依照《乙法》第五条规定处罚。", []want{
			{title: "甲法", arts: "10", quote: "依照《乙法》第五条规定处罚。"}}},
		{"a mention with a stray space stays in the quote", "《甲法》第十条：依照《乙法》第五条 的规定处罚。", []want{
			{title: "甲法", arts: "10", quote: "依照《乙法》第五条 的规定处罚。"}}},
		{"an article list closing its line after 。", "《甲法》第十条 原文一。《乙法》第五条\n《丙法》第六条", []want{
			{title: "甲法", arts: "10", quote: "原文一。"}, {title: "乙法", arts: "5", quote: "-"}, {title: "丙法", arts: "6", quote: "-"}}},
		{"empty title is no citation", "《》第一条", nil},
		{"an item marker in angle brackets is no title", "〈一〉进入现场检查；\n〈二〉询问有关人员。", nil},
		{"stray symbol before the colon", "《某条例》第2条🍩：原文", []want{{title: "某条例", arts: "2", quote: "原文"}}},
		{"no title at all", "1.立案责任：对依据监督检查职权或者通过举报、投诉发现的违法行为线索，决定是否立案。", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := Parse(c.text)
			checkInvariants(t, c.text, got)
			if len(got) != len(c.want) {
				var titles []string
				for _, g := range got {
					titles = append(titles, g.Title)
				}
				t.Fatalf("got %d citations %q, want %d", len(got), titles, len(c.want))
			}
			for i, w := range c.want {
				checkCitation(t, c.text, i, got[i], w)
			}
		})
	}
}

func checkCitation(t *testing.T, text string, i int, g Citation, w want) {
	t.Helper()
	if g.Title != w.title {
		t.Errorf("#%d title = %q, want %q", i, g.Title, w.title)
	}
	if g.Bracketed == w.bare {
		t.Errorf("#%d Bracketed = %v, want %v", i, g.Bracketed, !w.bare)
	}
	if g.Note != w.note {
		t.Errorf("#%d note = %q, want %q", i, g.Note, w.note)
	}
	if g.Note != "" && unwrap(text[g.NoteSpan.Start:g.NoteSpan.End]) != g.Note {
		t.Errorf("#%d note span %q does not hold the note %q", i, text[g.NoteSpan.Start:g.NoteSpan.End], g.Note)
	}
	if s := articlesString(g.Articles); s != w.arts {
		t.Errorf("#%d articles = %s, want %s", i, s, w.arts)
	}
	if w.span != "" && text[g.Span.Start:g.Span.End] != w.span {
		t.Errorf("#%d span = %q, want %q", i, text[g.Span.Start:g.Span.End], w.span)
	}
	var codes []string
	for _, p := range g.Problems {
		codes = append(codes, p.Code)
		if p.Message == "" || !strings.HasSuffix(p.Message, "。") {
			t.Errorf("#%d problem %s: message %q is not a sentence", i, p.Code, p.Message)
		}
	}
	if s := strings.Join(codes, ","); s != w.problems {
		t.Errorf("#%d problems = %s, want %s", i, s, w.problems)
	}
	q := g.Quote
	switch {
	case w.quote == "-":
		if q != nil {
			t.Errorf("#%d quote = %q, want none", i, q.Text)
		}
		return
	case q == nil:
		t.Errorf("#%d no quote, want one", i)
		return
	case w.quote != "" && q.Text != w.quote:
		t.Errorf("#%d quote = %q, want %q", i, q.Text, w.quote)
	}
	if !strings.HasPrefix(q.Text, w.qHead) {
		t.Errorf("#%d quote starts %q, want %q", i, firstRunes(q.Text, 20), w.qHead)
	}
	if !strings.HasSuffix(q.Text, w.qTail) {
		t.Errorf("#%d quote ends %q, want %q", i, lastRunes(q.Text, 30), w.qTail)
	}
	if q.InMarks != w.marks {
		t.Errorf("#%d InMarks = %v, want %v", i, q.InMarks, w.marks)
	}
	if w.parts != "" {
		var ps []string
		for _, p := range q.Parts {
			if p.Article == nil {
				ps = append(ps, "-")
			} else {
				ps = append(ps, artString(*p.Article))
			}
		}
		if s := strings.Join(ps, ","); s != w.parts {
			t.Errorf("#%d parts = %s, want %s", i, s, w.parts)
		}
	}
	if w.elisions != "" {
		var es []string
		for _, p := range q.Parts {
			var e []string
			for _, sp := range p.Elisions {
				e = append(e, text[sp.Start:sp.End])
			}
			es = append(es, strings.Join(e, ","))
		}
		if s := strings.Join(es, "|"); s != w.elisions {
			t.Errorf("#%d elisions = %q, want %q", i, s, w.elisions)
		}
	}
}

func firstRunes(s string, n int) string {
	r := []rune(s)
	return string(r[:min(n, len(r))])
}

func lastRunes(s string, n int) string {
	r := []rune(s)
	return string(r[max(0, len(r)-n):])
}

// TestLabelledParts checks the text of each part of 000 entry 20's
// labelled quote: what a verifier compares per article.
func TestLabelledParts(t *testing.T) {
	cs := Parse(s000e20Basis)
	if len(cs) != 3 || cs[2].Quote == nil {
		t.Fatalf("want 3 citations, the last quoted; got %d", len(cs))
	}
	want := []string{
		"本办法所称稽核是指社会保险经办机构依法对社会保险费缴纳情况和社会保险待遇领取情况进行的核查。",
		"县级以上社会保险经办机构负责社会保险稽核工作。县级以上社会保险经办机构的稽核部门具体承办社会保险稽核工作。",
		"社会保险经办机构及社会保险稽核人员开展稽核工作，行使下列职权：",
	}
	parts := cs[2].Quote.Parts
	for i, w := range want {
		if parts[i].Text != w {
			t.Errorf("part %d = %q, want %q", i, parts[i].Text, w)
		}
	}
	last := parts[len(parts)-1]
	if !strings.HasPrefix(last.Text, "社会保险经办机构应当对参保个人") || last.Article.Num != 12 {
		t.Errorf("last part = %d %q", last.Article.Num, firstRunes(last.Text, 20))
	}
	if l := s000e20Basis[last.Article.Span.Start:last.Article.Span.End]; l != "第十二条" {
		t.Errorf("last label span = %q, want 第十二条", l)
	}
}

// TestArticleSpans checks that each article points at the text naming it.
func TestArticleSpans(t *testing.T) {
	text := "《某法》第87、88条，第十条至第十二条"
	cs := Parse(text)
	if len(cs) != 1 {
		t.Fatalf("got %d citations", len(cs))
	}
	var got []string
	for _, a := range cs[0].Articles {
		got = append(got, text[a.Span.Start:a.Span.End])
	}
	want := []string{"第87", "88条", "第十条", "第十条至第十二条", "第十二条"}
	if !slices.Equal(got, want) {
		t.Errorf("article spans = %q, want %q", got, want)
	}
	if s := text[cs[0].ArticleSpan.Start:cs[0].ArticleSpan.End]; s != "第87、88条，第十条至第十二条" {
		t.Errorf("ArticleSpan = %q", s)
	}
}

// TestProblemMessages pins the fixes the messages propose for the seeds'
// document numbers.
func TestProblemMessages(t *testing.T) {
	cs := Parse(s003e12Basis)
	var msgs []string
	for _, c := range cs {
		for _, p := range c.Problems {
			if p.Code != CodeNoArticle {
				msgs = append(msgs, p.Message)
			}
		}
	}
	for _, fix := range []string{"“医保办发〔2018〕22号”", "“湘医保发〔2019〕23号”", "“医保发〔2019〕23号”"} {
		if !slices.ContainsFunc(msgs, func(m string) bool { return strings.Contains(m, fix) }) {
			t.Errorf("no message proposes %s; messages: %q", fix, msgs)
		}
	}
}

// TestSeedsParse parses every cell of both seeds: no citation may be found
// in a cell that names no statute, and every cell holding 《 yields one.
func TestSeedsParse(t *testing.T) {
	for _, f := range seedFiles {
		for i, cell := range seedCells(t, f) {
			cs := Parse(cell)
			checkInvariants(t, cell, cs)
			if strings.Contains(cell, "《") != (len(cs) > 0) {
				t.Errorf("%s cell %d: %d citations in %q", f, i, len(cs), firstRunes(cell, 30))
			}
		}
	}
}
