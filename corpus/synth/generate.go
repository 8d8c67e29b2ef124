package synth

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"testing/fstest"
	"unicode"
	"unicode/utf8"

	"vanelkaar/corpus"
)

// Options say what corpus to generate.
type Options struct {
	// Passages is the number of passages (paragraphs) of all articles
	// together; at least 1.
	Passages int
	// Seed picks the corpus: the same seed gives the same files.
	Seed uint64
}

// DefaultSeed is the seed of the benchmarks' corpora.
const DefaultSeed = 20190101

// Sizes of the generated registries and articles.
const (
	peoplePerMunicipality = 4
	minArticlePassages    = 8
	maxArticlePassages    = 30
	quoteChance           = 0.2 // share of paragraphs with a quote
)

// theme is one of the product's six themes, with its stable id.
type theme struct{ id, label, description, signals string }

var themes = []theme{
	{"inclusiviteit", "Inclusiviteit", "Iedereen kunnen blijven bedienen, ook wie digitaal minder meekomt.",
		"inclusiviteit, inclusie, toegankelijkheid, laaggeletterd"},
	{"behoefte-en-technologie", "De balans tussen innoveren vanuit de behoefte van burgers en vanuit technologie",
		"Innoveren vanuit wat burgers nodig hebben of vanuit wat technologie mogelijk maakt.",
		"behoefte, technologie, technologisch"},
	{"samenwerken", "Belang van samenwerken met externe partijen", "Vernieuwen samen met bedrijven, kennisinstellingen en andere overheden.",
		"samenwerken, samenwerking, partners, partijen"},
	{"verantwoord-datagebruik", "Verantwoord datagebruik", "Data gebruiken als kans, binnen de grenzen van de AVG.",
		"data, datagebruik, privacy, avg, algoritme"},
	{"uitdagingen", "Uitdagingen", "Middelen, flexibiliteit en grip bij het innoveren.",
		"uitdaging, uitdagingen, middelen, budget, grip"},
	{"themas-2019", "Belangrijkste thema's (mobiliteit, digitalisering, energietransitie, privacy, digitale infrastructuur)",
		"De thema's waar gemeenten zich op richten.", "mobiliteit, digitalisering, energietransitie, infrastructuur"},
}

func themeIDs() []string {
	ids := make([]string, len(themes))
	for i, t := range themes {
		ids[i] = t.id
	}
	return ids
}

// Generate returns the files of a corpus folder with opts.Passages
// passages.
func Generate(opts Options) (fstest.MapFS, error) {
	if opts.Passages < 1 {
		return nil, fmt.Errorf("generate corpus: %d passages: need at least 1", opts.Passages)
	}
	g, err := lexiconGenerator(opts.Seed)
	if err != nil {
		return nil, err
	}
	return g.files(opts.Passages, "synthetisch"), nil
}

// lexiconGenerator returns a generator over the embedded lexicon, checked
// against the themes of the corpus, seeded with seed.
func lexiconGenerator(seed uint64) (*generator, error) {
	lex, err := parseLexicon(lexiconText)
	if err != nil {
		return nil, fmt.Errorf("generate corpus: %w", err)
	}
	if err := lex.check(themeIDs()); err != nil {
		return nil, fmt.Errorf("generate corpus: %w", err)
	}
	return newGenerator(lex, seed), nil
}

// files makes the registries and the articles of a corpus of passages
// passages in memory; prefix goes to the articles (see articles).
func (g *generator) files(passages int, prefix string) fstest.MapFS {
	files := fstest.MapFS{}
	g.emit(passages, prefix, func(name string, b *strings.Builder) error {
		files[name] = &fstest.MapFile{Data: []byte(b.String()), Mode: 0o644}
		return nil
	})
	return files
}

// emit makes the registries and the articles of a corpus of passages
// passages, in the order of the random draws, and hands each file to put
// as it is made; it stops at put's first error.
func (g *generator) emit(passages int, prefix string, put func(name string, b *strings.Builder) error) error {
	for _, f := range []struct {
		name string
		make func() *strings.Builder
	}{{corpus.ThemesFile, g.themesYAML}, {corpus.MunicipalitiesFile, g.municipalitiesYAML}, {corpus.PeopleFile, g.peopleYAML}} {
		if err := put(f.name, f.make()); err != nil {
			return err
		}
	}
	return g.articles(passages, prefix, put)
}

// Write generates a corpus into dir, which must not hold any of its files
// yet. Each file is written as it is made: the corpus is never held in
// memory whole, whatever its size.
func Write(dir string, opts Options) error {
	if opts.Passages < 1 {
		return fmt.Errorf("generate corpus: %d passages: need at least 1", opts.Passages)
	}
	g, err := lexiconGenerator(opts.Seed)
	if err != nil {
		return err
	}
	return g.write(dir, opts.Passages, "synthetisch")
}

// write writes the files that files makes into dir, one at a time, with
// the same content; dir must not hold any of them yet.
func (g *generator) write(dir string, passages int, prefix string) error {
	if err := os.MkdirAll(filepath.Join(dir, corpus.ArticlesDir), 0o755); err != nil {
		return fmt.Errorf("write corpus: %w", err)
	}
	err := g.emit(passages, prefix, func(name string, b *strings.Builder) error {
		f, err := os.OpenFile(filepath.Join(dir, filepath.FromSlash(name)), os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err != nil {
			return err
		}
		_, err = f.WriteString(b.String())
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		return err
	})
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("write corpus: %w (use an empty folder)", err)
	}
	if err != nil {
		return fmt.Errorf("write corpus: %w", err)
	}
	return nil
}

type municipality struct {
	id, name, alias, province string
	people                    []*person
}

type person struct {
	id, name, first, role, category string
	muni                            *municipality
}

// generator holds the registries and the random state of one corpus.
type generator struct {
	lex   *lexicon
	r     *rng
	munis []*municipality
	zipfs map[string]zipf // per lexicon section
	// real, when set, gives the paragraphs' sentences and the quotes:
	// real Dutch sentences instead of the lexicon's templates.
	real *sentencePool
}

func newGenerator(lex *lexicon, seed uint64) *generator {
	g := &generator{lex: lex, r: newRNG(seed), zipfs: map[string]zipf{}}
	provinces := lex.list("provincies")
	for i, p := range lex.pairs("gemeenten") {
		g.munis = append(g.munis, &municipality{
			id: corpus.Slug(p[0]), name: p[0], alias: p[1], province: provinces[i%len(provinces)],
		})
	}
	firsts, lasts, roles := lex.list("voornamen"), lex.list("achternamen"), lex.pairs("rollen")
	used := map[string]bool{}
	k := 0
	for _, m := range g.munis {
		for range peoplePerMunicipality {
			var first, name string
			for {
				first = firsts[g.r.intn(len(firsts))]
				name = first + " " + lasts[g.r.intn(len(lasts))]
				if !used[name] {
					break
				}
			}
			used[name] = true
			role := roles[k%len(roles)]
			k++
			m.people = append(m.people, &person{
				id: corpus.Slug(name), name: name, first: first, role: role[1], category: role[0], muni: m,
			})
		}
	}
	return g
}

// pick draws an entry of a lexicon section, common entries more often.
func (g *generator) pick(section string) string {
	list := g.lex.list(section)
	z, ok := g.zipfs[section]
	if !ok {
		z = newZipf(len(list), 1.0)
		g.zipfs[section] = z
	}
	return list[z.draw(g.r)]
}

// any draws an entry of a section, every entry alike.
func (g *generator) any(section string) string {
	list := g.lex.list(section)
	return list[g.r.intn(len(list))]
}

func (g *generator) themesYAML() *strings.Builder {
	var b strings.Builder
	b.WriteString("# Themes of the synthetic corpus: the product's six theme ids.\n")
	for _, t := range themes {
		fmt.Fprintf(&b, "- id: %s\n  label: %s\n  description: %s\n  signals: [%s]\n",
			t.id, strconv.Quote(t.label), strconv.Quote(t.description), t.signals)
	}
	return &b
}

func (g *generator) municipalitiesYAML() *strings.Builder {
	var b strings.Builder
	b.WriteString("# Invented municipalities of the synthetic corpus.\n")
	for _, m := range g.munis {
		fmt.Fprintf(&b, "- id: %s\n  name: %s\n", m.id, strconv.Quote(m.name))
		if m.alias != "" {
			fmt.Fprintf(&b, "  aliases: [%s]\n", strconv.Quote(m.alias))
		}
		fmt.Fprintf(&b, "  province: %s\n", strconv.Quote(m.province))
	}
	return &b
}

func (g *generator) peopleYAML() *strings.Builder {
	var b strings.Builder
	b.WriteString("# Invented people of the synthetic corpus.\n")
	for _, m := range g.munis {
		for _, p := range m.people {
			fmt.Fprintf(&b, "- id: %s\n  name: %s\n  role: %s\n  role_category: %s\n  municipality: %s\n  organisation: %s\n",
				p.id, strconv.Quote(p.name), strconv.Quote(p.role), p.category, m.id, strconv.Quote("Gemeente "+m.name))
		}
	}
	return &b
}

// articles writes articles of minArticlePassages to maxArticlePassages
// passages until there are passages in all, named with the slug prefix.
func (g *generator) articles(passages int, prefix string, put func(string, *strings.Builder) error) error {
	left := passages
	for n := 1; left > 0; n++ {
		size := g.r.between(minArticlePassages, maxArticlePassages)
		if size >= left || left-size < minArticlePassages {
			// The last article takes the rest, so that no article but a
			// one-article corpus has fewer than the minimum.
			size = left
		}
		name, text := g.article(n, size, prefix)
		if err := put(path.Join(corpus.ArticlesDir, name), text); err != nil {
			return err
		}
		left -= size
	}
	return nil
}

// scene is what an article is about: it fills the templates' slots.
type scene struct {
	muni    *municipality
	speaker *person
	theme   string // the current section's theme
}

// article writes article number n with size passages: an introduction,
// then sections of a few paragraphs each.
func (g *generator) article(n, size int, prefix string) (string, *strings.Builder) {
	m := g.munis[g.muniWeights().draw(g.r)]
	sc := &scene{muni: m, speaker: m.people[g.r.intn(len(m.people))]}
	main := g.r.intn(len(themes))
	arts := []string{themes[main].id}
	for extra := g.r.between(0, 2); extra > 0; extra-- {
		t := themes[g.r.intn(len(themes))].id
		if !contains(arts, t) {
			arts = append(arts, t)
		}
	}
	sc.theme = arts[0]
	slug := fmt.Sprintf("%s-%06d", prefix, n)
	var b strings.Builder
	fmt.Fprintf(&b, "---\nslug: %s\ntitle: %s\nseries: \"Innovatie in Verzinland\"\npart: %d\nparts: 7\n",
		slug, strconv.Quote(g.fill(g.any("titels"), sc)), (n-1)%7+1)
	fmt.Fprintf(&b, "authors: [Redactie Verzinland]\nthemes: [%s]\n---\n\n", strings.Join(arts, ", "))

	// The introduction names the speaker in full, as a real article does.
	b.WriteString(g.fill(g.any("inleidingen"), sc))
	b.WriteString(" ")
	b.WriteString(g.sentences(sc, 1, 2))
	b.WriteString("\n")
	left := size - 1
	var used []string // headings of this article
	for left > 0 {
		sc.theme = arts[g.r.intn(len(arts))]
		heading := g.heading(sc.theme, used)
		if heading == "" {
			// Every heading of the article's themes is taken: borrow a
			// theme. (The loader numbers the passages of a section
			// "anchor", "anchor-2", ..., so a repeated heading with a
			// numbered anchor could give two passages one id.)
			for _, t := range themes {
				if heading = g.heading(t.id, used); heading != "" {
					sc.theme = t.id
					break
				}
			}
		}
		used = append(used, heading)
		fmt.Fprintf(&b, "\n## %s {#%s theme=%s}\n", heading, corpus.Slug(heading), sc.theme)
		paras := min(g.r.between(2, 6), left)
		for range paras {
			b.WriteString("\n")
			b.WriteString(g.paragraph(sc))
			b.WriteString("\n")
		}
		left -= paras
	}
	return fmt.Sprintf("%06d-%s.md", n, slug), &b
}

// heading draws a section heading of the theme that is not in used, or
// returns "" when there is none left.
func (g *generator) heading(theme string, used []string) string {
	var free []string
	for _, h := range g.lex.list("koppen." + theme) {
		if !contains(used, h) {
			free = append(free, h)
		}
	}
	if len(free) == 0 {
		return ""
	}
	return free[g.r.intn(len(free))]
}

// muniWeights weighs the municipalities: a few are written about much more
// than the rest.
func (g *generator) muniWeights() zipf {
	const key = "\x00gemeenten"
	z, ok := g.zipfs[key]
	if !ok {
		z = newZipf(len(g.munis), 0.8)
		g.zipfs[key] = z
	}
	return z
}

// paragraph is two to five sentences, sometimes with a quote of the
// speaker in one of the ways Dutch articles attribute quotes.
func (g *generator) paragraph(sc *scene) string {
	text := g.sentences(sc, 2, 5)
	if !g.r.chance(quoteChance) {
		return text
	}
	var quote string
	if g.real != nil {
		quote = g.realQuote(sc)
	} else {
		quote = g.lexiconQuote(sc)
	}
	if g.r.chance(0.5) {
		return quote + " " + text
	}
	return text + " " + quote
}

// lexiconQuote is a quote of the speaker made from the lexicon.
func (g *generator) lexiconQuote(sc *scene) string {
	section := "citaten." + sc.theme
	if g.r.chance(0.3) {
		section = "citaten.algemeen"
	}
	q := g.fill(g.any(section), sc)
	p := sc.speaker
	var quote string
	switch g.r.intn(4) {
	case 0:
		quote = "“" + q + ",” zegt " + p.name + "."
	case 1:
		quote = "„" + q + "”, aldus " + p.first + "."
	case 2:
		quote = p.name + ": “" + q + ".”"
	default:
		quote = "‘" + q + "’, vertelt " + p.first + "."
	}
	return quote
}

// sentences draws between lo and hi sentences: most of the section's
// theme, some general.
func (g *generator) sentences(sc *scene, lo, hi int) string {
	n := g.r.between(lo, hi)
	parts := make([]string, 0, n)
	var used []string // templates already in this paragraph
	if g.real != nil {
		for len(parts) < n {
			parts = append(parts, g.real.draw(g.r))
		}
		return strings.Join(parts, " ")
	}
	for len(parts) < n {
		section := "zinnen." + sc.theme
		if g.r.chance(0.4) {
			section = "zinnen.algemeen"
		}
		tmpl := g.any(section)
		if contains(used, tmpl) {
			continue
		}
		used = append(used, tmpl)
		parts = append(parts, g.fill(tmpl, sc))
	}
	return strings.Join(parts, " ")
}

// fill replaces a template's {slots}.
func (g *generator) fill(tmpl string, sc *scene) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(tmpl, '{')
		if i < 0 {
			b.WriteString(tmpl)
			return b.String()
		}
		j := strings.IndexByte(tmpl[i:], '}')
		if j < 0 {
			b.WriteString(tmpl)
			return b.String()
		}
		b.WriteString(tmpl[:i])
		slot := tmpl[i+1 : i+j]
		b.WriteString(g.slot(slot, sc))
		tmpl = tmpl[i+j+1:]
	}
}

func (g *generator) slot(name string, sc *scene) string {
	r, _ := utf8.DecodeRuneInString(name)
	if unicode.IsUpper(r) {
		return capitalize(g.slot(strings.ToLower(name[:1])+name[1:], sc))
	}
	switch name {
	case "gemeente":
		return sc.muni.name
	case "provincie":
		return sc.muni.province
	case "persoon":
		return sc.speaker.name
	case "voornaam":
		return sc.speaker.first
	case "rol":
		return sc.speaker.role
	case "onderwerp":
		if g.r.chance(0.3) {
			return g.pick("onderwerpen.algemeen")
		}
		return g.pick("onderwerpen." + sc.theme)
	case "bn":
		return g.pick("bijvoeglijk")
	case "samenstelling":
		art, suffix, _ := strings.Cut(g.pick("achtervoegsels"), "|")
		return strings.TrimSpace(art) + " " + g.pick("voorvoegsels") + strings.TrimSpace(suffix)
	case "project":
		return "project " + g.name()
	case "partner":
		return g.fill(g.pick("partners"), sc)
	case "aantal":
		return strconv.Itoa(g.r.between(2, 40) * []int{1, 10, 50}[g.r.intn(3)])
	case "jaar":
		return strconv.Itoa(g.r.between(2019, 2026))
	case "wijk":
		return g.pick("wijken")
	}
	return "{" + name + "}"
}

// name makes an invented proper name of two or three syllables: a long
// tail of words that each occur only a few times, as names do.
func (g *generator) name() string {
	var b strings.Builder
	for range g.r.between(2, 3) {
		b.WriteString(g.pick("lettergrepen"))
	}
	return capitalize(b.String())
}

func capitalize(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return s
	}
	return string(unicode.ToUpper(r)) + s[size:]
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
