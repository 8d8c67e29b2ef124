// Package pgtest starts a throwaway PostgreSQL server for tests: a new
// cluster in a temporary folder, listening on a free port of 127.0.0.1,
// stopped and removed when the test ends.
//
// PostgreSQL refuses to run as root; when the test runs as root (as CI
// does), the server runs as the "postgres" user that Debian's package
// creates. Without PostgreSQL installed the test is skipped, except when
// the environment variable CI is "true": there it must run, so it fails.
package pgtest

import (
	"bytes"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"testing"
)

// Start starts a server and returns the DSN of its "postgres" database.
func Start(t testing.TB) string {
	t.Helper()
	bin, err := binDir()
	if err != nil {
		unavailable(t, err)
	}
	acct, err := serverAccount()
	if err != nil {
		unavailable(t, err)
	}
	// Not t.TempDir: its parent folders are private to this user, and the
	// server may run as another.
	dir, err := os.MkdirTemp("", "vanelkaar-pgtest-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	if acct != nil {
		if err := os.Chown(dir, acct.uid, acct.gid); err != nil {
			t.Fatal(err)
		}
	}
	data, logFile := filepath.Join(dir, "data"), filepath.Join(dir, "server.log")
	run := func(name string, args ...string) error {
		cmd := exec.Command(filepath.Join(bin, name), args...)
		cmd.Dir = dir
		acct.runAs(cmd)
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("%s: %w\n%s", name, err, out.String())
		}
		return nil
	}
	if err := run("initdb", "-D", data, "-U", "bench", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"); err != nil {
		t.Fatal(err)
	}
	port, err := freePort()
	if err != nil {
		t.Fatal(err)
	}
	opts := fmt.Sprintf("-p %d -k %s -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off", port, dir)
	if err := run("pg_ctl", "-D", data, "-o", opts, "-l", logFile, "-w", "-t", "60", "start"); err != nil {
		log, _ := os.ReadFile(logFile)
		t.Fatalf("%v\nserver log:\n%s", err, log)
	}
	t.Cleanup(func() {
		if err := run("pg_ctl", "-D", data, "-m", "immediate", "-w", "stop"); err != nil {
			t.Errorf("stop PostgreSQL: %v", err)
		}
	})
	return fmt.Sprintf("postgres://bench@127.0.0.1:%d/postgres?sslmode=disable", port)
}

// account is a user the server runs as.
type account struct{ uid, gid int }

func unavailable(t testing.TB, err error) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatalf("PostgreSQL is needed in CI: %v", err)
	}
	t.Skipf("PostgreSQL is not available: %v", err)
}

// binDir finds PostgreSQL's server programs: on the PATH, or in Debian's
// /usr/lib/postgresql/VERSION/bin, the newest version first.
func binDir() (string, error) {
	if p, err := exec.LookPath("pg_ctl"); err == nil {
		if _, err := exec.LookPath("initdb"); err == nil {
			return filepath.Dir(p), nil
		}
	}
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	sort.Slice(dirs, func(i, j int) bool { return version(dirs[i]) > version(dirs[j]) })
	for _, d := range dirs {
		if _, err := os.Stat(filepath.Join(d, "pg_ctl")); err == nil {
			return d, nil
		}
	}
	return "", fmt.Errorf("no initdb and pg_ctl on the PATH or in /usr/lib/postgresql/*/bin (Debian: apt-get install postgresql)")
}

func version(binDir string) int {
	v, _ := strconv.Atoi(filepath.Base(filepath.Dir(binDir)))
	return v
}

// freePort asks the kernel for a free port on the loopback address.
func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}
