package index

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	bindex "github.com/blevesearch/bleve_index_api"
)

// bleve's offline builder (scorch.Builder) analyses a batch's documents on
// its own goroutine, one after the other, while it holds its lock; with
// the segment it then builds, that was most of a build. Here the workers
// that make the documents map and analyse them too, in parallel, and the
// builder gets documents whose analysis is done: its own call to Analyze
// does nothing.

// analysed is a bleve document whose fields, _id included, are analysed.
type analysed struct{ *document.Document }

// VisitFields visits the fields, whose Analyze does nothing.
func (d analysed) VisitFields(visit bindex.FieldVisitor) {
	d.Document.VisitFields(func(f bindex.Field) { visit(analysedField{f}) })
}

// AddIDField does nothing: analyse added it.
func (analysed) AddIDField() {}

// analysedField is a field analysed already.
type analysedField struct{ bindex.Field }

func (analysedField) Analyze() {}

// analyse maps a document's fields with m and analyses them: a text
// field whose tokens the document has (d.fieldTokens) takes those rather
// than being analysed again.
func analyse(m mapping.IndexMapping, d *Document) (bindex.Document, error) {
	doc := document.NewDocument(d.ID)
	if err := m.MapDocument(doc, d.Fields); err != nil {
		return nil, err
	}
	doc.AddIDField()
	for i, f := range doc.Fields {
		if tf, ok := f.(*document.TextField); ok && d.fieldTokens[f.Name()] != nil {
			f = document.NewTextFieldCustom(tf.Name(), tf.ArrayPositions(), tf.Value(), tf.Options(), &tokens{d.fieldTokens[f.Name()]})
			doc.Fields[i] = f
		}
		if f.Options().IsIndexed() {
			f.Analyze()
		}
	}
	d.fieldTokens = nil
	return analysed{doc}, nil
}

// tokens is an analyzer that gives the tokens of a text analysed already,
// once: the field keeps its analyzer, and the tokens are not to stay in
// memory with it until the segment is written.
type tokens struct{ ts analysis.TokenStream }

func (t *tokens) Analyze([]byte) analysis.TokenStream {
	ts := t.ts
	t.ts = nil
	return ts
}

// newBuilder makes an empty bleve index folder at path for scorch's
// offline builder, as bleve.NewBuilder does, and returns the builder. It
// keeps its segments under path until its Close merges them.
func newBuilder(m mapping.IndexMapping, path string, batch int) (*scorch.Builder, error) {
	if err := m.Validate(); err != nil {
		return nil, err
	}
	raw, err := json.Marshal(m)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(path, 0o755); err != nil {
		return nil, err
	}
	meta, _ := json.Marshal(map[string]string{"storage": scorch.Name, "index_type": scorch.Name})
	if err := os.WriteFile(filepath.Join(path, "index_meta.json"), meta, 0o644); err != nil {
		return nil, err
	}
	b, err := scorch.NewBuilder(map[string]any{
		"path": filepath.Join(path, "store"), "buildPathPrefix": path,
		"batchSize": batch, "mergeMax": mergeMax,
		"internal": map[string][]byte{"_mapping": raw},
	})
	if err != nil {
		return nil, fmt.Errorf("index builder: %w", err)
	}
	return b, nil
}
