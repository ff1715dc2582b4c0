package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
	"time"

	"github.com/citelint/citelint/statutes"
	"github.com/urfave/cli/v3"
)

func statutesShowCmd() *cli.Command {
	return &cli.Command{
		Name:      "show",
		Usage:     "print an article (款, 项) of a statute as in force at a date, or the statute's facts",
		ArgsUsage: "TITLE [ARTICLE]   e.g. 社会保险法 87 | 第八十七条 | 87.2 | 第八十七条第二款 | 10之一",
		Flags: []cli.Flag{
			statutesFlag(),
			&cli.StringFlag{Name: "as-of", Usage: "the version in force at this date (YYYY-MM-DD; default today)"},
		},
		Action: func(ctx context.Context, cmd *cli.Command) error {
			args := cmd.Args().Slice()
			if len(args) == 0 || len(args) > 2 {
				return inputError(errors.New("用法：citelint statutes show 法规名称 [条文] [--as-of 日期]"))
			}
			asOf, err := asOfDate(cmd.String("as-of"))
			if err != nil {
				return inputError(err)
			}
			c, err := corpusWith(cmd.StringSlice("statutes"))
			if err != nil {
				return err
			}
			title, spec := args[0], ""
			if len(args) == 2 {
				spec = args[1]
			}
			return showStatute(cmd.Root().Writer, cmd.Root().ErrWriter, c, title, spec, asOf, cmd.IsSet("as-of"))
		},
	}
}

// showStatute prints exactly the text of the article (or 款/项) on w, and
// what a reader must know about it (version, partial text, errata,
// repeal) on info. Without an article it prints the statute's facts.
func showStatute(w, info io.Writer, c *statutes.Corpus, title, spec string, asOf time.Time, asOfSet bool) error {
	s, err := c.Resolve(title)
	if err != nil {
		var ue *statutes.UnknownStatuteError
		if errors.As(err, &ue) {
			msg := fmt.Sprintf("语料中没有《%s》", ue.Title)
			if len(ue.Suggestions) > 0 {
				msg += "，相近的有：《" + strings.Join(ue.Suggestions, "》《") + "》"
			}
			return inputError(errors.New(msg))
		}
		if errors.Is(err, statutes.ErrAmbiguousStatute) {
			return inputError(fmt.Errorf("“%s”可指多部法规，请写出全称", strings.TrimSpace(title)))
		}
		return inputError(err)
	}
	if spec == "" {
		return writeStatuteFacts(w, s, asOf)
	}
	ref, err := parseArticleSpec(spec)
	if err != nil {
		return inputError(err)
	}
	label := refLabel(ref)
	date := asOf.Format("2006-01-02")
	v := s.VersionAt(asOf)
	if v == nil {
		first := s.Versions[0]
		return inputError(fmt.Errorf("《%s》在 %s 尚未施行（%s 起施行）", s.Title, date, first.Effective.Format("2006-01-02")))
	}
	var later *statutes.Version // in force, its text not bundled: v is older
	if v.Text == statutes.TextNone {
		if !asOfSet && hasBody(s) {
			// Today's version has no text (a repealed or pending statute
			// keeps its last text, a revision may not be bundled yet):
			// fall through to the newest text.
			if nv := newestText(s); nv.Effective.Before(v.Effective) {
				later = v
			}
			v = newestText(s)
		} else {
			_, err := fmt.Fprintf(w, "《%s》%s已收录，但语料未附%s的条文，无法显示%s。\n",
				s.Title, docnoNote(s), versionName(v), label)
			return err
		}
	}
	text, err := v.Lookup(ref)
	switch {
	case errors.Is(err, statutes.ErrNotBundled):
		_, err := fmt.Fprintf(w, "《%s》%s只收录了部分条文，其中没有%s。\n", s.Title, versionName(v), label)
		return err
	case err != nil:
		return inputError(fmt.Errorf("《%s》%s没有%s", s.Title, versionName(v), label))
	}
	fmt.Fprintf(info, "《%s》%s，%s\n", s.Title, label, versionName(v))
	if v.Text == statutes.TextPartial {
		fmt.Fprintf(info, "注意：该版本只收录了部分条文（%s）\n", v.Source)
	}
	if later != nil {
		fmt.Fprintf(info, "注意：现行的是%s，语料未附其条文，以下为此前版本的条文（%s）\n", versionName(later), later.Source)
	}
	if st := s.StatusAt(asOf); st == statutes.StatusRepealed {
		fmt.Fprintf(info, "注意：该法规已于 %s 废止%s\n", s.RepealedOn.Format("2006-01-02"), replacedNote(s))
	}
	if a := v.Article(ref.Article, ref.Suffix); a != nil {
		for _, e := range a.Errata {
			if !strings.Contains(text, e.To) {
				continue
			}
			fmt.Fprintf(info, "勘误：原文“%s”已更正为“%s”（%s）\n", e.From, e.To, e.Source)
		}
	}
	_, err = fmt.Fprintln(w, text)
	return err
}

func newestText(s *statutes.Statute) *statutes.Version {
	for i := len(s.Versions) - 1; i >= 0; i-- {
		if s.Versions[i].Text != statutes.TextNone {
			return s.Versions[i]
		}
	}
	return s.Current()
}

func versionName(v *statutes.Version) string {
	name := v.Label + " 版"
	if !v.Effective.IsZero() {
		name += "（" + v.Effective.Format("2006-01-02") + " 起施行"
		if !v.Until.IsZero() {
			name += "，" + v.Until.AddDate(0, 0, -1).Format("2006-01-02") + " 止"
		}
		name += "）"
	}
	return name
}

func docnoNote(s *statutes.Statute) string {
	if len(s.DocNumbers) == 0 {
		return ""
	}
	return "（" + strings.Join(s.DocNumbers, "，") + "）"
}

func replacedNote(s *statutes.Statute) string {
	if s.ReplacedBy == "" {
		return ""
	}
	return "，由《" + s.ReplacedBy + "》取代"
}

func writeStatuteFacts(w io.Writer, s *statutes.Statute, asOf time.Time) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n", s.Title)
	row := func(k, v string) {
		if v != "" {
			fmt.Fprintf(&b, "  %s：%s\n", k, v)
		}
	}
	row("简称", s.Short)
	row("别名", strings.Join(s.Aliases, "，"))
	row("类别", string(s.Kind))
	row("制定机关", s.Issuer)
	row("文号", strings.Join(s.DocNumbers, "，"))
	row("状态", fmt.Sprintf("%s（%s）", s.StatusAt(asOf), asOf.Format("2006-01-02")))
	if !s.Verified {
		row("核实", "未核实（不据此判定清单有误）")
	}
	row("来源", s.Source)
	for _, e := range s.Events {
		d := "日期不详"
		if !e.Date.IsZero() {
			d = e.Date.Format("2006-01-02")
		}
		fmt.Fprintf(&b, "  %s %s：%s\n", d, e.Kind, e.Text)
	}
	for _, v := range s.Versions {
		text := map[statutes.TextState]string{statutes.TextFull: "全文", statutes.TextPartial: "部分条文", statutes.TextNone: "未附条文"}[v.Text]
		if v.NumArticles > 0 {
			text += fmt.Sprintf("，%d 条", v.NumArticles)
		}
		if v.Source != "" {
			text += "；" + v.Source
		}
		fmt.Fprintf(&b, "  版本 %s：%s\n", versionName(v), text)
	}
	for _, n := range s.Notes {
		fmt.Fprintf(&b, "  说明：%s\n", n)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

var (
	dottedSpecRe = regexp.MustCompile(`^([0-9]+)(?:(?:之|-)([0-9一二三四五六七八九十]+))?(?:\.([0-9]+))?(?:\.([0-9]+))?$`)
	cnSpecRe     = regexp.MustCompile(`^第?([0-9一二三四五六七八九十百千零〇两]+)条(?:之([0-9一二三四五六七八九十]+))?(?:第([0-9一二三四五六七八九十]+)款)?(?:第?[（(]?([0-9一二三四五六七八九十]+)[）)]?项)?$`)
)

// parseArticleSpec reads 87, 87.2, 87.2.1, 10之一, 10-1, 第八十七条,
// 第八十七条第二款, 第三十四条第（一）项.
func parseArticleSpec(spec string) (statutes.Ref, error) {
	s := strings.Map(func(r rune) rune {
		switch {
		case r >= '０' && r <= '９':
			return r - '０' + '0'
		case r == '．':
			return '.'
		case r == ' ' || r == '\u3000':
			return -1
		}
		return r
	}, spec)
	num := func(t string) int {
		if t == "" {
			return 0
		}
		n, err := statutes.ParseNumber(t)
		if err != nil {
			return -1
		}
		return n
	}
	var m []string
	if m = dottedSpecRe.FindStringSubmatch(s); m == nil {
		m = cnSpecRe.FindStringSubmatch(s)
	}
	if m == nil {
		return statutes.Ref{}, fmt.Errorf("无法识别条文“%s”：可写作 87、87.2、10之一、第八十七条或第八十七条第二款", spec)
	}
	r := statutes.Ref{Article: num(m[1]), Suffix: num(m[2]), Paragraph: num(m[3]), Item: num(m[4])}
	if r.Article <= 0 || r.Suffix < 0 || r.Paragraph < 0 || r.Item < 0 {
		return statutes.Ref{}, fmt.Errorf("条文“%s”的序号有误", spec)
	}
	return r, nil
}

func refLabel(r statutes.Ref) string {
	s := statutes.ArticleLabel(r.Article, r.Suffix)
	if r.Paragraph > 0 {
		s += "第" + statutes.FormatNumber(r.Paragraph) + "款"
	}
	if r.Item > 0 {
		s += "第（" + statutes.FormatNumber(r.Item) + "）项"
	}
	return s
}
