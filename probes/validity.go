package probes

import "github.com/syllobench/syllobench/internal/gen"

func validity() Probe {
	return Probe{
		Name:   "validity",
		Reason: "A failure means the model cannot tell whether a conclusion follows from two premises, the core of deduction, over all 256 syllogisms.",
		Cases: func(cfg Config) ([]Case, error) {
			return familyCases(cfg, "validity", cfg.scale(240))
		},
		Assess: func(cfg Config, rs []Result) Assessment {
			return floorAssessment("validity", cfg, rs, "condition", byCondition, conditionOrder())
		},
	}
}

func byCondition(r Result) string { return string(r.Item.Condition) }

func conditionOrder() []string {
	var o []string
	for _, c := range gen.Conditions() {
		o = append(o, string(c))
	}
	return o
}
