package hostile

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/syllobench/syllobench/internal/fixture"
	"github.com/syllobench/syllobench/internal/model"
	"github.com/syllobench/syllobench/internal/refmodel"
	"github.com/syllobench/syllobench/internal/scorecard"
	"github.com/syllobench/syllobench/probes"
)

// slowServer serves the reference reasoners after a delay, and notes when
// it finished each response, by fixture key. Its first stalled requests
// take far longer, so that requests are in flight when a run is
// interrupted. Only chat completions are delayed and counted: the list
// of models that run.Open checks first (GET /models) is served at once.
type slowServer struct {
	*httptest.Server
	requests atomic.Int64

	mu       sync.Mutex
	finished map[string]time.Time // fixture key → when its response was written
}

func newSlowServer(t *testing.T, delay time.Duration, stalled int, stall time.Duration) *slowServer {
	t.Helper()
	ref := refmodel.NewHandler(refmodel.All())
	s := &slowServer{finished: map[string]time.Time{}}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost {
			ref.ServeHTTP(w, r)
			return
		}
		wait := delay
		if s.requests.Add(1) <= int64(stalled) {
			wait = stall
		}
		body, err := io.ReadAll(r.Body)
		if err != nil {
			return
		}
		var req model.Request
		if err := json.Unmarshal(body, &req); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		key, _ := fixture.Key(req)
		select {
		case <-time.After(wait):
		case <-r.Context().Done():
			return // the client gave up
		}
		r.Body = io.NopCloser(bytes.NewReader(body))
		ref.ServeHTTP(w, r)
		if f, ok := w.(http.Flusher); ok {
			f.Flush()
		}
		s.mu.Lock()
		s.finished[key] = time.Now()
		s.mu.Unlock()
	}))
	t.Cleanup(s.Close)
	return s
}

// finishedBefore returns the keys of the responses written before t.
func (s *slowServer) finishedBefore(t time.Time) []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var keys []string
	for k, at := range s.finished {
		if at.Before(t) {
			keys = append(keys, k)
		}
	}
	return keys
}

var (
	interruptedRE = regexp.MustCompile(`interrupted after (\d+) of (\d+) items`)
	completedRE   = regexp.MustCompile(`(\d+)/(\d+) items in`)
)

// TestHostileInterrupt sends SIGINT to syllobench run while it records
// from a slow server, with requests in flight that the server would keep
// waiting for 20 s. The command stops within two seconds, exits 1
// saying how far it got, and keeps every answer it received in the
// fixture store, which verifies; a replay serves exactly those, asking
// no one, and (without -short) a rerun in record mode asks only for the
// rest.
func TestHostileInterrupt(t *testing.T) {
	t.Parallel()
	const (
		delay   = 100 * time.Millisecond
		limit   = 2 * time.Second
		answers = 8                      // responses to wait for before the signal
		settle  = 500 * time.Millisecond // and the time they are given to be recorded
	)
	// Two requests stall for 20 s: abandoned at once, they cost nothing;
	// waited for, they hold the run well past the limit.
	srv := newSlowServer(t, delay, 2, 20*time.Second)
	work, fixtures := t.TempDir(), t.TempDir()
	out := filepath.Join(work, "out")
	vars := []string{"SYLLOBENCH_BASE_URL=" + srv.URL + "/v1", "SYLLOBENCH_MODEL=ref-logic", "SYLLOBENCH_MODE=record",
		"SYLLOBENCH_FIXTURES=" + fixtures, "SYLLOBENCH_CONCURRENCY=4"}
	// About 70 questions, 4 at a time (2 while the stalled ones last): 20 s
	// uninterrupted.
	selected := []string{"chains", "consistency", "instantiation"}
	args := []string{"run", "-size", "small", "-probe", strings.Join(selected, ","), "-out", out}
	cfg := probes.DefaultConfig()
	cfg.Size = probes.Small
	questions := 0
	for _, name := range selected {
		p, _ := probes.ByName(name)
		cases, err := p.Cases(cfg)
		if err != nil {
			t.Fatal(err)
		}
		questions += len(cases)
	}

	cmd := exec.Command(syllobench(t), args...)
	cmd.Dir, cmd.Env = work, cleanEnviron(vars...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	t.Cleanup(func() {
		// A child that outlives the test is killed, by its own id.
		select {
		case <-exited:
		default:
			cmd.Process.Kill()
			<-exited
		}
	})

	deadline := time.Now().Add(30 * time.Second)
	for len(srv.finishedBefore(time.Now())) < answers {
		select {
		case err := <-exited:
			exited <- err
			t.Fatalf("syllobench run ended (%v) before %d answers:\n%s\n%s", err, answers, stdout.String(), stderr.String())
		case <-time.After(10 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			t.Fatalf("no %d answers within 30 s", answers)
		}
	}
	// Those answers reach the client and the fixtures well before the
	// signal; more are on their way, and two requests are stalled.
	time.Sleep(settle)
	signalled := time.Now()
	if err := cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	var err error
	select {
	case err = <-exited:
	case <-time.After(10 * time.Second):
		cmd.Process.Kill()
		err = <-exited
		t.Errorf("syllobench run still ran 10 s after SIGINT; killed")
	}
	took := time.Since(signalled)
	exited <- err // for the cleanup
	t.Logf("stopped %v after SIGINT, with %d requests made", took.Round(time.Millisecond), srv.requests.Load())
	if took > limit {
		t.Errorf("syllobench run took %v to stop after SIGINT, more than %v", took.Round(time.Millisecond), limit)
	}
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 1 {
		t.Errorf("exit %v after SIGINT, want status 1", err)
	}
	m := interruptedRE.FindStringSubmatch(stderr.String())
	if m == nil {
		t.Fatalf("stderr does not say how far the run got:\n%s", tail(stderr.String()))
	}
	got, _ := strconv.Atoi(m[1])
	total, _ := strconv.Atoi(m[2])
	if total != questions || got < answers || got >= total {
		t.Errorf("%q: want at least %d of %d items", m[0], answers, questions)
	}
	// The progress's last line says so too, never "N/N items" as if the
	// run had completed.
	if !strings.Contains(stderr.String(), "ref-logic: interrupted after ") {
		t.Errorf("the progress's last line does not say the run was interrupted:\n%s", tail(stderr.String()))
	}
	for _, line := range strings.Split(stderr.String(), "\n") {
		if m := completedRE.FindStringSubmatch(line); m != nil && m[1] == m[2] {
			t.Errorf("after SIGINT the progress reads as if the run completed: %q", line)
		}
	}

	// Every answer received is in the fixtures, and nothing else; and
	// every response the server wrote well before the signal was
	// received.
	verifyFixtures(t, fixtures)
	stored := fixtureEntries(t, fixtures)
	sc, err := scorecard.ReadFile(filepath.Join(out, "scorecard.json"))
	if err != nil {
		t.Fatalf("the interrupted run's scorecard: %v", err)
	}
	answered := map[string]bool{}
	n := 0
	for _, it := range sc.Items {
		if it.Outcome != "error" {
			answered[it.Key] = true
			n++
		}
	}
	if n != got {
		t.Errorf("the scorecard has %d answers, the message says %d", n, got)
	}
	for k := range answered {
		if stored[k] == 0 {
			t.Errorf("answer %s is not in the fixtures", k)
		}
	}
	for k := range stored {
		if !answered[k] {
			t.Errorf("fixture %s is not an answer of the run", k)
		}
	}
	for _, k := range srv.finishedBefore(signalled.Add(-settle)) {
		if stored[k] == 0 {
			t.Errorf("the response %s, written %v before the signal, was not kept", k, settle)
		}
	}
	t.Logf("%s; %d fixtures kept", m[0], len(stored))

	// A replay serves exactly what was kept, and asks no one.
	before := srv.requests.Load()
	s, err := open(t, map[string]string{"SYLLOBENCH_BASE_URL": srv.URL + "/v1", "SYLLOBENCH_MODEL": "ref-logic",
		"SYLLOBENCH_MODE": "replay", "SYLLOBENCH_FIXTURES": fixtures, "SYLLOBENCH_SIZE": "small"}, true)
	if err != nil {
		t.Fatal(err)
	}
	replayed, keys := 0, map[string]bool{}
	for _, name := range selected {
		p, _ := probes.ByName(name)
		_, rs, err := s.Probe(t.Context(), p)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rs {
			keys[r.Key] = true
			var miss *fixture.MissError
			switch {
			case stored[r.Key] > 0 && r.Outcome == probes.Correct:
				replayed++
			case stored[r.Key] == 0 && errors.As(r.Err, &miss):
			default:
				t.Errorf("replay of %s (kept: %v): outcome %s, error %v", r.ID, stored[r.Key] > 0, r.Outcome, r.Err)
			}
		}
	}
	s.Close()
	if replayed != n || srv.requests.Load() != before {
		t.Errorf("replay answered %d questions with %d requests; want the %d kept, with none", replayed, srv.requests.Load()-before, n)
	}

	if testing.Short() {
		return
	}
	// A rerun asks only for the rest.
	res := command(t, work, vars, args...)
	if res.code != 0 {
		t.Fatalf("the rerun:\n%s", res)
	}
	if asked := srv.requests.Load() - before; int(asked) != len(keys)-len(stored) {
		t.Errorf("the rerun made %d requests; want %d, one for each question not kept", asked, len(keys)-len(stored))
	}
	if final := fixtureEntries(t, fixtures); len(final) != len(keys) {
		t.Errorf("after the rerun %d fixtures, want %d", len(final), len(keys))
	}
	verifyFixtures(t, fixtures)
}
