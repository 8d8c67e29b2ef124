package compound

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"strings"
	"sync"
)

//go:generate go run ./gen --out words.tsv.gz

// words is the dictionary: one line per word form, "form TAB roles [TAB
// root]" (see gen/main.go), sorted, gzip'ed.
//
//go:embed words.tsv.gz
var words []byte

// role is what a word form can be in a compound.
type role uint8

const (
	roleModifier role = 1 << iota // before another part ("stads", "energie")
	roleHead                      // at the end ("transitie", "raden")
	roleWhole                     // never cut inside: lexicalized ("wethouder") or of a one-word verb ("deelnemers")
)

// entry is a dictionary form: its roles and, for a linking form, the word
// it stands for ("stads" -> "stad").
type entry struct {
	roles role
	root  string
}

// Dictionary holds the word forms that may be compound parts.
type Dictionary struct {
	forms    map[string]entry
	patterns []pattern

	// cache holds the answers of Split for words seen before, compounds
	// or not: a text repeats its words, and most long words are no
	// compounds, which costs the most to establish.
	mu    sync.RWMutex
	cache map[string][]string
}

// maxCached bounds the cache; when full, it is emptied and starts again.
const maxCached = 1 << 16

// pattern forbids a split where the first part ends in end and the next
// starts with start (OpenTaal's CHECKCOMPOUNDPATTERN: "huis" + "vesting").
type pattern struct{ end, start string }

var (
	defaultOnce sync.Once
	defaultDict *Dictionary
)

// Default returns the embedded dictionary, read on first use (about 65,000
// forms).
func Default() *Dictionary {
	defaultOnce.Do(func() {
		d, err := parse(words)
		if err != nil {
			// The embedded file is part of the build: only a broken
			// generation gets here.
			panic(fmt.Sprintf("compound: embedded dictionary: %v", err))
		}
		defaultDict = d
	})
	return defaultDict
}

// parse reads a gzip'ed dictionary.
func parse(gz []byte) (*Dictionary, error) {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, err
	}
	d := &Dictionary{forms: make(map[string]entry, 60000), cache: map[string][]string{}}
	sc := bufio.NewScanner(zr)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		cols := strings.Split(strings.TrimPrefix(line, "!"), "\t")
		if len(cols) < 2 {
			return nil, fmt.Errorf("line %d: want form TAB roles", n)
		}
		if strings.HasPrefix(line, "!") {
			d.patterns = append(d.patterns, pattern{end: cols[0], start: cols[1]})
			continue
		}
		var e entry
		if strings.IndexByte(cols[1], 'm') >= 0 {
			e.roles |= roleModifier
		}
		if strings.IndexByte(cols[1], 'h') >= 0 {
			e.roles |= roleHead
		}
		if strings.IndexByte(cols[1], 'x') >= 0 {
			e.roles |= roleWhole
		}
		if e.roles == 0 {
			continue
		}
		if len(cols) > 2 {
			e.root = cols[2]
		}
		d.forms[cols[0]] = e
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	return d, zr.Close()
}

// Len is the number of forms that can be parts.
func (d *Dictionary) Len() int { return len(d.forms) }
