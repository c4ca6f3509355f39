// Package hostile holds syllobench's reliability tests against hostile
// input, run end to end through the real entry points (run.Load and
// run.Open, the model client, the fixture store, the scorecard, the
// report and the syllobench command):
//
//   - hostile replies: empty, huge, invalid UTF-8, NUL bytes, an unclosed
//     <think>, JSON, a refusal, two answers, a reply cut off at the token
//     limit and a reasoning field with no content each become an
//     unparseable answer or an infrastructure error, never a wrong one,
//     and the run, its scorecard and its report complete; requests that
//     keep failing, or a refused key, stop the run (the breaker of
//     SYLLOBENCH_MAX_FAILURES) saying why, and the scorecard is still
//     written;
//   - hostile fixtures and configuration: every damaged fixture file and
//     every SYLLOBENCH_* variable set to garbage is an error that names
//     the file (and line) or the variable, never a silent miss or default;
//   - secrets: a whole record, replay, report and compare cycle with a
//     sentinel API key and a password in the base URL, against a server
//     that echoes them back, writes and prints neither;
//   - cancellation: SIGINT stops syllobench run within two seconds,
//     keeping every answer received in the fixture store.
//
// The package has no code of its own: everything is in its tests.
package hostile
