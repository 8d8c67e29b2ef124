package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCheckSynonyms runs vanelkaar check on a corpus whose synonyms.yaml
// has every kind of problem, and expects each as path:line: message.
func TestCheckSynonyms(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join("..", "..", "corpus", "testdata", "voorbeeld")
	if err := os.CopyFS(dir, os.DirFS(src)); err != nil {
		t.Fatal(err)
	}
	syn := "- id: a\n  same: [inwoners, burgers]\n" +
		"- id: a\n  same: [x, y]\n" +
		"- id: c\n  from: [privacy]\n  to_sets: [onbekend]\n" +
		"- id: d\n  same: [gemeente, gemeenten]\n" +
		"- id: e\n  same: [de, data]\n"
	if err := os.WriteFile(filepath.Join(dir, "synonyms.yaml"), []byte(syn), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCmd(t, "", "check", "--corpus", dir)
	if code != 1 {
		t.Fatalf("exit %d, want 1; stderr %q", code, errOut)
	}
	path := filepath.Join(dir, "synonyms.yaml")
	for _, want := range []string{
		path + `:3: duplicate id "a" (first at line 1)`,
		path + `:7: synonym set "c": unknown set id "onbekend" in to_sets`,
		path + `:8: warning: synonym set "d" changes nothing: all its words analyze to "meen"`,
		path + `:11: "de" analyzes to no terms`,
	} {
		if !strings.Contains(out, want+"\n") && !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}
