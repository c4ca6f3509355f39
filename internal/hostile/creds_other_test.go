//go:build !unix

package hostile

import "testing"

const unprivilegedUID = -1

type credential struct{ Uid int }

func unprivileged(t *testing.T) (*credential, string) {
	return nil, "running a command as another user is supported on Unix only"
}

func commandAs(t *testing.T, cred *credential, dir string, vars []string, args ...string) cmdResult {
	t.Fatal("commandAs: Unix only")
	return cmdResult{}
}
