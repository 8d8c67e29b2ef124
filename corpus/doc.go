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
// A subsection has the themes of the sections it is in as well as its own.
//
// # Names
//
// A passage mentions a person when it gives the full name ("Theo
// Veltman"), or a first name or surname ("Theo", "Veltman", "Van den
// Broek", written with a capital) after that person's full name came
// earlier in the same article. A short name that fits several people
// introduced earlier is ambiguous and mentions no one, and so is a short
// name that the article also used in the full name of someone not in
// people.yaml ("Albert Jansen" next to a registered Anna Jansen: "Jansen"
// then means no one, and the check says so). Municipalities are
// found by name and by the aliases of municipalities.yaml, whatever the
// case and whichever apostrophe is used: "Den Bosch", "gemeente
// ‘s-Hertogenbosch" and "'s-Hertogenbosch" are the same place.
//
// # Quotes
//
// A quote is text in quotation marks: “…”, „…” (or „…“), ‘…’ and "…".
// Only where no apostrophe can be meant does ‘ open or ’ close a quote:
// ‘s-Hertogenbosch, ‘t, ’s avonds, ‘19, auto’s and zo’n open and close
// nothing; the straight ' is always an apostrophe. Inside a ‘…’ quote, the
// possessive ’ after a final s, x or z (‘… Kees’ fiets …’) closes nothing
// when a later ’ can close the quote. Quotation marks inside
// a quote (a quote within a quote) are part of its text.
//
// A quote over several paragraphs follows the Dutch convention: each
// paragraph reopens with an opening mark of the same kind and only the
// last one closes. The quote's Text is its paragraphs' pieces joined by a
// space; Pieces gives each piece's place in its passage. A mark that never
// closes (and is not reopened in the next paragraph) is reported as a
// warning and opens no quote. A quote never runs over a heading.
//
// A quote interrupted by its attribution, “A,” aldus Theo. “B.”, becomes
// two quotes, A and B, by the same speaker: each stays the exact text
// between its marks (so a search hit shows where it is), and the second is
// attributed as the first. The comma that Dutch places inside the closing
// mark (“A,” zegt ze) is not part of the text.
//
// Quotation marks around a term rather than someone's words, the “glazen
// huis”, are no quote: a text of at most three words without sentence
// punctuation counts as a term unless a verb of saying follows it or a
// colon precedes it.
//
// Who said a quote is settled by the first of these rules that applies
// (Quote.Attribution records which):
//
//  1. explicit: the editor's {spreker=ID} mark after the closing mark;
//  2. verb: a verb of saying in lower case right after the quote, then
//     the name, with at most a few lower-case words (a role) between:
//     “…,” aldus Theo / zegt Veltman / vertelt programmamanager Theo /
//     volgens Veltman, or a sentence of its own: “…” Dat zegt Veltman,
//     or a signature after a dash: “…” — Theo Veltman.
//     With hij, zij or ze instead of a name, rules 3 and 4 decide;
//  3. colon: the clause before a colon that opens the quote names one
//     person: Theo Veltman: “…” / Veltman zegt: “…”;
//  4. previous: the sentence just before the quote in the same paragraph
//     (with the start of the quote's own sentence, if the quote is inside
//     one) names one person.
//
// The second piece of a quote interrupted by its attribution gets the
// first piece's speaker. A name may be a full name, or a first name or
// surname of someone introduced earlier in the article (see Names). When
// a name could mean two people, names no one introduced, or the sentence
// names several people, the quote stays unattributed: the rules never
// guess. Load reports every unattributed quote as a warning with the
// reason, for `vanelkaar check`.
//
// # Marks for editors
//
// What the rules cannot settle, an editor settles with a mark written
// directly after the closing quotation mark (a space before it is fine):
//
//	“Dat doen we samen.” {spreker=theo-veltman}
//	Het project heette “Van elkaar leren: de stad”{geen-citaat}.
//
// {spreker=ID} names the speaker by id from people.yaml and overrides the
// rules; {geen-citaat} says the marks hold no quote (a title or a term).
// Marks are removed from the passage text: they never show up in the
// index or on the article page. A mark that follows no quotation mark, an
// unknown person id or an unknown mark is an error. Write \{ for a brace
// that is text.
//
// # Import
//
// Import turns a source into articles: a web page (FromHTML: the
// go-readability library finds the body, goquery rules remove what sites
// put around and inside it, the page's metadata gives the front matter), a
// WordPress REST posts dump or WXR export (one article per post), or plain
// text (FromText). The format is read from the content (DetectFormat).
// Every imported file carries an import_hash in its front matter, so that
// CompareImport can tell an unchanged source, a changed one, and a file
// edited by hand since its import. series.yaml lists the parts of the
// series (ReadSeries), and Unresolved lists what the corpus could not
// resolve in imported articles: people not in people.yaml with the role
// found near their first mention, unknown municipalities, quotes without a
// speaker. Fetching pages is no part of this package: the command does it.
//
// The shipped corpus is embedded in the binary (see Shipped); a folder on
// disk is read with os.DirFS.
package corpus
