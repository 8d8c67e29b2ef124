package synth

import (
	_ "embed"
	"fmt"
	"strings"
)

//go:embed lexicon.txt
var lexiconText string

// lexicon is lexicon.txt read into its sections.
type lexicon struct {
	sections map[string][]string
}

func parseLexicon(src string) (*lexicon, error) {
	l := &lexicon{sections: map[string][]string{}}
	cur := ""
	for i, line := range strings.Split(src, "\n") {
		line = strings.TrimSpace(line)
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]"):
			cur = line[1 : len(line)-1]
			if _, dup := l.sections[cur]; dup {
				return nil, fmt.Errorf("lexicon.txt:%d: section [%s] twice", i+1, cur)
			}
			l.sections[cur] = nil
		case cur == "":
			return nil, fmt.Errorf("lexicon.txt:%d: entry before the first section", i+1)
		default:
			l.sections[cur] = append(l.sections[cur], line)
		}
	}
	return l, nil
}

// list returns a section's entries; a missing or empty section is an error
// in the lexicon, reported once by check.
func (l *lexicon) list(name string) []string { return l.sections[name] }

// pairs splits a section's "a | b" entries; b is "" when absent.
func (l *lexicon) pairs(name string) [][2]string {
	var out [][2]string
	for _, e := range l.sections[name] {
		a, b, _ := strings.Cut(e, "|")
		out = append(out, [2]string{strings.TrimSpace(a), strings.TrimSpace(b)})
	}
	return out
}

// check reports the sections the generator needs that are missing.
func (l *lexicon) check(themes []string) error {
	need := []string{"gemeenten", "provincies", "voornamen", "achternamen", "rollen", "partners",
		"lettergrepen", "wijken", "bijvoeglijk", "voorvoegsels", "achtervoegsels", "titels",
		"inleidingen", "onderwerpen.algemeen", "zinnen.algemeen", "citaten.algemeen"}
	for _, t := range themes {
		need = append(need, "onderwerpen."+t, "koppen."+t, "zinnen."+t, "citaten."+t)
	}
	var missing []string
	for _, n := range need {
		if len(l.sections[n]) == 0 {
			missing = append(missing, n)
		}
	}
	if len(missing) > 0 {
		return fmt.Errorf("lexicon.txt: missing or empty sections: %s", strings.Join(missing, ", "))
	}
	return nil
}
