package web

import (
	"bytes"
	"strings"
	"testing"

	"golang.org/x/net/html/atom"

	xhtml "golang.org/x/net/html"

	"vanelkaar/search"
)

// renderMarked renders a fragment with the "marked" template, the one way
// snippets and marked titles reach a page.
func renderMarked(t testing.TB, f search.Fragment) string {
	t.Helper()
	r := shippedRenderer(t)
	var buf bytes.Buffer
	if err := r.pages["search"].ExecuteTemplate(&buf, "marked", f); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// shippedRenderer parses the embedded templates, as the server does.
func shippedRenderer(t testing.TB) *renderer {
	t.Helper()
	static, err := newStaticFiles(staticFS())
	if err != nil {
		t.Fatal(err)
	}
	r, err := newRenderer(assets, static)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestMarkedTemplate(t *testing.T) {
	text := func(s string) search.Part { return search.Part{Text: s} }
	mark := func(s string) search.Part { return search.Part{Text: s, Mark: true} }
	tests := []struct {
		name string
		in   search.Fragment
		want string
	}{
		{"plain text", search.Fragment{Parts: []search.Part{text("gemeenten leren")}}, "gemeenten leren"},
		{"marks kept", search.Fragment{Parts: []search.Part{text("de "), mark("gemeente"), text(" leert")}}, "de <mark>gemeente</mark> leert"},
		{"cut on both sides", search.Fragment{Parts: []search.Part{mark("data")}, CutBefore: true, CutAfter: true}, "… <mark>data</mark> …"},
		{"escaped-looking text stays text", search.Fragment{Parts: []search.Part{text("a &lt;b&gt; & c")}}, "a &amp;lt;b&amp;gt; &amp; c"},
		{"raw script escaped", search.Fragment{Parts: []search.Part{text("<script>alert(1)</script>")}}, "&lt;script&gt;alert(1)&lt;/script&gt;"},
		{"a mark tag in the text is text", search.Fragment{Parts: []search.Part{text(`<mark onclick="x()">a</mark>`)}}, `&lt;mark onclick=&#34;x()&#34;&gt;a&lt;/mark&gt;`},
		{"image in a match escaped", search.Fragment{Parts: []search.Part{mark(`<img src=x onerror=alert(1)>`)}}, `<mark>&lt;img src=x onerror=alert(1)&gt;</mark>`},
		{"lone angle brackets", search.Fragment{Parts: []search.Part{text("a < b > c")}}, "a &lt; b &gt; c"},
		{"quotes escaped", search.Fragment{Parts: []search.Part{text(`"zo'n" dag`)}}, "&#34;zo&#39;n&#34; dag"},
		{"empty", search.Fragment{}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := renderMarked(t, tt.in); got != tt.want {
				t.Errorf("marked(%+v) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// FuzzMarkedTemplate checks that whatever text the parts hold, what the
// template makes parses as text and <mark> elements only, with a mark for
// each marked part, and keeps the text.
func FuzzMarkedTemplate(f *testing.F) {
	for _, s := range []string{"<mark>a</mark>", "<script>x</script>", "&lt;", "<<mark>>", "<mark", "</mark></mark>", "&#60;mark&#62;"} {
		f.Add(s, uint8(3))
	}
	r := shippedRenderer(f)
	f.Fuzz(func(t *testing.T, s string, marks uint8) {
		// Cut s into up to eight parts; bit i of marks marks part i.
		var frag search.Fragment
		n := min(len(s), 8)
		for i := 0; i < n; i++ {
			from, to := len(s)*i/n, len(s)*(i+1)/n
			if from < to {
				frag.Parts = append(frag.Parts, search.Part{Text: s[from:to], Mark: marks&(1<<i) != 0})
			}
		}
		var buf bytes.Buffer
		if err := r.pages["search"].ExecuteTemplate(&buf, "marked", frag); err != nil {
			t.Fatal(err)
		}
		out := buf.String()
		z := xhtml.NewTokenizer(strings.NewReader(out))
		var text strings.Builder
		opened := 0
		for {
			tt := z.Next()
			if tt == xhtml.ErrorToken {
				break
			}
			tok := z.Token()
			switch tt {
			case xhtml.TextToken:
				text.WriteString(tok.Data)
			case xhtml.StartTagToken, xhtml.EndTagToken:
				if tok.DataAtom != atom.Mark || len(tok.Attr) > 0 {
					t.Fatalf("marked(%q) = %q has a %s tag", s, out, tok.Data)
				}
				if tt == xhtml.StartTagToken {
					opened++
				}
			default:
				t.Fatalf("marked(%q) = %q has a %v token", s, out, tt)
			}
		}
		// The text comes in runs: a marked part, or plain parts side by
		// side. An HTML parser normalises the line ends of each run.
		wantMarks := 0
		var want, run strings.Builder
		lineEnds := strings.NewReplacer("\r\n", "\n", "\r", "\n")
		flush := func() {
			want.WriteString(lineEnds.Replace(run.String()))
			run.Reset()
		}
		for _, p := range frag.Parts {
			if p.Mark {
				wantMarks++
				flush()
				run.WriteString(p.Text)
				flush()
				continue
			}
			run.WriteString(p.Text)
		}
		flush()
		if opened != wantMarks {
			t.Fatalf("marked(%q) = %q has %d marks, want %d", s, out, opened, wantMarks)
		}
		// It also replaces what is not UTF-8 or is NUL.
		w := want.String()
		if !strings.ContainsAny(s, "\x00") && strings.ToValidUTF8(w, "\uFFFD") == w && text.String() != w {
			t.Fatalf("marked(%q) text = %q, want %q", s, text.String(), w)
		}
	})
}
