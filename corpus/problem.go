package corpus

import (
	"fmt"
	"strings"
)

// Severity tells whether a problem stops the corpus from loading.
type Severity int

const (
	// Error problems make Load fail: the corpus is not used.
	Error Severity = iota
	// Warning problems are reported but the corpus is still used.
	Warning
)

// Problem is one thing wrong in a corpus file.
type Problem struct {
	Path     string
	Line     int // 1-based; 0 when the problem concerns the whole file
	Severity Severity
	Message  string
}

// String formats the problem as "path:line: message", the form editors and
// tools jump to; warnings say so after the position.
func (p Problem) String() string {
	var b strings.Builder
	b.WriteString(p.Path)
	if p.Line > 0 {
		fmt.Fprintf(&b, ":%d", p.Line)
	}
	b.WriteString(": ")
	if p.Severity == Warning {
		b.WriteString("warning: ")
	}
	b.WriteString(p.Message)
	return b.String()
}

// Problems is the list of problems found while loading; as an error it means
// at least one of them is an Error.
type Problems []Problem

func (ps Problems) Error() string {
	lines := make([]string, 0, len(ps))
	for _, p := range ps {
		if p.Severity == Error {
			lines = append(lines, p.String())
		}
	}
	if len(lines) == 1 {
		return lines[0]
	}
	return fmt.Sprintf("%d problems in the corpus:\n%s", len(lines), strings.Join(lines, "\n"))
}

// HasErrors reports whether any problem is an Error.
func (ps Problems) HasErrors() bool {
	for _, p := range ps {
		if p.Severity == Error {
			return true
		}
	}
	return false
}

// problems collects problems during a load.
type problems struct{ list Problems }

func (ps *problems) errorf(path string, line int, format string, args ...any) {
	ps.list = append(ps.list, Problem{Path: path, Line: line, Severity: Error, Message: fmt.Sprintf(format, args...)})
}

func (ps *problems) warnf(path string, line int, format string, args ...any) {
	ps.list = append(ps.list, Problem{Path: path, Line: line, Severity: Warning, Message: fmt.Sprintf(format, args...)})
}
