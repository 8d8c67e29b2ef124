// Package corpus loads the article series from its data files: one Markdown
// file per article (with YAML front matter) under artikelen/, and the
// registries people.yaml, themes.yaml and municipalities.yaml.
//
// Load validates as it reads and reports every problem with its file and
// line, so that `vanelkaar check` can print them as "path:line: message".
// The loaded Corpus holds articles split into passages (one per paragraph or
// list item, each with a stable anchor), the people, the themes and the
// municipalities, with their references resolved.
//
// # Markdown
//
// The article body is plain Markdown: paragraphs, "#" headings, lists and
// "> " block quotes; **bold**, *emphasis* and [links](url) are reduced to
// their text. A heading may end in an attribute block that sets its anchor
// and the themes of its section:
//
//	### 1. Inclusiviteit {#inclusiviteit theme=inclusiviteit}
//
// Several themes are separated by commas: theme=samenwerken,uitdagingen.
//
// The shipped corpus is embedded in the binary (see Shipped); a folder on
// disk is read with os.DirFS.
package corpus
