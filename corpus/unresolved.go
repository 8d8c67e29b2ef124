package corpus

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Unresolved is what the corpus could not resolve in some articles: the
// people they name who are not in people.yaml, the municipalities they
// mention that are not in municipalities.yaml, and the quotes left without
// a speaker. `vanelkaar import` prints it after writing articles.
type Unresolved struct {
	People         []NewPerson
	Municipalities []NewMunicipality
	Quotes         []*Quote
}

// NewPerson is someone an article names who is not in people.yaml, with
// what the article says about them at the first mention.
type NewPerson struct {
	ID, Name     string
	Role         string // the role as written near the first mention; "" if none was found
	RoleCategory string // the category the role's words suggest; "" if none
	Municipality string // a known municipality named with the person, or ""
	Organisation string // "Gemeente X" when the text says so, or ""
	Path         string
	Line         int
}

// NewMunicipality is a municipality an article mentions ("gemeente X")
// that is not in municipalities.yaml.
type NewMunicipality struct {
	ID, Name string
	Path     string
	Line     int
}

var (
	// A person's name: two to five capitalised words, with the lower-case
	// particles of Dutch surnames between them.
	personNameRE = `\p{Lu}[\p{L}’'-]+(?:\s+(?:(?:van|de|den|der|ter|ten|te|in|het|'t|op|von|du|la|le)\s+)*\p{Lu}[\p{L}’'-]+){1,4}`
	// "Kees Verbeek, projectleider bij de gemeente Heuvelrijk, …"
	// and, as in a list of interviewees, "Anna Jansen, Wethouder
	// Digitalisering, Gemeente Voorbeeldstad"
	nameRoleRE = regexp.MustCompile(`(` + personNameRE + `),\s+(\p{Ll}[^,.;:!?“”„"]*|[A-Z]{2,5}\b[^,.;:!?“”„"]*|\p{Lu}[^,.;:!?“”„"]*?(?i:` + roleWords + `)[^,.;:!?“”„"]*)`)
	// "programmamanager Ruben Achterberg", "wethouder Fenna de Wit"
	roleNameRE = regexp.MustCompile(`(?:^|\s)(\p{Ll}*(?:` + roleWords + `)|[A-Z]{3,4})\s+(` + personNameRE + `)`)
	// "zegt Kees Verbeek", "aldus Kees Verbeek", "Kees Verbeek: “"
	sayNameRE = regexp.MustCompile(`\b(?:zegt|zei|aldus|vertelt|volgens|stelt|vindt|erkent|legt|benadrukt)\s+(` + personNameRE + `)|(` + personNameRE + `):\s*[“„‘"]`)
	// "gemeente Heuvelrijk", "gemeente ’s-Graveland"
	gemeenteRE = regexp.MustCompile(`\b[Gg]emeente\s+((?:[’'‘]s-|[’'‘]t\s)?\p{Lu}[\p{L}-]+(?:\s+(?:aan\s+(?:de|den)\s+|op\s+|in\s+)?\p{Lu}[\p{L}-]+)?)`)
)

// roleWords end the words of a role ("beleids" + "adviseur").
const roleWords = `wethouder|burgemeester|adviseur|medewerker|manager|directeur|leider|coördinator|coordinator|officer|raadslid|secretaris|voorzitter|ambtenaar|specialist|architect|strateeg|bestuurder|consulent|regisseur|ondernemer|onderzoeker|hoofd`

// roleCategoryWords suggest a role category from the words of a role.
var roleCategoryWords = []struct {
	re  *regexp.Regexp
	cat string
}{
	{regexp.MustCompile(`(?i)wethouder|burgemeester|raadslid|gedeputeerde|bestuurder`), "bestuur"},
	{regexp.MustCompile(`(?i)\b(cto|cio|cdo|ceo|ciso)\b|directeur|chief|regiodirecteur`), "directie"},
	{regexp.MustCompile(`(?i)manager|projectleider|programmaleider|teamleider|hoofd\b|coördinator|coordinator`), "management"},
	{regexp.MustCompile(`(?i)adviseur|beleids|strateeg|specialist|architect|onderzoeker`), "advies-en-beleid"},
	{regexp.MustCompile(`(?i)medewerker|consulent|ambtenaar|baliemedewerker`), "uitvoering"},
}

// Unresolved lists what the corpus could not resolve in the given
// articles (all articles when none are given).
func (c *Corpus) Unresolved(articles ...*Article) Unresolved {
	if len(articles) == 0 {
		articles = c.Articles
	}
	sc := newUnresolvedScan(c)
	for _, a := range articles {
		for _, p := range a.Passages {
			sc.people(a, p)
			sc.municipalities(a, p)
		}
		for _, q := range a.Quotes {
			if q.Speaker == "" {
				sc.u.Quotes = append(sc.u.Quotes, q)
			}
		}
	}
	return sc.u
}

// unresolvedScan gathers the Unresolved of a corpus's articles, each new
// person and municipality once.
type unresolvedScan struct {
	c            *Corpus
	known        map[string]bool // folded names of people.yaml
	muniNames    map[string]bool // folded names and aliases of municipalities.yaml
	seenP, seenM map[string]bool
	u            Unresolved
}

func newUnresolvedScan(c *Corpus) *unresolvedScan {
	sc := &unresolvedScan{c: c, known: map[string]bool{}, muniNames: map[string]bool{}, seenP: map[string]bool{}, seenM: map[string]bool{}}
	for _, p := range c.People {
		sc.known[FoldName(p.Name)] = true
	}
	for _, m := range c.Municipalities {
		for _, n := range append([]string{m.Name}, m.Aliases...) {
			sc.muniNames[FoldName(n)] = true
		}
	}
	return sc
}

// people adds the unknown people a passage names: with their role
// ("Mo Amrani, strateeg", "strateeg Mo Amrani"), after a verb of saying,
// or sharing a first name or surname with someone in people.yaml.
func (sc *unresolvedScan) people(a *Article, p *Passage) {
	text := p.Text
	for _, m := range nameRoleRE.FindAllStringSubmatchIndex(text, -1) {
		sc.addPerson(a, p, m[2], text[m[2]:m[3]], text[m[4]:m[5]])
	}
	for _, m := range roleNameRE.FindAllStringSubmatchIndex(text, -1) {
		// "Fenna de Wit, wethouder Digitale Zaken": the role of a
		// name before it, and no name after it.
		if strings.HasSuffix(strings.TrimRight(text[:m[2]], " "), ",") {
			continue
		}
		sc.addPerson(a, p, m[4], text[m[4]:m[5]], text[m[2]:m[3]])
	}
	for _, m := range sayNameRE.FindAllStringSubmatchIndex(text, -1) {
		g := 2
		if m[2] < 0 {
			g = 4
		}
		sc.addPerson(a, p, m[g], text[m[g]:m[g+1]], "")
	}
	// Names that share a first name or surname with someone in
	// people.yaml (see resolver).
	for _, nu := range p.names {
		if nu.full && len(nu.people) == 0 && len(nu.strangers) == 1 {
			sc.addPerson(a, p, nu.start, nu.strangers[0], sentenceAround(text, nu.start))
		}
	}
}

// municipalities adds the unknown municipalities a passage mentions
// ("gemeente X").
func (sc *unresolvedScan) municipalities(a *Article, p *Passage) {
	for _, m := range gemeenteRE.FindAllStringSubmatchIndex(p.Text, -1) {
		name := p.Text[m[2]:m[3]]
		key := FoldName(name)
		if sc.muniNames[key] || sc.seenM[key] {
			continue
		}
		sc.seenM[key] = true
		sc.u.Municipalities = append(sc.u.Municipalities, NewMunicipality{ID: Slug(name), Name: name, Path: a.Path, Line: p.lineAt(m[2])})
	}
}

// addPerson adds the person named at offset off of a passage, with the
// role written with the name, unless the name is known, already added or
// a municipality's.
func (sc *unresolvedScan) addPerson(a *Article, p *Passage, off int, name, role string) {
	name, off = trimNameOpeners(name, off)
	key := FoldName(name)
	if name == "" || sc.known[key] || sc.seenP[key] || sc.muniNames[key] {
		return
	}
	sc.seenP[key] = true
	np := NewPerson{ID: Slug(name), Name: name, Role: strings.TrimSpace(role), Path: a.Path, Line: p.lineAt(off)}
	for _, rc := range roleCategoryWords {
		if np.Role != "" && rc.re.MatchString(np.Role) {
			np.RoleCategory = rc.cat
			break
		}
	}
	np.Municipality, np.Organisation = sc.c.personMunicipality(p.Text, off)
	sc.u.People = append(sc.u.People, np)
}

// personMunicipality returns the municipality of a person named at offset
// off of text, and "Gemeente X" as organisation when the text says so: a
// known municipality named in the rest of the sentence ("…, Gemeente
// Voorbeeldstad"), failing that the one municipality the sentence names
// ("In Beekveld vertelt strateeg Mo Amrani …").
func (c *Corpus) personMunicipality(text string, off int) (id, organisation string) {
	rest := FoldName(text[off:sentenceEnd(text, off)])
	if !c.namesMunicipality(rest) {
		if whole := FoldName(sentenceAround(text, off)); c.countMunicipalities(whole) == 1 {
			rest = whole
		}
	}
	for _, m := range c.Municipalities {
		for _, n := range append([]string{m.Name}, m.Aliases...) {
			fn := FoldName(n)
			if !ContainsWords(rest, fn) {
				continue
			}
			id = m.ID
			if ContainsWords(rest, "gemeente "+fn) {
				organisation = "Gemeente " + m.Name
			}
		}
	}
	return id, organisation
}

func (c *Corpus) namesMunicipality(folded string) bool { return c.countMunicipalities(folded) > 0 }

// countMunicipalities counts the known municipalities a folded text names.
func (c *Corpus) countMunicipalities(folded string) int {
	n := 0
	for _, m := range c.Municipalities {
		for _, name := range append([]string{m.Name}, m.Aliases...) {
			if ContainsWords(folded, FoldName(name)) {
				n++
				break
			}
		}
	}
	return n
}

// trimNameOpeners drops the words before a name that are no part of it
// (a sentence opener "Ook", a title "Wethouder") and returns the name and
// its new offset; "" when fewer than two words are left.
func trimNameOpeners(name string, off int) (string, int) {
	for {
		first, rest, ok := strings.Cut(name, " ")
		if !ok {
			return "", off
		}
		if !notNameWords[foldWord(first)] && !sayVerbs[strings.ToLower(first)] {
			break
		}
		off += len(first) + 1
		name = strings.TrimLeft(rest, " ")
	}
	if !strings.Contains(name, " ") {
		return "", off
	}
	// A role or an organisation written with capitals is no one's name:
	// "Chief Technology Officer", "Senior Adviseur Data".
	for _, w := range strings.Fields(name) {
		if roleWordRE.MatchString(w) || notNameWords[foldWord(w)] {
			return "", off
		}
	}
	return strings.Join(strings.Fields(name), " "), off
}

// roleWordRE is a word of a role or an organisation's name.
var roleWordRE = regexp.MustCompile(`(?i)^\p{L}*(` + roleWords + `)$|^(chief|technology|information|officer|digital|data|senior|junior|team|afdeling|programma|project|dienst|ministerie|college|raad|bureau|stichting|universiteit|hogeschool)$`)

// sentenceAround returns the sentence of text that holds offset i.
func sentenceAround(text string, i int) string {
	start := 0
	for _, s := range sentenceStarts(text, 0, len(text)) {
		if s > i {
			break
		}
		start = s
	}
	return strings.TrimSpace(text[start:sentenceEnd(text, i)])
}

// YAML is the person as an entry of people.yaml, ready to paste; what the
// article did not say is left for the editor, with a comment.
func (np NewPerson) YAML() string {
	var b strings.Builder
	fmt.Fprintf(&b, "- id: %s\n  name: %s\n", np.ID, yamlScalar(np.Name))
	if np.Role != "" {
		fmt.Fprintf(&b, "  role: %s  # as written near %s:%d; shorten to the role\n", yamlScalar(upperFirst(np.Role)), np.Path, np.Line)
	} else {
		fmt.Fprintf(&b, "  role: \"\"  # not found near %s:%d\n", np.Path, np.Line)
	}
	cats := categoryIDs(RoleCategories)
	if np.RoleCategory != "" {
		fmt.Fprintf(&b, "  role_category: %s  # suggested by the role; one of %s\n", np.RoleCategory, cats)
	} else {
		fmt.Fprintf(&b, "  role_category: \"\"  # one of %s\n", cats)
	}
	if np.Municipality != "" {
		fmt.Fprintf(&b, "  municipality: %s\n", np.Municipality)
	} else {
		fmt.Fprintf(&b, "  municipality: \"\"  # an id of %s, or leave out\n", MunicipalitiesFile)
	}
	if np.Organisation != "" {
		fmt.Fprintf(&b, "  organisation: %s\n", yamlScalar(np.Organisation))
	} else {
		b.WriteString("  organisation: \"\"\n")
	}
	return b.String()
}

// YAML is the municipality as an entry of municipalities.yaml.
func (nm NewMunicipality) YAML() string {
	return fmt.Sprintf("- id: %s\n  name: %s  # mentioned at %s:%d\n", nm.ID, yamlScalar(nm.Name), nm.Path, nm.Line)
}

func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// yamlScalar quotes a value when YAML would read it otherwise.
func yamlScalar(s string) string {
	if s == "" || strings.ContainsAny(s, ":#'\"{}[],&*!|>%@`") || strings.HasPrefix(s, "-") || strings.HasPrefix(s, "’") {
		return fmt.Sprintf("%q", s)
	}
	return s
}
