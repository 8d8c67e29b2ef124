package web

import (
	"html"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/net/html/atom"

	xhtml "golang.org/x/net/html"
)

func TestMarkedHTML(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain text", "gemeenten leren", "gemeenten leren"},
		{"marks kept", "de <mark>gemeente</mark> leert", "de <mark>gemeente</mark> leert"},
		{"escaped text stays escaped", "a &lt;b&gt; &amp; c", "a &lt;b&gt; &amp; c"},
		{"raw script escaped", "<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"},
		{"attribute on mark is not a mark", `<mark onclick="x()">a</mark>`, `&lt;mark onclick=&#34;x()&#34;&gt;a`},
		{"image escaped", `<img src=x onerror=alert(1)>`, `&lt;img src=x onerror=alert(1)&gt;`},
		{"entity-encoded tag stays text", "&lt;script&gt;", "&lt;script&gt;"},
		{"unclosed mark closed", "<mark>open", "<mark>open</mark>"},
		{"stray close dropped", "a</mark>b", "ab"},
		{"nested mark flattened", "<mark>a<mark>b</mark>c</mark>", "<mark>ab</mark>c"},
		{"upper case is not a mark", "<MARK>a</MARK>", "&lt;MARK&gt;a&lt;/MARK&gt;"},
		{"lone angle brackets", "a < b > c", "a &lt; b &gt; c"},
		{"quotes escaped", `"zo'n" dag`, "&#34;zo&#39;n&#34; dag"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := string(markedHTML(tt.in)); got != tt.want {
				t.Errorf("markedHTML(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// FuzzMarkedHTML checks that whatever goes in, what comes out parses as
// text and <mark> elements only, and keeps the text.
func FuzzMarkedHTML(f *testing.F) {
	for _, s := range []string{"<mark>a</mark>", "<script>x</script>", "&lt;", "<<mark>>", "<mark", "</mark></mark>", "&#60;mark&#62;"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := string(markedHTML(s))
		z := xhtml.NewTokenizer(strings.NewReader(out))
		var text strings.Builder
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
					t.Fatalf("markedHTML(%q) = %q has a %s tag", s, out, tok.Data)
				}
			default:
				t.Fatalf("markedHTML(%q) = %q has a %v token", s, out, tt)
			}
		}
		// The text is the input's text with the mark tags taken out, as an
		// HTML parser normalises it (line ends).
		want := html.UnescapeString(strings.NewReplacer(markOpen, "", markClose, "").Replace(s))
		want = strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(want)
		if utf8.ValidString(s) && !strings.Contains(s, "<mark>") && !strings.Contains(s, "</mark>") && text.String() != want {
			t.Fatalf("markedHTML(%q) text = %q, want %q", s, text.String(), want)
		}
	})
}
