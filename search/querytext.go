package search

import (
	"fmt"
	"unicode/utf8"

	"vanelkaar/search/query"
)

// Limits of the query text, from package query.
const (
	MaxQueryRunes = query.MaxRunes
	MaxClauses    = query.MaxClauses
)

// SyntaxError is a query that cannot be parsed (see query.SyntaxError).
type SyntaxError = query.SyntaxError

// queryTextProblem says what makes q unusable as query text, or "": text
// that is not valid UTF-8 or holds control characters, or is too long.
// Search and Suggest check their q with it.
func queryTextProblem(q string) string {
	switch {
	case !validUTF8(q):
		return "contains characters that are not text"
	case utf8.RuneCountInString(q) > query.MaxRunes:
		return fmt.Sprintf("is longer than %d characters", query.MaxRunes)
	}
	return ""
}

// validUTF8 reports whether s is valid UTF-8 without control characters.
func validUTF8(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0x7f {
			return false
		}
	}
	return true
}
