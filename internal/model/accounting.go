package model

import (
	"fmt"
	"sync/atomic"
	"time"
)

// Stats sums the work of a [Client] since it was created.
type Stats struct {
	Requests         int64         // calls of Complete
	Retries          int64         // attempts beyond the first
	Failures         int64         // calls that returned an error
	PromptTokens     int64         // as the server counted them
	CompletionTokens int64         // as the server counted them
	Latency          time.Duration // summed over calls, queueing and backoff included
}

// MeanLatency is the mean time of one call of Complete.
func (s Stats) MeanLatency() time.Duration {
	if s.Requests == 0 {
		return 0
	}
	return s.Latency / time.Duration(s.Requests)
}

// String reports s on one line.
func (s Stats) String() string {
	return fmt.Sprintf("%d requests, %d retries, %d failures; tokens: %d prompt, %d completion; latency: %v total, %v mean",
		s.Requests, s.Retries, s.Failures, s.PromptTokens, s.CompletionTokens,
		s.Latency.Round(time.Millisecond), s.MeanLatency().Round(time.Microsecond))
}

// counters accumulate [Stats] from many goroutines.
type counters struct {
	requests, retries, failures, prompt, completion, latency atomic.Int64
}

func (c *counters) record(resp Response, attempts int, err error, latency time.Duration) {
	c.requests.Add(1)
	if attempts > 1 {
		c.retries.Add(int64(attempts - 1))
	}
	if err != nil {
		c.failures.Add(1)
	}
	c.prompt.Add(int64(resp.Usage.PromptTokens))
	c.completion.Add(int64(resp.Usage.CompletionTokens))
	c.latency.Add(int64(latency))
}

func (c *counters) snapshot() Stats {
	return Stats{
		Requests:         c.requests.Load(),
		Retries:          c.retries.Load(),
		Failures:         c.failures.Load(),
		PromptTokens:     c.prompt.Load(),
		CompletionTokens: c.completion.Load(),
		Latency:          time.Duration(c.latency.Load()),
	}
}
