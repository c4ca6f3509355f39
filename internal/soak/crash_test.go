//go:build unix

package soak

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/syllobench/syllobench/internal/fixture"
	"github.com/syllobench/syllobench/internal/model"
	"github.com/syllobench/syllobench/internal/refmodel"
	"github.com/syllobench/syllobench/internal/scorecard"
	"github.com/syllobench/syllobench/probes"
)

// keyLog serves the reference reasoners and notes the fixture key of
// every chat completion request it receives, by phase of the test; it
// signals when the current phase has received its trigger-th request.
type keyLog struct {
	next http.Handler

	mu      sync.Mutex
	phase   int
	asked   []map[string]int // by phase: key → requests
	n       int              // requests in the current phase
	trigger int              // 0: none
	fire    chan struct{}    // closed at the trigger-th request
	errs    []error
}

// newPhase starts a phase whose trigger-th request (0: none) closes the
// channel returned.
func (l *keyLog) newPhase(trigger int) <-chan struct{} {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.phase = len(l.asked)
	l.asked = append(l.asked, map[string]int{})
	l.n, l.trigger, l.fire = 0, trigger, make(chan struct{})
	return l.fire
}

// keys returns the distinct keys asked in a phase.
func (l *keyLog) keys(phase int) map[string]int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return maps.Clone(l.asked[phase])
}

func (l *keyLog) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == refmodel.PathChatCompletions && r.Method == http.MethodPost {
		body, err := io.ReadAll(r.Body)
		r.Body = io.NopCloser(bytes.NewReader(body))
		key := ""
		if err == nil {
			key, err = wireKey(body)
		}
		l.mu.Lock()
		if err != nil {
			l.errs = append(l.errs, err)
		} else {
			l.asked[l.phase][key]++
		}
		if l.n++; l.n == l.trigger {
			close(l.fire)
		}
		l.mu.Unlock()
	}
	l.next.ServeHTTP(w, r)
}

// wireKey returns the fixture key of a chat completion request as it
// arrived: the key of the model.Request that the client sent.
func wireKey(body []byte) (string, error) {
	var req struct {
		Model       string          `json:"model"`
		Messages    []model.Message `json:"messages"`
		Temperature *float64        `json:"temperature"`
		Seed        *int64          `json:"seed"`
		MaxTokens   *int            `json:"max_tokens"`
	}
	if err := json.Unmarshal(body, &req); err != nil {
		return "", err
	}
	if req.Temperature == nil || req.Seed == nil || req.MaxTokens == nil {
		return "", fmt.Errorf("a request without temperature, seed or max_tokens: %s", body)
	}
	return fixture.Key(model.Request{Model: req.Model, Messages: req.Messages,
		Temperature: *req.Temperature, Seed: *req.Seed, MaxTokens: *req.MaxTokens})
}

// crashConcurrency is SYLLOBENCH_CONCURRENCY of the runs: every probe
// keeps that many requests going, so that a kill can lose at most
// len(probes.All())*crashConcurrency answers, the requests in flight.
const crashConcurrency = 4

// TestCrashResume kills a record run of syllobench three times with
// SIGKILL at seeded points, then lets it finish: the fixtures stay whole
// with no key twice, a kill loses at most the requests in flight, a rerun
// asks only for what is missing, and the final scorecard is that of an
// uninterrupted run, item by item.
func TestCrashResume(t *testing.T) {
	if testing.Short() {
		t.Skip("runs syllobench five times; skipped in -short")
	}
	// The test's own server, so that it sees every request; 5ms of
	// latency keeps requests in flight when the kill lands.
	log := &keyLog{next: refmodel.NewHandler(refmodel.All(), refmodel.WithFaults(refmodel.Faults{Latency: 5 * time.Millisecond}))}
	srv := httptest.NewServer(log)
	t.Cleanup(srv.Close)
	env := func(fixtures string) []string {
		return childEnv("SYLLOBENCH_BASE_URL="+srv.URL+"/v1", "SYLLOBENCH_MODE=record", "SYLLOBENCH_FIXTURES="+fixtures,
			"SYLLOBENCH_CONCURRENCY="+strconv.Itoa(crashConcurrency))
	}
	args := func(out string) []string { return []string{"run", "-model", refModel, "-size", "small", "-out", out} }

	// The uninterrupted run.
	refDir, refOut := t.TempDir(), t.TempDir()
	log.newPhase(0)
	start := time.Now()
	startChild(t, env(refDir), args(refOut)...).wait(t, "the uninterrupted run")
	t.Logf("the uninterrupted run took %v", time.Since(start).Round(time.Millisecond))
	want := readScorecard(t, refOut)
	noErrors(t, want.Items)
	ref := readFixtures(t, refDir, refModel)
	checkStored(t, ref, want.Items)
	// A request may be asked by several probes, and is stored in the file
	// of each: the probes that need it.
	needs := map[string][]string{}
	for probe, keys := range keysOf(want.Items) {
		for k := range keys {
			needs[k] = append(needs[k], probe)
		}
	}
	if asked := log.keys(0); !maps.Equal(boolSet(asked), boolSet(needs)) {
		t.Fatalf("the uninterrupted run asked %d distinct requests, its items have %d", len(asked), len(needs))
	}
	// complete reports whether every probe that needs key has it in f.
	complete := func(f fixtures, key string) bool {
		for _, probe := range needs[key] {
			if !f.has(probe, key) {
				return false
			}
		}
		return true
	}
	missingIn := func(f fixtures) map[string]bool {
		m := map[string]bool{}
		for k := range needs {
			if !complete(f, k) {
				m[k] = true
			}
		}
		return m
	}
	// stored reports whether f holds key for any probe.
	storedIn := func(f fixtures, key string) bool {
		for _, probe := range needs[key] {
			if f.has(probe, key) {
				return true
			}
		}
		return false
	}

	dir, out := t.TempDir(), t.TempDir()
	rng := rand.New(rand.NewPCG(8, 2024))
	stored := fixtures{}
	maxLost := len(probes.All()) * crashConcurrency
	for kill := 1; kill <= 4; kill++ {
		missing := missingIn(stored)
		trigger := 0
		if kill <= 3 {
			// Kill between a fifth and three fifths of the way through
			// what is missing.
			trigger = len(missing)/5 + rng.IntN(len(missing)*2/5+1)
		}
		fire := log.newPhase(trigger)
		c := startChild(t, env(dir), args(out)...)
		if trigger > 0 {
			select {
			case <-fire:
			case <-c.done:
			}
			if !c.kill() {
				t.Fatalf("kill %d: the run ended before its %d-th request, on its own: %v\n%s", kill, trigger, c.err, c.out.String())
			}
		} else {
			c.wait(t, "the run after the kills")
		}
		asked := log.keys(kill)
		now := readFixtures(t, dir, refModel) // whole files, no key twice
		var again, lost []string
		for k := range asked {
			if complete(stored, k) {
				again = append(again, k)
			}
			if !storedIn(now, k) {
				lost = append(lost, k)
			}
		}
		how := "finished"
		if trigger > 0 {
			how = fmt.Sprintf("killed at request %d", trigger)
		}
		t.Logf("run %d (%s): %d requests missing before, %d asked (%d distinct), %d missing after; %d asked and stored nowhere",
			kill, how, len(missing), sum(asked), len(asked), len(missingIn(now)), len(lost))
		if len(again) > 0 {
			t.Errorf("run %d asked again for %d requests already stored, e.g. %s", kill, len(again), again[0])
		}
		if len(lost) > maxLost {
			t.Errorf("run %d: %d requests asked for were stored nowhere: a kill may lose only the requests in flight, "+
				"at most one per worker, %d", kill, len(lost), maxLost)
		}
		for probe, es := range stored {
			for k := range es {
				if !now.has(probe, k) {
					t.Errorf("run %d lost the entry %s of %s, stored before it", kill, k, probe)
				}
			}
		}
		if kill == 4 && !maps.Equal(boolSet(asked), missing) {
			t.Errorf("the last run asked for %d requests, want exactly the %d missing", len(asked), len(missing))
		}
		stored = now
	}

	// Finished: what an uninterrupted run gives.
	got := readScorecard(t, out)
	noErrors(t, got.Items)
	sameItems(t, want.Items, got.Items)
	checkStored(t, stored, got.Items)
	if stored.count() != ref.count() {
		t.Errorf("%d entries stored, want %d as in the uninterrupted run", stored.count(), ref.count())
	}
	if out, err := exec.Command(syllobench(t), "fixtures", "verify", dir).CombinedOutput(); err != nil {
		t.Errorf("syllobench fixtures verify %s: %v\n%s", dir, err, out)
	}
	// A killed writer may leave its temporary file; the next write of
	// that probe removes it, and nothing reads it.
	temps, _ := filepath.Glob(filepath.Join(dir, refModel, ".*.tmp*"))
	t.Logf("%d temporary files of killed writers left", len(temps))
	log.mu.Lock()
	defer log.mu.Unlock()
	if len(log.errs) > 0 {
		t.Errorf("the server could not read %d requests: %v", len(log.errs), log.errs[0])
	}
}

// boolSet returns the keys of m as a set.
func boolSet[V any](m map[string]V) map[string]bool {
	s := make(map[string]bool, len(m))
	for k := range m {
		s[k] = true
	}
	return s
}

func sum(m map[string]int) int {
	n := 0
	for _, v := range slices.Collect(maps.Values(m)) {
		n += v
	}
	return n
}

func readScorecard(t *testing.T, dir string) *scorecard.Scorecard {
	t.Helper()
	sc, err := scorecard.ReadFile(filepath.Join(dir, "scorecard.json"))
	if err != nil {
		t.Fatal(err)
	}
	return sc
}
