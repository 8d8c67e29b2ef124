// Package indextest helps tests make index folders that this program's
// builds would not make, such as one built by another version.
package indextest

import (
	"encoding/json"
	"testing"

	"github.com/blevesearch/bleve/v2"

	"vanelkaar/index"
)

// SetFormat stores f as the format of the current build in the index
// folder dir, as a build of another version of the program would have;
// the zero Format removes it, as a build from before formats were stored.
func SetFormat(t testing.TB, dir string, f index.Format) {
	t.Helper()
	path, err := index.Resolve(dir)
	if err != nil {
		t.Fatal(err)
	}
	idx, err := bleve.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	if f == (index.Format{}) {
		err = idx.DeleteInternal([]byte(index.FormatKey))
	} else {
		raw, _ := json.Marshal(f)
		err = idx.SetInternal([]byte(index.FormatKey), raw)
	}
	if err != nil {
		t.Fatal(err)
	}
}
