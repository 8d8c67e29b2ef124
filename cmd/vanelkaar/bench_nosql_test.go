//go:build !benchsql

package main

import (
	"strings"
	"testing"
)

// TestBenchWithoutSQLEngines: the server binary's bench refuses the other
// engines and says how to build a binary that has them.
func TestBenchWithoutSQLEngines(t *testing.T) {
	for _, args := range [][]string{{"--sqlite"}, {"--postgres", "postgres://bench@127.0.0.1:1/postgres"}} {
		t.Run(args[0], func(t *testing.T) {
			code, out, errOut := runCmd(t, "", append([]string{"bench", "--passages", "0", "--rounds", "1"}, args...)...)
			if code != 1 || out != "" || !strings.Contains(errOut, "go build -tags benchsql ./cmd/vanelkaar") {
				t.Errorf("exit %d, output %q, error %q; want exit 1 naming the benchsql build", code, out, errOut)
			}
		})
	}
}
