package analyzer

import (
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
)

// tokenizer splits text into words (see the package comment). With parts
// set, a hyphenated word is followed by its parts at the same position.
// Offsets are byte offsets into the input; the terms are slices of it.
type tokenizer struct {
	parts bool
}

// minPartRunes is the least number of letters and digits a part of a
// hyphenated word needs to be indexed on its own: the "e" of "e-privacy"
// would match every e-word.
const minPartRunes = 2

func (t tokenizer) Tokenize(input []byte) analysis.TokenStream {
	var s slab
	out := make(analysis.TokenStream, 0, estimateTokens(len(input)))
	var hyphens []span // hyphens inside the current word
	pos := 0
	prevWord := false // the rune before i belongs to a word
	for i := 0; i < len(input); {
		r, n := decode(input, i)
		start := i
		switch {
		case isWordStart(r):
		case isApostrophe(r) && !prevWord && elisionAt(input, i+n):
		default:
			prevWord = false
			i += n
			continue
		}
		if end, letters := acronymAt(input, start); end > 0 {
			pos++
			out = append(out, s.termToken(input, letters, start, end, pos))
			i = end
			prevWord = true
			continue
		}
		end, numeric := scanWord(input, start, &hyphens)
		pos++
		typ := analysis.AlphaNumeric
		if numeric {
			typ = analysis.Numeric
		}
		out = append(out, s.token(input, start, end, pos, typ))
		if t.parts && len(hyphens) > 0 {
			from := start
			for k := 0; k <= len(hyphens); k++ {
				to := end
				if k < len(hyphens) {
					to = hyphens[k].start
				}
				if wordRunes(input[from:to]) >= minPartRunes {
					out = append(out, s.token(input, from, to, pos, typ))
				}
				if k < len(hyphens) {
					from = hyphens[k].end
				}
			}
		}
		i = end
		prevWord = true
	}
	return out
}

type span struct{ start, end int }

// acronymAt recognizes an acronym written with points at start ("a.s.",
// "A.V.G.", "t.a.v."): two or more single letters, each followed by a
// point (the last one's is optional), not followed by a word. It returns
// the end of the acronym (after its last point) and its letters without
// the points, so that "a.s." meets "as" and "A.V.G." meets "AVG"; end is
// 0 when there is none. A point before start (a domain name, "x.a.b.")
// is no acronym.
func acronymAt(in []byte, start int) (end int, letters []byte) {
	if start > 0 && in[start-1] == '.' {
		return 0, nil
	}
	j := start
	n := 0
	for {
		r, size := decode(in, j)
		if !unicode.IsLetter(r) || isApostrophe(r) {
			break
		}
		next, _ := decode(in, j+size)
		if next != '.' {
			if n > 0 && !isWordRune(next) && !isApostrophe(next) && !isHyphen(next) {
				// The last letter without its point: "a.s".
				letters = append(letters, in[j:j+size]...)
				n++
				j += size
			}
			break
		}
		letters = append(letters, in[j:j+size]...)
		n++
		j += size + 1
	}
	if n < 2 {
		return 0, nil
	}
	if next, _ := decode(in, j); isWordRune(next) || isApostrophe(next) || isHyphen(next) {
		return 0, nil
	}
	return j, letters
}

// scanWord returns the end of the word that starts at start (at a word
// rune or an elision apostrophe), whether it has no letters, and the spans
// of the hyphens that join its parts.
func scanWord(in []byte, start int, hyphens *[]span) (end int, numeric bool) {
	*hyphens = (*hyphens)[:0]
	numeric = true
	lastDigit := false
	r, n := decode(in, start)
	j := start + n
	if isWordStart(r) {
		numeric = !unicode.IsLetter(r)
		lastDigit = isDigit(r)
	}
	for j < len(in) {
		r, n := decode(in, j)
		if isWordRune(r) {
			if unicode.IsLetter(r) {
				numeric = false
			}
			lastDigit = isDigit(r)
			j += n
			continue
		}
		// A joiner stays in the word only when a word goes on after it.
		k := j + n
		switch {
		case isHyphen(r), isApostrophe(r):
		case r == '.' || r == ',':
			if !lastDigit {
				return j, numeric
			}
			if next, _ := decode(in, k); !isDigit(next) {
				return j, numeric
			}
		case isFormat(r):
			for k < len(in) {
				next, m := decode(in, k)
				if !isFormat(next) {
					break
				}
				k += m
			}
		default:
			return j, numeric
		}
		if k >= len(in) {
			return j, numeric
		}
		if next, _ := decode(in, k); !isWordStart(next) {
			return j, numeric
		}
		if isHyphen(r) {
			*hyphens = append(*hyphens, span{j, k})
		}
		j = k
	}
	return j, numeric
}

// elisionAt reports whether the text at i, just after an apostrophe, is a
// Dutch clitic ('s, 't, 'n, 'k, 'm, 'r, 'ns) or a number ('80), which the
// apostrophe belongs to, rather than a quoted word.
func elisionAt(in []byte, i int) bool {
	j := i
	digits := true
	for j < len(in) {
		r, n := decode(in, j)
		if !isWordRune(r) {
			break
		}
		if !isDigit(r) {
			digits = false
		}
		j += n
	}
	if j == i {
		return false
	}
	if digits {
		return true
	}
	switch string(lowerASCII(in[i:j])) {
	case "s", "t", "n", "k", "m", "r", "ns":
		return true
	}
	return false
}

// lowerASCII lowercases a short ASCII word into a small buffer; other
// bytes pass unchanged.
func lowerASCII(b []byte) []byte {
	if len(b) > 2 {
		return b
	}
	var buf [2]byte
	out := buf[:len(b)]
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		out[i] = c
	}
	return out
}

// wordRunes counts the letters and numbers in b.
func wordRunes(b []byte) int {
	n := 0
	for i := 0; i < len(b); {
		r, size := decode(b, i)
		if isWordStart(r) {
			n++
		}
		i += size
	}
	return n
}

// decode returns the rune at in[i] and its length; invalid UTF-8 is
// utf8.RuneError of length 1, which no word contains.
func decode(in []byte, i int) (rune, int) {
	if i >= len(in) {
		return utf8.RuneError, 0
	}
	if c := in[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRune(in[i:])
}

// isWordStart reports whether r can start a word: a letter or a number.
// The modifier letter apostrophe ʼ is a letter to Unicode but an
// apostrophe here.
func isWordStart(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiClass[r] == classLetter || asciiClass[r] == classDigit
	}
	return (unicode.IsLetter(r) || unicode.IsNumber(r)) && !isApostrophe(r)
}

// isWordRune reports whether r can continue a word: a letter, a number or
// a combining mark.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiClass[r] == classLetter || asciiClass[r] == classDigit
	}
	return (unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r)) && !isApostrophe(r)
}

func isDigit(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiClass[r] == classDigit
	}
	return unicode.IsDigit(r)
}

// isFormat reports whether r is an invisible format character, such as
// the soft hyphen (ASCII has none).
func isFormat(r rune) bool {
	return r >= utf8.RuneSelf && unicode.Is(unicode.Cf, r)
}

// isHyphen reports whether r joins the parts of a compound word.
func isHyphen(r rune) bool {
	return r == '-' || r == '\u2010' || r == '\u2011'
}

// isApostrophe reports whether r is written as an apostrophe: the straight
// one, the typographic ones and the look-alikes people type instead.
func isApostrophe(r rune) bool {
	switch r {
	case '\'', '’', '‘', 'ʼ', '′', '`', '´':
		return true
	}
	return false
}

const (
	classOther uint8 = iota
	classLetter
	classDigit
)

var asciiClass = func() (t [utf8.RuneSelf]uint8) {
	for c := 'a'; c <= 'z'; c++ {
		t[c] = classLetter
		t[c-'a'+'A'] = classLetter
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = classDigit
	}
	return t
}()

// estimateTokens guesses how many tokens n bytes of Dutch text make: a
// word and the space after it take 6 bytes on average in the treebank.
func estimateTokens(n int) int { return n/6 + 2 }

// slab hands out tokens from blocks, so a text costs a few allocations
// rather than one per token. Tokens are never moved, so the pointers stay
// valid when a new block is started. Each block is sized for the rest of
// the input.
type slab struct {
	block []analysis.Token
}

// termToken is a token whose term is not a slice of the input.
func (s *slab) termToken(input, term []byte, start, end, pos int) *analysis.Token {
	t := s.token(input, start, end, pos, analysis.AlphaNumeric)
	t.Term = term
	return t
}

func (s *slab) token(input []byte, start, end, pos int, typ analysis.TokenType) *analysis.Token {
	if len(s.block) == cap(s.block) {
		s.block = make([]analysis.Token, 0, estimateTokens(len(input)-start)+2)
	}
	s.block = append(s.block, analysis.Token{
		Start: start, End: end, Term: input[start:end:end], Position: pos, Type: typ,
	})
	return &s.block[len(s.block)-1]
}
