package catalog

import (
	"errors"
	"fmt"
	"strings"
)

// ErrInput is wrapped by every error that comes from the catalog file itself
// (unreadable, unsupported, malformed, no header): the user's input, exit
// status 2. Check it with errors.Is.
var ErrInput = errors.New("unreadable catalog")

// InputError is an error in the catalog file, with the place it was found.
// Read wraps it as "read catalog PATH: PLACE: MSG".
type InputError struct {
	Loc Loc    // the place; zero parts are left out of the message
	Msg string // what is wrong, lower case
	Err error  // an underlying error, if any
}

func (e *InputError) Error() string {
	var b strings.Builder
	if p := e.Loc.place(); p != "" {
		b.WriteString(p)
		b.WriteString(": ")
	}
	b.WriteString(e.Msg)
	if e.Err != nil {
		if e.Msg != "" {
			b.WriteString(": ")
		}
		b.WriteString(e.Err.Error())
	}
	return b.String()
}

// Is makes every InputError match ErrInput.
func (e *InputError) Is(target error) bool { return target == ErrInput }

func (e *InputError) Unwrap() error { return e.Err }

func inputErr(loc Loc, format string, args ...any) *InputError {
	return &InputError{Loc: loc, Msg: fmt.Sprintf(format, args...)}
}

// place renders the non-file parts of a location for messages:
// "line 12, column 3", "表1 row 4, column 2", "sheet Sheet1 row 3".
func (l Loc) place() string {
	var parts []string
	if l.Sheet != "" {
		parts = append(parts, l.Sheet)
	}
	if l.Line > 0 {
		s := fmt.Sprintf("line %d", l.Line)
		if l.LineCol > 0 {
			s += fmt.Sprintf(", column %d", l.LineCol)
		}
		if l.Row > 0 {
			s = fmt.Sprintf("record %d (%s)", l.Row, s)
		}
		parts = append(parts, s)
	} else if l.Row > 0 {
		s := fmt.Sprintf("row %d", l.Row)
		if l.Col > 0 {
			s += fmt.Sprintf(", column %d", l.Col)
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, " ")
}

// String renders a location for people: "a.txt:12:3", "a.docx 表1 row 4, column 2".
func (l Loc) String() string {
	if l.Line > 0 && l.Sheet == "" {
		s := fmt.Sprintf("%s:%d", l.File, l.Line)
		if l.LineCol > 0 {
			s += fmt.Sprintf(":%d", l.LineCol)
		}
		return s
	}
	p := l.place()
	if l.File == "" {
		return p
	}
	if p == "" {
		return l.File
	}
	return l.File + " " + p
}
