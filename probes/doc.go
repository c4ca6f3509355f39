// Package probes is syllobench's battery: the probes that TestReasoning runs
// against a model, each a Go subtest named probe=<name>.
//
// A [Probe] has a Name, a Reason (what a failure tells you), a generator of
// cases (items of internal/gen in a prompt format) and an assessment, which
// turns the results into [Check]s. The package defines what a probe is and
// nothing more: internal/run asks the questions and decides what fails a
// run, and the suite's TestReasoning makes each failed check a test
// failure, the probe's own on the probe's test and the others as key=value
// subtests, so that go test -run 'TestReasoning/probe=belief/cell=invalid-believable'
// selects one.
//
//	probe          asks                                                   fails when
//	validity       does the conclusion follow? (256 syllogisms)            accuracy is significantly below the floor, overall or per condition=
//	conclusions    which of 9 conclusions follows? (64 premise pairs)      the same
//	belief         the 2×2 validity × believability design                 the belief index exceeds its limit and the matched pairs are significant; or a cell= floor
//	invariance     isomorph sets: cell=content (K contents) and             an isomorph set gets more than one verdict
//	               cell=presentation (order, phrasing, wording)
//	instantiation  rules applied to individuals, and their fallacies       floors, per condition=
//	consistency    can these statements all be true together?             floors, per condition=
//	fallacies      the named fallacies beside valid forms                  floors, per fallacy=; cell=exemplar: the triangles and the Python programmers
//	chains         sorites chains of depth 1–8 with distractors            floors, per depth=
//	formats        the same sample direct, few-shot and step by step       only in strict mode, a floor per format=
//
// Every result is one of four outcomes: correct, wrong, unparseable (the
// reply gives no single answer; it counts as not right) and error (the
// request failed: an infrastructure failure, reported apart and never
// counted against the model). A model may also decline a question as not
// one it answers (not-applicable), which counts for nothing.
//
// The pass marks are those of a sound deductive reasoner; [Limits]
// documents them and the environment variables that change them. A real
// model may well fail some probes: the failure then measures the model,
// and its message shows the counterexamples (premises, question, expected
// and given answer, and the reply).
//
// internal/run's tests run the battery against every reference reasoner
// and check that each fails exactly what it should: ref-logic passes
// everything, ref-belief fails belief and invariance, ref-acceptance
// fails belief's invalid cells, invariance and the content-bias pairs on
// invalid forms with its belief index at 0, the content-blind heuristics
// fail validity and conclusions but never invariance of content, and
// ref-coin fails every floor.
package probes
