package main

import (
	"net"
	"sync"

	"golang.org/x/net/netutil"

	"vanelkaar/web"
)

// limitConns caps the connections a listener keeps open: total in all
// (golang.org/x/net/netutil: Accept waits while the cap is reached), and
// perClient from one client (an IPv4 address or an IPv6 /64): a client
// past its cap has its new connection closed at once, so it cannot use up
// the total or the file descriptors. Connections from exempt peers (our
// own reverse proxy, which carries every client) count only towards the
// total. A cap of 0 means none.
func limitConns(ln net.Listener, total, perClient int, exempt func(net.Addr) bool) net.Listener {
	if perClient > 0 {
		ln = &perClientListener{Listener: ln, max: perClient, exempt: exempt, open: map[string]int{}}
	}
	if total > 0 {
		ln = netutil.LimitListener(ln, total)
	}
	return ln
}

// perClientListener counts the open connections of each client.
type perClientListener struct {
	net.Listener
	max    int
	exempt func(net.Addr) bool

	mu   sync.Mutex
	open map[string]int
}

func (l *perClientListener) Accept() (net.Conn, error) {
	for {
		c, err := l.Listener.Accept()
		if err != nil {
			return nil, err
		}
		if l.exempt != nil && l.exempt(c.RemoteAddr()) {
			return c, nil
		}
		key := clientKeyOf(c.RemoteAddr())
		l.mu.Lock()
		if l.open[key] >= l.max {
			l.mu.Unlock()
			c.Close()
			continue
		}
		l.open[key]++
		l.mu.Unlock()
		return &countedConn{Conn: c, release: func() { l.release(key) }}, nil
	}
}

func (l *perClientListener) release(key string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.open[key]--; l.open[key] <= 0 {
		delete(l.open, key)
	}
}

// clientKeyOf is the key a connection counts under, as the rate limit's.
func clientKeyOf(a net.Addr) string {
	host, _, err := net.SplitHostPort(a.String())
	if err != nil {
		host = a.String()
	}
	return web.ClientKey(host)
}

// countedConn gives its slot back once, when closed.
type countedConn struct {
	net.Conn
	once    sync.Once
	release func()
}

func (c *countedConn) Close() error {
	err := c.Conn.Close()
	c.once.Do(c.release)
	return err
}
