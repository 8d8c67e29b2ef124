package corpus

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// mentionMatcher finds the people and municipalities a text names: a
// person by full name, a municipality by name or alias ("Den Bosch",
// "'s-Hertogenbosch"), compared after FoldName so that curly apostrophes and
// accents do not matter.
type mentionMatcher struct {
	people []nameRef
	munis  []nameRef
}

type nameRef struct {
	folded string
	id     string
}

func newMentionMatcher(c *Corpus) *mentionMatcher {
	m := &mentionMatcher{}
	for _, p := range c.People {
		m.people = append(m.people, nameRef{FoldName(p.Name), p.ID})
	}
	for _, mu := range c.Municipalities {
		m.munis = append(m.munis, nameRef{FoldName(mu.Name), mu.ID})
		for _, al := range mu.Aliases {
			m.munis = append(m.munis, nameRef{FoldName(al), mu.ID})
		}
	}
	return m
}

func (m *mentionMatcher) find(text string) (people, munis []string) {
	f := FoldName(text)
	return matchNames(f, m.people), matchNames(f, m.munis)
}

// matchNames returns the sorted, distinct ids whose name occurs in folded
// text as whole words.
func matchNames(folded string, refs []nameRef) []string {
	seen := map[string]bool{}
	var ids []string
	for _, r := range refs {
		if seen[r.id] || r.folded == "" {
			continue
		}
		if ContainsWords(folded, r.folded) {
			seen[r.id] = true
			ids = append(ids, r.id)
		}
	}
	sort.Strings(ids)
	return ids
}

// ContainsWords reports whether phrase occurs in text with word boundaries
// on both sides. Both are expected to be folded already.
func ContainsWords(text, phrase string) bool {
	for from := 0; ; {
		i := strings.Index(text[from:], phrase)
		if i < 0 {
			return false
		}
		start, end := from+i, from+i+len(phrase)
		if boundaryBefore(text, start) && boundaryAfter(text, end) {
			return true
		}
		from = start + 1
	}
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func boundaryBefore(s string, i int) bool {
	if i == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return !isWordRune(r)
}

func boundaryAfter(s string, i int) bool {
	if i >= len(s) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return !isWordRune(r)
}
