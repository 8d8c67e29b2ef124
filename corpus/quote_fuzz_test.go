package corpus

import (
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"
)

// FuzzScanQuotes checks the quote scanner on any text, its paragraphs
// separated by blank lines: it does not panic, every quote's pieces are
// the paragraph text at their offsets (so a quote in one paragraph is a
// substring of it), inside the quotation marks, in reading order and not
// overlapping.
func FuzzScanQuotes(f *testing.F) {
	for _, s := range []string{
		"“Ja,” zegt ze. “Nee.”",
		"Gemeente ‘s-Hertogenbosch en ’s avonds auto’s, zo’n ‘t ‘19",
		"Zij: “Een.\n\n“Twee.\n\n“Drie.”",
		"„Laag“ en „laag” en \"recht\" en ‘enkel’",
		"“Open\n\nDicht.”",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		paras := strings.Split(text, "\n\n")
		spans, unclosed := scanQuotes(paras)
		prevPara, prevEnd := 0, 0
		for _, s := range spans {
			if len(s.pieces) == 0 {
				t.Fatalf("quote without pieces: %+v", s)
			}
			if s.openPara > s.pieces[0].para || s.openPara == s.pieces[0].para && s.open >= s.pieces[0].start {
				t.Fatalf("opening mark %d:%d is not before the words %+v", s.openPara, s.open, s.pieces[0])
			}
			lp := s.pieces[len(s.pieces)-1]
			if s.closePara < lp.para || s.closePara == lp.para && s.close <= lp.end || s.close > len(paras[s.closePara]) {
				t.Fatalf("closing mark %d:%d is not after the words %+v", s.closePara, s.close, lp)
			}
			var parts []string
			for _, p := range s.pieces {
				if p.para < prevPara || p.para == prevPara && p.start < prevEnd {
					t.Fatalf("piece %+v overlaps or precedes the one before (%d:%d)", p, prevPara, prevEnd)
				}
				if p.start < 0 || p.start >= p.end || p.end > len(paras[p.para]) {
					t.Fatalf("piece %+v outside paragraph of %d bytes", p, len(paras[p.para]))
				}
				piece := paras[p.para][p.start:p.end]
				if utf8.ValidString(paras[p.para]) && !utf8.ValidString(piece) {
					t.Fatalf("piece %q cuts a rune", piece)
				}
				parts = append(parts, piece)
				prevPara, prevEnd = p.para, p.end
			}
			got := s.text(paras)
			if got != strings.Join(parts, " ") {
				t.Fatalf("text %q is not its pieces %q", got, parts)
			}
			if len(s.pieces) == 1 && !strings.Contains(paras[s.pieces[0].para], got) {
				t.Fatalf("text %q is not in its paragraph", got)
			}
			prevPara, prevEnd = s.closePara, s.close
		}
		for _, u := range unclosed {
			if u.offset < 0 || u.offset >= len(paras[u.para]) {
				t.Fatalf("unclosed mark %+v outside its paragraph", u)
			}
		}
	})
}

// FuzzArticleQuotes loads an article with any body into the fixture corpus:
// loading never panics, and each quote's pieces are its passages' text.
func FuzzArticleQuotes(f *testing.F) {
	f.Add("Joris Mulder: “Ja.”\n\n“Nee,” aldus Mulder, “toch.”{spreker=joris-mulder}")
	f.Add("# Kop {#kop theme=samenwerken}\n\n> “Citaat\n> over regels,” zegt Jansen.\n\n- “Lijst.” {geen-citaat}")
	fsys := fixtureWith(f, "")
	f.Fuzz(func(t *testing.T, body string) {
		fs := fstest.MapFS{}
		for k, v := range fsys {
			fs[k] = v
		}
		fs[ArticlesDir+"/proef.md"] = &fstest.MapFile{Data: []byte("---\nslug: proef\ntitle: Proef\npart: 1\n---\n" + body)}
		c, err := Load(fs)
		if err != nil {
			return
		}
		for _, q := range c.Article("proef").Quotes {
			var parts []string
			for _, p := range q.Pieces {
				parts = append(parts, p.Passage.Text[p.Start:p.End])
			}
			if strings.Join(parts, " ") != q.Text {
				t.Fatalf("quote %q is not its pieces %q", q.Text, parts)
			}
			if q.Speaker != "" && c.Person(q.Speaker) == nil {
				t.Fatalf("quote %q has unknown speaker %q", q.Text, q.Speaker)
			}
		}
	})
}
