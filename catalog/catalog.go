package catalog

// Key is the canonical name of a column, independent of how a catalog prints
// its header (权力依据, 职权依据, 设定依据 ... are all KeyBasis).
type Key string

// The canonical keys. KeyTitle names the catalog's title (catalog-level
// findings); KeyUnknown marks a column whose header matched no synonym and
// whose content did not tell either: it is kept, not dropped.
const (
	KeySeq         Key = "seq"         // 序号
	KeyDepartment  Key = "department"  // 部门名称, 实施部门
	KeyCategory    Key = "category"    // 职权类别 (行政执法/公共服务 ...)
	KeyType        Key = "type"        // 职权类型, 权力类型
	KeyName        Key = "name"        // 职权名称, 权力名称, 事项名称
	KeyBasis       Key = "basis"       // 职权依据, 权力依据, 设定依据
	KeyDuties      Key = "duties"      // 责任事项
	KeyDutyBasis   Key = "duty_basis"  // 责任事项依据
	KeyOffice      Key = "office"      // 责任处室, 责任科室, 责任股室
	KeyAccountable Key = "accountable" // 追责对象范围
	KeyNote        Key = "note"        // 备注
	KeyTitle       Key = "title"
	KeyUnknown     Key = ""
)

// Loc says where a field came from. Unused parts are zero.
type Loc struct {
	File  string `json:"file"`
	Sheet string `json:"sheet,omitempty"` // xlsx sheet name, or "表1", "表2" for docx tables
	Row   int    `json:"row,omitempty"`   // 1-based row in the sheet, table or CSV record
	Col   int    `json:"col,omitempty"`   // 1-based column
	Line  int    `json:"line,omitempty"`  // 1-based line of the field's first character (.txt, .csv)
	// LineCol is the 1-based column (in code points) of the field's first
	// character on Line, for text formats; 0 elsewhere.
	LineCol int `json:"line_col,omitempty"`
}

// Field is one cell of an entry.
type Field struct {
	Key    Key    `json:"key"`
	Column string `json:"column"` // the header as printed (whitespace folded)
	Text   string `json:"text"`   // untouched: offsets into it are what diagnostics carry
	Loc    Loc    `json:"loc"`
	// Cut is true for the last cell of an extracted text that stops
	// mid-sentence: the extract was cut there, so its tail is missing,
	// not wrong.
	Cut bool `json:"cut,omitempty"`
}

// Entry is one row of the catalog.
type Entry struct {
	Index  int     `json:"index"` // 1-based position among the entries
	Seq    string  `json:"seq"`   // the 序号 text, trimmed ("" when absent)
	Fields []Field `json:"fields"`
	// Short is true when the row ended before the header's last column
	// (a row cut short, as at the end of a truncated extract).
	Short bool `json:"short,omitempty"`
}

// Field returns the entry's first field with key k, or nil when absent.
func (e *Entry) Field(k Key) *Field {
	for i := range e.Fields {
		if e.Fields[i].Key == k {
			return &e.Fields[i]
		}
	}
	return nil
}

// Text returns the text of the entry's field k, or "" when absent.
func (e *Entry) Text(k Key) string {
	if f := e.Field(k); f != nil {
		return f.Text
	}
	return ""
}

// Column is one column of the header.
type Column struct {
	Key  Key    `json:"key"`
	Name string `json:"name"` // as printed, whitespace folded
	// ByContent is true when the key was inferred from the column's values
	// because no header synonym matched.
	ByContent bool `json:"by_content,omitempty"`
	// roleless marks a header of a kind known to have no role (实施对象,
	// 裁量基准): not given one by content either.
	roleless bool
}

// Catalog is a whole catalog file.
type Catalog struct {
	Path   string `json:"path"`
	Format string `json:"format"` // txt, docx, xlsx, csv
	// Layout is "" for a table with a header row, LayoutKV for key/value
	// item pages (one table or block of label/value pairs per entry; the
	// header is then the labels).
	Layout string `json:"layout,omitempty"`
	// Title is the catalog's title as printed (untouched), "" when none;
	// TitleField holds it with its location for findings on the title.
	Title      string   `json:"title"`
	TitleField *Field   `json:"title_field,omitempty"`
	Header     []Column `json:"header"`
	Entries    []Entry  `json:"entries"`
}

// HasColumn reports whether the header has a column with key k.
func (c *Catalog) HasColumn(k Key) bool {
	for _, col := range c.Header {
		if col.Key == k {
			return true
		}
	}
	return false
}
