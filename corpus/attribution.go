package corpus

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// sayVerbs are the words that attribute a quote when they follow it:
// “…,” aldus Theo / zegt Veltman / volgens De Koning / legt Theo uit.
var sayVerbs = map[string]bool{
	"aldus": true, "volgens": true,
	"zegt": true, "zei": true, "vertelt": true, "vertelde": true,
	"stelt": true, "stelde": true, "legt": true, "legde": true,
	"vult": true, "vulde": true, "licht": true, "lichtte": true,
	"geeft": true, "gaf": true, "benadrukt": true, "benadrukte": true,
	"vindt": true, "vond": true, "erkent": true, "erkende": true,
	"meent": true, "meende": true, "antwoordt": true, "antwoordde": true,
	"concludeert": true, "concludeerde": true, "reageert": true, "reageerde": true,
	"waarschuwt": true, "waarschuwde": true, "beaamt": true, "beaamde": true,
	"lacht": true, "lachte": true, "vervolgt": true, "vervolgde": true,
	"vraagt": true, "vroeg": true, "merkt": true, "merkte": true,
	"voegt": true, "voegde": true,
}

// datVerbs may follow "Dat" after a quote: “…” Dat zegt Veltman.
var datVerbs = map[string]bool{"zegt": true, "zei": true, "vertelt": true, "vertelde": true, "stelt": true, "stelde": true}

// pronouns after a verb of saying leave the speaker to the sentence before.
var pronouns = map[string]bool{"hij": true, "zij": true, "ze": true}

// continuationGap is what may stand between a quote's verb clause and the
// next quote that continues it.
const continuationGap = " ,.;:–—-"

// maxRoleWords is how many lower-case words may stand between the verb and
// the name: “…,” zegt programmamanager Veltman.
const maxRoleWords = 4

// verbClause is a verb of saying after a quote and what follows it.
type verbClause struct {
	found   bool
	end     int    // end of the clause: its sentence's end, or the next quote
	verb    string // as written
	name    int    // offset of the capitalised word after the verb; -1 if none
	pronoun string // hij, zij or ze after the verb, as written
}

// verbClauseAt reads p.Text[from:to] (the text after a closing quotation
// mark up to the next quote) for a verb of saying: after optional commas
// and dashes and an optional "zo", the first word must be one of sayVerbs,
// in lower case (a capital starts a new sentence, not an attribution), or
// "Dat" and one of datVerbs.
func verbClauseAt(p *Passage, from, to int) verbClause {
	sc := &clauseScanner{text: p.Text[:to], i: from}
	if vc, ok := sc.signature(); ok {
		return vc
	}
	vc := verbClause{name: -1}
	sc.skip(",–—-")
	w, _ := sc.word()
	switch w {
	case "zo":
		w, _ = sc.word()
	case "Dat", "dat":
		// “…” Dat zegt Veltman. A new sentence, but one that only
		// says who spoke.
		if w, _ = sc.word(); !datVerbs[w] {
			return vc
		}
	}
	// Lower case only: “…” Volgens Jansen … starts a new sentence.
	if !sayVerbs[w] {
		return vc
	}
	vc.found, vc.verb = true, w
	sc.subject(&vc)
	vc.end = sentenceEnd(sc.text, sc.i)
	return vc
}

// clauseScanner reads the words of text from offset i on.
type clauseScanner struct {
	text string
	i    int
}

// skip passes over white space and the runes of set.
func (sc *clauseScanner) skip(set string) {
	for sc.i < len(sc.text) {
		r, size := utf8.DecodeRuneInString(sc.text[sc.i:])
		if !unicode.IsSpace(r) && !strings.ContainsRune(set, r) {
			return
		}
		sc.i += size
	}
}

// word returns the next word after white space and its offset; "" at
// punctuation or the end.
func (sc *clauseScanner) word() (string, int) {
	sc.skip("")
	start := sc.i
	for sc.i < len(sc.text) {
		r, size := utf8.DecodeRuneInString(sc.text[sc.i:])
		if !isWordRune(r) {
			break
		}
		sc.i += size
	}
	return sc.text[start:sc.i], start
}

// signature reads a signature after a quote, ‘…’ — Lotte Kamphuis, as a
// block quote's <cite> is imported; the scanner is left where it was when
// there is none.
func (sc *clauseScanner) signature() (verbClause, bool) {
	from := sc.i
	rest := strings.TrimLeft(sc.text[from:], " ")
	if !strings.HasPrefix(rest, "—") && !strings.HasPrefix(rest, "–") {
		return verbClause{}, false
	}
	sc.i = len(sc.text) - len(rest) + len("—")
	sc.skip("")
	if r, _ := utf8.DecodeRuneInString(sc.text[sc.i:]); sc.i < len(sc.text) && unicode.IsUpper(r) {
		return verbClause{found: true, verb: "—", name: sc.i, end: sentenceEnd(sc.text, sc.i)}, true
	}
	sc.i = from
	return verbClause{}, false
}

// subject reads the words after a verb of saying, up to maxRoleWords of
// them, for the name (a capitalised word) or pronoun of who spoke.
func (sc *clauseScanner) subject(vc *verbClause) {
	for n := 0; n <= maxRoleWords; n++ {
		if sc.i < len(sc.text) {
			if r, _ := utf8.DecodeRuneInString(sc.text[sc.i:]); !unicode.IsSpace(r) {
				return // punctuation: the clause names no one
			}
		}
		w, start := sc.word()
		if w == "" {
			return
		}
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsUpper(r) {
			vc.name = start
			return
		}
		if pronouns[w] {
			vc.pronoun = w
			return
		}
	}
}

// sentenceEnd returns the offset just past the sentence that runs at
// text[i:]: after its . ! ? or …, or the end of text.
func sentenceEnd(text string, i int) int {
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		if isTerminator(r) && (i == len(text) || nextIsSpace(text, i)) {
			return i
		}
	}
	return len(text)
}

func isTerminator(r rune) bool { return r == '.' || r == '!' || r == '?' || r == '…' }

func nextIsSpace(text string, i int) bool {
	r, _ := utf8.DecodeRuneInString(text[i:])
	return unicode.IsSpace(r)
}

// sentenceStarts returns the offsets in text[from:to] where a sentence
// starts after another: just past a terminator and the spaces after it.
func sentenceStarts(text string, from, to int) []int {
	var starts []int
	for i := from; i < to; {
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		if isTerminator(r) && i < to && nextIsSpace(text, i) {
			for i < to {
				r2, sz := utf8.DecodeRuneInString(text[i:])
				if !unicode.IsSpace(r2) {
					break
				}
				i += sz
			}
			starts = append(starts, i)
		}
	}
	return starts
}

// attribute finds the speaker of each quote of the article by the rules
// of the package documentation (# Quotes), and reports each quote left
// without one.
func (c *Corpus) attribute(a *Article, ps *problems) {
	var (
		prev   *Quote
		prevVC verbClause
	)
	for k, q := range a.Quotes {
		to := len(q.last.Text)
		if k+1 < len(a.Quotes) && a.Quotes[k+1].Passage == q.last {
			to = a.Quotes[k+1].open
		}
		vc := verbClauseAt(q.last, q.close, to)
		from := 0
		if prev != nil && prev.last == q.Passage {
			from = prev.close
		}
		var reason string
		switch {
		case q.marked != "":
			q.Speaker, q.Attribution = q.marked, AttrExplicit
		case vc.found && vc.pronoun == "":
			reason = c.byVerb(q, vc)
		case prev != nil && prevVC.found && prev.last == q.Passage &&
			strings.TrimLeft(q.Passage.Text[prevVC.end:q.open], continuationGap) == "":
			// The second piece of a quote split by its attribution.
			q.Speaker, q.Attribution = prev.Speaker, prev.Attribution
			joinPieces(prev, q)
			if q.Speaker == "" {
				reason = fmt.Sprintf("it continues quote %d, which has no speaker", prev.N)
			}
		default:
			reason = c.byContext(q, vc, from)
		}
		if q.Speaker == "" {
			if repeatsElsewhere(a, q) {
				ps.warnf(a.Path, q.Line, "quote %s has no speaker and repeats words the article says elsewhere (a pull quote?): write {geen-citaat} after its closing quotation mark", preview(q.Text))
			} else {
				ps.warnf(a.Path, q.Line, "quote %s has no speaker: %s; write {spreker=ID} after its closing quotation mark", preview(q.Text), reason)
			}
		}
		prev, prevVC = q, vc
	}
}

// repeatsElsewhere reports whether the quote's words stand, whole, in
// another passage of the article: a sentence repeated in large type (a
// pull quote) rather than a second thing someone said.
func repeatsElsewhere(a *Article, q *Quote) bool {
	key := pullKey(q.Text)
	if len(strings.Fields(key)) < 4 {
		return false
	}
	for _, p := range a.Passages {
		if p != q.Passage && p != q.last && strings.Contains(pullKey(p.Text), key) {
			return true
		}
	}
	return false
}

// byVerb applies rule 2: the name after the verb of saying. It returns
// why it found no speaker, if it did not.
func (c *Corpus) byVerb(q *Quote, vc verbClause) string {
	if vc.name < 0 {
		return fmt.Sprintf("“%s” is not followed by a name", vc.verb)
	}
	u, ok := q.last.nameAt(vc.name)
	if !ok || !u.personal() {
		return fmt.Sprintf("“%s %s” names no one in %s", vc.verb, wordAt(q.last.Text, vc.name), PeopleFile)
	}
	id, why := c.decide([]nameUse{u}, q.last)
	if id == "" {
		return why
	}
	q.Speaker, q.Attribution = id, AttrVerb
	return ""
}

// byContext applies rules 3 and 4: the clause before a colon, or the
// sentence before the quote. It returns why it found no speaker, if it
// did not.
func (c *Corpus) byContext(q *Quote, vc verbClause, from int) string {
	p := q.Passage
	before := strings.TrimRightFunc(p.Text[from:q.open], unicode.IsSpace)
	starts := sentenceStarts(p.Text, from, from+len(before))
	if strings.HasSuffix(before, ":") {
		clause := from
		if n := len(starts); n > 0 {
			clause = starts[n-1]
		}
		if uses := personal(p.namesIn(clause, from+len(before))); len(uses) > 0 {
			id, why := c.decide(uses, p)
			if id == "" {
				return why
			}
			q.Speaker, q.Attribution = id, AttrColon
			return ""
		}
	}
	// The sentence just before the quote: the last complete one, and the
	// start of the quote's own sentence when the quote is inside one.
	window := from
	n := len(starts)
	complete := before == "" || isTerminatorSuffix(before)
	if complete && n >= 1 {
		window = starts[n-1]
	} else if !complete && n >= 2 {
		window = starts[n-2]
	}
	uses := personal(p.namesIn(window, from+len(before)))
	if len(uses) == 0 {
		if vc.pronoun != "" {
			return fmt.Sprintf("“%s %s” refers to someone the sentence before does not name", vc.verb, vc.pronoun)
		}
		return "no name in the words around it"
	}
	id, why := c.decide(uses, p)
	if id == "" {
		return why
	}
	q.Speaker, q.Attribution = id, AttrPrevious
	return ""
}

func isTerminatorSuffix(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return isTerminator(r)
}

// decide returns the one person the names mean, or why there is none.
func (c *Corpus) decide(uses []nameUse, p *Passage) (string, string) {
	var ids []string
	for _, u := range uses {
		name := p.Text[u.start:u.end]
		switch {
		case len(u.strangers) > 0 && len(u.people) == 0 && u.full:
			return "", fmt.Sprintf("“%s” is not in %s", name, PeopleFile)
		case len(u.strangers) > 0:
			return "", fmt.Sprintf("“%s” could be %s", name, strings.Join(append(c.peopleNames(u.people), strangerNames(u.strangers)...), " or "))
		case len(u.people) > 1:
			return "", fmt.Sprintf("“%s” could be %s", name, c.peopleList(u.people, " or "))
		case len(u.people) == 0:
			return "", fmt.Sprintf("“%s” names no one introduced earlier in the article (introduce the full name first; %s has %s)", name, PeopleFile, c.peopleList(u.unresolved, ", "))
		}
		ids = appendUnique(ids, u.people[0])
	}
	if len(ids) > 1 {
		return "", fmt.Sprintf("the sentence before it names %s", c.peopleList(ids, " and "))
	}
	return ids[0], ""
}

func (c *Corpus) peopleNames(ids []string) []string {
	names := make([]string, len(ids))
	for i, id := range ids {
		names[i] = id
		if p := c.personByID[id]; p != nil {
			names[i] = fmt.Sprintf("%s (%s)", p.Name, id)
		}
	}
	return names
}

func strangerNames(names []string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = n + " (not in " + PeopleFile + ")"
	}
	return out
}

func (c *Corpus) peopleList(ids []string, sep string) string {
	names := make([]string, len(ids))
	for i, id := range ids {
		names[i] = id
		if p := c.personByID[id]; p != nil {
			names[i] = fmt.Sprintf("%s (%s)", p.Name, id)
		}
	}
	return strings.Join(names, sep)
}

func personal(uses []nameUse) []nameUse {
	var out []nameUse
	for _, u := range uses {
		if u.personal() {
			out = append(out, u)
		}
	}
	return out
}

// wordAt returns the run of capitalised words at text[i:], for messages.
func wordAt(text string, i int) string {
	toks := tokenize(text[i:min(len(text), i+80)], nil)
	end := 0
	for k, t := range toks {
		if !t.upper || k > 0 && !joinable(text[i+toks[k-1].end:i+t.start]) {
			break
		}
		end = t.end
	}
	return text[i : i+end]
}
