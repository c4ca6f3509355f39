package probes

func consistency() Probe {
	return Probe{
		Name:   "consistency",
		Reason: `A failure means the model does not notice when statements contradict each other ("All A are B. All B are C. X is an A. X is not a C.").`,
		Cases: func(cfg Config) ([]Case, error) {
			return familyCases(cfg, "consistency", cfg.scale(96))
		},
		Assess: func(cfg Config, rs []Result) Assessment {
			return floorAssessment("consistency", cfg, rs, "condition", byCondition, conditionOrder())
		},
	}
}
