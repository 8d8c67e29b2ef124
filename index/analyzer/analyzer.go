package analyzer

import (
	"fmt"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/registry"
)

// Names of the analyzers, as an index mapping defines them.
const (
	// Name is the analyzer of Dutch text fields at index time.
	Name = "vanelkaar_nl"
	// QueryName analyzes the words of a query: Name's chain without the
	// parts of hyphenated words and compounds.
	QueryName = "vanelkaar_nl_query"
)

// Names of the components in bleve's registry. They are stored in every
// index's mapping: do not rename them.
const (
	TokenizerName      = "vanelkaar_nl_words"       // words; hyphenated words whole and in parts
	QueryTokenizerName = "vanelkaar_nl_query_words" // words; hyphenated words whole only
	NormalizeName      = "vanelkaar_nl_normalize"
	ElisionName        = "vanelkaar_nl_elision"
	JoinName           = "vanelkaar_nl_join"
	StopName           = "vanelkaar_nl_stop"
	DecompoundName     = "vanelkaar_nl_decompound"
	AccentVariantName  = "vanelkaar_nl_accent_variant"
	StemName           = "vanelkaar_nl_stem"
	FoldName           = "vanelkaar_nl_fold"
)

// Token filter chains: the index analyzer adds the parts of compounds
// after the stop words (so a part can be a stop word, and is then left
// out) and before the accent variants and the stemmer (so parts are
// stemmed like any word).
var (
	filters      = []string{NormalizeName, ElisionName, JoinName, StopName, DecompoundName, AccentVariantName, StemName, FoldName}
	queryFilters = []string{NormalizeName, ElisionName, JoinName, StopName, AccentVariantName, StemName, FoldName}
)

// Config is the definition of the index-time analyzer, for
// mapping.IndexMappingImpl.AddCustomAnalyzer.
func Config() map[string]any {
	return config(TokenizerName, filters)
}

// QueryConfig is the definition of the query analyzer.
func QueryConfig() map[string]any {
	return config(QueryTokenizerName, queryFilters)
}

func config(tokenizer string, filters []string) map[string]any {
	fs := make([]any, len(filters))
	for i, f := range filters {
		fs[i] = f
	}
	return map[string]any{
		"type":          custom.Name,
		"tokenizer":     tokenizer,
		"token_filters": fs,
	}
}

// New returns the index-time analyzer, built from the registry just as an
// index mapping builds it.
func New() (analysis.Analyzer, error) {
	return define(Name, Config())
}

// NewQuery returns the query analyzer.
func NewQuery() (analysis.Analyzer, error) {
	return define(QueryName, QueryConfig())
}

func define(name string, cfg map[string]any) (analysis.Analyzer, error) {
	a, err := registry.NewCache().DefineAnalyzer(name, cfg)
	if err != nil {
		return nil, fmt.Errorf("analyzer %s: %w", name, err)
	}
	return a, nil
}

func init() {
	tokenizers := map[string]analysis.Tokenizer{
		TokenizerName:      tokenizer{parts: true},
		QueryTokenizerName: tokenizer{parts: false},
	}
	for name, t := range tokenizers {
		must(registry.RegisterTokenizer(name, func(map[string]any, *registry.Cache) (analysis.Tokenizer, error) {
			return t, nil
		}))
	}
	tokenFilters := map[string]analysis.TokenFilter{
		NormalizeName:     normalizeFilter{},
		ElisionName:       elisionFilter{},
		JoinName:          joinFilter{},
		StopName:          stopFilter{},
		DecompoundName:    decompoundFilter{},
		AccentVariantName: accentVariantFilter{},
		StemName:          stemFilter{},
		FoldName:          foldFilter{},
	}
	for name, f := range tokenFilters {
		must(registry.RegisterTokenFilter(name, func(map[string]any, *registry.Cache) (analysis.TokenFilter, error) {
			return f, nil
		}))
	}
}

// must panics on a registration error, which only a duplicate name (a
// programming error found at start-up) can cause.
func must(err error) {
	if err != nil {
		panic(err)
	}
}
