package web

import (
	"html"
	"html/template"
	"strings"
)

const (
	markOpen  = "<mark>"
	markClose = "</mark>"
)

// markedHTML turns text in which only <mark> and </mark> are markup (the
// snippets and titles search makes) into template.HTML. It is the one
// place where this package trusts HTML: all other text is unescaped and
// escaped again, so a stray "<" or a foreign tag comes out as text, and the
// marks are balanced. Even a hostile string yields nothing but text and
// <mark> elements.
func markedHTML(s string) template.HTML {
	var b strings.Builder
	open := false
	text := func(t string) {
		b.WriteString(html.EscapeString(html.UnescapeString(t)))
	}
	for s != "" {
		switch {
		case strings.HasPrefix(s, markOpen):
			if !open {
				b.WriteString(markOpen)
				open = true
			}
			s = s[len(markOpen):]
		case strings.HasPrefix(s, markClose):
			if open {
				b.WriteString(markClose)
				open = false
			}
			s = s[len(markClose):]
		default:
			// Text runs to the next "<" that could start a mark tag.
			i := strings.IndexByte(s[1:], '<')
			if i < 0 {
				text(s)
				s = ""
			} else {
				text(s[:i+1])
				s = s[i+1:]
			}
		}
	}
	if open {
		b.WriteString(markClose)
	}
	return template.HTML(b.String())
}
