package search

import (
	"context"
	"math"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"
	bsearch "github.com/blevesearch/bleve/v2/search"
	bq "github.com/blevesearch/bleve/v2/search/query"
	"github.com/google/go-cmp/cmp"

	"vanelkaar/corpus"
	"vanelkaar/corpus/corpustest"
	"vanelkaar/corpus/synth"
	"vanelkaar/index"
	"vanelkaar/search/query"
)

// TestOnePassAgreesWithBleve checks the search's own pass over the
// matches (collect) against bleve's request path it replaced: a bleve
// query of the words and the filters, sorted by score with the length
// prior, then reading order and id, with bleve's facet builders counting
// each facet under the other facets' filters. Total, the page of hits in
// order, their scores and every facet count must agree, on the fixture,
// the series and a corpus of real sentences.
func TestOnePassAgreesWithBleve(t *testing.T) {
	type corpusCase struct {
		name string
		s    func(t *testing.T) (*Searcher, []Request)
	}
	common := []Request{
		{Query: "gemeente"},
		{Query: "inwoners samenwerking"},
		{Query: `"digitale infrastructuur"`},
		{Query: "data OR privacy"},
		{Query: "gemeente -wethouder"},
		{Query: "gemeente", Page: 2, Size: 5},
		{Query: "gemeente", Sort: SortArticle},
		{},
		{Query: "wethouder", Filters: map[string][]string{FacetKind: {KindPerson, KindQuote}}},
		{Query: "blockchain gemeente"},
		{Query: "de het"},
		// Nothing has every word and filter: relaxations and any word.
		{Query: "leren van elkaar", Filters: map[string][]string{FacetKind: {KindQuote}}},
		{Query: "blockchain wethouder -gemeente", Filters: map[string][]string{FacetKind: {KindQuote}, FacetRole: {"bestuur"}}},
		{Query: `blockchain "digitale infrastructuur" OR privacy`},
	}
	cases := []corpusCase{
		{"fixture", func(t *testing.T) (*Searcher, []Request) { return fixtureSearcher(t), common }},
		{"series", func(t *testing.T) (*Searcher, []Request) { return shippedSearcher(t), common }},
		{"treebank", treebankAgreementCase},
	}
	for _, cc := range cases {
		t.Run(cc.name, func(t *testing.T) {
			s, reqs := cc.s(t)
			reqs = append(reqs, filteredVariants(t, s, reqs)...)
			for _, r := range reqs {
				t.Run(r.String(), func(t *testing.T) {
					got := mustSearch(t, s, r)
					want := bleveReference(t, s, r)
					compareAgreement(t, got, want)
					if diff := cmp.Diff(bleveRelaxations(t, s, r), got.Relaxations); diff != "" {
						t.Errorf("relaxations (-bleve +one pass):\n%s", diff)
					}
				})
			}
		})
	}
}

// treebankAgreementCase indexes 1,500 passages of real sentences and asks
// common and rare words.
func treebankAgreementCase(t *testing.T) (*Searcher, []Request) {
	sentences, err := synth.TreebankSentences(corpustest.TreebankDir(t))
	if err != nil {
		t.Fatal(err)
	}
	files, err := synth.GenerateFromSentences(synth.TreebankOptions{Passages: 1500, Seed: synth.DefaultSeed, Sentences: sentences})
	if err != nil {
		t.Fatal(err)
	}
	c, err := corpus.Load(files)
	if err != nil {
		t.Fatal(err)
	}
	s, err := searcherOfCorpus(c)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	rare := rareWords(c)
	reqs := []Request{
		{Query: "partij"}, {Query: "eerste partij"}, {Query: `"tweede wereldoorlog"`},
		{Query: "gemeente", Group: GroupMunicipality}, {Query: "partij", Size: 50, Page: 3},
	}
	for _, w := range rare.words {
		reqs = append(reqs, Request{Query: w}, Request{Query: w, Filters: map[string][]string{FacetTheme: {rare.theme}}})
	}
	reqs = append(reqs, Request{Query: rare.words[0] + " " + rare.partner}, Request{Query: slices.Concat(rare.words, []string{""})[0] + " " + rare.words[len(rare.words)-1]},
		Request{Query: strings.Join(rare.words, " ")}, Request{Query: strings.Join(rare.words, " ") + " partij", Filters: map[string][]string{FacetKind: {KindPassage}}})
	return s, reqs
}

// filteredVariants adds to each request filters on the values its facets
// count most and least, one facet and two facets at a time.
func filteredVariants(t *testing.T, s *Searcher, reqs []Request) []Request {
	var out []Request
	for _, r := range reqs {
		res := mustSearch(t, s, r)
		var picked []map[string][]string
		for _, f := range []string{FacetTheme, FacetMunicipality, FacetKind, FacetRole} {
			vs := res.Facets[f]
			if len(vs) == 0 {
				continue
			}
			picked = append(picked, map[string][]string{f: {vs[0].Value}}, map[string][]string{f: {vs[len(vs)-1].Value, vs[0].Value}})
		}
		for i, p := range picked {
			v := r
			v.Filters = p
			out = append(out, v)
			if i+2 < len(picked) {
				w := r
				w.Filters = map[string][]string{}
				for _, m := range []map[string][]string{p, picked[i+2]} {
					for k, x := range m {
						w.Filters[k] = x
					}
				}
				out = append(out, w)
			}
		}
	}
	return out
}

// agreement is what both paths must agree on.
type agreement struct {
	Total  uint64
	IDs    []string
	Scores []float64
	Facets map[string]map[string]int
}

func compareAgreement(t *testing.T, got *Result, want agreement) {
	t.Helper()
	g := agreement{Total: got.Total, IDs: hitIDs(got.Hits), Facets: map[string]map[string]int{}}
	for _, h := range got.Hits {
		g.Scores = append(g.Scores, h.Score)
	}
	for f, vs := range got.Facets {
		g.Facets[f] = facetCounts(vs)
		for v, n := range g.Facets[f] {
			if n == 0 {
				delete(g.Facets[f], v)
			}
		}
	}
	close := cmp.Comparer(func(a, b float64) bool { return math.Abs(a-b) <= 1e-9*math.Max(1, math.Abs(b)) })
	if diff := cmp.Diff(want, g, close); diff != "" {
		t.Errorf("(-bleve +one pass):\n%s", diff)
	}
}

// bleveRelaxations are the relaxations of r counted by bleve: for a
// search whose words and filters find nothing, a bleve request of each
// search with a word or a filter left out.
func bleveRelaxations(t *testing.T, s *Searcher, r Request) []Relaxation {
	t.Helper()
	l, req, q, release := expandedRequest(t, s, r)
	defer release()
	out := []Relaxation{}
	if q.Empty() || bleveTotal(t, l, translate(req, q, l.analyzeTerms, false, "")) > 0 {
		return out
	}
	cands, queries, _ := relaxationCandidates(req, q)
	for i, c := range cands {
		rr := req
		rr.Filters = c.Filters
		if c.Total = bleveTotal(t, l, translate(rr, queries[i], l.analyzeTerms, false, "")); c.Total > 0 {
			out = append(out, c)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Total > out[j].Total })
	return out
}

// expandedRequest is r as Search takes it, normalized and with its query
// expanded, in the index s serves; release gives that index back.
func expandedRequest(t *testing.T, s *Searcher, r Request) (*loaded, Request, query.And, func()) {
	t.Helper()
	l, release, err := s.acquire()
	if err != nil {
		t.Fatal(err)
	}
	req, q, err := r.normalized(l.labels)
	if err == nil {
		q, _, err = l.expand(context.Background(), q, false)
	}
	if err != nil {
		release()
		t.Fatal(err)
	}
	return l, req, q, release
}

func bleveTotal(t *testing.T, l *loaded, q bq.Query) uint64 {
	t.Helper()
	br, err := l.idx.SearchInContext(context.Background(), bleve.NewSearchRequestOptions(q, 0, 0, false))
	if err != nil {
		t.Fatal(err)
	}
	return br.Total
}

// bleveReference answers r the way Search did before its own pass: one
// bleve request for the page with facet builders for the unfiltered
// facets, and one counting request per filtered facet without its own
// filter.
func bleveReference(t *testing.T, s *Searcher, r Request) agreement {
	t.Helper()
	l, req, q, release := expandedRequest(t, s, r)
	defer release()
	a := bleveAgreement(t, l, req, q, false)
	if a.Total == 0 && len(q.Positive()) > 1 {
		if b := bleveAgreement(t, l, req, q, true); b.Total > 0 {
			a = b
		}
	}
	return a
}

func bleveAgreement(t *testing.T, l *loaded, req Request, q query.And, anyWord bool) agreement {
	t.Helper()
	ctx := context.Background()
	main := referenceHitsRequest(req, translate(req, q, l.analyzeTerms, anyWord, ""), req.Size, (req.Page-1)*req.Size)
	a := agreement{Facets: map[string]map[string]int{}}
	for _, f := range index.Facets {
		fq := translate(req, q, l.analyzeTerms, anyWord, f.ID)
		fr := bleve.NewSearchRequestOptions(fq, 0, 0, false)
		fr.AddFacet(f.ID, bleve.NewFacetRequest(f.Field, len(l.labels[f.Field])+1))
		br, err := l.idx.SearchInContext(ctx, fr)
		if err != nil {
			t.Fatal(err)
		}
		a.Facets[f.ID] = map[string]int{}
		if ft := br.Facets[f.ID].Terms; ft != nil {
			for _, term := range ft.Terms() {
				if slices.ContainsFunc(l.labels[f.Field], func(lb index.Label) bool { return lb.Value == term.Term }) {
					a.Facets[f.ID][term.Term] = term.Count
				}
			}
		}
	}
	br, err := l.idx.SearchInContext(l.scoring(ctx), main)
	if err != nil {
		t.Fatal(err)
	}
	a.Total = br.Total
	for _, h := range br.Hits {
		a.IDs = append(a.IDs, h.ID)
		a.Scores = append(a.Scores, h.Score)
	}
	if a.IDs == nil {
		a.IDs = []string{}
	}
	return a
}

// referenceHitsRequest is a bleve request for a page of hits in the
// request's order, with deterministic ties.
func referenceHitsRequest(req Request, q bq.Query, size, from int) *bleve.SearchRequest {
	if req.Sort == SortArticle {
		sr := bleve.NewSearchRequestOptions(q, size, from, false)
		sr.SortBy([]string{index.FieldOrder, "_id"})
		sr.Score = bleve.ScoreNone
		return sr
	}
	sr := bleve.NewSearchRequestOptions(withLengthPrior(q), size, from, false)
	sr.SortBy([]string{"-_score", index.FieldOrder, "_id"})
	return sr
}

// withLengthPrior (the reference path's) weighs the scores of q by the length of each document's
// text. BM25's length normalisation favours very short texts: in the
// series, the list of interviewees ("Albert Engels, Procesmanager Bouw,
// Gemeente Rotterdam") outranked every paragraph about gemeenten. A text
// of a few words says little about the query's subject, so it keeps at
// least half its score and reaches its full score at index.LengthCap words.
func withLengthPrior(q bq.Query) bq.Query {
	return bq.NewCustomScoreQueryWithScorer(q, lengthPrior, []string{index.FieldWords}, nil)
}

func lengthPrior(_ context.Context, d *bsearch.DocumentMatch) (float64, error) {
	words, _ := d.Fields[index.FieldWords].(string)
	return d.Score * lengthFactor(words), nil
}

// translate turns a parsed request into a bleve query: the user's words
// (all must match, or any when anyWord is set) and the filters of every
// facet except skip.
func translate(r Request, q query.And, analyze analyzeFunc, anyWord bool, skip string) bq.Query {
	text := textQuery(q, analyze, anyWord, r.prefixTerms)
	if text == nil && len(q.Positive()) > 0 {
		// Every word the user typed is a stop word ("de het"): the index
		// holds none of them, so nothing matches. Matching everything
		// instead would answer a question nobody asked.
		text = bleve.NewMatchNoneQuery()
	}
	filter := filterQuery(r.Filters, skip)
	switch {
	case text == nil && filter == nil:
		return bleve.NewMatchAllQuery()
	case filter == nil:
		return text
	case text == nil:
		return filter
	}
	// The filters select; they do not score, so selecting a municipality
	// leaves the ranking of what remains as it was.
	b := bleve.NewBooleanQuery()
	b.AddMust(text)
	b.AddFilter(filter)
	return b
}

// filterQuery ANDs the facets and ORs the values within each.
func filterQuery(filters map[string][]string, skip string) bq.Query {
	var conj []bq.Query
	for _, f := range index.Facets {
		vals := filters[f.ID]
		if f.ID == skip || len(vals) == 0 {
			continue
		}
		var disj []bq.Query
		for _, v := range vals {
			t := bleve.NewTermQuery(v)
			t.SetField(f.Field)
			disj = append(disj, t)
		}
		conj = append(conj, bleve.NewDisjunctionQuery(disj...))
	}
	switch len(conj) {
	case 0:
		return nil
	case 1:
		return conj[0]
	}
	return bleve.NewConjunctionQuery(conj...)
}
