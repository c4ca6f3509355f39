package probes

func conclusions() Probe {
	return Probe{
		Name:   "conclusions",
		Reason: "A failure means the model cannot say what follows from a premise pair, or that nothing does, in the task people have been tested on since the 1970s.",
		Cases: func(cfg Config) ([]Case, error) {
			return familyCases(cfg, "conclusions", cfg.scale(128))
		},
		Assess: func(cfg Config, rs []Result) Assessment {
			return floorAssessment("conclusions", cfg, rs, "condition", byCondition, conditionOrder())
		},
	}
}
