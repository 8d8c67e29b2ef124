package web

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// The browser tests drive a real Chromium (Debian's package "chromium")
// against real listeners on 127.0.0.1. In CI (CI=true) a missing browser
// fails the tests; elsewhere they are skipped only when no browser is
// installed. VANELKAAR_CHROMIUM names the browser's executable if it is
// not on PATH; screenshots go to VANELKAAR_ARTIFACTS (default: a folder in
// the system's temporary folder), whose path the tests log.

// chromiumPath finds the browser, or ends the test.
func chromiumPath(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("VANELKAAR_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("no Chromium found: CI must install it (apt-get install chromium), see .ci/run")
	}
	t.Skip("no Chromium installed: install Debian's chromium package to run the browser tests")
	return ""
}

// newTab starts a fresh headless Chromium for the test and returns the
// context of its first tab. The flags keep Chromium off the network
// except for the test's own listeners.
func newTab(t *testing.T) context.Context {
	t.Helper()
	return newTabFor(t, 90*time.Second)
}

// newTabFor is newTab with a time limit of the caller's.
func newTabFor(t *testing.T, limit time.Duration) context.Context {
	t.Helper()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromiumPath(t)),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.WindowSize(1280, 900),
	}
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancelAlloc)
	ctx, cancelTab := chromedp.NewContext(alloc, chromedp.WithErrorf(t.Logf))
	t.Cleanup(cancelTab)
	ctx, cancelTimeout := context.WithTimeout(ctx, limit)
	t.Cleanup(cancelTimeout)
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start Chromium: %v", err)
	}
	return ctx
}

type step = chromedp.Action[chromedp.Void]

// run runs browser actions, ending the test on failure.
func run(t *testing.T, ctx context.Context, what string, steps ...step) {
	t.Helper()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

// get runs an action that returns a value, ending the test on failure.
func get[T any](t *testing.T, ctx context.Context, what string, a chromedp.Action[T]) T {
	t.Helper()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	return v
}

// eval evaluates a JavaScript expression in the page.
func eval[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	return get(t, ctx, "evaluate "+expr, chromedp.Evaluate[T](expr))
}

// waitFor polls a JavaScript expression until it is true.
func waitFor(expr string) step {
	poll := chromedp.Poll[bool](expr, chromedp.WithPollingTimeout(15*time.Second), chromedp.WithPollingInterval(50*time.Millisecond))
	return func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
		_, err := poll(ctx, tg)
		return chromedp.Void{}, err
	}
}

// disableScripts turns the page's JavaScript off, as a reader may have it.
func disableScripts() step {
	return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
		return err
	})
}

// artifactsDir is where screenshots go.
func artifactsDir(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("VANELKAAR_ARTIFACTS")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "vanelkaar-artifacts")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// screenshot saves the whole page as a PNG test artifact.
func screenshot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	png := get(t, ctx, "screenshot "+name, chromedp.FullScreenshot(100))
	path := filepath.Join(artifactsDir(t), name+".png")
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s", path)
}

// countIn reads the number at the start of a result summary ("12
// resultaten voor …"); "Geen resultaten" is 0.
func countIn(t *testing.T, summary string) uint64 {
	t.Helper()
	if strings.HasPrefix(summary, "Geen resultaten") {
		return 0
	}
	m := regexp.MustCompile(`^(\d+) resulta`).FindStringSubmatch(summary)
	if m == nil {
		t.Fatalf("summary %q does not start with a count", summary)
	}
	n, _ := strconv.ParseUint(m[1], 10, 64)
	return n
}

// hostPage serves a page of another origin that embeds the widget from
// server, under a strict Content-Security-Policy of its own.
func hostPage(t *testing.T, ln net.Listener, server string) {
	t.Helper()
	page := `<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>Gemeente Voorbeeldstad</title>
<script src="` + server + `/embed/widget.js" defer></script></head>
<body><main><h1>Gemeente Voorbeeldstad</h1>
<vanelkaar-zoek label="Zoek in Van elkaar leren" style="--nl-mark-background-color: rgb(255, 200, 0)"></vanelkaar-zoek>
</main></body></html>`
	hs := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Content-Security-Policy", "default-src 'none'; script-src "+server+"; connect-src "+server+"; style-src 'unsafe-inline'")
		fmt.Fprint(w, page)
	})}
	go hs.Serve(ln)
	t.Cleanup(func() { hs.Close() })
}

// widgetState is what the test reads of the widget's shadow DOM.
type widgetState struct {
	Expanded     string   `json:"expanded"`
	Active       string   `json:"active"`
	ActiveType   string   `json:"activeType"`
	Options      int      `json:"options"`
	Marks        []string `json:"marks"`
	MarkBG       string   `json:"markBG"`
	Status       string   `json:"status"`
	FocusOnInput bool     `json:"focusOnInput"`
}

const widgetJS = `document.querySelector('vanelkaar-zoek').shadowRoot`

const readWidget = `(() => {
  const r = ` + widgetJS + `;
  const input = r.querySelector('input');
  const id = input.getAttribute('aria-activedescendant') || '';
  const act = id ? r.getElementById(id) : null;
  const marks = [...r.querySelectorAll('[role=option] mark')];
  return {
    expanded: input.getAttribute('aria-expanded'),
    active: id,
    activeType: act ? act.dataset.type : '',
    options: r.querySelectorAll('[role=option]').length,
    marks: marks.map(m => m.textContent),
    markBG: marks.length ? getComputedStyle(marks[0]).backgroundColor : '',
    status: r.querySelector('[role=status]').textContent,
    focusOnInput: document.activeElement === document.querySelector('vanelkaar-zoek') && r.activeElement === input,
  };
})()`

func TestBrowserWidgetOnAnotherOrigin(t *testing.T) {
	ctx := newTab(t)
	// The host page's origin must be known before the server starts, to
	// configure CORS for it; a second, unconfigured host shows the refusal.
	allowed, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	other, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	allowedURL := "http://" + allowed.Addr().String()
	otherURL := "http://" + other.Addr().String()
	ts := pageServer(t, Config{CORSOrigins: []string{allowedURL}})
	hostPage(t, allowed, ts.URL)
	hostPage(t, other, ts.URL)

	input := chromedp.JSPath(widgetJS + `.querySelector('input')`)
	read := func() widgetState { return eval[widgetState](t, ctx, readWidget) }
	run(t, ctx, "type in the widget on the host page",
		chromedp.Navigate(allowedURL+"/"),
		waitFor(`!!customElements.get('vanelkaar-zoek') && !!`+widgetJS),
		chromedp.SendKeys(input, "gemeenten"),
		// Results follow the typing: wait for those of the whole word.
		waitFor(widgetJS+`.querySelectorAll('[role=option][data-type=hit]').length > 0 && `+
			widgetJS+`.querySelector('[role=option][data-type=all]').textContent.includes('“gemeenten”')`),
	)
	st := read()
	if st.Expanded != "true" {
		t.Errorf("aria-expanded = %q with results shown, want true", st.Expanded)
	}
	if len(st.Marks) == 0 {
		t.Fatal("no highlighted words in the widget's hits")
	}
	for _, m := range st.Marks {
		// A form of the query, or a compound it is a part of
		// ("buurgemeenten").
		if !strings.Contains(strings.ToLower(m), "gemeente") {
			t.Errorf("marked %q, which is not a form of the query", m)
		}
	}
	if st.MarkBG != "rgb(255, 200, 0)" {
		t.Errorf("mark background = %q, want the host's --nl-mark-background-color rgb(255, 200, 0)", st.MarkBG)
	}
	if want := apiTotal(t, ts.URL, url.Values{"q": {"gemeenten"}}); countIn(t, st.Status) != want {
		t.Errorf("widget status %q, want %d results", st.Status, want)
	}
	screenshot(t, ctx, "widget-host-open")

	// Arrow down to the first hit (past any suggestions): it becomes the
	// active descendant while focus stays on the input.
	for i := 0; i < 8 && st.ActiveType != "hit"; i++ {
		run(t, ctx, "arrow down", chromedp.KeyEvent(kb.ArrowDown))
		st = read()
	}
	if st.ActiveType != "hit" || st.Active == "" {
		t.Fatalf("arrow down did not reach a hit: %+v", st)
	}
	if !st.FocusOnInput {
		t.Error("focus left the input while moving through the options")
	}
	href := eval[string](t, ctx, `(() => {
	  const r = `+widgetJS+`; const o = r.getElementById(r.querySelector('input').getAttribute('aria-activedescendant'));
	  return o._act.go; })()`)
	if !strings.HasPrefix(href, ts.URL+"/artikelen/") || !strings.Contains(href, "#") {
		t.Fatalf("active hit links to %q, want a passage on %s", href, ts.URL)
	}

	// Escape closes the list and keeps focus on the input.
	run(t, ctx, "escape", chromedp.KeyEvent(kb.Escape))
	if st = read(); st.Expanded != "false" || st.Active != "" || !st.FocusOnInput {
		t.Errorf("after Escape: %+v, want collapsed, no active option, focus on the input", st)
	}

	// Down again opens the list; Enter opens the hit: the passage, on the
	// server's origin, with the query's words marked.
	for i := 0; i < 8 && (st.ActiveType != "hit" || st.Expanded != "true"); i++ {
		run(t, ctx, "arrow down", chromedp.KeyEvent(kb.ArrowDown))
		st = read()
	}
	run(t, ctx, "enter opens the passage",
		chromedp.KeyEvent(kb.Enter),
		chromedp.WaitVisible(chromedp.CSS(`.passage:target`)),
	)
	loc := get(t, ctx, "location", chromedp.Location())
	if loc != href {
		t.Errorf("landed on %q, want %q", loc, href)
	}
	if marks := eval[string](t, ctx, `[...document.querySelectorAll('.passage:target mark')].map(m => m.textContent).join(',')`); marks == "" {
		t.Errorf("the passage %s has no marked words", loc)
	}
	screenshot(t, ctx, "widget-landed-on-passage")

	// A page whose origin is not configured gets no results: the browser
	// refuses the API's answer, and the widget says so.
	run(t, ctx, "type in the widget on an unconfigured origin",
		chromedp.Navigate(otherURL+"/"),
		waitFor(`!!customElements.get('vanelkaar-zoek') && !!`+widgetJS),
		chromedp.SendKeys(input, "gemeenten"),
		waitFor(widgetJS+`.querySelector('[role=status]').textContent !== ''`),
	)
	if st = read(); st.Options != 0 || !strings.HasPrefix(st.Status, "Zoeken lukt nu niet") {
		t.Errorf("on an unconfigured origin: %+v, want no options and the failure message", st)
	}
}

// pageState is what the tests read of the search page.
type pageState struct {
	Summary   string         `json:"summary"`
	Hits      int            `json:"hits"`
	Counts    map[string]int `json:"counts"`
	Checked   []string       `json:"checked"`
	Search    string         `json:"search"`
	Path      string         `json:"path"`
	Focused   string         `json:"focused"`
	Marker    bool           `json:"marker"`
	CopyShown int            `json:"copyShown"`
}

const readPage = `(() => {
  const counts = {};
  for (const l of document.querySelectorAll('.facet-value label')) {
    const m = l.querySelector('.count').textContent.match(/\d+/);
    counts[l.getAttribute('for')] = m ? +m[0] : -1;
  }
  return {
    summary: document.getElementById('aantal').textContent,
    hits: document.querySelectorAll('.hit-list > li').length,
    counts,
    checked: [...document.querySelectorAll('.facets input:checked')].map(i => i.id),
    search: location.search,
    path: location.pathname,
    focused: document.activeElement ? document.activeElement.id : '',
    marker: window.__sameDocument === true,
    copyShown: [...document.querySelectorAll('button.copy')].filter(b => !b.hidden).length,
  };
})()`

func TestBrowserFacetsAndTypingWithoutReload(t *testing.T) {
	ctx := newTab(t)
	ts := pageServer(t, Config{})
	read := func() pageState { return eval[pageState](t, ctx, readPage) }
	run(t, ctx, "open the results",
		chromedp.Navigate(ts.URL+"/zoeken?q=gemeenten"),
		waitFor(`document.documentElement.classList.contains('js')`),
		chromedp.Evaluate[chromedp.Void](`window.__sameDocument = true`),
	)
	before := read()
	if got, want := countIn(t, before.Summary), apiTotal(t, ts.URL, url.Values{"q": {"gemeenten"}}); got != want {
		t.Fatalf("summary %q, want %d results", before.Summary, want)
	}
	const box = "f-municipality-voorbeeldstad"
	run(t, ctx, "tick a facet",
		chromedp.Click(chromedp.ID(box)),
		waitFor(`document.getElementById('aantal').textContent !== `+strconv.Quote(before.Summary)),
	)
	after := read()
	screenshot(t, ctx, "zoeken-facet-ticked")
	if !after.Marker {
		t.Error("the page reloaded: the facet should apply without a reload")
	}
	want := apiTotal(t, ts.URL, url.Values{"q": {"gemeenten"}, "municipality": {"voorbeeldstad"}})
	if got := countIn(t, after.Summary); got != want {
		t.Errorf("summary after ticking %q, want %d results", after.Summary, want)
	}
	if after.Hits == before.Hits && after.Summary == before.Summary {
		t.Error("the results did not change")
	}
	if after.Search != "?q=gemeenten&municipality=voorbeeldstad" {
		t.Errorf("address %q does not share the filter", after.Search)
	}
	if len(after.Checked) != 1 || after.Checked[0] != box || after.Focused != box {
		t.Errorf("checked %v, focus on %q: want %s checked and focused", after.Checked, after.Focused, box)
	}
	// Disjunctive facets: the other municipalities keep their counts; the
	// themes are counted within Voorbeeldstad now.
	changed := false
	for id, n := range before.Counts {
		if strings.HasPrefix(id, "f-theme-") && after.Counts[id] != n {
			changed = true
		}
		if strings.HasPrefix(id, "f-municipality-") && after.Counts[id] != n {
			t.Errorf("count of %s changed from %d to %d: municipalities are counted without their own filter", id, n, after.Counts[id])
		}
	}
	if !changed {
		t.Errorf("no theme count changed: before %v, after %v", before.Counts, after.Counts)
	}

	// A quote card's button copies its citation to the clipboard.
	run(t, ctx, "allow the clipboard", chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		for _, name := range []string{"clipboard-read", "clipboard-write"} {
			if _, err := chromedp.CallBrowser(ctx, browser.SetPermission, browser.SetPermissionParams{
				Permission: &browser.PermissionDescriptor{Name: name}, Setting: browser.PermissionSettingGranted, Origin: ts.URL,
			}); err != nil {
				return err
			}
		}
		return nil
	}))
	citation := eval[string](t, ctx, `document.querySelector('.hit-quote button.copy').dataset.citation`)
	run(t, ctx, "copy a citation",
		chromedp.Click(chromedp.CSS(".hit-quote button.copy")),
		waitFor(`document.getElementById('kopieer-status').textContent === 'Citaat gekopieerd'`),
	)
	copied := get(t, ctx, "read the clipboard", chromedp.Evaluate[string](`navigator.clipboard.readText()`, chromedp.EvalAwaitPromise))
	if copied != citation || !strings.Contains(copied, " — ") {
		t.Errorf("clipboard holds %q, want the citation %q", copied, citation)
	}

	// Typing replaces the words and keeps the filter; the address follows.
	run(t, ctx, "type new words",
		chromedp.Evaluate[chromedp.Void](`(() => { const q = document.getElementById('q'); q.focus(); q.select(); })()`),
		chromedp.KeyEvent("samenwerken"),
		waitFor(`location.search.startsWith('?q=samenwerken')`),
		waitFor(`document.getElementById('aantal').textContent.includes('samenwerken')`),
	)
	typed := read()
	want = apiTotal(t, ts.URL, url.Values{"q": {"samenwerken"}, "municipality": {"voorbeeldstad"}})
	if got := countIn(t, typed.Summary); got != want || !typed.Marker {
		t.Errorf("after typing: summary %q (want %d results), same document %v", typed.Summary, want, typed.Marker)
	}

	// Back returns to the previous results without a reload.
	run(t, ctx, "go back",
		chromedp.Evaluate[chromedp.Void](`history.back()`),
		waitFor(`document.getElementById('aantal').textContent === `+strconv.Quote(before.Summary)),
	)
	if back := read(); back.Search != "?q=gemeenten" || len(back.Checked) != 0 || !back.Marker {
		t.Errorf("after going back: address %q, checked %v, same document %v; want the unfiltered results", back.Search, back.Checked, back.Marker)
	}
}

func TestBrowserWithoutJavaScript(t *testing.T) {
	ctx := newTab(t)
	ts := pageServer(t, Config{})
	run(t, ctx, "search from the start page",
		disableScripts(),
		chromedp.Navigate(ts.URL+"/"),
		chromedp.SendKeys(chromedp.ID("q"), "gemeenten"),
		chromedp.Submit(chromedp.ID("q")),
		chromedp.WaitVisible(chromedp.CSS(".hit-list")),
	)
	loc := get(t, ctx, "location", chromedp.Location())
	if !strings.HasSuffix(loc, "/zoeken?q=gemeenten") {
		t.Errorf("the form went to %q", loc)
	}
	summary := get(t, ctx, "summary", chromedp.Text(chromedp.ID("aantal")))
	if got, want := countIn(t, summary), apiTotal(t, ts.URL, url.Values{"q": {"gemeenten"}}); got != want {
		t.Errorf("summary %q, want %d results", summary, want)
	}
	run(t, ctx, "tick a facet and apply",
		chromedp.Click(chromedp.ID("f-role-directie")),
		chromedp.Click(chromedp.CSS(".facets .apply")),
		chromedp.WaitVisible(chromedp.CSS(`#f-role-directie[checked]`)),
	)
	loc = get(t, ctx, "location", chromedp.Location())
	if !strings.Contains(loc, "role=directie") {
		t.Errorf("the filter form went to %q", loc)
	}
	summary = get(t, ctx, "summary", chromedp.Text(chromedp.ID("aantal")))
	if got, want := countIn(t, summary), apiTotal(t, ts.URL, url.Values{"q": {"gemeenten"}, "role": {"directie"}}); got != want {
		t.Errorf("summary with the filter %q, want %d results", summary, want)
	}
	// The page's own script did not run: the apply button is there to
	// press, and the copy buttons, which need a script, stay hidden.
	type noScript struct {
		Enhanced   bool `json:"enhanced"`
		ApplyShown bool `json:"applyShown"`
		CopyShown  int  `json:"copyShown"`
	}
	ns := eval[noScript](t, ctx, `({
	  enhanced: document.documentElement.classList.contains('js'),
	  applyShown: getComputedStyle(document.querySelector('.facets .apply')).display !== 'none',
	  copyShown: [...document.querySelectorAll('button.copy')].filter(b => !b.hidden).length,
	})`)
	if ns.Enhanced || !ns.ApplyShown || ns.CopyShown != 0 {
		t.Errorf("without JavaScript: %+v, want not enhanced, the apply button shown, no copy button", ns)
	}
	screenshot(t, ctx, "zoeken-zonder-javascript")
}

// axeSource is axe-core's browser script: from VANELKAAR_AXE, or the
// folder .ci/run installs it in (npm install --prefix web/testdata axe-core).
func axeSource(t *testing.T) string {
	t.Helper()
	path := os.Getenv("VANELKAAR_AXE")
	if path == "" {
		path = filepath.Join("testdata", "node_modules", "axe-core", "axe.min.js")
	}
	src, err := os.ReadFile(path)
	if err != nil {
		msg := fmt.Sprintf("axe-core is needed for the accessibility test: %v (install it with: npm install --no-save --no-package-lock --prefix web/testdata axe-core)", err)
		// Like a missing browser: CI installs it and must run the test; a
		// developer's machine without it skips, so the README's test
		// command passes there.
		if os.Getenv("CI") == "true" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	return string(src) + "\n;0"
}

// axeViolations runs axe-core on the page and describes each violation.
func axeViolations(t *testing.T, ctx context.Context, axe string) []string {
	t.Helper()
	run(t, ctx, "load axe", chromedp.Evaluate[chromedp.Void](axe))
	return get(t, ctx, "run axe", chromedp.Evaluate[[]string](`axe.run(document).then(r => r.violations.map(v =>
		  v.id + ' (' + v.impact + '): ' + v.help + ' at ' + v.nodes.map(n => n.target.join(' > ')).join('; ')))`,
		chromedp.EvalAwaitPromise))
}

func TestBrowserAccessibility(t *testing.T) {
	// Many pages on two screens: more time than one task's tab.
	ctx := newTabFor(t, 5*time.Minute)
	axe := axeSource(t)
	ts := pageServer(t, Config{})
	// The fixture corpus has quote cards and hostile text; the shipped
	// corpus is the real series, with its long theme labels; the quote
	// fixtures have people with several quotes.
	shipped := shippedServer(t)
	quotes, _ := quoteServer(t, Config{})
	similar := fixtureServer(t, "../search/testdata/similar")
	const (
		fixtureCorpus = iota
		seriesCorpus
		quoteCorpus
		similarCorpus
	)
	widgetOpen := []step{
		waitFor(`!!customElements.get('vanelkaar-zoek') && !!` + widgetJS),
		chromedp.SendKeys(chromedp.JSPath(widgetJS+`.querySelector('input')`), "gemeenten"),
		waitFor(widgetJS + `.querySelectorAll('[role=option]').length > 0`),
		chromedp.KeyEvent(kb.ArrowDown),
		waitFor(widgetJS + `.querySelector('input').hasAttribute('aria-activedescendant')`),
	}
	pages := []struct {
		name, path string
		ready      []step
		corpus     int
	}{
		{"start", "/", nil, fixtureCorpus},
		{"zoeken", "/zoeken?q=gemeenten", nil, fixtureCorpus},
		{"zoeken-gegroepeerd", "/zoeken?q=gemeenten&group=municipality&theme=samenwerken", nil, fixtureCorpus},
		{"artikel", "/artikelen/proef-leren?q=gemeenten#samenwerken", nil, fixtureCorpus},
		{"niet-gevonden", "/artikelen/bestaat-niet", nil, fixtureCorpus},
		{"reeks-start", "/", nil, seriesCorpus},
		{"reeks-zoeken", "/zoeken?q=gemeenten", nil, seriesCorpus},
		{"reeks-artikel", "/artikelen/van-elkaar-leren?q=innovatie", nil, seriesCorpus},
		{"reeks-persoon", "/personen/ger-baron", nil, seriesCorpus},
		{"reeks-synoniem", "/zoeken?q=inwoners", nil, seriesCorpus},
		{"reeks-doodlopend", "/zoeken?q=burgers&municipality=breda", nil, seriesCorpus},
		{"vergelijkbaar-open", "/artikelen/aanpak-voorbeeldstad", []step{
			chromedp.Evaluate[chromedp.Void](`document.querySelectorAll('details.similar').forEach(d => d.open = true)`),
		}, similarCorpus},
		{"citaten-zoeken", "/zoeken?q=gemeente&kind=quote", nil, quoteCorpus},
		{"persoon", "/personen/bram-de-wit", nil, quoteCorpus},
		{"demo-widget-open", "/embed/demo", widgetOpen, fixtureCorpus},
		{"reeks-demo-widget-open", "/embed/demo", widgetOpen, seriesCorpus},
	}
	// First make sure axe is live: a planted image without a text
	// alternative must be reported.
	run(t, ctx, "plant a violation",
		chromedp.Navigate(ts.URL+"/"),
		chromedp.Evaluate[chromedp.Void](`document.querySelector('main').appendChild(Object.assign(document.createElement('img'), {src: 'data:,'}))`),
	)
	if v := axeViolations(t, ctx, axe); len(v) != 1 || !strings.HasPrefix(v[0], "image-alt ") {
		t.Fatalf("axe on a page with an image without alt: %v, want the image-alt violation alone", v)
	}
	for i, screen := range []string{"desktop", "mobiel"} {
		if i > 0 {
			ctx = newTabFor(t, 5*time.Minute)
		}
		for _, p := range pages {
			t.Run(screen+"/"+p.name, func(t *testing.T) {
				base := []string{ts.URL, shipped.URL, quotes.URL, similar.URL}[p.corpus]
				setup := chromedp.EmulateViewport(1280, 900)
				if screen == "mobiel" {
					setup = phone()
				}
				run(t, ctx, "open "+p.path, append([]step{
					setup,
					chromedp.Navigate(base + p.path),
					chromedp.WaitReady(chromedp.CSS("main")),
				}, p.ready...)...)
				if lang := eval[string](t, ctx, `document.documentElement.lang`); lang != "nl" {
					t.Errorf("lang = %q, want nl", lang)
				}
				v := axeViolations(t, ctx, axe)
				for _, v := range v {
					t.Errorf("axe: %s", v)
				}
				t.Logf("axe: %d violations on %s (%s)", len(v), p.path, screen)
				screenshot(t, ctx, "a11y-"+screen+"-"+p.name)
			})
		}
	}
}
