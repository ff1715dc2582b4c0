package statutes

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"sync"
	"unsafe"

	"github.com/klauspost/compress/zstd"
)

// The embedded corpus is stored compressed (the binary would otherwise
// carry some 65 MB of plain text):
//
//   - manifest.zst: the manifest (see Manifest) in a compact binary
//     encoding, one zstd frame. JSON of the same manifest takes over
//     100 ms to decode; this takes a few.
//   - text/NNNN.zst: the corpus files (format.go) of several statute
//     versions, concatenated and compressed as one zstd frame of about
//     1 MB of text. A version's ManifestVersion names its chunk, offset
//     and length; a chunk is decompressed on first access to any of its
//     versions, once per manifest.
//
// A corpus with manifest.json and plain .txt files (tests, older
// corpora) still loads.

// ManifestZstName is the compressed binary manifest at a corpus' root.
const ManifestZstName = "manifest.zst"

// ChunkTarget is the text held by one chunk, before compression: small
// enough that decompressing one on first access costs about a millisecond
// (a seed catalog touches 3 to 5 chunks), large enough to compress well:
// 1 MB chunks take 13.8 MB for the 64 MB corpus, 512 KB chunks 14.4 MB.
const ChunkTarget = 1 << 20

const manifestMagic = "citelint-manifest 2\n"

// zstdDecoder is shared, stateless for DecodeAll and safe for concurrent
// use; made on first use.
var zstdDecoder = sync.OnceValues(func() (*zstd.Decoder, error) {
	return zstd.NewReader(nil, zstd.WithDecoderConcurrency(0))
})

// Compress compresses b as one zstd frame at the best level (for the
// importer; output depends only on b).
func Compress(b []byte) ([]byte, error) {
	enc, err := zstd.NewWriter(nil, zstd.WithEncoderLevel(zstd.SpeedBestCompression),
		zstd.WithEncoderConcurrency(1), zstd.WithWindowSize(1<<20))
	if err != nil {
		return nil, err
	}
	defer enc.Close()
	return enc.EncodeAll(b, nil), nil
}

// Decompress decompresses a chunk or manifest written by Compress.
func Decompress(b []byte) ([]byte, error) { return decompress(b) }

func decompress(b []byte) ([]byte, error) {
	d, err := zstdDecoder()
	if err != nil {
		return nil, err
	}
	return d.DecodeAll(b, nil)
}

// chunkCache holds the decompressed chunks of one manifest.
type chunkCache struct {
	mu sync.Mutex
	m  map[string]*chunk
}

type chunk struct {
	once sync.Once
	data []byte
	err  error
}

func (c *chunkCache) get(fsys fs.FS, file string) ([]byte, error) {
	c.mu.Lock()
	if c.m == nil {
		c.m = map[string]*chunk{}
	}
	ch := c.m[file]
	if ch == nil {
		ch = &chunk{}
		c.m[file] = ch
	}
	c.mu.Unlock()
	ch.once.Do(func() {
		raw, err := fs.ReadFile(fsys, file)
		if err != nil {
			ch.err = fmt.Errorf("read statute chunk %s: %w", file, err)
			return
		}
		ch.data, ch.err = decompress(raw)
		if ch.err != nil {
			ch.err = fmt.Errorf("read statute chunk %s: %w", file, ch.err)
		}
	})
	return ch.data, ch.err
}

// EncodeManifestZst writes m in the compressed binary encoding.
func EncodeManifestZst(m *Manifest) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(manifestMagic)
	w := &binWriter{b: &b}
	w.uint(uint64(m.Format))
	w.str(m.ID)
	w.str(m.Source)
	w.uint(uint64(len(m.Statutes)))
	for i := range m.Statutes {
		s := &m.Statutes[i]
		w.str(s.ID)
		w.str(s.Title)
		w.str(s.Short)
		w.strs(s.Aliases)
		w.str(s.Kind)
		w.str(s.Category)
		w.str(s.Province)
		w.str(s.Issuer)
		w.strs(s.DocNumbers)
		w.uint(uint64(len(s.Events)))
		for _, e := range s.Events {
			w.str(e.Date)
			w.str(e.Kind)
			w.str(e.Text)
		}
		w.strs(s.Notes)
		w.str(s.Repealed)
		w.str(s.ReplacedBy)
		w.bool(s.Verified)
		w.str(s.Source)
		w.uint(uint64(len(s.Versions)))
		for _, v := range s.Versions {
			w.str(v.Label)
			w.str(v.Effective)
			w.str(v.Until)
			w.str(v.Text)
			w.bool(v.Derived)
			w.bool(v.Verified)
			w.str(v.Source)
			w.str(v.File)
			w.uint(uint64(v.Offset))
			w.uint(uint64(v.Length))
			w.uint(uint64(v.Articles))
		}
	}
	return Compress(b.Bytes())
}

type binWriter struct{ b *bytes.Buffer }

func (w *binWriter) uint(n uint64) { w.b.Write(binary.AppendUvarint(nil, n)) }
func (w *binWriter) str(s string)  { w.uint(uint64(len(s))); w.b.WriteString(s) }
func (w *binWriter) bool(v bool) {
	if v {
		w.b.WriteByte(1)
	} else {
		w.b.WriteByte(0)
	}
}
func (w *binWriter) strs(ss []string) {
	w.uint(uint64(len(ss)))
	for _, s := range ss {
		w.str(s)
	}
}

var errManifestShort = errors.New("truncated")

// decodeManifestZst reads the compressed binary manifest. Its strings
// point into the decompressed buffer, which nothing writes again.
func decodeManifestZst(raw []byte) (*Manifest, error) {
	data, err := decompress(raw)
	if err != nil {
		return nil, err
	}
	if !bytes.HasPrefix(data, []byte(manifestMagic)) {
		return nil, fmt.Errorf("not a citelint manifest")
	}
	r := &binReader{b: data[len(manifestMagic):]}
	m := &Manifest{}
	m.Format = int(r.uint())
	m.ID = r.str()
	m.Source = r.str()
	n := r.count()
	m.Statutes = make([]ManifestStatute, n)
	for i := range m.Statutes {
		s := &m.Statutes[i]
		s.ID = r.str()
		s.Title = r.str()
		s.Short = r.str()
		s.Aliases = r.strs()
		s.Kind = r.str()
		s.Category = r.str()
		s.Province = r.str()
		s.Issuer = r.str()
		s.DocNumbers = r.strs()
		if ne := r.count(); ne > 0 {
			s.Events = make([]ManifestEvent, ne)
			for j := range s.Events {
				s.Events[j] = ManifestEvent{Date: r.str(), Kind: r.str(), Text: r.str()}
			}
		}
		s.Notes = r.strs()
		s.Repealed = r.str()
		s.ReplacedBy = r.str()
		s.Verified = r.bool()
		s.Source = r.str()
		s.Versions = make([]ManifestVersion, r.count())
		for j := range s.Versions {
			v := &s.Versions[j]
			v.Label = r.str()
			v.Effective = r.str()
			v.Until = r.str()
			v.Text = r.str()
			v.Derived = r.bool()
			v.Verified = r.bool()
			v.Source = r.str()
			v.File = r.str()
			v.Offset = int(r.uint())
			v.Length = int(r.uint())
			v.Articles = int(r.uint())
		}
		if r.err != nil {
			break
		}
	}
	if r.err != nil {
		return nil, r.err
	}
	if len(r.b) != 0 {
		return nil, fmt.Errorf("%d bytes after the last statute", len(r.b))
	}
	return m, nil
}

type binReader struct {
	b   []byte
	err error
}

func (r *binReader) uint() uint64 {
	if r.err != nil {
		return 0
	}
	n, k := binary.Uvarint(r.b)
	if k <= 0 {
		r.err = errManifestShort
		return 0
	}
	r.b = r.b[k:]
	return n
}

// count reads a length that must fit in what is left.
func (r *binReader) count() int {
	n := r.uint()
	if n > uint64(len(r.b)) {
		r.err = errManifestShort
		return 0
	}
	return int(n)
}

func (r *binReader) str() string {
	n := r.count()
	if r.err != nil || n == 0 {
		return ""
	}
	s := unsafe.String(&r.b[0], n)
	r.b = r.b[n:]
	return s
}

func (r *binReader) strs() []string {
	n := r.count()
	if n == 0 {
		return nil
	}
	out := make([]string, n)
	for i := range out {
		out[i] = r.str()
	}
	return out
}

func (r *binReader) bool() bool {
	if r.err != nil || len(r.b) == 0 {
		r.err = errManifestShort
		return false
	}
	v := r.b[0] != 0
	r.b = r.b[1:]
	return v
}

// ReadManifest reads fsys' manifest: manifest.zst, else manifest.json.
func ReadManifest(fsys fs.FS) (*Manifest, error) { return readManifest(fsys) }

func readManifest(fsys fs.FS) (*Manifest, error) {
	raw, err := fs.ReadFile(fsys, ManifestZstName)
	if err == nil {
		m, err := decodeManifestZst(raw)
		if err != nil {
			return nil, fmt.Errorf("read corpus manifest %s: %w", ManifestZstName, err)
		}
		return m, nil
	}
	if !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("read corpus manifest: %w", err)
	}
	raw, err = fs.ReadFile(fsys, ManifestName)
	if err != nil {
		return nil, err
	}
	var m Manifest
	if err := jsonUnmarshal(raw, &m); err != nil {
		return nil, fmt.Errorf("read corpus manifest: %w", err)
	}
	return &m, nil
}

// isChunk reports whether a manifest file is a compressed chunk.
func isChunk(file string) bool { return strings.HasSuffix(file, ".zst") }
