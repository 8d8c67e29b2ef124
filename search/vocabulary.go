package search

import (
	"sort"
	"strings"
	"unicode/utf8"

	"vanelkaar/corpus"
	"vanelkaar/index"
)

// vocabulary is the index's vocabulary prepared for lookups: words sorted
// by their folded form for prefix search, and names with every folded
// form a user may start typing.
type vocabulary struct {
	words []vword
	names []vname
}

type vword struct {
	index.Word
	key   string // lower case, accents removed
	runes []rune // key, for edit distances
}

type vname struct {
	index.Name
	keys  []string // folded name and aliases, each also from every later word on
	runes [][]rune // keys, for edit distances
}

func newVocabulary(v index.Vocabulary) *vocabulary {
	voc := &vocabulary{}
	for _, w := range v.Words {
		key := fold(w.Text)
		voc.words = append(voc.words, vword{Word: w, key: key, runes: []rune(key)})
	}
	sort.Slice(voc.words, func(i, j int) bool {
		a, b := voc.words[i], voc.words[j]
		if a.key != b.key {
			return a.key < b.key
		}
		return a.Text < b.Text
	})
	for _, n := range v.Names {
		vn := vname{Name: n}
		for _, s := range append([]string{n.Text}, n.Aliases...) {
			f := fold(s)
			vn.keys = append(vn.keys, f)
			for i, r := range f {
				if (r == ' ' || r == '-' || r == '\'') && i+1 < len(f) {
					vn.keys = append(vn.keys, strings.TrimLeft(f[i+1:], " -'"))
				}
			}
		}
		for _, k := range vn.keys {
			vn.runes = append(vn.runes, []rune(k))
		}
		voc.names = append(voc.names, vn)
	}
	return voc
}

// fold makes text comparable as users type it: lower case, no accents,
// straight apostrophes, single spaces.
func fold(s string) string { return corpus.FoldName(s) }

// prefixRange returns the words whose key starts with p.
func (v *vocabulary) prefixRange(p string) []vword {
	lo := sort.Search(len(v.words), func(i int) bool { return v.words[i].key >= p })
	hi := lo
	for hi < len(v.words) && strings.HasPrefix(v.words[hi].key, p) {
		hi++
	}
	return v.words[lo:hi]
}

// editDistance returns the optimal-string-alignment distance (Levenshtein
// with transpositions of neighbours) between a and b, or limit+1 when it
// is more than limit. With prefix set it measures a against the closest
// prefix of b instead: how far a typed beginning is from b's.
func editDistance(a, b []rune, limit int, prefix bool) int {
	if !prefix && abs(len(a)-len(b)) > limit {
		return limit + 1
	}
	n := len(b)
	if prefix && n > len(a)+limit {
		n = len(a) + limit
	}
	// Three rows of the table; on the stack for words of usual length.
	var buf [3 * 48]int
	var rows []int
	if 3*(n+1) <= len(buf) {
		rows = buf[:3*(n+1)]
	} else {
		rows = make([]int, 3*(n+1))
	}
	prev2, prev, cur := rows[:n+1], rows[n+1:2*(n+1)], rows[2*(n+1):]
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= n; j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d = min(d, prev2[j-2]+1)
			}
			cur[j] = d
			rowMin = min(rowMin, d)
		}
		if rowMin > limit {
			return limit + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	d := prev[n]
	if prefix {
		for j := max(0, len(a)-limit); j <= n; j++ {
			d = min(d, prev[j])
		}
	}
	return min(d, limit+1)
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// runeCount is utf8.RuneCountInString, named for what the typo rules count.
func runeCount(s string) int { return utf8.RuneCountInString(s) }
