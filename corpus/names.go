package corpus

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Names of people and municipalities are found in a text word by word.
// A text is cut into words (runs of letters and digits), each folded like
// FoldName: lower case, accents removed. A name matches a run of words
// with nothing but spaces, hyphens and apostrophes between them, so
// "‘s-Hertogenbosch", "’s-Hertogenbosch" and "'s-Hertogenbosch" are all
// the same name, and "Den Bosch" is found in "gemeente Den Bosch". At each
// word the longest name wins ("Theo Veltman" before "Theo").
//
// A person is found by full name ("Theo Veltman"), by first name ("Theo")
// and by surname with its particles ("Veltman", "Van den Broek"). The
// short forms must be written with a capital (particles excepted), so the
// surname "De Koning" does not match "de koning" in running text. A short
// form means a person only when that person's full name came earlier in
// the same article; see resolver.

// token is one word of a text.
type token struct {
	start, end int    // byte offsets in the text
	folded     string // lower case, accents removed
	upper      bool   // written with a capital
}

// tokenize appends the words of s to dst.
func tokenize(s string, dst []token) []token {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isWordRune(r) {
			i += size
			continue
		}
		j := i + size
		for j < len(s) {
			r2, sz := utf8.DecodeRuneInString(s[j:])
			if !isWordRune(r2) {
				break
			}
			j += sz
		}
		dst = append(dst, token{start: i, end: j, folded: foldWord(s[i:j]), upper: unicode.IsUpper(r)})
		i = j
	}
	return dst
}

func foldWord(w string) string { return FoldAccents(strings.ToLower(w)) }

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// joinable reports whether the text between two words of a name may stand
// there: spaces, hyphens and apostrophes only.
func joinable(gap string) bool {
	for _, r := range gap {
		switch {
		case unicode.IsSpace(r), r == '-', r == '\'', r == '‘', r == '’', r == '‐', r == '‑':
		default:
			return false
		}
	}
	return true
}

// particles are the lower-case words of Dutch surnames ("van den Broek").
var particles = map[string]bool{
	"van": true, "de": true, "den": true, "der": true, "het": true, "t": true, "ter": true, "ten": true,
	"te": true, "in": true, "op": true, "aan": true, "onder": true, "bij": true, "uit": true, "vd": true,
	"la": true, "le": true, "du": true, "von": true, "d": true, "s": true,
}

// nameForm is one way a name is written.
type nameForm struct {
	words  []string // folded
	caps   []bool   // whether the word must be written with a capital
	person string   // person id, or ""
	full   bool     // the person's full name (else a first name or surname)
	first  bool     // the person's first name
	muni   string   // municipality id, or ""
}

// nameIndex finds the names of a corpus in texts.
type nameIndex struct {
	byFirst map[string][]*nameForm // by first word, longest first
}

func newNameIndex(c *Corpus) *nameIndex {
	x := &nameIndex{byFirst: map[string][]*nameForm{}}
	add := func(f *nameForm) {
		if len(f.words) > 0 {
			x.byFirst[f.words[0]] = append(x.byFirst[f.words[0]], f)
		}
	}
	for _, p := range c.People {
		words := foldedWords(p.Name)
		add(&nameForm{words: words, caps: make([]bool, len(words)), person: p.ID, full: true})
		if len(words) < 2 {
			continue
		}
		add(&nameForm{words: words[:1], caps: []bool{true}, person: p.ID, first: true})
		if sur := surname(words); sur != nil {
			caps := make([]bool, len(sur))
			for i, w := range sur {
				caps[i] = !particles[w]
			}
			add(&nameForm{words: sur, caps: caps, person: p.ID})
		}
	}
	for _, m := range c.Municipalities {
		for _, n := range append([]string{m.Name}, m.Aliases...) {
			words := foldedWords(n)
			add(&nameForm{words: words, caps: make([]bool, len(words)), muni: m.ID})
		}
	}
	for _, forms := range x.byFirst {
		sort.SliceStable(forms, func(i, j int) bool { return len(forms[i].words) > len(forms[j].words) })
	}
	return x
}

func foldedWords(s string) []string {
	var words []string
	for _, t := range tokenize(s, nil) {
		words = append(words, t.folded)
	}
	return words
}

// surname is the part of a full name after the first name: from the first
// particle on ("van den broek" in "henk van den broek"), else the last word.
// It is nil when it would be particles only.
func surname(words []string) []string {
	sur := words[len(words)-1:]
	for i := 1; i < len(words); i++ {
		if particles[words[i]] {
			sur = words[i:]
			break
		}
	}
	for _, w := range sur {
		if !particles[w] {
			return sur
		}
	}
	return nil
}

// nameHit is one name found in a text.
type nameHit struct {
	start, end int
	full       []string // people whose full name this is
	short      []string // people whose first name or surname this is
	munis      []string
	// stranger is set when a short name stands next to another
	// capitalised word that makes it someone else's full name: "Albert
	// Jansen" when people.yaml has Anna Jansen. start then covers both.
	stranger bool
	key      string // the folded words of the short name
	// shortStart and shortEnd are where the short name itself is.
	shortStart, shortEnd int
}

// scan returns the names in text, in order and not overlapping.
func (x *nameIndex) scan(text string) []nameHit {
	toks := tokenize(text, nil)
	var hits []nameHit
	for i := 0; i < len(toks); {
		var (
			h    nameHit
			best int
		)
		for _, f := range x.byFirst[toks[i].folded] {
			n := len(f.words)
			if n < best {
				break
			}
			if !f.matches(text, toks[i:]) {
				continue
			}
			best = n
			switch {
			case f.muni != "":
				h.munis = appendUnique(h.munis, f.muni)
			case f.full:
				h.full = appendUnique(h.full, f.person)
			default:
				h.short = appendUnique(h.short, f.person)
			}
		}
		if best == 0 {
			i++
			continue
		}
		h.start, h.end = toks[i].start, toks[i+best-1].end
		if len(h.short) > 0 && len(h.full) == 0 {
			h.key = foldedKey(toks[i : i+best])
			h.shortStart, h.shortEnd = h.start, h.end
			prevFree := len(hits) == 0 || hits[len(hits)-1].end <= h.start
			if i > 0 && prevFree && x.unknownNamePart(text, toks[i-1], toks[i]) {
				h.stranger, h.start = true, toks[i-1].start
			} else if k := i + best; k < len(toks) && x.firstNameOnly(h) && len(x.byFirst[toks[k].folded]) == 0 && x.unknownNamePart(text, toks[k], toks[k-1]) {
				h.stranger, h.end = true, toks[k].end
				best++
			}
		}
		hits = append(hits, h)
		i += best
	}
	return hits
}

func foldedKey(toks []token) string {
	words := make([]string, len(toks))
	for i, t := range toks {
		words[i] = t.folded
	}
	return strings.Join(words, " ")
}

// firstNameOnly reports whether every short form of the hit is a first
// name.
func (x *nameIndex) firstNameOnly(h nameHit) bool {
	for _, f := range x.byFirst[strings.Fields(h.key)[0]] {
		if f.person != "" && !f.full && !f.first && strings.Join(f.words, " ") == h.key {
			return false
		}
	}
	return true
}

// unknownNamePart reports whether t, written right next to the short name
// at n, reads as the other half of a person's name: a capitalised word,
// joined by nothing but a space, that is no word Dutch capitalises
// before a name (Volgens Jansen, Wethouder Jansen) and no known name.
func (x *nameIndex) unknownNamePart(text string, t, n token) bool {
	if !t.upper {
		return false
	}
	from, to := t.end, n.start
	if n.end <= t.start {
		from, to = n.end, t.start
	}
	if gap := text[from:to]; gap != " " {
		return false
	}
	if notNameWords[t.folded] || sayVerbs[t.folded] || particles[t.folded] {
		return false
	}
	for _, f := range x.byFirst[t.folded] {
		if f.muni != "" || len(f.words) == 1 {
			return false
		}
	}
	return true
}

// notNameWords are capitalised words that stand before a name without
// being part of it: sentence openers, titles and roles.
var notNameWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`
		dat die dit deze ook maar en want toen nu dan daarom zo hoewel als omdat waar wat wie hier daar
		de het een bij met voor door over in op aan na om tot uit zonder tegen volgens aldus
		ja nee dus toch wel niet nooit altijd vaak soms ook ondanks namens samen
		wethouder burgemeester directeur adviseur collega mevrouw meneer heer dhr mw mr dr ir ing drs prof
		programmamanager procesmanager projectleider beleidsmedewerker beleidsadviseur medewerker
		raadslid gedeputeerde minister staatssecretaris voorzitter secretaris manager teamleider
		cio cto ceo cdo ciso gemeente provincie stad dorp`) {
		notNameWords[w] = true
	}
}

// matches reports whether the form is written at the start of toks.
func (f *nameForm) matches(text string, toks []token) bool {
	if len(toks) < len(f.words) {
		return false
	}
	for k, w := range f.words {
		t := toks[k]
		if t.folded != w || f.caps[k] && !t.upper {
			return false
		}
		if k > 0 && !joinable(text[toks[k-1].end:t.start]) {
			return false
		}
	}
	return true
}

func appendUnique(s []string, v string) []string {
	for _, x := range s {
		if x == v {
			return s
		}
	}
	return append(s, v)
}

// nameUse is a name in a passage, resolved in its article: the people it
// may mean at that point of the text.
type nameUse struct {
	start, end int
	// people is who the name means: one person when resolved, several when
	// ambiguous. unresolved lists who a short name could mean had they been
	// introduced earlier in the article.
	people     []string
	unresolved []string
	munis      []string
	full       bool // written as a full name
	// strangers are full names in the article of people not in
	// people.yaml that this short name could also mean.
	strangers []string
}

// personal reports whether the name is (or could be) a person's.
func (u *nameUse) personal() bool {
	return len(u.people) > 0 || len(u.unresolved) > 0 || len(u.strangers) > 0
}

// resolved returns the person the name means, if exactly one.
func (u *nameUse) resolved() (string, bool) {
	if len(u.people) == 1 {
		return u.people[0], true
	}
	return "", false
}

// resolver resolves names in the reading order of one article: a first
// name or surname means the person whose full name came earlier in the
// article; when it could mean several, it is ambiguous and means no one.
//
// A short name that was also introduced as part of the full name of
// someone not in people.yaml (Albert Jansen, when people.yaml has Anna
// Jansen) could mean either from then on, so it is ambiguous too.
type resolver struct {
	introduced map[string]bool
	strangers  map[string][]string // by the folded short name, the full names
}

func (r *resolver) resolve(text string, h nameHit) nameUse {
	u := nameUse{start: h.start, end: h.end, munis: h.munis}
	if h.stranger {
		name := strings.Join(strings.Fields(text[h.start:h.end]), " ")
		if r.strangers == nil {
			r.strangers = map[string][]string{}
		}
		r.strangers[h.key] = appendUnique(r.strangers[h.key], name)
		u.strangers, u.full = []string{name}, true
		return u
	}
	if len(h.full) > 0 {
		for _, id := range h.full {
			r.introduced[id] = true
		}
		u.people, u.full = h.full, true
		return u
	}
	for _, id := range h.short {
		if r.introduced[id] {
			u.people = append(u.people, id)
		}
	}
	if len(u.people) == 0 {
		u.unresolved = h.short
	}
	u.strangers = r.strangers[h.key]
	return u
}

// resolveNames finds the names in an article's passages and records the
// people (resolved ones only) and municipalities each mentions.
func (c *Corpus) resolveNames(x *nameIndex, a *Article, ps *problems) {
	r := resolver{introduced: map[string]bool{}}
	for _, p := range a.Passages {
		p.names = p.names[:0]
		var people, munis []string
		for _, h := range x.scan(p.Text) {
			known := len(r.strangers[h.key])
			u := r.resolve(p.Text, h)
			if h.stranger && known == 0 {
				ps.warnf(a.Path, p.lineAt(h.start), "“%s” is not in %s but shares a name with %s: from here on “%s” means no one, so quotes given by it stay unattributed; add the person to %s or write {spreker=ID}",
					u.strangers[0], PeopleFile, c.peopleList(h.short, " and "), p.Text[h.shortStart:h.shortEnd], PeopleFile)
			}
			p.names = append(p.names, u)
			if id, ok := u.resolved(); ok {
				people = appendUnique(people, id)
			}
			for _, m := range u.munis {
				munis = appendUnique(munis, m)
			}
		}
		sort.Strings(people)
		sort.Strings(munis)
		p.People, p.Municipalities = people, munis
	}
}

// namesIn returns the names of p that lie within text[from:to].
func (p *Passage) namesIn(from, to int) []nameUse {
	i := sort.Search(len(p.names), func(i int) bool { return p.names[i].start >= from })
	j := i
	for j < len(p.names) && p.names[j].end <= to {
		j++
	}
	return p.names[i:j]
}

// nameAt returns the name that starts at offset i of p's text.
func (p *Passage) nameAt(i int) (nameUse, bool) {
	k := sort.Search(len(p.names), func(k int) bool { return p.names[k].start >= i })
	if k < len(p.names) && p.names[k].start == i {
		return p.names[k], true
	}
	return nameUse{}, false
}
