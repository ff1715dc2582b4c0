package report

import "github.com/citelint/citelint/lint"

func sevp(s lint.Severity) *lint.Severity { return &s }

// fixture is a fixed result: two files, catalog-level and entry findings,
// quote findings with statute and catalog text, an info finding without
// statute text, and catalog text that tries to inject markup.
func fixture() *lint.Result {
	files := []lint.FileResult{
		{
			Path: "catalogs/钟山区.txt", Format: "txt", Title: "六盘水市钟山区医疗保障局权力清单和责任清单(2025年)", Entries: 20, AsOf: "2025-12-31",
			Quotes: lint.QuoteCounts{Checked: 26, Unverifiable: 1},
			Diagnostics: []lint.Diagnostic{
				{Rule: "stray-character", Severity: lint.Error, Field: "title", Column: "标题", Span: lint.Span{Start: 0, End: 19},
					Region:  &lint.Region{StartLine: 1, StartCol: 2, EndLine: 1, EndCol: 21},
					Message: "标题中有文档转换残留“[bookmark: _GoBack]”"},
				{Rule: "quote-mismatch", Severity: lint.Error, Entry: &lint.EntryRef{Index: 3, Seq: "3"}, Field: "basis", Column: "权力依据",
					Span:     lint.Span{Start: 30, End: 75},
					Region:   &lint.Region{StartLine: 40, StartCol: 32, EndLine: 40, EndCol: 77},
					Message:  "引用的《社会保险法》第八十七条与法条原文不一致：“给予”写成了“给于”",
					Citation: &lint.Citation{Statute: "中华人民共和国社会保险法", Version: "2018-12-29", Articles: []string{"87"}},
					Expected: "社会保险经办机构以及医疗机构、药品经营单位等社会保险服务机构以欺诈、伪造证明材料或者其他手段骗取社会保险基金支出的，由社会保险行政部门责令退回骗取的社会保险金，处骗取金额二倍以上五倍以下的罚款；属于社会保险服务机构的，解除服务协议；直接负责的主管人员和其他直接责任人员有执业资格的，依法吊销其执业资格。",
					Actual:   "社会保险经办机构以及医疗机构、药品经营单位等社会保险服务机构以欺诈、伪造证明材料或者其他手段骗取社会保险基金支出的，由社会保险行政部门责令退回骗取的社会保险金，处骗取金额二倍以上五倍以下的罚款；属于社会保险服务机构的，解除服务协议；直接负责的主管人员和其他直接责任人员有执业资格的，依法给于吊销其执业资格。"},
				{Rule: "punctuation", Severity: lint.Warning, Entry: &lint.EntryRef{Index: 3, Seq: "3"}, Field: "duties", Column: "责  任  事  项",
					Span: lint.Span{Start: 12, End: 13}, Region: &lint.Region{StartLine: 44, StartCol: 14, EndLine: 44, EndCol: 15},
					Message: "中文文本中使用了半角逗号“,”"},
				{Rule: "quote-superseded", Severity: lint.Error, Entry: &lint.EntryRef{Index: 19, Seq: "19"}, Field: "basis", Column: "权力依据",
					Span:     lint.Span{Start: 5, End: 60},
					Region:   &lint.Region{StartLine: 300, StartCol: 6, EndLine: 300, EndCol: 61},
					Message:  "引用的《药品管理法》第八十六条是2015年修正本的条文，2019年修订后该条内容已变",
					Citation: &lint.Citation{Statute: "中华人民共和国药品管理法", Version: "2019-08-26", Articles: []string{"86"}},
					Expected: "药品上市许可持有人、药品生产企业、药品经营企业和医疗机构应当遵守国务院药品价格主管部门关于药品价格管理的规定，制定和标明药品零售价格，禁止暴利、价格垄断和价格欺诈等行为。",
					Actual:   "药品标识不符合本法第五十四条规定的，除依法应当按照假药、劣药论处的外，责令改正，给予警告；情节严重的，撤销该药品的批准证明文件。"},
				{Rule: "quote-unverifiable", Severity: lint.Info, Entry: &lint.EntryRef{Index: 19, Seq: "19"}, Field: "basis", Column: "权力依据",
					Span:     lint.Span{Start: 70, End: 90},
					Region:   &lint.Region{StartLine: 300, StartCol: 71, EndLine: 301, EndCol: 5},
					Message:  "《基本医疗保险用药管理暂行办法》的条文未收录，无法核对引文",
					Citation: &lint.Citation{Statute: "基本医疗保险用药管理暂行办法", Articles: []string{"2", "29"}},
					Actual:   "第二条　各级医疗保障部门……"},
			},
		},
		{
			Path: "catalogs/zhuzhou.docx", Format: "docx", Title: "株洲市医疗保障局权责清单", Entries: 12,
			Quotes: lint.QuoteCounts{Checked: 11},
			Diagnostics: []lint.Diagnostic{
				{Rule: "office-inconsistent", Severity: lint.Error, Entry: &lint.EntryRef{Index: 2, Seq: "二"}, Field: "office", Column: "责任科室",
					Span:    lint.Span{Start: 0, End: 5},
					Message: "责任科室“基金监管股”与清单其余各项的“基金监管科”不一致",
					Related: []lint.Related{{Entry: &lint.EntryRef{Index: 1, Seq: "一"}, Field: "office", Message: "此处写作“基金监管科”"}}},
				{Rule: "quote-mismatch", Severity: lint.Error, Entry: &lint.EntryRef{Index: 5}, Field: "basis", Column: "职权依据",
					Span:     lint.Span{Start: 0, End: 40},
					Message:  `引文中有标记 <script>document.documentElement.setAttribute("data-pwned","1")</script> 与法条不一致`,
					Citation: &lint.Citation{Statute: "中华人民共和国社会保险法", Articles: []string{"88"}},
					Expected: "以欺诈、伪造证明材料或者其他手段骗取社会保险待遇的，由社会保险行政部门责令退回骗取的社会保险金，处骗取金额二倍以上五倍以下的罚款。",
					Actual:   `以欺诈、伪造证明材料<img src=x onerror="document.documentElement.setAttribute('data-pwned','2')">或者其他手段骗取社会保险待遇的，由社会保险行政部门责令退回骗取的社会保险金，处骗取金额二倍以上五倍以下的罚款。`},
				{Rule: "sequence", Severity: lint.Warning, Entry: &lint.EntryRef{Index: 7, Seq: "6"}, Field: "seq", Column: "序号",
					Span: lint.Span{Start: 0, End: 1}, Message: "序号“6”重复"},
			},
		},
	}
	for _, f := range files {
		lint.SortDiagnostics(f.Diagnostics)
	}
	r := lint.Summarize(files)
	return &r
}

// fixtureRules documents some of the fixture's rules (not all: a report
// must cope with a rule it has no doc for).
func fixtureRules() []*lint.Rule {
	return []*lint.Rule{
		{ID: "quote-mismatch", Title: "引文与法条原文不一致", Severity: lint.Error,
			Doc:   "引用的条文文字与所引法律在清单日期施行的版本不一致。",
			Wrong: "《中华人民共和国社会保险法》第八十七条：……依法给于吊销其执业资格。",
			Right: "《中华人民共和国社会保险法》第八十七条：……依法吊销其执业资格。"},
		{ID: "quote-superseded", Title: "引文为已被修改的旧版本", Severity: lint.Error,
			Doc: "引文与现行版本不一致，但与旧版本一致。"},
		{ID: "punctuation", Title: "标点不规范", Severity: lint.Warning, Doc: "中文文本中使用了半角标点。",
			Wrong: "责令改正,处罚款", Right: "责令改正，处罚款"},
		{ID: "stray-character", Title: "异常字符", Severity: lint.Error, Doc: "文档中混入的异常字符。"},
		{ID: "office-inconsistent", Title: "责任科室名称不一致", Severity: lint.Error, Doc: "同一清单中科室名称写法不一。"},
		{ID: "unused-rule", Title: "未触发的规则", Severity: lint.Info, Doc: "列在规则表中但本次未报告。"},
	}
}
