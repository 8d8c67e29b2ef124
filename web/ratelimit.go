package web

import (
	"container/list"
	"fmt"
	"math"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
	"golang.org/x/time/rate"
)

// maxRateClients bounds the memory the rate limiter uses: past it, the
// client seen longest ago is forgotten. A forgotten client starts again
// with a full bucket, which is what it would have after a quiet spell.
const maxRateClients = 10000

// The probes (/healthz, /readyz) have a limit of their own, per client:
// far more than any platform asks, far less than a flood.
const (
	probeRate  = 20
	probeBurst = 40
)

// rateLimiter keeps a token bucket per client key, in memory only: keys
// are addresses (see ClientKey), never logged or stored. It is the store
// of echo's rate limiter middleware.
type rateLimiter struct {
	limit rate.Limit
	burst int
	max   int
	now   func() time.Time

	mu      sync.Mutex
	clients map[string]*list.Element // values of lru: *rateClient
	lru     *list.List               // most recently seen first
}

type rateClient struct {
	key string
	lim *rate.Limiter
}

// newRateLimiter allows perSecond requests per second per client on
// average and burst at once (0: twice perSecond, at least 1).
func newRateLimiter(perSecond float64, burst, maxClients int) *rateLimiter {
	if burst <= 0 {
		burst = max(1, int(math.Ceil(2*perSecond)))
	}
	return &rateLimiter{limit: rate.Limit(perSecond), burst: burst, max: maxClients, now: time.Now,
		clients: map[string]*list.Element{}, lru: list.New()}
}

// Allow takes a token for key: echo's RateLimiterStore.
func (l *rateLimiter) Allow(key string) (bool, error) {
	ok, _ := l.allow(key, l.now())
	return ok, nil
}

// client returns key's bucket, making it when new.
func (l *rateLimiter) client(key string) *rateClient {
	if el, ok := l.clients[key]; ok {
		l.lru.MoveToFront(el)
		return el.Value.(*rateClient)
	}
	if l.lru.Len() >= l.max {
		oldest := l.lru.Back()
		l.lru.Remove(oldest)
		delete(l.clients, oldest.Value.(*rateClient).key)
	}
	c := &rateClient{key: key, lim: rate.NewLimiter(l.limit, l.burst)}
	l.clients[key] = l.lru.PushFront(c)
	return c
}

// allow takes a token for key; when there is none it returns how long
// until there will be.
func (l *rateLimiter) allow(key string, now time.Time) (bool, time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	r := l.client(key).lim.ReserveN(now, 1)
	if d := r.DelayFrom(now); d > 0 {
		r.CancelAt(now)
		return false, d
	}
	return true, 0
}

// wait is how long until key has a token again.
func (l *rateLimiter) wait(key string) time.Duration {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	r := l.client(key).lim.ReserveN(now, 1)
	d := r.DelayFrom(now)
	r.CancelAt(now)
	return d
}

// size is the number of clients remembered.
func (l *rateLimiter) size() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.lru.Len()
}

// rateLimit is echo's rate limiter with our store and keying: the client
// as proxies.clientIP finds it, IPv6 per /64. Routes for which limited
// says false are skipped. A refusal is 429 with Retry-After.
func (srv *Server) rateLimit(l *rateLimiter, limited func(routeKind) bool) echo.MiddlewareFunc {
	return middleware.RateLimiterWithConfig(middleware.RateLimiterConfig{
		Skipper: func(c echo.Context) bool { return !limited(srv.kindOf(c)) },
		Store:   l,
		IdentifierExtractor: func(c echo.Context) (string, error) {
			return ClientKey(c.RealIP()), nil
		},
		DenyHandler: func(c echo.Context, key string, _ error) error {
			secs := max(1, int(math.Ceil(l.wait(key).Seconds())))
			c.Response().Header().Set("Retry-After", strconv.Itoa(secs))
			unit := "seconden"
			if secs == 1 {
				unit = "seconde"
			}
			return echo.NewHTTPError(http.StatusTooManyRequests,
				fmt.Sprintf("Te veel verzoeken achter elkaar. Probeer het over %d %s opnieuw.", secs, unit))
		},
	})
}
