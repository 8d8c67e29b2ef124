package search

import (
	"context"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"

	"vanelkaar/index"
	"vanelkaar/search/query"
)

// Kinds of expansion.
const (
	ExpandSynonym  = "synonym"  // a set of synonyms.yaml
	ExpandSpelling = "spelling" // the same words written together or apart
)

// Weights of what a query also searches for, relative to the typed words:
// a text with the words as typed ranks above one with only a synonym.
const (
	synonymBoost  = 0.5
	spellingBoost = 0.8
	// maxSplits bounds the spaced spellings tried for one unknown word.
	maxSplits = 2
)

// Expansion tells a user what a query searched for besides the words
// typed: "inwoners" also as "burgers" and "bewoners".
type Expansion struct {
	// Words are the typed words that were expanded.
	Words string `json:"words"`
	// Also are the words searched for as well, as written in the synonym
	// list (or the spelling tried).
	Also []string `json:"also"`
	Kind string   `json:"kind"` // ExpandSynonym or ExpandSpelling
}

// Expanded is a part of a query together with what it is also searched
// for. The search makes it from a parsed query, Parse never does; String
// gives the typed words, so the query a user sees is theirs.
type Expanded struct {
	Typed []query.Q // the Terms or the Phrase as typed
	Alts  []Alt
	Kind  string
}

// Alt is one alternative of an Expanded: words searched for as a phrase
// when there are several.
type Alt struct {
	Text   string
	groups [][]string // the query analyzer's terms of Text, per position
}

// String is the typed words: Expanded is a query.Extension whose
// children are the clauses as typed.
func (e Expanded) String() string { return query.And{Qs: e.Typed}.String() }

func (e Expanded) Children() []query.Q { return e.Typed }

func (e Expanded) WithChildren(typed []query.Q) query.Q {
	e.Typed = typed
	return e
}

// synonyms are the index's synonym rules, analyzed once when it is opened.
type synonyms struct {
	// byTerm lists the triggers by each term of their first position.
	byTerm map[string][]*trigger
}

type trigger struct {
	groups  [][]string
	targets []Alt
}

func newSynonyms(rules []index.SynonymRule, analyze analyzeFunc) *synonyms {
	s := &synonyms{byTerm: map[string][]*trigger{}}
	for _, r := range rules {
		var targets []Alt
		for _, t := range r.Targets {
			if g := analyze(t); len(g) > 0 {
				targets = append(targets, Alt{Text: t, groups: g})
			}
		}
		for _, w := range r.Triggers {
			g := analyze(w)
			if len(g) == 0 {
				continue
			}
			tr := &trigger{groups: g, targets: targets}
			for _, term := range g[0] {
				s.byTerm[term] = append(s.byTerm[term], tr)
			}
		}
	}
	return s
}

// expand rewrites the top level of a parsed query: runs of typed words
// that a synonym set holds become Expanded with the set's other words, and
// so do words that the index holds written together or apart ("start ups"
// and "startups"); in an OR group, each word or phrase that is a whole
// synonym on its own. Excluded words and phrases other than a whole
// synonym stay as typed. Alternatives whose terms the index does not
// hold are left out: they would find nothing and only clutter the
// "also searched for" line. With keepLast the last clause, a word still
// being typed, is left as it is.
func (l *loaded) expand(ctx context.Context, q query.And, keepLast bool) (query.And, []Expansion, error) {
	and := q
	if and.Empty() {
		return q, []Expansion{}, nil
	}
	var last []query.Q
	if keepLast {
		last = and.Qs[len(and.Qs)-1:]
		and = query.And{Qs: and.Qs[:len(and.Qs)-1]}
	}
	groups := make([][][]string, len(and.Qs))
	for i, c := range and.Qs {
		if a, ok := c.(query.Atom); ok {
			groups[i] = l.analyzeTerms(a.Words())
		}
	}
	out := query.And{}
	exps := []Expansion{}
	for i := 0; i < len(and.Qs); {
		end, alts, err := l.synonymsAt(ctx, and.Qs, groups, i)
		if err != nil {
			return query.And{}, nil, err
		}
		kind := ExpandSynonym
		if len(alts) == 0 {
			end, alts, err = l.spellingsAt(ctx, and.Qs, groups, i)
			if err != nil {
				return query.And{}, nil, err
			}
			kind = ExpandSpelling
		}
		if len(alts) == 0 {
			c := and.Qs[i]
			if or, ok := c.(query.Or); ok {
				var orExps []Expansion
				if c, orExps, err = l.expandOr(ctx, or); err != nil {
					return query.And{}, nil, err
				}
				exps = append(exps, orExps...)
			}
			out.Qs = append(out.Qs, c)
			i++
			continue
		}
		e := Expanded{Typed: slices.Clone(and.Qs[i:end]), Alts: alts, Kind: kind}
		out.Qs = append(out.Qs, e)
		exp := Expansion{Words: e.String(), Kind: kind}
		for _, a := range alts {
			exp.Also = append(exp.Also, a.Text)
		}
		exps = append(exps, exp)
		i = end
	}
	out.Qs = append(out.Qs, last...)
	return out, exps, nil
}

// expandOr expands each word or phrase of an OR group that is a whole
// synonym trigger on its own: "AVG OR privacy" also finds GDPR.
func (l *loaded) expandOr(ctx context.Context, or query.Or) (query.Q, []Expansion, error) {
	out := query.Or{Qs: make([]query.Q, len(or.Qs))}
	var exps []Expansion
	for k, c := range or.Qs {
		out.Qs[k] = c
		a, ok := c.(query.Atom)
		if !ok {
			continue
		}
		qs, groups := []query.Q{c}, [][][]string{l.analyzeTerms(a.Words())}
		end, alts, err := l.synonymsAt(ctx, qs, groups, 0)
		if err != nil {
			return nil, nil, err
		}
		if len(alts) == 0 || end != 1 {
			continue
		}
		e := Expanded{Typed: qs, Alts: alts, Kind: ExpandSynonym}
		out.Qs[k] = e
		exp := Expansion{Words: e.String(), Kind: ExpandSynonym}
		for _, a := range alts {
			exp.Also = append(exp.Also, a.Text)
		}
		exps = append(exps, exp)
	}
	return out, exps, nil
}

// synonymsAt finds the longest synonym trigger that the typed words from
// clause i on make up, whole clauses only: a phrase must be the whole
// trigger, words are read on as long as the trigger is longer. It returns
// the end of the clauses it covers and the alternatives of every trigger
// of that length.
func (l *loaded) synonymsAt(ctx context.Context, qs []query.Q, groups [][][]string, i int) (int, []Alt, error) {
	if l.synonyms == nil || len(groups[i]) == 0 {
		return i, nil, nil
	}
	_, phrase := qs[i].(query.Phrase)
	var cands []*trigger
	for _, t := range groups[i][0] {
		cands = append(cands, l.synonyms.byTerm[t]...)
	}
	bestEnd := i
	var best []*trigger
	for _, tr := range cands {
		end, ok := matchTrigger(qs, groups, i, tr.groups, phrase)
		switch {
		case !ok || end < bestEnd:
		case end > bestEnd:
			bestEnd, best = end, []*trigger{tr}
		case !slices.Contains(best, tr):
			best = append(best, tr)
		}
	}
	if len(best) == 0 {
		return i, nil, nil
	}
	var typed [][]string
	for k := i; k < bestEnd; k++ {
		typed = append(typed, groups[k]...)
	}
	var alts []Alt
	for _, tr := range best {
		for _, a := range tr.targets {
			if index.GroupsMeet(a.groups, typed) || slices.ContainsFunc(alts, func(b Alt) bool { return index.GroupsMeet(a.groups, b.groups) }) {
				continue
			}
			ok, err := l.allIndexed(ctx, a.groups)
			if err != nil {
				return i, nil, err
			}
			if ok {
				alts = append(alts, a)
			}
		}
	}
	return bestEnd, alts, nil
}

// matchTrigger reports whether the clauses from i on start with the
// trigger's positions, ending at a clause boundary, and where they end.
func matchTrigger(qs []query.Q, groups [][][]string, i int, want [][]string, phrase bool) (int, bool) {
	if phrase {
		return i + 1, index.GroupsMeet(groups[i], want)
	}
	var got [][]string
	k := i
	for k < len(qs) && len(got) < len(want) {
		if _, ok := qs[k].(query.Term); !ok || len(groups[k]) == 0 {
			return 0, false
		}
		got = append(got, groups[k]...)
		k++
	}
	return k, index.GroupsMeet(got, want)
}

// spellingsAt tries the other spellings of the typed words at clause i:
// two words written as one ("start ups" -> "startups") when the index
// holds the joined word, and one word the index does not hold written as
// two ("startups" -> "start ups") when the index holds the two side by
// side.
func (l *loaded) spellingsAt(ctx context.Context, qs []query.Q, groups [][][]string, i int) (int, []Alt, error) {
	t, ok := qs[i].(query.Term)
	if !ok || len(groups[i]) != 1 {
		return i, nil, nil
	}
	if i+1 < len(qs) {
		if u, ok := qs[i+1].(query.Term); ok && len(groups[i+1]) == 1 {
			text := t.Text + u.Text
			g := l.analyzeTerms(text)
			if len(g) == 1 {
				ok, err := l.allIndexed(ctx, g)
				if err != nil {
					return i, nil, err
				}
				if ok {
					return i + 2, []Alt{{Text: strings.ToLower(text), groups: g}}, nil
				}
			}
		}
	}
	if known, err := l.allIndexed(ctx, groups[i]); err != nil || known {
		return i, nil, err
	}
	var alts []Alt
	w := t.Text
	for k := 1; k < len(w) && len(alts) < maxSplits; k++ {
		if !utf8.RuneStart(w[k]) || w[k-1] == '-' || w[k] == '-' {
			continue
		}
		a, b := l.analyzeTerms(w[:k]), l.analyzeTerms(w[k:])
		if len(a) != 1 || len(b) != 1 {
			continue
		}
		if ok, err := l.allIndexed(ctx, [][]string{a[0], b[0]}); err != nil || !ok {
			if err != nil {
				return i, nil, err
			}
			continue
		}
		text := strings.ToLower(w[:k] + " " + w[k:])
		found, err := l.phraseFound(ctx, text)
		if err != nil {
			return i, nil, err
		}
		if found {
			alts = append(alts, Alt{Text: text, groups: [][]string{a[0], b[0]}})
		}
	}
	return i + 1, alts, nil
}

// allIndexed reports whether every position of groups has a term the
// index holds.
func (l *loaded) allIndexed(ctx context.Context, groups [][]string) (bool, error) {
	for _, g := range groups {
		found := false
		for _, t := range g {
			ok, err := l.termIndexed(ctx, t)
			if err != nil {
				return false, err
			}
			if ok {
				found = true
				break
			}
		}
		if !found {
			return false, nil
		}
	}
	return true, nil
}

// phraseFound reports whether some text holds the words of text side by
// side.
func (l *loaded) phraseFound(ctx context.Context, text string) (bool, error) {
	sr := bleve.NewSearchRequestOptions(fieldsQuery(text, 1), 0, 0, false)
	sr.Score = bleve.ScoreNone
	br, err := l.idx.SearchInContext(ctx, sr)
	if err != nil {
		return false, err
	}
	return br.Total > 0, nil
}
