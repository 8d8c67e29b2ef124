package web

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"vanelkaar/search"
)

// openAPIParam is what TestOpenAPIAgreesWithFacets reads of a parameter.
type openAPIParam struct {
	Name        string `json:"name"`
	In          string `json:"in"`
	Description string `json:"description"`
	Style       string `json:"style"`
	Explode     bool   `json:"explode"`
	Schema      struct {
		Type  string `json:"type"`
		Items *struct {
			Type    string   `json:"type"`
			Example string   `json:"example"`
			Enum    []string `json:"enum"`
		} `json:"items"`
	} `json:"schema"`
}

// TestOpenAPIAgreesWithFacets checks the OpenAPI document against the
// query limits and the facet declarations: one repeatable parameter of the search per facet,
// in declaration order, described as declared, with an enum exactly when
// the facet's values are fixed; and a key per facet in the result's
// facets. A facet added to the declarations fails here until the
// document describes it.
func TestOpenAPIAgreesWithFacets(t *testing.T) {
	var doc struct {
		Paths map[string]struct {
			Get struct {
				Description string         `json:"description"`
				Parameters  []openAPIParam `json:"parameters"`
			} `json:"get"`
		} `json:"paths"`
		Components struct {
			Schemas map[string]struct {
				Required   []string                   `json:"required"`
				Properties map[string]json.RawMessage `json:"properties"`
			} `json:"schemas"`
		} `json:"components"`
	}
	if err := json.Unmarshal(openAPI, &doc); err != nil {
		t.Fatal(err)
	}
	limits := fmt.Sprintf("at most %d characters and %d words", search.MaxQueryRunes, search.MaxClauses)
	if !strings.Contains(doc.Paths["/search"].Get.Description, limits) {
		t.Errorf("the description of /search does not say %q", limits)
	}
	var arrays []string // the search's repeatable parameters
	params := doc.Paths["/search"].Get.Parameters
	for _, p := range params {
		if p.Schema.Type == "array" {
			arrays = append(arrays, p.Name)
		}
	}
	if diff := cmp.Diff(search.FacetNames, arrays); diff != "" {
		t.Errorf("repeatable parameters of /search (-declared facets +document):\n%s", diff)
	}
	for _, f := range search.FacetList() {
		t.Run(f.ID, func(t *testing.T) {
			i := slices.IndexFunc(params, func(p openAPIParam) bool {
				return p.Name == f.ID
			})
			if i < 0 {
				t.Fatalf("/search has no parameter %q", f.ID)
			}
			p := params[i]
			want := f.Values + " to filter on (repeatable)."
			if f.Doc != "" {
				want += " " + f.Doc
			}
			if p.In != "query" || p.Style != "form" || !p.Explode || p.Schema.Items == nil || p.Schema.Items.Type != "string" {
				t.Fatalf("parameter %s is not a repeatable query string: %+v", f.ID, p)
			}
			if p.Description != want {
				t.Errorf("description %q, want %q", p.Description, want)
			}
			if p.Schema.Items.Example != f.Example {
				t.Errorf("example %q, want %q", p.Schema.Items.Example, f.Example)
			}
			var enum []string
			for _, c := range f.Fixed {
				enum = append(enum, c.ID)
			}
			if diff := cmp.Diff(enum, p.Schema.Items.Enum); diff != "" {
				t.Errorf("enum (-declared +document):\n%s", diff)
			}
		})
	}
	facets := doc.Components.Schemas["Facets"]
	if diff := cmp.Diff(search.FacetNames, facets.Required); diff != "" {
		t.Errorf("Facets.required (-declared +document):\n%s", diff)
	}
	var props []string
	for k := range facets.Properties {
		props = append(props, k)
	}
	if diff := cmp.Diff(sortedCopy(search.FacetNames), sortedCopy(props)); diff != "" {
		t.Errorf("Facets.properties (-declared +document):\n%s", diff)
	}
}

func sortedCopy(s []string) []string {
	c := slices.Clone(s)
	slices.Sort(c)
	return c
}

// TestEveryFacetFiltersAPIAndPage runs every declared facet through a real
// server: the API lists its values with labels and counts, filtering on a
// value answers as many results as its count said, each with the value
// selected; the results page shows the facet's filter group with its
// Dutch legend and the value checked.
func TestEveryFacetFiltersAPIAndPage(t *testing.T) {
	ts := pageServer(t, Config{})
	all := apiResult(t, ts.URL, url.Values{})
	for _, f := range search.FacetList() {
		t.Run(f.ID, func(t *testing.T) {
			vals := all.Facets.Get(f.ID)
			if len(vals) == 0 {
				t.Fatalf("the API lists no values of facet %s", f.ID)
			}
			v := vals[0]
			if v.Label == "" || v.Count == 0 {
				t.Fatalf("facet %s value %+v has no label or count", f.ID, v)
			}
			sel := apiResult(t, ts.URL, url.Values{f.ID: {v.Value}})
			if sel.Total != uint64(v.Count) {
				t.Errorf("%s=%s: %d results, the facet counted %d", f.ID, v.Value, sel.Total, v.Count)
			}
			got := sel.Facets.Get(f.ID)
			if i := slices.IndexFunc(got, func(x search.FacetValue) bool { return x.Value == v.Value }); i < 0 || !got[i].Selected {
				t.Errorf("%s=%s is not selected in the answer: %+v", f.ID, v.Value, got)
			}
			doc, _ := getPage(t, ts.URL+"/zoeken?"+url.Values{f.ID: {v.Value}}.Encode(), http.StatusOK)
			box := one(t, doc, "input[type=checkbox][name='"+f.ID+"'][value='"+v.Value+"']")
			if _, checked := box.Attr("checked"); !checked {
				t.Errorf("the page's %s checkbox for %s is not checked", f.ID, v.Value)
			}
			if legend := box.Closest("fieldset").Find("legend").Text(); legend != f.Legend {
				t.Errorf("legend %q, want %q", legend, f.Legend)
			}
			if label := doc.Find("label[for='" + box.AttrOr("id", "") + "']").Text(); !strings.Contains(label, v.Label) {
				t.Errorf("checkbox label %q does not name %q", label, v.Label)
			}
		})
	}
}

// apiResult searches through the API and decodes its answer.
func apiResult(t *testing.T, base string, params url.Values) search.Result {
	t.Helper()
	resp, err := http.Get(base + "/api/v1/search?" + params.Encode())
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("API search %s: status %d", params.Encode(), resp.StatusCode)
	}
	var res search.Result
	if err := json.NewDecoder(resp.Body).Decode(&res); err != nil {
		t.Fatal(err)
	}
	return res
}
