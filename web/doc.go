// Package web serves vanelkaar over HTTP with echo: the JSON API under
// /api/v1 (following the Dutch government's REST API Design Rules where they
// apply: the version in the path, application/problem+json errors, an
// OpenAPI document), health and readiness probes, and the Dutch search
// pages.
//
// The server sees only the search package's types: a Searcher answers
// requests, so handlers parse, call and render, and hold no search logic.
package web
