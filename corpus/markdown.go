package corpus

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
)

// The body is read by this small hand-written reader, not by a Markdown
// parser such as goldmark with its attribute extension. The corpus uses a
// narrow subset (ATX headings with {#anchor themes=...}, paragraphs, flat
// lists, block quotes, links and emphasis), and what matters is what an
// editor is told about a mistake: goldmark's heading-attribute parser
// (parseLastLineAttributes) leaves a malformed {...} in the heading's text
// without any error, where this reader reports path:line: with what is
// wrong. Reading goldmark's tree back into passages, with the inline text
// and the line of each block from its byte segments, would not be shorter
// than the reader below.
var (
	headingRE  = regexp.MustCompile(`^(#{1,6})\s+(.*?)\s*(?:\{([^{}]*)\})?\s*$`)
	listItemRE = regexp.MustCompile(`^\s{0,3}(?:[-*+]|\d{1,3}[.)])\s+(.*)$`)
	linkRE     = regexp.MustCompile(`\[([^\]]*)\]\([^)]*\)`)
	strongRE   = regexp.MustCompile(`\*\*([^*]+)\*\*|__([^_]+)__`)
	emRE       = regexp.MustCompile(`(^|[\s(“‘"'])[*_]([^\s*_][^*_]*?[^\s*_]|[^\s*_])[*_]([\s).,;:!?”’"']|$)`)
)

type section struct {
	level  int
	title  string
	anchor string
	themes []string
}

// splitPassages turns the Markdown body into passages. Each paragraph, list
// item or block quote is a passage; headings open sections and give the
// passages after them their anchor and themes.
func (c *Corpus) splitPassages(a *Article, ps *problems) {
	sp := &passageSplitter{c: c, a: a, ps: ps, counts: map[string]int{}, used: map[string]bool{}, anchors: map[string]int{}, sect: 1}
	inQuote := false
	for i, raw := range strings.Split(a.Body, "\n") {
		lineNo := a.BodyLine + i
		trimmed := strings.TrimSpace(raw)
		switch {
		case trimmed == "":
			sp.flush()
			inQuote = false
		case headingRE.MatchString(trimmed) && !strings.HasPrefix(raw, "    "):
			sp.flush()
			inQuote = false
			sp.heading(lineNo, headingRE.FindStringSubmatch(trimmed))
		case listItemRE.MatchString(raw) && !inQuote:
			sp.flush()
			sp.cur, sp.curLine = []string{listItemRE.FindStringSubmatch(raw)[1]}, lineNo
		case strings.HasPrefix(trimmed, ">"):
			if !inQuote {
				sp.flush()
				inQuote, sp.curLine = true, lineNo
			}
			sp.cur = append(sp.cur, strings.TrimSpace(strings.TrimPrefix(trimmed, ">")))
		default:
			if len(sp.cur) == 0 {
				sp.curLine = lineNo
			}
			sp.cur = append(sp.cur, trimmed)
		}
	}
	sp.flush()
}

// passageSplitter is the state of splitPassages: the open sections, the
// block being read and the anchors given out.
type passageSplitter struct {
	c       *Corpus
	a       *Article
	ps      *problems
	stack   []section
	counts  map[string]int  // passages per section anchor
	used    map[string]bool // passage anchors given out
	anchors map[string]int  // section anchors in use, with their line
	cur     []string        // the lines of the open block
	curLine int             // the line the open block began at
	sect    int             // the number of the current section
}

// heading opens the section of a heading line (headingRE's match m) at
// line lineNo, closing those of its level and below.
func (sp *passageSplitter) heading(lineNo int, m []string) {
	sp.sect++
	s := section{level: len(m[1]), title: Inline(m[2])}
	s.anchor, s.themes = sp.c.headingAttrs(sp.a.Path, lineNo, m[3], sp.ps)
	if s.anchor == "" {
		s.anchor = Slug(s.title)
	}
	if s.anchor == "" {
		s.anchor = "sectie"
	}
	// Copies, not slices of the body, so that the body can be dropped
	// (Corpus.DropBodies).
	s.title, s.anchor = strings.Clone(s.title), strings.Clone(s.anchor)
	for i, t := range s.themes {
		s.themes[i] = strings.Clone(t)
	}
	for len(sp.stack) > 0 && sp.stack[len(sp.stack)-1].level >= s.level {
		sp.stack = sp.stack[:len(sp.stack)-1]
	}
	// A subsection belongs to its section's themes as well as its
	// own: "### Voorbeelden" under "## Inclusiviteit {theme=…}" is
	// about inclusion too.
	if len(sp.stack) > 0 {
		for _, t := range sp.stack[len(sp.stack)-1].themes {
			s.themes = appendUnique(s.themes, t)
		}
	}
	if first, dup := sp.anchors[s.anchor]; dup {
		sp.ps.errorf(sp.a.Path, lineNo, "duplicate section anchor %q (first at line %d)", s.anchor, first)
	} else {
		sp.anchors[s.anchor] = lineNo
	}
	sp.stack = append(sp.stack, s)
}

// flush makes the open block a passage of the current section, if it
// holds any text.
func (sp *passageSplitter) flush() {
	if len(sp.cur) == 0 {
		return
	}
	text, lineStarts, marks := sp.c.blockText(sp.a.Path, sp.curLine, sp.cur, sp.ps)
	sp.cur = nil
	if text == "" {
		return
	}
	base := "inleiding"
	var headings []string
	var themes []string
	for _, s := range sp.stack {
		headings = append(headings, s.title)
	}
	if len(sp.stack) > 0 {
		top := sp.stack[len(sp.stack)-1]
		base = top.anchor
		themes = append(themes, top.themes...)
	}
	a := sp.a
	a.Passages = append(a.Passages, &Passage{
		Article:  a,
		Anchor:   sp.passageAnchor(base),
		Headings: headings,
		Text:     text,
		Line:     sp.curLine,
		Themes:   themes,
		Index:    len(a.Passages),

		section:    sp.sect,
		lineStarts: lineStarts,
		marks:      marks,
	})
}

// passageAnchor gives out the anchor of the next passage of the section
// with anchor base: base, then base-2, base-3 …
func (sp *passageSplitter) passageAnchor(base string) string {
	sp.counts[base]++
	anchor := base
	if n := sp.counts[base]; n > 1 {
		anchor = base + "-" + strconv.Itoa(n)
	}
	// A counted anchor can be another section's own: two passages
	// under "Foo" give foo-2, as does a section "Foo 2". The anchor is
	// the passage's id, so count on until it is free.
	for sp.used[anchor] {
		sp.counts[base]++
		anchor = base + "-" + strconv.Itoa(sp.counts[base])
	}
	sp.used[anchor] = true
	return anchor
}

// headingAttrs reads a heading's {#anchor theme=a,b} block.
func (c *Corpus) headingAttrs(path string, line int, attrs string, ps *problems) (anchor string, themes []string) {
	for _, f := range strings.Fields(attrs) {
		switch {
		case strings.HasPrefix(f, "#"):
			anchor = f[1:]
			if !idRE.MatchString(anchor) {
				ps.errorf(path, line, "anchor %q must be lower case letters, digits and single hyphens", anchor)
				anchor = ""
			}
		case strings.HasPrefix(f, "theme="):
			for _, t := range strings.Split(strings.TrimPrefix(f, "theme="), ",") {
				if t == "" {
					continue
				}
				if c.themeByID != nil && c.themeByID[t] == nil {
					ps.errorf(path, line, "unknown theme %q (not in %s)", t, ThemesFile)
					continue
				}
				themes = append(themes, t)
			}
		default:
			ps.errorf(path, line, "unknown heading attribute %q (use {#anchor theme=id,id})", f)
		}
	}
	return anchor, themes
}

// Inline reduces inline Markdown to plain text: links to their text, bold
// and emphasis markers removed, backslash escapes resolved, spaces folded.
// A lone asterisk (a footnote mark such as "Station10*") stays.
func Inline(s string) string {
	// The expressions need a bracket, an asterisk or an underscore: most
	// paragraphs have none, and running them costs half of a load.
	if strings.Contains(s, "[") {
		s = linkRE.ReplaceAllString(s, "$1")
	}
	if strings.ContainsAny(s, "*_") {
		s = strongRE.ReplaceAllString(s, "$1$2")
		s = emRE.ReplaceAllString(s, "$1$2$3")
	}
	if strings.Contains(s, `\`) {
		var b strings.Builder
		for i := 0; i < len(s); i++ {
			if s[i] == '\\' && i+1 < len(s) && strings.IndexByte("\\`*_{}[]()#+-.!>", s[i+1]) >= 0 {
				i++
			}
			b.WriteByte(s[i])
		}
		s = b.String()
	}
	return strings.Join(strings.Fields(s), " ")
}

// Slug makes an id from a title: lower case ASCII letters and digits joined
// by single hyphens, accents dropped ("Belangrijkste thema’s" becomes
// "belangrijkste-themas").
func Slug(s string) string {
	var b strings.Builder
	hyphen := false
	for _, r := range FoldAccents(strings.ToLower(s)) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			hyphen = false
			b.WriteRune(r)
		case r == '\'' || r == '’' || r == '‘':
			// "thema's" is one word
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			// a letter outside ASCII that FoldAccents keeps: drop it
		default:
			hyphen = true
		}
	}
	return b.String()
}
