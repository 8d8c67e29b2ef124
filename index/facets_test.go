package index

import "testing"

// TestFacetsReachMappingDocumentsAndLabels checks every declared facet in
// the index: a keyword field in the mapping, a value list
// on every document, labels for each value documents have, and the
// labels stored with the index.
func TestFacetsReachMappingDocumentsAndLabels(t *testing.T) {
	c := shipped(t)
	m := NewMapping()
	docs, err := Documents(c)
	if err != nil {
		t.Fatal(err)
	}
	labels := LabelsOf(c)
	seen := map[string]bool{}
	for _, f := range Facets {
		t.Run(f.ID, func(t *testing.T) {
			if seen[f.ID] || seen["field "+f.Field] {
				t.Fatalf("facet %s or field %s declared twice", f.ID, f.Field)
			}
			seen[f.ID], seen["field "+f.Field] = true, true
			if (f.Fixed == nil) == (f.Labels == nil) || f.Of == nil || f.Legend == "" || f.Values == "" || f.Example == "" {
				t.Fatalf("incomplete declaration: %+v", f)
			}
			prop := m.DefaultMapping.Properties[f.Field]
			if prop == nil || prop.Fields[0].Analyzer != "keyword" {
				t.Fatalf("field %s is not a keyword field", f.Field)
			}
			known := map[string]bool{}
			for _, l := range labels[f.Field] {
				if l.Label == "" || known[l.Value] {
					t.Errorf("label %+v empty or repeated", l)
				}
				known[l.Value] = true
			}
			if !known[f.Example] && f.Fixed != nil {
				t.Errorf("example %q is not a value", f.Example)
			}
			used := 0
			for _, d := range docs {
				vals, ok := d.Fields[f.Field].([]string)
				if _, present := d.Fields[f.Field]; !present || (!ok && d.Fields[f.Field] != nil) {
					t.Fatalf("document %s: field %s is %T, want a value list", d.ID, f.Field, d.Fields[f.Field])
				}
				for _, v := range vals {
					if !known[v] {
						t.Errorf("document %s: %s value %q has no label", d.ID, f.ID, v)
					}
				}
				if len(vals) > 0 {
					used++
				}
			}
			if used == 0 {
				t.Errorf("no document has a %s value", f.ID)
			}
		})
	}
}
