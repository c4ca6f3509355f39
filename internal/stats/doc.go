// Package stats holds the statistics behind syllobench's assessments and
// its gate: Wilson intervals for a model's accuracy, the exact McNemar test
// for comparing two models on the same items, MOVER-Wilson intervals for
// the belief-bias indices, Holm's correction for testing many forms or
// conditions at once, and, for a candidate against its baseline, a paired
// comparison (Paired) with Cohen's h and the number of items needed to see
// a given drop (Connor's sample size, on an AS 241 normal quantile).
//
// The functions are small, use only the standard library, and return
// errors rather than panicking on bad input. Each one is checked in the
// tests against published worked examples or values computed independently
// at high precision, with the source cited next to each case.
package stats
