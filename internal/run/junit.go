package run

import (
	"fmt"
	"strings"

	"github.com/syllobench/syllobench/internal/gate"
	"github.com/syllobench/syllobench/internal/junit"
	"github.com/syllobench/syllobench/probes"
)

// JUnit is the run's results as a JUnit test suite: a test case per
// check of every probe asked (classname the probe, name the check, and
// "overall" for the probe's own), failed as the run fails it
// ([Session.Enforced]: in a gating run a check below its pass mark is
// reported in the case's output, not failed), with the counterexamples
// in the failure's text; an error case for a probe whose requests
// failed; and, against a baseline (c, nil without one), a case per
// probe of the comparison and one per pinned item that regressed.
func (s *Session) JUnit(c *gate.Comparison) junit.Suite {
	st := s.Settings
	b := st.Battery
	suite := junit.Suite{Name: st.Model.Model, Properties: []junit.Property{
		{Name: "syllobench", Value: probes.Version},
		{Name: "model", Value: st.Model.Model},
		{Name: "target", Value: st.Target},
		{Name: "size", Value: string(b.Size)},
		{Name: "format", Value: string(b.Format)},
		{Name: "semantics", Value: b.Semantics.String()},
		{Name: "seed", Value: fmt.Sprint(b.Seed)},
	}}
	if b.Limit > 0 {
		suite.Properties = append(suite.Properties, junit.Property{Name: "limit", Value: fmt.Sprintf("%d (a trial, not a score)", b.Limit)})
	}
	if st.Baseline != "" {
		suite.Properties = append(suite.Properties, junit.Property{Name: "baseline", Value: st.Baseline})
	}
	enforced := s.Enforced()
	for _, a := range s.Assessments() {
		if len(a.Infrastructure) > 0 {
			suite.Cases = append(suite.Cases, junit.Case{Class: a.Probe, Name: "requests",
				Error: fmt.Sprintf("infrastructure failure, not a model failure: %d of %d requests failed:\n%s",
					a.Tally.Errors, a.Tally.N, strings.Join(a.Infrastructure, "\n"))})
		}
		declined := a.Tally.N > 0 && a.Tally.NotApplicable == a.Tally.N
		for _, ch := range a.Checks {
			name := ch.Name
			if name == "" {
				name = "overall"
			}
			tc := junit.Case{Class: a.Probe, Name: name}
			failure := strings.Join(ch.Failures, "\n\n")
			switch {
			case declined:
				tc.Skipped = "the model declined every question of the probe"
			case failure != "" && enforced:
				tc.Failure = failure
			case failure != "":
				tc.Output = "below its pass mark, reported and not failed: this run is a gate against " + st.Baseline + "\n\n" + failure
			}
			if name == "overall" && a.Details != "" {
				tc.Output = strings.TrimSpace(tc.Output + "\n\n" + a.Details)
			}
			suite.Cases = append(suite.Cases, tc)
		}
	}
	if c == nil {
		return suite
	}
	for _, r := range c.Rows {
		tc := junit.Case{Class: "gate", Name: r.Probe,
			Output: fmt.Sprintf("accuracy %.3f → %.3f against %s; %d right → wrong, %d wrong → right; Holm-adjusted exact McNemar p = %.3g",
				r.BaseAcc, r.CandAcc, c.Base, r.Regressions, r.Improvements, r.P)}
		if r.Worse() {
			tc.Failure = fmt.Sprintf("%s is significantly worse than the baseline %s on %s: %s (α = %g)", c.Cand, c.Base, r.Probe, tc.Output, c.Thresholds.Alpha)
		}
		suite.Cases = append(suite.Cases, tc)
	}
	for _, f := range c.Pinned {
		suite.Cases = append(suite.Cases, junit.Case{Class: "gate/pinned", Name: f.ID,
			Failure: fmt.Sprintf("pinned item %s regressed: expected %s; the baseline answered %s, %s answers %s", f.ID, f.Expected, f.BaseVerdict, c.Cand, f.Verdict)})
	}
	return suite
}
