package probes

import "testing"

func TestParseSize(t *testing.T) {
	for _, s := range []string{"small", "default", "large"} {
		if got, err := ParseSize(s); err != nil || string(got) != s {
			t.Errorf("ParseSize(%q) = %q, %v", s, got, err)
		}
	}
	if _, err := ParseSize("Small"); err == nil {
		t.Error("ParseSize accepts Small")
	}
}

// A probe's floor is its own when one is set, else the common one; every
// probe but invariance has one. internal/run's Load reads them from
// SYLLOBENCH_FLOOR and SYLLOBENCH_FLOOR_<PROBE>.
func TestLimitsFloorOf(t *testing.T) {
	l := DefaultLimits()
	if l.FloorOf("chains") != 0.95 || l.BeliefLimit != 0.05 || l.Alpha != 0.05 || l.MaxFlips != 0 || l.Strict {
		t.Errorf("default limits %+v; want floor 0.95, belief limit 0.05, alpha 0.05", l)
	}
	l.Floor, l.Floors = 0.9, map[string]float64{"chains": 0.5}
	if l.FloorOf("chains") != 0.5 || l.FloorOf("validity") != 0.9 {
		t.Errorf("FloorOf: chains %v, validity %v; want 0.5 and 0.9", l.FloorOf("chains"), l.FloorOf("validity"))
	}
	for _, p := range All() {
		if got, want := p.HasFloor(), p.Name != "invariance" && p.Name != FamousProbe; got != want {
			t.Errorf("probe %s: HasFloor %v, want %v", p.Name, got, want)
		}
	}
}
