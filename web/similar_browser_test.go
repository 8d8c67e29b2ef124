package web

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserSimilarWithoutJavaScript opens the block of similar
// approaches under a passage and behind a hit with scripts off: the
// details element opens by itself, and its link leads to the passage of
// the other municipality.
func TestBrowserSimilarWithoutJavaScript(t *testing.T) {
	ctx := newTab(t)
	ts := fixtureServer(t, "../search/testdata/similar")
	run(t, ctx, "open the article without scripts",
		disableScripts(),
		chromedp.Navigate(ts.URL+"/artikelen/aanpak-voorbeeldstad"),
		chromedp.WaitReady(chromedp.CSS("#licht + details.similar")),
	)
	if open := eval[bool](t, ctx, `document.querySelector('#licht + details.similar').open`); open {
		t.Fatal("the block is open before it is asked for")
	}
	run(t, ctx, "open the block and follow its first link",
		chromedp.Click(chromedp.CSS("#licht + details.similar summary")),
		chromedp.WaitVisible(chromedp.CSS("#licht + details.similar li a")),
		chromedp.Click(chromedp.CSS("#licht + details.similar li a")),
		chromedp.WaitReady(chromedp.CSS("#straatverlichting")),
	)
	loc := get(t, ctx, "location", chromedp.Location())
	if !strings.HasSuffix(loc, "/artikelen/aanpak-testerveen#straatverlichting") {
		t.Errorf("the link went to %q", loc)
	}
	run(t, ctx, "search and open a hit's block",
		chromedp.Navigate(ts.URL+"/zoeken?q=warmtenet"),
		chromedp.WaitReady(chromedp.CSS(".hit-list details.similar")),
		chromedp.Click(chromedp.CSS(".hit-list details.similar summary")),
		chromedp.WaitVisible(chromedp.CSS(".hit-list details.similar li a")),
	)
	screenshot(t, ctx, "vergelijkbaar-zonder-javascript")
}
