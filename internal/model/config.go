package model

import (
	"errors"
	"fmt"
	"math"
	"net/url"
	"strings"
	"time"
)

// Defaults of [Config]; [DefaultConfig] returns them.
const (
	DefaultModel       = "ref-logic"
	DefaultConcurrency = 8
	DefaultTimeout     = 120 * time.Second
	DefaultMaxTokens   = 1024
	DefaultRetries     = 5
	DefaultBaseDelay   = 500 * time.Millisecond
	DefaultMaxDelay    = 30 * time.Second
	// DefaultMaxRetryAfter is the longest wait a server may ask for:
	// rate-limited APIs ask for a minute or more, and a run should wait
	// that out rather than fail.
	DefaultMaxRetryAfter = 5 * time.Minute
	// DefaultMaxReplyBytes bounds the body of one reply. A chat
	// completion is some kilobytes, and one of tens of thousands of tokens
	// with its reasoning is still well under a megabyte; a server that
	// sends more is broken or hostile, and the client would otherwise hold
	// all of it in memory.
	DefaultMaxReplyBytes = 4 << 20

	// The largest values a Config accepts.
	MaxConcurrency = 1024
	MaxRetries     = 100
	MaxTemperature = 2
	// MaxReplyBytesLimit is the largest MaxReplyBytes: with a reply held
	// per request in flight, more would let the replies of a run exhaust
	// the memory of any machine.
	MaxReplyBytesLimit = 1 << 30
)

// ErrInvalidConfig is wrapped by every error of [NewClient] about a
// field of a Config built by hand. Settings read from the environment
// are checked, each naming its variable, by internal/run.
var ErrInvalidConfig = errors.New("invalid client configuration")

// ErrNoBaseURL is returned by [NewClient] when [Config.BaseURL] is empty.
var ErrNoBaseURL = errors.New("no base URL: set SYLLOBENCH_BASE_URL")

// Config configures the OpenAI-compatible [Client]. internal/run reads it
// from these environment variables:
//
//	variable                    field         default     accepted
//	SYLLOBENCH_BASE_URL         BaseURL       (none)      an http or https URL, e.g. http://localhost:11434/v1
//	SYLLOBENCH_MODEL            Model         ref-logic   any non-empty name
//	SYLLOBENCH_API_KEY          (the key)     (none)      no control characters; falls back to OPENAI_API_KEY
//	SYLLOBENCH_CONCURRENCY      Concurrency   8           requests in flight, 1 to 1024
//	SYLLOBENCH_TIMEOUT          Timeout       120s        a positive Go duration, per attempt
//	SYLLOBENCH_MAX_TOKENS       MaxTokens     1024        a positive integer
//	SYLLOBENCH_SAMPLING_SEED    Seed          0           a 64-bit integer
//	SYLLOBENCH_TEMPERATURE      Temperature   0           a number from 0 to 2
//	SYLLOBENCH_RETRIES          Retries       5           retries per request, 0 to 100
//	SYLLOBENCH_MAX_REPLY_BYTES  MaxReplyBytes 4194304     bytes of one reply, 1 to 1073741824 (1 GiB)
//
// An empty BaseURL means that no external server is configured. The key is
// kept unexported and every way of printing a Config redacts it.
type Config struct {
	BaseURL     string
	Model       string
	Concurrency int           // requests in flight across all goroutines
	Timeout     time.Duration // for one attempt of one request
	MaxTokens   int
	Seed        int64
	Temperature float64
	Retries     int           // the retry budget of one request
	BaseDelay   time.Duration // the backoff before the first retry
	MaxDelay    time.Duration // the cap on the client's own backoff
	// MaxRetryAfter is the longest Retry-After the client honours; a
	// server that asks for more ends the request. It is less than a day,
	// the cap on what a server can ask for (see retryAfter).
	MaxRetryAfter time.Duration
	// MaxReplyBytes is the most the client reads of one response body,
	// counted after decompression; a longer one fails the request, and
	// none of it is kept.
	MaxReplyBytes int64

	// apiKey returns the key. It is a function so that no struct that
	// holds a Config, printed by reflection in any verb, can show the
	// key: fmt prints a func as an address.
	apiKey func() string
}

// DefaultConfig returns the default configuration, with no base URL and no
// key.
func DefaultConfig() Config {
	return Config{
		Model:         DefaultModel,
		Concurrency:   DefaultConcurrency,
		Timeout:       DefaultTimeout,
		MaxTokens:     DefaultMaxTokens,
		Retries:       DefaultRetries,
		BaseDelay:     DefaultBaseDelay,
		MaxDelay:      DefaultMaxDelay,
		MaxRetryAfter: DefaultMaxRetryAfter,
		MaxReplyBytes: DefaultMaxReplyBytes,
	}
}

// WithAPIKey returns a copy of c that sends key as its bearer token.
func (c Config) WithAPIKey(key string) Config {
	c.apiKey = func() string { return key }
	return c
}

// HasAPIKey reports whether c has a key.
func (c Config) HasAPIKey() bool { return c.key() != "" }

// key returns the API key, or "".
func (c Config) key() string {
	if c.apiKey == nil {
		return ""
	}
	return c.apiKey()
}

// NewRequest returns the request for messages with c's model and sampling
// parameters.
func (c Config) NewRequest(messages ...Message) Request {
	return Request{
		Model:       c.Model,
		Messages:    messages,
		Temperature: c.Temperature,
		Seed:        c.Seed,
		MaxTokens:   c.MaxTokens,
	}
}

// validate checks a Config built by hand, as [NewClient] needs it.
func (c Config) validate() error {
	var errs []error
	bad := func(field string, value any, want string) {
		errs = append(errs, fmt.Errorf("%w: Config.%s = %v: want %s", ErrInvalidConfig, field, value, want))
	}
	if c.BaseURL == "" {
		return ErrNoBaseURL
	}
	if c.Concurrency < 1 || c.Concurrency > MaxConcurrency {
		bad("Concurrency", c.Concurrency, fmt.Sprintf("1 to %d", MaxConcurrency))
	}
	if c.Timeout <= 0 {
		bad("Timeout", c.Timeout, "a positive duration")
	}
	if c.Retries < 0 || c.Retries > MaxRetries {
		bad("Retries", c.Retries, fmt.Sprintf("0 to %d", MaxRetries))
	}
	if c.BaseDelay <= 0 || c.MaxDelay < c.BaseDelay || c.MaxRetryAfter < c.MaxDelay {
		bad("BaseDelay, MaxDelay and MaxRetryAfter", fmt.Sprint(c.BaseDelay, " ", c.MaxDelay, " ", c.MaxRetryAfter), "0 < BaseDelay <= MaxDelay <= MaxRetryAfter")
	}
	if c.MaxRetryAfter >= maxRetryAfter {
		// A huge Retry-After is taken as maxRetryAfter: it must still be
		// more than the client honours, and end the request.
		bad("MaxRetryAfter", c.MaxRetryAfter, fmt.Sprintf("less than %v", maxRetryAfter))
	}
	if c.MaxReplyBytes < 1 || c.MaxReplyBytes > MaxReplyBytesLimit {
		bad("MaxReplyBytes", c.MaxReplyBytes, fmt.Sprintf("1 to %d", MaxReplyBytesLimit))
	}
	if math.IsNaN(c.Temperature) || c.Temperature < 0 || c.Temperature > MaxTemperature {
		bad("Temperature", c.Temperature, "0 to 2")
	}
	return errors.Join(errs...)
}

// String describes c with its key redacted.
func (c Config) String() string {
	key := "none"
	if c.key() != "" {
		key = "redacted"
	}
	return fmt.Sprintf("model.Config{BaseURL: %q, Model: %q, APIKey: %s, Concurrency: %d, Timeout: %v, "+
		"MaxTokens: %d, Seed: %d, Temperature: %g, Retries: %d, BaseDelay: %v, MaxDelay: %v, MaxRetryAfter: %v, MaxReplyBytes: %d}",
		RedactURL(c.BaseURL), c.Model, key, c.Concurrency, c.Timeout,
		c.MaxTokens, c.Seed, c.Temperature, c.Retries, c.BaseDelay, c.MaxDelay, c.MaxRetryAfter, c.MaxReplyBytes)
}

// GoString is String, so that %#v redacts the key too.
func (c Config) GoString() string { return c.String() }

// Format prints [Config.String] for every verb, so that no verb (%+v
// included, which would otherwise print unexported fields) shows the key.
func (c Config) Format(f fmt.State, verb rune) {
	switch verb {
	case 'q':
		fmt.Fprintf(f, "%q", c.String())
	default:
		fmt.Fprint(f, c.String())
	}
}

// RedactURL hides a password in the user information of a URL.
func RedactURL(s string) string {
	u, err := url.Parse(s)
	if err != nil {
		if strings.Contains(s, "@") {
			return "(an unparsable URL with user information, not shown)"
		}
		return s
	}
	if u.User == nil {
		// Not parsed as a URL with user information ("http//user:pw@host"
		// is a path): hide what looks like a password before an @.
		if at := strings.LastIndexByte(s, '@'); at >= 0 {
			start := strings.LastIndexByte(s[:at], '/') + 1
			if colon := strings.IndexByte(s[start:at], ':'); colon >= 0 {
				return s[:start+colon+1] + "xxxxx" + s[at:]
			}
		}
		return s
	}
	return u.Redacted()
}
