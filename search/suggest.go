package search

import (
	"context"
	"fmt"
	"math"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	bsearch "github.com/blevesearch/bleve/v2/search"

	"vanelkaar/index"
	"vanelkaar/search/query"
)

// Kinds of suggestions: a word of the corpus, or a name.
const (
	SuggestWord         = "word"
	SuggestPerson       = index.NamePerson
	SuggestMunicipality = index.NameMunicipality
	SuggestTheme        = index.NameTheme
	SuggestRole         = index.NameRole
)

// Suggest limits.
const (
	DefaultSuggestions = 8
	MaxSuggestions     = 20
	// typoMinRunes is the length from which a typed word may hold one typo.
	typoMinRunes = 5
	// formsPerTerm is how many written forms of one stem are offered
	// (gemeente, gemeenten), so that one word does not fill the list.
	formsPerTerm = 2
)

// Suggestions answers a completion request.
type Suggestions struct {
	Query       string       `json:"query"`
	Suggestions []Suggestion `json:"suggestions"`
}

// Suggestion is one completion of what the user is typing.
type Suggestion struct {
	// Text is what to show and, for a word, the query to search: the
	// words typed so far with the last one completed.
	Text string `json:"text"`
	Kind string `json:"kind"`
	// Filter and Value are the facet and value that select a
	// municipality, theme or role; a person's Value is their id and URL
	// their page.
	Filter string `json:"filter,omitempty"`
	Value  string `json:"value,omitempty"`
	// Detail says who or what a name is: a person's role and municipality.
	Detail string `json:"detail,omitempty"`
	URL    string `json:"url,omitempty"`
	// Count is the number of texts that hold the word, or the passages,
	// quotes and people a name concerns.
	Count int `json:"count"`
	// Typo tells that the suggestion matched with one typo.
	Typo bool `json:"typo"`

	score float64
	term  string
}

// Suggest completes what a user is typing: the last word from the words
// of the corpus as written, and the whole text from the names of people,
// municipalities and themes. A word of five letters or more may hold one
// typo. The most useful come first: exact beginnings before typos, then
// by how often the corpus uses them, names a little ahead of words.
func (s *Searcher) Suggest(ctx context.Context, q string, limit int) (*Suggestions, error) {
	l, release, err := s.acquire()
	if err != nil {
		return nil, err
	}
	defer release()
	var bad []InvalidParam
	if problem := queryTextProblem(q); problem != "" {
		bad = append(bad, InvalidParam{Name: "q", Reason: problem})
	}
	if limit == 0 {
		limit = DefaultSuggestions
	}
	if limit < 1 || limit > MaxSuggestions {
		bad = append(bad, InvalidParam{Name: "size", Reason: fmt.Sprintf("must be between 1 and %d", MaxSuggestions)})
	}
	if len(bad) > 0 {
		return nil, &RequestError{Params: bad}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	list := l.vocab.suggest(q, 2*limit)
	kept := list[:0]
	for _, sg := range list {
		if sg.Kind == SuggestWord {
			ok, err := l.pairOccurs(ctx, sg.Text)
			if err != nil {
				return nil, err
			}
			if !ok {
				continue
			}
		}
		kept = append(kept, sg)
		if len(kept) == limit {
			break
		}
	}
	return &Suggestions{Query: q, Suggestions: kept}, nil
}

// pairOccurs reports whether the last two words of a completed query
// stand side by side within one sentence somewhere in the corpus, so that
// completion never offers a pair the text does not have: a first name
// followed by a word that begins like the surname ("ger balans"), or the
// last word of one sentence and the first of the next ("proces
// overeenkomsten"). Positions in the index run on across sentences, so a
// phrase match is confirmed on the stored text: nothing but spaces and
// hyphens may stand between the two words. A single word occurs by
// construction.
func (l *loaded) pairOccurs(ctx context.Context, text string) (bool, error) {
	words := query.Words(text)
	if len(words) < 2 || strings.HasPrefix(words[len(words)-1], "-") || strings.HasPrefix(words[len(words)-2], "-") || words[len(words)-2] == query.OrWord {
		return true, nil
	}
	pair := strings.Join(words[len(words)-2:], " ")
	sr := bleve.NewSearchRequestOptions(fieldsQuery(pair, 1), pairHits, 0, false)
	sr.Score = bleve.ScoreNone
	sr.IncludeLocations = true
	sr.Fields = []string{index.FieldNames}
	br, err := l.idx.SearchInContext(ctx, sr)
	if err != nil {
		return false, fmt.Errorf("suggest: %w", err)
	}
	for _, h := range br.Hits {
		for field, terms := range h.Locations {
			text, err := l.fieldText(h, field)
			if err != nil {
				return false, fmt.Errorf("suggest: %w", err)
			}
			if adjacentInSentence(text, terms) {
				return true, nil
			}
		}
	}
	return false, nil
}

// fieldText is the text of a hit's text field: the names as stored, the
// others from the hit's record (see index.Record.FieldText).
func (l *loaded) fieldText(h *bsearch.DocumentMatch, field string) (any, error) {
	if field == index.FieldNames {
		return h.Fields[field], nil
	}
	rec, err := l.record(h.ID)
	if err != nil {
		return nil, err
	}
	return rec.FieldText(field), nil
}

// pairHits bounds the documents read to confirm a pair: a pair that only
// crosses sentences in the first few is not worth offering.
const pairHits = 20

// adjacentInSentence reports whether two of the matched terms stand at
// neighbouring positions of one value of a stored field with nothing
// between them that ends a sentence or a clause.
func adjacentInSentence(stored any, terms bsearch.TermLocationMap) bool {
	values := storedValues(stored)
	// A position may hold several terms (a compound and its parts, the
	// parts of a hyphenated word): keep the widest span of each.
	type key struct {
		value uint64
		pos   uint64
	}
	type span struct{ start, end uint64 }
	at := map[key]span{}
	for _, locs := range terms {
		for _, loc := range locs {
			var value uint64
			if len(loc.ArrayPositions) > 0 {
				value = loc.ArrayPositions[0]
			}
			k := key{value, loc.Pos}
			sp, ok := at[k]
			if !ok || loc.Start < sp.start {
				sp.start = loc.Start
			}
			if loc.End > sp.end {
				sp.end = loc.End
			}
			at[k] = sp
		}
	}
	for k, first := range at {
		next, ok := at[key{k.value, k.pos + 1}]
		if !ok || int(k.value) >= len(values) {
			continue
		}
		v := values[k.value]
		if first.end <= next.start && int(next.start) <= len(v) &&
			strings.Trim(v[first.end:next.start], " \t-\u00a0") == "" {
			return true
		}
	}
	return false
}

// storedValues returns a stored field's values: one string, or the
// strings of an array field; never empty.
func storedValues(stored any) []string {
	switch v := stored.(type) {
	case string:
		return []string{v}
	case []any:
		out := make([]string, 0, len(v))
		for _, e := range v {
			s, _ := e.(string)
			out = append(out, s)
		}
		if len(out) > 0 {
			return out
		}
	}
	return []string{""}
}

// suggest returns up to limit completions of q: words completing the word
// being typed, and names completing the whole text.
func (v *vocabulary) suggest(q string, limit int) []Suggestion {
	out := []Suggestion{}
	head, last := splitLastWord(q)
	key := fold(last)
	if key != "" {
		out = append(out, v.completeWord(head, key, limit)...)
	}
	// Names match the whole text typed, without the query syntax; not
	// when the word being typed is one to exclude.
	if !strings.HasSuffix(strings.TrimRightFunc(head, unicode.IsLetter), "-") {
		if typed := typedWords(q); typed != "" {
			out = preferNames(out, v.completeName(typed, runeCount(key) >= typoMinRunes))
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].score != out[j].score {
			return out[i].score > out[j].score
		}
		return out[i].Text < out[j].Text
	})
	return firstSuggestions(out, limit)
}

// splitLastWord splits q into the word being typed, unless the user has
// finished it with a space, and head, what comes before it, kept as typed
// (with its quotes or minus).
func splitLastWord(q string) (head, last string) {
	head = q
	if r, _ := utf8.DecodeLastRuneInString(q); !unicode.IsSpace(r) {
		i := strings.LastIndexFunc(q, unicode.IsSpace) + 1
		j := strings.IndexFunc(q[i:], func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) })
		if j >= 0 {
			head, last = q[:i+j], q[i+j:]
		}
	}
	return head, last
}

// typedWords returns the folded words of q without the query syntax:
// quotation marks, minus signs and the word for OR.
func typedWords(q string) string {
	words := strings.Fields(strings.NewReplacer(`"`, " ", "“", " ", "”", " ", "„", " ").Replace(q))
	for i, w := range words {
		words[i] = strings.TrimLeft(w, "-")
		if words[i] == query.OrWord {
			words[i] = ""
		}
	}
	return fold(strings.Join(words, " "))
}

// preferNames adds names to the word suggestions; a word that is also a
// name is offered as the name.
func preferNames(words, names []Suggestion) []Suggestion {
	isName := map[string]bool{}
	for _, n := range names {
		isName[fold(n.Text)] = true
	}
	kept := words[:0]
	for _, s := range words {
		if !isName[fold(s.Text)] {
			kept = append(kept, s)
		}
	}
	return append(kept, names...)
}

// firstSuggestions returns the first limit of the ranked suggestions, with
// at most formsPerTerm forms of one stem, and each text once.
func firstSuggestions(ranked []Suggestion, limit int) []Suggestion {
	perTerm := map[string]int{}
	seen := map[string]bool{}
	kept := ranked[:0]
	for _, s := range ranked {
		if s.Kind == SuggestWord {
			if perTerm[s.term] >= formsPerTerm {
				continue
			}
			perTerm[s.term]++
		}
		if seen[s.Kind+"\x00"+s.Text] {
			continue
		}
		seen[s.Kind+"\x00"+s.Text] = true
		kept = append(kept, s)
		if len(kept) == limit {
			break
		}
	}
	return kept
}

// Scores: an exact beginning always ranks above a typo; within each,
// frequency decides, names get a small lead.
const (
	typoPenalty = 1000
	nameBonus   = 1.5
	wholeBonus  = 0.5 // the typed word is the whole word
)

// completeWord returns the words that start with key, or, when those do
// not fill the list and key is long enough, the words that start with key
// but for one typo.
func (v *vocabulary) completeWord(head, key string, limit int) []Suggestion {
	var out []Suggestion
	add := func(w vword, typo bool) {
		sc := math.Log1p(float64(w.Count))
		if w.key == key {
			sc += wholeBonus
		}
		if typo {
			sc -= typoPenalty
		}
		out = append(out, Suggestion{Text: head + w.Text, Kind: SuggestWord, Count: w.Count, Typo: typo, score: sc, term: w.Term})
	}
	exact := v.prefixRange(key)
	for _, w := range exact {
		add(w, false)
	}
	k := []rune(key)
	if len(exact) >= limit*formsPerTerm || len(k) < typoMinRunes {
		return out
	}
	// A typo rarely hits the first letter; searching only words that
	// start like the typed one keeps the scan short.
	first, _ := utf8.DecodeRuneInString(key)
	for _, w := range v.prefixRange(string(first)) {
		if strings.HasPrefix(w.key, key) {
			continue
		}
		if editDistance(k, w.runes, 1, true) <= 1 {
			add(w, true)
		}
	}
	return out
}

// completeName returns the names one of whose forms starts with the typed
// text, or, when typos are allowed, with it but for one typo.
func (v *vocabulary) completeName(typed string, typos bool) []Suggestion {
	var out []Suggestion
	t := []rune(typed)
	for _, n := range v.names {
		typo := true
		for _, k := range n.keys {
			if strings.HasPrefix(k, typed) {
				typo = false
				break
			}
		}
		if typo {
			if !typos {
				continue
			}
			ok := false
			for _, k := range n.runes {
				if editDistance(t, k, 1, true) <= 1 {
					ok = true
					break
				}
			}
			if !ok {
				continue
			}
		}
		sc := math.Log1p(float64(n.Count)) + nameBonus
		if typo {
			sc -= typoPenalty
		}
		s := Suggestion{Text: n.Text, Kind: n.Kind, Value: n.Value, Detail: n.Detail, URL: n.URL, Count: n.Count, Typo: typo, score: sc}
		switch n.Kind {
		case index.NamePerson:
			s.Filter = FacetSpeaker
		case index.NameMunicipality:
			s.Filter = FacetMunicipality
		case index.NameTheme:
			s.Filter = FacetTheme
		case index.NameRole:
			s.Filter = FacetRole
		}
		out = append(out, s)
	}
	return out
}
