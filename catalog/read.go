package catalog

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
)

// MaxFileSize is the largest catalog file Read accepts. Real catalogs are a
// few megabytes; the limit keeps a wrong file from exhausting memory.
const MaxFileSize = 128 << 20

// Formats Read understands.
const (
	FormatText = "txt"
	FormatDocx = "docx"
	FormatXlsx = "xlsx"
	FormatCSV  = "csv"
	FormatDoc  = "doc" // Word 97-2003 (.doc, and .wps in that format)
)

// Read reads a catalog file: extracted text (.txt), Word (.docx, and
// Word 97-2003 .doc or .wps), Excel (.xlsx) or CSV (.csv, UTF-8 with or
// without BOM, or GB18030). The format is taken from the content (zip
// archives, OLE compound files) and the extension. Other legacy files
// (.et, .xls, encrypted or pre-97 Word) are refused with an explanation of
// how to convert them. Every error wraps ErrInput and names the file.
func Read(path string) (*Catalog, error) { return ReadWith(path, nil) }

// ReadWith is Read with a header table of the caller's (nil: the embedded
// one), for catalogs whose columns a configuration names (see
// Synonyms.With).
func ReadWith(path string, syn *Synonyms) (*Catalog, error) {
	c, err := readFile(path, syn)
	if err != nil {
		return nil, fmt.Errorf("read catalog %s: %w", path, err)
	}
	return c, nil
}

func readFile(path string, syn *Synonyms) (*Catalog, error) {
	// Stat before opening: opening a FIFO blocks until a writer comes, and
	// a device may never end. os.Stat follows symbolic links, so a link to
	// a regular file is read like the file.
	st, err := os.Stat(path)
	if err != nil {
		return nil, &InputError{Err: err}
	}
	if err := regularFile(st); err != nil {
		return nil, err
	}
	// O_NONBLOCK: should the path become a FIFO between the Stat and the
	// open, the open returns at once instead of waiting for a writer (it is
	// a no-op for regular files); the Stat of the open file decides.
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, &InputError{Err: err}
	}
	defer f.Close()
	if st, err = f.Stat(); err != nil {
		return nil, &InputError{Err: err}
	}
	if err := regularFile(st); err != nil {
		return nil, err
	}
	if st.Size() > MaxFileSize {
		return nil, inputErr(Loc{}, "file too large (%d bytes; at most %d)", st.Size(), MaxFileSize)
	}
	return readAll(f, path, "", syn)
}

// regularFile refuses what is not a regular file, saying what it is.
func regularFile(st fs.FileInfo) error {
	m := st.Mode()
	var what string
	switch {
	case m.IsRegular():
		return nil
	case m.IsDir():
		what = "a directory"
	case m&fs.ModeNamedPipe != 0:
		what = "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		what = "a socket"
	case m&fs.ModeDevice != 0:
		what = "a device"
	default:
		what = "a special file"
	}
	return inputErr(Loc{}, "is %s, not a file; citelint reads catalog files (.txt .docx .xlsx .csv .doc)", what)
}

// ReadFrom reads a catalog from r; name is used in locations and messages
// and, with format "", to guess the format from its extension. format is
// "txt", "docx", "xlsx", "csv", "doc" or "" (sniff the content).
func ReadFrom(r io.Reader, name string, format string) (*Catalog, error) {
	c, err := readAll(r, name, format, nil)
	if err != nil {
		return nil, fmt.Errorf("read catalog %s: %w", name, err)
	}
	return c, nil
}

func readAll(r io.Reader, name, format string, syn *Synonyms) (*Catalog, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
	if err != nil {
		return nil, &InputError{Err: err}
	}
	if len(data) > MaxFileSize {
		return nil, inputErr(Loc{}, "file too large (more than %d bytes)", MaxFileSize)
	}
	c, err := parse(data, name, format, syn)
	if err != nil {
		var ie *InputError
		if !errors.As(err, &ie) {
			err = &InputError{Err: err}
		}
		return nil, err
	}
	return c, nil
}

var (
	zipMagic = []byte("PK\x03\x04")
	oleMagic = []byte{0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1}
)

// sniff names the format of data: the content decides for containers, the
// extension for text.
func sniff(data []byte, name string) (string, error) {
	ext := strings.ToLower(filepath.Ext(name))
	switch {
	case len(data) == 0:
		return "", inputErr(Loc{}, "empty file")
	case bytes.HasPrefix(data, zipMagic) || bytes.HasPrefix(data, []byte("PK\x05\x06")):
		switch ext {
		case ".xlsx", ".xlsm":
			return FormatXlsx, nil
		case ".docx", ".docm":
			return FormatDocx, nil
		}
		return zipKind(data)
	case bytes.HasPrefix(data, oleMagic):
		return oleFormat(ext)
	case bytes.HasPrefix(data, []byte("{\\rtf")):
		return "", inputErr(Loc{}, "RTF document: open it in Word or WPS and save it as .docx (另存为 .docx)")
	case bytes.HasPrefix(data, []byte("%PDF")):
		return "", inputErr(Loc{}, "PDF is not supported: export the tables to .docx or .xlsx")
	}
	switch ext {
	case ".docx", ".xlsx", ".docm", ".xlsm":
		return "", inputErr(Loc{}, "not a %s file (no zip archive inside); was it renamed?", ext)
	case ".doc", ".wps", ".et", ".xls", ".dps":
		return "", legacyNotOLE(data, ext)
	case ".csv":
		return FormatCSV, nil
	case ".txt", ".text":
		return FormatText, nil
	}
	if bytes.Contains(data, []byte("\n\t")) || bytes.HasPrefix(bytes.TrimLeft(data, " \ufeff"), []byte("\t")) {
		return FormatText, nil
	}
	if bytes.ContainsAny(data, ",") {
		return FormatCSV, nil
	}
	return FormatText, nil
}

// legacyError explains how to get a format citelint reads from a legacy
// binary Office/WPS file.
func legacyError(ext string) error {
	target := "docx"
	app := "Word/WPS"
	if ext == ".et" || ext == ".xls" {
		target, app = "xlsx", "Excel/WPS"
	}
	kind := "legacy Office or WPS file"
	if ext != "" {
		kind = "legacy " + ext + " file"
	}
	return inputErr(Loc{}, "%s: citelint reads .docx, .doc, .xlsx, .csv and .txt; open it in %s and 另存为 .%s, or run: soffice --headless --convert-to %s FILE",
		kind, app, target, target)
}

func parse(data []byte, name, format string, syn *Synonyms) (*Catalog, error) {
	if format == "" {
		var err error
		if format, err = sniff(data, name); err != nil {
			return nil, err
		}
	}
	if syn == nil {
		syn = DefaultSynonyms()
	}
	switch format {
	case FormatText:
		return readText(data, name, syn)
	case FormatDocx:
		return readDocx(data, name, syn)
	case FormatXlsx:
		return readXlsx(data, name, syn)
	case FormatCSV:
		return readCSV(data, name, syn)
	case FormatDoc:
		return readWordDoc(data, name, syn)
	}
	return nil, inputErr(Loc{}, "unsupported format %q", format)
}

// zipKind tells .docx from .xlsx by the archive's members.
func zipKind(data []byte) (string, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return "", &InputError{Msg: "broken zip archive (truncated .docx or .xlsx?)", Err: err}
	}
	for _, f := range zr.File {
		switch {
		case f.Name == "word/document.xml":
			return FormatDocx, nil
		case f.Name == "xl/workbook.xml":
			return FormatXlsx, nil
		}
	}
	return "", inputErr(Loc{}, "zip archive that is neither a .docx nor an .xlsx file")
}
