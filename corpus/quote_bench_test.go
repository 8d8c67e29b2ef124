package corpus

import (
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

// The quote benchmarks show that the work grows linearly with the text:
// ns per copy of the fixture article stays flat from 1 to 256 copies.
// Each size has a baseline in the same run: one pass over the runes of
// the same text, the least any scanner must do.

var headingAttrRE = regexp.MustCompile(`\{#([a-z0-9-]+)`)

// repeatedArticle is the body of the first fixture article n times, with
// the section anchors numbered so they stay unique.
func repeatedArticle(tb testing.TB, n int) string {
	tb.Helper()
	src, err := os.ReadFile(fixtureDir + "/artikelen/01-het-digitale-loket.md")
	if err != nil {
		tb.Fatal(err)
	}
	_, body, _ := strings.Cut(strings.TrimPrefix(string(src), "---\n"), "\n---\n")
	var b strings.Builder
	for i := range n {
		b.WriteString(headingAttrRE.ReplaceAllString(body, fmt.Sprintf("{#${1}-%d", i)))
		b.WriteString("\n")
	}
	return b.String()
}

var sizes = []int{1, 16, 256}

func BenchmarkScanQuotes(b *testing.B) {
	for _, n := range sizes {
		paras := strings.Split(repeatedArticle(b, n), "\n\n")
		size := 0
		for _, p := range paras {
			size += len(p)
		}
		b.Run(fmt.Sprintf("baseline-runes/copies=%d", n), func(b *testing.B) {
			b.SetBytes(int64(size))
			for b.Loop() {
				count := 0
				for _, p := range paras {
					count += utf8.RuneCountInString(p)
				}
				if count == 0 {
					b.Fatal("no text")
				}
			}
		})
		b.Run(fmt.Sprintf("scan/copies=%d", n), func(b *testing.B) {
			b.SetBytes(int64(size))
			b.ReportAllocs()
			for b.Loop() {
				spans, _ := scanQuotes(paras)
				if len(spans) == 0 {
					b.Fatal("no quotes")
				}
			}
		})
	}
}

// BenchmarkLoadQuotes loads the fixture corpus with the article repeated:
// Markdown, names, quotes and attribution. Its baseline loads the same
// text with the quotation marks and editors' marks taken out, so the
// difference is what quotes cost.
func BenchmarkLoadQuotes(b *testing.B) {
	plain := strings.NewReplacer("“", "", "”", "", "„", "", "‘", "", "’", "", `"`, "", "{spreker=pieter-van-den-akker}", "", "{geen-citaat}", "")
	for _, n := range sizes {
		body := repeatedArticle(b, n)
		for _, variant := range []struct {
			name string
			body string
		}{{"baseline-no-quotes", plain.Replace(body)}, {"quotes", body}} {
			fsys := fixtureWith(b, variant.body)
			b.Run(fmt.Sprintf("%s/copies=%d", variant.name, n), func(b *testing.B) {
				b.SetBytes(int64(len(variant.body)))
				b.ReportAllocs()
				for b.Loop() {
					c, err := Load(fsys)
					if err != nil {
						b.Fatal(err)
					}
					if variant.name == "quotes" && len(c.Article("proef").Quotes) != 11*n {
						b.Fatalf("got %d quotes, want %d", len(c.Article("proef").Quotes), 11*n)
					}
				}
			})
		}
	}
}
