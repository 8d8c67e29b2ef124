package analyzer

// arena hands out byte slices for new terms from larger blocks, so a
// filter that rewrites many terms of a text allocates a few blocks rather
// than one slice per term. Each slice's capacity ends where it does, so
// appending to a term never writes into the next one.
type arena struct {
	buf  []byte
	next int // size of the next block
}

// Blocks start small, as most texts are short, and double up to a limit.
const (
	arenaFirst = 32
	arenaMax   = 4096
)

// alloc returns an empty slice with room for n bytes.
func (a *arena) alloc(n int) []byte {
	if cap(a.buf)-len(a.buf) < n {
		a.next = min(max(a.next*2, arenaFirst), arenaMax)
		a.buf = make([]byte, 0, max(n, a.next))
	}
	start := len(a.buf)
	a.buf = a.buf[:start+n]
	return a.buf[start : start : start+n]
}
