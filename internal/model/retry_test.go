package model

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"testing"
	"time"
)

func TestClientRetries(t *testing.T) {
	tests := []struct {
		name   string
		first  http.HandlerFunc
		reason string
	}{
		{"status=408", status(408, "request timeout"), "the server timed out waiting"},
		{"status=429", status(429, "rate limited"), "a rate limit passes"},
		{"status=500", status(500, "internal error"), "a crashed worker is replaced"},
		{"status=502", status(502, "bad gateway"), "a proxy lost its upstream"},
		{"status=503", status(503, "loading model"), "Ollama and vLLM answer 503 while loading"},
		{"status=504", status(504, "gateway timeout"), "a proxy timed out"},
		{"status=503/retry-after-ms", status(503, "busy", "Retry-After-Ms", "5"), "OpenAI's millisecond header"},
		{"status=429/retry-after-past-date", status(429, "slow down", "Retry-After", "Mon, 02 Jan 2006 15:04:05 GMT"), "a date already past means now"},
		{"dropped-connection", dropConnection, "the server closed the connection without a response"},
		{"truncated-body", truncateBody, "the connection dropped in the middle of the body"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c, s := newTestClient(t, nil, tt.first, yes)
			resp, err := c.Complete(context.Background(), request())
			if err != nil {
				t.Fatalf("%v, want a retry to succeed (%s)", err, tt.reason)
			}
			if resp.Text != "Yes" || s.calls.Load() != 2 || c.Stats().Retries != 1 {
				t.Errorf("text %q after %d calls and %d retries, want Yes after 2 and 1 (%s)",
					resp.Text, s.calls.Load(), c.Stats().Retries, tt.reason)
			}
		})
	}
}

func TestClientHonoursRetryAfter(t *testing.T) {
	tests := []struct {
		name   string
		header func() string
		reason string
	}{
		{"seconds", func() string { return "1" }, "Retry-After: 1 means a second"},
		{"date", func() string { return time.Now().Add(2 * time.Second).UTC().Format(http.TimeFormat) }, "an HTTP date, to the second"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var asked, retried time.Time
			var wait time.Duration
			c, _ := newTestClient(t, func(c *Config) { c.MaxDelay = 5 * time.Second },
				func(w http.ResponseWriter, r *http.Request) {
					asked = time.Now()
					h := tt.header()
					wait, _ = retryAfter(http.Header{"Retry-After": {h}}, asked)
					status(429, "rate limited", "Retry-After", h)(w, r)
				},
				func(w http.ResponseWriter, r *http.Request) { retried = time.Now(); yes(w, r) })
			if _, err := c.Complete(context.Background(), request()); err != nil {
				t.Fatal(err)
			}
			if gap := retried.Sub(asked); gap < wait || wait < 500*time.Millisecond {
				t.Errorf("retried after %v, want at least the %v asked for (%s)", gap, wait, tt.reason)
			}
		})
	}
}

func TestClientFailsFast(t *testing.T) {
	tests := []struct {
		code   int
		msg    string
		reason string
	}{
		{400, "messages: field required", "a malformed request will not improve"},
		{401, "Incorrect API key provided", "a wrong key will not improve"},
		{403, "model access denied", "a forbidden model stays forbidden"},
		{404, `model "qwen9:7b" not found, try pulling it first`, "Ollama's message for a missing model"},
		{422, "max_tokens must be at least 1", "vLLM's validation error"},
		{501, "not implemented", "only 500, 502, 503 and 504 of the 5xx are transient"},
	}
	for _, tt := range tests {
		t.Run("status="+strconv.Itoa(tt.code), func(t *testing.T) {
			t.Parallel()
			c, s := newTestClient(t, nil, status(tt.code, tt.msg), yes)
			_, err := c.Complete(context.Background(), request())
			ie := wantInfraError(t, err, "the server said: "+tt.msg)
			if ie.StatusCode != tt.code || ie.Attempts != 1 || s.calls.Load() != 1 {
				t.Errorf("status %d after %d attempts and %d calls, want %d after 1 (%s)",
					ie.StatusCode, ie.Attempts, s.calls.Load(), tt.code, tt.reason)
			}
		})
	}
	t.Run("status=404/plain-text", func(t *testing.T) {
		t.Parallel()
		c, _ := newTestClient(t, nil, func(w http.ResponseWriter, r *http.Request) {
			http.Error(w, "404 page not found", http.StatusNotFound)
		})
		_, err := c.Complete(context.Background(), request())
		wantInfraError(t, err, "HTTP 404: the server said: 404 page not found")
	})
}

func TestClientRetryBudget(t *testing.T) {
	c, s := newTestClient(t, func(c *Config) { c.Retries = 3 }, status(503, "overloaded"))
	_, err := c.Complete(context.Background(), request())
	ie := wantInfraError(t, err, "HTTP 503 (after 4 attempts): the server said: overloaded (retry budget of 3 spent)")
	if ie.Attempts != 4 || s.calls.Load() != 4 {
		t.Errorf("%d attempts and %d calls, want 4: the first and 3 retries", ie.Attempts, s.calls.Load())
	}
	if st := c.Stats(); st.Retries != 3 || st.Failures != 1 {
		t.Errorf("stats %v, want 3 retries and 1 failure", st)
	}
}

func TestClientRetryAfterBeyondMaxRetryAfter(t *testing.T) {
	c, s := newTestClient(t, nil, status(429, "quota", "Retry-After", "3600"), yes)
	_, err := c.Complete(context.Background(), request())
	wantInfraError(t, err, "asked to retry after 1h0m0s, more than the longest wait honoured, 5m0s")
	if s.calls.Load() != 1 {
		t.Errorf("%d calls, want 1: an hour's wait ends the request", s.calls.Load())
	}
}

func TestClientTimeout(t *testing.T) {
	c, s := newTestClient(t, func(c *Config) { c.Timeout, c.Retries = 50*time.Millisecond, 1 }, stall)
	_, err := c.Complete(context.Background(), request())
	ie := wantInfraError(t, err, "no complete response within the timeout of 50ms")
	if !errors.Is(err, context.DeadlineExceeded) || ie.Attempts != 2 || s.calls.Load() != 2 {
		t.Errorf("%v after %d calls, want a timeout after 2: a timed-out attempt is retried", err, s.calls.Load())
	}
}

func TestClientCancelDuringBackoff(t *testing.T) {
	c, s := newTestClient(t, func(c *Config) { c.MaxDelay = time.Minute }, status(503, "busy", "Retry-After", "10"), yes)
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		for s.calls.Load() == 0 {
			time.Sleep(time.Millisecond)
		}
		time.Sleep(20 * time.Millisecond) // into the 10 s backoff
		cancel()
	}()
	start := time.Now()
	_, err := c.Complete(ctx, request())
	elapsed := time.Since(start)
	wantInfraError(t, err, "stopped waiting")
	if !errors.Is(err, context.Canceled) || s.calls.Load() != 1 {
		t.Errorf("%v after %d calls, want context.Canceled after 1", err, s.calls.Load())
	}
	// Bounded by the backoff, not by a timing guess: without the
	// cancellation it would take 10 s.
	if elapsed > 5*time.Second {
		t.Errorf("returned after %v, want promptly after the cancellation, not after the backoff", elapsed)
	}
	t.Logf("returned %v after the start, about 20ms of it before the cancellation", elapsed)
}

func TestClientCancelWhileQueued(t *testing.T) {
	release := make(chan struct{})
	c, _ := newTestClient(t, func(c *Config) { c.Concurrency = 1 }, func(w http.ResponseWriter, r *http.Request) {
		<-release
		yes(w, r)
	})
	defer close(release)
	go c.Complete(context.Background(), request()) // takes the only slot
	for len(c.slots) == 0 {
		time.Sleep(time.Millisecond)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	_, err := c.Complete(ctx, request())
	ie := wantInfraError(t, err, "waiting for a request slot")
	if !errors.Is(err, context.DeadlineExceeded) || ie.Attempts != 0 {
		t.Errorf("%v after %d attempts, want the caller's deadline after none", err, ie.Attempts)
	}
}

func TestRetryAfter(t *testing.T) {
	now := time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		header http.Header
		want   time.Duration
		ok     bool
		reason string
	}{
		{http.Header{}, 0, false, "no header: plain backoff"},
		{http.Header{"Retry-After": {"7"}}, 7 * time.Second, true, "delay-seconds"},
		{http.Header{"Retry-After": {"0"}}, 0, true, "retry now"},
		{http.Header{"Retry-After": {"Sun, 01 Jun 2025 12:00:30 GMT"}}, 30 * time.Second, true, "an HTTP date"},
		{http.Header{"Retry-After": {"Sun, 01 Jun 2025 11:00:00 GMT"}}, 0, true, "a past date means now"},
		{http.Header{"Retry-After": {"-3"}}, 0, false, "negative is invalid"},
		{http.Header{"Retry-After": {"soon"}}, 0, false, "garbage is ignored"},
		{http.Header{"Retry-After": {"99999999999999"}}, maxRetryAfter, true, "huge values cannot overflow"},
		{http.Header{"Retry-After-Ms": {"250.5"}, "Retry-After": {"1"}}, 250500 * time.Microsecond, true, "OpenAI's milliseconds win"},
		// Overflow: each of these, multiplied out into nanoseconds, is
		// past the largest Duration; unclamped it wraps to a negative or
		// tiny wait and the client retries at once.
		{http.Header{"Retry-After": {"99999999999999999"}}, maxRetryAfter, true, "seconds whose nanoseconds overflow an int64"},
		{http.Header{"Retry-After": {"9223372036854775807"}}, maxRetryAfter, true, "the largest int64"},
		{http.Header{"Retry-After": {"99999999999999999999"}}, maxRetryAfter, true, "more seconds than an int64 holds: huge, not absent"},
		{http.Header{"Retry-After": {"86400"}}, maxRetryAfter, true, "a day, the cap"},
		{http.Header{"Retry-After": {"86399"}}, maxRetryAfter - time.Second, true, "just under the cap"},
		{http.Header{"Retry-After-Ms": {"10000000000000"}}, maxRetryAfter, true, "milliseconds whose nanoseconds overflow"},
		{http.Header{"Retry-After-Ms": {"9223372036854.775807"}}, maxRetryAfter, true, "just past the largest Duration"},
		{http.Header{"Retry-After-Ms": {"1e300"}}, maxRetryAfter, true, "a float far past any Duration"},
		{http.Header{"Retry-After-Ms": {"1e400"}}, maxRetryAfter, true, "past float64 itself: +Inf and ErrRange"},
		{http.Header{"Retry-After-Ms": {"Inf"}}, maxRetryAfter, true, "infinity"},
		{http.Header{"Retry-After-Ms": {"86400000"}}, maxRetryAfter, true, "a day in milliseconds, the cap"},
		{http.Header{"Retry-After-Ms": {"NaN"}, "Retry-After": {"2"}}, 2 * time.Second, true, "NaN is no wait: Retry-After serves"},
		{http.Header{"Retry-After-Ms": {"-1e400"}}, 0, false, "negative infinity is invalid"},
		{http.Header{"Retry-After": {"-99999999999999999999"}}, 0, false, "negative overflow is invalid"},
		{http.Header{"Retry-After": {"Fri, 31 Dec 9999 23:59:59 GMT"}}, maxRetryAfter, true, "a date millennia away"},
	}
	for _, tt := range tests {
		got, ok := retryAfter(tt.header, now)
		if got != tt.want || ok != tt.ok {
			t.Errorf("retryAfter(%v) = %v, %v; want %v, %v (%s)", tt.header, got, ok, tt.want, tt.ok, tt.reason)
		}
	}
}

// TestClientHugeRetryAfter: a Retry-After too large for a Duration ends
// the request as one over MaxRetryAfter, rather than overflowing into a
// wait of nothing and retrying at once.
func TestClientHugeRetryAfter(t *testing.T) {
	for _, h := range [][2]string{
		{"Retry-After-Ms", "10000000000000"},
		{"Retry-After-Ms", "1e400"},
		{"Retry-After", "99999999999999999"},
		{"Retry-After", "99999999999999999999"},
	} {
		t.Run(h[0]+"="+h[1], func(t *testing.T) {
			c, s := newTestClient(t, nil, status(429, "quota", h[0], h[1]), yes)
			_, err := c.Complete(context.Background(), request())
			wantInfraError(t, err, "asked to retry after at least 24h0m0s, more than the longest wait honoured, 5m0s")
			if s.calls.Load() != 1 {
				t.Errorf("%d calls, want 1: the wait asked for ends the request", s.calls.Load())
			}
		})
	}
}

func TestBackoff(t *testing.T) {
	const base, maxDelay = 500 * time.Millisecond, 30 * time.Second
	for n, ceiling := range []time.Duration{0, base, 2 * base, 4 * base, 8 * base, 16 * base, 32 * base, maxDelay, maxDelay} {
		if n == 0 {
			continue
		}
		t.Run(fmt.Sprintf("retry=%d", n), func(t *testing.T) {
			var top time.Duration
			for range 1000 {
				d := backoff(n, base, maxDelay)
				if d < 0 || d > ceiling {
					t.Fatalf("backoff = %v, want within [0, %v]", d, ceiling)
				}
				top = max(top, d)
			}
			if top < ceiling/2 {
				t.Errorf("the largest of 1000 draws is %v, want full jitter up to %v", top, ceiling)
			}
		})
	}
}
