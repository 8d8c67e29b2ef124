package search

import (
	"errors"
	"fmt"
	"strings"
)

// Sentinel errors; callers test them with errors.Is.
var (
	// ErrBadQuery means the request cannot be answered as asked: the user
	// must change it. The web layer answers it with 400.
	ErrBadQuery = errors.New("bad query")
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

// SyntaxError is a query that cannot be parsed; Pos is the 0-based rune
// offset in the query where the problem is.
type SyntaxError struct {
	Query string
	Pos   int
	Msg   string
}

func (e *SyntaxError) Error() string {
	return fmt.Sprintf("query syntax: %s at position %d", e.Msg, e.Pos+1)
}

func (e *SyntaxError) Unwrap() error { return ErrBadQuery }
