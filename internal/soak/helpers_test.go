package soak

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/syllobench/syllobench/internal/fixture"
	"github.com/syllobench/syllobench/internal/scorecard"
)

const refModel = "ref-logic"

// TestMain skips the package under -short: these are the project's own
// reliability tests (soak, crash and concurrent-recorder tests), which a user's CI need not pay for.
func TestMain(m *testing.M) {
	flag.Parse()
	if testing.Short() {
		fmt.Println("skipped under -short: the project's reliability tests")
		os.Exit(0)
	}
	code := m.Run()
	if binDir != "" {
		os.RemoveAll(binDir)
	}
	os.Exit(code)
}

var (
	buildOnce sync.Once
	binDir    string // holds the syllobench binary, removed by TestMain
	binPath   string
	buildErr  error
)

// syllobench builds the command once per test binary and returns its
// path.
func syllobench(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		goTool, err := exec.LookPath("go")
		if err != nil {
			buildErr = fmt.Errorf("building syllobench: no go command on PATH: %w", err)
			return
		}
		if binDir, buildErr = os.MkdirTemp("", "syllobench-soak-"); buildErr != nil {
			return
		}
		binPath = filepath.Join(binDir, "syllobench")
		out, err := exec.Command(goTool, "build", "-o", binPath, "github.com/syllobench/syllobench/cmd/syllobench").CombinedOutput()
		if err != nil {
			buildErr = fmt.Errorf("go build ./cmd/syllobench: %v\n%s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return binPath
}

// childEnv is the test's environment without any syllobench or OpenAI
// setting, plus kv: a child sees only what the test gives it.
func childEnv(kv ...string) []string {
	var env []string
	for _, e := range os.Environ() {
		if k, _, _ := strings.Cut(e, "="); strings.HasPrefix(k, "SYLLOBENCH_") || k == "OPENAI_API_KEY" {
			continue
		}
		env = append(env, e)
	}
	return append(env, kv...)
}

// child is a syllobench process that the test started.
type child struct {
	cmd    *exec.Cmd
	out    bytes.Buffer // stdout and stderr
	done   chan struct{}
	err    error     // from Wait, once done is closed
	ended  time.Time // once done is closed
	killed bool
}

// startChild starts the syllobench binary with args and env. The process
// is killed, if it still runs, and waited for when the test ends.
func startChild(t *testing.T, env []string, args ...string) *child {
	t.Helper()
	c := &child{cmd: exec.Command(syllobench(t), args...), done: make(chan struct{})}
	c.cmd.Env = env
	c.cmd.Stdout, c.cmd.Stderr = &c.out, &c.out
	if err := c.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { c.err = c.cmd.Wait(); c.ended = time.Now(); close(c.done) }()
	t.Cleanup(func() {
		select {
		case <-c.done:
		default:
			c.cmd.Process.Kill()
			<-c.done
		}
	})
	return c
}

// kill sends SIGKILL and waits for the process; it reports false when the
// process had already exited by itself.
func (c *child) kill() bool {
	select {
	case <-c.done:
		return false
	default:
	}
	c.killed = c.cmd.Process.Kill() == nil
	<-c.done
	return c.killed
}

// wait waits for the process and fails the test unless it exited 0.
func (c *child) wait(t *testing.T, what string) {
	t.Helper()
	<-c.done
	if c.err != nil {
		t.Fatalf("%s: %v\n%s", what, c.err, c.out.String())
	}
}

// entryLine is the part of a fixture entry that the tests read.
type entryLine struct {
	Key      string `json:"key"`
	Response *struct {
		Text string `json:"text"`
	} `json:"response"`
	Declined *string `json:"declined"`
}

// fixtures is what a model's fixture directory holds: probe → key →
// recorded reply text.
type fixtures map[string]map[string]string

// count returns the number of entries.
func (f fixtures) count() int {
	n := 0
	for _, es := range f {
		n += len(es)
	}
	return n
}

// has reports whether probe's file holds key.
func (f fixtures) has(probe, key string) bool {
	_, ok := f[probe][key]
	return ok
}

// readFixtures reads every fixture file of the model under root,
// checking with fixture.Verify and on its own that each is whole: a
// header, then entries in strictly increasing key order, so that no key
// is stored twice. A missing directory is no fixtures.
func readFixtures(t *testing.T, root, modelName string) fixtures {
	t.Helper()
	if err := fixture.Verify(os.DirFS(root)); err != nil {
		t.Fatalf("fixture.Verify(%s): %v", root, err)
	}
	dir := filepath.Join(root, fixture.Slug(modelName))
	files, err := filepath.Glob(filepath.Join(dir, "*.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(dir); errors.Is(err, fs.ErrNotExist) {
		return fixtures{}
	}
	f := fixtures{}
	for _, file := range files {
		probe := strings.TrimSuffix(filepath.Base(file), ".jsonl")
		es, err := readFixtureFile(file)
		if err != nil {
			t.Fatal(err)
		}
		f[probe] = es
	}
	// The journal of a killed recorder holds what it recorded since its
	// files were last merged; the next run merges it.
	if err := readJournal(filepath.Join(dir, fixture.JournalName), f); err != nil {
		t.Fatal(err)
	}
	return f
}

// readJournal adds the whole lines of a journal, "<probe> <entry>", to f.
// A torn last line, the write a kill cut short, is left out.
func readJournal(file string, f fixtures) error {
	data, err := os.ReadFile(file)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	lines := bytes.Split(data, []byte("\n"))
	for i, l := range lines[:len(lines)-1] {
		probe, rest, ok := bytes.Cut(l, []byte(" "))
		var e entryLine
		if !ok || json.Unmarshal(rest, &e) != nil || e.Key == "" {
			return fmt.Errorf("%s:%d: not a journal line: %.80q", file, i+1, l)
		}
		if f[string(probe)] == nil {
			f[string(probe)] = map[string]string{}
		}
		if _, ok := f[string(probe)][e.Key]; ok {
			continue // the first recorded answer stands
		}
		switch {
		case e.Response != nil:
			f[string(probe)][e.Key] = e.Response.Text
		case e.Declined != nil:
			f[string(probe)][e.Key] = "declined: " + *e.Declined
		}
	}
	return nil
}

func readFixtureFile(file string) (map[string]string, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	es := map[string]string{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<24)
	prev := ""
	for line := 1; sc.Scan(); line++ {
		if line == 1 {
			if !bytes.Contains(sc.Bytes(), []byte(`"syllobench_fixtures":1`)) {
				return nil, fmt.Errorf("%s:1: not a fixture header: %s", file, sc.Bytes())
			}
			continue
		}
		var e entryLine
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
			return nil, fmt.Errorf("%s:%d: %v", file, line, err)
		}
		if _, dup := es[e.Key]; dup {
			return nil, fmt.Errorf("%s:%d: key %s stored twice", file, line, e.Key)
		}
		if e.Key <= prev {
			return nil, fmt.Errorf("%s:%d: key %s after %s: not sorted", file, line, e.Key, prev)
		}
		prev = e.Key
		switch {
		case e.Response != nil:
			es[e.Key] = e.Response.Text
		case e.Declined != nil:
			es[e.Key] = "declined: " + *e.Declined
		default:
			return nil, fmt.Errorf("%s:%d: neither a response nor a refusal", file, line)
		}
	}
	return es, sc.Err()
}

// keysOf returns the fixture keys of a scorecard's items, by probe.
func keysOf(items []scorecard.Item) map[string]map[string]bool {
	keys := map[string]map[string]bool{}
	for _, it := range items {
		if keys[it.Probe] == nil {
			keys[it.Probe] = map[string]bool{}
		}
		keys[it.Probe][it.Key] = true
	}
	return keys
}

// checkStored checks that the fixtures hold exactly the requests of
// items, probe by probe, and for each the reply that the item shows.
func checkStored(t *testing.T, f fixtures, items []scorecard.Item) {
	t.Helper()
	want := keysOf(items)
	var errs []string
	for probe, keys := range want {
		if len(f[probe]) != len(keys) {
			errs = append(errs, fmt.Sprintf("probe %s: %d entries stored, want %d, one per distinct request", probe, len(f[probe]), len(keys)))
		}
	}
	for probe, es := range f {
		for k := range es {
			if !want[probe][k] {
				errs = append(errs, fmt.Sprintf("probe %s: key %s stored but never asked", probe, k))
			}
		}
	}
	for _, it := range items {
		text, ok := f[it.Probe][it.Key]
		switch {
		case !ok:
			errs = append(errs, fmt.Sprintf("item %s/%s: key %s not stored", it.Probe, it.ID, it.Key))
		case it.Outcome != "not-applicable" && text != it.Reply:
			errs = append(errs, fmt.Sprintf("item %s/%s: stored %q, scored %q", it.Probe, it.ID, text, it.Reply))
		}
	}
	if len(errs) > 0 {
		t.Errorf("%d problems with the fixtures, the first:\n%s", len(errs), strings.Join(errs[:min(len(errs), 10)], "\n"))
	}
}

// sameItems checks that got scores every item of want as want does,
// item by item (every field: id, verdict, outcome, reply, key …).
func sameItems(t *testing.T, want, got []scorecard.Item) {
	t.Helper()
	byID := map[string]scorecard.Item{}
	for _, it := range got {
		byID[it.Probe+"/"+it.ID] = it
	}
	if len(byID) != len(got) {
		t.Errorf("%d items, %d distinct", len(got), len(byID))
	}
	var diffs []string
	for _, w := range want {
		g, ok := byID[w.Probe+"/"+w.ID]
		if !ok {
			diffs = append(diffs, fmt.Sprintf("item %s/%s missing", w.Probe, w.ID))
			continue
		}
		delete(byID, w.Probe+"/"+w.ID)
		if d := cmp.Diff(w, g); d != "" {
			diffs = append(diffs, fmt.Sprintf("item %s/%s (-want +got):\n%s", w.Probe, w.ID, d))
		}
	}
	for id := range byID {
		diffs = append(diffs, fmt.Sprintf("item %s not in the reference run", id))
	}
	if len(diffs) > 0 {
		slices.Sort(diffs)
		t.Errorf("%d of %d items differ from the reference run; the first:\n%s", len(diffs), len(want), strings.Join(diffs[:min(len(diffs), 5)], "\n"))
	}
}

// noErrors checks that no item is an infrastructure error.
func noErrors(t *testing.T, items []scorecard.Item) {
	t.Helper()
	var errs []string
	for _, it := range items {
		if it.Outcome == "error" {
			errs = append(errs, fmt.Sprintf("%s/%s: %s", it.Probe, it.ID, it.Error))
		}
	}
	if len(errs) > 0 {
		t.Errorf("%d items failed, the first:\n%s", len(errs), strings.Join(errs[:min(len(errs), 5)], "\n"))
	}
}
