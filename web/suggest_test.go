package web

import (
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	"vanelkaar/search"
)

func TestSuggestAPI(t *testing.T) {
	ts := opsServer(t, Config{})
	var res search.Suggestions
	resp := getJSON(t, ts.URL+"/api/v1/suggest?q=gem", &res)
	if resp.StatusCode != http.StatusOK || resp.Header.Get("API-Version") != APIVersion {
		t.Fatalf("status %d, API-Version %q", resp.StatusCode, resp.Header.Get("API-Version"))
	}
	var texts []string
	for _, s := range res.Suggestions {
		texts = append(texts, s.Text)
	}
	if res.Query != "gem" || !slices.Contains(texts, "gemeenten") || slices.Contains(texts, "gemeent") {
		t.Errorf("suggest gem: %q %q, want gemeenten and no stem", res.Query, texts)
	}

	res = search.Suggestions{}
	getJSON(t, ts.URL+"/api/v1/suggest?size=2&q="+url.QueryEscape("den bo"), &res)
	if len(res.Suggestions) < 1 || len(res.Suggestions) > 2 || res.Suggestions[0].Kind != search.SuggestMunicipality || res.Suggestions[0].Value != "s-hertogenbosch" {
		t.Errorf("suggest den bo: %+v, want 's-Hertogenbosch first and at most two suggestions", res.Suggestions)
	}

	// Every invalid parameter at once.
	var p Problem
	resp = getJSON(t, ts.URL+"/api/v1/suggest?size=veel&q="+strings.Repeat("a", search.MaxQueryRunes+1), &p)
	var names []string
	for _, ip := range p.InvalidParams {
		names = append(names, ip.Name)
	}
	slices.Sort(names)
	if resp.StatusCode != http.StatusBadRequest || !slices.Equal(names, []string{"q", "size"}) {
		t.Errorf("status %d, invalidParams %v; want 400 naming q and size", resp.StatusCode, names)
	}
}
