package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"vanelkaar/index/dutch"
	"vanelkaar/search"
)

// TestAnalyzeStdin: words on standard input, one per line, give their
// terms line by line; a stop word gives an empty line.
func TestAnalyzeStdin(t *testing.T) {
	code, out, errOut := runCmd(t, "gemeenten\n", "analyze")
	if code != 0 {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	if want := dutch.Stem("gemeenten", false) + "\n"; out != want {
		t.Errorf("echo gemeenten | vanelkaar analyze = %q, want %q", out, want)
	}

	code, out, errOut = runCmd(t, "innovaties\nde\ne-privacy\nfinanciële\n\n‘s-Hertogenbosch\n", "analyze")
	if code != 0 {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	want := strings.Join([]string{
		dutch.Stem("innovaties", false),
		"",
		"e-privacy\teprivacy\tprivacy",
		"financieel\tfinanciel",
		"",
		"s-hertonbosch\thertonbosch",
	}, "\n") + "\n"
	if diff := cmp.Diff(want, out); diff != "" {
		t.Errorf("output mismatch (-want +got):\n%s", diff)
	}
}

// TestAnalyzeText: arguments are one text, printed as a table of tokens,
// or with --json as the object the API answers.
func TestAnalyzeText(t *testing.T) {
	code, out, errOut := runCmd(t, "", "analyze", "De", "e-privacy")
	if code != 0 {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	want := "POSITION  START  END  TEXT       TERMS\n" +
		"2         3      12   e-privacy  e-privacy eprivacy\n" +
		"2         5      12   privacy    privacy\n"
	if diff := cmp.Diff(want, out); diff != "" {
		t.Errorf("table mismatch (-want +got):\n%s", diff)
	}

	// A compound shows its parts' terms.
	code, out, errOut = runCmd(t, "", "analyze", "de", "energietransitie", "lokaal")
	if code != 0 {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	want = "POSITION  START  END  TEXT              TERMS             PARTS\n" +
		"2         3      19   energietransitie  energietransitie  energ transitie\n" +
		"3         20     26   lokaal            lokaal            -\n"
	if diff := cmp.Diff(want, out); diff != "" {
		t.Errorf("compound table mismatch (-want +got):\n%s", diff)
	}

	code, out, errOut = runCmd(t, "", "analyze", "--json", "auto’s", "zo'n")
	if code != 0 {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	var got search.Analysis
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("--json output %q: %v", out, err)
	}
	wantJSON := search.Analysis{Text: "auto’s zo'n", Analyzer: "vanelkaar_nl", Tokens: []search.Token{
		{Text: "auto’s", Position: 1, Start: 0, End: 8, Terms: []string{"auto"}},
		{Text: "zo'n", Position: 2, Start: 9, End: 13, Terms: []string{"zo'n"}},
	}}
	if diff := cmp.Diff(wantJSON, got); diff != "" {
		t.Errorf("--json mismatch (-want +got):\n%s", diff)
	}

	code, out, errOut = runCmd(t, "", "analyze", "--json", "stadsdelen")
	if code != 0 {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	got = search.Analysis{}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("--json output %q: %v", out, err)
	}
	wantJSON = search.Analysis{Text: "stadsdelen", Analyzer: "vanelkaar_nl", Tokens: []search.Token{
		{Text: "stadsdelen", Position: 1, Start: 0, End: 10, Terms: []string{"stadsdeel"}, Parts: []string{"stad", "deel"}},
	}}
	if diff := cmp.Diff(wantJSON, got); diff != "" {
		t.Errorf("--json compound mismatch (-want +got):\n%s", diff)
	}
}

func TestAnalyzeStdinJSON(t *testing.T) {
	code, out, errOut := runCmd(t, "gemeenten\nde\n", "analyze", "--json")
	if code != 0 {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != 2 {
		t.Fatalf("got %d lines, want one per word: %q", len(lines), out)
	}
	var a, b search.Analysis
	if err := json.Unmarshal([]byte(lines[0]), &a); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(lines[1]), &b); err != nil {
		t.Fatal(err)
	}
	if len(a.Tokens) != 1 || !cmp.Equal(a.Tokens[0].Terms, []string{dutch.Stem("gemeenten", false)}) || len(b.Tokens) != 0 {
		t.Errorf("got %+v and %+v, want the stem of gemeenten and no tokens for de", a, b)
	}
}
