package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"

	"github.com/urfave/cli/v3"

	"github.com/citelint/citelint/catalog"
	"github.com/citelint/citelint/lint/report"
)

func catalogCmd() *cli.Command {
	return &cli.Command{
		Name:      "catalog",
		Usage:     "show what citelint reads from catalog files: entries, fields and where each came from",
		ArgsUsage: "FILE...",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "format", Value: "table", Usage: "output format: table or json"},
			&cli.IntFlag{Name: "width", Value: 40, Usage: "columns of text shown per field in the table (0: all of the first line)"},
		},
		Action: func(ctx context.Context, cmd *cli.Command) error {
			paths := cmd.Args().Slice()
			if len(paths) == 0 {
				return inputError(errors.New("catalog: no file given (usage: citelint catalog FILE...)"))
			}
			format := cmd.String("format")
			if format != "table" && format != "json" {
				return inputError(fmt.Errorf("catalog: unknown --format %q (table or json)", format))
			}
			var cats []*catalog.Catalog
			var errs []error
			for _, p := range paths {
				c, err := catalog.Read(p)
				if err != nil {
					errs = append(errs, err)
					continue
				}
				cats = append(cats, c)
			}
			out := cmd.Root().Writer
			var werr error
			if format == "json" {
				werr = writeCatalogsJSON(out, cats)
			} else {
				for i, c := range cats {
					if i > 0 {
						fmt.Fprintln(out)
					}
					if werr = writeCatalogTable(out, c, int(cmd.Int("width"))); werr != nil {
						break
					}
				}
			}
			if werr != nil {
				return werr
			}
			if len(errs) > 0 {
				return inputError(errors.Join(errs...))
			}
			return nil
		},
	}
}

func writeCatalogsJSON(w io.Writer, cats []*catalog.Catalog) error {
	if cats == nil {
		cats = []*catalog.Catalog{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(struct {
		Catalogs []*catalog.Catalog `json:"catalogs"`
	}{cats})
}

// writeCatalogTable prints a catalog as the reader saw it: its title and
// header, then one line per field with the place it came from.
func writeCatalogTable(w io.Writer, c *catalog.Catalog, textWidth int) error {
	fmt.Fprintf(w, "%s (%s): %d 条\n", c.Path, c.Format, len(c.Entries))
	if c.TitleField != nil {
		fmt.Fprintf(w, "标题: %s  [%s]\n", firstLine(c.Title, 0), locText(c.TitleField.Loc))
	}
	var cols []string
	for _, col := range c.Header {
		k := string(col.Key)
		if k == "" {
			k = "?"
		}
		if col.ByContent {
			k += "*"
		}
		cols = append(cols, col.Name+"="+k)
	}
	if c.Layout == catalog.LayoutKV {
		// Key/value item pages: the labels are the header.
		fmt.Fprintln(w, "版式: 键值页（每项一张“栏目 | 内容”表，一表为一条）")
		fmt.Fprintf(w, "栏目: %s\n", strings.Join(cols, "  "))
	} else {
		fmt.Fprintf(w, "表头: %s\n", strings.Join(cols, "  "))
	}
	if hasByContent(c) {
		fmt.Fprintln(w, "(* 按内容识别的列)")
	}
	rows := [][]string{{"条目", "序号", "字段", "列", "位置", "内容"}}
	for _, e := range c.Entries {
		idx := strconv.Itoa(e.Index)
		if e.Short {
			idx += " (残缺)"
		}
		for i, f := range e.Fields {
			k := string(f.Key)
			if k == "" {
				k = "?"
			}
			first := []string{idx, e.Seq}
			if i > 0 {
				first = []string{"", ""}
			}
			rows = append(rows, append(first, k, f.Column, locText(f.Loc), firstLine(f.Text, textWidth)))
		}
		if len(e.Fields) == 0 {
			rows = append(rows, []string{idx, e.Seq, "", "", "", ""})
		}
	}
	return writeAligned(w, rows)
}

func hasByContent(c *catalog.Catalog) bool {
	for _, col := range c.Header {
		if col.ByContent {
			return true
		}
	}
	return false
}

// locText is a field's place without the file name (the table says it).
func locText(l catalog.Loc) string {
	var parts []string
	if l.Sheet != "" {
		parts = append(parts, l.Sheet)
	}
	if l.Row > 0 {
		parts = append(parts, fmt.Sprintf("行%d列%d", l.Row, l.Col))
	}
	if l.Line > 0 {
		parts = append(parts, fmt.Sprintf("%d:%d", l.Line, l.LineCol))
	}
	return strings.Join(parts, " ")
}

// firstLine shows the text's first non-blank line, cut to maxWidth display
// columns, with the number of further lines.
func firstLine(s string, maxWidth int) string {
	lines := strings.Split(s, "\n")
	first := ""
	rest := 0
	for i, l := range lines {
		if strings.TrimSpace(l) != "" {
			first = l
			rest = len(lines) - i - 1
			break
		}
	}
	first = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, first)
	if maxWidth > 0 && report.DisplayWidth(first) > maxWidth {
		var b strings.Builder
		wd := 0
		for _, r := range first {
			rw := report.RuneWidth(r)
			if wd+rw > maxWidth-1 {
				break
			}
			b.WriteRune(r)
			wd += rw
		}
		first = b.String() + "…"
	}
	if rest > 0 {
		first += fmt.Sprintf(" (+%d行)", rest)
	}
	return first
}

// writeAligned prints rows as columns padded to their display width.
func writeAligned(w io.Writer, rows [][]string) error {
	var widths []int
	for _, r := range rows {
		for i, c := range r {
			if i >= len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], report.DisplayWidth(c))
		}
	}
	for _, r := range rows {
		var b strings.Builder
		for i, c := range r {
			b.WriteString(c)
			if i < len(r)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-report.DisplayWidth(c)+2))
			}
		}
		if _, err := fmt.Fprintln(w, strings.TrimRight(b.String(), " ")); err != nil {
			return err
		}
	}
	return nil
}
