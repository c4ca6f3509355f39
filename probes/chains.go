package probes

import (
	"strconv"
	"strings"
)

func chains() Probe {
	return Probe{
		Name:   "chains",
		Reason: "A failure means the model loses track over several steps of deduction; the depth at which accuracy drops is how far it can reason.",
		Cases: func(cfg Config) ([]Case, error) {
			return familyCases(cfg, "chains", cfg.scale(96))
		},
		Assess: func(cfg Config, rs []Result) Assessment {
			var order []string
			for d := 1; d <= 8; d++ {
				order = append(order, strconv.Itoa(d))
			}
			return floorAssessment("chains", cfg, rs, "depth", chainDepth, order)
		},
	}
}

// chainDepth reads the depth of a chain form, "chain-<depth>-<answer>-d<distractors>".
func chainDepth(r Result) string {
	parts := strings.Split(r.Item.Form, "-")
	if len(parts) < 2 {
		return r.Item.Form
	}
	return parts[1]
}
