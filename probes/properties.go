package probes

import (
	"fmt"
	"strings"

	"github.com/syllobench/syllobench/internal/gen"
)

// properties asks syllogisms whose last term is a property, as people
// write them ("All birds have feathers. All owls are birds. So all owls
// have feathers."), about real things: believable, unbelievable,
// congruent and incongruent, each by the taxonomy's property facts.
func properties() Probe {
	return Probe{
		Name: "properties",
		Reason: "A failure means the model cannot tell whether a conclusion follows when it says what things do or have (\"have feathers\", \"can fly\") rather than what they are; " +
			"failing on unbelievable or incongruent content only means it judges by what is true of them in the world.",
		Cases: func(cfg Config) ([]Case, error) {
			return familyCases(cfg, "properties", cfg.scale(64))
		},
		Assess: func(cfg Config, rs []Result) Assessment {
			a := floorAssessment("properties", cfg, rs, "condition", byCondition,
				[]string{string(gen.Believable), string(gen.Unbelievable), string(gen.Congruent), string(gen.Incongruent)})
			var b strings.Builder
			fmt.Fprintf(&b, "%s\nproperties by validity and believability:\n", a.Details)
			_, groups := byKey(rs, func(r Result) string { return beliefCell(r.Item) })
			for _, k := range ordered(beliefCells, groups) {
				fmt.Fprintf(&b, "  %-22s %s\n", k, tally(groups[k]))
			}
			a.Details = strings.TrimRight(b.String(), "\n")
			return a
		},
	}
}
