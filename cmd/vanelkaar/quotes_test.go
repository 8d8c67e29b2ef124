package main

import (
	"strings"
	"testing"
)

// The alias "Den Bosch" finds what concerns ‘s-Hertogenbosch, which the
// shipped corpus only writes with a curly apostrophe.
func TestSearchMunicipalityAlias(t *testing.T) {
	code, out, errOut := runCmd(t, "", "search", "Den Bosch")
	if code != 0 || !strings.Contains(out, "Gerard Velders") {
		t.Errorf("vanelkaar search \"Den Bosch\": exit %d, output:\n%s%s", code, out, errOut)
	}
	res := searchJSON(t, "Den Bosch")
	found := false
	for _, h := range res.Hits {
		if h.ID == "person/gerard-velders" {
			found = true
		}
		if !contains(h.Municipalities, "s-hertogenbosch") {
			t.Errorf("hit %s is not about s-hertogenbosch: %v", h.ID, h.Municipalities)
		}
	}
	if !found {
		t.Errorf("no person hit for Gerard Velders among %d hits", len(res.Hits))
	}
}

func TestCheckWarnsAboutQuotes(t *testing.T) {
	const dir = "../../corpus/testdata/voorbeeld"
	code, out, errOut := runCmd(t, "", "check", "--corpus", dir)
	if code != 0 {
		t.Errorf("warnings only: exit %d, want 0\n%s", code, errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	want := []string{
		dir + "/artikelen/02-samen-met-de-regio.md:36: warning: quote “Het platform is in het voorjaar klaar” has no speaker: “Marieke” could be",
		dir + "/artikelen/02-samen-met-de-regio.md:38: warning: quote “We beginnen in januari met twee wijken.” has no speaker: the sentence before it names",
		dir + "/artikelen/02-samen-met-de-regio.md:41: warning: quote “Wij doen graag mee” has no speaker: “zegt Hanna” names no one in people.yaml",
		dir + "/artikelen/02-samen-met-de-regio.md:43: warning: quote “De regio moet één loket hebben” has no speaker: “Karel” names no one introduced earlier",
	}
	if len(lines) != len(want) {
		t.Fatalf("got %d lines, want %d:\n%s", len(lines), len(want), out)
	}
	for i, w := range want {
		if !strings.HasPrefix(lines[i], w) {
			t.Errorf("line %d:\n got %s\nwant %s…", i+1, lines[i], w)
		}
	}
	if !strings.Contains(errOut, "no errors, 4 warnings") {
		t.Errorf("summary %q", errOut)
	}
}

func TestServeRejectsABadPublicURL(t *testing.T) {
	code, _, errOut := runCmd(t, "", "serve", "--addr", "127.0.0.1:0", "--public-url", "zoeken.example.nl")
	if code != 2 || !strings.Contains(errOut, "--public-url") {
		t.Errorf("exit %d, stderr %q; want 2 and the flag named", code, errOut)
	}
}
