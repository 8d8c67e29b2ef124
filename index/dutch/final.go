package dutch

import (
	"github.com/kljensen/snowball/snowballword"
)

// Step 7 simplifies a final -kt, -ft or -pt to -k, -f or -p. It reports
// whether it changed the word.
func step7(w *snowballword.SnowballWord) bool {
	rs := w.RS
	n := len(rs)
	if n < 2 || rs[n-1] != 't' {
		return false
	}
	switch rs[n-2] {
	case 'k', 'f', 'p':
		truncate(w, n-1)
		return true
	}
	return false
}

// Step 6 undoubles a final double consonant and turns a final v or z into
// f or s. It only runs on words that an earlier step changed.
func step6(w *snowballword.SnowballWord) {
	rs := w.RS
	n := len(rs)
	if n == 0 {
		return
	}
	last := rs[n-1]
	if n >= 2 && rs[n-2] == last && undoubles(last) {
		// innen (to collect) must not become in (in).
		if last == 'n' && n == 3 && rs[0] == 'i' {
			return
		}
		truncate(w, n-1)
		return
	}
	switch last {
	case 'v':
		rs[n-1] = 'f'
	case 'z':
		rs[n-1] = 's'
	}
}

// undoubles reports whether a doubled r is reduced to a single letter.
func undoubles(r rune) bool {
	switch r {
	case 'b', 'c', 'd', 'f', 'g', 'h', 'j', 'k', 'l', 'm', 'n', 'p', 'q',
		'r', 's', 't', 'v', 'w', 'x', 'z':
		return true
	}
	return false
}
