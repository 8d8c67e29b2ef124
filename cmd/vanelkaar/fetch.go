package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// Limits of fetching a page to import. A page of the series is some
// 100 KB of HTML; a WordPress REST dump of many posts a few MB.
const (
	defaultFetchTimeout = 30 * time.Second
	defaultFetchBytes   = 8 << 20
	maxRedirects        = 5
	userAgent           = "vanelkaar-import/1 (Dutch article search; fetches one page per article it imports)"
)

// fetcher gets the pages `vanelkaar import` reads from http(s) addresses.
// The network stays here, out of the corpus package.
type fetcher struct {
	client   *http.Client
	maxBytes int64
	timeout  time.Duration
}

func newFetcher(timeout time.Duration, maxBytes int64) *fetcher {
	f := &fetcher{maxBytes: maxBytes, timeout: timeout}
	f.client = &http.Client{
		Timeout: timeout,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) > maxRedirects {
				return redirectError(fmt.Sprintf("more than %d redirects", maxRedirects))
			}
			if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
				return redirectError(fmt.Sprintf("redirected to %s: only http and https are fetched", req.URL.Redacted()))
			}
			return nil
		},
	}
	return f
}

// isURL reports whether a SOURCE argument is an address rather than a file.
func isURL(s string) bool {
	i := strings.Index(s, "://")
	return i > 0 && !strings.ContainsAny(s[:i], `/\.`)
}

// fetch returns the body of the page at raw and the address it came from
// after redirects. Every failure is one short line (the caller names the
// address).
func (f *fetcher) fetch(ctx context.Context, raw string) ([]byte, string, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return nil, "", fmt.Errorf("not a valid address: %v", err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, "", errors.New("only http and https addresses are fetched")
	}
	if u.Host == "" {
		return nil, "", errors.New("the address has no host")
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, "", err
	}
	req.Header.Set("User-Agent", userAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,application/json,application/xml;q=0.9,*/*;q=0.5")
	resp, err := f.client.Do(req)
	if err != nil {
		return nil, "", errors.New(fetchReason(err, f.timeout))
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, "", fmt.Errorf("the server answered %s", resp.Status)
	}
	if resp.ContentLength > f.maxBytes {
		return nil, "", fmt.Errorf("the page is %d bytes, more than the limit of %d", resp.ContentLength, f.maxBytes)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, f.maxBytes+1))
	if err != nil {
		return nil, "", errors.New(fetchReason(err, f.timeout))
	}
	if int64(len(body)) > f.maxBytes {
		return nil, "", fmt.Errorf("the page is more than the limit of %d bytes", f.maxBytes)
	}
	return body, resp.Request.URL.String(), nil
}

// redirectError is why a redirect was not followed.
type redirectError string

func (e redirectError) Error() string { return string(e) }

// fetchReason says in a few words why a request failed, without the
// wrapping Go puts around it (Get "…": …).
func fetchReason(err error, timeout time.Duration) string {
	var re redirectError
	if errors.As(err, &re) {
		return string(re)
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		if ue.Timeout() {
			return fmt.Sprintf("no answer within %s", timeout)
		}
		err = ue.Err
	}
	if errors.Is(err, context.Canceled) {
		return "interrupted"
	}
	return err.Error()
}
