package web

import (
	"context"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// The tasks our users come for, in a real Chromium: typing mid-word,
// applying a filter from a suggestion, copying a citation, a person's
// page, a phone, the widget's button and its errors. Each runs on the
// quote fixtures (fictional people) and, where the series has what it
// needs, on the shipped corpus.

// phone emulates a 390×844 phone screen.
func phone() step {
	return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{
			Width: 390, Height: 844, DeviceScaleFactor: 1, Mobile: true,
		})
		return err
	})
}

// servers are the corpora the tasks are checked on.
func taskServers(t *testing.T) map[string]*httptest.Server {
	t.Helper()
	q, _ := quoteServer(t, Config{})
	return map[string]*httptest.Server{"citaten": q, "reeks": shippedServer(t)}
}

// recordSummaries keeps every text the result count and the page show
// while typing, so the test sees flashes that a final look would miss.
const recordSummaries = `(() => {
  window.__seen = [];
  const note = () => {
    const s = document.getElementById('aantal');
    window.__seen.push({
      summary: s ? s.textContent : '',
      empty: !!document.querySelector('.empty'),
      problem: !!document.querySelector('.problem'),
      didYouMean: !!document.querySelector('.suggestion'),
    });
  };
  new MutationObserver(note).observe(document.body, {subtree: true, childList: true, characterData: true});
})()`

type seenState struct {
	Summary    string `json:"summary"`
	Empty      bool   `json:"empty"`
	Problem    bool   `json:"problem"`
	DidYouMean bool   `json:"didYouMean"`
}

func TestBrowserInstantSearchMidWord(t *testing.T) {
	for name, ts := range taskServers(t) {
		t.Run(name, func(t *testing.T) {
			ctx := newTab(t)
			run(t, ctx, "open the search page",
				chromedp.Navigate(ts.URL+"/zoeken"),
				waitFor(`document.documentElement.classList.contains('js')`),
				chromedp.Evaluate[chromedp.Void](recordSummaries),
			)
			// Type as a person does, a letter at a time with pauses longer
			// than the page's delay, so every beginning is searched.
			for _, r := range "gemee" {
				run(t, ctx, "type "+string(r), chromedp.SendKeys(chromedp.ID("q"), string(r)), chromedp.Sleep(350*time.Millisecond))
			}
			run(t, ctx, "results for gemee", waitFor(`document.getElementById('aantal').textContent.includes('gemee')`))
			summary := eval[string](t, ctx, `document.getElementById('aantal').textContent`)
			want := apiTotal(t, ts.URL, url.Values{"q": {"gemee"}, "prefix": {"true"}})
			if want == 0 {
				t.Fatal("the API finds nothing for the prefix gemee")
			}
			if got := countIn(t, summary); got != want {
				t.Errorf("summary %q, want %d results", summary, want)
			}
			if marks := eval[string](t, ctx, `[...document.querySelectorAll('.hit-list mark')].map(m => m.textContent.toLowerCase()).join(',')`); !strings.Contains(marks, "gemeente") {
				t.Errorf("marked %q: want the completed words gemeente… marked", marks)
			}
			// An unclosed quotation mark while typing is read leniently.
			run(t, ctx, "type an unclosed phrase",
				chromedp.Evaluate[chromedp.Void](`document.getElementById('q').value = ''`),
				chromedp.SendKeys(chromedp.ID("q"), `"gemeente`),
				waitFor(`document.getElementById('aantal').textContent.includes('"gemeente')`),
			)
			seen := eval[[]seenState](t, ctx, `window.__seen`)
			if len(seen) == 0 {
				t.Fatal("nothing recorded while typing")
			}
			for _, s := range seen {
				if strings.HasPrefix(s.Summary, "Geen resultaten") || s.Empty {
					t.Errorf("while typing the page showed no results: %+v", s)
				}
				if s.DidYouMean {
					t.Errorf("while typing the page offered a did-you-mean: %+v", s)
				}
				if s.Problem {
					t.Errorf("while typing the page showed an error: %+v", s)
				}
			}
			screenshot(t, ctx, "instant-"+name)
			// Submitting keeps the strict reading: the page explains.
			run(t, ctx, "submit the unclosed phrase",
				chromedp.Submit(chromedp.ID("q")),
				chromedp.WaitVisible(chromedp.CSS(".problem")),
			)
		})
	}
}

func TestBrowserThemeSuggestionAppliesTheFilter(t *testing.T) {
	for name, ts := range taskServers(t) {
		t.Run(name, func(t *testing.T) {
			ctx := newTab(t)
			input := chromedp.JSPath(widgetJS + `.querySelector('input')`)
			run(t, ctx, "type a theme in the widget",
				chromedp.Navigate(ts.URL+"/embed/demo"),
				waitFor(`!!customElements.get('vanelkaar-zoek') && !!`+widgetJS),
				chromedp.SendKeys(input, "inclusivit"),
				waitFor(widgetJS+`.querySelector('[role=option][data-type=filter]') !== null`),
			)
			label := eval[string](t, ctx, widgetJS+`.querySelector('[role=option][data-type=filter] .t').textContent`)
			if label != "Inclusiviteit" {
				t.Fatalf("first filter suggestion %q, want the theme Inclusiviteit", label)
			}
			run(t, ctx, "choose it",
				chromedp.Click(chromedp.JSPath(widgetJS+`.querySelector('[role=option][data-type=filter]')`)),
				chromedp.WaitVisible(chromedp.CSS(`#f-theme-inclusiviteit:checked`)),
			)
			loc := get(t, ctx, "location", chromedp.Location())
			if !strings.HasSuffix(loc, "/zoeken?theme=inclusiviteit") {
				t.Errorf("landed on %q, want the results with the theme filter", loc)
			}
			if q := eval[string](t, ctx, `document.getElementById('q').value`); q != "" {
				t.Errorf("the theme's label became query text %q", q)
			}
			summary := get(t, ctx, "summary", chromedp.Text(chromedp.ID("aantal")))
			if got, want := countIn(t, summary), apiTotal(t, ts.URL, url.Values{"theme": {"inclusiviteit"}}); got != want || want == 0 {
				t.Errorf("summary %q, want %d results", summary, want)
			}
			// The results page offers the same names as filters, without
			// a script too.
			run(t, ctx, "a filter suggestion on the results page",
				disableScripts(),
				chromedp.Navigate(ts.URL+"/zoeken?q=inclusiviteit"),
				chromedp.Click(chromedp.CSS(`.filter-suggestions a`)),
				chromedp.WaitVisible(chromedp.CSS(`#f-theme-inclusiviteit[checked]`)),
			)
		})
	}
}

func TestBrowserCopyCitation(t *testing.T) {
	ctx := newTab(t)
	ts, _ := quoteServer(t, Config{})
	run(t, ctx, "open the quotes", chromedp.Navigate(ts.URL+"/zoeken?q=formulieren&kind=quote"),
		waitFor(`document.documentElement.classList.contains('js')`))
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
	run(t, ctx, "copy the split quote's citation",
		chromedp.Click(chromedp.CSS(".hit-quote button.copy")),
		waitFor(`document.getElementById('kopieer-status').textContent === 'Citaat gekopieerd'`),
	)
	type status struct {
		Visible bool   `json:"visible"`
		Role    string `json:"role"`
	}
	st := eval[status](t, ctx, `(() => { const s = document.getElementById('kopieer-status'); const r = s.getBoundingClientRect();
	  return {visible: r.width > 0 && r.height > 0 && getComputedStyle(s).visibility !== 'hidden' && r.top >= 0 && r.bottom <= innerHeight, role: s.getAttribute('role')}; })()`)
	if !st.Visible || st.Role != "status" {
		t.Errorf("confirmation %+v, want a visible status", st)
	}
	copied := get(t, ctx, "read the clipboard", chromedp.Evaluate[string](`navigator.clipboard.readText()`, chromedp.EvalAwaitPromise))
	for _, part := range []string{
		// Both pieces of the quote split by its attribution, in one citation.
		"“We hebben de formulieren daarom herschreven in gewone taal,” zegt Van den",
		"“Een zin van twintig woorden is lang genoeg.”",
		"Pieter van den Akker", "Senior Medewerker Burgerzaken", "Gemeente Voorbeeldstad",
		"“Het digitale loket van Voorbeeldstad”", "deel 1 van 2", "voorbeeldreeks.example",
		" https://voorbeeldreeks.example/het-digitale-loket#loket-",
	} {
		if !strings.Contains(copied, part) {
			t.Errorf("clipboard %q lacks %q", copied, part)
		}
	}
	screenshot(t, ctx, "citaat-gekopieerd")
	// An unattributed quote can be found but not cited.
	run(t, ctx, "an unattributed quote", chromedp.Navigate(ts.URL+"/zoeken?q=voorjaar&kind=quote"), chromedp.WaitVisible(chromedp.CSS(".hit-quote")))
	if n := eval[int](t, ctx, `document.querySelectorAll('.hit-quote button.copy, .hit-quote .cite').length`); n != 0 {
		t.Errorf("an unattributed quote has %d citation controls", n)
	}
}

func TestBrowserPersonPage(t *testing.T) {
	ctx := newTab(t)
	ts, c := quoteServer(t, Config{})
	// A person hit leads to the person's page.
	run(t, ctx, "search a person",
		chromedp.Navigate(ts.URL+"/zoeken?q=Bram+de+Wit&kind=person"),
		chromedp.Click(chromedp.CSS(".hit-person h3 a")),
		chromedp.WaitVisible(chromedp.CSS("h1")),
	)
	if loc := get(t, ctx, "location", chromedp.Location()); !strings.Contains(loc, "/personen/bram-de-wit") {
		t.Fatalf("the person hit led to %q", loc)
	}
	type personState struct {
		Name     string   `json:"name"`
		Facts    string   `json:"facts"`
		Quotes   []string `json:"quotes"`
		Cites    int      `json:"cites"`
		Passages int      `json:"passages"`
	}
	st := eval[personState](t, ctx, `({
	  name: document.querySelector('h1').textContent,
	  facts: document.querySelector('.person-facts').textContent,
	  quotes: [...document.querySelectorAll('.hit-quote blockquote')].map(b => b.textContent),
	  cites: document.querySelectorAll('.hit-quote button.copy').length,
	  passages: document.querySelectorAll('.hit-passage').length,
	})`)
	var want []string
	for _, a := range c.Articles {
		for _, q := range a.Quotes {
			if q.Speaker == "bram-de-wit" {
				want = append(want, q.Text)
			}
		}
	}
	if st.Name != "Bram de Wit" || !strings.Contains(st.Facts, "Chief Information Officer") || !strings.Contains(st.Facts, "Gemeente ‘s-Hertogenwaard") {
		t.Errorf("person header %+v", st)
	}
	if len(st.Quotes) != len(want) || st.Cites != len(want) {
		t.Fatalf("%d quotes (%d citable) on the page, want %d: %q", len(st.Quotes), st.Cites, len(want), st.Quotes)
	}
	for i, q := range want {
		if !strings.Contains(st.Quotes[i], q) {
			t.Errorf("quote %d is %q, want %q (reading order)", i+1, st.Quotes[i], q)
		}
	}
	if st.Passages == 0 {
		t.Error("no passages that name Bram de Wit")
	}
	screenshot(t, ctx, "persoon")
	// "Meer van" on a quote card searches everything of the speaker.
	run(t, ctx, "meer van",
		chromedp.Navigate(ts.URL+"/zoeken?q=software&kind=quote"),
		chromedp.Click(chromedp.CSS(".hit-quote a.more")),
		chromedp.WaitVisible(chromedp.CSS(`#f-speaker-bram-de-wit:checked`)),
	)
	summary := get(t, ctx, "summary", chromedp.Text(chromedp.ID("aantal")))
	if got, want := countIn(t, summary), apiTotal(t, ts.URL, url.Values{"speaker": {"bram-de-wit"}}); got != want {
		t.Errorf("meer van: summary %q, want %d", summary, want)
	}
}

func TestBrowserPhone(t *testing.T) {
	for name, ts := range taskServers(t) {
		t.Run(name, func(t *testing.T) {
			ctx := newTab(t)
			run(t, ctx, "open results on a phone",
				phone(),
				chromedp.Navigate(ts.URL+"/zoeken?q=gemeenten&kind=passage&kind=quote"),
				chromedp.WaitVisible(chromedp.CSS(".hit-list")),
			)
			type layout struct {
				FirstTop, FirstBottom, Height float64
				FiltersOpen                   bool
				Badge                         string
				FirstCheckboxVisible          bool
			}
			l := eval[layout](t, ctx, `(() => {
			  const r = document.querySelector('.hit-list > li').getBoundingClientRect();
			  const box = document.querySelector('.facet-value input').getBoundingClientRect();
			  return {FirstTop: r.top, FirstBottom: r.top + 80, Height: innerHeight,
			    FiltersOpen: document.getElementById('filters').open,
			    Badge: (document.querySelector('#filters .badge') || {}).textContent || '',
			    FirstCheckboxVisible: box.height > 0 && document.querySelector('.facet-value input').checkVisibility()};
			})()`)
			screenshot(t, ctx, "telefoon-"+name)
			if l.FirstBottom > l.Height {
				t.Errorf("the first result starts at %.0fpx of a %.0fpx screen: below the fold", l.FirstTop, l.Height)
			}
			if l.FiltersOpen || l.FirstCheckboxVisible {
				t.Errorf("the filters are open on a phone: %+v", l)
			}
			if !strings.HasPrefix(l.Badge, "2") {
				t.Errorf("the filter disclosure shows %q active filters, want 2", l.Badge)
			}
			run(t, ctx, "open the filters", chromedp.Click(chromedp.CSS("#filters > summary")),
				waitFor(`document.querySelector('.facet-value input').checkVisibility()`))
		})
	}
}

func TestBrowserWidgetOnAPhone(t *testing.T) {
	for name, ts := range taskServers(t) {
		t.Run(name, func(t *testing.T) {
			ctx := newTab(t)
			input := chromedp.JSPath(widgetJS + `.querySelector('input')`)
			run(t, ctx, "type in the widget on a phone",
				phone(),
				chromedp.Navigate(ts.URL+"/embed/demo"),
				waitFor(`!!customElements.get('vanelkaar-zoek') && !!`+widgetJS),
				chromedp.Evaluate[chromedp.Void](`document.querySelector('vanelkaar-zoek').scrollIntoView()`),
				chromedp.SendKeys(input, "gemeenten"),
				waitFor(widgetJS+`.querySelector('[role=option][data-type=all]') !== null && `+
					widgetJS+`.querySelector('[role=option][data-type=all]').textContent.includes('“gemeenten”')`),
			)
			visible := eval[int](t, ctx, `(() => {
			  const r = `+widgetJS+`; const lb = r.getElementById('lb').getBoundingClientRect();
			  return [...r.querySelectorAll('[role=option][data-type=hit]')].filter(o => {
			    const b = o.getBoundingClientRect();
			    return b.top >= Math.max(0, lb.top) && b.bottom <= Math.min(innerHeight, lb.bottom) + 0.5;
			  }).length; })()`)
			screenshot(t, ctx, "widget-telefoon-"+name)
			if visible < 4 {
				t.Errorf("%d results visible at once on a 390×844 screen, want at least 4", visible)
			}
		})
	}
}

func TestBrowserWidgetSubmit(t *testing.T) {
	ctx := newTab(t)
	ts := pageServer(t, Config{})
	input := chromedp.JSPath(widgetJS + `.querySelector('input')`)
	button := chromedp.JSPath(widgetJS + `.querySelector('button[type=submit]')`)
	run(t, ctx, "the button is there",
		chromedp.Navigate(ts.URL+"/embed/demo"),
		waitFor(`!!customElements.get('vanelkaar-zoek') && !!`+widgetJS),
	)
	if txt := eval[string](t, ctx, widgetJS+`.querySelector('button[type=submit]').textContent`); txt != "Zoeken" {
		t.Errorf("button text %q, want Zoeken", txt)
	}
	run(t, ctx, "click Zoeken",
		chromedp.SendKeys(input, "gemeenten"),
		chromedp.Click(button),
		chromedp.WaitVisible(chromedp.CSS(".hit-list")),
	)
	if loc := get(t, ctx, "location", chromedp.Location()); loc != ts.URL+"/zoeken?q=gemeenten" {
		t.Errorf("the button opened %q", loc)
	}
	run(t, ctx, "Enter",
		chromedp.Navigate(ts.URL+"/embed/demo"),
		waitFor(`!!customElements.get('vanelkaar-zoek') && !!`+widgetJS),
		chromedp.SendKeys(input, "samenwerken"),
		chromedp.KeyEvent(kb.Enter),
		chromedp.WaitVisible(chromedp.CSS(".hit-list")),
	)
	if loc := get(t, ctx, "location", chromedp.Location()); loc != ts.URL+"/zoeken?q=samenwerken" {
		t.Errorf("Enter opened %q", loc)
	}
}

// TestBrowserWidgetUnreachable: a server that is gone is a visible error,
// like a refused origin (TestBrowserWidgetOnAnotherOrigin).
func TestBrowserWidgetUnreachable(t *testing.T) {
	ctx := newTab(t)
	ts := pageServer(t, Config{})
	input := chromedp.JSPath(widgetJS + `.querySelector('input')`)
	run(t, ctx, "open the demo",
		chromedp.Navigate(ts.URL+"/embed/demo"),
		waitFor(`!!customElements.get('vanelkaar-zoek') && !!`+widgetJS),
		// Point the widget at a port nobody listens on.
		chromedp.Evaluate[chromedp.Void](`document.querySelector('vanelkaar-zoek').server = 'http://127.0.0.1:9'`),
		chromedp.SendKeys(input, "gemeenten"),
		waitFor(widgetJS+`.querySelector('.err') && !`+widgetJS+`.querySelector('.err').hidden`),
	)
	type errState struct {
		Text    string `json:"text"`
		Visible bool   `json:"visible"`
		Role    string `json:"role"`
	}
	st := eval[errState](t, ctx, `(() => { const e = `+widgetJS+`.querySelector('.err'); const r = e.getBoundingClientRect();
	  return {text: e.textContent, visible: r.height > 0 && r.width > 0, role: e.getAttribute('role')}; })()`)
	if !st.Visible || st.Role != "alert" || !strings.HasPrefix(st.Text, "Zoeken lukt nu niet") {
		t.Errorf("error %+v, want a visible alert", st)
	}
	screenshot(t, ctx, "widget-onbereikbaar")
}

// TestBrowserAnchorsShowTheirHeading: a passage link that opens a section
// lands with the section's heading in view.
func TestBrowserAnchorsShowTheirHeading(t *testing.T) {
	ctx := newTab(t)
	ts, c := quoteServer(t, Config{})
	for _, a := range c.Articles {
		prev := []string(nil)
		for _, p := range a.Passages {
			opens := len(p.Headings) > 0 && (len(prev) != len(p.Headings) || prev[len(prev)-1] != p.Headings[len(p.Headings)-1])
			prev = p.Headings
			if !opens {
				continue
			}
			// From another page, as a reader follows a link.
			run(t, ctx, "open "+p.URL(), chromedp.Navigate("about:blank"), chromedp.Navigate(ts.URL+p.URL()),
				chromedp.WaitVisible(chromedp.CSS(".passage:target")), chromedp.Sleep(100*time.Millisecond))
			top := eval[float64](t, ctx, `(() => { const p = document.querySelector('.passage:target'); let h = p.previousElementSibling;
			  while (h && !/^H[2-4]$/.test(h.tagName)) h = h.previousElementSibling; return h ? h.getBoundingClientRect().top : -1; })()`)
			if top < 0 {
				t.Errorf("%s: the heading %q is above the screen (top %.0f)", p.URL(), p.Headings[len(p.Headings)-1], top)
			}
		}
	}
}
