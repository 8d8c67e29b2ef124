package dutch

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// vocabDir finds snowball/dutch in the shared data folder, which lies
// beside the repository (<repo root>/../shared/data), by walking up from
// the working directory. It returns "" if there is none.
func vocabDir(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		cand := filepath.Join(dir, "shared", "data", "snowball", "dutch")
		if _, err := os.Stat(filepath.Join(cand, "voc.txt")); err == nil {
			return cand
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// readLines returns the lines of a file.
func readLines(t testing.TB, path string) []string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var lines []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return lines
}

// loadVocabulary returns Snowball's Dutch vocabulary and expected stems.
// Without the shared data folder it skips the test, except in CI (CI set),
// where the folder is always there and a skip would hide a broken set-up.
func loadVocabulary(t testing.TB) (words, stems []string) {
	t.Helper()
	dir := vocabDir(t)
	if dir == "" {
		const msg = "shared/data/snowball/dutch not found beside the repository"
		if os.Getenv("CI") != "" {
			t.Fatal(msg)
		}
		t.Skip(msg + "; only the committed sample is checked")
	}
	words = readLines(t, filepath.Join(dir, "voc.txt"))
	stems = readLines(t, filepath.Join(dir, "output.txt"))
	if len(words) != len(stems) {
		t.Fatalf("voc.txt has %d lines but output.txt has %d", len(words), len(stems))
	}
	return words, stems
}

// checkStems stems each word and reports the words whose stem differs.
func checkStems(t *testing.T, words, stems []string) {
	t.Helper()
	const maxShown = 50
	bad := 0
	for i, word := range words {
		if got := Stem(word, true); got != stems[i] {
			if bad < maxShown {
				t.Errorf("Stem(%q) = %q, want %q", word, got, stems[i])
			}
			bad++
		}
	}
	if bad > 0 {
		t.Errorf("%d of %d words stem differently", bad, len(words))
	}
	t.Logf("%d of %d words stem as expected", len(words)-bad, len(words))
}

// TestConformance checks every word of Snowball's Dutch vocabulary
// (voc.txt) against Snowball's expected output (output.txt).
func TestConformance(t *testing.T) {
	words, stems := loadVocabulary(t)
	if len(words) != 45670 {
		t.Errorf("vocabulary has %d words, want 45670", len(words))
	}
	checkStems(t, words, stems)
}

// TestConformanceSample checks the committed sample of the vocabulary,
// which is there even when the shared data folder is not.
func TestConformanceSample(t *testing.T) {
	var words, stems []string
	for _, line := range readLines(t, filepath.Join("testdata", "voc_sample.tsv")) {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		word, stem, ok := strings.Cut(line, "\t")
		if !ok {
			t.Fatalf("bad sample line %q", line)
		}
		words = append(words, word)
		stems = append(stems, stem)
	}
	if len(words) < 400 {
		t.Errorf("sample has %d words, want at least 400", len(words))
	}
	checkStems(t, words, stems)
}
