package refmodel

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"net"
	"net/http"
	"strconv"
	"sync"
	"time"
)

// Faults configures the failures that a [Handler] injects into its chat
// completions, for tests of a client's reliability. GET /v1/models is
// never failed.
//
// Each chat completion request draws one number u, uniform in [0, 1), from
// a PCG generator seeded with Seed (shared by the handler's requests, under
// a mutex, so a seed fixes the sequence of faults though not which
// concurrent request gets which), and one coin:
//
//	u < Rate429                              429 Too Many Requests, with Retry-After
//	u < … +Rate5xx                           500 or 503 (the coin decides)
//	u < … +RateTruncate                      200 with a truncated body
//	u < … +RateReset                         no response: the connection is reset (RST) or closed (FIN) (the coin decides)
//	u < … +RateStall                         the normal answer, after a stall of Stall
//	otherwise                                the normal answer
//
// A fault is decided after the body is read and before it is parsed. A rate is clamped to
// [0, 1]; when the rates add up to more than 1, the later ones get what
// is left. The draws do not depend on RateReset and RateStall, so adding
// them to a configuration does not change where its other faults fall.
//
// A 429 carries Retry-After in whole seconds (RetryAfter rounded up, as
// the header has no finer unit) and retry-after-ms, as OpenAI sends, with
// the exact milliseconds; clients that read the latter (syllobench's does)
// wait exactly RetryAfter.
//
// A truncated body declares its full Content-Length and sends half of it,
// then the connection is closed: the client reads an unexpected EOF. A
// truncated stream sends half of its events and then aborts the
// connection.
//
// A reset takes the connection over before anything is written and closes
// it: half the time with SO_LINGER 0, so that the client reads "connection
// reset by peer" (ECONNRESET), and half the time plainly, so that it reads
// an EOF where the response should be. It is a request the server received
// and never answered, as when a proxy or an overloaded server drops it.
//
// A stall answers normally, but only after waiting Stall (2 seconds when
// zero), on top of Latency: a client whose per-attempt timeout is longer
// gets its answer late, and one whose timeout is shorter times out.
//
// Latency delays every chat completion request by that much, after its
// body is read and before anything else; a request whose context ends in
// the meantime, or during a stall (the client went away), gets no
// response and is counted in [Stats.Canceled].
type Faults struct {
	Rate429      float64
	Rate5xx      float64
	RateTruncate float64
	RateReset    float64
	RateStall    float64
	RetryAfter   time.Duration
	Stall        time.Duration // how long a stalled request waits; 0 means DefaultStall
	Latency      time.Duration
	Seed         uint64
}

// DefaultStall is the wait of a stalled request when [Faults.Stall] is 0.
const DefaultStall = 2 * time.Second

// WithFaults makes the handler inject f.
func WithFaults(f Faults) ServerOption { return func(o *serverOptions) { o.faults = &f } }

type faultKind uint8

const (
	faultNone faultKind = iota
	fault429
	fault500
	fault503
	faultTruncate
	faultReset // the connection is reset (RST)
	faultClose // the connection is closed (FIN) with no response
	faultStall
)

func (k faultKind) String() string {
	switch k {
	case fault429:
		return "429"
	case fault500:
		return "500"
	case fault503:
		return "503"
	case faultTruncate:
		return "truncate"
	case faultReset:
		return "reset"
	case faultClose:
		return "close"
	case faultStall:
		return "stall"
	}
	return "none"
}

type faultInjector struct {
	f   Faults
	mu  sync.Mutex
	rng *rand.Rand
}

func newFaultInjector(f Faults) *faultInjector {
	clamp := func(r float64) float64 {
		if math.IsNaN(r) {
			return 0
		}
		return min(max(r, 0), 1)
	}
	f.Rate429, f.Rate5xx, f.RateTruncate = clamp(f.Rate429), clamp(f.Rate5xx), clamp(f.RateTruncate)
	f.RateReset, f.RateStall = clamp(f.RateReset), clamp(f.RateStall)
	f.RetryAfter, f.Latency = max(f.RetryAfter, 0), max(f.Latency, 0)
	if f.Stall <= 0 {
		f.Stall = DefaultStall
	}
	return &faultInjector{f: f, rng: rand.New(rand.NewPCG(f.Seed, f.Seed^0x9e3779b97f4a7c15))}
}

// decide draws the fault of one request.
func (fi *faultInjector) decide() faultKind {
	f := &fi.f
	if f.Rate429+f.Rate5xx+f.RateTruncate+f.RateReset+f.RateStall == 0 {
		return faultNone
	}
	fi.mu.Lock()
	u := fi.rng.Float64()
	half := fi.rng.Uint64()&1 == 0
	fi.mu.Unlock()
	switch {
	case u < f.Rate429:
		return fault429
	case u < f.Rate429+f.Rate5xx:
		if half {
			return fault500
		}
		return fault503
	case u < f.Rate429+f.Rate5xx+f.RateTruncate:
		return faultTruncate
	case u < f.Rate429+f.Rate5xx+f.RateTruncate+f.RateReset:
		if half {
			return faultReset
		}
		return faultClose
	case u < f.Rate429+f.Rate5xx+f.RateTruncate+f.RateReset+f.RateStall:
		return faultStall
	}
	return faultNone
}

// delay waits the added latency, and the stall of a stalled request; it
// reports false if ctx ended first.
func (fi *faultInjector) delay(ctx context.Context, ex *exchange) bool {
	d := fi.f.Latency
	if ex.fault == faultStall {
		d += fi.f.Stall
	}
	if d <= 0 {
		return true
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}

// fail writes the error response of an injected 429, 500 or 503, or
// drops the connection of an injected reset, and reports whether it did.
// A truncation is done by the writer of the body.
func (fi *faultInjector) fail(w http.ResponseWriter, ex *exchange) bool {
	switch ex.fault {
	case fault429:
		ra := fi.f.RetryAfter
		secs := int64((ra + time.Second - 1) / time.Second)
		w.Header().Set("Retry-After", strconv.FormatInt(secs, 10))
		w.Header().Set("Retry-After-Ms", strconv.FormatInt(ra.Milliseconds(), 10))
		writeError(w, ex, http.StatusTooManyRequests, "requests", "", "rate_limit_exceeded",
			fmt.Sprintf("Rate limit reached (injected fault). Please try again in %v.", ra))
		return true
	case fault500:
		writeError(w, ex, http.StatusInternalServerError, "server_error", "", "",
			"The server had an error while processing your request (injected fault).")
		return true
	case fault503:
		writeError(w, ex, http.StatusServiceUnavailable, "server_error", "", "overloaded",
			"The server is overloaded (injected fault). Please retry after a brief wait.")
		return true
	case faultReset, faultClose:
		drop(w, ex.fault == faultReset)
		return true
	}
	return false
}

// drop closes the connection of w without a response: with an RST when
// reset is set, else with a FIN. Where the connection cannot be taken
// over (HTTP/2, a recorder), the handler is aborted, which net/http turns
// into a closed connection or a reset stream.
func drop(w http.ResponseWriter, reset bool) {
	conn, _, err := http.NewResponseController(w).Hijack()
	if err != nil {
		panic(http.ErrAbortHandler)
	}
	if tc, ok := conn.(*net.TCPConn); ok && reset {
		tc.SetLinger(0) // close sends an RST, and drops what is unsent
	}
	conn.Close()
}
