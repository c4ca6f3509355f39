package run

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/syllobench/syllobench/internal/fixture"
	"github.com/syllobench/syllobench/internal/logic"
	"github.com/syllobench/syllobench/internal/model"
	"github.com/syllobench/syllobench/internal/prompt"
	"github.com/syllobench/syllobench/internal/scorecard"
	"github.com/syllobench/syllobench/probes"
)

// env is a getenv over a map.
func env(vars map[string]string) func(string) string {
	return func(k string) string { return vars[k] }
}

// load reads the settings vars give, with no other environment.
func load(vars map[string]string) (Settings, error) {
	return Load(Source{Getenv: env(vars), Environ: []string{}})
}

// The battery's settings: what is asked and how it is judged.
func TestLoadBattery(t *testing.T) {
	s, err := load(nil)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(probes.DefaultConfig(), s.Battery); diff != "" {
		t.Errorf("with nothing set (-want +got):\n%s", diff)
	}
	s, err = load(map[string]string{
		"SYLLOBENCH_SEED": "42", "SYLLOBENCH_SIZE": "large", "SYLLOBENCH_FORMAT": "cot", "SYLLOBENCH_SEMANTICS": "boolean",
		"SYLLOBENCH_FLOOR": "0.9", "SYLLOBENCH_FLOOR_CHAINS": "0.5", "SYLLOBENCH_BELIEF_LIMIT": "0.1",
		"SYLLOBENCH_MAX_FLIPS": "2", "SYLLOBENCH_ALPHA": "0.01", "SYLLOBENCH_STRICT": "1",
	})
	if err != nil {
		t.Fatal(err)
	}
	want := probes.Config{Seed: 42, Size: probes.Large, Format: prompt.CoT, Semantics: logic.Boolean, Limits: probes.Limits{
		Floor: 0.9, Floors: map[string]float64{"chains": 0.5}, BeliefLimit: 0.1, MaxFlips: 2, Alpha: 0.01, Strict: true,
	}}
	if diff := cmp.Diff(want, s.Battery); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if s.Battery.Limits.FloorOf("chains") != 0.5 || s.Battery.Limits.FloorOf("validity") != 0.9 {
		t.Errorf("FloorOf: chains %v, validity %v", s.Battery.Limits.FloorOf("chains"), s.Battery.Limits.FloorOf("validity"))
	}
	// A probe's floor set alone takes the common floor's place for it.
	s, err = load(map[string]string{"SYLLOBENCH_FLOOR_VALIDITY": "0.7"})
	if err != nil {
		t.Fatal(err)
	}
	if s.Battery.Limits.FloorOf("validity") != 0.7 || s.Battery.Limits.FloorOf("chains") != 0.95 {
		t.Errorf("SYLLOBENCH_FLOOR_VALIDITY=0.7: floors %v", s.Battery.Limits.Floors)
	}
}

// Every bad value is reported at once, each naming its variable.
func TestLoadBatteryGarbage(t *testing.T) {
	bad := map[string]string{
		"SYLLOBENCH_SEED": "-1", "SYLLOBENCH_SIZE": "huge", "SYLLOBENCH_FORMAT": "poem", "SYLLOBENCH_SEMANTICS": "fuzzy",
		"SYLLOBENCH_FLOOR": "1.5", "SYLLOBENCH_FLOOR_BELIEF": "NaN", "SYLLOBENCH_BELIEF_LIMIT": "x",
		"SYLLOBENCH_MAX_FLIPS": "-3", "SYLLOBENCH_ALPHA": "0", "SYLLOBENCH_STRICT": "yes please",
	}
	s, err := load(bad)
	if !errors.Is(err, ErrBadConfig) {
		t.Fatalf("error %v; want ErrBadConfig", err)
	}
	if diff := cmp.Diff(Settings{}, s, cmpopts.IgnoreUnexported(Settings{}, model.Config{})); diff != "" {
		t.Errorf("settings returned with the error (-want +got):\n%s", diff)
	}
	for name, val := range bad {
		if want := fmt.Sprintf("%s=%q: want ", name, val); !strings.Contains(err.Error(), want) {
			t.Errorf("the error does not name %s=%q:\n%v", name, val, err)
		}
	}
	var ce *ConfigError
	if !errors.As(err, &ce) || ce.Value == "" || !strings.HasPrefix(ce.Setting, "SYLLOBENCH_") {
		t.Errorf("errors.As(*ConfigError): %+v", ce)
	}
	if n := strings.Count(err.Error(), "bad configuration: "); n != len(bad) {
		t.Errorf("%d errors for %d bad values:\n%v", n, len(bad), err)
	}
	if want := `bad configuration: SYLLOBENCH_SIZE="huge": want small, default or large`; !strings.Contains(err.Error(), want) {
		t.Errorf("error %v; want the line %q", err, want)
	}
}

// The target and its sampling: every variable is read into its field of
// settings.Model.
func TestLoadModel(t *testing.T) {
	withKey := func(c model.Config, key string) model.Config { return c.WithAPIKey(key) }
	full := model.DefaultConfig()
	full.BaseURL, full.Model = "http://localhost:11434/v1", "qwen2.5:7b"
	full.Concurrency, full.Timeout, full.MaxTokens = 32, 90*time.Second, 4096
	full.Seed, full.Temperature, full.Retries = -7, 0.25, 0
	full.MaxReplyBytes = 1 << 20
	tests := []struct {
		name   string
		vars   map[string]string
		want   model.Config
		reason string
	}{{
		name:   "empty",
		vars:   nil,
		want:   model.DefaultConfig(),
		reason: "every variable has a default; no base URL means the embedded server",
	}, {
		name: "all",
		vars: map[string]string{
			"SYLLOBENCH_BASE_URL": "http://localhost:11434/v1", "SYLLOBENCH_MODEL": "qwen2.5:7b",
			"SYLLOBENCH_API_KEY": "k1", "SYLLOBENCH_CONCURRENCY": "32", "SYLLOBENCH_TIMEOUT": "90s",
			"SYLLOBENCH_MAX_TOKENS": "4096", "SYLLOBENCH_SAMPLING_SEED": "-7",
			"SYLLOBENCH_TEMPERATURE": "0.25", "SYLLOBENCH_RETRIES": "0", "SYLLOBENCH_MAX_REPLY_BYTES": "1048576",
		},
		want:   withKey(full, "k1"),
		reason: "every variable is read into its field",
	}, {
		name:   "key-fallback",
		vars:   map[string]string{"OPENAI_API_KEY": "k2"},
		want:   withKey(model.DefaultConfig(), "k2"),
		reason: "OPENAI_API_KEY serves when SYLLOBENCH_API_KEY is unset",
	}, {
		name:   "key-precedence",
		vars:   map[string]string{"OPENAI_API_KEY": "k2", "SYLLOBENCH_API_KEY": "k1"},
		want:   withKey(model.DefaultConfig(), "k1"),
		reason: "SYLLOBENCH_API_KEY wins over OPENAI_API_KEY",
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			vars := map[string]string{"SYLLOBENCH_FIXTURES": t.TempDir()} // no recorded scorecard to take settings from
			for k, v := range tt.vars {
				vars[k] = v
			}
			s, err := load(vars)
			if err != nil {
				t.Fatal(err)
			}
			got := s.Model
			if diff := cmp.Diff(tt.want, got, cmpopts.IgnoreUnexported(model.Config{})); diff != "" {
				t.Errorf("config (-want +got), %s:\n%s", tt.reason, diff)
			}
			if k, want := sentKey(t, got), sentKey(t, tt.want); k != want {
				t.Errorf("key %q, want %q: %s", k, want, tt.reason)
			}
			if got.HasAPIKey() != tt.want.HasAPIKey() {
				t.Errorf("HasAPIKey %v, want %v: %s", got.HasAPIKey(), tt.want.HasAPIKey(), tt.reason)
			}
		})
	}
}

// sentKey returns the key a client of cfg sends, "" for none: the key is
// unexported, and sending it is what it is for.
func sentKey(t *testing.T, cfg model.Config) string {
	t.Helper()
	var got string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got = strings.TrimSpace(strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer"))
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, `{"choices":[{"message":{"role":"assistant","content":"Answer: yes"},"finish_reason":"stop"}]}`)
	}))
	defer srv.Close()
	cfg.BaseURL, cfg.Retries = srv.URL+"/v1", 0
	c, err := model.NewClient(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Complete(context.Background(), cfg.NewRequest(model.Message{Role: "user", Content: "Q"})); err != nil {
		t.Fatal(err)
	}
	return got
}

// Every bad value of the target's settings is reported, naming the
// variable, the value and what is accepted.
func TestLoadModelErrors(t *testing.T) {
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
		{"SYLLOBENCH_MAX_REPLY_BYTES", "0", "a positive integer up to 1073741824", "no reply could be read"},
		{"SYLLOBENCH_MAX_REPLY_BYTES", "-1", "a positive integer up to 1073741824", "a negative size"},
		{"SYLLOBENCH_MAX_REPLY_BYTES", "4MiB", "a positive integer up to 1073741824", "a count of bytes, without a unit"},
		{"SYLLOBENCH_MAX_REPLY_BYTES", "1073741825", "a positive integer up to 1073741824", "more than a gigabyte a reply"},
		{"SYLLOBENCH_MODEL", " qwen", "a model name without spaces around it", "a stray space would name another model"},
	}
	for _, tt := range tests {
		t.Run(tt.name+"="+tt.value, func(t *testing.T) {
			_, err := load(map[string]string{tt.name: tt.value})
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
		_, err := load(map[string]string{"SYLLOBENCH_CONCURRENCY": "0", "SYLLOBENCH_RETRIES": "x"})
		if err == nil || !strings.Contains(err.Error(), "SYLLOBENCH_CONCURRENCY") || !strings.Contains(err.Error(), "SYLLOBENCH_RETRIES") {
			t.Errorf("error %v, want both bad variables reported", err)
		}
	})
	// A key no HTTP header can carry is an error naming its variable,
	// which does not show the key.
	for _, variable := range []string{"SYLLOBENCH_API_KEY", "OPENAI_API_KEY"} {
		t.Run(variable+"=control", func(t *testing.T) {
			_, err := load(map[string]string{variable: "sk-abc\nsecret"})
			if !errors.Is(err, ErrBadConfig) || !strings.Contains(err.Error(), "bad configuration: "+variable+": want") ||
				!strings.Contains(err.Error(), "byte 6") || strings.Contains(err.Error(), "secret") || strings.Contains(err.Error(), "sk-abc") {
				t.Errorf("error %v; want it to name %s and the byte, and not show the key", err, variable)
			}
		})
	}
}

// The run's own settings: fixtures, outputs, baseline, the gate's floors,
// the corpus, the deadline and the breaker.
func TestLoadRunSettings(t *testing.T) {
	s, err := load(nil)
	if err != nil {
		t.Fatal(err)
	}
	want := Settings{Model: model.DefaultConfig(), Battery: probes.DefaultConfig(), Mode: fixture.Live, Fixtures: DefaultFixtures,
		Corpus: DefaultCorpus, Out: DefaultOut, MaxFailures: DefaultMaxFailures, FuzzSeeds: true, Target: "embedded"}
	if diff := cmp.Diff(want, s, cmpopts.IgnoreUnexported(Settings{}, model.Config{})); diff != "" {
		t.Errorf("with nothing set (-want +got):\n%s", diff)
	}
	fixtures, out := t.TempDir(), filepath.Join(t.TempDir(), "not-yet")
	s, err = load(map[string]string{
		"SYLLOBENCH_MODE": "record", "SYLLOBENCH_FIXTURES": fixtures, "SYLLOBENCH_OUT": out,
		"SYLLOBENCH_BASELINE": "ref-belief", "SYLLOBENCH_UPDATE": "1", "SYLLOBENCH_FLOORS": "1",
		"SYLLOBENCH_FUZZ_SEEDS": "0", "SYLLOBENCH_DEADLINE": "30m", "SYLLOBENCH_MAX_FAILURES": "3",
	})
	if err != nil {
		t.Fatal(err)
	}
	if s.Mode != fixture.Record || s.Fixtures != fixtures || s.Out != out || s.Baseline != "ref-belief" || !s.Update ||
		!s.Floors || s.FuzzSeeds || s.Deadline != 30*time.Minute || s.MaxFailures != 3 {
		t.Errorf("settings %+v", s)
	}
	if name, ok := s.Set("SYLLOBENCH_MAX_FAILURES"); !ok || name != "SYLLOBENCH_MAX_FAILURES" {
		t.Errorf("Set(SYLLOBENCH_MAX_FAILURES) = %q, %v", name, ok)
	}
	if _, ok := s.Set("SYLLOBENCH_SEED"); ok {
		t.Error("Set(SYLLOBENCH_SEED) reports a setting that was not given")
	}
	for _, v := range []string{"0", "false"} {
		if s, err := load(map[string]string{"SYLLOBENCH_FLOORS": v, "SYLLOBENCH_UPDATE": "0"}); err != nil || s.Floors || s.Update {
			t.Errorf("SYLLOBENCH_FLOORS=%s SYLLOBENCH_UPDATE=0: floors %v, update %v, %v", v, s.Floors, s.Update, err)
		}
	}

	file := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	bad := map[string]string{
		"SYLLOBENCH_MODE": "sometimes", "SYLLOBENCH_UPDATE": "yes", "SYLLOBENCH_FLOORS": "2", "SYLLOBENCH_FUZZ_SEEDS": "no",
		"SYLLOBENCH_DEADLINE": "10", "SYLLOBENCH_MAX_FAILURES": "0", "SYLLOBENCH_FIXTURES": file, "SYLLOBENCH_OUT": file,
	}
	_, err = load(bad)
	if !errors.Is(err, ErrBadConfig) {
		t.Fatalf("error %v; want ErrBadConfig", err)
	}
	for name, val := range bad {
		if want := fmt.Sprintf("%s=%q: want ", name, val); !strings.Contains(err.Error(), want) {
			t.Errorf("the error does not name %s=%q:\n%v", name, val, err)
		}
	}
	if !strings.Contains(err.Error(), "a directory, not a file") {
		t.Errorf("a file for a directory: %v", err)
	}
}

// An external model replays by default in go test, and is recorded by
// default when the caller asks (syllobench run); the built-in reasoners
// run live; SYLLOBENCH_MODE overrides both.
func TestLoadModeAndTarget(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		vars   map[string]string
		ask    bool
		mode   fixture.Mode
		target string
		reason string
	}{
		{nil, false, fixture.Live, "embedded", "the built-in reasoners are deterministic and free"},
		{nil, true, fixture.Live, "embedded", "asking changes nothing for them"},
		{map[string]string{"SYLLOBENCH_BASE_URL": "http://127.0.0.1:1/v1", "SYLLOBENCH_MODEL": "m"}, false, fixture.Replay, "external", "go test replays an external model"},
		{map[string]string{"SYLLOBENCH_BASE_URL": "http://127.0.0.1:1/v1", "SYLLOBENCH_MODEL": "m"}, true, fixture.Record, "external", "syllobench run asks it"},
		{map[string]string{"SYLLOBENCH_BASE_URL": "http://127.0.0.1:1/v1", "SYLLOBENCH_MODEL": "m", "SYLLOBENCH_MODE": "live"}, true, fixture.Live, "external", "the variable wins"},
		{map[string]string{"SYLLOBENCH_BASE_URL": "http://127.0.0.1:1/v1", "SYLLOBENCH_MODEL": "ref-logic"}, false, fixture.Replay, "external", "a reasoner's name behind a server is an external model"},
		{map[string]string{"SYLLOBENCH_MODEL": "gpt-9", "SYLLOBENCH_MODE": "replay"}, false, fixture.Replay, "external", "replay needs no server"},
	} {
		vars := map[string]string{"SYLLOBENCH_FIXTURES": dir}
		for k, v := range tc.vars {
			vars[k] = v
		}
		s, err := Load(Source{Getenv: env(vars), Environ: []string{}, Ask: tc.ask})
		if err != nil || s.Mode != tc.mode || s.Target != tc.target {
			t.Errorf("%v, ask %v: mode %v, target %q, %v; want %v and %q: %s", tc.vars, tc.ask, s.Mode, s.Target, err, tc.mode, tc.target, tc.reason)
		}
	}
	_, err := load(map[string]string{"SYLLOBENCH_MODEL": "gpt-9"})
	if !errors.Is(err, ErrBadConfig) || !strings.Contains(err.Error(), `SYLLOBENCH_MODEL="gpt-9": want a built-in reasoner (ref-logic`) {
		t.Errorf("an unknown model with no server: %v; want an error naming SYLLOBENCH_MODEL and the reasoners", err)
	}
}

// A value given by a flag of the command line wins over its variable,
// and an error about it names the flag.
func TestLoadFlags(t *testing.T) {
	_, err := Load(Source{Getenv: env(nil), Environ: []string{}, Flags: map[string]Flag{"SYLLOBENCH_SIZE": {Name: "size", Value: "huge"}}})
	if !errors.Is(err, ErrBadConfig) || !strings.Contains(err.Error(), `-size "huge"`) || strings.Contains(err.Error(), "SYLLOBENCH_SIZE") {
		t.Errorf("a bad -size: %v; want it named as the flag, `-size \"huge\"`", err)
	}
	var ce *ConfigError
	if !errors.As(err, &ce) || ce.Setting != "-size" || ce.Value != "huge" {
		t.Errorf("ConfigError %+v; want the setting -size", ce)
	}
	_, err = Load(Source{Getenv: env(nil), Environ: []string{}, Flags: map[string]Flag{"SYLLOBENCH_MODEL": {Name: "model", Value: "gpt-9"}}})
	if err == nil || !strings.Contains(err.Error(), `-model "gpt-9": want a built-in reasoner`) {
		t.Errorf("an unknown -model: %v", err)
	}

	vars := map[string]string{"SYLLOBENCH_SIZE": "large", "SYLLOBENCH_SEED": "9"}
	s, err := Load(Source{Getenv: env(vars), Environ: []string{}, Flags: map[string]Flag{
		"SYLLOBENCH_SIZE": {Name: "size", Value: "small"},
		"SYLLOBENCH_SEED": {Name: "seed", Value: ""}, // not given: the variable's value stands
	}})
	if err != nil {
		t.Fatal(err)
	}
	if s.Battery.Size != probes.Small || s.Battery.Seed != 9 {
		t.Errorf("size %s, seed %d; want the flag's small and the variable's 9", s.Battery.Size, s.Battery.Seed)
	}
	if name, ok := s.Set("SYLLOBENCH_SIZE"); !ok || name != "-size" {
		t.Errorf("Set(SYLLOBENCH_SIZE) = %q, %v; want -size", name, ok)
	}
	if name, ok := s.Set("SYLLOBENCH_SEED"); !ok || name != "SYLLOBENCH_SEED" {
		t.Errorf("Set(SYLLOBENCH_SEED) = %q, %v; want the variable", name, ok)
	}
}

// Short (go test -short) selects the small size when none is given or
// recorded.
func TestLoadShort(t *testing.T) {
	for _, tc := range []struct {
		vars  map[string]string
		short bool
		want  probes.Size
	}{
		{nil, false, probes.Default},
		{nil, true, probes.Small},
		{map[string]string{"SYLLOBENCH_SIZE": "large"}, true, probes.Large},
		{map[string]string{"SYLLOBENCH_SIZE": "default"}, true, probes.Default},
	} {
		s, err := Load(Source{Getenv: env(tc.vars), Environ: []string{}, Short: tc.short})
		if err != nil || s.Battery.Size != tc.want {
			t.Errorf("%v, short %v: size %s, %v; want %s", tc.vars, tc.short, s.Battery.Size, err, tc.want)
		}
	}
	// A replay asks what was recorded, at the recorded size.
	dir := t.TempDir()
	writeScorecard(t, dir, "some-model", scorecard.Config{Target: "external", Seed: 1, Size: "default", Format: "direct", Semantics: "traditional", MaxTokens: 1024, Floor: 0.95, BeliefLimit: 0.05, Alpha: 0.05})
	vars := map[string]string{"SYLLOBENCH_BASE_URL": "http://127.0.0.1:1/v1", "SYLLOBENCH_MODEL": "some-model", "SYLLOBENCH_FIXTURES": dir}
	s, err := Load(Source{Getenv: env(vars), Environ: []string{}, Short: true})
	if err != nil || s.Battery.Size != probes.Default || s.Recorded == nil {
		t.Errorf("short replay of a recorded run: size %s, recorded %v, %v; want the recorded default", s.Battery.Size, s.Recorded, err)
	}
	vars["SYLLOBENCH_MODEL"] = "other-model" // nothing recorded
	if s, err := Load(Source{Getenv: env(vars), Environ: []string{}, Short: true}); err != nil || s.Battery.Size != probes.Small || s.Recorded != nil {
		t.Errorf("short replay with nothing recorded: size %s, recorded %v, %v; want small", s.Battery.Size, s.Recorded, err)
	}
}

// The run's deadline: SYLLOBENCH_DEADLINE, else a margin before the
// caller's (go test's -timeout): a tenth of the time left, at most a
// minute, and at least a second of run.
func TestLoadDeadline(t *testing.T) {
	for _, tc := range []struct {
		vars     map[string]string
		in       time.Duration // the caller's deadline, from now; 0 for none
		lo, hi   time.Duration
		describe string
	}{
		{nil, 0, 0, 0, "no deadline"},
		{map[string]string{"SYLLOBENCH_DEADLINE": "30m"}, 0, 30 * time.Minute, 30 * time.Minute, "the variable"},
		{map[string]string{"SYLLOBENCH_DEADLINE": "30m"}, 10 * time.Minute, 30 * time.Minute, 30 * time.Minute, "the variable wins over go test's"},
		{nil, 10 * time.Minute, 9*time.Minute - 5*time.Second, 9 * time.Minute, "a tenth before go test's"},
		{nil, 100 * time.Minute, 99*time.Minute - 5*time.Second, 99 * time.Minute, "at most a minute before"},
		{nil, 5 * time.Second, 4 * time.Second, 4500 * time.Millisecond, "half a second before five seconds"},
		{nil, -time.Minute, time.Second, time.Second, "at least a second, even when go test's has passed"},
	} {
		src := Source{Getenv: env(tc.vars), Environ: []string{}}
		if tc.in != 0 {
			src.Deadline = time.Now().Add(tc.in)
		}
		s, err := Load(src)
		if err != nil || s.Deadline < tc.lo || s.Deadline > tc.hi {
			t.Errorf("%s: deadline %v, %v; want %v to %v", tc.describe, s.Deadline, err, tc.lo, tc.hi)
		}
	}
	for _, v := range []string{"10", "-1s", "0s", "soon"} {
		_, err := load(map[string]string{"SYLLOBENCH_DEADLINE": v})
		if !errors.Is(err, ErrBadConfig) || !strings.Contains(err.Error(), fmt.Sprintf("SYLLOBENCH_DEADLINE=%q", v)) {
			t.Errorf("SYLLOBENCH_DEADLINE=%s: %v", v, err)
		}
	}
}

// writeScorecard records a scorecard of model with configuration c under
// the fixtures directory dir, as a replay finds it.
func writeScorecard(t *testing.T, dir, modelName string, c scorecard.Config) string {
	t.Helper()
	path := BaselinePath(dir, modelName)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	sc := &scorecard.Scorecard{Format: scorecard.Version, Suite: probes.Version, Model: modelName, Config: c}
	if err := sc.WriteFile(path); err != nil {
		t.Fatal(err)
	}
	return path
}

// A replay takes the settings that decide the questions, their sampling,
// the limits and the target from the recorded scorecard, unless a
// variable or a flag sets them.
func TestLoadReplayTakesRecorded(t *testing.T) {
	dir := t.TempDir()
	recorded := scorecard.Config{Target: "embedded", Seed: 7, Size: "large", Format: "cot", Semantics: "boolean",
		Temperature: 0.7, SamplingSeed: 42, MaxTokens: 333, Floor: 0.8, Floors: map[string]float64{"chains": 0.5},
		BeliefLimit: 0.2, MaxFlips: 3, Alpha: 0.01, Strict: true}
	path := writeScorecard(t, dir, "some-model", recorded)
	vars := map[string]string{"SYLLOBENCH_BASE_URL": "http://127.0.0.1:1/v1", "SYLLOBENCH_MODEL": "some-model", "SYLLOBENCH_FIXTURES": dir}

	s, err := load(vars)
	if err != nil {
		t.Fatal(err)
	}
	if s.Mode != fixture.Replay || s.Recorded == nil || s.Recorded.Path != path {
		t.Fatalf("mode %v, recorded %+v; want a replay of %s", s.Mode, s.Recorded, path)
	}
	if diff := cmp.Diff(recorded, s.scorecardConfig()); diff != "" {
		t.Errorf("the replay's configuration is not the recorded one (-recorded +replay):\n%s", diff)
	}
	if s.Model.Temperature != 0.7 || s.Model.Seed != 42 || s.Model.MaxTokens != 333 || s.Target != "embedded" {
		t.Errorf("model %v, target %s", s.Model, s.Target)
	}
	if diffs := s.recordedDifferences(); len(diffs) != 0 {
		t.Errorf("differences from the recorded run: %q; want none", diffs)
	}

	// A variable or a flag wins over the recording; the run says how it
	// differs.
	vars["SYLLOBENCH_TEMPERATURE"], vars["SYLLOBENCH_FLOOR_VALIDITY"] = "0", "0.6"
	s, err = Load(Source{Getenv: env(vars), Environ: []string{}, Flags: map[string]Flag{"SYLLOBENCH_SIZE": {Name: "size", Value: "small"}}})
	if err != nil {
		t.Fatal(err)
	}
	if s.Battery.Size != probes.Small || s.Model.Temperature != 0 || s.Battery.Seed != 7 || s.Battery.Format != prompt.CoT {
		t.Errorf("size %s, temperature %v, seed %d, format %s; want small and 0 as set, 7 and cot as recorded", s.Battery.Size, s.Model.Temperature, s.Battery.Seed, s.Battery.Format)
	}
	if diff := cmp.Diff(map[string]float64{"validity": 0.6}, s.Battery.Limits.Floors); diff != "" {
		t.Errorf("a probe's floor set: the recorded floors are not taken (-want +got):\n%s", diff)
	}
	want := []string{"-size=small (recorded: large)", "SYLLOBENCH_TEMPERATURE=0 (recorded: 0.7)"}
	if diff := cmp.Diff(want, s.recordedDifferences()); diff != "" {
		t.Errorf("differences (-want +got):\n%s", diff)
	}

	// Recording does not replay: nothing is taken.
	vars = map[string]string{"SYLLOBENCH_BASE_URL": "http://127.0.0.1:1/v1", "SYLLOBENCH_MODEL": "some-model", "SYLLOBENCH_FIXTURES": dir, "SYLLOBENCH_MODE": "record"}
	if s, err := load(vars); err != nil || s.Recorded != nil || s.Battery.Size != probes.Default || s.Target != "external" {
		t.Errorf("record mode: recorded %v, size %s, target %s, %v; want the defaults", s.Recorded, s.Battery.Size, s.Target, err)
	}

	// A recorded scorecard that cannot be read, or holds a bad value, is
	// an error naming it.
	bad := writeScorecard(t, dir, "bad-model", scorecard.Config{Size: "enormous", Format: "direct", Semantics: "traditional"})
	vars = map[string]string{"SYLLOBENCH_BASE_URL": "http://127.0.0.1:1/v1", "SYLLOBENCH_MODEL": "bad-model", "SYLLOBENCH_FIXTURES": dir}
	if _, err := load(vars); err == nil || !strings.Contains(err.Error(), bad) || !strings.Contains(err.Error(), "enormous") {
		t.Errorf("a recorded scorecard with a bad size: %v; want an error naming %s", err, bad)
	}
	if err := os.WriteFile(bad, []byte("{not json"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := load(vars); err == nil || !strings.Contains(err.Error(), bad) || !strings.Contains(err.Error(), "recorded scorecard") {
		t.Errorf("a damaged recorded scorecard: %v; want an error naming %s", err, bad)
	}
}

// The sampling of a run is the target's.
func TestSettingsSampling(t *testing.T) {
	s, err := load(map[string]string{"SYLLOBENCH_MODEL": "ref-belief", "SYLLOBENCH_TEMPERATURE": "0.5", "SYLLOBENCH_SAMPLING_SEED": "3", "SYLLOBENCH_MAX_TOKENS": "77"})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := s.Sampling(), (Sampling{Model: "ref-belief", Temperature: 0.5, Seed: 3, MaxTokens: 77}); got != want {
		t.Errorf("Sampling() = %+v, want %+v", got, want)
	}
}

func TestCheckEnviron(t *testing.T) {
	if err := checkEnv([]string{"SYLLOBENCH_FLOOR=0.9", "SYLLOBENCH_FLOOR_CHAINS=0.5", "HOME=/root"}); err != nil {
		t.Errorf("valid names: %v", err)
	}
	err := checkEnv([]string{"SYLLOBENCH_FLOOR_CHAIN=0.5", "SYLLOBENCH_FLOOR_INVARIANCE=0.9", "SYLLOBENCH_BASEURL=http://x", "SYLLOBENCH_TEST_CHILD=1", "SYLLOBENCH_FIXTURE_HELPER_X=1"})
	for _, want := range []string{
		`SYLLOBENCH_FLOOR_CHAIN="0.5": want SYLLOBENCH_FLOOR_ and a probe with a floor`,
		`SYLLOBENCH_FLOOR_INVARIANCE="0.9": want SYLLOBENCH_FLOOR_ and a probe with a floor`,
		`SYLLOBENCH_BASEURL="http://x": want a syllobench variable`,
	} {
		if !errors.Is(err, ErrBadConfig) || !strings.Contains(err.Error(), want) {
			t.Errorf("typos and a probe without a floor: %v; want it to say %q", err, want)
		}
	}
	if strings.Contains(err.Error(), "SYLLOBENCH_TEST_CHILD") || strings.Contains(err.Error(), "SYLLOBENCH_FIXTURE_HELPER_X") {
		t.Errorf("a variable of the project's own tests is rejected: %v", err)
	}
	// Every variable the code reads is listed.
	for _, v := range Variables {
		if err := checkEnv([]string{v + "=x"}); err != nil {
			t.Errorf("%s: %v", v, err)
		}
	}
	// Load checks the environment it is given, and os.Environ() by default.
	if _, err := Load(Source{Getenv: env(nil), Environ: []string{"SYLLOBENCH_BASEURL=http://x"}}); !errors.Is(err, ErrBadConfig) || !strings.Contains(err.Error(), "SYLLOBENCH_BASEURL") {
		t.Errorf("Load with a typo in the environment: %v", err)
	}
	t.Setenv("SYLLOBENCH_SIZEE", "small")
	if _, err := Load(Source{Getenv: env(nil)}); !errors.Is(err, ErrBadConfig) || !strings.Contains(err.Error(), "SYLLOBENCH_SIZEE") {
		t.Errorf("Load with a typo in the process's environment: %v", err)
	}
}

// Variables lists every SYLLOBENCH_ variable the module's code reads, so
// that the check of the environment rejects only typos. The module's root is ../.. from
// here.
func TestVariablesListEveryVariable(t *testing.T) {
	const root = "../.."
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatalf("the module's root: %v", err)
	}
	re := regexp.MustCompile(`"(SYLLOBENCH_[A-Z_]*[A-Z])"`)
	found := map[string]bool{}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			name := d.Name()
			if path != root && (name == "testdata" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")) {
				return filepath.SkipDir
			}
			if _, err := os.Stat(filepath.Join(path, "go.mod")); path != root && err == nil {
				return filepath.SkipDir // another module
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, m := range re.FindAllStringSubmatch(string(data), -1) {
			found[m[1]] = true
			if err := checkEnv([]string{m[1] + "=x"}); err != nil && !strings.HasPrefix(m[1], "SYLLOBENCH_FLOOR_") {
				t.Errorf("%s reads %s, which Variables does not list", path, m[1])
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// The walk saw the whole module: the run's variables and the
	// command's are among those it found.
	for _, v := range []string{"SYLLOBENCH_DEADLINE", "SYLLOBENCH_MAX_FAILURES", "SYLLOBENCH_FLOORS", "SYLLOBENCH_MODEL", "SYLLOBENCH_SEED"} {
		if !found[v] {
			t.Errorf("the walk of %s found no code that reads %s", root, v)
		}
	}
}

// checkEnv is Load's check of the environment, as one error.
func checkEnv(environ []string) error { return errors.Join(checkEnviron(environ)...) }
