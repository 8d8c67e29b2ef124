package web

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"vanelkaar/index"
	"vanelkaar/search"
)

func getRaw(t *testing.T, u string) (*http.Response, []byte) {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var body json.RawMessage
	if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
		t.Fatalf("GET %s: body is not JSON: %v", u, err)
	}
	return resp, body
}

func TestAnalyze(t *testing.T) {
	ts := shippedServer(t)
	tests := []struct {
		text string
		want []search.Token
	}{
		{"Den Bosch", []search.Token{
			{Text: "Den", Position: 1, Start: 0, End: 3, Terms: []string{"den"}},
			{Text: "Bosch", Position: 2, Start: 4, End: 9, Terms: []string{"bosch"}},
		}},
		{"in ‘s-Hertogenbosch", []search.Token{
			{Text: "‘s-Hertogenbosch", Position: 2, Start: 3, End: 21, Terms: []string{"s-hertonbosch"}},
			{Text: "Hertogenbosch", Position: 2, Start: 8, End: 21, Terms: []string{"hertonbosch"}},
		}},
		{"financiële gemeenten", []search.Token{
			{Text: "financiële", Position: 1, Start: 0, End: 11, Terms: []string{"financieel", "financiel"}},
			{Text: "gemeenten", Position: 2, Start: 12, End: 21, Terms: []string{"meen"}},
		}},
		{"de", []search.Token{}},
		{"energietransitie", []search.Token{
			{Text: "energietransitie", Position: 1, Start: 0, End: 16, Terms: []string{"energietransitie"}, Parts: []string{"energ", "transitie"}},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			u := ts.URL + "/api/v1/analyze?text=" + url.QueryEscape(tt.text)
			resp, body := getRaw(t, u)
			if resp.StatusCode != http.StatusOK {
				t.Fatalf("GET %s: status %d, body %s", u, resp.StatusCode, body)
			}
			if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
				t.Errorf("Content-Type = %q, want application/json", ct)
			}
			if v := resp.Header.Get("API-Version"); v != APIVersion {
				t.Errorf("API-Version = %q, want %q", v, APIVersion)
			}
			var got search.Analysis
			if err := json.Unmarshal(body, &got); err != nil {
				t.Fatal(err)
			}
			want := search.Analysis{Text: tt.text, Analyzer: index.AnalyzerDutch, Tokens: tt.want}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("GET %s mismatch (-want +got):\n%s", u, diff)
			}
		})
	}
}

func TestAnalyzeBadInput(t *testing.T) {
	ts := shippedServer(t)
	tests := []struct {
		name, query string
	}{
		{"missing", ""},
		{"empty", "text="},
		{"too long", "text=" + strings.Repeat("a", MaxAnalyzeRunes+1)},
		{"too long in characters", "text=" + url.QueryEscape(strings.Repeat("é", MaxAnalyzeRunes+1))},
		{"not UTF-8", "text=%ff%fe"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u := ts.URL + "/api/v1/analyze?" + tt.query
			resp, body := getRaw(t, u)
			if resp.StatusCode != http.StatusBadRequest {
				t.Fatalf("GET %s: status %d, want 400; body %s", u, resp.StatusCode, body)
			}
			if ct := resp.Header.Get("Content-Type"); ct != "application/problem+json" {
				t.Errorf("Content-Type = %q, want application/problem+json", ct)
			}
			var p Problem
			if err := json.Unmarshal(body, &p); err != nil {
				t.Fatal(err)
			}
			if p.Status != http.StatusBadRequest || len(p.InvalidParams) != 1 || p.InvalidParams[0].Name != "text" {
				t.Errorf("problem = %+v, want status 400 naming the parameter text", p)
			}
		})
	}
	// The longest text allowed is fine, in characters rather than bytes.
	u := ts.URL + "/api/v1/analyze?text=" + url.QueryEscape(strings.Repeat("é", MaxAnalyzeRunes))
	if resp, body := getRaw(t, u); resp.StatusCode != http.StatusOK {
		t.Errorf("text of %d characters: status %d, body %s", MaxAnalyzeRunes, resp.StatusCode, body)
	}
}

// TestAnalyzeNotReady: before an index is loaded the endpoint says so.
func TestAnalyzeNotReady(t *testing.T) {
	ts := httptest.NewServer(New(Config{}, &search.Searcher{}))
	defer ts.Close()
	resp, body := getRaw(t, ts.URL+"/api/v1/analyze?text=gemeenten")
	if resp.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("status %d, want 503; body %s", resp.StatusCode, body)
	}
}
