package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/citelint/citelint/catalog"
	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/lint/annotate"
)

// checkAnnotateTargets refuses, before anything is linted, a run whose
// annotated copies would overwrite one of its inputs or each other
// (a/x.docx and b/x.docx both give DIR/x.citelint.docx).
func checkAnnotateTargets(dir string, paths []string) error {
	inputs := make([]os.FileInfo, 0, len(paths))
	for _, p := range paths {
		if st, err := os.Stat(p); err == nil {
			inputs = append(inputs, st)
		}
	}
	from := map[string]string{} // copy → input
	for _, p := range paths {
		ext := strings.ToLower(filepath.Ext(p))
		if ext != ".docx" && ext != ".xlsx" {
			continue
		}
		out := filepath.Join(dir, annotate.CopyName(p))
		if prev, ok := from[out]; ok {
			return fmt.Errorf("--annotate: %s and %s would both be annotated as %s; annotate them into different directories", prev, p, out)
		}
		from[out] = p
		st, err := os.Stat(out)
		if err != nil {
			continue
		}
		for _, in := range inputs {
			if os.SameFile(st, in) {
				return fmt.Errorf("--annotate: the copy of %s would be written over the input file %s", p, out)
			}
		}
	}
	return nil
}

// writeAnnotated writes into dir an annotated copy of each .docx and .xlsx
// catalog checked, and says on stderr which catalogs cannot be annotated.
// The originals are only read.
func writeAnnotated(dir string, files []lint.FileResult, cats map[string]*catalog.Catalog, stderr io.Writer) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("--annotate: %w", err)
	}
	var errs []error
	for _, fr := range files {
		cat := cats[fr.Path]
		if cat == nil {
			continue
		}
		if !annotate.Supported(cat.Format) {
			fmt.Fprintf(stderr, "citelint: %s 是 .%s 格式，不能加批注（只有 .docx 和 .xlsx 可以），未生成副本\n", fr.Path, cat.Format)
			continue
		}
		out := filepath.Join(dir, annotate.CopyName(fr.Path))
		if err := annotateFile(fr, cat, out); err != nil {
			errs = append(errs, err)
			continue
		}
		fmt.Fprintf(stderr, "citelint: 已写出批注副本 %s（%d 个问题）\n", out, len(fr.Diagnostics))
	}
	return errors.Join(errs...)
}

// annotateFile writes the annotated copy of one catalog to out, through a
// temporary file renamed into place: a failed run leaves no half-written
// copy, and a symbolic link at out is replaced, never written through.
func annotateFile(fr lint.FileResult, cat *catalog.Catalog, out string) error {
	src, err := os.ReadFile(fr.Path)
	if err != nil {
		return fmt.Errorf("annotate %s: %w", fr.Path, err)
	}
	if st, err := os.Stat(out); err == nil {
		if in, err := os.Stat(fr.Path); err == nil && os.SameFile(st, in) {
			return fmt.Errorf("annotate %s: the copy %s is the input file itself; not overwritten", fr.Path, out)
		}
	}
	data, err := annotate.Annotate(src, cat.Format, cat, fr)
	if err != nil {
		return fmt.Errorf("annotate %s: %w", fr.Path, err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(out), ".citelint-*"+filepath.Ext(out))
	if err != nil {
		return fmt.Errorf("annotate %s: %w", fr.Path, err)
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return fmt.Errorf("annotate %s: write %s: %w", fr.Path, out, err)
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("annotate %s: write %s: %w", fr.Path, out, err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("annotate %s: %w", fr.Path, err)
	}
	if err := os.Rename(tmp.Name(), out); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("annotate %s: write %s: %w", fr.Path, out, err)
	}
	return nil
}
