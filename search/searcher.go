package search

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sort"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	bsearch "github.com/blevesearch/bleve/v2/search"
	bq "github.com/blevesearch/bleve/v2/search/query"
	indexapi "github.com/blevesearch/bleve_index_api"

	"vanelkaar/index"
	"vanelkaar/search/query"
)

// Searcher answers requests from a bleve index. It is safe for concurrent
// use; Swap replaces the index without failing requests in flight.
type Searcher struct {
	mu  sync.RWMutex
	cur *loaded
}

// loaded is an open index with what was read from it once.
type loaded struct {
	idx bleve.Index
	// reader is the snapshot of idx that searches read, open as long as
	// idx: the document numbers of cols are its own.
	reader   indexapi.IndexReader
	cols     *columns
	labels   index.Labels
	info     index.Info
	analyzer analysis.Analyzer // the index's text fields' analyzer
	query    analysis.Analyzer // the analyzer of query words
	vocab    *vocabulary
	// bm25 holds the text fields' true average lengths for BM25; nil for
	// an index built without them (bleve then estimates its own).
	bm25    *bsearch.BM25Stats
	records records
	// refs are the articles and people the stored records name.
	refs *index.Refs
	// synonyms are the index's synonym rules; nil when it has none.
	synonyms *synonyms
	// known remembers whether the index holds a term (string -> bool);
	// knownCount bounds it.
	known      sync.Map
	knownCount atomic.Int64
	// similar remembers Similar's answers (similarKey -> *Result).
	similar      sync.Map
	similarCount atomic.Int64
}

// Open opens the index in dir (an index folder made by index.Build, or a
// plain bleve index) read-only.
func Open(dir string) (*Searcher, error) {
	l, err := openLoaded(dir)
	if err != nil {
		return nil, err
	}
	return &Searcher{cur: l}, nil
}

func openLoaded(dir string) (*loaded, error) {
	idx, err := index.Open(dir)
	if err != nil {
		return nil, err
	}
	l, err := newLoaded(idx)
	if err != nil {
		idx.Close()
		return nil, fmt.Errorf("open index %s: %w", dir, err)
	}
	return l, nil
}

// New wraps an open index (for example index.NewMemOnly's). The searcher
// owns it from now on: Close closes it.
func New(idx bleve.Index) (*Searcher, error) {
	l, err := newLoaded(idx)
	if err != nil {
		return nil, err
	}
	return &Searcher{cur: l}, nil
}

func newLoaded(idx bleve.Index) (*loaded, error) {
	labels, err := index.ReadLabels(idx)
	if err != nil {
		return nil, err
	}
	info, err := index.ReadInfo(idx)
	if err != nil {
		return nil, err
	}
	voc, err := index.ReadVocabulary(idx)
	if err != nil {
		return nil, err
	}
	refs, err := index.ReadRefs(idx)
	if err != nil {
		return nil, err
	}
	l := &loaded{idx: idx, labels: labels, info: info, vocab: newVocabulary(voc), refs: refs}
	if err := l.readFieldStats(); err != nil {
		return nil, err
	}
	for name, dst := range map[string]*analysis.Analyzer{index.AnalyzerDutch: &l.analyzer, index.AnalyzerDutchQuery: &l.query} {
		if *dst = idx.Mapping().AnalyzerNamed(name); *dst == nil {
			return nil, fmt.Errorf("analyzer %q is not in the index's mapping: rebuild the index with `vanelkaar index`", name)
		}
	}
	rules, err := index.ReadSynonyms(idx)
	if err != nil {
		return nil, err
	}
	if len(rules) > 0 {
		l.synonyms = newSynonyms(rules, l.analyzeTerms)
	}
	if err := l.openReader(); err != nil {
		return nil, err
	}
	return l, nil
}

// openReader opens the snapshot that searches read and reads its columns.
func (l *loaded) openReader() error {
	adv, err := l.idx.Advanced()
	if err != nil {
		return err
	}
	if l.reader, err = adv.Reader(); err != nil {
		return err
	}
	if l.cols, err = readColumns(context.Background(), l.reader); err != nil {
		l.reader.Close()
		l.reader = nil
		return err
	}
	return nil
}

// close closes the snapshot and the index.
func (l *loaded) close() error {
	var err error
	if l.reader != nil {
		err = l.reader.Close()
	}
	return errors.Join(err, l.idx.Close())
}

// Swap makes idx the index that answers from now on and closes the old one
// once no request uses it any more.
func (s *Searcher) Swap(idx bleve.Index) error {
	l, err := newLoaded(idx)
	if err != nil {
		return err
	}
	return s.swap(l)
}

// SwapDir opens the index in dir and swaps it in.
func (s *Searcher) SwapDir(dir string) error {
	l, err := openLoaded(dir)
	if err != nil {
		return err
	}
	return s.swap(l)
}

// swap installs l. Taking the write lock waits for the requests that hold
// the read lock on the old index, so closing it afterwards fails none.
func (s *Searcher) swap(l *loaded) error {
	s.mu.Lock()
	old := s.cur
	s.cur = l
	s.mu.Unlock()
	if old != nil {
		return old.close()
	}
	return nil
}

// Close closes the index.
func (s *Searcher) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cur == nil {
		return nil
	}
	err := s.cur.close()
	s.cur = nil
	return err
}

// Info describes the index being served.
func (s *Searcher) Info() index.Info {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.cur == nil {
		return index.Info{}
	}
	return s.cur.info
}

// Labels returns the facet labels of the index being served.
func (s *Searcher) Labels() index.Labels {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.cur == nil {
		return nil
	}
	return s.cur.labels
}

// acquire returns the current index for one request; the read lock keeps
// Swap from closing it until release.
func (s *Searcher) acquire() (*loaded, func(), error) {
	s.mu.RLock()
	if s.cur == nil {
		s.mu.RUnlock()
		return nil, nil, ErrNotReady
	}
	return s.cur, s.mu.RUnlock, nil
}

// Search answers a request. A request that cannot be answered as asked
// returns an error wrapping ErrBadQuery that lists every problem.
func (s *Searcher) Search(ctx context.Context, r Request) (*Result, error) {
	start := time.Now()
	l, release, err := s.acquire()
	if err != nil {
		return nil, err
	}
	defer release()
	req, q, err := r.normalized(l.labels)
	if err != nil {
		return nil, err
	}
	res := &Result{Query: req.Query, Exact: req.Exact, Page: req.Page, Size: req.Size, Hits: []Hit{}, Match: MatchAll, Expansions: []Expansion{}, Relaxations: []Relaxation{}}
	if q.Empty() {
		res.Match = MatchNone
	}
	if req.Prefix {
		if t, ok := q.Last(); ok {
			req.prefixTerms = l.vocab.completions(t.Text, l.hasPartOf(t.Text))
		}
	}
	if !req.Exact {
		// A word still being typed is completed, not expanded.
		if q, res.Expansions, err = l.expand(ctx, q, len(req.prefixTerms) > 0); err != nil {
			return nil, err
		}
	}
	text, m, err := l.answer(ctx, req, q, res)
	if err != nil {
		return nil, err
	}
	terms := l.queryTerms(q)
	for _, t := range req.prefixTerms {
		terms[t] = true
	}
	if res.Hits, err = l.pageHits(ctx, text, m.page, terms); err != nil {
		return nil, err
	}
	if req.Group != GroupNone {
		if res.Groups, err = l.groups(ctx, req, q, res.Match == MatchAny, terms, res); err != nil {
			return nil, err
		}
	}
	res.TookMS = sinceMS(start)
	return res, nil
}

// answer searches for every word of q under the request's filters and
// fills in res's total and facets. When nothing has every word it lists
// the relaxations and, with more than one word, ranks what has some of
// them instead (res.Match becomes MatchAny). When little is found it
// proposes a correction. It returns the query of the words searched and
// its matches.
func (l *loaded) answer(ctx context.Context, req Request, q query.And, res *Result) (bq.Query, *matches, error) {
	text := textFor(req, q, l.analyzeTerms, false)
	m, err := l.collect(ctx, req, text)
	if err != nil {
		return nil, nil, err
	}
	if m.total == 0 && res.Match == MatchAll {
		if res.Relaxations, err = l.relaxations(ctx, req, q, m); err != nil {
			return nil, nil, err
		}
		if len(q.Positive()) > 1 {
			// Nothing has every word: rank what has some of them, and say so.
			anyText := textFor(req, q, l.analyzeTerms, true)
			if m2, err := l.collect(ctx, req, anyText); err != nil {
				return nil, nil, err
			} else if m2.total > 0 {
				text, m = anyText, m2
				res.Match = MatchAny
			}
		}
	}
	res.Total = m.total
	res.Facets = l.facets(m.counts, req.Filters)
	// A word still being typed that begins words of the corpus is not a
	// typo: no did-you-mean for it.
	if len(req.prefixTerms) == 0 {
		if res.Suggestion, err = l.didYouMean(ctx, req, q, res); err != nil {
			return nil, nil, err
		}
	}
	return text, m, nil
}

// pageHits makes the hits of the page shown: their stored records and
// their snippets, cut around the matches of text.
func (l *loaded) pageHits(ctx context.Context, text bq.Query, page []scoredDoc, terms map[string]bool) ([]Hit, error) {
	dms, err := l.hitMatches(ctx, text, page)
	if err != nil {
		return nil, err
	}
	hits := make([]Hit, 0, len(dms))
	for _, dm := range dms {
		h, err := l.hit(dm, terms)
		if err != nil {
			return nil, err
		}
		hits = append(hits, h)
	}
	return hits, nil
}

// facets lists every facet's values with their counts (see matches).
func (l *loaded) facets(counts [][]int, filters map[string][]string) Facets {
	out := Facets{}
	for i, f := range index.Facets {
		byValue := map[string]int{}
		for o, n := range counts[i] {
			byValue[l.cols.facets[i].values[o]] = n
		}
		out[f.ID] = l.facetValues(f, byValue, filters[f.ID])
	}
	return out
}

// facetValues lists a facet's values with counts, most first; values with
// no results are left out unless selected.
func (l *loaded) facetValues(f Facet, counts map[string]int, selected []string) []FacetValue {
	out := []FacetValue{}
	for _, lb := range l.labels[f.Field] {
		sel := slices.Contains(selected, lb.Value)
		if counts[lb.Value] == 0 && !sel {
			continue
		}
		out = append(out, FacetValue{Value: lb.Value, Label: lb.Label, Count: counts[lb.Value], Selected: sel})
	}
	// Stable: equal counts keep the labels' order.
	sort.SliceStable(out, func(i, j int) bool { return out[i].Count > out[j].Count })
	return out
}

// hit builds a Hit from a bleve match: its stored record, the snippet cut
// around the matched words and the title with its matches marked.
func (l *loaded) hit(dm *bsearch.DocumentMatch, terms map[string]bool) (Hit, error) {
	rec, err := l.record(dm.ID)
	if err != nil {
		return Hit{}, err
	}
	var spans []Span
	for _, field := range []string{index.FieldBody, index.FieldQuote} {
		for term, locs := range dm.Locations[field] {
			for _, loc := range locs {
				spans = append(spans, Span{Start: int(loc.Start), End: int(loc.End), Term: term})
			}
		}
	}
	h := hitOf(dm.ID, dm.Score, rec).WithMarks(MakeSnippet(rec.Text, spans), Highlight(rec.Title, l.termSpans(rec.Title, terms)))
	return h, nil
}

// analyzeTerms returns the terms of query words, one group per position:
// a text matches the words when it has one term of each group.
func (l *loaded) analyzeTerms(text string) [][]string {
	var out [][]string
	last := 0
	for _, t := range l.query.Analyze([]byte(text)) {
		if len(out) == 0 || t.Position != last {
			out = append(out, nil)
			last = t.Position
		}
		out[len(out)-1] = append(out[len(out)-1], string(t.Term))
	}
	return out
}

// termSpans marks the words of text whose indexed term is one of terms.
func (l *loaded) termSpans(text string, terms map[string]bool) []Span {
	if len(terms) == 0 {
		return nil
	}
	var spans []Span
	for _, t := range l.analyzer.Analyze([]byte(text)) {
		if terms[string(t.Term)] {
			spans = append(spans, Span{Start: t.Start, End: t.End, Term: string(t.Term)})
		}
	}
	return spans
}

// hasPartOf returns a test of whether a word is a compound with word as a
// part ("datagebruik" for "data"), or nil when word is too short to be a
// part.
func (l *loaded) hasPartOf(word string) func(text string) bool {
	if utf8.RuneCountInString(word) < minPartRunes {
		return nil
	}
	parts := map[string]bool{}
	for _, g := range l.analyzeTerms(word) {
		for _, t := range g {
			parts[index.PartTerm(t)] = true
		}
	}
	return func(text string) bool {
		for _, tok := range l.analyzer.Analyze([]byte(text)) {
			if parts[string(tok.Term)] {
				return true
			}
		}
		return false
	}
}

// minPartRunes is the least length of a word that can be a compound's
// part (a short head such as "wet" only ends compounds, which no
// beginning typed completes).
const minPartRunes = 4

// queryTerms are the indexed terms of the query's positive words and of
// what they are also searched for (see Expanded); a single word's terms
// also as compounds' parts, since a word finds the compounds it is a part
// of and they are marked whole.
func (l *loaded) queryTerms(q query.And) map[string]bool {
	terms := map[string]bool{}
	add := func(groups [][]string) {
		for _, g := range groups {
			for _, t := range g {
				terms[t] = true
			}
		}
	}
	query.VisitAtoms(q, func(a query.Atom, excluded bool) {
		if excluded {
			return
		}
		groups := l.analyzeTerms(a.Words())
		add(groups)
		if _, ok := a.(query.Term); ok {
			for _, g := range groups {
				for _, t := range g {
					terms[index.PartTerm(t)] = true
				}
			}
		}
	})
	for _, c := range q.Qs {
		if e, ok := c.(Expanded); ok {
			for _, a := range e.Alts {
				add(a.groups)
			}
		}
	}
	return terms
}

// Validate checks a request against the index being served without
// running it. It returns nil or a *RequestError listing every problem.
func (s *Searcher) Validate(r Request) error {
	l, release, err := s.acquire()
	if err != nil {
		return err
	}
	defer release()
	_, _, err = r.normalized(l.labels)
	return err
}

// Ready reports whether an index is loaded: nil, or ErrNotReady.
func (s *Searcher) Ready() error {
	_, release, err := s.acquire()
	if err != nil {
		return err
	}
	release()
	return nil
}
