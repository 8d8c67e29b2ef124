package corpus

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/net/html"
)

func TestHTMLToMarkdown(t *testing.T) {
	tests := []struct {
		name, html, want string
	}{
		{"paragraphs and headings",
			"<h2>Kop</h2><p>Een.</p><h4>Diep</h4><p>Twee.</p>",
			"\n## Kop\n\nEen.\n\n#### Diep\n\nTwee.\n"},
		{"a repeated heading gets an anchor of its own",
			"<h2>Conclusie</h2><p>Een.</p><h2>Conclusie</h2><p>Twee.</p><h2>Conclusie 2</h2><p>Drie.</p>",
			"\n## Conclusie\n\nEen.\n\n## Conclusie {#conclusie-2}\n\nTwee.\n\n## Conclusie 2 {#conclusie-2-2}\n\nDrie.\n"},
		{"every list item its own item",
			"<ul><li>een</li><li>twee <b>vet</b></li></ul><ol><li>eerste</li><li><p>tweede</p></li></ol>",
			"\n- een\n- twee **vet**\n\n1. eerste\n2. tweede\n"},
		{"paragraphs of one item stay one item",
			"<ol><li><p>Eerst dit.</p><p>Dan dat.</p></li><li>Twee</li></ol>",
			"\n1. Eerst dit. Dan dat.\n2. Twee\n"},
		{"nested lists flatten",
			"<ul><li>boven<ul><li>onder</li></ul></li></ul>",
			"\n- boven\n- onder\n"},
		{"block quote over paragraphs, with its cite",
			"<blockquote><p>„Een.</p><p>„Twee.”</p><cite>Anna Jansen</cite></blockquote>",
			"\n> „Een.\n\n> „Twee.”\n> — Anna Jansen\n"},
		{"emphasis hugs its words",
			"<p>Dat is <em> echt </em> zo, <strong>heel</strong>erg.</p>",
			"\nDat is *echt* zo, **heel**erg.\n"},
		{"quotation marks and apostrophes as published",
			"<p>&#8220;Ja,&#8221; zegt ze. &#8222;Nee&#8220; &lsquo;t Is zo&rsquo;n auto&#39;s &quot;recht&quot; ’s avonds</p>",
			"\n“Ja,” zegt ze. „Nee“ ‘t Is zo’n auto's \"recht\" ’s avonds\n"},
		{"q element gets its marks", "<p>Ze zei <q>nooit</q>.</p>", "\nZe zei “nooit”.\n"},
		{"link text, no link", `<p>Lees <a href="https://x.example/">het rapport</a> nu.</p>`, "\nLees het rapport nu.\n"},
		{"markdown syntax in text is escaped",
			"<p># geen kop</p><p>1. geen lijst</p><p>a {spreker=x} b *c* d_e_f [g]</p>",
			"\n\\# geen kop\n\n1\\. geen lijst\n\na \\{spreker=x\\} b \\*c\\* d\\_e\\_f \\[g\\]\n"},
		{"line breaks stay inside the paragraph",
			"<p>Anna Jansen<br>Wethouder<br/>Gemeente Voorbeeldstad</p>",
			"\nAnna Jansen\nWethouder\nGemeente Voorbeeldstad\n"},
		{"invisible characters and no-break spaces",
			"<p>zelf\u00adstandig&nbsp;en\u200bniet</p>", "\nzelfstandig enniet\n"},
		{"scripts, styles, images and forms hold no text",
			"<p>Tekst<script>var a = 1;</script><img alt=\"foto\"></p><style>p{}</style><form><p>veld</p></form>",
			"\nTekst\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := html.Parse(strings.NewReader(tt.html))
			if err != nil {
				t.Fatal(err)
			}
			var b strings.Builder
			renderBlocks(&b, htmlBlocks(doc))
			if diff := cmp.Diff(tt.want, b.String()); diff != "" {
				t.Errorf("Markdown (-want +got):\n%s", diff)
			}
			// What the corpus reads back is the text, without syntax.
			a, ps := ParseArticle("a.md", []byte("---\ntitle: T\npart: 1\n---\n"+b.String()))
			if ps.HasErrors() {
				t.Errorf("parse back: %v", ps)
			}
			for _, p := range a.Passages {
				if strings.ContainsAny(p.Text, `\*_{}`) && !strings.Contains(tt.name, "escaped") {
					t.Errorf("passage %q keeps syntax", p.Text)
				}
			}
		})
	}
}
