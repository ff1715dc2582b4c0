package catalog

import (
	"bytes"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
)

var utf8BOM = []byte{0xef, 0xbb, 0xbf}

// decodeText turns the bytes of a text file (.txt, .csv) into a string: UTF-8
// with or without BOM, else GB18030 (what Excel and WPS write on Chinese
// Windows). Binary data is refused rather than decoded into garbage.
func decodeText(data []byte, loc Loc) (string, error) {
	if len(data) == 0 {
		return "", inputErr(loc, "empty file")
	}
	if bytes.HasPrefix(data, utf8BOM) {
		data = data[len(utf8BOM):]
	}
	if isBinary(data) {
		return "", inputErr(loc, "binary data, not text (is it a .docx, .xlsx or .pdf with the wrong extension?)")
	}
	if utf8.Valid(data) {
		return string(data), nil
	}
	out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
	if err != nil || !utf8.Valid(out) || bytes.ContainsRune(out, utf8.RuneError) {
		bad := firstInvalidUTF8(data)
		return "", inputErr(loc, "neither UTF-8 nor GB18030 text (invalid byte at offset %d); save it as UTF-8", bad)
	}
	return string(out), nil
}

// isBinary reports NUL bytes or a share of control characters no text file
// has.
func isBinary(data []byte) bool {
	if bytes.IndexByte(data, 0) >= 0 {
		return true
	}
	n := len(data)
	if n > 8192 {
		n = 8192
	}
	ctl := 0
	for _, c := range data[:n] {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' {
			ctl++
		}
	}
	return ctl*100 > n // more than 1%
}

func firstInvalidUTF8(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(data)
}
