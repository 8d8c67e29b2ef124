package search

import (
	"context"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	bq "github.com/blevesearch/bleve/v2/search/query"

	"vanelkaar/index"
)

// Limits and weights of Similar.
const (
	DefaultSimilarSize = 5
	// similarTerms is how many of a text's most significant terms a
	// similar text is sought with; similarMinShared how many of them it
	// must share (when the text has that many).
	similarTerms     = 25
	similarMinShared = 2
	// similarThemeBoost weighs a shared theme against the shared terms.
	similarThemeBoost = 0.5
	// similarQuoteWeight counts a quote's own words above those of the
	// passage around it.
	similarQuoteWeight = 2
)

// Similar returns the passages of other municipalities that treat the
// same subject as the passage or quote id: "similar approaches elsewhere".
// It finds them by the text's most significant terms (frequent in it, rare
// in the corpus), with shared themes as a bonus; it leaves out passages
// that mention a municipality of the text, and the text's own section of
// its article, whose neighbours share its words for being neighbours. A
// quote is compared by its words and the passage around it. The answer
// has the shape of a search result. An unknown id is ErrNotFound, a
// person or a bad size a *RequestError.
func (s *Searcher) Similar(ctx context.Context, id string, size int) (*Result, error) {
	start := time.Now()
	l, release, err := s.acquire()
	if err != nil {
		return nil, err
	}
	defer release()
	if size == 0 {
		size = DefaultSimilarSize
	}
	if err := checkSimilarParams(id, size); err != nil {
		return nil, err
	}
	key := similarKey{id, size}
	if v, ok := l.similar.Load(key); ok {
		res := v.(*Result).copy()
		res.TookMS = sinceMS(start)
		return res, nil
	}
	src, err := l.similarSource(id)
	if err != nil {
		return nil, err
	}
	res := &Result{Page: 1, Size: size, Hits: []Hit{}, Match: MatchAny, Expansions: []Expansion{}, Relaxations: []Relaxation{}}
	res.Facets = Facets{}
	terms, err := l.significantTerms(ctx, src.text)
	if err != nil {
		return nil, err
	}
	if len(terms) < similarMinShared {
		// One shared word is no subject in common.
		res.TookMS = sinceMS(start)
		return res, nil
	}
	if res.Hits, err = l.similarHits(ctx, src, terms, size); err != nil {
		return nil, fmt.Errorf("similar %s: %w", id, err)
	}
	res.Total = uint64(len(res.Hits))
	res.Facets[FacetMunicipality] = l.hitMunicipalities(res.Hits)
	res.TookMS = sinceMS(start)
	// The pages ask for the same passages again and again, and the
	// answer only changes with the index: remember it.
	if l.similarCount.Add(1) <= maxSimilarCached {
		l.similar.Store(key, res.copy())
	}
	return res, nil
}

// sinceMS is the time since start in milliseconds, as Result.TookMS.
func sinceMS(start time.Time) float64 {
	return float64(time.Since(start).Microseconds()) / 1000
}

// checkSimilarParams checks the id and size of a Similar request.
func checkSimilarParams(id string, size int) error {
	var bad []InvalidParam
	if size < 1 || size > MaxSize {
		bad = append(bad, InvalidParam{Name: "size", Reason: fmt.Sprintf("must be between 1 and %d", MaxSize)})
	}
	if strings.TrimSpace(id) == "" {
		bad = append(bad, InvalidParam{Name: "id", Reason: "is required: the id of a passage or a quote, as search hits give it"})
	}
	if len(bad) > 0 {
		return &RequestError{Params: bad}
	}
	return nil
}

// similarHits returns up to size passages that share the significant
// terms of src, those terms marked, without src's own section.
func (l *loaded) similarHits(ctx context.Context, src *similarSource, terms []weightedTerm, size int) ([]Hit, error) {
	q := l.similarQuery(terms, src)
	// Fetch more than asked: the text's own section is dropped afterwards.
	sr := bleve.NewSearchRequestOptions(q, size+maxSectionPassages, 0, false)
	sr.IncludeLocations = true
	sr.SortBy([]string{"-_score", index.FieldOrder, "_id"})
	br, err := l.idx.SearchInContext(l.scoring(ctx), sr)
	if err != nil {
		return nil, err
	}
	marked := map[string]bool{}
	for _, t := range terms {
		marked[t.term] = true
	}
	hits := []Hit{}
	for _, dm := range br.Hits {
		if len(hits) == size {
			break
		}
		h, err := l.hit(dm, marked)
		if err != nil {
			return nil, err
		}
		if h.ID == src.passageID || sameSection(h, src) {
			continue
		}
		hits = append(hits, h)
	}
	return hits, nil
}

// hitMunicipalities counts the municipalities of hits, as a facet with
// their labels, most hits first.
func (l *loaded) hitMunicipalities(hits []Hit) []FacetValue {
	out := []FacetValue{}
	for _, lb := range l.labels[index.FieldMunicipality] {
		n := 0
		for _, h := range hits {
			if slices.Contains(h.Municipalities, lb.Value) {
				n++
			}
		}
		if n > 0 {
			out = append(out, FacetValue{Value: lb.Value, Label: lb.Label, Count: n})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Count > out[j].Count })
	return out
}

// similarKey identifies a Similar request.
type similarKey struct {
	id   string
	size int
}

// maxSimilarCached bounds the answers of Similar kept per index.
const maxSimilarCached = 10000

// copy is a copy of a result that a caller may change without touching
// the original: the hits and facets are new slices and maps.
func (r *Result) copy() *Result {
	out := *r
	out.Hits = slices.Clone(r.Hits)
	out.Facets = Facets{}
	for k, v := range r.Facets {
		out.Facets[k] = slices.Clone(v)
	}
	return &out
}

// maxSectionPassages is how many passages of one section are fetched
// beyond the size asked, to make up for those of the text's own section.
const maxSectionPassages = 20

// similarSource is what Similar compares with.
type similarSource struct {
	passageID      string
	slug           string
	section        string
	text           string
	themes         []string
	municipalities []string
}

func (l *loaded) similarSource(id string) (*similarSource, error) {
	rec, err := l.recordOrNotFound(id)
	if err != nil {
		return nil, err
	}
	switch rec.Kind {
	case index.KindPassage, index.KindQuote:
	default:
		return nil, &RequestError{Params: []InvalidParam{{Name: "id", Reason: "must be the id of a passage or a quote"}}}
	}
	src := &similarSource{text: rec.Text, themes: rec.Themes, municipalities: slices.Clone(rec.Municipalities)}
	if rec.Article != nil {
		src.slug = rec.Article.Slug
	}
	if len(rec.Headings) > 0 {
		src.section = rec.Headings[0]
	}
	src.passageID = id
	if rec.Kind == index.KindQuote && rec.Article != nil {
		_, anchor, _ := strings.Cut(rec.URL, "#")
		src.passageID = index.PassageID(rec.Article.Slug, anchor)
		if p, err := l.record(src.passageID); err == nil {
			src.text = strings.Repeat(rec.Text+"\n", similarQuoteWeight) + p.Text
			for _, m := range p.Municipalities {
				if !slices.Contains(src.municipalities, m) {
					src.municipalities = append(src.municipalities, m)
				}
			}
		}
	}
	return src, nil
}

// recordOrNotFound is record with an unknown id as ErrNotFound.
func (l *loaded) recordOrNotFound(id string) (*index.Record, error) {
	doc, err := l.idx.Document(id)
	if err != nil {
		return nil, fmt.Errorf("search: load %s: %w", id, err)
	}
	if doc == nil {
		return nil, fmt.Errorf("%q: %w", id, ErrNotFound)
	}
	return l.record(id)
}

// sameSection reports whether h lies in the source's own section of its
// article.
func sameSection(h Hit, src *similarSource) bool {
	if h.Article == nil || h.Article.Slug != src.slug || src.slug == "" {
		return false
	}
	first := ""
	if len(h.Headings) > 0 {
		first = h.Headings[0]
	}
	return first == src.section
}

type weightedTerm struct {
	term   string
	weight float64
}

// significantTerms are the terms of text that say most about its subject:
// tf·idf over the passages, those only this text has (nothing to share)
// and those most passages have (nothing to tell) left out, best first.
func (l *loaded) significantTerms(ctx context.Context, text string) ([]weightedTerm, error) {
	tf := map[string]int{}
	for _, t := range l.analyzer.Analyze([]byte(text)) {
		term := string(t.Term)
		if utf8.RuneCountInString(term) < 3 || !strings.ContainsFunc(term, unicode.IsLetter) {
			continue
		}
		tf[term]++
	}
	n := float64(max(l.info.Passages, 1))
	var out []weightedTerm
	for term, f := range tf {
		tfr, err := l.reader.TermFieldReader(ctx, []byte(term), index.FieldBody, false, false, false)
		if err != nil {
			return nil, fmt.Errorf("similar: term %q: %w", term, err)
		}
		df := float64(tfr.Count())
		tfr.Close()
		if df < 2 || (n >= 10 && df > n/3) {
			continue
		}
		idf := math.Log(1 + (n-df+0.5)/(df+0.5))
		out = append(out, weightedTerm{term, (1 + math.Log(float64(f))) * idf})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].weight != out[j].weight {
			return out[i].weight > out[j].weight
		}
		return out[i].term < out[j].term
	})
	return out[:min(len(out), similarTerms)], nil
}

// similarQuery finds passages with the terms, in a municipality other
// than the source's, sharing themes as a bonus.
func (l *loaded) similarQuery(terms []weightedTerm, src *similarSource) bq.Query {
	top := terms[0].weight
	shared := make([]bq.Query, len(terms))
	for i, t := range terms {
		tq := bleve.NewTermQuery(t.term)
		tq.SetField(index.FieldBody)
		tq.SetBoost(t.weight / top)
		shared[i] = tq
	}
	text := bleve.NewDisjunctionQuery(shared...)
	text.SetMin(similarMinShared)
	kind := bleve.NewTermQuery(index.KindPassage)
	kind.SetField(index.FieldKind)
	var others []bq.Query
	for _, m := range l.labels[index.FieldMunicipality] {
		if !slices.Contains(src.municipalities, m.Value) {
			t := bleve.NewTermQuery(m.Value)
			t.SetField(index.FieldMunicipality)
			others = append(others, t)
		}
	}
	b := bleve.NewBooleanQuery()
	b.AddMust(text)
	b.AddFilter(bleve.NewConjunctionQuery(kind, bleve.NewDisjunctionQuery(others...)))
	for _, m := range src.municipalities {
		t := bleve.NewTermQuery(m)
		t.SetField(index.FieldMunicipality)
		b.AddMustNot(t)
	}
	var themes []bq.Query
	for _, th := range src.themes {
		t := bleve.NewTermQuery(th)
		t.SetField(index.FieldTheme)
		t.SetBoost(similarThemeBoost)
		themes = append(themes, t)
	}
	if len(themes) > 0 {
		b.AddShould(themes...)
		b.Should.(*bq.DisjunctionQuery).SetMin(0)
	}
	return b
}
