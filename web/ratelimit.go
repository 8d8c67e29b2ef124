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
	"golang.org/x/time/rate"
)

// maxRateClients bounds the memory the rate limiter uses: past it, the
// client seen longest ago is forgotten. A forgotten client starts again
// with a full bucket, which is what it would have after a quiet spell.
const maxRateClients = 10000

// rateLimiter keeps a token bucket per client address, in memory only:
// addresses are keys of a map, never logged or stored.
type rateLimiter struct {
	limit rate.Limit
	burst int
	max   int

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
func newRateLimiter(perSecond float64, burst, max int) *rateLimiter {
	if burst <= 0 {
		burst = max1(int(math.Ceil(2 * perSecond)))
	}
	return &rateLimiter{limit: rate.Limit(perSecond), burst: burst, max: max,
		clients: map[string]*list.Element{}, lru: list.New()}
}

func max1(n int) int {
	if n < 1 {
		return 1
	}
	return n
}

// allow takes a token for key; when there is none it returns how long
// until there will be.
func (l *rateLimiter) allow(key string, now time.Time) (bool, time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	var c *rateClient
	if el, ok := l.clients[key]; ok {
		l.lru.MoveToFront(el)
		c = el.Value.(*rateClient)
	} else {
		if l.lru.Len() >= l.max {
			oldest := l.lru.Back()
			l.lru.Remove(oldest)
			delete(l.clients, oldest.Value.(*rateClient).key)
		}
		c = &rateClient{key: key, lim: rate.NewLimiter(l.limit, l.burst)}
		l.clients[key] = l.lru.PushFront(c)
	}
	r := c.lim.ReserveN(now, 1)
	if d := r.DelayFrom(now); d > 0 {
		r.CancelAt(now)
		return false, d
	}
	return true, 0
}

// size is the number of clients remembered.
func (l *rateLimiter) size() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.lru.Len()
}

// unlimited are the routes the rate limit leaves alone: probes and
// metrics are asked for by the platform, not by visitors.
var unlimited = map[string]bool{"/healthz": true, "/readyz": true, "/metrics": true}

// rateLimit answers 429 with Retry-After when a client has used up its
// bucket.
func (srv *Server) rateLimit(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if srv.limiter == nil || unlimited[c.Path()] {
			return next(c)
		}
		ok, wait := srv.limiter.allow(c.RealIP(), time.Now())
		if !ok {
			secs := int(math.Ceil(wait.Seconds()))
			c.Response().Header().Set("Retry-After", strconv.Itoa(secs))
			unit := "seconden"
			if secs == 1 {
				unit = "seconde"
			}
			return echo.NewHTTPError(http.StatusTooManyRequests,
				fmt.Sprintf("Te veel verzoeken achter elkaar. Probeer het over %d %s opnieuw.", secs, unit))
		}
		return next(c)
	}
}
