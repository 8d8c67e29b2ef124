package analyzer

import (
	"sort"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2/analysis"
)

// Goals of TestConflation: F1 and precision of the index analyzer's
// conflation on the treebank.
const (
	minConflationF1        = 0.60
	minConflationPrecision = 0.54
)

// conflation measures how an analyzer conflates the treebank's word forms:
// over the distinct lower-cased forms, the pairs that share a gold lemma
// and the pairs that get one indexed term (the term of the whole word, not
// of a compound's part). Recall is the share of the lemma pairs that share
// a term, precision the share of the term pairs that share a lemma.
func conflation(sents []sentence, a analysis.Analyzer) (recall, precision, f1 float64, lemmaPairs, termPairs int) {
	lemmas := map[string]map[string]bool{} // form -> gold lemmas
	for _, s := range sents {
		for _, w := range s.words {
			form := strings.ToLower(w.form)
			lemma := strings.ToLower(strings.ReplaceAll(w.lemma, "_", ""))
			if lemmas[form] == nil {
				lemmas[form] = map[string]bool{}
			}
			lemmas[form][lemma] = true
		}
	}
	byLemma := map[string][]string{}
	byTerm := map[string][]string{}
	for form, ls := range lemmas {
		for l := range ls {
			byLemma[l] = append(byLemma[l], form)
		}
		if ts := a.Analyze([]byte(form)); len(ts) > 0 {
			byTerm[string(ts[0].Term)] = append(byTerm[string(ts[0].Term)], form)
		}
	}
	pairs := func(groups map[string][]string) map[[2]string]bool {
		out := map[[2]string]bool{}
		for _, forms := range groups {
			sort.Strings(forms)
			for i := range forms {
				for j := i + 1; j < len(forms); j++ {
					out[[2]string{forms[i], forms[j]}] = true
				}
			}
		}
		return out
	}
	lp, tp := pairs(byLemma), pairs(byTerm)
	both := 0
	for p := range tp {
		if lp[p] {
			both++
		}
	}
	recall = float64(both) / float64(len(lp))
	precision = float64(both) / float64(len(tp))
	f1 = 2 * recall * precision / (recall + precision)
	return recall, precision, f1, len(lp), len(tp)
}

// TestConflation measures the index analyzer's conflation on the treebank
// (see conflation) and requires F1 and precision to reach their goals.
func TestConflation(t *testing.T) {
	sents := readTreebank(t)
	index, _ := analyzers(t)
	r, p, f1, lp, tp := conflation(sents, index)
	t.Logf("conflation on the treebank: F1 %.3f, recall %.3f, precision %.3f (%d pairs sharing a lemma, %d sharing a term)", f1, r, p, lp, tp)
	// The dev and test parts on their own, for comparison.
	for _, part := range []string{"dev", "test"} {
		r, p, f1, lp, tp := conflation(readTreebankGlob(t, "*-"+part+".conllu"), index)
		t.Logf("  %s files only: F1 %.3f, recall %.3f, precision %.3f (%d lemma pairs, %d term pairs)", part, f1, r, p, lp, tp)
	}
	if f1 < minConflationF1 || p < minConflationPrecision {
		t.Errorf("F1 %.3f, precision %.3f: want F1 at least %.2f and precision at least %.2f", f1, p, minConflationF1, minConflationPrecision)
	}
}
