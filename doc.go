// Package syllobench is a Go test suite that doubles as a benchmark of
// deductive reasoning in language models: it asks syllogisms whose
// answers come from an exact logic engine, and looks for verdicts that
// depend on content rather than form.
//
// This first layer holds the foundations the suite stands on:
//
//   - internal/logic decides categorical and singular arguments exactly,
//     under Boolean or Traditional (existential import) semantics;
//   - internal/forms catalogues the 256 syllogisms, the 64 premise pairs of
//     the psychology literature, singular forms, sorites chains,
//     consistency sets and named fallacies;
//   - internal/english renders statements in controlled English and parses
//     them back;
//   - cmd/syllobench lists the forms and decides arguments written in
//     controlled English.
//
// Run the tests with:
//
//	go test ./...
package syllobench
