package catalog

import (
	"archive/zip"
	"bytes"
	"io"
	"path"
	"strings"
)

// Limits on what the .docx and .xlsx readers inflate. archive/zip refuses
// to inflate a part past the size its header declares, so the declared
// sizes are checked before anything is inflated (a zip bomb is refused at
// once); partReader enforces the same limits on the bytes themselves.
//
// The size of a part bounds the time spent on it, not the memory: the
// parts are streamed, and what memory they can cost is bounded by
// maxXMLToken, maxTextBytes and maxGridCells.
const (
	// maxMainPart bounds a part that holds the table: word/document.xml, a
	// worksheet, xl/sharedStrings.xml. Word writes about 1.5 bytes of
	// document.xml per byte of text (15 MB for 10,000 entries), LibreOffice
	// about ten.
	maxMainPart = 128 << 20
	// maxOtherPart bounds every other XML part (relationships, workbook,
	// styles, themes), which are kilobytes in real files; other parts
	// (pictures) may be larger when they do not deflate much, their size
	// being paid for by the file's own bytes.
	maxOtherPart = 16 << 20
	// maxUnzipTotal bounds all the parts of one archive together.
	maxUnzipTotal = 256 << 20
	// maxXMLToken bounds one XML token: a run of text, a tag, a comment.
	// encoding/xml holds a token whole (in a buffer that doubles as it
	// grows), so a part of one huge text run would cost twice its size
	// however the part is streamed. A cell of 10 MB is still read.
	maxXMLToken = 16 << 20
	// minBombRatio is the deflate ratio from which a large non-XML part is
	// taken for a bomb: pictures deflate little, repeated bytes a
	// thousandfold.
	minBombRatio = 8
)

// bombError says a part inflates past its limit.
func bombError(name string, limit int64) *InputError {
	return inputErr(Loc{}, "%s is more than %d MiB uncompressed, likely a zip bomb (解压后超过 %d MiB，疑似压缩炸弹)", name, limit>>20, limit>>20)
}

// isXMLPart tells the parts that are parsed as XML.
func isXMLPart(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".xml", ".rels", ".vml":
		return true
	}
	return false
}

// checkParts refuses an archive whose declared sizes exceed the limits
// (main tells the parts that hold the table), before anything is inflated.
func checkParts(zr *zip.Reader, main func(name string) bool) error {
	var total uint64
	for _, f := range zr.File {
		size := f.UncompressedSize64
		limit := uint64(maxOtherPart)
		switch {
		case main(f.Name):
			limit = maxMainPart
		case !isXMLPart(f.Name) && size < minBombRatio*f.CompressedSize64:
			limit = maxUnzipTotal
		}
		if size > limit {
			return bombError(f.Name, int64(limit))
		}
		if total += size; total > maxUnzipTotal {
			return inputErr(Loc{}, "the archive is more than %d MiB uncompressed, likely a zip bomb (解压后超过 %d MiB，疑似压缩炸弹)", maxUnzipTotal>>20, maxUnzipTotal>>20)
		}
	}
	return nil
}

// openPart opens a part of an archive for streaming: at most limit bytes,
// XML tokens of at most maxXMLToken bytes, no DTD.
func openPart(f *zip.File, limit int64) (*partReader, error) {
	if f.UncompressedSize64 > uint64(limit) {
		return nil, bombError(f.Name, limit)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, &InputError{Msg: "open " + f.Name, Err: err}
	}
	return &partReader{rc: rc, name: f.Name, left: limit, limit: limit, tokenLimit: maxXMLToken}, nil
}

// partReader streams an archive part and fails, rather than stopping
// quietly, when the part outgrows its limit or holds an XML token longer
// than maxXMLToken. A failing Read returns no bytes, so the XML decoder
// reports the limit, not a syntax error in a cut-off rune.
type partReader struct {
	rc         io.ReadCloser
	name       string
	left       int64 // bytes the part may still have
	limit      int64
	tokenLimit int64 // maxXMLToken (less in tests)
	err        *InputError
	// The token scanner: the mode, the bytes of the current token so far,
	// the last two bytes (terminators) and the progress through "[CDATA[".
	mode       tokenMode
	run        int64
	prev1      byte
	prev2      byte
	cdataMatch int
}

type tokenMode uint8

const (
	modeText      tokenMode = iota // text or a tag: the token ends at the next '<'
	modeOpen                       // just after '<'
	modeBang                       // after "<!"
	modeBangDash                   // after "<!-"
	modeCDATAOpen                  // inside "<![CDATA["
	modeComment                    // inside a comment, to "-->"
	modeCDATA                      // inside CDATA, to "]]>"
	modePI                         // inside a processing instruction, to "?>"
)

func (p *partReader) Close() error { return p.rc.Close() }

func (p *partReader) Read(b []byte) (int, error) {
	if p.err != nil {
		return 0, p.err
	}
	if len(b) == 0 {
		return 0, nil
	}
	// One byte more than the part may have, to tell its end from a bomb.
	if int64(len(b)) > p.left+1 {
		b = b[:p.left+1]
	}
	n, err := p.rc.Read(b)
	if int64(n) > p.left {
		// Only past the declared size, which archive/zip refuses anyway.
		p.err = bombError(p.name, p.limit)
		return 0, p.err
	}
	p.left -= int64(n)
	if serr := p.scan(b[:n]); serr != nil {
		p.err = serr
		return 0, p.err
	}
	return n, err
}

// Err is the limit the part broke, if it did. The XML decoder may report
// a syntax error instead (the text it holds ends in a cut rune): the
// limit is the one to tell.
func (p *partReader) Err() error {
	if p.err == nil {
		return nil
	}
	return p.err
}

// scan follows the token boundaries of b: text and tags end at the next
// '<'; comments, CDATA sections and processing instructions (which may
// hold '<') at their terminator.
func (p *partReader) scan(b []byte) *InputError {
	for i := 0; i < len(b); {
		if p.mode == modeText {
			j := bytes.IndexByte(b[i:], '<')
			if j < 0 {
				p.run += int64(len(b) - i)
				break
			}
			p.run += int64(j)
			if p.run > p.tokenLimit {
				break
			}
			i += j + 1
			p.run, p.mode = 1, modeOpen
			continue
		}
		c := b[i]
		i++
		p.run++
		switch p.mode {
		case modeOpen:
			switch c {
			case '!':
				p.mode = modeBang
			case '?':
				p.mode, p.prev1, p.prev2 = modePI, 0, 0
			default:
				p.mode = modeText
			}
		case modeBang:
			switch c {
			case '-':
				p.mode = modeBangDash
			case '[':
				p.mode, p.cdataMatch = modeCDATAOpen, 1
			default:
				return inputErr(Loc{}, "%s has a DTD (<!DOCTYPE or <!ENTITY), which Office files never have", p.name)
			}
		case modeBangDash:
			p.mode, p.prev1, p.prev2 = modeText, 0, 0
			if c == '-' {
				p.mode = modeComment
			}
		case modeCDATAOpen:
			const open = "[CDATA["
			switch {
			case c != open[p.cdataMatch]:
				p.mode = modeText // not well-formed: the decoder says so
			case p.cdataMatch+1 == len(open):
				p.mode, p.prev1, p.prev2 = modeCDATA, 0, 0
			default:
				p.cdataMatch++
			}
		default: // inside a comment, CDATA or a processing instruction
			if c == '>' && (p.mode == modeComment && p.prev2 == '-' && p.prev1 == '-' ||
				p.mode == modeCDATA && p.prev2 == ']' && p.prev1 == ']' ||
				p.mode == modePI && p.prev1 == '?') {
				p.mode, p.run = modeText, 0
			}
			p.prev2, p.prev1 = p.prev1, c
		}
		if p.run > p.tokenLimit {
			break
		}
	}
	if p.run > p.tokenLimit {
		return inputErr(Loc{}, "%s has an XML token (a text run, tag or comment) of more than %d MiB, likely a zip bomb (疑似压缩炸弹)", p.name, p.tokenLimit>>20)
	}
	return nil
}
