package run

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/syllobench/syllobench/internal/scorecard"
)

// Every field of a scorecard's configuration is one row of
// recordedSettings: written by a run, and read back by a replay. A field
// added to scorecard.Config without its row comes back empty here.
func TestRecordedSettingsCoverTheScorecard(t *testing.T) {
	want := scorecard.Config{
		Target: "external", Seed: 7, Size: "large", Format: "cot", Semantics: "boolean",
		Temperature: 0.5, SamplingSeed: -3, MaxTokens: 99, Floor: 0.8, Floors: map[string]float64{"chains": 0.7},
		BeliefLimit: 0.1, MaxFlips: 2, Alpha: 0.01, Strict: true,
	}
	var s Settings
	for _, rs := range recordedSettings {
		if err := rs.take(&s, want); err != nil {
			t.Fatalf("%s: %v", rs.variable, err)
		}
	}
	if diff := cmp.Diff(want, s.scorecardConfig()); diff != "" {
		t.Errorf("a configuration read back and written again (-recorded +written):\n%s", diff)
	}
}
