package corpus

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// FoldAccents removes diacritics (é → e, ï → i) by decomposing the text and
// dropping the combining marks.
func FoldAccents(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		b.WriteRune(r)
	}
	return norm.NFC.String(b.String())
}

// FoldName makes names comparable: curly apostrophes and quotes straight,
// accents removed, lower case, spaces folded. "Gemeente ‘s-Hertogenbosch"
// and "gemeente 's-hertogenbosch" fold to the same string.
func FoldName(s string) string {
	s = strings.NewReplacer("‘", "'", "’", "'", "`", "'", "´", "'", "\u00a0", " ").Replace(s)
	return strings.Join(strings.Fields(strings.ToLower(FoldAccents(s))), " ")
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
