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

// maxRetryAfter bounds a parsed Retry-After before it becomes a
// Duration: time.Duration(ms * 1e6) of a huge or infinite float, or a
// count of seconds times time.Second, would overflow into a negative or
// tiny wait, and the client would hammer a server that asked it to stay
// away. It is more than any [Config.MaxRetryAfter] (the config checks
// it), so that a wait this long ends the retries.
const maxRetryAfter = 24 * time.Hour

// retryAfter returns the wait that a response header asks for: the
// retry-after-ms header that OpenAI sends, else Retry-After in seconds or
// as an HTTP date, relative to now. A wait too long for a Duration, or
// infinite, is maxRetryAfter.
func retryAfter(h http.Header, now time.Time) (time.Duration, bool) {
	if v := h.Get("Retry-After-Ms"); v != "" {
		// ParseFloat gives ±Inf with ErrRange for a number out of range:
		// a huge one is still a wait.
		ms, err := strconv.ParseFloat(v, 64)
		if (err == nil || errors.Is(err, strconv.ErrRange)) && ms >= 0 {
			if ms >= float64(maxRetryAfter/time.Millisecond) {
				return maxRetryAfter, true
			}
			return time.Duration(ms * float64(time.Millisecond)), true
		}
	}
	v := h.Get("Retry-After")
	if v == "" {
		return 0, false
	}
	// ParseInt gives the largest int64 with ErrRange for more digits than
	// an int64 holds.
	if s, err := strconv.ParseInt(v, 10, 64); err == nil || errors.Is(err, strconv.ErrRange) {
		if s < 0 {
			return 0, false
		}
		if s >= int64(maxRetryAfter/time.Second) {
			return maxRetryAfter, true
		}
		return time.Duration(s) * time.Second, true
	}
	if t, err := http.ParseTime(v); err == nil {
		// Sub saturates rather than overflows.
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
