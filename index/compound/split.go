package compound

import (
	"strings"
	"unicode/utf8"
)

// Length limits of parts, in letters.
const (
	minPart      = 4 // every part, modifiers with their linking element
	minRoot      = 3 // the word a modifier stands for ("pan" of "pannen")
	minShortHead = 3 // a head on the shortHeads list
	maxLeaves    = 4 // parts of the finest split
)

// shortHeads are the three-letter nouns that may end a compound. OpenTaal
// flags no word this short as a part, as most would cut words where a
// reader sees none; these are common heads in public-sector language
// whose compounds are plain ("gemeentewet", "snelweg", "raadslid").
var shortHeads = setOf("wet", "weg", "lid", "pad", "rit", "bus", "tas", "zak", "map")

// blockedModifiers are words OpenTaal lets begin a compound that are
// adverbs, particles or borrowed prefixes rather than words a reader sees
// as a part: a query for them should not find every word they begin
// ("binnenkort", "bovendien", "transacties", "combinatie").
var blockedModifiers = setOf(
	"achter", "binnen", "boven", "buiten", "veel", "heel", "rond",
	"anti", "combi", "contra", "cult", "hyper", "infra", "inter", "mega", "multi",
	"neo", "pro", "pseudo", "semi", "trans", "ultra", "vice",
)

// blockedHeads end words that are derivations rather than compounds: the
// adjective suffixes -loos, -vol, -matig, -kundig, -achtig, -baar,
// -waardig, -zaam, -rijk ("kansloos", "succesvolle", "regelmatig",
// "verpleegkundige", "belangrijk"), and "goed", which as a query is the adjective and
// should not find "speelgoed".
var blockedHeads = setOf(
	"loos", "loze", "vol", "volle", "voller", "volste",
	"matig", "matige", "matiger", "matigheid",
	"kundig", "kundige", "kundigen", "kundigheid",
	"achtig", "achtige", "baar", "bare", "waardig", "waardige", "zaam", "zame",
	"goed", "goederen", "rijk", "rijke", "rijker", "rijkst", "rijkste",
)

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// Split returns the parts of a compound, finest split first level by
// level: the two parts of the best split, then the parts of each of those
// that is itself a compound ("gemeenteraadsvergadering": gemeenteraad,
// vergadering, gemeente, raad). A modifier is given as the word it stands
// for, without its linking element ("stads" as "stad"); the head keeps its
// inflection ("raden"). Split returns nil for a word that is not a
// compound. The word must be in lower case. The answer is shared: the
// caller must not change it.
func (d *Dictionary) Split(word string) []string {
	d.mu.RLock()
	parts, ok := d.cache[word]
	d.mu.RUnlock()
	if ok {
		return parts
	}
	parts = d.splitUncached(word)
	d.mu.Lock()
	if len(d.cache) >= maxCached {
		clear(d.cache)
	}
	d.cache[strings.Clone(word)] = parts // word may share memory with the caller's
	d.mu.Unlock()
	return parts
}

// splitUncached is Split without the cache.
func (d *Dictionary) splitUncached(word string) []string {
	n := d.split(word, maxLeaves)
	if n == nil {
		return nil
	}
	var out []string
	queue := []*node{n}
	for len(queue) > 0 {
		cur := queue[0]
		queue = queue[1:]
		for _, k := range cur.kids {
			out = append(out, k.word)
			if len(k.kids) > 0 {
				queue = append(queue, k)
			}
		}
	}
	return out
}

// Leaves returns the finest split of a compound ("gemeente", "raad",
// "vergadering"), or nil.
func (d *Dictionary) Leaves(word string) []string {
	n := d.split(word, maxLeaves)
	if n == nil {
		return nil
	}
	var out []string
	var walk func(*node)
	walk = func(n *node) {
		if len(n.kids) == 0 {
			out = append(out, n.word)
			return
		}
		for _, k := range n.kids {
			walk(k)
		}
	}
	walk(n)
	return out
}

// node is a word in a split tree: its parts, if it is split.
type node struct {
	word string
	kids []*node
}

func (n *node) leaves() int {
	if len(n.kids) == 0 {
		return 1
	}
	s := 0
	for _, k := range n.kids {
		s += k.leaves()
	}
	return s
}

// split finds the best split of word into two parts, each split again if
// it is a compound, with at most budget leaves; nil when word is no
// compound.
func (d *Dictionary) split(word string, budget int) *node {
	if budget < 2 || len(word) < minPart+minShortHead || d.forms[word].roles&roleWhole != 0 {
		return nil
	}
	var best *node
	bestLong, bestHead := 0, 0
	for i := 1; i < len(word); i++ {
		if !utf8.RuneStart(word[i]) {
			continue
		}
		left, right := word[:i], word[i:]
		nl, nr := utf8.RuneCountInString(left), utf8.RuneCountInString(right)
		if nl < minPart || nr < minShortHead {
			continue
		}
		h, ok := d.forms[right]
		if !ok || h.roles&roleHead == 0 && !shortHeads[right] {
			if !shortHeads[right] {
				continue
			}
		}
		if nr < minPart && !shortHeads[right] || blockedHead(right) {
			continue
		}
		root, ok := d.modifier(left)
		if !ok || d.forbidden(left, right) || d.cutsWhole(word, i) {
			continue
		}
		long := max(nl, nr)
		if best != nil && (long < bestLong || long == bestLong && nr <= bestHead) {
			continue
		}
		best = &node{word: word, kids: []*node{{word: root}, {word: right}}}
		bestLong, bestHead = long, nr
	}
	if best == nil {
		return nil
	}
	// Split the parts again while the budget lasts: the head first, as
	// Dutch compounds nest to the right as often as to the left.
	left := budget - 1
	for _, k := range []int{1, 0} {
		kid := best.kids[k]
		if sub := d.split(kid.word, left); sub != nil {
			best.kids[k] = sub
			left -= sub.leaves() - 1
		}
	}
	return best
}

// linkers are the linking elements Dutch puts between a modifier and the
// next part ("stadsdeel", "pannenkoek", "paardebloem"), longest first.
var linkers = []string{"en", "s", "e"}

// modifier returns the word a modifier form stands for: the form itself,
// its root from the dictionary ("stads" -> "stad"), or a modifier of the
// dictionary followed by a linking element ("raads" -> "raad"), which
// OpenTaal does not list for every word.
func (d *Dictionary) modifier(form string) (string, bool) {
	if m, ok := d.forms[form]; ok && m.roles&roleModifier != 0 {
		root := form
		if m.root != "" {
			root = m.root
		}
		if utf8.RuneCountInString(root) < minRoot || blockedModifiers[root] {
			return "", false
		}
		return root, true
	}
	for _, l := range linkers {
		root, ok := strings.CutSuffix(form, l)
		if !ok || utf8.RuneCountInString(root) < minPart || blockedModifiers[root] {
			continue
		}
		if m, ok := d.forms[root]; ok && m.roles&roleModifier != 0 && m.root == "" {
			return root, true
		}
	}
	return "", false
}

// forbidden reports whether a pattern forbids the split left + right.
func (d *Dictionary) forbidden(left, right string) bool {
	for _, p := range d.patterns {
		if strings.HasSuffix(left, p.end) && strings.HasPrefix(right, p.start) {
			return true
		}
	}
	return false
}

// cutsWhole reports whether a cut of word at byte i falls inside a word
// that is not to be split and that begins or ends word: "slachtoffers"
// is not cut after "slacht", "oudwethouders" not after "oudwet".
func (d *Dictionary) cutsWhole(word string, i int) bool {
	for p := i + 1; p <= len(word); p++ {
		if d.forms[word[:p]].roles&roleWhole != 0 {
			return true
		}
	}
	for q := 0; q < i; q++ {
		if d.forms[word[q:]].roles&roleWhole != 0 {
			return true
		}
	}
	return false
}

// blockedHead reports whether a head is a derivational suffix, also with
// -heid after it ("werkloosheid" is werkloos + -heid, not werk +
// "loosheid").
func blockedHead(head string) bool {
	if base, ok := strings.CutSuffix(head, "heid"); ok {
		head = base
	}
	return blockedHeads[head]
}
