package probes

import (
	"errors"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/syllobench/syllobench/internal/logic"
	"github.com/syllobench/syllobench/internal/prompt"
)

// Limits are the pass marks of absolute mode. The defaults describe a
// sound deductive reasoner; each can be set through the environment.
//
//	variable                     field        default  meaning
//	SYLLOBENCH_FLOOR             Floor        0.95     accuracy floor of every probe
//	SYLLOBENCH_FLOOR_<PROBE>     Floors       Floor    the floor of one probe, e.g. SYLLOBENCH_FLOOR_CHAINS=0.8
//	SYLLOBENCH_BELIEF_LIMIT      BeliefLimit  0.05     the largest belief index allowed, unless not significant
//	SYLLOBENCH_MAX_FLIPS         MaxFlips     0        isomorph sets allowed to flip, per invariance cell
//	SYLLOBENCH_ALPHA             Alpha        0.05     significance level of the tests
//	SYLLOBENCH_STRICT            Strict       off      1: every wrong or unparseable answer is its own failure
//
// A probe fails its floor when its accuracy is significantly below it:
// when a model exactly at the floor would give so few right answers with
// a chance under Alpha, by the exact one-sided binomial test, after Holm's
// correction over the probe's checks (its own and each condition's,
// cell's, fallacy's or depth's). A small group that is all right, or
// misses one question in three, passes; a group clearly worse than the
// floor fails; and testing many groups does not multiply false alarms.
type Limits struct {
	Floor       float64
	Floors      map[string]float64 // by probe name; absent: Floor
	BeliefLimit float64
	MaxFlips    int
	Alpha       float64
	Strict      bool
}

// DefaultLimits returns the limits with no variable set.
func DefaultLimits() Limits {
	return Limits{Floor: 0.95, BeliefLimit: 0.05, Alpha: 0.05}
}

// FloorOf returns the accuracy floor of a probe.
func (l Limits) FloorOf(probe string) float64 {
	if f, ok := l.Floors[probe]; ok {
		return f
	}
	return l.Floor
}

// Variables lists every SYLLOBENCH_ variable syllobench reads, besides
// SYLLOBENCH_FLOOR_<PROBE>.
var Variables = []string{
	"SYLLOBENCH_ALPHA", "SYLLOBENCH_API_KEY", "SYLLOBENCH_BASELINE", "SYLLOBENCH_BASE_URL",
	"SYLLOBENCH_BELIEF_LIMIT", "SYLLOBENCH_CONCURRENCY", "SYLLOBENCH_FIXTURES", "SYLLOBENCH_FLOOR",
	"SYLLOBENCH_FORMAT", "SYLLOBENCH_FUZZ_SEEDS", "SYLLOBENCH_MAX_FLIPS", "SYLLOBENCH_MAX_TOKENS",
	"SYLLOBENCH_POWER", // 1: the gate's power simulation prints its full tables (internal/gate)
	"SYLLOBENCH_MODE", "SYLLOBENCH_MODEL", "SYLLOBENCH_OUT", "SYLLOBENCH_RETRIES",
	"SYLLOBENCH_SAMPLING_SEED", "SYLLOBENCH_SEED", "SYLLOBENCH_SEMANTICS", "SYLLOBENCH_SIZE",
	"SYLLOBENCH_STRICT", "SYLLOBENCH_TEMPERATURE", "SYLLOBENCH_TIMEOUT", "SYLLOBENCH_UPDATE",
}

// testVariables are the prefixes of variables that the project's own
// tests set for the processes they start.
var testVariables = []string{"SYLLOBENCH_TEST_", "SYLLOBENCH_FIXTURE_HELPER_"}

// CheckEnviron rejects SYLLOBENCH_ variables in environ (as os.Environ
// gives it) that syllobench does not read, and SYLLOBENCH_FLOOR_<PROBE>
// variables that name no probe with a floor: a typo such as
// SYLLOBENCH_BASEURL or SYLLOBENCH_FLOOR_CHAIN is an error, not a setting
// that silently does not apply.
func CheckEnviron(environ []string) error {
	var errs []error
	for _, kv := range environ {
		k, _, _ := strings.Cut(kv, "=")
		if !strings.HasPrefix(k, "SYLLOBENCH_") || slices.Contains(Variables, k) ||
			slices.ContainsFunc(testVariables, func(p string) bool { return strings.HasPrefix(k, p) }) {
			continue
		}
		name, ok := strings.CutPrefix(k, "SYLLOBENCH_FLOOR_")
		if !ok {
			errs = append(errs, fmt.Errorf("%s is not a syllobench variable (they are listed in the README's Configuration)", k))
			continue
		}
		p, err := ByName(strings.ToLower(name))
		if err != nil || p.Name == "invariance" {
			errs = append(errs, fmt.Errorf("%s: no probe %q has a floor; want SYLLOBENCH_FLOOR_ and one of %s", k, strings.ToLower(name), floorProbes()))
		}
	}
	if len(errs) > 0 {
		return fmt.Errorf("%w: %w", ErrBadConfig, errors.Join(errs...))
	}
	return nil
}

// floorProbes names the probes that have an accuracy floor.
func floorProbes() string {
	var names []string
	for _, p := range All() {
		if p.Name != "invariance" {
			names = append(names, strings.ToUpper(p.Name))
		}
	}
	return strings.Join(names, ", ")
}

// ErrBadConfig is wrapped by every configuration error.
var ErrBadConfig = errors.New("bad configuration")

// ConfigFromEnv reads the run configuration through getenv (os.Getenv
// when nil):
//
//	variable              default      accepted
//	SYLLOBENCH_SEED       1            an unsigned 64-bit integer
//	SYLLOBENCH_SIZE       default      small, default or large
//	SYLLOBENCH_FORMAT     direct       direct, fewshot or cot
//	SYLLOBENCH_SEMANTICS  traditional  traditional (every group mentioned has members) or boolean
//
// and the limits documented on [Limits]. Every bad value is reported,
// each naming its variable, in one error wrapping ErrBadConfig.
func ConfigFromEnv(getenv func(string) string) (Config, error) {
	if getenv == nil {
		getenv = os.Getenv
	}
	cfg := DefaultConfig()
	var errs []error
	bad := func(name, val, want string) {
		errs = append(errs, fmt.Errorf("%s=%q: want %s", name, val, want))
	}
	if v := getenv("SYLLOBENCH_SEED"); v != "" {
		s, err := strconv.ParseUint(v, 10, 64)
		if err != nil {
			bad("SYLLOBENCH_SEED", v, "an unsigned 64-bit integer")
		}
		cfg.Seed = s
	}
	if v := getenv("SYLLOBENCH_SIZE"); v != "" {
		s, err := ParseSize(v)
		if err != nil {
			bad("SYLLOBENCH_SIZE", v, "small, default or large")
		}
		cfg.Size = s
	}
	if v := getenv("SYLLOBENCH_FORMAT"); v != "" {
		f, err := prompt.ParseFormat(v)
		if err != nil {
			bad("SYLLOBENCH_FORMAT", v, "direct, fewshot or cot")
		}
		cfg.Format = f
	}
	if v := getenv("SYLLOBENCH_SEMANTICS"); v != "" {
		s, err := logic.ParseSemantics(v)
		if err != nil {
			bad("SYLLOBENCH_SEMANTICS", v, "traditional or boolean")
		}
		cfg.Semantics = s
	}
	fraction := func(name string, dst *float64, lo, hi float64) {
		v := getenv(name)
		if v == "" {
			return
		}
		f, err := strconv.ParseFloat(v, 64)
		if err != nil || !(f >= lo && f <= hi) {
			bad(name, v, fmt.Sprintf("a number from %g to %g", lo, hi))
			return
		}
		*dst = f
	}
	l := &cfg.Limits
	fraction("SYLLOBENCH_FLOOR", &l.Floor, 0, 1)
	for _, p := range All() {
		name := "SYLLOBENCH_FLOOR_" + strings.ToUpper(p.Name)
		if getenv(name) == "" {
			continue
		}
		f := l.Floor
		fraction(name, &f, 0, 1)
		if l.Floors == nil {
			l.Floors = map[string]float64{}
		}
		l.Floors[p.Name] = f
	}
	fraction("SYLLOBENCH_BELIEF_LIMIT", &l.BeliefLimit, 0, 1)
	fraction("SYLLOBENCH_ALPHA", &l.Alpha, 1e-9, 0.5)
	if v := getenv("SYLLOBENCH_MAX_FLIPS"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 {
			bad("SYLLOBENCH_MAX_FLIPS", v, "a whole number, 0 or more")
		}
		l.MaxFlips = max(n, 0)
	}
	switch v := getenv("SYLLOBENCH_STRICT"); v {
	case "", "0", "false":
	case "1", "true":
		l.Strict = true
	default:
		bad("SYLLOBENCH_STRICT", v, "1 or 0")
	}
	if len(errs) > 0 {
		return Config{}, fmt.Errorf("%w: %w", ErrBadConfig, errors.Join(errs...))
	}
	return cfg, nil
}
