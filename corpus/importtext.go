package corpus

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// ImportMeta is what the plain text of an article does not say itself:
// the front matter fields an editor gives on the command line. Nothing is
// guessed: a field left empty stays out of the front matter.
type ImportMeta struct {
	Slug      string
	Series    string
	Part      int
	Parts     int
	SourceURL string
	Published string
	Authors   []string
	Themes    []string // article-level theme ids
	// Title replaces the title the source gives (not used for plain text,
	// whose first line is the title).
	Title string
}

var (
	// "1. Inclusiviteit" opening a numbered point, as part 1 writes them.
	numberedRE = regexp.MustCompile(`^(\d{1,2})[.)]\s+(\S.*)$`)
	// Markdown that plain text must not trigger by accident.
	mdLeadRE = regexp.MustCompile(`^(#|>|[-*+]\s|\d{1,3}[.)]\s)`)
)

// maxHeadingRunes bounds what can be a heading: a short line that does
// not end a sentence.
const maxHeadingRunes = 90

// FromText turns the plain text of an article, as copied from its web
// page, into a corpus Markdown file: front matter from meta, the first
// line as the title, and the rest as blocks separated by blank lines.
//
//   - A block of one short line that does not end like a sentence is a
//     heading (##).
//   - A numbered point ("1. Inclusiviteit" followed by its text) is a
//     heading (###) with its text as a paragraph.
//   - A block of several short lines that end no sentence (a name, a role,
//     an organisation) is a list item, its lines joined by commas.
//   - Anything else is a paragraph, its lines joined by spaces.
//
// The text is kept word for word; characters that would read as Markdown
// at the start of a paragraph are escaped. The result is checked with
// ParseArticle; the parsed article and its problems come back with the
// Markdown.
func FromText(text string, meta ImportMeta) (string, *Article, Problems, error) {
	text = strings.TrimPrefix(text, "\uFEFF")
	text = string(normalizeNewlines([]byte(text)))
	if !utf8.ValidString(text) {
		return "", nil, nil, fmt.Errorf("import: the text is not UTF-8")
	}
	blocks := textBlocks(text)
	if len(blocks) == 0 {
		return "", nil, nil, fmt.Errorf("import: the text is empty")
	}
	title := strings.Join(strings.Fields(blocks[0][0]), " ")
	blocks[0] = blocks[0][1:]
	if meta.Slug == "" {
		meta.Slug = Slug(title)
	}

	var b strings.Builder
	if err := writeFrontMatter(&b, title, meta); err != nil {
		return "", nil, nil, err
	}
	prevList := false
	for _, lines := range blocks {
		if len(lines) == 0 {
			continue
		}
		kind, out := convertBlock(lines)
		// Items of one list stand on consecutive lines; everything else is
		// separated by a blank line.
		if !(kind == blockList && prevList) {
			b.WriteString("\n")
		}
		b.WriteString(out)
		b.WriteString("\n")
		prevList = kind == blockList
	}
	md := b.String()
	a, problems := ParseArticle(ArticlesDir+"/"+meta.Slug+".md", []byte(md))
	return md, a, problems, nil
}

// textBlocks splits text at blank lines into blocks of trimmed lines.
func textBlocks(text string) [][]string {
	var blocks [][]string
	var cur []string
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			if len(cur) > 0 {
				blocks = append(blocks, cur)
				cur = nil
			}
			continue
		}
		cur = append(cur, line)
	}
	if len(cur) > 0 {
		blocks = append(blocks, cur)
	}
	return blocks
}

type blockKind int

const (
	blockParagraph blockKind = iota
	blockHeading
	blockList
	blockNumbered
)

func convertBlock(lines []string) (blockKind, string) {
	// Numbered points: each "N. Title" line opens a point whose text runs
	// on to the next one.
	if numberedRE.MatchString(lines[0]) && len(lines) > 1 {
		var b strings.Builder
		for i := 0; i < len(lines); {
			m := numberedRE.FindStringSubmatch(lines[i])
			if m == nil {
				return blockParagraph, escapeLead(strings.Join(lines, " "))
			}
			j := i + 1
			for j < len(lines) && !numberedRE.MatchString(lines[j]) {
				j++
			}
			if b.Len() > 0 {
				b.WriteString("\n")
			}
			fmt.Fprintf(&b, "### %s. %s\n", m[1], m[2])
			if j > i+1 {
				fmt.Fprintf(&b, "\n%s\n", escapeLead(strings.Join(lines[i+1:j], " ")))
			}
			i = j
		}
		return blockNumbered, strings.TrimSuffix(b.String(), "\n")
	}
	if len(lines) == 1 && isHeadingLine(lines[0]) {
		return blockHeading, "## " + lines[0]
	}
	if len(lines) > 1 && allShort(lines) {
		return blockList, "- " + strings.Join(lines, ", ")
	}
	return blockParagraph, escapeLead(strings.Join(lines, " "))
}

func isHeadingLine(s string) bool {
	if utf8.RuneCountInString(s) > maxHeadingRunes {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(s)
	return !strings.ContainsRune(".!?:;,…”\"’)→", last)
}

func allShort(lines []string) bool {
	for _, l := range lines {
		if !isHeadingLine(l) {
			return false
		}
	}
	return true
}

// escapeLead keeps a paragraph that starts like Markdown syntax a
// paragraph.
func escapeLead(s string) string {
	if !mdLeadRE.MatchString(s) {
		return s
	}
	// "1. Inclusiviteit" as text: escape the point, not the digit, which
	// a backslash cannot escape.
	if i := strings.IndexAny(s, ".)"); i > 0 && s[0] >= '0' && s[0] <= '9' {
		return s[:i] + `\` + s[i:]
	}
	return `\` + s
}

func writeFrontMatter(b *strings.Builder, title string, meta ImportMeta) error {
	q := func(s string) string {
		out, err := yaml.Marshal(s)
		if err != nil {
			return strconv.Quote(s)
		}
		return strings.TrimSpace(string(out))
	}
	b.WriteString("---\n")
	fmt.Fprintf(b, "slug: %s\n", meta.Slug)
	fmt.Fprintf(b, "title: %s\n", q(title))
	if meta.Series != "" {
		fmt.Fprintf(b, "series: %s\n", q(meta.Series))
	}
	if meta.Part < 1 {
		return fmt.Errorf("the source does not say which part of the series it is (no “(n/m)” in its title, no “-n-m-” in its address): give --part N")
	}
	fmt.Fprintf(b, "part: %d\n", meta.Part)
	if meta.Parts > 0 {
		fmt.Fprintf(b, "parts: %d\n", meta.Parts)
	}
	if meta.SourceURL != "" {
		fmt.Fprintf(b, "source_url: %s\n", q(meta.SourceURL))
	}
	if meta.Published != "" {
		fmt.Fprintf(b, "published: %s\n", q(meta.Published))
	}
	if len(meta.Authors) > 0 {
		quoted := make([]string, len(meta.Authors))
		for i, a := range meta.Authors {
			quoted[i] = q(a)
		}
		fmt.Fprintf(b, "authors: [%s]\n", strings.Join(quoted, ", "))
	}
	if len(meta.Themes) > 0 {
		fmt.Fprintf(b, "themes: [%s]\n", strings.Join(meta.Themes, ", "))
	}
	b.WriteString("---\n")
	return nil
}
