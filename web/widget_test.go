package web

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"strings"
	"testing"
)

// maxWidgetGzip is the widget's budget: a host page pays for every byte.
const maxWidgetGzip = 15 * 1024

// TestWidgetSize measures the widget as served, gzipped at the best
// compression, against its budget.
func TestWidgetSize(t *testing.T) {
	ts := pageServer(t, Config{})
	resp, err := http.Get(ts.URL + widgetPath)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d", resp.StatusCode)
	}
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/javascript") {
		t.Errorf("Content-Type %q, want JavaScript (nosniff refuses anything else)", ct)
	}
	src, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	zw.Write(src)
	zw.Close()
	t.Logf("widget.js: %d bytes, %d gzipped (budget %d)", len(src), buf.Len(), maxWidgetGzip)
	if buf.Len() > maxWidgetGzip {
		t.Errorf("widget.js is %d bytes gzipped, over the budget of %d", buf.Len(), maxWidgetGzip)
	}
	if !bytes.Contains(src, []byte("customElements.define('vanelkaar-zoek'")) {
		t.Error("the served script does not define <vanelkaar-zoek>")
	}
}
