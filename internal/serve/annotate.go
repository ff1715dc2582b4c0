package serve

import (
	"github.com/citelint/citelint/catalog"
	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/lint/annotate"
)

// Content types of the annotated copies.
var copyTypes = map[string]string{
	catalog.FormatDocx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
	catalog.FormatXlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}

// annotate makes the annotated copy of a checked file (lint/annotate: Word
// comments in a .docx, cell comments in an .xlsx), or says why there is
// none.
func (s *Server) annotate(f *jobFile, data []byte, cat *catalog.Catalog, fr *lint.FileResult) {
	if !annotate.Supported(fr.Format) {
		if fr.Format == catalog.FormatDoc {
			f.Note = "旧版 Word 文件没有批注副本：在 Word/WPS 中“另存为”.docx 后重新上传，即可下载批注副本。"
		}
		return
	}
	out, err := annotate.Annotate(data, fr.Format, cat, *fr)
	if err != nil {
		f.Note = "无法生成批注副本（" + err.Error() + "）。"
		return
	}
	f.copy, f.copyType, f.CopyName = out, copyTypes[fr.Format], annotate.CopyName(f.Name)
}
