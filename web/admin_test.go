package web

import (
	"encoding/json"
	"net/http"
	"testing"
)

func TestAdminReindex(t *testing.T) {
	bearer := func(tok string) http.Header { return http.Header{"Authorization": {"Bearer " + tok}} }
	tests := []struct {
		name        string
		token       string // the server's
		header      http.Header
		wantStatus  int
		wantReloads int
	}{
		{"no token configured", "", bearer(""), http.StatusNotFound, 0},
		{"no token configured, any sent", "", bearer("geheim"), http.StatusNotFound, 0},
		{"missing header", "geheim-token", nil, http.StatusUnauthorized, 0},
		{"wrong token", "geheim-token", bearer("geheim-tokeN"), http.StatusUnauthorized, 0},
		{"prefix of the token", "geheim-token", bearer("geheim"), http.StatusUnauthorized, 0},
		{"not a bearer", "geheim-token", http.Header{"Authorization": {"Basic geheim-token"}}, http.StatusUnauthorized, 0},
		{"right token", "geheim-token", bearer("geheim-token"), http.StatusAccepted, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := &fakeReloader{}
			srv := New(Config{AdminToken: tt.token, Reloader: r}, opsSearcher(t))
			res, body := opsDo(t, srv, http.MethodPost, "/api/v1/admin/reindex", "", tt.header, "")
			if res.StatusCode != tt.wantStatus {
				t.Fatalf("status %d, want %d: %s", res.StatusCode, tt.wantStatus, body)
			}
			if got := r.count(); got != tt.wantReloads {
				t.Errorf("reloads: %d, want %d", got, tt.wantReloads)
			}
			if res.StatusCode >= 400 {
				if ct := res.Header.Get("Content-Type"); ct != problemJSON {
					t.Errorf("Content-Type %q, want %q", ct, problemJSON)
				}
				var p Problem
				if err := json.Unmarshal([]byte(body), &p); err != nil || p.Status != tt.wantStatus {
					t.Errorf("problem document %s (err %v)", body, err)
				}
			}
			if res.StatusCode == http.StatusUnauthorized && res.Header.Get("WWW-Authenticate") == "" {
				t.Error("401 without WWW-Authenticate")
			}
		})
	}
}
