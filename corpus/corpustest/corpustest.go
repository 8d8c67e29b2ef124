// Package corpustest helps tests find the shared test data that lies
// beside the repository (shared/data), which the product never needs.
package corpustest

import (
	"os"
	"path/filepath"
	"testing"
)

// TreebankDir returns the folder of the UD Dutch treebank, shared/data/ud,
// found by walking up from the working directory. Without it the test is
// skipped, except in CI (CI set), where the folder is always there.
func TreebankDir(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		cand := filepath.Join(dir, "shared", "data", "ud")
		if m, _ := filepath.Glob(filepath.Join(cand, "*.conllu")); len(m) > 0 {
			return cand
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			const msg = "shared/data/ud not found beside the repository"
			if os.Getenv("CI") != "" {
				t.Fatal(msg)
			}
			t.Skip(msg)
		}
		dir = parent
	}
}
