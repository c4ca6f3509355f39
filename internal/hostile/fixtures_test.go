package hostile

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/syllobench/syllobench/internal/fixture"
	"github.com/syllobench/syllobench/probes"
)

// recorded is a fixtures root holding the chains probe of ref-logic at
// the small size, recorded once through run.Open in record mode.
var recorded struct {
	once sync.Once
	dir  string
	n    int // results
	err  error
}

func recordedFixtures(t *testing.T) (string, int) {
	t.Helper()
	recorded.once.Do(func() {
		recorded.dir, recorded.err = os.MkdirTemp("", "syllobench-hostile-fixtures-")
		if recorded.err != nil {
			return
		}
		s, err := open(t, map[string]string{
			"SYLLOBENCH_MODEL": "ref-logic", "SYLLOBENCH_MODE": "record", "SYLLOBENCH_FIXTURES": recorded.dir, "SYLLOBENCH_SIZE": "small",
		}, true)
		if err != nil {
			recorded.err = err
			return
		}
		p, _ := probes.ByName("chains")
		a, rs, err := s.Probe(t.Context(), p)
		recorded.err = errors.Join(err, s.Close())
		if a.Tally.Errors != 0 || len(rs) == 0 {
			recorded.err = errors.Join(recorded.err, fmt.Errorf("recording chains: %+v", a.Tally))
		}
		recorded.n = len(rs)
	})
	if recorded.err != nil {
		t.Fatal(recorded.err)
	}
	return recorded.dir, recorded.n
}

// fixtureDamage is one way a fixture file can be damaged.
type fixtureDamage struct {
	name string
	// damage changes the file at path, whose lines (each with its "\n")
	// are lines.
	damage func(t *testing.T, path string, lines []string)
	// line is the line the error must name: 0 for none, -1 for the last;
	// problem is what it must say.
	line    int
	problem string
	// damaged says whether the error wraps fixture.ErrDamaged; verify
	// whether syllobench fixtures verify must report it.
	damaged, verify bool
	// replayLoad says that in replay mode run.Load, which reads the
	// model's recorded scorecard for its settings, reports the damage at
	// once, naming the path and saying the problem, before any question.
	replayLoad bool
	// recordOpen says that in record mode run.Open, whose fixture store
	// makes sure it can write before the first request, fails, naming
	// the file.
	recordOpen bool
}

func write(t *testing.T, path string, data string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

var fixtureDamages = []fixtureDamage{
	{name: "truncated", line: -1, problem: "truncated line", damaged: true, verify: true,
		damage: func(t *testing.T, path string, l []string) {
			all := strings.Join(l, "")
			write(t, path, all[:len(all)-len(l[len(l)-1])/2]) // half the last entry
		}},
	{name: "truncated-in-header", line: 1, problem: "truncated line", damaged: true, verify: true,
		damage: func(t *testing.T, path string, l []string) { write(t, path, l[0][:12]) }},
	{name: "empty", line: 1, problem: "empty file", damaged: true, verify: true,
		damage: func(t *testing.T, path string, l []string) { write(t, path, "") }},
	{name: "wrong-version", line: 1, problem: "unknown format version 2", damaged: true, verify: true,
		damage: func(t *testing.T, path string, l []string) {
			l[0] = strings.Replace(l[0], `"syllobench_fixtures":1`, `"syllobench_fixtures":2`, 1)
			write(t, path, strings.Join(l, ""))
		}},
	{name: "version-as-string", line: 1, problem: "bad header", damaged: true, verify: true,
		damage: func(t *testing.T, path string, l []string) {
			l[0] = strings.Replace(l[0], `"syllobench_fixtures":1`, `"syllobench_fixtures":"1"`, 1)
			write(t, path, strings.Join(l, ""))
		}},
	{name: "duplicate-key", line: 4, problem: "duplicate key", damaged: true, verify: true,
		damage: func(t *testing.T, path string, l []string) {
			write(t, path, strings.Join(append(l[:3:3], l[2:]...), ""))
		}},
	{name: "key-mismatch", line: 2, problem: "does not match its request", damaged: true, verify: true,
		damage: func(t *testing.T, path string, l []string) {
			// Another request under the first entry's key.
			edited := strings.Replace(l[1], `"max_tokens":1024}`, `"max_tokens":1025}`, 1)
			if edited == l[1] {
				t.Fatalf("line 2 has no max_tokens to change: %s", l[1])
			}
			l[1] = edited
			write(t, path, strings.Join(l, ""))
		}},
	{name: "other-model", line: 1, problem: `header is for model "ref-belief"`, damaged: true, verify: true,
		damage: func(t *testing.T, path string, l []string) {
			l[0] = strings.Replace(l[0], `"model":"ref-logic"`, `"model":"ref-belief"`, 1)
			write(t, path, strings.Join(l, ""))
		}},
	{name: "nul-bytes", line: 3, problem: "bad JSON", damaged: true, verify: true,
		damage: func(t *testing.T, path string, l []string) {
			l[2] = strings.Repeat("\x00", len(l[2])-1) + "\n"
			write(t, path, strings.Join(l, ""))
		}},
	{name: "crlf", line: 2, problem: "CRLF", damaged: true, verify: true,
		damage: func(t *testing.T, path string, l []string) {
			l[1] = strings.TrimSuffix(l[1], "\n") + "\r\n"
			write(t, path, strings.Join(l, ""))
		}},
	{name: "directory-for-file", problem: "a directory", damaged: true, verify: true,
		damage: func(t *testing.T, path string, l []string) {
			if err := os.Remove(path); err != nil {
				t.Fatal(err)
			}
			if err := os.Mkdir(path, 0o755); err != nil {
				t.Fatal(err)
			}
		}},
	{name: "file-for-model-directory", problem: "not a directory", replayLoad: true, recordOpen: true,
		damage: func(t *testing.T, path string, l []string) {
			dir := filepath.Dir(path)
			if err := os.RemoveAll(dir); err != nil {
				t.Fatal(err)
			}
			write(t, dir, strings.Join(l, ""))
		}},
}

// TestHostileFixtures damages the recorded fixture file of a probe in each
// way, and runs the probe through run.Open and Session.Probe in replay
// mode and in record mode, and syllobench fixtures verify. Every question
// is an error naming the file (and line), never a miss, a right or a
// wrong answer, unless the run cannot even start, with an error that
// names the file (replay reads the model's recorded scorecard first);
// record mode does not write over the damage; verify reports it and
// exits 1.
func TestHostileFixtures(t *testing.T) {
	good, n := recordedFixtures(t)
	for _, d := range fixtureDamages {
		t.Run(d.name, func(t *testing.T) {
			t.Parallel()
			root := t.TempDir()
			copyTree(t, good, root)
			path := filepath.Join(root, "ref-logic", "chains.jsonl")
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			lines := strings.SplitAfter(string(data), "\n")
			lines = lines[:len(lines)-1]
			if d.line < 0 {
				d.line = len(lines)
			}
			d.damage(t, path, lines)
			before := snapshot(t, path)

			where := path
			if d.line > 0 {
				where = fmt.Sprintf("%s:%d: ", path, d.line)
			}
			if d.name == "file-for-model-directory" {
				where = filepath.Dir(path)
			}
			for _, mode := range []string{"replay", "record"} {
				s, err := open(t, map[string]string{
					"SYLLOBENCH_MODEL": "ref-logic", "SYLLOBENCH_MODE": mode, "SYLLOBENCH_FIXTURES": root, "SYLLOBENCH_SIZE": "small",
				}, true)
				if d.replayLoad && mode == "replay" || d.recordOpen && mode == "record" {
					if err == nil {
						s.Close()
						t.Errorf("%s: run.Load and run.Open: no error; want one naming %q and saying %q", mode, where, d.problem)
					} else if !strings.Contains(err.Error(), where) || !strings.Contains(err.Error(), d.problem) {
						t.Errorf("%s: run.Load and run.Open: error %q; want it to name %q and say %q", mode, err, where, d.problem)
					}
					if after := snapshot(t, path); after != before {
						t.Errorf("%s mode changed the damaged file", mode)
					}
					continue
				}
				if err != nil {
					t.Fatal(err)
				}
				p, _ := probes.ByName("chains")
				a, rs, err := s.Probe(t.Context(), p)
				if err != nil {
					t.Fatal(err)
				}
				s.Close()
				if len(rs) != n || a.Tally.Errors != n {
					t.Errorf("%s: %+v over %d questions; want every one an error", mode, a.Tally, len(rs))
				}
				for _, r := range rs {
					var miss *fixture.MissError
					switch {
					case r.Outcome != probes.Error:
						t.Errorf("%s: %s: outcome %s; a damaged file answers nothing", mode, r.ID, r.Outcome)
					case errors.As(r.Err, &miss):
						t.Errorf("%s: %s: a miss (%v); a damaged file is not an empty one", mode, r.ID, r.Err)
					case !strings.Contains(r.Err.Error(), where) || !strings.Contains(r.Err.Error(), d.problem):
						t.Errorf("%s: %s: error %q; want it to name %q and say %q", mode, r.ID, r.Err, where, d.problem)
					case d.damaged && !errors.Is(r.Err, fixture.ErrDamaged):
						t.Errorf("%s: %s: error %v does not wrap fixture.ErrDamaged", mode, r.ID, r.Err)
					}
				}
				if len(a.Infrastructure) == 0 || !strings.Contains(strings.Join(a.Infrastructure, "\n"), where) {
					t.Errorf("%s: the assessment's infrastructure failures %q do not name %s", mode, a.Infrastructure, where)
				}
				if after := snapshot(t, path); after != before {
					t.Errorf("%s mode changed the damaged file", mode)
				}
			}

			if !d.verify {
				return
			}
			res := command(t, root, nil, "fixtures", "verify", root)
			want := path + ": "
			if d.line > 0 {
				want = fmt.Sprintf("%s:%d: ", path, d.line)
			}
			if res.code != 1 || !strings.Contains(res.stdout, want) || !strings.Contains(res.stdout+res.stderr, "fixtures have problems") {
				t.Errorf("syllobench fixtures verify: want exit 1 and a line starting %q:\n%s", want, res)
			}
		})
	}
	t.Run("undamaged", func(t *testing.T) {
		t.Parallel()
		if res := command(t, good, nil, "fixtures", "verify", good); res.code != 0 {
			t.Errorf("syllobench fixtures verify of the undamaged recording:\n%s", res)
		}
	})
}

// snapshot describes the file at path: its contents, or what it is.
func snapshot(t *testing.T, path string) string {
	t.Helper()
	info, err := os.Lstat(path)
	if err != nil {
		return err.Error()
	}
	if info.IsDir() {
		return "directory"
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return err.Error()
	}
	return string(bytes.Clone(data))
}

// TestHostileFixtureUnreadable makes the fixture file unreadable. As root,
// whom file permissions do not stop, it runs syllobench as the user
// nobody instead; where it cannot, it says so and skips.
func TestHostileFixtureUnreadable(t *testing.T) {
	t.Parallel()
	good, n := recordedFixtures(t)
	root := t.TempDir()
	copyTree(t, good, root)
	path := filepath.Join(root, "ref-logic", "chains.jsonl")
	if err := os.Chmod(path, 0); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(path, 0o644) })

	var run func(dir string, vars []string, args ...string) cmdResult
	if _, err := os.ReadFile(path); err != nil {
		// Permissions hold: the test process is stopped like any user.
		s, err := open(t, map[string]string{
			"SYLLOBENCH_MODEL": "ref-logic", "SYLLOBENCH_MODE": "replay", "SYLLOBENCH_FIXTURES": root, "SYLLOBENCH_SIZE": "small",
		}, true)
		if err != nil {
			t.Fatal(err)
		}
		p, _ := probes.ByName("chains")
		a, rs, _ := s.Probe(t.Context(), p)
		s.Close()
		for _, r := range rs {
			if r.Outcome != probes.Error || !strings.Contains(r.Err.Error(), path) || !strings.Contains(r.Err.Error(), "permission denied") {
				t.Errorf("%s: outcome %s, error %v; want an error naming %s", r.ID, r.Outcome, r.Err, path)
			}
		}
		if a.Tally.Errors != n {
			t.Errorf("tally %+v; want every question an error", a.Tally)
		}
		run = func(dir string, vars []string, args ...string) cmdResult { return command(t, dir, vars, args...) }
	} else {
		// Root reads it anyway: run the command as nobody.
		as, why := unprivileged(t)
		if as == nil {
			t.Skipf("file permissions do not stop this process (uid %d) from reading, and the command cannot run as another user: %s", os.Geteuid(), why)
		}
		for _, dir := range []string{filepath.Dir(root), root, filepath.Join(root, "ref-logic"), filepath.Dir(syllobench(t))} {
			if err := os.Chmod(dir, 0o755); err != nil {
				t.Fatal(err)
			}
		}
		t.Logf("running as root, whom permissions do not stop: the command runs as uid %d", unprivilegedUID)
		run = func(dir string, vars []string, args ...string) cmdResult { return commandAs(t, as, dir, vars, args...) }
	}

	res := run(root, nil, "fixtures", "verify", root)
	if res.code != 1 || !strings.Contains(res.stdout, "permission denied") || !strings.Contains(res.stdout, filepath.Join("ref-logic", "chains.jsonl")) {
		t.Errorf("syllobench fixtures verify: want exit 1 naming the unreadable file:\n%s", res)
	}
	out := filepath.Join(root, "out")
	if err := os.Mkdir(out, 0o777); err != nil {
		t.Fatal(err)
	}
	os.Chmod(out, 0o777)
	res = run(root, []string{"SYLLOBENCH_MODEL=ref-logic", "SYLLOBENCH_MODE=replay", "SYLLOBENCH_FIXTURES=" + root},
		"run", "-size", "small", "-probe", "chains", "-out", out)
	if res.code != 1 || !strings.Contains(res.stderr, fmt.Sprintf("%d of %d requests failed", n, n)) {
		t.Errorf("syllobench run in replay mode: want exit 1 with every request failed:\n%s", res)
	}
	if card, err := os.ReadFile(filepath.Join(out, "scorecard.json")); err != nil || !bytes.Contains(card, []byte(path+": permission denied")) {
		t.Errorf("the scorecard (%v) does not name %s as unreadable", err, path)
	}
}
