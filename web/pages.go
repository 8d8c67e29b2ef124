package web

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"vanelkaar/search"
)

// Example searches offered on the start page and in the empty state.
var exampleQueries = []string{"inclusiviteit", "samenwerken", "verantwoord datagebruik", "wethouder"}

// serveHome answers GET /: the search form and how to use it.
func (srv *Server) serveHome(c echo.Context) error {
	return c.Render(http.StatusOK, "search", introPage(""))
}

func introPage(title string) searchPage {
	p := searchPage{
		basePage: basePage{Title: title, Script: true},
		Heading:  "Zoeken in de artikelreeks",
		Intro:    true,
	}
	for _, q := range exampleQueries {
		p.Examples = append(p.Examples, link{Text: q, URL: searchURL(search.Request{Query: q})})
	}
	return p
}

// serveSearchPage answers GET /zoeken: the results, facets and pages of a
// search. A request the user must change is answered on the same page,
// with status 400 and a Dutch explanation.
func (srv *Server) serveSearchPage(c echo.Context) error {
	req, bad := searchRequest(c.QueryParams())
	if req.Query == "" && len(req.Filters) == 0 && len(bad) == 0 {
		return c.Render(http.StatusOK, "search", introPage("Zoeken"))
	}
	p := searchPage{
		basePage: basePage{Title: pageTitle(req), Query: req.Query, Script: true},
		Heading:  "Zoekresultaten",
	}
	if len(bad) > 0 {
		return srv.renderSearchProblem(c, p, badRequest(req, bad, srv.s))
	}
	res, err := srv.s.Search(c.Request().Context(), req)
	if errors.Is(err, search.ErrBadQuery) {
		return srv.renderSearchProblem(c, p, err)
	}
	if err != nil {
		return err
	}
	srv.searchedBy(req, res)
	absoluteResult(res, srv.cfg.PublicURL)
	fillResults(&p, req, res)
	for i, h := range res.Hits {
		if h.Kind == "passage" || h.Kind == "quote" {
			p.Hits[i].Similar = srv.similarFor(c.Request().Context(), h.ID)
		}
	}
	if req.Query != "" && req.Page <= 1 {
		p.FilterSuggestions = srv.filterSuggestions(c, req)
	}
	return c.Render(http.StatusOK, "search", p)
}

// maxFilterSuggestions bounds the names offered as filters above results.
const maxFilterSuggestions = 3

// filterSuggestions offers the names the query matches (themes,
// municipalities, roles, people) as filters: choosing one searches
// everything with that filter instead of the name's words. A filter
// already selected is not offered again.
func (srv *Server) filterSuggestions(c echo.Context, req search.Request) []link {
	sg, err := srv.s.Suggest(c.Request().Context(), req.Query, 0)
	if err != nil {
		return nil // suggestions are a courtesy: the results stand
	}
	var out []link
	for _, s := range sg.Suggestions {
		if s.Filter == "" || s.Value == "" || s.Typo || slices.Contains(req.Filters[s.Filter], s.Value) {
			continue
		}
		legend := facetLegend(s.Filter)
		if legend == "" {
			continue
		}
		r := req
		r.Query, r.Page, r.Prefix = "", 0, false
		r.Filters = cloneFilters(req.Filters)
		r.Filters[s.Filter] = append(r.Filters[s.Filter], s.Value)
		out = append(out, link{Text: legend + ": " + s.Text, URL: searchURL(r)})
		if len(out) == maxFilterSuggestions {
			break
		}
	}
	return out
}

// facetLegend is the legend of the facet with the id, or "".
func facetLegend(id string) string {
	for _, fc := range search.FacetList() {
		if fc.ID == id {
			return fc.Legend
		}
	}
	return ""
}

// cloneFilters copies filters, so a link's request does not change the
// page's.
func cloneFilters(f map[string][]string) map[string][]string {
	out := make(map[string][]string, len(f)+1)
	for k, v := range f {
		out[k] = slices.Clone(v)
	}
	return out
}

func (srv *Server) renderSearchProblem(c echo.Context, p searchPage, err error) error {
	p.Problem = problemText(err)
	p.Summary = "Uw zoekvraag kon niet worden uitgevoerd"
	return c.Render(http.StatusBadRequest, "search", p)
}

// problemText says in Dutch what to change about a request; the searcher's
// reasons are English, for developers, so the page names the parameters.
func problemText(err error) string {
	var re *search.RequestError
	var se *search.SyntaxError
	var names []string
	switch {
	case errors.As(err, &se):
		names = []string{"q"}
	case errors.As(err, &re):
		for _, p := range re.Params {
			names = append(names, p.Name)
		}
	}
	var msgs []string
	seen := map[string]bool{}
	for _, n := range names {
		var m string
		switch n {
		case "q":
			m = "De zoekvraag kon niet worden gelezen. Sluit aanhalingstekens af, zet een minteken direct voor een woord en gebruik OR alleen tussen twee woorden."
		case "page":
			m = "Dit paginanummer bestaat niet."
		case "size":
			m = "Het aantal resultaten per pagina is ongeldig."
		case "sort", "group":
			m = "De gevraagde sortering of groepering bestaat niet."
		case "query":
			m = "Het adres van deze zoekopdracht is beschadigd of te lang. Begin opnieuw met zoeken."
		default:
			m = "Een van de gekozen filters bestaat niet (meer)."
		}
		if !seen[m] {
			seen[m] = true
			msgs = append(msgs, m)
		}
	}
	if len(msgs) == 0 {
		return "De zoekvraag kon niet worden uitgevoerd. Probeer andere woorden."
	}
	return strings.Join(msgs, " ")
}

// pageTitle is the title of a results page.
func pageTitle(r search.Request) string {
	if r.Query == "" {
		return "Zoekresultaten"
	}
	return "“" + r.Query + "” – zoekresultaten"
}

// fillResults puts a result into the page.
func fillResults(p *searchPage, req search.Request, res *search.Result) {
	labels := facetLabels(res.Facets)
	p.Summary = countSummary(res)
	p.AnyWord = res.Match == search.MatchAny
	if res.Suggestion != "" && res.Suggestion != res.Query {
		sr := req
		sr.Query, sr.Page = res.Suggestion, 0
		p.Suggestion = &link{Text: res.Suggestion, URL: searchURL(sr)}
	}
	p.Exact = res.Exact
	if res.Exact && res.Query != "" {
		er := req
		er.Exact, er.Page = false, 0
		p.ExpandURL = searchURL(er)
	}
	for _, e := range res.Expansions {
		p.Expansions = append(p.Expansions, expansionView{Words: e.Words, Also: joinDutchOr(e.Also)})
	}
	if len(res.Expansions) > 0 {
		er := req
		er.Exact, er.Page = true, 0
		p.ExactURL = searchURL(er)
	}
	p.Relaxations = relaxationViews(req, res, labels)
	if len(p.Relaxations) > 0 {
		p.DeadEnd = "Geen resultaten"
		if res.Query != "" {
			p.DeadEnd += " voor “" + res.Query + "”"
		}
		p.DeadEnd += filterPhrase(req, labels)
	}
	p.First = (res.Page-1)*res.Size + 1
	p.Typing = req.Prefix && res.Total == 0
	if p.Typing {
		p.Summary = "Typ verder: nog niets gevonden voor “" + res.Query + "”"
	}
	for _, h := range res.Hits {
		p.Hits = append(p.Hits, hitOf(h, res.Query, labels))
	}
	fillView(p, req, res, labels)
	for _, fc := range search.FacetList() {
		vals := res.Facets.Get(fc.ID)
		if len(vals) == 0 {
			continue
		}
		f := facetView{Name: fc.ID, Legend: fc.Legend}
		for _, v := range vals {
			f.Values = append(f.Values, facetValueView{
				ID: "f-" + fc.ID + "-" + v.Value, Value: v.Value, Label: v.Label, Count: v.Count, Checked: v.Selected,
			})
		}
		p.Facets = append(p.Facets, f)
	}
	if len(req.Filters) > 0 {
		cr := req
		cr.Filters, cr.Page = nil, 0
		p.ClearURL = searchURL(cr)
	}
	p.Pages = paginate(req, res.Total, res.Page, res.Size)
}

// relaxationViews are the links of a dead end: "wel 4 in alle gemeenten",
// "wel 3 voor “burgers”".
func relaxationViews(req search.Request, res *search.Result, labels map[string]map[string]string) []relaxationView {
	var out []relaxationView
	for _, r := range res.Relaxations {
		rr := search.Request{Query: r.Query, Filters: r.Filters, Sort: req.Sort, Group: req.Group, Exact: req.Exact}
		text := fmt.Sprintf("%d voor “%s”", r.Total, r.Query)
		if r.WithoutFacet != "" {
			text = fmt.Sprintf("%d %s", r.Total, facetWording(r.WithoutFacet).Everywhere)
		}
		if r.WithoutWord != "" && r.Query == "" {
			text = fmt.Sprintf("%d zonder “%s”", r.Total, r.WithoutWord)
		}
		out = append(out, relaxationView{Text: text, URL: searchURL(rr)})
	}
	return out
}

// filterPhrase says where a search looked: " in Breda", for the dead-end
// line "Geen resultaten voor … in Breda".
func filterPhrase(req search.Request, labels map[string]map[string]string) string {
	var parts []string
	for _, f := range search.FacetNames {
		var names []string
		for _, v := range req.Filters[f] {
			names = append(names, labelOf(labels, f, v))
		}
		if len(names) == 0 {
			continue
		}
		parts = append(parts, facetWording(f).Within+" "+joinDutchOr(names))
	}
	if len(parts) == 0 {
		return ""
	}
	return " " + strings.Join(parts, ", ")
}

// facetWording is the declaration of a facet, for its Dutch words.
func facetWording(id string) search.Facet {
	for _, f := range search.FacetList() {
		if f.ID == id {
			return f
		}
	}
	return search.Facet{Within: "met", Everywhere: "zonder filter"}
}

// joinDutchOr joins words as Dutch does in a list of alternatives: "A, B
// of C".
func joinDutchOr(words []string) string { return joinDutchList(words, "of") }

// joinDutch joins names as Dutch does: "A, B en C".
func joinDutch(names []string) string { return joinDutchList(names, "en") }

// joinDutchList joins words with commas and the conjunction before the
// last.
func joinDutchList(words []string, conj string) string {
	switch len(words) {
	case 0:
		return ""
	case 1:
		return words[0]
	}
	return strings.Join(words[:len(words)-1], ", ") + " " + conj + " " + words[len(words)-1]
}

// Sort and group choices of the results page.
var (
	sortChoices = []option{
		{Value: search.SortRelevance, Label: "Beste resultaten eerst"},
		{Value: search.SortArticle, Label: "Leesvolgorde van de reeks"},
	}
	groupChoices = []option{
		{Value: search.GroupNone, Label: "Niet groeperen"},
		{Value: search.GroupMunicipality, Label: "Per gemeente"},
		{Value: search.GroupArticle, Label: "Per artikel"},
	}
)

// fillView fills the view controls, the active filters and the groups.
func fillView(p *searchPage, req search.Request, res *search.Result, labels map[string]map[string]string) {
	fillViewOptions(p, req)
	for _, fc := range search.FacetList() {
		for _, v := range req.Filters[fc.ID] {
			r := req
			r.Page = 0
			r.Filters = cloneFilters(req.Filters)
			r.Filters[fc.ID] = slices.DeleteFunc(r.Filters[fc.ID], func(x string) bool { return x == v })
			p.Active = append(p.Active, activeFilter{Legend: fc.Legend, Label: labelOf(labels, fc.ID, v), URL: searchURL(r)})
		}
	}
	p.ActiveCount = len(p.Active)
	for i, g := range res.Groups {
		p.Groups = append(p.Groups, groupViewOf(i, g, req, res.Query, labels))
	}
}

// fillViewOptions fills the sort and group choices, the request's
// selected.
func fillViewOptions(p *searchPage, req search.Request) {
	// The order the search picks by itself.
	auto := search.SortRelevance
	if strings.TrimSpace(req.Query) == "" {
		auto = search.SortArticle
	}
	sort := req.Sort
	if sort == "" {
		sort = auto
	}
	for _, o := range sortChoices {
		o.Selected = o.Value == sort
		// The order the search picks by itself is sent as no value, so
		// addresses stay short and keep their meaning if the words change.
		if o.Value == auto {
			o.Value = ""
		}
		p.SortOptions = append(p.SortOptions, o)
	}
	for _, o := range groupChoices {
		o.Selected = o.Value == req.Group
		p.GroupOptions = append(p.GroupOptions, o)
	}
}

// groupViewOf is the i-th group of the results, with a link to all its
// results when it shows fewer: the search filtered to its municipality,
// or its article.
func groupViewOf(i int, g search.Group, req search.Request, q string, labels map[string]map[string]string) groupView {
	gv := groupView{ID: fmt.Sprintf("groep-%d", i+1), Label: g.Label, Count: g.Total}
	for _, h := range g.Hits {
		gv.Hits = append(gv.Hits, hitOf(h, q, labels))
	}
	if g.Total <= len(g.Hits) {
		return gv
	}
	more := link{Text: fmt.Sprintf("Alle %d resultaten van %s", g.Total, g.Label)}
	switch req.Group {
	case search.GroupMunicipality:
		r := req
		r.Group, r.Page = "", 0
		r.Filters = cloneFilters(req.Filters)
		r.Filters[search.FacetMunicipality] = []string{g.Value}
		more.URL = searchURL(r)
	case search.GroupArticle:
		more.URL = withQuery(g.Hits[0].Article.URL, q)
		more.Text = "Lees het artikel “" + g.Label + "”"
	}
	if more.URL != "" {
		gv.More = &more
	}
	return gv
}

// countSummary is the result count in words.
func countSummary(res *search.Result) string {
	var s string
	switch res.Total {
	case 0:
		s = "Geen resultaten"
	case 1:
		s = "1 resultaat"
	default:
		s = fmt.Sprintf("%d resultaten", res.Total)
	}
	if res.Query != "" {
		s += " voor “" + res.Query + "”"
	}
	if last := lastPage(res.Total, res.Size); last > 1 && res.Page <= last {
		s += fmt.Sprintf(", pagina %d van %d", res.Page, last)
	}
	return s
}

// facetLabels maps each facet's values to their labels.
func facetLabels(f search.Facets) map[string]map[string]string {
	m := map[string]map[string]string{}
	for _, name := range search.FacetNames {
		m[name] = map[string]string{}
		for _, v := range f.Get(name) {
			m[name][v.Value] = v.Label
		}
	}
	return m
}

func labelOf(labels map[string]map[string]string, facet, value string) string {
	if l := labels[facet][value]; l != "" {
		return l
	}
	return value
}

// hitOf is the view of one hit. Links to passages carry the query, so the
// article page marks the words that matched.
func hitOf(h search.Hit, query string, labels map[string]map[string]string) hitView {
	v := hitView{
		Kind:      h.Kind,
		KindLabel: labelOf(labels, search.FacetKind, h.Kind),
		URL:       withQuery(h.URL, query),
		Title:     h.TitleFragment(),
		Snippet:   h.Fragment(),
		Context:   sectionPath(h),
		Speaker:   h.Speaker,
		Citation:  h.Citation,
	}
	if sp := h.Speaker; sp != nil {
		v.SpeakerLine = sp.Affiliation()
		v.SpeakerURL = personURL(sp.ID)
		v.MoreURL = searchURL(search.Request{Filters: map[string][]string{search.FacetSpeaker: {sp.ID}}})
	}
	if len(v.Title.Parts) == 0 {
		v.Title = search.Highlight(h.Title, nil)
	}
	if a := h.Article; a != nil {
		v.ArticleTitle = a.Title
		v.ArticleURL = a.URL
		v.Part = a.PartLabel()
	}
	for _, m := range h.Municipalities {
		v.Places = append(v.Places, labelOf(labels, search.FacetMunicipality, m))
	}
	return v
}

// personURL is the address of a person's page.
func personURL(id string) string { return "/personen/" + url.PathEscape(id) }

// sectionPath is where a passage sits: the headings above its own, which
// is its title.
func sectionPath(h search.Hit) string {
	if h.Kind != search.KindPassage || len(h.Headings) < 2 {
		return ""
	}
	return strings.Join(h.Headings[:len(h.Headings)-1], " › ")
}

// withQuery adds the query to a page address, before its fragment.
func withQuery(u, query string) string {
	if u == "" || query == "" {
		return u
	}
	path, frag, hasFrag := strings.Cut(u, "#")
	sep := "?"
	if strings.Contains(path, "?") {
		sep = "&"
	}
	out := path + sep + "q=" + url.QueryEscape(query)
	if hasFrag {
		out += "#" + frag
	}
	return out
}

// searchURL is the address of the results page of a request.
func searchURL(r search.Request) string {
	if s := r.String(); s != "" {
		return "/zoeken?" + s
	}
	return "/zoeken"
}

// serveArticle answers GET /artikelen/:slug: the article with an id on
// every passage, and the words of ?q= marked.
func (srv *Server) serveArticle(c echo.Context) error {
	q := strings.TrimSpace(c.QueryParam("q"))
	page, bad := positiveParam(c.QueryParams(), "pagina")
	if bad != nil {
		return &search.RequestError{Params: []search.InvalidParam{*bad}}
	}
	art, err := srv.s.ArticlePage(c.Request().Context(), c.Param("slug"), q, max(page, 1))
	if err != nil {
		return err
	}
	p := articlePage{
		basePage: basePage{Title: art.Article.Title, Query: q},
		Article:  art.Article,
		Part:     art.Article.PartLabel(),
		Authors:  joinDutch(art.Article.Authors),
	}
	if q != "" {
		p.BackURL = searchURL(search.Request{Query: q})
		p.PlainURL = art.Article.URL
		if p.PlainURL == "" {
			p.PlainURL = "/artikelen/" + url.PathEscape(art.Article.Slug)
		}
	}
	p.Passages = passageViews(art.Passages)
	for i, ps := range art.Passages {
		p.Passages[i].Similar = srv.similarFor(c.Request().Context(), ps.ID)
	}
	if art.Pages > 1 {
		base := "/artikelen/" + url.PathEscape(art.Article.Slug)
		p.Pages = pageLinks(art.Page, art.Pages, func(n int) string {
			v := url.Values{}
			if n > 1 {
				v.Set("pagina", strconv.Itoa(n))
			}
			if q != "" {
				v.Set("q", q)
			}
			if len(v) == 0 {
				return base
			}
			return base + "?" + v.Encode()
		})
	}
	return c.Render(http.StatusOK, "article", p)
}

// passageViews gives each passage the headings that open before it: those
// of its heading path that the previous passage did not have.
func passageViews(ps []search.ArticlePassage) []passageView {
	var out []passageView
	var prev []string
	for _, ps := range ps {
		v := passageView{Anchor: ps.Anchor, Text: ps.Fragment()}
		same := 0
		for same < len(prev) && same < len(ps.Headings) && prev[same] == ps.Headings[same] {
			same++
		}
		for i := same; i < len(ps.Headings); i++ {
			v.Headings = append(v.Headings, headingView{Level: min(i+2, 4), Text: ps.Headings[i]})
		}
		prev = ps.Headings
		out = append(out, v)
	}
	return out
}
