package refmodel

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/syllobench/syllobench/internal/model"
)

// TestFaultsClientCompletes is the reliability test of the issue: under a
// 30% fault rate the real client completes every request through retries.
func TestFaultsClientCompletes(t *testing.T) {
	e := start(t, WithFaults(Faults{
		Rate429: 0.1, Rate5xx: 0.1, RateTruncate: 0.1,
		RetryAfter: 20 * time.Millisecond, Latency: time.Millisecond, Seed: 1,
	}))
	c := newClient(t, e, func(cfg *model.Config) {
		cfg.Concurrency = 16
		cfg.Retries = 12
		cfg.BaseDelay = time.Millisecond
		cfg.MaxDelay = 20 * time.Millisecond
	})
	const n = 200
	var wg sync.WaitGroup
	errs := make([]error, n)
	for i := range n {
		wg.Go(func() {
			prompt := fmt.Sprintf("Item %d: is it valid?", i)
			resp, err := c.Complete(context.Background(), c.Config().NewRequest(model.Message{Role: "user", Content: prompt}))
			if err == nil && resp.Text != echoText(prompt) {
				err = fmt.Errorf("got %q, want %q", resp.Text, echoText(prompt))
			}
			errs[i] = err
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		t.Fatal(err)
	}
	s := e.Stats()
	cs := c.Stats()
	t.Logf("handler: %+v; client: %+v", s, cs)
	if s.Fault429 == 0 || s.Fault500+s.Fault503 == 0 || s.Truncated == 0 {
		t.Errorf("Stats = %+v: want faults of every kind", s)
	}
	if s.OK != n+s.Truncated || s.Requests != n+s.Faults() {
		t.Errorf("Stats = %+v: want %d OK answers besides the truncated ones, and a request per answer or fault", s, n)
	}
	if frac := float64(s.Faults()) / float64(s.Requests); frac < 0.2 || frac > 0.4 {
		t.Errorf("fault fraction %.2f, want about 0.3", frac)
	}
}

// TestFaultsClientDropsAndStalls: the client retries dropped connections,
// waits out stalls shorter than its timeout, and retries exactly once per
// injected failure.
func TestFaultsClientDropsAndStalls(t *testing.T) {
	e := start(t, WithFaults(Faults{
		Rate429: 0.05, Rate5xx: 0.05, RateTruncate: 0.05, RateReset: 0.15, RateStall: 0.05,
		RetryAfter: 10 * time.Millisecond, Stall: 50 * time.Millisecond, Seed: 2,
	}))
	c := newClient(t, e, func(cfg *model.Config) {
		cfg.Concurrency = 16
		cfg.Retries = 12
		cfg.BaseDelay = time.Millisecond
		cfg.MaxDelay = 20 * time.Millisecond
	})
	const n = 200
	var wg sync.WaitGroup
	errs := make([]error, n)
	for i := range n {
		wg.Go(func() {
			prompt := fmt.Sprintf("Item %d: does it follow?", i)
			resp, err := c.Complete(context.Background(), c.Config().NewRequest(model.Message{Role: "user", Content: prompt}))
			if err == nil && resp.Text != echoText(prompt) {
				err = fmt.Errorf("got %q, want %q", resp.Text, echoText(prompt))
			}
			errs[i] = err
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		t.Fatal(err)
	}
	s, cs := settled(t, e), c.Stats()
	t.Logf("handler: %+v; client: %+v", s, cs)
	if s.Reset == 0 || s.Stalled == 0 {
		t.Errorf("Stats = %+v: want resets and stalls", s)
	}
	if s.OK != n+s.Truncated || s.Requests != n+s.Faults() || uint64(cs.Retries) != s.Faults() || cs.Failures != 0 {
		t.Errorf("handler %+v, client %+v: want %d whole answers, and a retry for each injected failure", s, cs, n)
	}
}

// settled returns the stats of e once every request received has been
// counted: a client can see its connection dropped before the handler
// that dropped it has counted the drop.
func settled(t *testing.T, e *Embedded) Stats {
	t.Helper()
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

func TestFaultsRaw(t *testing.T) {
	body := `{"model":"ref-echo","messages":[{"role":"user","content":"Are all A B?"}]}`
	do := func(t *testing.T, e *Embedded, body string) (*http.Response, []byte, error) {
		resp, err := http.Post(e.URL()+"/chat/completions", "application/json", strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		return resp, b, err
	}

	t.Run("429", func(t *testing.T) {
		e := start(t, WithFaults(Faults{Rate429: 1, RetryAfter: 1500 * time.Millisecond}))
		resp, b, err := do(t, e, body)
		if err != nil || resp.StatusCode != 429 || resp.Header.Get("Retry-After") != "2" || resp.Header.Get("Retry-After-Ms") != "1500" ||
			!strings.Contains(string(b), `"code":"rate_limit_exceeded"`) {
			t.Errorf("got %d %v %s %v; want 429 with Retry-After 2 and Retry-After-Ms 1500", resp.StatusCode, resp.Header, b, err)
		}
		// The models are never failed.
		if r, err := http.Get(e.URL() + "/models"); err != nil || r.StatusCode != 200 {
			t.Errorf("GET /models: %v %v", r, err)
		} else {
			r.Body.Close()
		}
	})
	t.Run("5xx", func(t *testing.T) {
		e := start(t, WithFaults(Faults{Rate5xx: 1, Seed: 3}))
		seen := map[int]int{}
		for range 40 {
			resp, b, err := do(t, e, body)
			if err != nil || !strings.Contains(string(b), `"type":"server_error"`) {
				t.Fatalf("got %d %s %v", resp.StatusCode, b, err)
			}
			seen[resp.StatusCode]++
		}
		if len(seen) != 2 || seen[500] == 0 || seen[503] == 0 {
			t.Errorf("statuses %v, want 500s and 503s", seen)
		}
		if s := e.Stats(); s.Fault500 != uint64(seen[500]) || s.Fault503 != uint64(seen[503]) || s.OK != 0 {
			t.Errorf("Stats = %+v, statuses %v", s, seen)
		}
	})
	t.Run("truncate", func(t *testing.T) {
		e := start(t, WithFaults(Faults{RateTruncate: 1}))
		resp, b, err := do(t, e, body)
		if resp.StatusCode != 200 || !errors.Is(err, io.ErrUnexpectedEOF) || len(b) == 0 || int64(len(b)) >= resp.ContentLength {
			t.Errorf("got %d, %d of %d bytes, error %v; want 200 and a body cut short by an unexpected EOF", resp.StatusCode, len(b), resp.ContentLength, err)
		}
	})
	t.Run("truncate stream", func(t *testing.T) {
		e := start(t, WithFaults(Faults{RateTruncate: 1}))
		resp, err := http.Post(e.URL()+"/chat/completions", "application/json",
			strings.NewReader(strings.Replace(body, "{", `{"stream":true,`, 1)))
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		events, done, err := readSSE(resp.Body)
		if done || err == nil || len(events) == 0 {
			t.Errorf("%d events, [DONE] %v, error %v; want some events, no [DONE] and an error", len(events), done, err)
		}
		if s := e.Stats(); s.Truncated != 1 {
			t.Errorf("Stats = %+v, want 1 truncated", s)
		}
	})
	t.Run("reset", func(t *testing.T) {
		e := start(t, WithFaults(Faults{RateReset: 1, Seed: 5}))
		seen := map[string]int{}
		for range 20 {
			resp, err := http.Post(e.URL()+"/chat/completions", "application/json", strings.NewReader(body))
			if err == nil {
				resp.Body.Close()
				t.Fatalf("got %d, want no response", resp.StatusCode)
			}
			switch {
			case errors.Is(err, syscall.ECONNRESET):
				seen["reset"]++
			case errors.Is(err, io.EOF):
				seen["close"]++
			default:
				t.Fatalf("got %v, want a reset connection or an EOF", err)
			}
		}
		if seen["reset"] == 0 || seen["close"] == 0 {
			t.Errorf("errors %v, want resets and closes", seen)
		}
		if s := settled(t, e); s.Reset != 20 || s.Requests != 20 || s.Faults() != 20 || s.OK+s.Canceled != 0 {
			t.Errorf("Stats = %+v, want 20 resets and nothing else", s)
		}
		// The server still serves.
		if r, err := http.Get(e.URL() + "/models"); err != nil || r.StatusCode != 200 {
			t.Errorf("GET /models after resets: %v %v", r, err)
		} else {
			r.Body.Close()
		}
	})
	t.Run("reset stream", func(t *testing.T) {
		e := start(t, WithFaults(Faults{RateReset: 1}))
		resp, err := http.Post(e.URL()+"/chat/completions", "application/json",
			strings.NewReader(strings.Replace(body, "{", `{"stream":true,`, 1)))
		if err == nil {
			resp.Body.Close()
			t.Fatalf("got %d, want no response", resp.StatusCode)
		}
	})
	t.Run("stall", func(t *testing.T) {
		e := start(t, WithFaults(Faults{RateStall: 1, Stall: 150 * time.Millisecond, Latency: 10 * time.Millisecond}))
		start := time.Now()
		resp, b, err := do(t, e, body)
		if d := time.Since(start); err != nil || resp.StatusCode != 200 || d < 160*time.Millisecond ||
			!strings.Contains(string(b), `"finish_reason":"stop"`) {
			t.Errorf("got %d %s %v after %v; want the answer after 160ms", resp.StatusCode, b, err, d)
		}
		if s := e.Stats(); s.Stalled != 1 || s.OK != 1 || s.Faults() != 0 {
			t.Errorf("Stats = %+v, want 1 stalled and answered, and no failure", s)
		}
	})
	t.Run("stall default", func(t *testing.T) {
		if fi := newFaultInjector(Faults{RateStall: 1}); fi.f.Stall != 2*time.Second || fi.decide() != faultStall {
			t.Errorf("Stall = %v, want 2s", fi.f.Stall)
		}
	})
	t.Run("stall canceled", func(t *testing.T) {
		e := start(t, WithFaults(Faults{RateStall: 1, Stall: time.Hour}))
		ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
		defer cancel()
		req, _ := http.NewRequestWithContext(ctx, "POST", e.URL()+"/chat/completions", strings.NewReader(body))
		if resp, err := http.DefaultClient.Do(req); err == nil {
			resp.Body.Close()
			t.Fatal("want the request to time out")
		}
		deadline := time.Now().Add(5 * time.Second)
		for e.Stats().Canceled != 1 && time.Now().Before(deadline) {
			time.Sleep(5 * time.Millisecond)
		}
		if s := e.Stats(); s.Canceled != 1 || s.Stalled != 1 || s.OK != 0 {
			t.Errorf("Stats = %+v, want 1 stalled and canceled", s)
		}
	})
	t.Run("latency canceled", func(t *testing.T) {
		e := start(t, WithFaults(Faults{Latency: time.Hour}))
		ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
		defer cancel()
		req, _ := http.NewRequestWithContext(ctx, "POST", e.URL()+"/chat/completions", strings.NewReader(body))
		start := time.Now()
		if resp, err := http.DefaultClient.Do(req); err == nil {
			resp.Body.Close()
			t.Fatal("want the request to time out")
		}
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("took %v", d)
		}
		deadline := time.Now().Add(5 * time.Second)
		for e.Stats().Canceled != 1 && time.Now().Before(deadline) {
			time.Sleep(5 * time.Millisecond)
		}
		if s := e.Stats(); s.Canceled != 1 {
			t.Errorf("Stats = %+v, want 1 canceled", s)
		}
		// Close does not wait for the hour.
	})
	t.Run("latency", func(t *testing.T) {
		e := start(t, WithFaults(Faults{Latency: 30 * time.Millisecond}))
		start := time.Now()
		resp, _, err := do(t, e, body)
		if d := time.Since(start); err != nil || resp.StatusCode != 200 || d < 30*time.Millisecond {
			t.Errorf("got %d %v after %v; want 200 after 30ms", resp.StatusCode, err, d)
		}
	})
}

func TestFaultsDeterministic(t *testing.T) {
	f := Faults{Rate429: 0.2, Rate5xx: 0.2, RateTruncate: 0.2, Seed: 99}
	seq := func(f Faults) string {
		fi := newFaultInjector(f)
		var b strings.Builder
		for range 200 {
			b.WriteString(fi.decide().String()[:1])
		}
		return b.String()
	}
	a, b := seq(f), seq(f)
	if a != b {
		t.Errorf("the same seed gave\n%s\n%s", a, b)
	}
	f.Seed++
	if c := seq(f); c == a {
		t.Error("another seed gave the same faults")
	}
	for _, k := range "45tn" {
		if !strings.ContainsRune(a, k) {
			t.Errorf("no %q in %s", k, a)
		}
	}
	// Resets and stalls take their share from the answered requests only:
	// the other faults fall where they fell.
	f.Seed--
	g := f
	g.RateReset, g.RateStall = 0.15, 0.1
	d := seq(g)
	for i := range a {
		if a[i] != 'n' && d[i] != a[i] || a[i] == 'n' && !strings.ContainsRune("rcsn", rune(d[i])) {
			t.Fatalf("with resets and stalls, request %d got %c instead of %c:\n%s\n%s", i, d[i], a[i], a, d)
		}
	}
	for _, k := range "rcs" {
		if !strings.ContainsRune(d, k) {
			t.Errorf("no %q in %s", k, d)
		}
	}
	if s := seq(Faults{Rate429: -1, Rate5xx: 0, RateTruncate: 0}); strings.Trim(s, "n") != "" {
		t.Errorf("negative rate gave faults: %s", s)
	}
	if s := seq(Faults{Rate429: 0.5, Rate5xx: 0.9}); strings.ContainsAny(s, "tn") {
		t.Errorf("rates over 1 left room for %s", s)
	}
}
