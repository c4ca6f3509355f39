package refmodel

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
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
	if s := seq(Faults{Rate429: -1, Rate5xx: 0, RateTruncate: 0}); strings.Trim(s, "n") != "" {
		t.Errorf("negative rate gave faults: %s", s)
	}
	if s := seq(Faults{Rate429: 0.5, Rate5xx: 0.9}); strings.ContainsAny(s, "tn") {
		t.Errorf("rates over 1 left room for %s", s)
	}
}
