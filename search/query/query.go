package query

import "strings"

// Q is a node of a query. String gives its canonical form, which parses
// back to the same node. Parse makes only the types of this package; a
// package that rewrites a parsed query may add nodes of its own, as
// Extensions.
type Q interface {
	String() string
}

// Extension is a node another package adds to a parsed query (search adds
// the words a clause is also searched for): the walks of this package
// reach the children it declares.
type Extension interface {
	Q
	Children() []Q
	// WithChildren returns the node with its children replaced.
	WithChildren(children []Q) Q
}

// Atom is a leaf of the tree: a Term or a Phrase.
type Atom interface {
	Q
	// Words is the atom's text: the word, or the phrase's words.
	Words() string
}

// Term is a word the results must contain (in any inflected form).
type Term struct{ Text string }

// Phrase is words that must appear next to each other, in this order.
type Phrase struct{ Text string }

// Not excludes results that match its query.
type Not struct{ Q Q }

// Or matches results that match any of its queries.
type Or struct{ Qs []Q }

// And matches results that match all of its queries. A parsed query is
// always an And: its clauses are Terms, Phrases, Ors of those, and Nots of
// Terms and Phrases.
type And struct{ Qs []Q }

func (t Term) Words() string   { return t.Text }
func (p Phrase) Words() string { return p.Text }

func (t Term) String() string   { return t.Text }
func (p Phrase) String() string { return `"` + p.Text + `"` }
func (n Not) String() string    { return "-" + n.Q.String() }
func (o Or) String() string     { return join(o.Qs, " OR ") }
func (a And) String() string    { return join(a.Qs, " ") }

func join(qs []Q, sep string) string {
	parts := make([]string, len(qs))
	for i, q := range qs {
		parts[i] = q.String()
	}
	return strings.Join(parts, sep)
}

// Empty reports whether the query has no clause: it asks for no words.
func (a And) Empty() bool { return len(a.Qs) == 0 }

// Positive returns the clauses that are not excluded, the ones a result
// must match.
func (a And) Positive() []Q {
	var out []Q
	for _, c := range a.Qs {
		if _, ok := c.(Not); !ok {
			out = append(out, c)
		}
	}
	return out
}

// Last returns the query's last clause when it is a plain word, the one a
// user may still be typing.
func (a And) Last() (Term, bool) {
	if len(a.Qs) == 0 {
		return Term{}, false
	}
	t, ok := a.Qs[len(a.Qs)-1].(Term)
	return t, ok
}

// VisitAtoms calls visit for every Term and Phrase of q, in order, with
// whether a Not excludes it; it goes into Extensions' children.
func VisitAtoms(q Q, visit func(a Atom, excluded bool)) {
	var walk func(q Q, excluded bool)
	walk = func(q Q, excluded bool) {
		switch q := q.(type) {
		case And:
			for _, c := range q.Qs {
				walk(c, excluded)
			}
		case Or:
			for _, c := range q.Qs {
				walk(c, excluded)
			}
		case Not:
			walk(q.Q, !excluded)
		case Atom:
			visit(q, excluded)
		case Extension:
			for _, c := range q.Children() {
				walk(c, excluded)
			}
		}
	}
	walk(q, false)
}

// Map rebuilds q bottom up: the children of each node are mapped first,
// then f is given the node with its new children and returns what stands
// in its place. It never changes q itself.
func Map(q Q, f func(Q) Q) Q {
	switch q := q.(type) {
	case And:
		return f(And{Qs: mapAll(q.Qs, f)})
	case Or:
		return f(Or{Qs: mapAll(q.Qs, f)})
	case Not:
		return f(Not{Q: Map(q.Q, f)})
	case Extension:
		return f(q.WithChildren(mapAll(q.Children(), f)))
	}
	return f(q)
}

func mapAll(qs []Q, f func(Q) Q) []Q {
	if qs == nil {
		return nil
	}
	out := make([]Q, len(qs))
	for i, c := range qs {
		out[i] = Map(c, f)
	}
	return out
}
