package probes

import (
	"fmt"
	"strings"

	"github.com/syllobench/syllobench/internal/gen"
)

// open asks questions whose answer the model writes: "All robots run on
// batteries. R2-D2 is a robot. What does R2-D2 run on?". A model that can
// say yes to "Is R2-D2 a robot?" may still not chain two facts into an
// answer, and one that answers from what it knows of the world answers
// the unbelievable items wrongly.
func open() Probe {
	return Probe{
		Name:   "open",
		Reason: "A failure means the model cannot produce what follows, only judge what it is shown; failing only on unbelievable content means it answers from the world, not the premises.",
		Cases: func(cfg Config) ([]Case, error) {
			return familyCases(cfg, "open", cfg.scale(64))
		},
		Assess: func(cfg Config, rs []Result) Assessment {
			a := floorAssessment("open", cfg, rs, "condition", func(r Result) string { return string(r.Item.Condition) },
				[]string{string(gen.Symbolic), string(gen.Nonce), string(gen.Believable), string(gen.Unbelievable)})
			_, groups := byKey(rs, openDepth)
			var b strings.Builder
			fmt.Fprintf(&b, "%s\nopen by depth:\n", a.Details)
			for _, k := range ordered([]string{"1", "2", "3", "4"}, groups) {
				fmt.Fprintf(&b, "  %-22s %s\n", k, tally(groups[k]))
			}
			a.Details = strings.TrimRight(b.String(), "\n")
			return a
		},
	}
}

// openDepth reads the depth of an open form, "open-<depth>[-d<distractors>]".
func openDepth(r Result) string {
	parts := strings.Split(r.Item.Form, "-")
	if len(parts) < 2 {
		return r.Item.Form
	}
	return parts[1]
}
