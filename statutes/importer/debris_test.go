package importer

import "testing"

func TestCleanDebris(t *testing.T) {
	cases := []struct {
		in, want         string
		decimal, removed int
	}{
		{"12周岁以下或者身高低于1\ue0104米的儿童不得乘坐前排座椅。", "12周岁以下或者身高低于1.4米的儿童不得乘坐前排座椅。", 1, 0},
		{"推进重大科技成果产业化。\ue5f9\ue5f9", "推进重大科技成果产业化。", 0, 2},
		{"在保证正常教学活动的条\u3000件下", "在保证正常教学活动的条件下", 0, 1},
		{"涉及本办法第六条\u3000、第七条\u3000、第八条内容", "涉及本办法第六条、第七条、第八条内容", 0, 2},
		{"以上五十元以下的罚款。\u3000\u3000违反本条第二款规定的", "以上五十元以下的罚款。违反本条第二款规定的", 0, 1},
		{"符合ISO\u30009001标准", "符合ISO 9001标准", 0, 1},
		{"零宽\u200b字符", "零宽字符", 0, 1},
		// Layout that stays: indentation, the space after a label, a
		// heading's space, the space before the next article of a run-on
		// line, trailing blanks.
		{"\u3000\u3000第十七条\u3000招标办公室在招标委员会监督下", "\u3000\u3000第十七条\u3000招标办公室在招标委员会监督下", 0, 0},
		{"第一章\u3000总\u3000\u3000则", "第一章\u3000总则", 0, 1},
		{"## 第二章\u3000价格的制定", "## 第二章\u3000价格的制定", 0, 0},
		{"第一条\u3000为了规范。\u3000\u3000第二条\u3000本办法适用于", "第一条\u3000为了规范。\u3000\u3000第二条\u3000本办法适用于", 0, 0},
		{"本条例自公布之日起施行。\u3000\u3000", "本条例自公布之日起施行。\u3000\u3000", 0, 0},
		{"小数1\ue010", "小数1", 0, 1},
	}
	for _, c := range cases {
		got, n := cleanDebris(c.in)
		if got != c.want || n.decimal != c.decimal || n.removed != c.removed {
			t.Errorf("cleanDebris(%q) = %q, %+v; want %q, decimal %d removed %d", c.in, got, n, c.want, c.decimal, c.removed)
		}
	}
}
