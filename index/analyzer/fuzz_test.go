package analyzer

import (
	"testing"
)

// FuzzAnalyze feeds the analyzers any input (valid UTF-8 or not) and checks
// that they do not panic, that offsets stay inside the input around whole
// runes, that positions never decrease and that every term is non-empty
// valid UTF-8. The query analyzer's tokens must be the index analyzer's
// without the parts of hyphenated words.
func FuzzAnalyze(f *testing.F) {
	for _, s := range []string{
		"", "'s-Hertogenbosch", "‘s-Hertogenbosch en ’t", "auto's zo'n", "e-privacy Noord-Holland",
		"financiële geïnterviewde", "financie\u0308le", "3,5 2019-2020 '80", "gemeen\u00adten",
		"a--b -a- '' ‘’ -'s-", "\xff\xfe", "e\u0301\u0301", "\u0301a", "ĳ Ĳ ß",
	} {
		f.Add(s)
	}
	index, query := analyzers(f)
	f.Fuzz(func(t *testing.T, s string) {
		input := []byte(s)
		ts := index.Analyze(input)
		checkStream(t, input, ts)
		if string(input) != s {
			t.Fatalf("the analyzer changed its input %q to %q", s, input)
		}
		qs := query.Analyze(input)
		checkStream(t, input, qs)
		// Each query token is an index token: same place, same term.
		type key struct {
			pos, start, end int
			term            string
		}
		have := map[key]bool{}
		for _, tk := range ts {
			have[key{tk.Position, tk.Start, tk.End, string(tk.Term)}] = true
		}
		for _, tk := range qs {
			if !have[key{tk.Position, tk.Start, tk.End, string(tk.Term)}] {
				t.Fatalf("input %q: query token %v is not an index token", s, tk)
			}
		}
	})
}
