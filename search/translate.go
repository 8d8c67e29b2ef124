package search

import (
	"slices"

	"github.com/blevesearch/bleve/v2"
	bq "github.com/blevesearch/bleve/v2/search/query"

	"vanelkaar/index"
	"vanelkaar/search/query"
)

// Boosts beyond the per-field ones of index.TextFields.
const (
	proximityBoost = 0.5 // for each pair of query words found side by side
	// partBoost weighs a word found as a compound's part ("energie" in
	// "energietransitie") against the word found whole: a whole-word match
	// ranks above a part match even though parts, being rarer, have the
	// higher inverse document frequency, and even in a short text, which
	// the length prior weighs down by up to half.
	partBoost = 0.1
)

// analyzeFunc returns the terms of query words, grouped by position: a
// text matches when it has one term of each group (a group holds a word's
// spellings, such as "financieel" and "financiel" for "financiële").
type analyzeFunc func(text string) [][]string

// textQuery builds the query of the user's words, or nil for none. Words
// that the analyzer drops entirely (stop words such as "de") are left out
// rather than making the query match nothing. The last word also matches
// the terms of completions (instant search), when there are any.
func textQuery(q query.And, analyze analyzeFunc, anyWord bool, completions []string) bq.Query {
	var must, mustNot, should []bq.Query
	var plain []string
	for i, c := range q.Qs {
		switch c := c.(type) {
		case query.Not:
			if sub := clauseQuery(c.Q, analyze); sub != nil {
				mustNot = append(mustNot, sub)
			}
		default:
			sub := clauseQuery(c, analyze)
			if _, ok := c.(query.Term); ok && i == len(q.Qs)-1 {
				sub = withCompletions(sub, completions)
			}
			if sub != nil {
				must = append(must, sub)
				switch c := c.(type) {
				case query.Term:
					plain = append(plain, c.Text)
				case Expanded:
					// The typed words still count side by side.
					for _, t := range c.Typed {
						if t, ok := t.(query.Term); ok {
							plain = append(plain, t.Text)
						}
					}
				}
			}
		}
	}
	if len(must) == 0 {
		return nil
	}
	// Words that stand side by side in the text as in the query rank
	// higher. Only the running text is checked: titles and headings are
	// short and weigh a lot already, and each field checked costs a phrase
	// search over every match.
	for i := 0; i+1 < len(plain); i++ {
		should = append(should, fieldsQuery(plain[i]+" "+plain[i+1], proximityBoost, index.FieldBody, index.FieldQuote))
	}
	b := bleve.NewBooleanQuery()
	if anyWord {
		b.AddShould(must...)
		if len(must) > 1 {
			b.Should.(*bq.DisjunctionQuery).SetMin(1)
		}
	} else {
		b.AddMust(must...)
		b.AddShould(should...)
	}
	b.AddMustNot(mustNot...)
	if !anyWord && len(should) > 0 {
		// Should clauses only add to the score.
		b.Should.(*bq.DisjunctionQuery).SetMin(0)
	}
	return b
}

// clauseQuery is one word, phrase or OR group across every text field.
func clauseQuery(q query.Q, analyze analyzeFunc) bq.Query {
	switch q := q.(type) {
	case query.Term:
		groups := analyze(q.Text)
		if len(groups) == 0 {
			return nil
		}
		return termsQuery(groups)
	case query.Phrase:
		if len(analyze(q.Text)) == 0 {
			return nil
		}
		return fieldsQuery(q.Text, 1)
	case Expanded:
		typed := make([]bq.Query, 0, len(q.Typed))
		for _, c := range q.Typed {
			if sub := clauseQuery(c, analyze); sub != nil {
				typed = append(typed, sub)
			}
		}
		boost := synonymBoost
		if q.Kind == ExpandSpelling {
			boost = spellingBoost
		}
		var alts []bq.Query
		switch len(typed) {
		case 0:
		case 1:
			alts = append(alts, typed[0])
		default:
			alts = append(alts, bleve.NewConjunctionQuery(typed...))
		}
		for _, a := range q.Alts {
			if len(a.groups) == 1 {
				alts = append(alts, termsQueryBoost(a.groups, boost))
			} else {
				alts = append(alts, fieldsQuery(a.Text, boost))
			}
		}
		if len(alts) == 0 {
			return nil
		}
		return bleve.NewDisjunctionQuery(alts...)
	case query.Or:
		var alts []bq.Query
		for _, a := range q.Qs {
			if sub := clauseQuery(a, analyze); sub != nil {
				alts = append(alts, sub)
			}
		}
		if len(alts) == 0 {
			return nil
		}
		return bleve.NewDisjunctionQuery(alts...)
	}
	return nil
}

// termsQuery matches a word's terms in any text field, each with its
// boost: one term of every position group, as a whole word or, weighed
// less, as a compound's part. A word that the analyzer splits
// into several positions (such as "en/of") needs all of them.
func termsQuery(groups [][]string) bq.Query {
	return termsQueryBoost(groups, 1)
}

// termsQueryBoost is termsQuery with the field boosts multiplied by boost.
func termsQueryBoost(groups [][]string, boost float64) bq.Query {
	return wordsQuery(groups, boost, true)
}

// wordsQuery is termsQueryBoost, matching compounds' parts too when parts
// is set. The parts are a query of their own beside the whole words', not
// alternatives within each field: bleve multiplies a disjunction's score
// by the share of its clauses that match (its coord factor), and a weak
// part match in one more field would otherwise double a whole-word
// match's score. Both halves are boosted twice over, so a text without
// compounds of the word scores as it would without parts.
func wordsQuery(groups [][]string, boost float64, parts bool) bq.Query {
	if !parts {
		return fieldTermsQuery(groups, boost)
	}
	partGroups := make([][]string, len(groups))
	for i, g := range groups {
		for _, term := range g {
			partGroups[i] = append(partGroups[i], index.PartTerm(term))
		}
	}
	return bleve.NewDisjunctionQuery(
		fieldTermsQuery(groups, 2*boost),
		fieldTermsQuery(partGroups, 2*boost*partBoost),
	)
}

// fieldTermsQuery matches one term of every group in any text field.
func fieldTermsQuery(groups [][]string, boost float64) bq.Query {
	var disj []bq.Query
	for _, f := range index.TextFields {
		var conj []bq.Query
		for _, g := range groups {
			var alts []bq.Query
			for _, term := range g {
				t := bleve.NewTermQuery(term)
				t.SetField(f.Name)
				t.SetBoost(f.Boost * boost)
				alts = append(alts, t)
			}
			if len(alts) == 1 {
				conj = append(conj, alts[0])
			} else {
				conj = append(conj, bleve.NewDisjunctionQuery(alts...))
			}
		}
		if len(conj) == 1 {
			disj = append(disj, conj[0])
		} else {
			disj = append(disj, bleve.NewConjunctionQuery(conj...))
		}
	}
	return bleve.NewDisjunctionQuery(disj...)
}

// fieldsQuery matches text as a phrase in any text field (or only those
// named), each with its boost; terms at one position are alternatives.
func fieldsQuery(text string, boost float64, only ...string) bq.Query {
	var disj []bq.Query
	for _, f := range index.TextFields {
		if len(only) > 0 && !slices.Contains(only, f.Name) {
			continue
		}
		m := bleve.NewMatchPhraseQuery(text)
		m.SetField(f.Name)
		m.Analyzer = index.AnalyzerDutchQuery
		m.SetBoost(f.Boost * boost)
		disj = append(disj, m)
	}
	return bleve.NewDisjunctionQuery(disj...)
}
