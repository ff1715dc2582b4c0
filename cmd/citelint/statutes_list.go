package main

import (
	"context"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/citelint/citelint/statutes"
	"github.com/urfave/cli/v3"
)

func statutesListCmd() *cli.Command {
	return &cli.Command{
		Name:  "list",
		Usage: "list the bundled statutes (kind, status, version, articles) with totals",
		Flags: []cli.Flag{
			statutesFlag(),
			&cli.StringFlag{Name: "kind", Usage: "only this kind: 宪法, 法律, 行政法规, 部门规章, 司法解释, 地方性法规, 地方政府规章, 规范性文件"},
			&cli.StringFlag{Name: "status", Usage: "only this status at --as-of: 有效 (in-force), 已废止 (repealed), 尚未生效 (pending)"},
			&cli.StringFlag{Name: "as-of", Usage: "status as of this date (YYYY-MM-DD; default today)"},
			&cli.BoolFlag{Name: "counts", Usage: "print only the counts by level (法律, 行政法规, 部门规章, 地方性法规 …) and status"},
		},
		Action: func(ctx context.Context, cmd *cli.Command) error {
			if cmd.Args().Len() > 0 {
				return inputError(fmt.Errorf("statutes list 不接受参数，收到“%s”", cmd.Args().First()))
			}
			asOf, err := asOfDate(cmd.String("as-of"))
			if err != nil {
				return inputError(err)
			}
			status, err := parseStatus(cmd.String("status"))
			if err != nil {
				return inputError(err)
			}
			c, err := corpusWith(cmd.StringSlice("statutes"))
			if err != nil {
				return err
			}
			return writeStatuteList(cmd.Root().Writer, c, statutes.Kind(strings.TrimSpace(cmd.String("kind"))), status, asOf, cmd.Bool("counts"))
		},
	}
}

// asOfDate reads --as-of; empty means today.
func asOfDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		y, m, d := time.Now().Date()
		return time.Date(y, m, d, 0, 0, 0, 0, time.UTC), nil
	}
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return time.Time{}, fmt.Errorf("--as-of “%s”：日期应写作 2019-06-01 这样的格式", s)
	}
	return t, nil
}

func parseStatus(s string) (statutes.Status, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "":
		return "", nil
	case "有效", "现行有效", "in-force", "inforce", "current":
		return statutes.StatusInForce, nil
	case "已废止", "废止", "repealed":
		return statutes.StatusRepealed, nil
	case "尚未生效", "未生效", "pending":
		return statutes.StatusPending, nil
	}
	return "", fmt.Errorf("--status “%s”：可选 有效（in-force）、已废止（repealed）或尚未生效（pending）", s)
}

// levelCount is one line of the counts by level.
type levelCount struct {
	statutes, noText, articles int
	status                     map[statutes.Status]int
}

func writeStatuteList(w io.Writer, c *statutes.Corpus, kind statutes.Kind, status statutes.Status, asOf time.Time, countsOnly bool) error {
	var rows [][]string
	nStatutes, nArticles, nNoText := 0, 0, 0
	kinds := map[statutes.Kind]bool{}
	levels := map[statutes.Kind]*levelCount{}
	for _, s := range c.Statutes() {
		kinds[s.Kind] = true
		if kind != "" && s.Kind != kind {
			continue
		}
		st := s.StatusAt(asOf)
		if status != "" && st != status {
			continue
		}
		nStatutes++
		lc := levels[s.Kind]
		if lc == nil {
			lc = &levelCount{status: map[statutes.Status]int{}}
			levels[s.Kind] = lc
		}
		lc.statutes++
		lc.status[st]++
		text := "无条文"
		for _, v := range s.Versions {
			nArticles += v.NumArticles
			lc.articles += v.NumArticles
		}
		if n := s.NumArticles(); n > 0 {
			text = fmt.Sprintf("%d条", n)
		} else if hasBody(s) {
			text = "无条文编号"
		} else {
			nNoText++
			lc.noText++
		}
		label := ""
		if v := s.VersionAt(asOf); v != nil {
			label = v.Label
		} else if v := s.Current(); v != nil {
			label = v.Label
		}
		rows = append(rows, []string{s.Title, string(s.Kind), string(st), label, text})
	}
	if kind != "" && !kinds[kind] {
		return inputError(fmt.Errorf("--kind “%s”：没有这一类别的法规（现有类别：%s）", kind, kindList(kinds)))
	}
	if countsOnly {
		rows = [][]string{{"层级", "法规", "有效", "已废止", "尚未生效", "仅有元数据", "条文（各版本合计）"}}
		for _, k := range kindOrder(levels) {
			lc := levels[k]
			rows = append(rows, []string{string(k), strconv.Itoa(lc.statutes),
				strconv.Itoa(lc.status[statutes.StatusInForce]), strconv.Itoa(lc.status[statutes.StatusRepealed]),
				strconv.Itoa(lc.status[statutes.StatusPending]), strconv.Itoa(lc.noText), strconv.Itoa(lc.articles)})
		}
	}
	if err := writeAligned(w, rows); err != nil {
		return err
	}
	var by []string
	for _, k := range kindOrder(levels) {
		by = append(by, fmt.Sprintf("%s %d", k, levels[k].statutes))
	}
	_, err := fmt.Fprintf(w, "合计：%d 部法规（其中 %d 部仅有元数据），条文 %d 条（各版本合计）；按层级：%s；语料 %s\n",
		nStatutes, nNoText, nArticles, strings.Join(by, "，"), c.ID())
	return err
}

// kindOrder is the levels of m from the highest (宪法, 法律, 行政法规 …),
// then any other level by name.
func kindOrder(m map[statutes.Kind]*levelCount) []statutes.Kind {
	set := map[statutes.Kind]bool{}
	for k := range m {
		set[k] = true
	}
	var out []statutes.Kind
	for _, k := range strings.Split(kindList(set), "、") {
		if k != "" {
			out = append(out, statutes.Kind(k))
		}
	}
	return out
}

// hasBody reports whether a statute without numbered articles still has
// text (刑法修正案): the manifest says so through a full version.
func hasBody(s *statutes.Statute) bool {
	for _, v := range s.Versions {
		if v.Text != statutes.TextNone {
			return true
		}
	}
	return false
}

func kindList(m map[statutes.Kind]bool) string {
	var ks []string
	for _, k := range []statutes.Kind{"宪法", "法律", "行政法规", "部门规章", "司法解释", "地方性法规", "地方政府规章", "规范性文件"} {
		if m[k] {
			ks = append(ks, string(k))
			delete(m, k)
		}
	}
	var rest []string
	for k := range m {
		rest = append(rest, string(k))
	}
	sort.Strings(rest)
	ks = append(ks, rest...)
	return strings.Join(ks, "、")
}
