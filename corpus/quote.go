package corpus

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Quotation marks. Dutch text opens a quote with “ or „ and closes it with
// ” (German-style „…“ closes with “), uses ‘…’ for a quote within a quote
// or as house style, and plain text has "…". ’ is also the apostrophe, and
// ‘ is often typed for one (‘s-Hertogenbosch), so the single marks are only
// quotation marks where an apostrophe cannot be meant; see opensSingle and
// closesSingle. The straight single quote ' is always an apostrophe.
const (
	markOpenDouble    = '“'
	markCloseDouble   = '”'
	markLowDouble     = '„'
	markOpenSingle    = '‘'
	markCloseSingle   = '’'
	markStraight      = '"'
	maxTermWords      = 3  // a quoted term has at most this many words
	quotePreviewRunes = 40 // of a quote's text in messages
)

// markKind is the family of quotation marks that opened a quote; only a
// mark of the same family closes it, and a paragraph continuing the quote
// must reopen with the same family.
type markKind uint8

const (
	famNone markKind = iota
	famDouble
	famLow // „ : closed by ” or “
	famSingle
	famStraight
)

// Piece is the part of a quote inside one paragraph: byte offsets into the
// paragraph's text (Passage.Text), without the quotation marks.
type Piece struct {
	Passage    *Passage
	Start, End int
}

// quoteSpan is a quote as the scanner finds it: its pieces, one per
// paragraph, as indexes into the paragraph list.
type quoteSpan struct {
	pieces []spanPiece
	// The opening mark is at paras[openPara][open:]; the closing mark ends
	// at paras[closePara][:close].
	openPara, open   int
	closePara, close int
}

type spanPiece struct{ para, start, end int }

// unclosedMark is a quotation mark that opened a quote that never closed.
type unclosedMark struct{ para, offset int }

// text is the quote's words: its pieces joined by a space.
func (q *quoteSpan) text(paras []string) string {
	parts := make([]string, len(q.pieces))
	for i, p := range q.pieces {
		parts[i] = paras[p.para][p.start:p.end]
	}
	return strings.Join(parts, " ")
}

// scanQuotes finds the quotes in a run of consecutive paragraphs (one
// section: a quote never runs over a heading). It reads every rune once.
//
// A quote that is still open at the end of a paragraph continues in the
// next one when that paragraph starts with an opening mark of the same
// family (the Dutch convention for a quote over several paragraphs: each
// paragraph reopens, only the last one closes). Otherwise the quote never
// closed: it is dropped and its opening mark reported.
func scanQuotes(paras []string) (quotes []quoteSpan, unclosed []unclosedMark) {
	var (
		cur     *quoteSpan // the open quote, if any
		kind    markKind
		openPos unclosedMark
	)
	for pi, text := range paras {
		i := 0
		if cur != nil {
			// A quote carried over from the previous paragraph.
			lead := len(text) - len(strings.TrimLeft(text, " \t"))
			r, size := utf8.DecodeRuneInString(text[lead:])
			if k, ok := opener(text, lead, r, size); ok && sameFamily(kind, k) {
				i = lead + size
				cur.pieces = append(cur.pieces, spanPiece{para: pi, start: i, end: -1})
			} else {
				unclosed = append(unclosed, openPos)
				cur = nil
			}
		}
		for i < len(text) {
			r, size := utf8.DecodeRuneInString(text[i:])
			if cur == nil {
				if k, ok := opener(text, i, r, size); ok {
					cur = &quoteSpan{openPara: pi, open: i, pieces: []spanPiece{{para: pi, start: i + size, end: -1}}}
					kind = k
					openPos = unclosedMark{pi, i}
				}
				i += size
				continue
			}
			if closes(kind, text, i, r, size) {
				cur.pieces[len(cur.pieces)-1].end = i
				cur.closePara, cur.close = pi, i+size
				if q, ok := trimQuote(*cur, paras); ok {
					quotes = append(quotes, q)
				}
				cur = nil
			}
			i += size
		}
		if cur != nil {
			cur.pieces[len(cur.pieces)-1].end = len(text)
		}
	}
	if cur != nil {
		unclosed = append(unclosed, openPos)
	}
	return quotes, unclosed
}

// trimQuote trims spaces around each piece, and the comma that Dutch
// places inside the closing mark (“Ja,” zegt ze) from the last one. A
// quote with no words is dropped.
func trimQuote(q quoteSpan, paras []string) (quoteSpan, bool) {
	pieces := q.pieces[:0:0]
	for n, p := range q.pieces {
		s := paras[p.para][p.start:p.end]
		start := p.start + len(s) - len(strings.TrimLeftFunc(s, unicode.IsSpace))
		s = strings.TrimRightFunc(s, unicode.IsSpace)
		if n == len(q.pieces)-1 {
			s = strings.TrimRightFunc(strings.TrimSuffix(s, ","), unicode.IsSpace)
		}
		end := p.start + len(s)
		if end <= start {
			continue
		}
		pieces = append(pieces, spanPiece{p.para, start, end})
	}
	if len(pieces) == 0 {
		return q, false
	}
	q.pieces = pieces
	return q, true
}

func sameFamily(a, b markKind) bool {
	if a == famLow {
		a = famDouble
	}
	if b == famLow {
		b = famDouble
	}
	return a == b
}

// opener reports whether the rune r at text[i:i+size] opens a quote, and
// of which family. An opening mark must be followed by something other
// than a space.
func opener(text string, i int, r rune, size int) (markKind, bool) {
	var k markKind
	switch r {
	case markOpenDouble:
		k = famDouble
	case markLowDouble:
		k = famLow
	case markOpenSingle:
		if !opensSingle(text, i, size) {
			return famNone, false
		}
		k = famSingle
	case markStraight:
		if wordBefore(text, i) {
			return famNone, false // 12" or a typo inside a word
		}
		k = famStraight
	default:
		return famNone, false
	}
	next, _ := utf8.DecodeRuneInString(text[i+size:])
	if i+size >= len(text) || unicode.IsSpace(next) {
		return famNone, false
	}
	return k, true
}

// closes reports whether r at text[i:] closes a quote of the family.
func closes(k markKind, text string, i int, r rune, size int) bool {
	switch k {
	case famDouble:
		return r == markCloseDouble
	case famLow:
		return r == markCloseDouble || r == markOpenDouble
	case famSingle:
		if r != markCloseSingle || !closesSingle(text, i, size) {
			return false
		}
		// Kees’ fiets: a possessive apostrophe after a final s, x or z
		// closes nothing when a later ’ can still close the quote.
		return !possessive(text, i, size) || !laterCloseSingle(text, i+size)
	case famStraight:
		if r != markStraight {
			return false
		}
		prev, _ := utf8.DecodeLastRuneInString(text[:i])
		return i > 0 && !unicode.IsSpace(prev)
	}
	return false
}

// elisions are the Dutch words that start with an apostrophe: ‘s (des, as
// in ‘s-Hertogenbosch and ‘s avonds), ‘t (het), ‘n (een), ‘k (ik), ‘m
// (hem), ‘r (haar), ‘ns (eens).
var elisions = []string{"s", "t", "n", "k", "m", "r", "ns"}

// opensSingle reports whether ‘ at text[i:] opens a quote rather than
// standing for an apostrophe: it must start a word (no letter before it)
// and not be one of the elisions or a year such as ‘19.
func opensSingle(text string, i, size int) bool {
	if wordBefore(text, i) {
		return false // auto‘s
	}
	// The word after the mark, as far as it matters: elisions and years
	// are at most two runes long.
	rest := text[i+size:]
	word, n := rest, 0
	for j, r := range rest {
		if !isWordRune(r) || n == 3 {
			word = rest[:j]
			break
		}
		n++
	}
	lw := strings.ToLower(word)
	for _, e := range elisions {
		if lw == e {
			return false
		}
	}
	if len(word) == 2 && word[0] >= '0' && word[0] <= '9' && word[1] >= '0' && word[1] <= '9' {
		return false // ‘19
	}
	return true
}

// closesSingle reports whether ’ at text[i:] closes a quote rather than
// being an apostrophe: it must end a word (zo’n, auto’s and ’s avonds
// have a letter after it or no word before it).
func closesSingle(text string, i, size int) bool {
	if i == 0 {
		return false
	}
	prev, _ := utf8.DecodeLastRuneInString(text[:i])
	if unicode.IsSpace(prev) {
		return false
	}
	next, _ := utf8.DecodeRuneInString(text[i+size:])
	return i+size >= len(text) || !isWordRune(next)
}

// possessive reports whether ’ at text[i:] can be the apostrophe of a
// possessive after a sibilant (Kees’ fiets, Max’ idee, Inez’ werk): a
// word ending in s, x or z before it and a lower-case word after it that
// is not a verb of saying (‘Ja, Kees’ zegt hij closes after Kees).
func possessive(text string, i, size int) bool {
	prev, _ := utf8.DecodeLastRuneInString(text[:i])
	switch unicode.ToLower(prev) {
	case 's', 'x', 'z':
	default:
		return false
	}
	rest := text[i+size:]
	if !strings.HasPrefix(rest, " ") {
		return false
	}
	rest = rest[1:]
	end := strings.IndexFunc(rest, func(r rune) bool { return !isWordRune(r) })
	if end < 0 {
		end = len(rest)
	}
	word := rest[:end]
	first, _ := utf8.DecodeRuneInString(word)
	return word != "" && unicode.IsLower(first) && !sayVerbs[word]
}

// laterCloseSingle reports whether a ’ from text[from:] on can close a
// single-quoted quote.
func laterCloseSingle(text string, from int) bool {
	for j := from; j < len(text); {
		r, size := utf8.DecodeRuneInString(text[j:])
		if r == markCloseSingle && closesSingle(text, j, size) {
			return true
		}
		j += size
	}
	return false
}

// wordBefore reports whether a letter or digit stands right before text[i].
func wordBefore(text string, i int) bool {
	if i == 0 {
		return false
	}
	prev, _ := utf8.DecodeLastRuneInString(text[:i])
	return isWordRune(prev)
}

// isTerm reports whether a quoted text looks like a term in quotation
// marks (a “living lab”) rather than words someone said: a few words with
// no sentence punctuation.
func isTerm(text string) bool {
	if strings.ContainsAny(text, ".!?…:;") {
		return false
	}
	return len(strings.Fields(text)) <= maxTermWords
}

// Preview shortens a quote's text for messages: “the first words…”.
func Preview(text string) string { return preview(text) }

// preview shortens a quote's text for messages.
func preview(text string) string {
	if utf8.RuneCountInString(text) <= quotePreviewRunes {
		return "“" + text + "”"
	}
	n := 0
	for i := range text {
		if n == quotePreviewRunes {
			return "“" + strings.TrimSpace(text[:i]) + "…”"
		}
		n++
	}
	return "“" + text + "”"
}

// extractQuotes finds the quotes of an article, section by section, and
// numbers them. Who said them is settled later (attribute), once the
// people are known.
func (c *Corpus) extractQuotes(a *Article, ps *problems) {
	a.Quotes = nil
	for start := 0; start < len(a.Passages); {
		end := start + 1
		for end < len(a.Passages) && a.Passages[end].section == a.Passages[start].section {
			end++
		}
		c.sectionQuotes(a, a.Passages[start:end], ps)
		start = end
	}
	for _, p := range a.Passages {
		for _, m := range p.marks {
			if !m.claimed {
				ps.errorf(a.Path, p.lineAt(m.offset), "%s must directly follow a closing quotation mark", m)
			}
		}
	}
}

func (m quoteMark) String() string {
	if m.none {
		return "{geen-citaat}"
	}
	return "{spreker=" + m.speaker + "}"
}

func (c *Corpus) sectionQuotes(a *Article, passages []*Passage, ps *problems) {
	paras := make([]string, len(passages))
	for i, p := range passages {
		paras[i] = p.Text
	}
	spans, unclosed := scanQuotes(paras)
	for _, u := range unclosed {
		p := passages[u.para]
		r, _ := utf8.DecodeRuneInString(p.Text[u.offset:])
		ps.warnf(a.Path, p.lineAt(u.offset), "quotation mark %c is never closed, so the text after it is not taken as a quote", r)
	}
	next := make([]int, len(passages)) // per passage, the first mark not yet passed
	for k, s := range spans {
		last := passages[s.closePara]
		mark := claimMark(last, s.close, &next[s.closePara])
		if mark != nil && mark.none {
			continue
		}
		text := s.text(paras)
		if mark == nil && isTerm(text) && !c.attributedNearby(passages, spans, k) {
			continue // a term in quotation marks, not someone's words
		}
		first := passages[s.openPara]
		q := &Quote{
			Article: a,
			Passage: first,
			N:       len(a.Quotes) + 1,
			Text:    text,
			Line:    first.lineAt(s.open),
			Themes:  append([]string(nil), first.Themes...),
			open:    s.open,
			last:    last,
			close:   s.close,
		}
		for _, pc := range s.pieces {
			q.Pieces = append(q.Pieces, Piece{Passage: passages[pc.para], Start: pc.start, End: pc.end})
		}
		if mark != nil {
			q.marked = mark.speaker
		}
		a.Quotes = append(a.Quotes, q)
	}
}

// claimMark returns the editor's mark that follows a closing quotation
// mark ending at offset end of p's text, with only spaces or punctuation
// between, and marks it claimed. Quotes come in order, so the marks before
// *next were passed already.
func claimMark(p *Passage, end int, next *int) *quoteMark {
	for *next < len(p.marks) && p.marks[*next].offset < end {
		*next++
	}
	if *next == len(p.marks) {
		return nil
	}
	m := &p.marks[*next]
	if strings.TrimLeft(p.Text[end:m.offset], " ,.;:!?") != "" {
		return nil
	}
	m.claimed = true
	*next++
	return m
}

// attributedNearby reports whether the words around the quote attribute
// it the way a speaker's words are: a verb of saying right after it
// (“…,” zegt X) or a colon right before it (X: “…”). Quoted terms have
// neither.
func (c *Corpus) attributedNearby(passages []*Passage, spans []quoteSpan, k int) bool {
	s := spans[k]
	first, last := passages[s.openPara], passages[s.closePara]
	to := len(last.Text)
	if k+1 < len(spans) && spans[k+1].openPara == s.closePara {
		to = spans[k+1].open
	}
	if vc := verbClauseAt(last, s.close, to); vc.found {
		return true
	}
	from := 0
	if k > 0 && spans[k-1].closePara == s.openPara {
		from = spans[k-1].close
		// The second piece of a quote split by its attribution:
		// “Privacy is geen rem,” aldus Mulder, “maar een ontwerpeis”.
		if vc := verbClauseAt(first, from, s.open); vc.found && strings.TrimLeft(first.Text[vc.end:s.open], continuationGap) == "" {
			return true
		}
	}
	return strings.HasSuffix(strings.TrimRightFunc(first.Text[from:s.open], unicode.IsSpace), ":")
}
