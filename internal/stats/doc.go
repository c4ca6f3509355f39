// Package stats holds the statistics behind syllobench's assessments and
// its gate: Wilson intervals for a model's accuracy, the exact McNemar test
// for comparing two models on the same items, MOVER-Wilson intervals for
// the belief-bias indices, and Holm's correction for testing many forms or
// conditions at once.
//
// The functions are small, use only the standard library, and return
// errors rather than panicking on bad input. Each one is checked in the
// tests against published worked examples or values computed independently
// at high precision, with the source cited next to each case.
package stats
