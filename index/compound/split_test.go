package compound

import (
	"bufio"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"vanelkaar/index/dutch"
)

// TestSplit lists what the splitter makes of the words the issue names and
// of the linking elements.
func TestSplit(t *testing.T) {
	d := Default()
	tests := []struct {
		word string
		want []string // Split's answer: the parts, level by level
	}{
		{"energietransitie", []string{"energie", "transitie"}},
		{"datagebruik", []string{"data", "gebruik"}},
		{"dienstverlening", []string{"dienst", "verlening"}},
		{"stadsdeel", []string{"stad", "deel"}},             // -s-
		{"pannenkoek", []string{"pan", "koek"}},             // -en-
		{"gemeenteraad", []string{"gemeente", "raad"}},      // the -e of gemeente
		{"raadsleden", []string{"raad", "leden"}},           // the head keeps its inflection
		{"gemeentewet", []string{"gemeente", "wet"}},        // a short head on the list
		{"bestemmingsplan", []string{"bestemming", "plan"}}, // -s- after -ing
		{"gemeenteraadsvergadering", []string{"gemeente", "raadsvergadering", "raad", "vergadering"}},
		{"verlening", nil},        // ver- is a prefix, no part
		{"gemeenten", nil},        // gemeen + ten: too short a head
		{"verantwoord", nil},      // a prefixed verb
		{"burgers", nil},          // an inflected word
		{"informatie", nil},       // one word
		{"huisvesting", nil},      // OpenTaal's pattern: no huis + vesting
		{"deelnemers", nil},       // of the verb deelnemen
		{"belangrijk", nil},       // -rijk makes adjectives
		{"regelmatig", nil},       // -matig likewise
		{"combinatie", nil},       // combi- is no part of it
		{"binnenkort", nil},       // an adverb begins it
		{"Energietransitie", nil}, // the analyzer lowers case first
	}
	for _, tt := range tests {
		t.Run(tt.word, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, d.Split(tt.word)); diff != "" {
				t.Errorf("Split(%q) (-want +got):\n%s", tt.word, diff)
			}
		})
	}
}

// minPrecision is the share of the splits made that must be right.
const minPrecision = 0.98

// TestSplitLists measures the splitter on the word lists in testdata:
// compounds.tsv (a compound and its parts, finest split) and simplex.txt
// (words that must not be split), both drawn from the Alpino treebank's
// nouns, adjectives and verbs and from the language of municipalities
// (see testdata/README.md). A split is right when it cuts the word where
// the expected parts do (see sameSplit). Precision is the share of the
// splits made that are right, recall the share of the compounds split
// right.
func TestSplitLists(t *testing.T) {
	d := Default()
	compounds := readLines(t, "testdata/compounds.tsv")
	simplex := readLines(t, "testdata/simplex.txt")
	if len(compounds) < 300 || len(simplex) < 300 {
		t.Fatalf("lists too short: %d compounds, %d simplex words; want 300 each", len(compounds), len(simplex))
	}
	right, wrong := 0, 0
	var errs []string
	for _, line := range compounds {
		word, parts, ok := strings.Cut(line, "\t")
		if !ok {
			t.Fatalf("compounds.tsv: %q: want word TAB parts", line)
		}
		got := d.Leaves(word)
		switch {
		case got == nil:
			errs = append(errs, "missed     "+word)
		case sameSplit(got, strings.Fields(parts)):
			right++
		default:
			wrong++
			errs = append(errs, "wrong      "+word+": "+strings.Join(got, " ")+", want "+parts)
		}
	}
	for _, word := range simplex {
		if got := d.Leaves(word); got != nil {
			wrong++
			errs = append(errs, "split      "+word+": "+strings.Join(got, " "))
		}
	}
	precision := float64(right) / float64(right+wrong)
	recall := float64(right) / float64(len(compounds))
	for _, e := range errs {
		t.Log(e)
	}
	t.Logf("%d compounds, %d words not to split: precision %.3f (%d right, %d wrong), recall %.3f",
		len(compounds), len(simplex), precision, right, wrong, recall)
	if precision < minPrecision {
		t.Errorf("precision %.3f below %.2f", precision, minPrecision)
	}
}

// sameSplit reports whether got splits a word at the same places as want
// or at some of them: each part of got is a part of want (the same stem)
// or several neighbouring parts of want joined, with or without a linking
// element ("basistaak" for "basis" + "taak"). A split that cuts where want
// does not is wrong.
func sameSplit(got, want []string) bool {
	i, j := 0, 0
	for i < len(got) && j < len(want) {
		switch {
		case sameWord(got[i], want[j]):
			i++
			j++
		case joins(got[i], want, &j):
			i++
		default:
			return false
		}
	}
	return i == len(got) && j == len(want)
}

func sameWord(a, b string) bool {
	return a == b || dutch.Stem(a, false) == dutch.Stem(b, false)
}

// joins reports whether whole is two or more of parts joined, from *k on;
// if so it moves *k past them.
func joins(whole string, parts []string, k *int) bool {
	rest := whole
	for n := *k; n < len(parts); n++ {
		p := parts[n]
		if !strings.HasPrefix(rest, p) {
			return false
		}
		rest = rest[len(p):]
		if n > *k && rest == "" {
			*k = n + 1
			return true
		}
		for _, l := range linkers {
			if r, ok := strings.CutPrefix(rest, l); ok && n+1 < len(parts) && strings.HasPrefix(r, parts[n+1]) {
				rest = r
				break
			}
		}
	}
	return false
}

// readLines reads a list: one entry a line; blank lines and lines
// starting with # are comments.
func readLines(t *testing.T, name string) []string {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		out = append(out, line)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}
