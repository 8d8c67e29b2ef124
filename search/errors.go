package search

import (
	"errors"
	"strings"

	"vanelkaar/search/query"
)

// Sentinel errors; callers test them with errors.Is.
var (
	// ErrBadQuery means the request cannot be answered as asked: the user
	// must change it (a query that does not parse is one: SyntaxError
	// wraps it). The web layer answers it with 400.
	ErrBadQuery = query.ErrBadQuery
	// ErrNotFound means a requested item does not exist.
	ErrNotFound = errors.New("not found")
	// ErrNotReady means no index is loaded yet.
	ErrNotReady = errors.New("index not ready")
)

// InvalidParam is one thing wrong with a request, named by its parameter.
type InvalidParam struct {
	Name   string `json:"name"`
	Reason string `json:"reason"`
}

// RequestError lists every invalid parameter of a request at once.
type RequestError struct {
	Params []InvalidParam
}

func (e *RequestError) Error() string {
	parts := make([]string, len(e.Params))
	for i, p := range e.Params {
		parts[i] = p.Name + ": " + p.Reason
	}
	return "invalid request: " + strings.Join(parts, "; ")
}

func (e *RequestError) Unwrap() error { return ErrBadQuery }
