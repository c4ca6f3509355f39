package model

import (
	"errors"
	"fmt"
	"math"
	"net/url"
	"os"
	"strconv"
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

	maxConcurrency = 1024
	maxRetries     = 100
	maxTemperature = 2
)

// ErrBadConfig is wrapped by every error about a configuration value.
var ErrBadConfig = errors.New("bad configuration")

// ErrNoBaseURL is returned by [NewClient] when [Config.BaseURL] is empty.
var ErrNoBaseURL = errors.New("no base URL: set SYLLOBENCH_BASE_URL")

// Config configures the OpenAI-compatible [Client]. [ConfigFromEnv] reads it
// from these environment variables:
//
//	variable                   field        default     accepted
//	SYLLOBENCH_BASE_URL        BaseURL      (none)      an http or https URL, e.g. http://localhost:11434/v1
//	SYLLOBENCH_MODEL           Model        ref-logic   any non-empty name
//	SYLLOBENCH_API_KEY         (the key)    (none)      no control characters; falls back to OPENAI_API_KEY
//	SYLLOBENCH_CONCURRENCY     Concurrency  8           requests in flight, 1 to 1024
//	SYLLOBENCH_TIMEOUT         Timeout      120s        a positive Go duration, per attempt
//	SYLLOBENCH_MAX_TOKENS      MaxTokens    1024        a positive integer
//	SYLLOBENCH_SAMPLING_SEED   Seed         0           a 64-bit integer
//	SYLLOBENCH_TEMPERATURE     Temperature  0           a number from 0 to 2
//	SYLLOBENCH_RETRIES         Retries      5           retries per request, 0 to 100
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
	// server that asks for more ends the request.
	MaxRetryAfter time.Duration

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

// ConfigFromEnv reads the configuration from the variables documented on
// [Config], looked up with getenv (os.Getenv in production). An unset or
// empty variable takes its default. Every bad value is reported, each
// naming its variable, in one error wrapping [ErrBadConfig].
func ConfigFromEnv(getenv func(string) string) (Config, error) {
	if getenv == nil {
		getenv = os.Getenv
	}
	c := DefaultConfig()
	var errs []error
	bad := func(name, value, want string) {
		errs = append(errs, fmt.Errorf("%w: %s=%q: want %s", ErrBadConfig, name, value, want))
	}
	if v := getenv("SYLLOBENCH_BASE_URL"); v != "" {
		if u, err := url.Parse(v); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			bad("SYLLOBENCH_BASE_URL", redactURL(v), "an http or https URL such as http://localhost:11434/v1")
		}
		c.BaseURL = v
	}
	if v := getenv("SYLLOBENCH_MODEL"); v != "" {
		c.Model = v
	}
	key, keyVar := getenv("SYLLOBENCH_API_KEY"), "SYLLOBENCH_API_KEY"
	if key == "" {
		key, keyVar = getenv("OPENAI_API_KEY"), "OPENAI_API_KEY"
	}
	if i := strings.IndexFunc(key, func(r rune) bool { return r < ' ' || r == 0x7f }); i >= 0 {
		// No HTTP header can carry it: every request would fail. The
		// value is a secret, so the error does not show it.
		errs = append(errs, fmt.Errorf("%w: %s has a control character or line break at byte %d (the value is not shown): want the key alone",
			ErrBadConfig, keyVar, i))
	}
	if key != "" {
		c.apiKey = func() string { return key }
	}
	if v := getenv("SYLLOBENCH_CONCURRENCY"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > maxConcurrency {
			bad("SYLLOBENCH_CONCURRENCY", v, fmt.Sprintf("an integer from 1 to %d", maxConcurrency))
		}
		c.Concurrency = n
	}
	if v := getenv("SYLLOBENCH_TIMEOUT"); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil || d <= 0 {
			bad("SYLLOBENCH_TIMEOUT", v, "a positive Go duration such as 90s or 2m")
		}
		c.Timeout = d
	}
	if v := getenv("SYLLOBENCH_MAX_TOKENS"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			bad("SYLLOBENCH_MAX_TOKENS", v, "a positive integer")
		}
		c.MaxTokens = n
	}
	if v := getenv("SYLLOBENCH_SAMPLING_SEED"); v != "" {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			bad("SYLLOBENCH_SAMPLING_SEED", v, "a 64-bit integer")
		}
		c.Seed = n
	}
	if v := getenv("SYLLOBENCH_TEMPERATURE"); v != "" {
		f, err := strconv.ParseFloat(v, 64)
		if err != nil || !(f >= 0 && f <= maxTemperature) {
			bad("SYLLOBENCH_TEMPERATURE", v, "a number from 0 to 2")
		}
		c.Temperature = f
	}
	if v := getenv("SYLLOBENCH_RETRIES"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 || n > maxRetries {
			bad("SYLLOBENCH_RETRIES", v, fmt.Sprintf("an integer from 0 to %d", maxRetries))
		}
		c.Retries = n
	}
	if len(errs) > 0 {
		return DefaultConfig(), errors.Join(errs...)
	}
	return c, nil
}

// validate checks a Config built by hand, as [NewClient] needs it.
func (c Config) validate() error {
	var errs []error
	bad := func(field string, value any, want string) {
		errs = append(errs, fmt.Errorf("%w: Config.%s = %v: want %s", ErrBadConfig, field, value, want))
	}
	if c.BaseURL == "" {
		return ErrNoBaseURL
	}
	if c.Concurrency < 1 || c.Concurrency > maxConcurrency {
		bad("Concurrency", c.Concurrency, fmt.Sprintf("1 to %d", maxConcurrency))
	}
	if c.Timeout <= 0 {
		bad("Timeout", c.Timeout, "a positive duration")
	}
	if c.Retries < 0 || c.Retries > maxRetries {
		bad("Retries", c.Retries, fmt.Sprintf("0 to %d", maxRetries))
	}
	if c.BaseDelay <= 0 || c.MaxDelay < c.BaseDelay || c.MaxRetryAfter < c.MaxDelay {
		bad("BaseDelay, MaxDelay and MaxRetryAfter", fmt.Sprint(c.BaseDelay, " ", c.MaxDelay, " ", c.MaxRetryAfter), "0 < BaseDelay <= MaxDelay <= MaxRetryAfter")
	}
	if math.IsNaN(c.Temperature) || c.Temperature < 0 || c.Temperature > maxTemperature {
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
		"MaxTokens: %d, Seed: %d, Temperature: %g, Retries: %d, BaseDelay: %v, MaxDelay: %v}",
		redactURL(c.BaseURL), c.Model, key, c.Concurrency, c.Timeout,
		c.MaxTokens, c.Seed, c.Temperature, c.Retries, c.BaseDelay, c.MaxDelay)
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

// redactURL hides a password in the user information of a URL.
func redactURL(s string) string {
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
