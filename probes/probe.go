package probes

import (
	"fmt"
	"strings"

	"github.com/syllobench/syllobench/internal/gen"
	"github.com/syllobench/syllobench/internal/logic"
	"github.com/syllobench/syllobench/internal/prompt"
)

// Version is the version of the battery: which items are asked and how
// they are judged. It changes whenever an item's text or an assessment
// changes, so that scorecards of different versions are not compared as
// if they asked the same questions.
//
// 0.3.0: the content-bias seed corpus adds pairs on invalid forms with real
// content (acceptance bias), the belief probe names the bias its cells
// show, and the taxonomy's categories were corrected (kinds filed apart
// from their own kind, homonyms, mass nouns).
//
// 0.4.0: three probes (open: answers the model writes, what an individual
// does or what else it must be; properties: last terms that are verb
// phrases; famous: the article's questions and
// textbook arguments word for word beside their isomorphs), and a sixth
// presentation of the invariance sets that asks the conclusion directly
// ("Are squares triangles?"); the distractors probe (SemEval-2026 Task
// 11's irrelevant premises, with premise selection), and the dataset
// probe for an imported file. The items of 0.3.0 are asked as they were.
const Version = "0.4.0"

// Probe is one test of the battery.
type Probe struct {
	Name string
	// Reason says in one sentence what a failure tells you about the model.
	Reason string
	// Cases generates the questions the probe asks under cfg.
	Cases func(cfg Config) ([]Case, error)
	// NoFloor is set when the probe's pass mark is not an accuracy floor.
	NoFloor bool
	// Assess judges the answers. It is pure: the same results give the
	// same assessment, whose checks the run engine and the suite's tests
	// turn into failures.
	Assess func(cfg Config, rs []Result) Assessment
}

// Case is one question as a probe asks it: an item in a prompt format.
type Case struct {
	ID     string // unique within the probe: the item id, plus "/format=F" when the probe varies the format
	Item   gen.Item
	Format prompt.Format
}

// Size is the scale of a run.
type Size string

// The sizes. Small is what testing.Short selects; Default asks under 2,000
// questions in all, so that a live run on a local model takes about half an
// hour; Large asks four times as many, for tighter intervals.
const (
	Small   Size = "small"
	Default Size = "default"
	Large   Size = "large"
)

// ParseSize reads a size name.
func ParseSize(s string) (Size, error) {
	switch Size(s) {
	case Small, Default, Large:
		return Size(s), nil
	}
	return "", fmt.Errorf("unknown size %q: want small, default or large", s)
}

// scale returns n for the default size, scaled for cfg's.
func (cfg Config) scale(n int) int {
	switch cfg.Size {
	case Small:
		return max(1, n/4)
	case Large:
		return 4 * n
	}
	return n
}

// Config is what decides the questions of a run and how they are judged.
type Config struct {
	Seed      uint64
	Size      Size
	Format    prompt.Format // the format of every probe but formats
	Semantics logic.Semantics
	Limits    Limits
	// Limit, when above 0, asks only the first Limit questions of each
	// probe (SYLLOBENCH_LIMIT): for trying a setup in seconds, not for
	// scoring, since the pass marks were set for whole probes.
	Limit int
}

// Asked returns the questions a run with cfg asks of p: its cases, or
// the first cfg.Limit of them.
func (p Probe) Asked(cfg Config) ([]Case, error) {
	cs, err := p.Cases(cfg)
	if err != nil || cfg.Limit <= 0 || len(cs) <= cfg.Limit {
		return cs, err
	}
	return cs[:cfg.Limit], nil
}

// DefaultConfig is the configuration with no environment variable set.
func DefaultConfig() Config {
	return Config{Seed: DefaultSeed, Size: Default, Format: prompt.Direct, Semantics: logic.Traditional, Limits: DefaultLimits()}
}

// DefaultSeed is the suite seed when SYLLOBENCH_SEED is not set.
const DefaultSeed = 1

// All returns the probes in catalogue order.
func All() []Probe {
	return []Probe{
		validity(), conclusions(), belief(), invariance(), instantiation(),
		consistency(), fallacies(), chains(), formats(), open(), properties(), distractors(), famousProbe(),
	}
}

// ByName returns the probe called name.
func ByName(name string) (Probe, error) {
	var names []string
	for _, p := range All() {
		if p.Name == name {
			return p, nil
		}
		names = append(names, p.Name)
	}
	return Probe{}, fmt.Errorf("unknown probe %q: want one of %s", name, strings.Join(names, ", "))
}

// familyCases generates n items of a gen family in cfg's format.
func familyCases(cfg Config, family string, n int) ([]Case, error) {
	fam, err := gen.FamilyByName(family)
	if err != nil {
		return nil, err
	}
	cs := make([]Case, 0, n)
	err = fam.Each(cfg.Seed, n, cfg.Semantics, gen.Canonical, func(it gen.Item) error {
		cs = append(cs, Case{ID: it.ID, Item: it, Format: cfg.Format})
		return nil
	})
	return cs, err
}
