package soak

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/syllobench/syllobench/internal/fixture"
	"github.com/syllobench/syllobench/internal/model"
	"github.com/syllobench/syllobench/internal/refmodel"
	"github.com/syllobench/syllobench/internal/run"
	"github.com/syllobench/syllobench/internal/scorecard"
	"github.com/syllobench/syllobench/probes"
)

// soakFaults are the faults of the soak: 30% of the requests fail or
// stall. The stall rate is kept at 2%: a stall holds a request slot for 2
// seconds, and about 35 of them over 16 slots add some 4 seconds.
var soakFaults = refmodel.Faults{
	Rate429:      0.07, // with Retry-After: 1 (and retry-after-ms: 1000)
	Rate5xx:      0.07, // 500 or 503
	RateTruncate: 0.07, // the body cut in half
	RateReset:    0.07, // the connection reset (RST) or closed (FIN), no response
	RateStall:    0.02, // answered after 2 seconds
	RetryAfter:   time.Second,
	Stall:        2 * time.Second,
	Seed:         20240607,
}

// soakConfig is the client of the soak. The per-attempt timeout is well
// above the stall, so that a stall is waited out and never retried. The
// budget of 15 retries fails a request only after 16 failures in a row,
// a chance of 0.28^16 ≈ 1e-9 each; the backoff is small, to keep the test
// short, and a 429 waits its Retry-After of 1 second.
func soakConfig(url string) model.Config {
	cfg := model.DefaultConfig()
	cfg.BaseURL, cfg.Model = url, refModel
	cfg.Concurrency = 16
	cfg.Timeout = 10 * time.Second
	cfg.Retries = 15
	cfg.BaseDelay = 5 * time.Millisecond
	cfg.MaxDelay = 100 * time.Millisecond
	return cfg
}

// runBattery asks every probe of the battery at the default size through
// m, all probes at once as syllobench run does, and returns the scorecard.
// The session is run.NewSession's around modelFor, with no breaker: every
// request reaches the server, however many fail in a row.
func runBattery(t *testing.T, cfg model.Config, modelFor func(string) model.Model) *scorecard.Scorecard {
	t.Helper()
	settings := run.Settings{Battery: probes.DefaultConfig(), Model: cfg}
	if settings.Battery.Size != probes.Default {
		t.Fatalf("size %s, want default", settings.Battery.Size)
	}
	ctx, cancel := context.WithTimeout(t.Context(), 2*time.Minute)
	defer cancel()
	s := run.NewSession(ctx, settings, modelFor)
	defer s.Close()
	var wg sync.WaitGroup
	for _, p := range probes.All() {
		wg.Go(func() {
			if _, _, err := s.Probe(ctx, p); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if err := s.Stopped(); err != nil {
		t.Errorf("the run stopped: %v", err)
	}
	return s.Scorecard()
}

func newClient(t *testing.T, cfg model.Config) *model.Client {
	t.Helper()
	c, err := model.NewClient(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// settled returns the stats of e once every request received has been
// counted: a client can see its connection dropped before the handler
// that dropped it has counted the drop.
func settled(e *refmodel.Embedded) refmodel.Stats {
	deadline := time.Now().Add(5 * time.Second)
	for {
		s := e.Stats()
		counted := s.OK + s.Refused + s.Failed + s.Canceled + s.Fault429 + s.Fault500 + s.Fault503 + s.Reset
		if counted == s.Requests || time.Now().After(deadline) {
			return s
		}
		time.Sleep(time.Millisecond)
	}
}

func startServer(t *testing.T, opts ...refmodel.ServerOption) *refmodel.Embedded {
	t.Helper()
	e, err := refmodel.Start(refmodel.All(), opts...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := e.Close(); err != nil {
			t.Errorf("closing the server: %v", err)
		}
	})
	return e
}

// TestFaultSoak: the battery at the default size, in record mode through
// the real client and fixture store, against the embedded server failing
// 30% of its requests, answers every item exactly once and scores every
// item as a run without faults does.
func TestFaultSoak(t *testing.T) {
	if testing.Short() {
		t.Skip("a soak of about 10 seconds; skipped in -short")
	}
	// The reference: no faults, live, nothing stored.
	clean := startServer(t)
	cleanClient := newClient(t, soakConfig(clean.URL()))
	want := runBattery(t, cleanClient.Config(), func(string) model.Model { return cleanClient })
	if n := len(want.Items); n < 1000 {
		t.Fatalf("the default battery has %d items, want over 1,000 (1,218 when this test was written)", n)
	}
	noErrors(t, want.Items)

	// The soak.
	start := time.Now()
	faulty := startServer(t, refmodel.WithFaults(soakFaults))
	client := newClient(t, soakConfig(faulty.URL()))
	dir := t.TempDir()
	store, err := fixture.Open(dir, refModel, fixture.Record, client)
	if err != nil {
		t.Fatal(err)
	}
	got := runBattery(t, client.Config(), store.For)
	if err := store.Close(); err != nil {
		t.Fatal(err)
	}
	elapsed := time.Since(start)
	ss, cs := settled(faulty), client.Stats()
	t.Logf("soak of %d items in %v: the client made %d requests with %d retries and %d failures; "+
		"the server saw %d requests: %d answered (%d of them truncated, %d stalled 2s), %d 429s, %d 500s, %d 503s, %d dropped connections",
		len(got.Items), elapsed.Round(time.Millisecond), cs.Requests, cs.Retries, cs.Failures,
		ss.Requests, ss.OK, ss.Truncated, ss.Stalled, ss.Fault429, ss.Fault500, ss.Fault503, ss.Reset)

	// Every item answered, and answered as without faults.
	noErrors(t, got.Items)
	sameItems(t, want.Items, got.Items)

	// Exactly once: one entry per distinct request, each key once, the
	// reply the item was scored on.
	f := readFixtures(t, dir, refModel)
	checkStored(t, f, got.Items)
	distinct := 0
	for _, keys := range keysOf(got.Items) {
		distinct += len(keys)
	}
	if f.count() != distinct {
		t.Errorf("%d entries stored, want %d: one per distinct request", f.count(), distinct)
	}

	// The accounting. Every fault was injected, and each kind happened.
	if ss.Fault429 == 0 || ss.Fault500 == 0 || ss.Fault503 == 0 || ss.Truncated == 0 || ss.Reset == 0 || ss.Stalled == 0 {
		t.Errorf("server %+v: want faults of every kind", ss)
	}
	if frac := float64(ss.Faults()+ss.Stalled) / float64(ss.Requests); frac < 0.25 || frac > 0.35 {
		t.Errorf("%.3f of the requests were faulty, want about 0.3", frac)
	}
	// The client was asked once per miss of the store: at least once per
	// distinct request, at most once per item (items of a probe that share
	// a request, asked at once, may both miss).
	if cs.Failures != 0 || cs.Requests < int64(distinct) || cs.Requests > int64(len(got.Items)) {
		t.Errorf("client %v: want no failure, and between %d and %d requests", cs, distinct, len(got.Items))
	}
	// Each request got exactly one whole answer, after one retry per
	// injected failure and no other: no stall outlasted the timeout.
	if whole := ss.OK - ss.Truncated; whole != uint64(cs.Requests) || uint64(cs.Retries) != ss.Faults() || ss.Canceled != 0 {
		t.Errorf("server %+v, client %v: want %d whole answers and %d retries, one per injected failure",
			ss, cs, cs.Requests, ss.Faults())
	}
}
