// Command gen builds the compound dictionary of package compound
// (words.tsv.gz) from the OpenTaal Dutch word list and Hunspell dictionary
// and the vocabulary of the shipped corpus.
//
// Usage, from the repository root (on Debian or Ubuntu, the inputs come
// with the packages wdutch and hunspell-nl):
//
//	go generate ./index/compound
//	go run ./index/compound/gen [--aff FILE] [--dic FILE] [--words FILE] [--out FILE]
//
// OpenTaal's Hunspell dictionary marks which words may begin (Ca), continue
// (Cb) or end (Cc) a compound, and gives each word its linking forms
// ("stads" for stad, "pannen" for pan): its makers flag only the words
// that are safe as compound parts ("just don't flag the dangerous ones",
// says nl.aff). The generator expands those flags (one level of suffixes)
// into surface forms, keeps the forms that the word list also has, and
// writes one line per form:
//
//	form TAB roles [TAB root]
//
// where roles holds m (the form can stand before another part, as
// modifier) and h (the form can end a compound, as head), and root is the
// word a modifier form stands for when it differs ("stads" -> "stad"),
// or x (the word looks like a compound but is a derivation of a verb that
// is one word, "deelnemers" of "deelnemen": not to be split).
// Lines "!end TAB start" come first: OpenTaal's CHECKCOMPOUNDPATTERN rules,
// a first part ending in end may not be followed by one starting with
// start.
package main

import (
	"bufio"
	"compress/gzip"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"vanelkaar/corpus"
)

func main() {
	aff := flag.String("aff", "/usr/share/hunspell/nl.aff", "Hunspell affix file of OpenTaal's Dutch dictionary (package hunspell-nl)")
	dic := flag.String("dic", "/usr/share/hunspell/nl.dic", "Hunspell dictionary file (package hunspell-nl)")
	words := flag.String("words", "/usr/share/dict/dutch", "OpenTaal's Dutch word list (package wdutch)")
	lexicalized := flag.String("lexicalized", "gen/lexicalized.txt", "words that look like compounds but are not to be split")
	out := flag.String("out", "words.tsv.gz", "output file")
	flag.Parse()
	if err := run(*aff, *dic, *words, *lexicalized, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

// Role flags of OpenTaal's nl.aff.
const (
	flagBegin     = "Ca" // COMPOUNDBEGIN
	flagMiddle    = "Cb" // COMPOUNDMIDDLE
	flagEnd       = "Cc" // COMPOUNDEND
	flagOnlyIn    = "Cx" // ONLYINCOMPOUND
	flagForbidden = "Fw" // FORBIDDENWORD
)

type entry struct {
	roles string // subset of "mhwx"
	root  string
}

// formSet holds the entry of each surface form.
type formSet map[string]*entry

// add gives form a role (m, h, w or x); root is the word a modifier form
// stands for, kept when it differs from the form.
func (forms formSet) add(form, role, root string) {
	e := forms[form]
	if e == nil {
		e = &entry{}
		forms[form] = e
	}
	if !strings.Contains(e.roles, role) {
		e.roles += role
	}
	if role == "m" && root != "" && root != form && e.root == "" {
		e.root = root
	}
}

func run(affPath, dicPath, wordsPath, lexPath, outPath string) error {
	rules, err := readAffixes(affPath)
	if err != nil {
		return err
	}
	known, err := readWordList(wordsPath)
	if err != nil {
		return err
	}
	forms := formSet{}
	if err := readDictionary(dicPath, rules, known, forms); err != nil {
		return err
	}
	// Every form is one the word list has, except the forms that only occur
	// inside compounds ("stads") and whose root it has.
	for form, e := range forms {
		if !known[form] && !(e.root != "" && known[e.root]) {
			delete(forms, form)
		}
	}
	extra, err := addCorpusWords(forms, known)
	if err != nil {
		return err
	}
	derived := markDerived(forms, known)
	lex, err := readLexicalized(lexPath)
	if err != nil {
		return err
	}
	for _, w := range lex {
		forms.add(w, "x", "")
	}
	patterns, err := readPatterns(affPath)
	if err != nil {
		return err
	}
	counts, err := writeDictionary(outPath, forms, patterns)
	if err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "%s: %d modifiers, %d heads, %d derivations not to split, %d patterns; from the corpus: %v\n",
		outPath, counts['m'], counts['h'], derived, len(patterns), extra)
	return nil
}

// readDictionary adds the forms of a Hunspell dictionary file: each word
// and its suffixed forms, with the roles their flags give them.
func readDictionary(dicPath string, rules map[string][]suffix, known map[string]bool, forms formSet) error {
	f, err := os.Open(dicPath)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	first := true
	for sc.Scan() {
		line := sc.Text()
		if first {
			first = false
			continue // the entry count
		}
		if i := strings.IndexAny(line, " \t"); i >= 0 {
			line = line[:i]
		}
		// OpenTaal's Hunspell files write ij as the ligature ĳ; the word
		// list and the analyzer have two letters.
		word, flags, _ := strings.Cut(strings.ReplaceAll(line, "ĳ", "ij"), "/")
		addDictionaryWord(word, splitFlags(flags), rules, known, forms)
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", dicPath, err)
	}
	return nil
}

// addDictionaryWord adds a word of the dictionary with flags fl, and the
// forms its suffix rules make of it.
func addDictionaryWord(word string, fl []string, rules map[string][]suffix, known map[string]bool, forms formSet) {
	if has(fl, flagForbidden) || !usable(word) {
		return
	}
	if strings.ToLower(word) != word {
		return // names: a compound part in lower case is a common word
	}
	begin := has(fl, flagBegin) || has(fl, flagMiddle)
	end := has(fl, flagEnd)
	if begin {
		forms.add(word, "m", "")
	}
	if end {
		forms.add(word, "h", "")
	}
	if !has(fl, flagOnlyIn) {
		forms.add(word, "w", "")
	}
	for _, fg := range fl {
		for _, r := range rules[fg] {
			form, cont, ok := r.apply(word)
			if !ok || !usable(form) {
				continue
			}
			if has(cont, flagBegin) || has(cont, flagMiddle) {
				forms.add(form, "m", word)
			}
			// A suffix on the head of a compound inflects the whole
			// ("gemeenteraden"): a suffixed form of a head is a head.
			if end || has(cont, flagEnd) {
				forms.add(form, "h", "")
			}
			if !has(cont, flagOnlyIn) && known[form] {
				forms.add(form, "w", "")
			}
		}
	}
}

// addCorpusWords adds the corpus vocabulary: its words of five letters or
// more that the word list lacks (new words of the field, loans) can be
// parts. Only the words that stand alone in the corpus count, so a
// compound of the corpus is no part of itself. It returns the words added.
func addCorpusWords(forms formSet, known map[string]bool) ([]string, error) {
	c, err := corpus.Load(corpus.Shipped())
	if err != nil {
		return nil, err
	}
	var extra []string
	for _, a := range c.Articles {
		for _, p := range a.Passages {
			for _, w := range strings.FieldsFunc(p.Text, func(r rune) bool { return !unicode.IsLetter(r) }) {
				if usable(w) && utf8.RuneCountInString(w) >= minCorpusWord && !known[w] && forms[w] == nil {
					forms.add(w, "m", "")
					forms.add(w, "h", "")
					extra = append(extra, w)
				}
			}
		}
	}
	return extra, nil
}

// writeDictionary writes the patterns and the part forms, sorted, to a
// gzipped file, and returns how many forms have each role.
func writeDictionary(outPath string, forms formSet, patterns [][2]string) (map[byte]int, error) {
	keys := make([]string, 0, len(forms))
	for k := range forms {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	o, err := os.Create(outPath)
	if err != nil {
		return nil, err
	}
	zw, err := gzip.NewWriterLevel(o, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	bw := bufio.NewWriter(zw)
	for _, p := range patterns {
		fmt.Fprintf(bw, "!%s\t%s\n", p[0], p[1])
	}
	counts := map[byte]int{}
	for _, k := range keys {
		e := forms[k]
		if !strings.ContainsAny(e.roles, "mhx") {
			continue // only parts are looked up
		}
		roles := []byte(e.roles)
		sort.Slice(roles, func(i, j int) bool { return roles[i] < roles[j] })
		for _, r := range roles {
			counts[r]++
		}
		if e.root != "" && strings.ContainsRune(e.roles, 'm') {
			fmt.Fprintf(bw, "%s\t%s\t%s\n", k, roles, e.root)
		} else {
			fmt.Fprintf(bw, "%s\t%s\n", k, roles)
		}
	}
	if err := bw.Flush(); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return counts, o.Close()
}

// readLexicalized reads a list of words, one a line, # for comments.
func readLexicalized(path string) ([]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		if line != "" && !strings.HasPrefix(line, "#") {
			out = append(out, line)
		}
	}
	return out, nil
}

// derivationSuffixes make agent nouns of verbs: "deelnemer" and
// "liefhebber" come from the verbs "deelnemen" and "liefhebben". (Action
// nouns in -ing are left alone: "productieplannen" is as much a plural
// noun as a verb, and "productieplanning" a compound.)
var derivationSuffixes = []string{"sters", "ster", "ers", "er"}

// markDerived marks with role x the words that look like compounds but
// are nouns made of a verb that is one word: "deelnemers" is no deel +
// nemers but deelnemen + -er, "liefhebbers" no lief + hebbers. Only words
// that could be split (a modifier followed by a head) are marked.
func markDerived(forms formSet, known map[string]bool) int {
	n := 0
	for w := range known {
		if !usable(w) || !splittable(forms, w) {
			continue
		}
		for _, suf := range derivationSuffixes {
			base, ok := strings.CutSuffix(w, suf)
			if ok && known[base+"en"] {
				forms.add(w, "x", "")
				n++
				break
			}
		}
	}
	return n
}

// splittable reports whether w is a modifier form followed by a head form.
func splittable(forms map[string]*entry, w string) bool {
	for i := 1; i < len(w); i++ {
		m, h := forms[w[:i]], forms[w[i:]]
		if m != nil && h != nil && strings.Contains(m.roles, "m") && strings.Contains(h.roles, "h") {
			return true
		}
	}
	return false
}

// minCorpusWord is the least number of letters of a corpus word that the
// generator adds as a part.
const minCorpusWord = 5

// readPatterns returns the CHECKCOMPOUNDPATTERN rules of an affix file
// that name letters only: the end of a first part and the start of the
// next that must not meet ("huis" + "vesting"; "huisvesting" is one word).
func readPatterns(path string) ([][2]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out [][2]string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fs := strings.Fields(sc.Text())
		if len(fs) < 3 || fs[0] != "CHECKCOMPOUNDPATTERN" || strings.ContainsAny(fs[1]+fs[2], "/") {
			continue
		}
		// OpenTaal writes ij as the ligature in some patterns; the
		// analyzer has it as two letters.
		out = append(out, [2]string{strings.ReplaceAll(fs[1], "ĳ", "ij"), strings.ReplaceAll(fs[2], "ĳ", "ij")})
	}
	return out, sc.Err()
}

// usable reports whether a form is a plain lower-case word of letters: no
// hyphen, digit, apostrophe or point.
func usable(w string) bool {
	if w == "" {
		return false
	}
	for _, r := range w {
		if !unicode.IsLower(r) {
			return false
		}
	}
	return true
}

func splitFlags(s string) []string {
	var out []string
	for i := 0; i+1 < len(s); i += 2 {
		out = append(out, s[i:i+2])
	}
	return out
}

func has(flags []string, f string) bool { return slices.Contains(flags, f) }

func readWordList(path string) (map[string]bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	known := map[string]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if w := strings.TrimSpace(sc.Text()); w != "" {
			known[w] = true
		}
	}
	return known, sc.Err()
}

// suffix is one SFX rule of the affix file.
type suffix struct {
	strip, add string
	cont       []string // continuation flags of the affixed form
	cond       []class  // condition on the end of the word
}

// class is one position of a condition: a set of runes, or its complement.
type class struct {
	runes  string
	negate bool
	any    bool
}

func (c class) match(r rune) bool {
	if c.any {
		return true
	}
	return strings.ContainsRune(c.runes, r) != c.negate
}

func (s suffix) apply(word string) (string, []string, bool) {
	if !strings.HasSuffix(word, s.strip) {
		return "", nil, false
	}
	rs := []rune(word)
	if len(s.cond) > len(rs) {
		return "", nil, false
	}
	tail := rs[len(rs)-len(s.cond):]
	for i, c := range s.cond {
		if !c.match(tail[i]) {
			return "", nil, false
		}
	}
	return strings.TrimSuffix(word, s.strip) + s.add, s.cont, true
}

// readAffixes reads the SFX rules of an affix file by flag.
func readAffixes(path string) (map[string][]suffix, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return parseAffixes(f, path)
}

func parseAffixes(r io.Reader, path string) (map[string][]suffix, error) {
	rules := map[string][]suffix{}
	sc := bufio.NewScanner(r)
	n := 0
	for sc.Scan() {
		n++
		fs := strings.Fields(strings.ReplaceAll(sc.Text(), "ĳ", "ij"))
		if len(fs) < 4 || fs[0] != "SFX" {
			continue
		}
		if len(fs) == 4 && (fs[2] == "Y" || fs[2] == "N") && isNumber(fs[3]) {
			continue // header
		}
		if len(fs) == 4 {
			fs = append(fs, ".") // no condition
		}
		s := suffix{strip: zero(fs[2])}
		add, cont, _ := strings.Cut(fs[3], "/")
		s.add = zero(add)
		s.cont = splitFlags(cont)
		cond, err := parseCondition(fs[4])
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, n, err)
		}
		s.cond = cond
		if strings.ContainsAny(s.add, "-'") {
			continue // hyphenated or apostrophe forms are not parts
		}
		rules[fs[1]] = append(rules[fs[1]], s)
	}
	return rules, sc.Err()
}

func isNumber(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

func zero(s string) string {
	if s == "0" {
		return ""
	}
	return s
}

func parseCondition(s string) ([]class, error) {
	if s == "." {
		return nil, nil
	}
	var out []class
	rs := []rune(s)
	for i := 0; i < len(rs); i++ {
		switch rs[i] {
		case '.':
			out = append(out, class{any: true})
		case '[':
			j := i + 1
			c := class{}
			if j < len(rs) && rs[j] == '^' {
				c.negate = true
				j++
			}
			k := j
			for k < len(rs) && rs[k] != ']' {
				k++
			}
			if k == len(rs) {
				return nil, fmt.Errorf("condition %q: no ]", s)
			}
			c.runes = string(rs[j:k])
			out = append(out, c)
			i = k
		default:
			out = append(out, class{runes: string(rs[i])})
		}
	}
	return out, nil
}
