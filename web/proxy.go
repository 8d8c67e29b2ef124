package web

import (
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"strings"
)

// DefaultProxyNetworks are the networks whose forwarding headers are
// believed, with TrustProxy, when no others are configured: a proxy on the
// same machine.
var DefaultProxyNetworks = []netip.Prefix{
	netip.MustParsePrefix("127.0.0.0/8"),
	netip.MustParsePrefix("::1/128"),
}

// ParseNetworks reads a comma-separated list of networks (10.0.0.0/8) or
// single addresses, as given to --proxy-networks.
func ParseNetworks(s string) ([]netip.Prefix, error) {
	var out []netip.Prefix
	for _, f := range strings.Split(s, ",") {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		if !strings.Contains(f, "/") {
			a, err := netip.ParseAddr(f)
			if err != nil {
				return nil, fmt.Errorf("network %q: want an address or CIDR such as 10.0.0.0/8", f)
			}
			out = append(out, netip.PrefixFrom(a.Unmap(), a.Unmap().BitLen()))
			continue
		}
		p, err := netip.ParsePrefix(f)
		if err != nil {
			return nil, fmt.Errorf("network %q: want an address or CIDR such as 10.0.0.0/8", f)
		}
		out = append(out, p.Masked())
	}
	return out, nil
}

// proxies decides who a request comes from. Forwarding headers
// (X-Forwarded-For, X-Forwarded-Proto) are believed only with trust set,
// and only from a peer inside one of the proxy networks: anyone else could
// write them.
type proxies struct {
	trust bool
	nets  []netip.Prefix
}

func (p proxies) contains(a netip.Addr) bool {
	a = a.Unmap()
	for _, n := range p.nets {
		if n.Contains(a) {
			return true
		}
	}
	return false
}

// fromProxy tells whether the request's peer is a trusted proxy.
func (p proxies) fromProxy(r *http.Request) bool {
	if !p.trust {
		return false
	}
	a, ok := peerAddr(r.RemoteAddr)
	return ok && p.contains(a)
}

// clientIP is the client's address: the connection's peer, or, from a
// trusted proxy, the right-most address of X-Forwarded-For that is not a
// proxy of ours (addresses left of it were written by the client and
// prove nothing). When every address is one of our proxies, or one cannot
// be read, the nearest proxy counts as the client.
func (p proxies) clientIP(r *http.Request) string {
	peer, ok := peerAddr(r.RemoteAddr)
	if !ok {
		return r.RemoteAddr
	}
	if !p.fromProxy(r) {
		return peer.String()
	}
	hops := strings.Split(strings.Join(r.Header.Values("X-Forwarded-For"), ","), ",")
	client := peer
	for i := len(hops) - 1; i >= 0; i-- {
		a, err := netip.ParseAddr(strings.Trim(strings.TrimSpace(hops[i]), "[]"))
		if err != nil {
			break
		}
		a = a.Unmap()
		if !p.contains(a) {
			return a.String()
		}
		client = a
	}
	return client.String()
}

// scheme is http or https as the client used it: from the connection, or
// from X-Forwarded-Proto when a trusted proxy sets it.
func (p proxies) scheme(r *http.Request) string {
	if p.fromProxy(r) {
		switch strings.ToLower(strings.TrimSpace(r.Header.Get("X-Forwarded-Proto"))) {
		case "https":
			return "https"
		case "http":
			return "http"
		}
	}
	if r.TLS != nil {
		return "https"
	}
	return "http"
}

// peerAddr reads the address of a RemoteAddr (host:port).
func peerAddr(remote string) (netip.Addr, bool) {
	host, _, err := net.SplitHostPort(remote)
	if err != nil {
		host = remote
	}
	a, err := netip.ParseAddr(host)
	if err != nil {
		return netip.Addr{}, false
	}
	return a.Unmap(), true
}

// ClientKey is what limits count per client: the IPv4 address, or the /64
// network of an IPv6 address, since one IPv6 subscriber is usually given a
// whole /64 and could otherwise use a new address for each request. Text
// that is no address is its own key.
func ClientKey(ip string) string {
	a, err := netip.ParseAddr(ip)
	if err != nil {
		return ip
	}
	a = a.Unmap().WithZone("")
	if a.Is4() {
		return a.String()
	}
	return netip.PrefixFrom(a, 64).Masked().String()
}
