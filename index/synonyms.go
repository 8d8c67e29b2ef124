package index

import (
	"fmt"
	"slices"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"

	"vanelkaar/corpus"
	"vanelkaar/index/analyzer"
)

// internalSynonyms is the internal key the synonym rules are stored under.
const internalSynonyms = "vanelkaar.synonyms"

// SynonymRule is one set of synonyms.yaml as a searcher applies it: a
// query that holds one of Triggers (through the query analyzer, as a
// phrase when it has several words) also searches for Targets. For an
// equivalence set both are the set's words. Rules are stored in the index
// so a searcher needs no corpus.
type SynonymRule struct {
	ID       string   `json:"id"`
	Triggers []string `json:"from"`
	Targets  []string `json:"to"`
}

// SynonymsOf returns the synonym rules of a corpus, the sets named in
// to_sets resolved.
func SynonymsOf(c *corpus.Corpus) []SynonymRule {
	out := make([]SynonymRule, 0, len(c.Synonyms))
	for _, s := range c.Synonyms {
		out = append(out, SynonymRule{ID: s.ID, Triggers: s.Triggers(), Targets: c.SynonymTargets(s)})
	}
	return out
}

// ReadSynonyms reads the synonym rules stored in an index; an index built
// before synonyms existed has none.
func ReadSynonyms(idx bleve.Index) ([]SynonymRule, error) {
	var rules []SynonymRule
	return rules, readOptional(idx, internalSynonyms, &rules)
}

// AnalyzeGroups returns the terms an analyzer makes of text, one group
// per position: a text holds the words when it has one term of each group.
func AnalyzeGroups(an analysis.Analyzer, text string) [][]string {
	var out [][]string
	last := 0
	for _, t := range an.Analyze([]byte(text)) {
		if len(out) == 0 || t.Position != last {
			out = append(out, nil)
			last = t.Position
		}
		out[len(out)-1] = append(out[len(out)-1], string(t.Term))
	}
	return out
}

// GroupsMeet reports whether two analyzed words already find each other
// without a synonym: as many positions, and a term in common at each.
func GroupsMeet(a, b [][]string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !slices.ContainsFunc(a[i], func(t string) bool { return slices.Contains(b[i], t) }) {
			return false
		}
	}
	return true
}

// SynonymProblems checks the synonym sets of a corpus through the query
// analyzer, which the corpus package cannot see: a word that analyzes to
// nothing (only stop words) is an error; two words of a set that already
// find each other, and a set whose words all do (it changes nothing), are
// warnings. Problems are reported at the word's line of synonyms.yaml.
func SynonymProblems(c *corpus.Corpus) corpus.Problems {
	an, err := analyzer.NewQuery()
	if err != nil {
		return corpus.Problems{{Path: corpus.SynonymsFile, Severity: corpus.Error, Message: err.Error()}}
	}
	var ps corpus.Problems
	add := func(sev corpus.Severity, line int, format string, args ...any) {
		ps = append(ps, corpus.Problem{Path: corpus.SynonymsFile, Line: line, Severity: sev, Message: fmt.Sprintf(format, args...)})
	}
	type word struct {
		text   string
		line   int
		groups [][]string
	}
	analyzed := func(words []string, lines []int) []word {
		var out []word
		for i, w := range words {
			g := AnalyzeGroups(an, w)
			if len(g) == 0 {
				add(corpus.Error, lines[i], "%q analyzes to no terms (it has only stop words): it cannot be searched", w)
				continue
			}
			out = append(out, word{w, lines[i], g})
		}
		return out
	}
	for _, s := range c.Synonyms {
		if !s.OneWay() {
			ws := analyzed(s.Same, s.SameLines)
			distinct := 0
			for i, w := range ws {
				j := slices.IndexFunc(ws[:i], func(v word) bool { return GroupsMeet(v.groups, w.groups) })
				if j < 0 {
					distinct++
					continue
				}
				add(corpus.Warning, w.line, "synonym set %q: %q and %q already find each other (%s): one is enough", s.ID, ws[j].text, w.text, termsString(w.groups))
			}
			if len(ws) > 1 && distinct == 1 {
				add(corpus.Warning, s.Line, "synonym set %q changes nothing: all its words analyze to %s", s.ID, termsString(ws[0].groups))
			}
			continue
		}
		from := analyzed(s.From, s.FromLines)
		to := analyzed(s.To, s.ToLines)
		useful := len(s.ToSets) > 0
		for _, t := range to {
			if i := slices.IndexFunc(from, func(f word) bool { return GroupsMeet(f.groups, t.groups) }); i >= 0 {
				add(corpus.Warning, t.line, "synonym set %q: %q already finds %q (%s)", s.ID, from[i].text, t.text, termsString(t.groups))
				continue
			}
			useful = true
		}
		if len(from) > 0 && !useful {
			add(corpus.Warning, s.Line, "synonym set %q changes nothing: its words in to already find each other", s.ID)
		}
	}
	return ps
}

func termsString(groups [][]string) string {
	parts := make([]string, len(groups))
	for i, g := range groups {
		parts[i] = strings.Join(g, "|")
	}
	return `"` + strings.Join(parts, " ") + `"`
}
