package main

import (
	"os/exec"
	"strings"
	"testing"
)

// sqlDrivers are the import paths of the database drivers the side-by-side
// benchmark uses, and of the common ones it might come to use.
var sqlDrivers = []string{"github.com/jackc/pgx", "modernc.org/sqlite", "github.com/lib/pq", "github.com/mattn/go-sqlite3"}

// TestServerBinaryHasNoSQLDrivers: the vanelkaar binary does not link the
// benchmark's database drivers; only a build with the benchsql tag does.
func TestServerBinaryHasNoSQLDrivers(t *testing.T) {
	tests := []struct {
		name  string
		tags  string
		wants bool // the drivers are linked
	}{
		{"server build", "", false},
		{"benchsql build", "benchsql", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := []string{"list", "-deps"}
			if tt.tags != "" {
				args = append(args, "-tags", tt.tags)
			}
			out, err := exec.Command("go", append(args, ".")...).CombinedOutput()
			if err != nil {
				t.Fatalf("go list: %v\n%s", err, out)
			}
			var linked []string
			for _, pkg := range strings.Fields(string(out)) {
				for _, d := range sqlDrivers {
					if pkg == d || strings.HasPrefix(pkg, d+"/") {
						linked = append(linked, pkg)
					}
				}
			}
			if got := len(linked) > 0; got != tt.wants {
				t.Errorf("drivers linked: %v; want linked: %v", linked, tt.wants)
			}
		})
	}
}
