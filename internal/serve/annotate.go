package serve

import (
	"github.com/citelint/citelint/catalog"
	"github.com/citelint/citelint/lint"
)

// annotate makes the annotated copy of a checked file, when its format
// has one.
func (s *Server) annotate(f *jobFile, data []byte, cat *catalog.Catalog, fr *lint.FileResult) {
	switch ext(f.Name) {
	case ".doc", ".wps":
		f.Note = "旧版 Word 文件没有批注副本：在 Word/WPS 中“另存为”.docx 后重新上传，即可下载批注副本。"
	}
}
