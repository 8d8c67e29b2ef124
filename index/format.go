package index

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"sync"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"
)

// FormatVersion is the version of what a build writes besides bleve's own
// files: the documents, their stored records and the internal keys. Bump it
// when a change to those, or to what the analysis chain makes of a text,
// means an index built before it would answer differently; a change to the
// mapping (fields, analyzer configuration) changes Format's fingerprint by
// itself.
const FormatVersion = 2

// FormatKey is the internal key of a bleve index under which a build
// stores its Format as JSON.
const FormatKey = "vanelkaar.format"

// Format identifies the kind of index a build of this program writes. An
// index opens only when its format is the program's own.
type Format struct {
	Version int    `json:"version"`
	Mapping string `json:"mapping"` // fingerprint of NewMapping's JSON
}

func (f Format) String() string {
	if f == (Format{}) {
		return "none (built by an older vanelkaar)"
	}
	return fmt.Sprintf("%d (mapping %s)", f.Version, f.Mapping)
}

// CurrentFormat is the format this program writes and reads.
var CurrentFormat = sync.OnceValue(func() Format {
	return Format{Version: FormatVersion, Mapping: fingerprint(NewMapping())}
})

// fingerprint is a short hash of a mapping's JSON, which bleve writes
// with sorted keys.
func fingerprint(m mapping.IndexMapping) string {
	raw, err := json.Marshal(m)
	if err != nil {
		panic(fmt.Sprintf("index mapping: %v", err)) // a programming error
	}
	sum := sha256.Sum256(raw)
	return hex.EncodeToString(sum[:6])
}

// ErrFormat means an index was built in another format than this
// program's; a FormatError says which.
var ErrFormat = errors.New("index format differs")

// FormatError is the error of opening an index of another format.
type FormatError struct {
	Path      string // the bleve index folder
	Got, Want Format
}

func (e *FormatError) Error() string {
	return fmt.Sprintf("index %s has format %s, but this vanelkaar reads format %s: rebuild it with `vanelkaar index --out DIR`",
		e.Path, e.Got, e.Want)
}

func (e *FormatError) Is(target error) bool { return target == ErrFormat }

// ReadFormat reads the format stored in an index; an index built before
// formats were stored has the zero Format.
func ReadFormat(idx bleve.Index) (Format, error) {
	var f Format
	return f, readOptional(idx, FormatKey, &f)
}

// Open opens the index that dir stands for (see Resolve) for reading. It
// refuses an index of another format with a FormatError: its fields or
// terms would not be the ones this program searches for.
func Open(dir string) (bleve.Index, error) {
	path, err := Resolve(dir)
	if err != nil {
		return nil, fmt.Errorf("open index: %w", err)
	}
	idx, err := bleve.OpenUsing(path, map[string]any{"read_only": true})
	if err != nil {
		return nil, fmt.Errorf("open index %s: %w", path, err)
	}
	f, err := ReadFormat(idx)
	if err == nil && f != CurrentFormat() {
		err = &FormatError{Path: path, Got: f, Want: CurrentFormat()}
	}
	if err != nil {
		idx.Close()
		return nil, fmt.Errorf("open index: %w", err)
	}
	return idx, nil
}
