package model

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// WithAPIKey returns a copy with the key; the original keeps none. The
// settings read from the environment (internal/run's Load) set the key
// this way.
func TestConfigWithAPIKey(t *testing.T) {
	c := DefaultConfig()
	k := c.WithAPIKey("k1")
	if k.key() != "k1" || !k.HasAPIKey() {
		t.Errorf("WithAPIKey(k1): key %q, HasAPIKey %v", k.key(), k.HasAPIKey())
	}
	if c.key() != "" || c.HasAPIKey() {
		t.Errorf("the original has the key %q after WithAPIKey", c.key())
	}
	if k2 := k.WithAPIKey("k2"); k2.key() != "k2" || k.key() != "k1" {
		t.Errorf("a second WithAPIKey: %q, and the first copy %q", k2.key(), k.key())
	}
}

func TestConfigRedactsKey(t *testing.T) {
	const key = "sk-SENTINEL-0d1e"
	c := DefaultConfig().WithAPIKey(key)
	c.BaseURL = "https://user:hunter2@proxy.example/v1"
	for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%d", "%x"} {
		for _, v := range []any{c, &c, []Config{c}, struct{ C Config }{c}} {
			s := fmt.Sprintf(verb, v)
			if strings.Contains(s, key) || strings.Contains(s, "hunter2") {
				t.Errorf("Sprintf(%q, %T) shows a secret: %s", verb, v, s)
			}
		}
	}
	if s := c.String(); !strings.Contains(s, "APIKey: redacted") || !strings.Contains(s, `Model: "ref-logic"`) {
		t.Errorf("String() = %s, want the fields with the key redacted", s)
	}
	if s := DefaultConfig().String(); !strings.Contains(s, "APIKey: none") {
		t.Errorf("String() = %s, want it to say there is no key", s)
	}
}

func TestNewClientChecksConfig(t *testing.T) {
	good := DefaultConfig()
	good.BaseURL = "http://localhost:8000/v1"
	tests := []struct {
		name   string
		edit   func(*Config)
		want   error
		reason string
	}{
		{"no-base-url", func(c *Config) { c.BaseURL = "" }, ErrNoBaseURL, "the embedded server is not this client's job"},
		{"concurrency=0", func(c *Config) { c.Concurrency = 0 }, ErrInvalidConfig, "a hand-built Config is checked too"},
		{"timeout=0", func(c *Config) { c.Timeout = 0 }, ErrInvalidConfig, "every attempt would time out at once"},
		{"delays", func(c *Config) { c.MaxDelay = c.BaseDelay / 2 }, ErrInvalidConfig, "the cap is below the base"},
		{"temperature=3", func(c *Config) { c.Temperature = 3 }, ErrInvalidConfig, "out of every server's range"},
		{"max-reply-bytes=0", func(c *Config) { c.MaxReplyBytes = 0 }, ErrInvalidConfig, "no reply could be read"},
		{"max-reply-bytes=2GiB", func(c *Config) { c.MaxReplyBytes = 2 << 30 }, ErrInvalidConfig, "over MaxReplyBytesLimit"},
		{"max-retry-after=24h", func(c *Config) { c.MaxRetryAfter = 24 * time.Hour }, ErrInvalidConfig,
			"a huge Retry-After, capped at a day, would be honoured rather than end the request"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := good
			tt.edit(&cfg)
			if _, err := NewClient(cfg); !errors.Is(err, tt.want) {
				t.Errorf("NewClient: %v, want %v (%s)", err, tt.want, tt.reason)
			}
		})
	}
	if _, err := NewClient(good); err != nil {
		t.Errorf("NewClient(a good config): %v", err)
	}
}

func TestConfigNewRequest(t *testing.T) {
	c := DefaultConfig()
	c.Seed, c.Temperature = 9, 0.5
	msgs := []Message{{Role: "user", Content: "Q"}}
	want := Request{Model: "ref-logic", Messages: msgs, Temperature: 0.5, Seed: 9, MaxTokens: 1024}
	if diff := cmp.Diff(want, c.NewRequest(msgs...)); diff != "" {
		t.Errorf("NewRequest (-want +got):\n%s", diff)
	}
}
