// Package syllobench is a Go test suite that doubles as a benchmark of
// deductive reasoning in language models: it asks syllogisms whose
// answers come from an exact logic engine, and looks for verdicts that
// depend on content rather than form.
//
// The layers built so far are the foundations the suite stands on:
//
//   - internal/logic decides categorical and singular arguments exactly,
//     under Boolean or Traditional (existential import) semantics;
//   - internal/forms catalogues the 256 syllogisms, the 64 premise pairs of
//     the psychology literature, singular forms, sorites chains,
//     consistency sets and named fallacies;
//   - internal/english renders statements in controlled English and parses
//     them back;
//   - internal/lexicon holds the content: a taxonomy of everyday categories
//     whose real-world truths are defined, famous individuals, swap pairs
//     and nonsense words;
//   - internal/gen fills a form with content under a condition and grades
//     the item from its parsed-back English, and internal/prompt puts it to
//     a model as chat messages;
//   - internal/model is the OpenAI-compatible client, internal/fixture
//     records and replays its answers, and internal/verdict reads a reply
//     into a verdict;
//   - internal/refmodel holds the reference reasoners and serves them on
//     an OpenAI-compatible API, on loopback when no model is configured;
//   - internal/run assembles a run, the one engine of go test (this
//     package's tests) and of syllobench run: the settings, the target
//     check, the fixture store, the worker pool, the scorecard, the
//     baseline and the gate;
//   - cmd/syllobench lists the forms, decides arguments written in
//     controlled English, exports the generated items, shows how a reply
//     is read, verifies fixtures, and serves the reference reasoners.
//
// Run the tests with:
//
//	go test ./...
package syllobench
