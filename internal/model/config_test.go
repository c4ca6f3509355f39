package model

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// env is a getenv over a map.
func env(vars map[string]string) func(string) string {
	return func(name string) string { return vars[name] }
}

func TestConfigFromEnv(t *testing.T) {
	withKey := func(c Config, key string) Config { return c.WithAPIKey(key) }
	full := DefaultConfig()
	full.BaseURL, full.Model = "http://localhost:11434/v1", "qwen2.5:7b"
	full.Concurrency, full.Timeout, full.MaxTokens = 32, 90*time.Second, 4096
	full.Seed, full.Temperature, full.Retries = -7, 0.25, 0
	tests := []struct {
		name   string
		vars   map[string]string
		want   Config
		reason string
	}{{
		name:   "empty",
		vars:   nil,
		want:   DefaultConfig(),
		reason: "every variable has a default; no base URL means the embedded server",
	}, {
		name: "all",
		vars: map[string]string{
			"SYLLOBENCH_BASE_URL": "http://localhost:11434/v1", "SYLLOBENCH_MODEL": "qwen2.5:7b",
			"SYLLOBENCH_API_KEY": "k1", "SYLLOBENCH_CONCURRENCY": "32", "SYLLOBENCH_TIMEOUT": "90s",
			"SYLLOBENCH_MAX_TOKENS": "4096", "SYLLOBENCH_SAMPLING_SEED": "-7",
			"SYLLOBENCH_TEMPERATURE": "0.25", "SYLLOBENCH_RETRIES": "0",
		},
		want:   withKey(full, "k1"),
		reason: "every variable is read into its field",
	}, {
		name:   "key-fallback",
		vars:   map[string]string{"OPENAI_API_KEY": "k2"},
		want:   withKey(DefaultConfig(), "k2"),
		reason: "OPENAI_API_KEY serves when SYLLOBENCH_API_KEY is unset",
	}, {
		name:   "key-precedence",
		vars:   map[string]string{"OPENAI_API_KEY": "k2", "SYLLOBENCH_API_KEY": "k1"},
		want:   withKey(DefaultConfig(), "k1"),
		reason: "SYLLOBENCH_API_KEY wins over OPENAI_API_KEY",
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ConfigFromEnv(env(tt.vars))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got, cmpopts.IgnoreUnexported(Config{})); diff != "" {
				t.Errorf("config (-want +got), %s:\n%s", tt.reason, diff)
			}
			if got.key() != tt.want.key() {
				t.Errorf("key %q, want %q: %s", got.key(), tt.want.key(), tt.reason)
			}
		})
	}
}

func TestConfigFromEnvErrors(t *testing.T) {
	tests := []struct {
		name, value, want string
		reason            string
	}{
		{"SYLLOBENCH_BASE_URL", "localhost:11434", "an http or https URL", "a scheme is needed"},
		{"SYLLOBENCH_BASE_URL", "ftp://host/v1", "an http or https URL", "only HTTP is spoken"},
		{"SYLLOBENCH_CONCURRENCY", "0", "an integer from 1 to 1024", "no request could be sent"},
		{"SYLLOBENCH_CONCURRENCY", "2000", "an integer from 1 to 1024", "beyond any server's batch"},
		{"SYLLOBENCH_CONCURRENCY", "eight", "an integer from 1 to 1024", "not a number"},
		{"SYLLOBENCH_TIMEOUT", "120", "a positive Go duration", "a duration needs its unit"},
		{"SYLLOBENCH_TIMEOUT", "-1s", "a positive Go duration", "a negative timeout"},
		{"SYLLOBENCH_MAX_TOKENS", "0", "a positive integer", "no token could be generated"},
		{"SYLLOBENCH_MAX_TOKENS", "1k", "a positive integer", "not a number"},
		{"SYLLOBENCH_SAMPLING_SEED", "1.5", "a 64-bit integer", "seeds are integers"},
		{"SYLLOBENCH_SAMPLING_SEED", "99999999999999999999", "a 64-bit integer", "beyond int64"},
		{"SYLLOBENCH_TEMPERATURE", "hot", "a number from 0 to 2", "not a number"},
		{"SYLLOBENCH_TEMPERATURE", "-0.1", "a number from 0 to 2", "below the range"},
		{"SYLLOBENCH_TEMPERATURE", "NaN", "a number from 0 to 2", "NaN compares false with everything"},
		{"SYLLOBENCH_RETRIES", "-1", "an integer from 0 to 100", "a negative budget"},
		{"SYLLOBENCH_RETRIES", "many", "an integer from 0 to 100", "not a number"},
	}
	for _, tt := range tests {
		t.Run(tt.name+"="+tt.value, func(t *testing.T) {
			_, err := ConfigFromEnv(env(map[string]string{tt.name: tt.value}))
			if !errors.Is(err, ErrBadConfig) {
				t.Fatalf("error %v, want ErrBadConfig (%s)", err, tt.reason)
			}
			want := fmt.Sprintf("%s=%q: want %s", tt.name, tt.value, tt.want)
			if !strings.Contains(err.Error(), want) {
				t.Errorf("error %q, want it to name the variable, the value and what is expected: %q", err, want)
			}
		})
	}
	t.Run("every-problem", func(t *testing.T) {
		_, err := ConfigFromEnv(env(map[string]string{"SYLLOBENCH_CONCURRENCY": "0", "SYLLOBENCH_RETRIES": "x"}))
		if err == nil || !strings.Contains(err.Error(), "SYLLOBENCH_CONCURRENCY") || !strings.Contains(err.Error(), "SYLLOBENCH_RETRIES") {
			t.Errorf("error %v, want both bad variables reported", err)
		}
	})
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
		{"concurrency=0", func(c *Config) { c.Concurrency = 0 }, ErrBadConfig, "a hand-built Config is checked too"},
		{"timeout=0", func(c *Config) { c.Timeout = 0 }, ErrBadConfig, "every attempt would time out at once"},
		{"delays", func(c *Config) { c.MaxDelay = c.BaseDelay / 2 }, ErrBadConfig, "the cap is below the base"},
		{"temperature=3", func(c *Config) { c.Temperature = 3 }, ErrBadConfig, "out of every server's range"},
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
