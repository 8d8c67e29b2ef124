package search

import (
	"html"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Span is a matched part of a text: byte offsets [Start, End) and the
// indexed term it matched, so that snippets can prefer sentences that match
// more different words.
type Span struct {
	Start, End int
	Term       string
}

// Fragment is a snippet as structured parts, before HTML.
type Fragment struct {
	Parts     []Part
	CutBefore bool // text was left out before the first part
	CutAfter  bool // text was left out after the last part
}

// Part is a run of snippet text, marked when it matched the query. Start
// is its byte offset in the text it was cut from.
type Part struct {
	Text  string
	Mark  bool
	Start int
}

// Snippet lengths, in characters.
const (
	snippetMin = 160
	snippetMax = 240
)

// HTML renders the fragment as escaped text in which only <mark> is markup.
func (f Fragment) HTML() string {
	var b strings.Builder
	if f.CutBefore {
		b.WriteString("… ")
	}
	for _, p := range f.Parts {
		if p.Mark {
			b.WriteString("<mark>")
			b.WriteString(html.EscapeString(p.Text))
			b.WriteString("</mark>")
		} else {
			b.WriteString(html.EscapeString(p.Text))
		}
	}
	if f.CutAfter {
		b.WriteString(" …")
	}
	return b.String()
}

// Text renders the fragment as plain text, with the matches between the
// given markers (for a terminal).
func (f Fragment) Text(open, close string) string {
	var b strings.Builder
	if f.CutBefore {
		b.WriteString("… ")
	}
	for _, p := range f.Parts {
		if p.Mark {
			b.WriteString(open + p.Text + close)
		} else {
			b.WriteString(p.Text)
		}
	}
	if f.CutAfter {
		b.WriteString(" …")
	}
	return b.String()
}

// MakeSnippet picks the best-matching sentence or two of text, about 160 to
// 240 characters, cut at sentence or word boundaries, with every span
// marked. Spans outside the text or overlapping are ignored. With no spans
// it returns the start of the text.
func MakeSnippet(text string, spans []Span) Fragment {
	spans = cleanSpans(text, spans)
	sents := sentences(text)
	if len(sents) == 0 {
		return Fragment{}
	}
	best := 0
	if len(spans) > 0 {
		bestScore := -1
		for i, s := range sents {
			if sc := sentenceScore(s, spans); sc > bestScore {
				best, bestScore = i, sc
			}
		}
	}
	// Grow the window by whole sentences while it stays short: the next
	// sentence first (reading on), then the one before.
	from, to := sents[best].start, sents[best].end
	lo, hi := best, best
	for runeLen(text[from:to]) < snippetMin {
		grew := false
		if hi+1 < len(sents) && runeLen(text[from:sents[hi+1].end]) <= snippetMax {
			hi++
			to = sents[hi].end
			grew = true
		} else if lo > 0 && runeLen(text[sents[lo-1].start:to]) <= snippetMax {
			lo--
			from = sents[lo].start
			grew = true
		}
		if !grew {
			break
		}
	}
	if runeLen(text[from:to]) > snippetMax {
		from, to = cutWindow(text, from, to, spans)
	}
	f := Fragment{
		CutBefore: strings.TrimSpace(text[:from]) != "",
		CutAfter:  strings.TrimSpace(text[to:]) != "",
	}
	f.Parts = markParts(text, from, to, spans)
	trimParts(&f)
	return f
}

// Highlight marks every span in the whole text (for titles).
func Highlight(text string, spans []Span) Fragment {
	return Fragment{Parts: markParts(text, 0, len(text), cleanSpans(text, spans))}
}

// markParts splits text[from:to] into parts, marking the spans that lie
// wholly inside it; spans must be clean (sorted, not overlapping).
func markParts(text string, from, to int, spans []Span) []Part {
	var parts []Part
	pos := from
	for _, s := range spans {
		if s.Start < from || s.End > to {
			continue
		}
		if s.Start > pos {
			parts = append(parts, Part{Text: text[pos:s.Start], Start: pos})
		}
		parts = append(parts, Part{Text: text[s.Start:s.End], Mark: true, Start: s.Start})
		pos = s.End
	}
	if pos < to {
		parts = append(parts, Part{Text: text[pos:to], Start: pos})
	}
	return parts
}

// trimParts removes the spaces at either end of the fragment, dropping
// parts that were nothing but space.
func trimParts(f *Fragment) {
	for len(f.Parts) > 0 && !f.Parts[0].Mark {
		p := &f.Parts[0]
		t := strings.TrimLeftFunc(p.Text, unicode.IsSpace)
		p.Start += len(p.Text) - len(t)
		p.Text = t
		if t != "" {
			break
		}
		f.Parts = f.Parts[1:]
	}
	for n := len(f.Parts); n > 0 && !f.Parts[n-1].Mark; n = len(f.Parts) {
		p := &f.Parts[n-1]
		p.Text = strings.TrimRightFunc(p.Text, unicode.IsSpace)
		if p.Text != "" {
			break
		}
		f.Parts = f.Parts[:n-1]
	}
}

// cleanSpans sorts spans and drops those that are out of range, not on
// UTF-8 boundaries, or overlapping an earlier one.
func cleanSpans(text string, spans []Span) []Span {
	out := make([]Span, 0, len(spans))
	for _, s := range spans {
		if s.Start < 0 || s.End > len(text) || s.Start >= s.End ||
			!utf8.RuneStart(text[s.Start]) || (s.End < len(text) && !utf8.RuneStart(text[s.End])) {
			continue
		}
		out = append(out, s)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Start != out[j].Start {
			return out[i].Start < out[j].Start
		}
		return out[i].End > out[j].End
	})
	kept := out[:0]
	end := 0
	for _, s := range out {
		if s.Start < end {
			continue
		}
		kept = append(kept, s)
		end = s.End
	}
	return kept
}

type sentence struct{ start, end int }

// sentences splits text after ".", "!", "?" or "…" (and closing quotes)
// followed by a space and a capital, digit or opening quote.
func sentences(text string) []sentence {
	var out []sentence
	start := 0
	for i, r := range text {
		if r != '.' && r != '!' && r != '?' && r != '…' {
			continue
		}
		j := i + utf8.RuneLen(r)
		for j < len(text) {
			c, n := utf8.DecodeRuneInString(text[j:])
			if c == '"' || c == '”' || c == '’' || c == '\'' || c == ')' {
				j += n
				continue
			}
			break
		}
		if j >= len(text) {
			break
		}
		c, n := utf8.DecodeRuneInString(text[j:])
		if !unicode.IsSpace(c) {
			continue
		}
		k := j + n
		for k < len(text) && text[k] == ' ' {
			k++
		}
		if k >= len(text) {
			break
		}
		next, _ := utf8.DecodeRuneInString(text[k:])
		if unicode.IsUpper(next) || unicode.IsDigit(next) || strings.ContainsRune("\"“„‘'(", next) {
			out = append(out, sentence{start, j})
			start = k
		}
	}
	if strings.TrimSpace(text[start:]) != "" || len(out) == 0 {
		out = append(out, sentence{start, len(text)})
	}
	return out
}

// sentenceScore prefers sentences that match more different terms, then
// more matches.
func sentenceScore(s sentence, spans []Span) int {
	terms := map[string]bool{}
	n := 0
	for _, sp := range spans {
		if sp.Start >= s.start && sp.End <= s.end {
			terms[sp.Term] = true
			n++
		}
	}
	return len(terms)*100 + n
}

// cutWindow narrows [from, to) to at most snippetMax characters at word
// boundaries, around the run of matches with the most different terms.
func cutWindow(text string, from, to int, spans []Span) (int, int) {
	anchor := from
	bestTerms := 0
	for i, s := range spans {
		if s.Start < from || s.End > to {
			continue
		}
		// The terms that fit in a window starting a little before s.
		terms := map[string]bool{}
		for _, t := range spans[i:] {
			if t.End > to || runeLen(text[s.Start:t.End]) > snippetMax-60 {
				break
			}
			terms[t.Term] = true
		}
		if len(terms) > bestTerms {
			anchor, bestTerms = s.Start, len(terms)
		}
	}
	// Start a little before the match so it has context, at a word start.
	start := anchor
	for back := 0; start > from && back < 60; back++ {
		_, n := utf8.DecodeLastRuneInString(text[from:start])
		start -= n
	}
	if start > from {
		for start < anchor && !isSpaceAt(text, start) {
			start = nextRune(text, start)
		}
		for start < anchor && isSpaceAt(text, start) {
			start = nextRune(text, start)
		}
	}
	end := start
	for count := 0; end < to && count < snippetMax; count++ {
		end = nextRune(text, end)
	}
	if end < to {
		// Back to the last space so no word is cut.
		cut := end
		for cut > start && !isSpaceAt(text, cut) {
			_, n := utf8.DecodeLastRuneInString(text[start:cut])
			cut -= n
		}
		if cut > anchor {
			end = cut
		}
	}
	return start, end
}

// nextRune returns the offset of the rune after the one at i.
func nextRune(s string, i int) int {
	_, n := utf8.DecodeRuneInString(s[i:])
	return i + n
}

func isSpaceAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsSpace(r)
}

func runeLen(s string) int { return utf8.RuneCountInString(s) }
