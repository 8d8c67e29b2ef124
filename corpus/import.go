package corpus

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
)

// Format is the kind of source an article is imported from.
type Format string

// The formats `vanelkaar import` reads.
const (
	FormatAuto      Format = "auto"
	FormatHTML      Format = "html"      // a saved web page, or one fetched from a URL
	FormatWordPress Format = "wordpress" // a WordPress REST posts dump (JSON) or WXR export (XML)
	FormatText      Format = "text"      // the plain text of an article
)

// ParseFormat reads a --format value.
func ParseFormat(s string) (Format, error) {
	switch f := Format(s); f {
	case FormatAuto, FormatHTML, FormatWordPress, FormatText:
		return f, nil
	}
	return "", fmt.Errorf("unknown format %q: use auto, html, wordpress or text", s)
}

// source kinds DetectFormat tells apart; WordPress comes in two.
const (
	kindText = iota
	kindHTML
	kindREST
	kindWXR
	kindOtherMarkup
)

var (
	htmlSniffRE = regexp.MustCompile(`(?i)<(!doctype\s+html|html|head|body|article|main|p|div|h[1-6]|ul|ol|li|blockquote|span|a\s|br|meta|title|section)[\s>/]`)
	xmlSniffRE  = regexp.MustCompile(`(?i)^<\?xml|^<rss[\s>]|^<feed[\s>]`)
)

// sniff tells the kind of a source from its content, never its name.
func sniff(src []byte) int {
	s := bytes.TrimLeft(bytes.TrimPrefix(src, []byte("\uFEFF")), " \t\r\n")
	switch {
	case len(s) == 0:
		return kindText
	case xmlSniffRE.Match(s):
		if bytes.Contains(s, []byte("wordpress.org/export/")) {
			return kindWXR
		}
		return kindOtherMarkup
	case s[0] == '[' || s[0] == '{':
		if json.Valid(s) {
			if isRESTDump(s) {
				return kindREST
			}
			return kindOtherMarkup
		}
	}
	head := s[:min(len(s), 4096)]
	if htmlSniffRE.Match(head) {
		return kindHTML
	}
	return kindText
}

// DetectFormat returns the format of a source, read from its content.
func DetectFormat(src []byte) Format {
	switch sniff(src) {
	case kindHTML, kindOtherMarkup:
		return FormatHTML
	case kindREST, kindWXR:
		return FormatWordPress
	}
	return FormatText
}

// Imported is one article made from a source.
type Imported struct {
	Markdown string
	Article  *Article
	Problems Problems // what ParseArticle found in Markdown
	// Links are the absolute http(s) addresses the page links to from its
	// article or its surroundings, for finding the other parts of a series.
	Links []PageLink
}

// PageLink is a link on an imported page.
type PageLink struct {
	URL, Text string
}

// Import turns a source into corpus articles: one for a page or a text,
// one per post for a WordPress dump. format FormatAuto detects the format
// from the content; FormatText refuses markup. pageURL is where the
// source was fetched from, if anywhere: the canonical address when the
// page names none, and the base of its relative links.
func Import(src []byte, format Format, pageURL string, meta ImportMeta) ([]Imported, error) {
	kind := sniff(src)
	switch format {
	case FormatText:
		if kind != kindText {
			return nil, fmt.Errorf("the source is %s, not plain text: use --format auto (or html or wordpress) to import it", sourceKindName(kind))
		}
	case FormatHTML:
		if kind == kindREST || kind == kindWXR {
			return nil, fmt.Errorf("the source is %s, not an HTML page: use --format wordpress or auto", sourceKindName(kind))
		}
		kind = kindHTML
	case FormatWordPress:
		if kind != kindREST && kind != kindWXR {
			return nil, fmt.Errorf("the source is %s, not a WordPress REST dump or WXR export", sourceKindName(kind))
		}
	case FormatAuto, "":
	default:
		return nil, fmt.Errorf("unknown format %q", format)
	}
	switch kind {
	case kindHTML:
		im, err := FromHTML(src, pageURL, meta)
		if err != nil {
			return nil, err
		}
		return []Imported{im}, nil
	case kindREST:
		return fromREST(src, meta)
	case kindWXR:
		return fromWXR(src, meta)
	case kindOtherMarkup:
		return nil, fmt.Errorf("the source is %s that vanelkaar cannot import: give an HTML page, a WordPress REST posts dump or WXR export, or plain text", sourceKindName(kind))
	}
	md, a, _, err := FromText(string(src), meta)
	if err != nil {
		return nil, err
	}
	md = withImportHash(md)
	a, ps := ParseArticle(a.Path, []byte(md))
	return []Imported{{Markdown: md, Article: a, Problems: ps}}, nil
}

func sourceKindName(kind int) string {
	switch kind {
	case kindHTML:
		return "an HTML page"
	case kindREST:
		return "a WordPress REST posts dump (JSON)"
	case kindWXR:
		return "a WordPress WXR export (XML)"
	case kindOtherMarkup:
		return "JSON or XML"
	}
	return "plain text"
}

// The import hash: the importer writes the hash of the file it wrote into
// its front matter, so that a later import can tell an unchanged source
// (same file again: nothing to write) and a file edited by hand since
// (its content no longer matches its hash: not overwritten without
// --force) from a file to update.
const importHashPrefix = "sha256-"

var importHashLineRE = regexp.MustCompile(`(?m)^import_hash:[^\n]*\n`)

// withImportHash returns the Markdown with an import_hash line as the
// last line of its front matter.
func withImportHash(md string) string {
	md = importHashLineRE.ReplaceAllString(md, "")
	end := strings.Index(md[4:], "\n---\n")
	if !strings.HasPrefix(md, "---\n") || end < 0 {
		return md
	}
	end += 4 + 1
	return md[:end] + "import_hash: " + contentHash(md) + "\n" + md[end:]
}

// contentHash is the hash of a file's content without its import_hash line.
func contentHash(md string) string {
	sum := sha256.Sum256([]byte(importHashLineRE.ReplaceAllString(string(normalizeNewlines([]byte(md))), "")))
	return importHashPrefix + hex.EncodeToString(sum[:])
}

// ImportState is what a new import means for a file already in the corpus.
type ImportState int

const (
	// ImportNew: no file yet.
	ImportNew ImportState = iota
	// ImportUnchanged: the file holds exactly what the import makes.
	ImportUnchanged
	// ImportChanged: the source changed and the file was not edited since
	// its import: it is updated.
	ImportChanged
	// ImportEdited: the file was edited by hand since its import.
	ImportEdited
	// ImportNotImported: the file has no import hash (written by hand).
	ImportNotImported
)

// CompareImport tells what writing md (made by the importer, with its
// import hash) over the existing file content means.
func CompareImport(existing []byte, md string) ImportState {
	if existing == nil {
		return ImportNew
	}
	m := regexp.MustCompile(`(?m)^import_hash:\s*(\S+)\s*$`).FindSubmatch(existing)
	if m == nil {
		return ImportNotImported
	}
	if contentHash(string(existing)) != string(m[1]) {
		return ImportEdited
	}
	if string(m[1]) == contentHash(md) {
		return ImportUnchanged
	}
	return ImportChanged
}
