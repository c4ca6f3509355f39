package probes

func instantiation() Probe {
	return Probe{
		Name:   "instantiation",
		Reason: `A failure means the model cannot apply a general rule to an individual ("All A are B. X is an A. Is X a B?") or falls for affirming the consequent or denying the antecedent.`,
		Cases: func(cfg Config) ([]Case, error) {
			return familyCases(cfg, "instantiation", cfg.scale(96))
		},
		Assess: func(cfg Config, rs []Result) Assessment {
			return floorAssessment("instantiation", cfg, rs, "condition", byCondition, conditionOrder())
		},
	}
}
