package corpus

import (
	"errors"
	"io/fs"
	"strings"
	"unicode/utf8"
)

// SynonymsFile is the optional registry of synonyms beside themes.yaml.
const SynonymsFile = "synonyms.yaml"

// Limits on one synonym entry, so that a query's expansion stays small.
const (
	MaxSynonymWords  = 12 // words (single or multi-word) in one set
	MaxSynonymTokens = 5  // words in one multi-word entry
	MaxSynonymRunes  = 80 // characters in one entry
)

// SynonymSet is one entry of synonyms.yaml. An equivalence set (Same)
// makes each of its words find the others; a one-way expansion makes each
// word of From also find the words of To and of the sets named in ToSets,
// but not the other way round (privacy -> AVG, not AVG -> privacy).
// Entries of several words ("kunstmatige intelligentie") match as
// phrases. Matching goes through the Dutch analyzer at query time, so
// inflected forms count; that part of the checking (entries that analyze
// to nothing or to the same terms) is the index's (see index.SynonymProblems).
type SynonymSet struct {
	ID     string
	Line   int
	Same   []string
	From   []string
	To     []string
	ToSets []string
	// Lines of the entries of Same, From and To, for messages.
	SameLines, FromLines, ToLines []int
}

// OneWay reports whether the set is a one-way expansion.
func (s *SynonymSet) OneWay() bool { return len(s.Same) == 0 }

// Triggers are the words that start an expansion; Targets the words
// searched in addition (for an equivalence set, both are Same). The sets
// named in ToSets are resolved by Corpus.SynonymTargets.
func (s *SynonymSet) Triggers() []string {
	if s.OneWay() {
		return s.From
	}
	return s.Same
}

// SynonymSet returns the set with the given id, or nil.
func (c *Corpus) SynonymSet(id string) *SynonymSet {
	for _, s := range c.Synonyms {
		if s.ID == id {
			return s
		}
	}
	return nil
}

// SynonymTargets are the words a set's triggers also search for: its own
// words, those of To, and the words of every set named in ToSets.
func (c *Corpus) SynonymTargets(s *SynonymSet) []string {
	if !s.OneWay() {
		return s.Same
	}
	out := append([]string{}, s.To...)
	for _, id := range s.ToSets {
		if t := c.SynonymSet(id); t != nil {
			out = append(out, t.Triggers()...)
			if t.OneWay() {
				out = append(out, t.To...)
			}
		}
	}
	return out
}

// loadSynonyms reads synonyms.yaml when it is there: a corpus without one
// simply has no synonyms.
func (c *Corpus) loadSynonyms(r *reader, ps *problems) {
	if _, err := r.stat(SynonymsFile); errors.Is(err, fs.ErrNotExist) {
		return
	}
	seen := map[string]int{}
	// sameAt maps a folded word of an equivalence set to the set and line
	// that hold it: a word in two sets would make "equivalent" ambiguous.
	sameAt := map[string]synonymAt{}
	var refs []synonymAt
	registry(r, SynonymsFile, ps, func(m *mapping) {
		id, ok := requireID(m, seen)
		s := &SynonymSet{ID: id, Line: m.line()}
		s.Same, s.SameLines = m.list("same")
		s.From, s.FromLines = m.list("from")
		s.To, s.ToLines = m.list("to")
		var setLines []int
		s.ToSets, setLines = m.list("to_sets")
		ok = checkSynonymShape(m, s) && ok
		okWords := checkSynonymWords(m, id, "same", s.Same, s.SameLines) &&
			checkSynonymWords(m, id, "from", s.From, s.FromLines) &&
			checkSynonymWords(m, id, "to", s.To, s.ToLines)
		if len(s.Same)+len(s.To)+len(s.From) > MaxSynonymWords {
			ps.errorf(m.path, m.line(), "synonym set %q has more than %d words: split it", id, MaxSynonymWords)
			okWords = false
		}
		okWords = checkSameOnce(m, s, sameAt) && okWords
		for i, ref := range s.ToSets {
			refs = append(refs, synonymAt{id: ref, line: setLines[i], set: id})
		}
		if ok && okWords {
			c.Synonyms = append(c.Synonyms, s)
		}
	})
	for _, r := range refs {
		switch t := c.SynonymSet(r.id); {
		case r.id == r.set:
			ps.errorf(SynonymsFile, r.line, "synonym set %q names itself in to_sets", r.set)
		case t == nil && seen[r.id] == 0:
			ps.errorf(SynonymsFile, r.line, "synonym set %q: unknown set id %q in to_sets", r.set, r.id)
		}
	}
}

// synonymAt is a set id named at a line of synonyms.yaml: the set holding
// a word of same, or, with set, a reference in set's to_sets.
type synonymAt struct {
	id   string
	line int
	set  string
}

// checkSynonymShape checks that a set is either an equivalence (same, two
// or more words) or a one-way expansion (from, and to or to_sets).
func checkSynonymShape(m *mapping, s *SynonymSet) bool {
	id := s.ID
	switch {
	case len(s.Same) > 0 && (len(s.From) > 0 || len(s.To) > 0 || len(s.ToSets) > 0):
		m.ps.errorf(m.path, m.line(), "synonym set %q: give either same (words that find each other) or from and to (a one-way expansion), not both", id)
	case len(s.Same) == 1:
		m.ps.errorf(m.path, s.SameLines[0], "synonym set %q: same needs two or more words", id)
	case len(s.Same) == 0 && len(s.From) == 0:
		m.ps.errorf(m.path, m.line(), "synonym set %q: give same (two or more words that find each other) or from and to", id)
	case len(s.Same) == 0 && len(s.To) == 0 && len(s.ToSets) == 0:
		m.ps.errorf(m.path, s.FromLines[0], "synonym set %q: a one-way expansion needs to or to_sets", id)
	default:
		return true
	}
	return false
}

// checkSameOnce checks that no word of a set's same is in another set's
// same, and records where its words are.
func checkSameOnce(m *mapping, s *SynonymSet, sameAt map[string]synonymAt) bool {
	ok := true
	for i, w := range s.Same {
		k := FoldName(w)
		if prev, dup := sameAt[k]; dup && prev.id != s.ID {
			m.ps.errorf(m.path, s.SameLines[i], "%q is also in synonym set %q (line %d): merge the two sets", w, prev.id, prev.line)
			ok = false
			continue
		}
		sameAt[k] = synonymAt{id: s.ID, line: s.SameLines[i]}
	}
	return ok
}

// checkSynonymWords checks the words of one field: not empty, not too
// long, no word twice (compared as users type them).
func checkSynonymWords(m *mapping, id, field string, words []string, lines []int) bool {
	ok := true
	seen := map[string]int{}
	for i, w := range words {
		k := FoldName(w)
		switch {
		case k == "":
			m.ps.errorf(m.path, lines[i], "synonym set %q: empty word in %s", id, field)
			ok = false
		case utf8.RuneCountInString(w) > MaxSynonymRunes:
			m.ps.errorf(m.path, lines[i], "synonym set %q: %q is longer than %d characters", id, w, MaxSynonymRunes)
			ok = false
		case len(strings.Fields(w)) > MaxSynonymTokens:
			m.ps.errorf(m.path, lines[i], "synonym set %q: %q has more than %d words", id, w, MaxSynonymTokens)
			ok = false
		case seen[k] > 0:
			m.ps.errorf(m.path, lines[i], "synonym set %q: duplicate word %q (first at line %d)", id, w, seen[k])
			ok = false
		default:
			seen[k] = lines[i]
		}
	}
	return ok
}
