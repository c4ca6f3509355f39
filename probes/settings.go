package probes

// Limits are the pass marks of absolute mode. The defaults describe a
// sound deductive reasoner; each can be set through the environment.
//
//	variable                     field        default  meaning
//	SYLLOBENCH_FLOOR             Floor        0.95     accuracy floor of every probe
//	SYLLOBENCH_FLOOR_<PROBE>     Floors       Floor    the floor of one probe, e.g. SYLLOBENCH_FLOOR_CHAINS=0.8
//	SYLLOBENCH_BELIEF_LIMIT      BeliefLimit  0.05     the largest belief index allowed, unless not significant
//	SYLLOBENCH_MAX_FLIPS         MaxFlips     0        isomorph sets allowed to flip, per invariance cell
//	SYLLOBENCH_ALPHA             Alpha        0.05     significance level of the tests
//	SYLLOBENCH_STRICT            Strict       off      1: every wrong or unparseable answer is its own failure
//
// A probe fails its floor when its accuracy is significantly below it:
// when a model exactly at the floor would give so few right answers with
// a chance under Alpha, by the exact one-sided binomial test, after Holm's
// correction over the probe's checks (its own and each condition's,
// cell's, fallacy's or depth's). A small group that is all right, or
// misses one question in three, passes; a group clearly worse than the
// floor fails; and testing many groups does not multiply false alarms.
type Limits struct {
	Floor       float64
	Floors      map[string]float64 // by probe name; absent: Floor
	BeliefLimit float64
	MaxFlips    int
	Alpha       float64
	Strict      bool
}

// DefaultLimits returns the limits with no variable set.
func DefaultLimits() Limits {
	return Limits{Floor: 0.95, BeliefLimit: 0.05, Alpha: 0.05}
}

// FloorOf returns the accuracy floor of a probe.
func (l Limits) FloorOf(probe string) float64 {
	if f, ok := l.Floors[probe]; ok {
		return f
	}
	return l.Floor
}

// HasFloor reports whether the probe has an accuracy floor, which
// SYLLOBENCH_FLOOR_<PROBE> sets: every probe whose pass mark is not
// another (invariance's is the number of sets that flip).
func (p Probe) HasFloor() bool { return !p.NoFloor }
