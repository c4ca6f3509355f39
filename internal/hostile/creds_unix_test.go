//go:build unix

package hostile

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"syscall"
	"testing"
	"time"
)

// unprivilegedUID is the user nobody, whom file permissions stop.
const unprivilegedUID = 65534

// unprivileged returns the credentials of the user nobody, when this
// process may run a command as another user (it is root), or nil and why
// not.
func unprivileged(t *testing.T) (*syscall.Credential, string) {
	t.Helper()
	if os.Geteuid() != 0 {
		return nil, "only root can run a command as another user"
	}
	return &syscall.Credential{Uid: unprivilegedUID, Gid: unprivilegedUID}, ""
}

// commandAs is command, run with the credentials cred.
func commandAs(t *testing.T, cred *syscall.Credential, dir string, vars []string, args ...string) cmdResult {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, syllobench(t), args...)
	cmd.Dir, cmd.Env = dir, cleanEnviron(append([]string{"HOME=" + dir}, vars...)...)
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: cred}
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	r := cmdResult{stdout: stdout.String(), stderr: stderr.String()}
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee):
		r.code = ee.ExitCode()
	case err != nil:
		t.Fatalf("syllobench %q as uid %d: %v", args, cred.Uid, err)
	}
	return r
}
