package model

import (
	"context"
	"errors"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"strconv"
	"syscall"
	"time"
)

// failure is one failed attempt, classified.
type failure struct {
	status     int            // the HTTP status, or 0
	err        error          // what went wrong, with the key redacted
	retryable  bool           // worth another attempt
	retryAfter time.Duration  // the wait the server asked for, or 0
	unsent     bool           // the request never went out: ctx ended while it queued
	declined   *DeclinedError // the model declined the question; not a failure of anything
}

// retryableStatus reports whether a response with this status is worth
// retrying: a timeout, a rate limit or an overloaded or restarting
// server. Every other status (400, 401, 403, 404, 422 …) fails fast.
func retryableStatus(code int) bool {
	switch code {
	case http.StatusRequestTimeout, http.StatusTooManyRequests,
		http.StatusInternalServerError, http.StatusBadGateway,
		http.StatusServiceUnavailable, http.StatusGatewayTimeout:
		return true
	}
	return false
}

// retryableTransport reports whether an error with no HTTP response is a
// dropped or refused connection or a network timeout.
func retryableTransport(err error) bool {
	for _, target := range []error{
		io.EOF, io.ErrUnexpectedEOF,
		syscall.ECONNRESET, syscall.ECONNREFUSED, syscall.ECONNABORTED, syscall.EPIPE,
	} {
		if errors.Is(err, target) {
			return true
		}
	}
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

// maxRetryAfter bounds a parsed Retry-After, so that a huge one cannot
// overflow a Duration. Any wait over [Config.MaxRetryAfter] ends the
// retries.
const maxRetryAfter = 24 * time.Hour

// retryAfter returns the wait that a response header asks for: the
// retry-after-ms header that OpenAI sends, else Retry-After in seconds or
// as an HTTP date, relative to now.
func retryAfter(h http.Header, now time.Time) (time.Duration, bool) {
	if v := h.Get("Retry-After-Ms"); v != "" {
		if ms, err := strconv.ParseFloat(v, 64); err == nil && ms >= 0 {
			return min(time.Duration(ms*float64(time.Millisecond)), maxRetryAfter), true
		}
	}
	v := h.Get("Retry-After")
	if v == "" {
		return 0, false
	}
	if s, err := strconv.ParseInt(v, 10, 64); err == nil {
		if s < 0 {
			return 0, false
		}
		return time.Duration(min(s, int64(maxRetryAfter/time.Second))) * time.Second, true
	}
	if t, err := http.ParseTime(v); err == nil {
		return min(max(t.Sub(now), 0), maxRetryAfter), true
	}
	return 0, false
}

// backoff returns the wait before retry n (from 1): exponential with full
// jitter, uniform in [0, min(maxDelay, base·2^(n-1))].
func backoff(n int, base, maxDelay time.Duration) time.Duration {
	ceiling := base
	for i := 1; i < n && ceiling < maxDelay; i++ {
		ceiling *= 2
	}
	ceiling = min(ceiling, maxDelay)
	return time.Duration(rand.Int64N(int64(ceiling) + 1))
}

// sleep waits for d or until ctx is done, whichever comes first.
func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
