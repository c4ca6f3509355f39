package run

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"path/filepath"
	"strings"

	"github.com/syllobench/syllobench/internal/fixture"
	"github.com/syllobench/syllobench/internal/logic"
	"github.com/syllobench/syllobench/internal/prompt"
	"github.com/syllobench/syllobench/internal/scorecard"
	"github.com/syllobench/syllobench/probes"
)

// Recorded is the configuration a model's answers were recorded with, as
// its scorecard, <fixtures>/<model>/scorecard.json, says.
type Recorded struct {
	Path   string
	Config scorecard.Config
}

// BaselinePath is where the recorded scorecard of a model is kept: its
// baseline, and the configuration a replay of its fixtures takes.
func BaselinePath(fixtures, model string) string {
	return filepath.Join(fixtures, fixture.Slug(model), "scorecard.json")
}

// PinnedPath is the file of item ids pinned for a baseline model.
func PinnedPath(fixtures, model string) string {
	return filepath.Join(fixtures, fixture.Slug(model), "pinned.txt")
}

// recordedSetting is one setting of a run as its scorecard records it:
// put writes it into the scorecard's configuration, take reads it back
// when a replay takes the recorded settings (and the variable is not
// set), and show, for a setting that decides which questions are asked
// or how, is its value as the variable would give it, for the message of
// a replay miss. A new setting the scorecard records is one row here.
type recordedSetting struct {
	variable string
	put      func(s Settings, c *scorecard.Config)
	take     func(s *Settings, c scorecard.Config) error
	show     func(c scorecard.Config) string
}

var recordedSettings = []recordedSetting{
	{"SYLLOBENCH_SEED",
		func(s Settings, c *scorecard.Config) { c.Seed = s.Battery.Seed },
		func(s *Settings, c scorecard.Config) error { s.Battery.Seed = c.Seed; return nil },
		func(c scorecard.Config) string { return fmt.Sprint(c.Seed) }},
	{"SYLLOBENCH_SIZE",
		func(s Settings, c *scorecard.Config) { c.Size = string(s.Battery.Size) },
		func(s *Settings, c scorecard.Config) (err error) {
			s.Battery.Size, err = probes.ParseSize(c.Size)
			return err
		},
		func(c scorecard.Config) string { return c.Size }},
	{"SYLLOBENCH_FORMAT",
		func(s Settings, c *scorecard.Config) { c.Format = string(s.Battery.Format) },
		func(s *Settings, c scorecard.Config) (err error) {
			s.Battery.Format, err = prompt.ParseFormat(c.Format)
			return err
		},
		func(c scorecard.Config) string { return c.Format }},
	{"SYLLOBENCH_SEMANTICS",
		func(s Settings, c *scorecard.Config) { c.Semantics = s.Battery.Semantics.String() },
		func(s *Settings, c scorecard.Config) (err error) {
			s.Battery.Semantics, err = logic.ParseSemantics(c.Semantics)
			return err
		},
		func(c scorecard.Config) string { return c.Semantics }},
	{"SYLLOBENCH_TEMPERATURE",
		func(s Settings, c *scorecard.Config) { c.Temperature = s.Model.Temperature },
		func(s *Settings, c scorecard.Config) error { s.Model.Temperature = c.Temperature; return nil },
		func(c scorecard.Config) string { return fmt.Sprint(c.Temperature) }},
	{"SYLLOBENCH_SAMPLING_SEED",
		func(s Settings, c *scorecard.Config) { c.SamplingSeed = s.Model.Seed },
		func(s *Settings, c scorecard.Config) error { s.Model.Seed = c.SamplingSeed; return nil },
		func(c scorecard.Config) string { return fmt.Sprint(c.SamplingSeed) }},
	{"SYLLOBENCH_MAX_TOKENS",
		func(s Settings, c *scorecard.Config) { c.MaxTokens = s.Model.MaxTokens },
		func(s *Settings, c scorecard.Config) error { s.Model.MaxTokens = c.MaxTokens; return nil },
		func(c scorecard.Config) string { return fmt.Sprint(c.MaxTokens) }},
	{"SYLLOBENCH_FLOOR",
		func(s Settings, c *scorecard.Config) { c.Floor = s.Battery.Limits.Floor },
		func(s *Settings, c scorecard.Config) error { s.Battery.Limits.Floor = c.Floor; return nil }, nil},
	{"SYLLOBENCH_FLOOR_<PROBE>",
		func(s Settings, c *scorecard.Config) { c.Floors = s.Battery.Limits.Floors },
		func(s *Settings, c scorecard.Config) error {
			s.Battery.Limits.Floors = maps.Clone(c.Floors)
			return nil
		}, nil},
	{"SYLLOBENCH_BELIEF_LIMIT",
		func(s Settings, c *scorecard.Config) { c.BeliefLimit = s.Battery.Limits.BeliefLimit },
		func(s *Settings, c scorecard.Config) error { s.Battery.Limits.BeliefLimit = c.BeliefLimit; return nil }, nil},
	{"SYLLOBENCH_MAX_FLIPS",
		func(s Settings, c *scorecard.Config) { c.MaxFlips = s.Battery.Limits.MaxFlips },
		func(s *Settings, c scorecard.Config) error { s.Battery.Limits.MaxFlips = c.MaxFlips; return nil }, nil},
	{"SYLLOBENCH_ALPHA",
		func(s Settings, c *scorecard.Config) { c.Alpha = s.Battery.Limits.Alpha },
		func(s *Settings, c scorecard.Config) error { s.Battery.Limits.Alpha = c.Alpha; return nil }, nil},
	{"SYLLOBENCH_STRICT",
		func(s Settings, c *scorecard.Config) { c.Strict = s.Battery.Limits.Strict },
		func(s *Settings, c scorecard.Config) error { s.Battery.Limits.Strict = c.Strict; return nil }, nil},
	// A limit is the run's own: a replay of a whole battery may be
	// limited, and a limited recording replays in full only where it
	// went.
	{"SYLLOBENCH_LIMIT",
		func(s Settings, c *scorecard.Config) { c.Limit = s.Battery.Limit },
		func(s *Settings, c scorecard.Config) error { return nil }, nil},
	// The endpoint: a replay asks as the recording did.
	{"SYLLOBENCH_API",
		func(s Settings, c *scorecard.Config) { c.API = s.API },
		func(s *Settings, c scorecard.Config) error { s.API = c.API; return nil },
		func(c scorecard.Config) string {
			if c.API == "" {
				return "chat"
			}
			return c.API
		}},
	// The dataset asked, by its contents: a replay with another file
	// misses, and says so. A file cannot be taken from its hash, so a
	// replay asks it only when SYLLOBENCH_DATASET names it again.
	{"SYLLOBENCH_DATASET",
		func(s Settings, c *scorecard.Config) {
			if s.DatasetSHA256 != "" {
				c.Dataset = "sha256:" + s.DatasetSHA256
			}
		},
		func(s *Settings, c scorecard.Config) error { return nil },
		func(c scorecard.Config) string { return c.Dataset }},
	// The target: no variable sets it, it follows from the base URL and
	// the model, and a replay takes the recorded one.
	{"",
		func(s Settings, c *scorecard.Config) { c.Target = s.Target },
		func(s *Settings, c scorecard.Config) error {
			if c.Target != "" {
				s.Target = c.Target
			}
			return nil
		}, nil},
}

// isSet reports whether the user set a recorded setting's variable.
func (s Settings) isSet(variable string) bool {
	if prefix, ok := strings.CutSuffix(variable, "<PROBE>"); ok {
		for v := range s.set {
			if strings.HasPrefix(v, prefix) {
				return true
			}
		}
		return false
	}
	_, ok := s.set[variable]
	return ok
}

// takeRecorded reads the model's recorded scorecard, when there is one,
// and takes from it every setting that was not given a value.
func (s *Settings) takeRecorded() error {
	path := BaselinePath(s.Fixtures, s.Model.Model)
	sc, err := scorecard.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("replaying %s takes its settings from its recorded scorecard: %w", s.Model.Model, err)
	}
	c := sc.Config
	s.Recorded = &Recorded{Path: path, Config: c}
	var errs []error
	for _, rs := range recordedSettings {
		if s.isSet(rs.variable) {
			continue
		}
		if err := rs.take(s, c); err != nil {
			errs = append(errs, err)
		}
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// recordedDifferences names the settings in which this run differs from
// the recorded one, each as "SYLLOBENCH_SIZE=default (recorded: small)":
// what a replay miss is most likely caused by.
func (s Settings) recordedDifferences() []string {
	if s.Recorded == nil {
		return nil
	}
	now := s.scorecardConfig()
	var diffs []string
	for _, rs := range recordedSettings {
		if rs.show == nil {
			continue
		}
		if a, b := rs.show(now), rs.show(s.Recorded.Config); a != b {
			name := rs.variable
			if n, ok := s.set[rs.variable]; ok {
				name = n
			}
			diffs = append(diffs, fmt.Sprintf("%s=%s (recorded: %s)", name, a, b))
		}
	}
	return diffs
}

// scorecardConfig is the run's configuration as its scorecard records it.
func (s Settings) scorecardConfig() scorecard.Config {
	var c scorecard.Config
	for _, rs := range recordedSettings {
		rs.put(s, &c)
	}
	return c
}
