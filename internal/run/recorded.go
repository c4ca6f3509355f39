package run

import (
	"errors"
	"fmt"
	"io/fs"
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

// recordedSetting is one setting a replay takes from the recorded
// scorecard when its variable is not set.
type recordedSetting struct {
	variable string
	take     func(s *Settings, c scorecard.Config) error
	show     func(c scorecard.Config) string // the value, as the variable would give it
}

var recordedSettings = []recordedSetting{
	{"SYLLOBENCH_SEED", func(s *Settings, c scorecard.Config) error { s.Battery.Seed = c.Seed; return nil },
		func(c scorecard.Config) string { return fmt.Sprint(c.Seed) }},
	{"SYLLOBENCH_SIZE", func(s *Settings, c scorecard.Config) (err error) {
		s.Battery.Size, err = probes.ParseSize(c.Size)
		return err
	},
		func(c scorecard.Config) string { return c.Size }},
	{"SYLLOBENCH_FORMAT", func(s *Settings, c scorecard.Config) (err error) {
		s.Battery.Format, err = prompt.ParseFormat(c.Format)
		return err
	}, func(c scorecard.Config) string { return c.Format }},
	{"SYLLOBENCH_SEMANTICS", func(s *Settings, c scorecard.Config) (err error) {
		s.Battery.Semantics, err = logic.ParseSemantics(c.Semantics)
		return err
	}, func(c scorecard.Config) string { return c.Semantics }},
	{"SYLLOBENCH_TEMPERATURE", func(s *Settings, c scorecard.Config) error { s.Model.Temperature = c.Temperature; return nil },
		func(c scorecard.Config) string { return fmt.Sprint(c.Temperature) }},
	{"SYLLOBENCH_SAMPLING_SEED", func(s *Settings, c scorecard.Config) error { s.Model.Seed = c.SamplingSeed; return nil },
		func(c scorecard.Config) string { return fmt.Sprint(c.SamplingSeed) }},
	{"SYLLOBENCH_MAX_TOKENS", func(s *Settings, c scorecard.Config) error { s.Model.MaxTokens = c.MaxTokens; return nil },
		func(c scorecard.Config) string { return fmt.Sprint(c.MaxTokens) }},
	{"SYLLOBENCH_FLOOR", func(s *Settings, c scorecard.Config) error { s.Battery.Limits.Floor = c.Floor; return nil }, nil},
	{"SYLLOBENCH_BELIEF_LIMIT", func(s *Settings, c scorecard.Config) error { s.Battery.Limits.BeliefLimit = c.BeliefLimit; return nil }, nil},
	{"SYLLOBENCH_MAX_FLIPS", func(s *Settings, c scorecard.Config) error { s.Battery.Limits.MaxFlips = c.MaxFlips; return nil }, nil},
	{"SYLLOBENCH_ALPHA", func(s *Settings, c scorecard.Config) error { s.Battery.Limits.Alpha = c.Alpha; return nil }, nil},
	{"SYLLOBENCH_STRICT", func(s *Settings, c scorecard.Config) error { s.Battery.Limits.Strict = c.Strict; return nil }, nil},
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
		if _, ok := s.set[rs.variable]; ok {
			continue
		}
		if err := rs.take(s, c); err != nil {
			errs = append(errs, err)
		}
	}
	floorsSet := false
	for v := range s.set {
		floorsSet = floorsSet || strings.HasPrefix(v, "SYLLOBENCH_FLOOR_")
	}
	if !floorsSet && len(c.Floors) > 0 {
		s.Battery.Limits.Floors = map[string]float64{}
		for k, v := range c.Floors {
			s.Battery.Limits.Floors[k] = v
		}
	}
	if c.Target != "" {
		s.Target = c.Target
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
	l := s.Battery.Limits
	return scorecard.Config{
		Target: s.Target, Seed: s.Battery.Seed, Size: string(s.Battery.Size), Format: string(s.Battery.Format),
		Semantics: s.Battery.Semantics.String(), Temperature: s.Model.Temperature, SamplingSeed: s.Model.Seed,
		MaxTokens: s.Model.MaxTokens, Floor: l.Floor, Floors: l.Floors, BeliefLimit: l.BeliefLimit,
		MaxFlips: l.MaxFlips, Alpha: l.Alpha, Strict: l.Strict,
	}
}
