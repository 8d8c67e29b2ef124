//go:build !unix

package pgtest

import "os/exec"

// serverAccount returns nil: the server runs as this process's user,
// which is all PostgreSQL needs where there is no root.
func serverAccount() (*account, error) { return nil, nil }

// runAs leaves cmd as it is.
func (a *account) runAs(cmd *exec.Cmd) {}
