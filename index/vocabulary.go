package index

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"

	"vanelkaar/corpus"
	"vanelkaar/index/analyzer"
)

// internalVocabulary is the internal key the vocabulary is stored under.
const internalVocabulary = "vanelkaar.vocabulary"

// Vocabulary is what completion as you type and did-you-mean draw on: the
// words of the corpus as they are written (not their stems), with the
// number of texts that hold each, and the names of the people,
// municipalities and themes. It is computed at build time and stored in
// the index, so a searcher needs no corpus.
type Vocabulary struct {
	Words []Word `json:"words"` // sorted by Text
	Names []Name `json:"names"`
}

// Word is a word of the corpus as written.
type Word struct {
	// Text is the word in lower case, or as written when the corpus writes
	// it with capitals within sentences (AVG, Amsterdam).
	Text string `json:"w"`
	// Term is what the Dutch analyzer indexes for it: the stem.
	Term string `json:"t"`
	// Count is the number of texts (titles, headings, passages, people's
	// roles, names) that hold the word.
	Count int `json:"n"`
}

// Name is a person, municipality or theme as completion offers it.
type Name struct {
	Kind    string   `json:"kind"` // NamePerson, NameMunicipality, NameTheme or NameRole
	Value   string   `json:"value"`
	Text    string   `json:"text"`
	Aliases []string `json:"aliases,omitempty"`
	// Detail says who or what it is: a person's role and municipality.
	Detail string `json:"detail,omitempty"`
	URL    string `json:"url,omitempty"`
	// Count is the number of passages, quotes and people it concerns.
	Count int `json:"n"`
}

// Kinds of names.
const (
	NamePerson       = "person"
	NameMunicipality = "municipality"
	NameTheme        = "theme"
	NameRole         = "role"
)

// VocabularyOf collects the vocabulary of a corpus, splitting and
// stemming words with the analyzer the index uses, so that every word it
// lists is one the index holds. Each text counts once: an article's title
// once, not once per passage.
func VocabularyOf(c *corpus.Corpus, an analysis.Analyzer) Vocabulary {
	v := newVocabularyCounter(an)
	for _, a := range c.Articles {
		v.article(a)
		for _, p := range a.Passages {
			v.passage(p.Text, an.Analyze([]byte(p.Text)))
		}
	}
	return v.vocabulary(c)
}

// vocabularyCounter counts the words and mentions of a corpus, article by
// article and passage by passage, in any order.
type vocabularyCounter struct {
	an    analysis.Analyzer
	words wordCounts
	m     mentions
}

func newVocabularyCounter(an analysis.Analyzer) *vocabularyCounter {
	return &vocabularyCounter{an: an, words: wordCounts{},
		m: mentions{people: map[string]int{}, munis: map[string]int{}, themes: map[string]int{}}}
}

// article counts what article a mentions and the words of its title and
// headings; not its passages' text (see passage).
func (v *vocabularyCounter) article(a *corpus.Article) {
	v.add(a.Title)
	headings := map[string]bool{}
	for _, p := range a.Passages {
		for _, h := range p.Headings {
			if !headings[h] {
				headings[h] = true
				v.add(h)
			}
		}
		count(v.m.people, p.People)
		count(v.m.munis, p.Municipalities)
		count(v.m.themes, p.Themes)
	}
	for _, q := range a.Quotes {
		v.m.people[q.Speaker]++
		count(v.m.themes, q.Themes)
	}
}

// passage counts the words of a passage's text, analyzed into toks.
func (v *vocabularyCounter) passage(text string, toks analysis.TokenStream) {
	v.words.addTokens(text, toks)
}

func (v *vocabularyCounter) add(text string) { v.words.add(v.an, text) }

// vocabulary is the vocabulary counted, with the corpus's names.
func (v *vocabularyCounter) vocabulary(c *corpus.Corpus) Vocabulary {
	voc := Vocabulary{Names: vocabularyNames(c, v.m, v.add)}
	for lower, ws := range v.words {
		voc.Words = append(voc.Words, Word{Text: ws.display(lower), Term: ws.term(), Count: ws.count})
	}
	sort.Slice(voc.Words, func(i, j int) bool { return voc.Words[i].Text < voc.Words[j].Text })
	return voc
}

// mentions counts how often the corpus mentions each person, municipality
// and theme, by id.
type mentions struct{ people, munis, themes map[string]int }

func count(m map[string]int, ids []string) {
	for _, id := range ids {
		m[id]++
	}
}

// vocabularyNames lists the names of people, municipalities, themes and
// role categories with how often they are mentioned; add is told the
// texts of the registries, whose words belong to the vocabulary too.
func vocabularyNames(c *corpus.Corpus, m mentions, add func(text string)) []Name {
	var names []Name
	for _, p := range c.People {
		add(p.Name)
		add(strings.Join([]string{p.Role, p.Organisation}, " \n "))
		m.people[p.ID]++
		m.munis[p.Municipality]++
		n := Name{Kind: NamePerson, Value: p.ID, Text: p.Name, Detail: p.Role, Count: m.people[p.ID]}
		if mu := c.Municipality(p.Municipality); mu != nil {
			n.Detail += ", " + mu.Name
		}
		n.URL = PersonURL(p.ID)
		names = append(names, n)
	}
	for _, mu := range c.Municipalities {
		add(strings.Join(append([]string{mu.Name}, mu.Aliases...), " \n "))
		names = append(names, Name{Kind: NameMunicipality, Value: mu.ID, Text: mu.Name, Aliases: mu.Aliases, Detail: mu.Province, Count: m.munis[mu.ID]})
	}
	for _, t := range c.Themes {
		names = append(names, Name{Kind: NameTheme, Value: t.ID, Text: t.Label, Count: m.themes[t.ID]})
	}
	// A role category is found by its label and by the roles as written of
	// the people in it ("wethouder" finds Bestuur).
	for _, rc := range corpus.RoleCategories {
		n := Name{Kind: NameRole, Value: rc.ID, Text: rc.Label, Detail: "Rol"}
		seen := map[string]bool{}
		for _, p := range c.People {
			if p.RoleCategory != rc.ID {
				continue
			}
			n.Count += m.people[p.ID]
			if k := corpus.FoldName(p.Role); p.Role != "" && !seen[k] {
				seen[k] = true
				n.Aliases = append(n.Aliases, p.Role)
			}
		}
		if n.Count > 0 {
			names = append(names, n)
		}
	}
	return names
}

// wordCounts holds the statistics of each word, by its lower-case form.
type wordCounts map[string]*wordStats

// add counts the words of text, each once however often text has it.
func (words wordCounts) add(an analysis.Analyzer, text string) {
	words.addTokens(text, an.Analyze([]byte(text)))
}

// addTokens is add of a text analyzed into toks.
func (words wordCounts) addTokens(text string, toks analysis.TokenStream) {
	seen := map[string]bool{}
	for _, tok := range toks {
		if tok.Start < 0 || tok.End > len(text) || tok.Start >= tok.End ||
			!utf8.RuneStart(text[tok.Start]) || (tok.End < len(text) && !utf8.RuneStart(text[tok.End])) {
			continue // offsets that do not point into the text as written
		}
		if analyzer.IsPart(tok.Term) {
			continue // a compound's part: its surface is the compound
		}
		surface := text[tok.Start:tok.End]
		if !isWord(surface) {
			continue
		}
		lower := strings.ToLower(surface)
		ws := words[lower]
		if ws == nil {
			ws = &wordStats{}
			words[lower] = ws
		}
		ws.addTerm(tok.Term)
		switch {
		case surface == lower:
			ws.lower++
		case !sentenceStart(text, tok.Start):
			if ws.cased == nil {
				ws.cased = map[string]int{}
			}
			ws.cased[surface]++
		}
		if !seen[lower] {
			seen[lower] = true
			ws.count++
		}
	}
}

// wordStats are the statistics of one word. A corpus has many words, so
// they are small: most words have one term, and most are never written
// with capitals but at a sentence start.
type wordStats struct {
	count int
	lower int            // occurrences in lower case
	cased map[string]int // occurrences with capitals, not at a sentence start; nil for none
	terms []termCount    // the terms the analyzer gave the word
}

// termCount is how often a word was indexed under a term.
type termCount struct {
	term string
	n    int
}

func (ws *wordStats) addTerm(term []byte) {
	for i := range ws.terms {
		if ws.terms[i].term == string(term) {
			ws.terms[i].n++
			return
		}
	}
	ws.terms = append(ws.terms, termCount{string(term), 1})
}

// display is the word as completion shows it: lower case when the corpus
// ever writes it so, else its most frequent form with capitals where a
// sentence start does not explain them (AVG, Amsterdam).
func (ws *wordStats) display(lower string) string {
	if ws.lower > 0 {
		return lower
	}
	best, n := "", 0
	for form, c := range ws.cased {
		if c > n || c == n && form < best {
			best, n = form, c
		}
	}
	if best == "" {
		return lower // only ever at the start of a sentence
	}
	return best
}

// term is the word's most frequent indexed term (a word has one term
// unless the analyzer depends on context).
func (ws *wordStats) term() string {
	best, n := "", 0
	for _, tc := range ws.terms {
		if tc.n > n || tc.n == n && tc.term < best {
			best, n = tc.term, tc.n
		}
	}
	return best
}

// isWord reports whether a token is worth completing: two or more
// characters, at least one a letter.
func isWord(s string) bool {
	if utf8.RuneCountInString(s) < 2 {
		return false
	}
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// sentenceStart reports whether the word at offset i begins a sentence:
// only spaces, quotes or brackets stand between it and the start of the
// text or a full stop, question or exclamation mark.
func sentenceStart(text string, i int) bool {
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(text[:i])
		switch {
		case unicode.IsSpace(r) || strings.ContainsRune("\"“„‘'([-–—", r):
			i -= n
		case strings.ContainsRune(".!?…:", r):
			return true
		default:
			return false
		}
	}
	return true
}

// ReadVocabulary reads the vocabulary stored in an index. An index built
// before vocabularies were stored has none: it reads as empty, so that
// completion offers nothing rather than the index failing to open.
func ReadVocabulary(idx bleve.Index) (Vocabulary, error) {
	var v Vocabulary
	return v, readOptional(idx, internalVocabulary, &v)
}
