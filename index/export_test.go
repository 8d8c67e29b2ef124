package index

// Fingerprint lets the external tests (package index_test) check the
// mapping's fingerprint.
var Fingerprint = fingerprint
