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
	known := map[string]bool{}
	for _, p := range c.People {
		known[FoldName(p.Name)] = true
	}
	muniNames := map[string]bool{}
	for _, m := range c.Municipalities {
		for _, n := range append([]string{m.Name}, m.Aliases...) {
			muniNames[FoldName(n)] = true
		}
	}
	var u Unresolved
	seenP, seenM := map[string]bool{}, map[string]bool{}
	addPerson := func(a *Article, p *Passage, off int, name, role string) {
		name, off = trimNameOpeners(name, off)
		key := FoldName(name)
		if name == "" || known[key] || seenP[key] || muniNames[key] {
			return
		}
		seenP[key] = true
		np := NewPerson{ID: Slug(name), Name: name, Role: strings.TrimSpace(role), Path: a.Path, Line: p.lineAt(off)}
		for _, rc := range roleCategoryWords {
			if np.Role != "" && rc.re.MatchString(np.Role) {
				np.RoleCategory = rc.cat
				break
			}
		}
		// The municipality and organisation: a known municipality named in
		// the rest of the sentence ("…, Gemeente Voorbeeldstad").
		// Failing that, the one municipality the sentence names ("In
		// Beekveld vertelt strateeg Mo Amrani …").
		rest := FoldName(p.Text[off:sentenceEnd(p.Text, off)])
		if !c.namesMunicipality(rest) {
			if whole := FoldName(sentenceAround(p.Text, off)); c.countMunicipalities(whole) == 1 {
				rest = whole
			}
		}
		for _, m := range c.Municipalities {
			for _, n := range append([]string{m.Name}, m.Aliases...) {
				fn := FoldName(n)
				if !ContainsWords(rest, fn) {
					continue
				}
				np.Municipality = m.ID
				if ContainsWords(rest, "gemeente "+fn) {
					np.Organisation = "Gemeente " + m.Name
				}
			}
		}
		u.People = append(u.People, np)
	}
	for _, a := range articles {
		for _, p := range a.Passages {
			text := p.Text
			for _, m := range nameRoleRE.FindAllStringSubmatchIndex(text, -1) {
				addPerson(a, p, m[2], text[m[2]:m[3]], text[m[4]:m[5]])
			}
			for _, m := range roleNameRE.FindAllStringSubmatchIndex(text, -1) {
				// "Fenna de Wit, wethouder Digitale Zaken": the role of a
				// name before it, and no name after it.
				if strings.HasSuffix(strings.TrimRight(text[:m[2]], " "), ",") {
					continue
				}
				addPerson(a, p, m[4], text[m[4]:m[5]], text[m[2]:m[3]])
			}
			for _, m := range sayNameRE.FindAllStringSubmatchIndex(text, -1) {
				g := 2
				if m[2] < 0 {
					g = 4
				}
				addPerson(a, p, m[g], text[m[g]:m[g+1]], "")
			}
			// Names that share a first name or surname with someone in
			// people.yaml (see resolver).
			for _, nu := range p.names {
				if nu.full && len(nu.people) == 0 && len(nu.strangers) == 1 {
					addPerson(a, p, nu.start, nu.strangers[0], sentenceAround(text, nu.start))
				}
			}
			for _, m := range gemeenteRE.FindAllStringSubmatchIndex(text, -1) {
				name := text[m[2]:m[3]]
				key := FoldName(name)
				if muniNames[key] || seenM[key] {
					continue
				}
				seenM[key] = true
				u.Municipalities = append(u.Municipalities, NewMunicipality{ID: Slug(name), Name: name, Path: a.Path, Line: p.lineAt(m[2])})
			}
		}
		for _, q := range a.Quotes {
			if q.Speaker == "" {
				u.Quotes = append(u.Quotes, q)
			}
		}
	}
	return u
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
