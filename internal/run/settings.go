package run

import (
	"errors"
	"fmt"
	"io/fs"
	"math"
	"net/url"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/syllobench/syllobench/internal/fixture"
	"github.com/syllobench/syllobench/internal/logic"
	"github.com/syllobench/syllobench/internal/model"
	"github.com/syllobench/syllobench/internal/prompt"
	"github.com/syllobench/syllobench/internal/refmodel"
	"github.com/syllobench/syllobench/internal/semeval"
	"github.com/syllobench/syllobench/probes"
)

// Settings is everything a run is configured by. [Load] reads it, the
// one reader of every SYLLOBENCH_ variable and of the command line's
// flags, so that go test and syllobench run cannot read them differently.
type Settings struct {
	Model   model.Config  // the target and its sampling: base URL, model, key, concurrency, timeout, max tokens, seed, temperature, retries, reply size
	Battery probes.Config // what is asked and how it is judged: seed, size, format, semantics, limits

	Mode     fixture.Mode // SYLLOBENCH_MODE
	Fixtures string       // SYLLOBENCH_FIXTURES: fixtures, baselines and pinned items
	Corpus   string       // the committed content-bias cases, testdata/fuzz/FuzzContentBias
	Out      string       // SYLLOBENCH_OUT: scorecard.json and summary.txt, by default syllobench-out
	Baseline string       // SYLLOBENCH_BASELINE: the run is a gate against this model's scorecard
	Update   bool         // SYLLOBENCH_UPDATE=1: the run becomes the model's baseline
	// Floors (SYLLOBENCH_FLOORS=1) makes a gating run fail on the absolute
	// checks too: floors, belief limit, invariance and content bias.
	Floors bool
	// Deadline (SYLLOBENCH_DEADLINE) bounds the whole run; 0 is none.
	Deadline time.Duration
	// MaxFailures (SYLLOBENCH_MAX_FAILURES) is how many requests may fail
	// in a row before the run stops, with the last error.
	MaxFailures int
	FuzzSeeds   bool // SYLLOBENCH_FUZZ_SEEDS: FuzzContentBias asks its built-in seed corpus

	// API (SYLLOBENCH_API) is the endpoint questions go to: "" for chat
	// completions, model.APICompletions for text completions, the way
	// to ask a base model.
	API string

	// Dataset (SYLLOBENCH_DATASET) is a SemEval-2026 Task 11 dataset
	// asked as the probe dataset, read when the settings are loaded:
	// DatasetRecords are its records and DatasetSHA256 the hex SHA-256
	// of the file, which the scorecard records.
	Dataset        string
	DatasetRecords []semeval.Record
	DatasetSHA256  string

	// Target is "embedded" (the built-in reasoners) or "external", as the
	// scorecard says.
	Target string
	// KeyAdvice, for a model of a models file, says where to set a key
	// its server refused ("set KEY_B (named on line 2 of models.txt) …");
	// "" when the key is SYLLOBENCH_API_KEY's or OPENAI_API_KEY's.
	KeyAdvice string
	// Alone, in a run of several models ([LoadAll]), is the variables
	// that ask this one alone, as a shell sets them
	// ("SYLLOBENCH_MODEL=a"); "" in a run of one.
	Alone string
	// Recorded is the configuration of the model's recorded scorecard,
	// which a replay takes its settings from; nil when there is none.
	Recorded *Recorded

	set map[string]string // the settings given a value, by variable: the name the user gave (variable or flag)
}

// Defaults of the settings that are not another package's.
const (
	DefaultMaxFailures = 8
	DefaultCorpus      = "testdata/fuzz/FuzzContentBias"
	DefaultFixtures    = "fixtures"
	DefaultOut         = "syllobench-out"
)

// Source is where [Load] reads settings from: a flag of the command
// line, when given, over its variable.
type Source struct {
	Getenv func(string) string // os.Getenv when nil
	// Environ is checked for SYLLOBENCH_ variables that syllobench does
	// not read (a typo is an error); os.Environ() when nil.
	Environ []string
	// Flags are the command line's values, by the variable they stand
	// for; an error about one names the flag.
	Flags map[string]Flag
	// Short selects the small size when no size is given or recorded,
	// as go test -short asks.
	Short bool
	// Ask makes record the default mode for an external model, as
	// syllobench run, which asks, wants it; go test replays by default.
	Ask bool
	// EveryReasoner makes [LoadAll] ask every built-in reasoner when no
	// model and no server are configured, as syllobench run does; go
	// test asks ref-logic.
	EveryReasoner bool
	// Deadline is the caller's own, go test's -timeout: the run's default
	// deadline comes a margin before it, so that the run ends, writes its
	// partial scorecard and says why before go test panics.
	Deadline time.Time
}

// Flag is a command-line flag's value.
type Flag struct{ Name, Value string }

// ErrBadConfig is wrapped by every [ConfigError].
var ErrBadConfig = errors.New("bad configuration")

// ConfigError is a bad value of one setting.
type ConfigError struct {
	Setting string // the variable, or the flag ("-size") when the value came from one
	Value   string // "" when it is a secret, not shown
	Want    string // what is accepted
	secret  bool
}

func (e *ConfigError) Error() string {
	if e.secret {
		return fmt.Sprintf("bad configuration: %s: want %s", e.Setting, e.Want)
	}
	if strings.HasPrefix(e.Setting, "-") {
		return fmt.Sprintf("bad configuration: %s %q: want %s", e.Setting, e.Value, e.Want)
	}
	return fmt.Sprintf("bad configuration: %s=%q: want %s", e.Setting, e.Value, e.Want)
}

// Unwrap returns [ErrBadConfig].
func (e *ConfigError) Unwrap() error { return ErrBadConfig }

// Variables lists every SYLLOBENCH_ variable syllobench reads, besides
// SYLLOBENCH_FLOOR_<PROBE>.
var Variables = []string{
	"SYLLOBENCH_ALPHA", "SYLLOBENCH_API", "SYLLOBENCH_API_KEY", "SYLLOBENCH_BASELINE", "SYLLOBENCH_BASE_URL",
	"SYLLOBENCH_BELIEF_LIMIT", "SYLLOBENCH_CONCURRENCY", "SYLLOBENCH_DATASET", "SYLLOBENCH_DEADLINE", "SYLLOBENCH_FIXTURES",
	"SYLLOBENCH_FLOOR", "SYLLOBENCH_FLOORS", "SYLLOBENCH_FORMAT", "SYLLOBENCH_FUZZ_SEEDS", "SYLLOBENCH_LIMIT",
	"SYLLOBENCH_MAX_FAILURES", "SYLLOBENCH_MAX_FLIPS", "SYLLOBENCH_MAX_REPLY_BYTES", "SYLLOBENCH_MAX_TOKENS",
	"SYLLOBENCH_POWER", // 1: the gate's power simulation prints its full tables (internal/gate's tests)
	"SYLLOBENCH_MODE", "SYLLOBENCH_MODEL", "SYLLOBENCH_MODELS_FILE", "SYLLOBENCH_OUT", "SYLLOBENCH_RETRIES",
	"SYLLOBENCH_SAMPLING_SEED", "SYLLOBENCH_SEED", "SYLLOBENCH_SEMANTICS", "SYLLOBENCH_SIZE",
	"SYLLOBENCH_STRICT", "SYLLOBENCH_TEMPERATURE", "SYLLOBENCH_TIMEOUT", "SYLLOBENCH_UPDATE",
}

// testVariables are the prefixes of variables that the project's own
// tests set for the processes they start.
var testVariables = []string{"SYLLOBENCH_TEST_", "SYLLOBENCH_FIXTURE_HELPER_"}

// reader reads settings from a Source and collects every problem.
type reader struct {
	src  Source
	errs []error
	set  map[string]string
}

// get returns a setting's value and the name to give it in an error.
func (r *reader) get(variable string) (value, name string) {
	if f, ok := r.src.Flags[variable]; ok && f.Value != "" {
		r.set[variable] = "-" + f.Name
		return f.Value, "-" + f.Name
	}
	v := r.src.Getenv(variable)
	if v != "" {
		r.set[variable] = variable
	}
	return v, variable
}

func (r *reader) bad(name, value, want string) {
	r.errs = append(r.errs, &ConfigError{Setting: name, Value: value, Want: want})
}

func (r *reader) integer(variable string, lo, hi int64, want string, dst func(int64)) {
	v, name := r.get(variable)
	if v == "" {
		return
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil || n < lo || n > hi {
		r.bad(name, v, want)
		return
	}
	dst(n)
}

func (r *reader) number(variable string, lo, hi float64, want string, dst *float64) {
	v, name := r.get(variable)
	if v == "" {
		return
	}
	f, err := strconv.ParseFloat(v, 64)
	if err != nil || !(f >= lo && f <= hi) {
		r.bad(name, v, want)
		return
	}
	*dst = f
}

func (r *reader) duration(variable, want string, dst *time.Duration) {
	v, name := r.get(variable)
	if v == "" {
		return
	}
	d, err := time.ParseDuration(v)
	if err != nil || d <= 0 {
		r.bad(name, v, want)
		return
	}
	*dst = d
}

func (r *reader) boolean(variable string, dst *bool) {
	switch v, name := r.get(variable); v {
	case "", "0", "false":
	case "1", "true":
		*dst = true
	default:
		r.bad(name, v, "1 or 0")
	}
}

// dir reads a directory setting: a path that names something other than
// a directory is found out now, naming the setting, rather than as a
// failure of every question or of the scorecard at the end. A path that
// does not exist yet is fine: it is made when something is written there.
func (r *reader) dir(variable string, dst *string) {
	v, name := r.get(variable)
	if v == "" {
		return
	}
	*dst = v
	info, err := os.Stat(v)
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		r.bad(name, v, "a directory ("+err.Error()+")")
	case !info.IsDir():
		r.bad(name, v, "a directory, not a file")
	}
}

// Load reads the settings from src. Every bad value is reported at
// once, each naming its variable or flag, as [ConfigError]s joined.
//
// In replay mode the settings that decide the items (seed, size, format,
// semantics), their sampling (temperature, sampling seed, max tokens),
// the limits and the target are taken from the model's recorded
// scorecard, <fixtures>/<model>/scorecard.json, unless a variable or flag
// sets them: a replay asks what was recorded, and writes the same
// scorecard.
func Load(src Source) (Settings, error) {
	if src.Getenv == nil {
		src.Getenv = os.Getenv
	}
	if src.Environ == nil {
		src.Environ = os.Environ()
	}
	r := &reader{src: src, set: map[string]string{}}
	s := Settings{Model: model.DefaultConfig(), Battery: probes.DefaultConfig(), Fixtures: DefaultFixtures, Out: DefaultOut,
		Corpus: DefaultCorpus, MaxFailures: DefaultMaxFailures, FuzzSeeds: true}
	r.readModel(&s.Model)
	r.readBattery(&s.Battery)

	s.Mode = fixture.DefaultMode(s.Model.BaseURL != "")
	if src.Ask && s.Model.BaseURL != "" {
		s.Mode = fixture.Record
	}
	if v, name := r.get("SYLLOBENCH_MODE"); v != "" {
		m, err := fixture.ParseMode(v)
		if err != nil {
			r.bad(name, v, "replay, record, refresh or live")
		}
		s.Mode = m
	}
	r.dir("SYLLOBENCH_FIXTURES", &s.Fixtures)
	r.dir("SYLLOBENCH_OUT", &s.Out)
	s.Baseline, _ = r.get("SYLLOBENCH_BASELINE")
	if v, name := r.get("SYLLOBENCH_UPDATE"); v != "" && v != "0" {
		if v != "1" {
			r.bad(name, v, "1 or 0")
		}
		s.Update = v == "1"
	}
	r.boolean("SYLLOBENCH_FLOORS", &s.Floors)
	switch v, name := r.get("SYLLOBENCH_FUZZ_SEEDS"); v {
	case "", "1":
	case "0":
		s.FuzzSeeds = false
	default:
		r.bad(name, v, "0 (leave the built-in seed corpus out) or 1")
	}
	r.duration("SYLLOBENCH_DEADLINE", "a positive Go duration such as 30m", &s.Deadline)
	if _, ok := r.set["SYLLOBENCH_DEADLINE"]; !ok && !src.Deadline.IsZero() {
		left := time.Until(src.Deadline)
		s.Deadline = max(time.Second, left-min(time.Minute, left/10))
	}
	r.integer("SYLLOBENCH_MAX_FAILURES", 1, 1<<20, "a positive integer", func(n int64) { s.MaxFailures = int(n) })
	switch v, name := r.get("SYLLOBENCH_API"); v {
	case "", model.APIChat:
	case model.APICompletions:
		s.API = model.APICompletions
	default:
		r.bad(name, v, "chat (the default: chat messages) or completions (a plain-text prompt, for a base model)")
	}
	if v, name := r.get("SYLLOBENCH_DATASET"); v != "" {
		recs, sum, err := semeval.ReadFile(v)
		if err != nil {
			r.bad(name, v, fmt.Sprintf("a SemEval-2026 Task 11 dataset, a JSON list or JSON Lines of records with id, syllogism, validity and plausibility (%v)", err))
		}
		s.Dataset, s.DatasetRecords, s.DatasetSHA256 = v, recs, sum
	}
	r.errs = append(r.errs, checkEnviron(src.Environ)...)

	s.Target = "external"
	if _, builtin := refmodel.ByName(s.Model.Model); builtin && s.Model.BaseURL == "" {
		s.Target = "embedded"
	} else if s.Model.BaseURL == "" && s.Mode != fixture.Replay {
		// Only replay can do without a server.
		name := r.set["SYLLOBENCH_MODEL"]
		if name == "" {
			name = "SYLLOBENCH_MODEL"
		}
		r.bad(name, s.Model.Model, fmt.Sprintf("a built-in reasoner (%s) when no SYLLOBENCH_BASE_URL is set, or SYLLOBENCH_MODE=replay", strings.Join(refmodel.Names(), ", ")))
	}
	s.set = r.set
	if len(r.errs) > 0 {
		return Settings{}, errors.Join(r.errs...)
	}
	if s.Mode == fixture.Replay {
		if err := s.takeRecorded(); err != nil {
			return Settings{}, err
		}
	}
	if _, ok := s.set["SYLLOBENCH_SIZE"]; !ok && src.Short && s.Recorded == nil {
		s.Battery.Size = probes.Small
	}
	return s, nil
}

// readModel reads the target and sampling settings.
func (r *reader) readModel(c *model.Config) {
	if v, name := r.get("SYLLOBENCH_BASE_URL"); v != "" {
		if u, err := url.Parse(v); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			r.bad(name, model.RedactURL(v), "an http or https URL such as http://localhost:11434/v1")
		}
		c.BaseURL = v
	}
	if v, name := r.get("SYLLOBENCH_MODEL"); v != "" {
		if strings.TrimSpace(v) != v || strings.ContainsFunc(v, func(c rune) bool { return c < ' ' || c == 0x7f }) {
			r.bad(name, v, "a model name without spaces around it or control characters")
		}
		c.Model = v
	}
	key, keyVar := r.src.Getenv("SYLLOBENCH_API_KEY"), "SYLLOBENCH_API_KEY"
	if key == "" {
		key, keyVar = r.src.Getenv("OPENAI_API_KEY"), "OPENAI_API_KEY"
	}
	if i := strings.IndexFunc(key, func(c rune) bool { return c < ' ' || c == 0x7f }); i >= 0 {
		// No HTTP header can carry it: every request would fail. The
		// value is a secret, so the error does not show it.
		r.errs = append(r.errs, &ConfigError{Setting: keyVar, secret: true,
			Want: fmt.Sprintf("the key alone (it has a control character or line break at byte %d; the value is not shown)", i)})
	}
	if key != "" {
		*c = c.WithAPIKey(key)
	}
	r.integer("SYLLOBENCH_CONCURRENCY", 1, model.MaxConcurrency, fmt.Sprintf("an integer from 1 to %d", model.MaxConcurrency), func(n int64) { c.Concurrency = int(n) })
	r.duration("SYLLOBENCH_TIMEOUT", "a positive Go duration such as 90s or 2m", &c.Timeout)
	r.integer("SYLLOBENCH_MAX_TOKENS", 1, 1<<31-1, "a positive integer", func(n int64) { c.MaxTokens = int(n) })
	r.integer("SYLLOBENCH_SAMPLING_SEED", -1<<63, 1<<63-1, "a 64-bit integer", func(n int64) { c.Seed = n })
	r.number("SYLLOBENCH_TEMPERATURE", 0, model.MaxTemperature, "a number from 0 to 2", &c.Temperature)
	r.integer("SYLLOBENCH_RETRIES", 0, model.MaxRetries, fmt.Sprintf("an integer from 0 to %d", model.MaxRetries), func(n int64) { c.Retries = int(n) })
	r.integer("SYLLOBENCH_MAX_REPLY_BYTES", 1, model.MaxReplyBytesLimit, fmt.Sprintf("a positive integer up to %d (1 GiB), a count of bytes", model.MaxReplyBytesLimit),
		func(n int64) { c.MaxReplyBytes = n })
}

// readBattery reads what is asked and how it is judged:
//
//	variable              default      accepted
//	SYLLOBENCH_SEED       1            an unsigned 64-bit integer
//	SYLLOBENCH_SIZE       default      small, default or large
//	SYLLOBENCH_FORMAT     direct       direct, fewshot or cot
//	SYLLOBENCH_SEMANTICS  traditional  traditional (every group mentioned has members) or boolean
//	SYLLOBENCH_LIMIT      (all)        the first N questions of each probe, for trying, not scoring
//
// and the limits documented on [probes.Limits].
func (r *reader) readBattery(cfg *probes.Config) {
	if v, name := r.get("SYLLOBENCH_SEED"); v != "" {
		s, err := strconv.ParseUint(v, 10, 64)
		if err != nil {
			r.bad(name, v, "an unsigned 64-bit integer")
		}
		cfg.Seed = s
	}
	if v, name := r.get("SYLLOBENCH_SIZE"); v != "" {
		s, err := probes.ParseSize(v)
		if err != nil {
			r.bad(name, v, "small, default or large")
		}
		cfg.Size = s
	}
	if v, name := r.get("SYLLOBENCH_FORMAT"); v != "" {
		f, err := prompt.ParseFormat(v)
		if err != nil {
			r.bad(name, v, "direct, fewshot or cot")
		}
		cfg.Format = f
	}
	if v, name := r.get("SYLLOBENCH_SEMANTICS"); v != "" {
		s, err := logic.ParseSemantics(v)
		if err != nil {
			r.bad(name, v, "traditional or boolean")
		}
		cfg.Semantics = s
	}
	r.integer("SYLLOBENCH_LIMIT", 1, math.MaxInt32, "a positive integer, the questions to ask of each probe", func(n int64) { cfg.Limit = int(n) })
	l := &cfg.Limits
	r.number("SYLLOBENCH_FLOOR", 0, 1, "a number from 0 to 1", &l.Floor)
	for _, p := range probes.All() {
		if !p.HasFloor() {
			continue
		}
		variable := "SYLLOBENCH_FLOOR_" + strings.ToUpper(p.Name)
		if v, _ := r.get(variable); v == "" {
			continue
		}
		f := l.Floor
		r.number(variable, 0, 1, "a number from 0 to 1", &f)
		if l.Floors == nil {
			l.Floors = map[string]float64{}
		}
		l.Floors[p.Name] = f
	}
	r.number("SYLLOBENCH_BELIEF_LIMIT", 0, 1, "a number from 0 to 1", &l.BeliefLimit)
	r.number("SYLLOBENCH_ALPHA", 1e-9, 0.5, "a number from 1e-09 to 0.5", &l.Alpha)
	r.integer("SYLLOBENCH_MAX_FLIPS", 0, 1<<31-1, "a whole number, 0 or more", func(n int64) { l.MaxFlips = int(n) })
	r.boolean("SYLLOBENCH_STRICT", &l.Strict)
}

// checkEnviron rejects SYLLOBENCH_ variables in environ (as os.Environ
// gives it) that syllobench does not read, and SYLLOBENCH_FLOOR_<PROBE>
// variables that name no probe with a floor: a typo such as
// SYLLOBENCH_BASEURL or SYLLOBENCH_FLOOR_CHAIN is an error, not a setting
// that silently does not apply.
func checkEnviron(environ []string) []error {
	var errs []error
	for _, kv := range environ {
		k, v, _ := strings.Cut(kv, "=")
		if !strings.HasPrefix(k, "SYLLOBENCH_") || slices.Contains(Variables, k) ||
			slices.ContainsFunc(testVariables, func(p string) bool { return strings.HasPrefix(k, p) }) {
			continue
		}
		name, ok := strings.CutPrefix(k, "SYLLOBENCH_FLOOR_")
		if !ok {
			errs = append(errs, &ConfigError{Setting: k, Value: v, Want: "a syllobench variable (they are listed in the README's Configuration); this one is not"})
			continue
		}
		if p, err := probes.ByName(strings.ToLower(name)); err != nil || !p.HasFloor() {
			errs = append(errs, &ConfigError{Setting: k, Value: v, Want: fmt.Sprintf("SYLLOBENCH_FLOOR_ and a probe with a floor (%s); there is no probe %q with one", floorProbes(), strings.ToLower(name))})
		}
	}
	return errs
}

// floorProbes names the probes that have an accuracy floor.
func floorProbes() string {
	var names []string
	for _, p := range probes.All() {
		if p.HasFloor() {
			names = append(names, strings.ToUpper(p.Name))
		}
	}
	return strings.Join(names, ", ")
}

// Sampling is how the run's requests are sampled.
func (s Settings) Sampling() Sampling {
	return Sampling{Model: s.Model.Model, Temperature: s.Model.Temperature, Seed: s.Model.Seed, MaxTokens: s.Model.MaxTokens, API: s.API}
}

// Set reports whether a setting was given a value, by its variable, and
// under which name (the variable, or a flag).
func (s Settings) Set(variable string) (name string, ok bool) {
	name, ok = s.set[variable]
	return name, ok
}
