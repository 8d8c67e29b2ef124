package corpus

import (
	"io/fs"
	"os"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// withSynonyms is the fictional test corpus with synonyms.yaml replaced.
func withSynonyms(t *testing.T, src string) fs.FS {
	t.Helper()
	base := fstest.MapFS{}
	err := fs.WalkDir(testCorpus, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(testCorpus, p)
		base[p] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	base[SynonymsFile] = &fstest.MapFile{Data: []byte(src)}
	return base
}

var testCorpus = os.DirFS("testdata/voorbeeld")

// TestSynonymsShipped checks the shipped list: it loads, has at least 60
// sets, and holds the sets the acceptance needs.
func TestSynonymsShipped(t *testing.T) {
	c, err := Load(Shipped())
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Synonyms) < 60 {
		t.Errorf("%d synonym sets, want at least 60", len(c.Synonyms))
	}
	for id, words := range map[string][]string{
		"inwoners": {"inwoners", "burgers"},
		"avg":      {"AVG", "GDPR"},
		"ai":       {"AI", "kunstmatige intelligentie"},
	} {
		s := c.SynonymSet(id)
		if s == nil {
			t.Errorf("set %q missing", id)
			continue
		}
		for _, w := range words {
			if !slices.Contains(s.Same, w) {
				t.Errorf("set %q lacks %q", id, w)
			}
		}
	}
	p := c.SynonymSet("privacy-avg")
	if p == nil || !p.OneWay() || !slices.Contains(c.SynonymTargets(p), "GDPR") {
		t.Errorf("privacy-avg: %+v, want a one-way expansion to the AVG set", p)
	}
}

// TestSynonymProblems checks what the loader reports about synonyms.yaml,
// each at its line.
func TestSynonymProblems(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string // "line: message part"
	}{
		{"fine", "- id: a\n  same: [inwoners, burgers]\n- id: b\n  from: [privacy]\n  to: [AVG]\n  to_sets: [a]\n", nil},
		{"unknown set id", "- id: a\n  from: [privacy]\n  to_sets: [onbekend]\n", []string{`3: synonym set "a": unknown set id "onbekend" in to_sets`}},
		{"duplicate id", "- id: a\n  same: [x, y]\n- id: a\n  same: [z, w]\n", []string{`3: duplicate id "a" (first at line 1)`}},
		{"duplicate word", "- id: a\n  same: [data, Data]\n", []string{`2: synonym set "a": duplicate word "Data"`}},
		{"word in two sets", "- id: a\n  same: [inwoners, burgers]\n- id: b\n  same: [Burgers, bewoners]\n", []string{`4: "Burgers" is also in synonym set "a" (line 2): merge the two sets`}},
		{"one word", "- id: a\n  same: [inwoners]\n", []string{`2: synonym set "a": same needs two or more words`}},
		{"both kinds", "- id: a\n  same: [x, y]\n  from: [z]\n  to: [w]\n", []string{`1: synonym set "a": give either same`}},
		{"no target", "- id: a\n  from: [privacy]\n", []string{`2: synonym set "a": a one-way expansion needs to or to_sets`}},
		{"names itself", "- id: a\n  from: [privacy]\n  to_sets: [a]\n", []string{`3: synonym set "a" names itself`}},
		{"typo in a field", "- id: a\n  same: [x, y]\n  too: [z]\n", []string{`3: unknown field "too"`}},
		{"too many words", "- id: a\n  same: [een twee drie vier vijf zes, y]\n", []string{`2: synonym set "a": "een twee drie vier vijf zes" has more than 5 words`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, p := range Check(withSynonyms(t, tt.src)) {
				if p.Path == SynonymsFile {
					got = append(got, p.String())
				}
			}
			if len(got) != len(tt.want) {
				t.Fatalf("problems %q, want %d: %q", got, len(tt.want), tt.want)
			}
			for i, w := range tt.want {
				if !strings.HasPrefix(got[i], SynonymsFile+":"+w) {
					t.Errorf("problem %q, want %s:%s…", got[i], SynonymsFile, w)
				}
			}
		})
	}
}

// TestSynonymsOptional checks that a corpus without synonyms.yaml loads.
func TestSynonymsOptional(t *testing.T) {
	c, err := Load(testCorpus)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Synonyms) != 0 {
		t.Errorf("synonyms from nowhere: %v", c.Synonyms)
	}
}
