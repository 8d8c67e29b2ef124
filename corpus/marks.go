package corpus

import (
	"regexp"
	"sort"
	"strings"
)

// The editor's marks for quotes. The rules of attribution cannot resolve
// every quote; an editor settles one by writing a mark directly after its
// closing quotation mark:
//
//	“Dat doen we samen,”{spreker=theo-veltman} zegt hij.
//	Het heet hier een “proeftuin voor iedereen”{geen-citaat}.
//
// {spreker=ID} names the speaker by person id (people.yaml); {geen-citaat}
// says the quotation marks hold no quote (a title, a term). A space before
// the mark is allowed. Marks are removed from the passage text, so they
// never show in the index or on the article page.
var markRE = regexp.MustCompile(`\s*\{([a-z][a-z-]*(?:=[^{}]*)?)\}`)

// Private-use runes stand in for a mark and for a line break while
// Inline rewrites the text, so that their offsets survive it.
const (
	sentinelMark = '\uE000'
	sentinelLine = '\uE001'
	// sentinelPrefix is the first two bytes of both in UTF-8.
	sentinelPrefix = "\xee\x80"
)

// quoteMark is an editor's mark in a passage.
type quoteMark struct {
	offset  int    // in Passage.Text
	speaker string // person id, for {spreker=ID}
	none    bool   // {geen-citaat}
	claimed bool   // follows a quote
}

// blockText turns the source lines of a block into its plain text (see
// Inline), and returns where each line after the first starts in it and
// the editor's marks. Bad marks are reported at their line.
func (c *Corpus) blockText(path string, firstLine int, lines []string, ps *problems) (text string, lineStarts []int, marks []quoteMark) {
	var (
		b       strings.Builder
		pending []quoteMark // in order of their sentinels
	)
	strip := strings.NewReplacer(string(sentinelMark), "", string(sentinelLine), "")
	for n, line := range lines {
		if n > 0 {
			b.WriteString(" " + string(sentinelLine) + " ")
		}
		if strings.Contains(line, sentinelPrefix) {
			line = strip.Replace(line)
		}
		if strings.IndexByte(line, '{') < 0 {
			b.WriteString(line)
			continue
		}
		last := 0
		for _, m := range markRE.FindAllStringSubmatchIndex(line, -1) {
			brace := strings.IndexByte(line[m[0]:m[1]], '{') + m[0]
			if brace > 0 && line[brace-1] == '\\' {
				continue // an escaped brace is text
			}
			mk, ok := c.parseMark(path, firstLine+n, line[m[2]:m[3]], ps)
			if !ok {
				continue
			}
			b.WriteString(line[last:m[0]])
			b.WriteRune(sentinelMark)
			pending = append(pending, mk)
			last = m[1]
		}
		b.WriteString(line[last:])
	}
	return clean(Inline(b.String()), pending)
}

// parseMark reads the inside of a {...} mark. Braces that hold something
// other than a mark are reported and left out.
func (c *Corpus) parseMark(path string, line int, s string, ps *problems) (quoteMark, bool) {
	key, val, hasVal := strings.Cut(s, "=")
	switch {
	case key == "geen-citaat" && !hasVal:
		return quoteMark{none: true}, true
	case key == "spreker" && hasVal:
		val = strings.TrimSpace(val)
		if !idRE.MatchString(val) {
			ps.errorf(path, line, "{spreker=%s}: give the person's id from %s, such as {spreker=theo-veltman}", val, PeopleFile)
			return quoteMark{}, false
		}
		if c.personByID != nil && c.personByID[val] == nil {
			ps.errorf(path, line, "{spreker=%s}: unknown person %q (not in %s)", val, val, PeopleFile)
			return quoteMark{}, false
		}
		return quoteMark{speaker: val}, true
	}
	ps.errorf(path, line, "unknown mark {%s}: after a closing quotation mark write {spreker=ID} or {geen-citaat}", s)
	return quoteMark{}, false
}

// clean removes the sentinels from text, recording where they stood.
func clean(text string, pending []quoteMark) (string, []int, []quoteMark) {
	if !strings.ContainsRune(text, sentinelMark) && !strings.ContainsRune(text, sentinelLine) {
		return text, nil, nil
	}
	var (
		b          strings.Builder
		lineStarts []int
		marks      []quoteMark
		skipSpace  bool
	)
	for _, r := range text {
		switch {
		case r == sentinelLine:
			lineStarts = append(lineStarts, b.Len())
			skipSpace = b.Len() == 0 || strings.HasSuffix(b.String(), " ")
		case r == sentinelMark:
			if len(marks) < len(pending) {
				m := pending[len(marks)]
				m.offset = b.Len()
				marks = append(marks, m)
			}
			skipSpace = b.Len() == 0 || strings.HasSuffix(b.String(), " ")
		case r == ' ' && skipSpace:
			skipSpace = false
		default:
			skipSpace = false
			b.WriteRune(r)
		}
	}
	out := strings.TrimRight(b.String(), " ")
	for i := range lineStarts {
		lineStarts[i] = min(lineStarts[i], len(out))
	}
	for i := range marks {
		marks[i].offset = min(marks[i].offset, len(out))
	}
	return out, lineStarts, marks
}

// lineAt returns the line of the article file where offset i of the
// passage's text is.
func (p *Passage) lineAt(i int) int {
	return p.Line + sort.Search(len(p.lineStarts), func(k int) bool { return p.lineStarts[k] > i })
}
