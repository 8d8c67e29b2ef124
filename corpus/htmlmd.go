package corpus

import (
	"fmt"
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// mdBlock is one block of an article body made from HTML: a heading, a
// paragraph, a list item or a paragraph of a block quote.
type mdBlock struct {
	kind  mdKind
	level int    // heading level 1..6; for list items 0 (bullet) or the item's number
	text  string // plain text, spaces folded; line breaks kept as "\n"
	md    string // the same with inline Markdown (emphasis), escaped
	list  int    // for list items: which list, counted from 1
}

type mdKind int

const (
	mdParagraph mdKind = iota
	mdHeading
	mdItem
	mdQuote
)

// htmlBlocks walks an HTML tree and returns its blocks in reading order.
// Everything inline is reduced to its text (links to their text), except
// emphasis, which becomes *…* or **…**. Entities are decoded by the HTML
// parser already; every other character, quotation marks and apostrophes
// included, is kept as written.
func htmlBlocks(n *html.Node) []mdBlock {
	w := &blockWalker{}
	w.walk(n, mdParagraph)
	w.flush()
	return w.blocks
}

type blockWalker struct {
	blocks []mdBlock
	// The inline text of the block being read, twice: plain and with
	// Markdown.
	plain  strings.Builder
	md     mdBuffer
	kind   mdKind
	level  int
	items  []int // counters of the open lists; -1 for a bullet list
	lists  []int // ids of the open lists
	nlists int
	// per open list item, the index of its block; -1 before it has one
	liBlocks []int
	cite     bool // the block is a block quote's <cite>
}

// blockElems start a new block. Anything else is inline.
var blockElems = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Section: true, atom.Article: true, atom.Main: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Ul: true, atom.Ol: true, atom.Li: true, atom.Blockquote: true, atom.Figure: true,
	atom.Table: true, atom.Tr: true, atom.Td: true, atom.Th: true, atom.Dl: true, atom.Dt: true, atom.Dd: true,
	atom.Pre: true, atom.Hr: true, atom.Header: true, atom.Footer: true, atom.Aside: true, atom.Address: true,
	atom.Figcaption: true, atom.Body: true, atom.Html: true,
}

// skipElems hold no text of the article.
var skipElems = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true, atom.Iframe: true,
	atom.Object: true, atom.Embed: true, atom.Svg: true, atom.Math: true, atom.Canvas: true, atom.Img: true,
	atom.Picture: true, atom.Video: true, atom.Audio: true, atom.Button: true, atom.Form: true,
	atom.Input: true, atom.Select: true, atom.Textarea: true, atom.Head: true, atom.Figcaption: true,
}

// walk reads node n, inside a block of kind ctx.
func (w *blockWalker) walk(n *html.Node, ctx mdKind) {
	switch n.Type {
	case html.TextNode:
		w.text(n.Data)
		return
	case html.ElementNode:
	case html.DocumentNode:
		w.walkChildren(n, ctx)
		return
	default:
		return
	}
	a := n.DataAtom
	switch {
	case skipElems[a]:
	case a == atom.Br:
		w.plain.WriteString("\n")
		w.md.WriteString("\n")
	case a == atom.Cite && ctx == mdQuote:
		w.signature(n, ctx)
	case !blockElems[a]:
		w.inline(n, ctx)
	case a == atom.Ul || a == atom.Ol:
		w.flush()
		w.list(n, ctx)
	default:
		w.flush()
		w.block(n, ctx)
	}
}

func (w *blockWalker) walkChildren(n *html.Node, ctx mdKind) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c, ctx)
	}
}

// signature reads a block quote's <cite>, as in
// <blockquote><p>…</p><cite>Name</cite></blockquote>: the quote's
// signature, on a line of its own after it: "— Name".
func (w *blockWalker) signature(n *html.Node, ctx mdKind) {
	w.flush()
	w.kind, w.cite = mdQuote, true
	w.text("— ")
	w.walkChildren(n, ctx)
	w.flush()
}

// list reads a <ul> or <ol>: its items are numbered from 1 in an <ol>.
func (w *blockWalker) list(n *html.Node, ctx mdKind) {
	start := -1
	if n.DataAtom == atom.Ol {
		start = 0
	}
	w.nlists++
	w.items, w.lists = append(w.items, start), append(w.lists, w.nlists)
	w.walkChildren(n, ctx)
	w.flush()
	w.items, w.lists = w.items[:len(w.items)-1], w.lists[:len(w.lists)-1]
}

// block reads a block element other than a list: a heading, a block
// quote, a list item or a paragraph-like container.
func (w *blockWalker) block(n *html.Node, ctx mdKind) {
	kind, level := ctx, 0
	switch n.DataAtom {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		kind, level = mdHeading, int(n.Data[1]-'0')
	case atom.Blockquote:
		kind = mdQuote
	case atom.Li:
		kind = mdItem
		if k := len(w.items); k > 0 && w.items[k-1] >= 0 {
			w.items[k-1]++
			level = w.items[k-1]
		}
		w.liBlocks = append(w.liBlocks, -1)
		defer func() { w.liBlocks = w.liBlocks[:len(w.liBlocks)-1] }()
	}
	if kind == ctx && (ctx == mdItem || ctx == mdQuote) {
		level = w.level // a paragraph inside a list item keeps its number
	}
	w.kind, w.level = kind, level
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		// Paragraphs inside a list item or a block quote stay of its kind.
		w.walk(c, kind)
		if w.plain.Len() == 0 {
			w.kind, w.level = kind, level
		}
	}
	w.flush()
}

// inline reads an inline element: emphasis gets its Markdown marks,
// which hug the words (spaces inside <em> move outside the marks).
func (w *blockWalker) inline(n *html.Node, ctx mdKind) {
	if n.DataAtom == atom.Q {
		// The browser draws the quotation marks of <q>: write them.
		w.text("“")
		w.walkChildren(n, ctx)
		w.text("”")
		return
	}
	mark := ""
	switch n.DataAtom {
	case atom.Em, atom.I, atom.Cite:
		mark = "*"
	case atom.Strong, atom.B:
		mark = "**"
	}
	start, blocks := w.md.Len(), len(w.blocks)
	w.walkChildren(n, ctx)
	if mark == "" || len(w.blocks) != blocks || w.md.Len() < start {
		return
	}
	inner := string(w.md[start:])
	trimmed := strings.TrimSpace(inner)
	if trimmed == "" || strings.Contains(trimmed, "\n") {
		return
	}
	lead := inner[:strings.Index(inner, trimmed)]
	trail := inner[len(lead)+len(trimmed):]
	w.md = append(w.md[:start], lead+mark+trimmed+mark+trail...)
}

// mdBuffer collects a block's Markdown; emphasis rewrites its tail in
// place, so a paragraph of many <em> costs no more than its length.
type mdBuffer []byte

func (b *mdBuffer) WriteString(s string) { *b = append(*b, s...) }
func (b *mdBuffer) Len() int             { return len(*b) }
func (b *mdBuffer) String() string       { return string(*b) }
func (b *mdBuffer) Reset()               { *b = (*b)[:0] }

// invisible are characters that carry nothing a reader sees: soft
// hyphens, zero-width spaces and joiners, the byte order mark.
var invisible = strings.NewReplacer("\u00ad", "", "\u200b", "", "\u200c", "", "\u200d", "", "\ufeff", "", "\u2060", "")

func (w *blockWalker) text(s string) {
	s = invisible.Replace(s)
	w.plain.WriteString(s)
	w.md.WriteString(escapeMarkdown(s))
}

// mdEscaper escapes what corpus Markdown would read as syntax inside a
// line: emphasis, links and the editor's {…} marks.
var mdEscaper = strings.NewReplacer(`\`, `\\`, `*`, `\*`, `_`, `\_`, `{`, `\{`, `}`, `\}`, `[`, `\[`, `]`, `\]`)

func escapeMarkdown(s string) string { return mdEscaper.Replace(s) }

// flush ends the block being read.
func (w *blockWalker) flush() {
	plain, md := foldBlock(w.plain.String()), foldBlock(w.md.String())
	w.plain.Reset()
	w.md.Reset()
	cite := w.cite
	w.cite = false
	if strings.TrimSpace(strings.TrimPrefix(plain, "—")) == "" {
		return
	}
	if n := len(w.blocks); cite && n > 0 && w.blocks[n-1].kind == mdQuote {
		w.blocks[n-1].text += "\n" + plain
		w.blocks[n-1].md += "\n" + md
		return
	}
	// Emphasis that would not read back as emphasis (a mark inside a
	// word) is left out rather than leaving stray asterisks in the text.
	if Inline(md) != strings.Join(strings.Fields(plain), " ") {
		md = foldBlock(escapeMarkdown(plain))
	}
	// Paragraphs of one list item stay one item.
	if k := len(w.liBlocks); w.kind == mdItem && k > 0 {
		if i := w.liBlocks[k-1]; i >= 0 && i == len(w.blocks)-1 {
			w.blocks[i].text += "\n" + plain
			w.blocks[i].md += "\n" + md
			return
		}
		w.liBlocks[k-1] = len(w.blocks)
	}
	b := mdBlock{kind: w.kind, level: w.level, text: plain, md: md}
	if b.kind == mdItem && len(w.lists) > 0 {
		b.list = w.lists[0] // nested lists are one list
	}
	w.blocks = append(w.blocks, b)
}

// foldBlock folds runs of spaces (not line breaks) and trims every line.
func foldBlock(s string) string {
	lines := strings.Split(s, "\n")
	out := lines[:0]
	for _, l := range lines {
		l = strings.Join(strings.FieldsFunc(l, func(r rune) bool { return unicode.IsSpace(r) }), " ")
		if l != "" {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

// renderBlocks writes blocks as corpus Markdown: a blank line between
// blocks, list items of one list on consecutive lines.
func renderBlocks(b *strings.Builder, blocks []mdBlock) {
	prevList := 0
	anchors := map[string]bool{} // the sections' anchors so far
	for _, bl := range blocks {
		if !(bl.kind == mdItem && bl.list == prevList) {
			b.WriteString("\n")
		}
		lines := strings.Split(bl.md, "\n")
		switch bl.kind {
		case mdHeading:
			text := strings.Join(lines, " ")
			fmt.Fprintf(b, "%s %s%s\n", strings.Repeat("#", max(2, bl.level)), text, uniqueAnchor(anchors, text))
		case mdItem:
			bullet := "-"
			if bl.level > 0 {
				bullet = fmt.Sprintf("%d.", bl.level)
			}
			fmt.Fprintf(b, "%s %s\n", bullet, strings.Join(lines, " "))
		case mdQuote:
			for _, l := range lines {
				fmt.Fprintf(b, "> %s\n", l)
			}
		default:
			lines[0] = escapeLead(lines[0])
			for i := 1; i < len(lines); i++ {
				// A continuation line must not start a list or heading.
				lines[i] = escapeLead(lines[i])
			}
			b.WriteString(strings.Join(lines, "\n"))
			b.WriteString("\n")
		}
		prevList = 0
		if bl.kind == mdItem {
			prevList = bl.list
		}
	}
}

// uniqueAnchor returns the attribute that gives a heading an anchor of its
// own when the one the corpus reader derives from its text (see
// splitPassages) is taken already, as by two "Conclusie" sections or two
// headings of punctuation only; otherwise "".
func uniqueAnchor(used map[string]bool, text string) string {
	anchor := Slug(Inline(text))
	if anchor == "" {
		anchor = "sectie"
	}
	attr, base := "", anchor
	for n := 2; used[anchor]; n++ {
		anchor = fmt.Sprintf("%s-%d", base, n)
		attr = " {#" + anchor + "}"
	}
	used[anchor] = true
	return attr
}
