// Package english is syllobench's controlled English for [logic.Statement].
//
// [Render] writes a statement in one of several fixed surface patterns (a
// [Phrasing]), and [Parse] reads any of those patterns back, tolerating the
// small slips a person or a model makes: a missing final period, extra
// spaces, keyword case, and "a" for "an". For every valid statement s and
// every phrasing p of s.Q, Parse(Render(s, p)) == s.
//
// General terms are held in canonical form, the singular noun phrase ("dog",
// "Python programmer", "mouse"), and a single capital letter ("A") is a term
// of its own that never changes. Plural terms are read back to the singular
// by [Singular], so "All mice are rodents" parses to All(mouse, rodent).
// Named individuals, the subjects of [logic.Is] and [logic.IsNot], are one
// capitalised token such as "Rex" or "R2-D2".
package english

import "errors"

var (
	// ErrUnparseable is wrapped by every error from [Parse].
	ErrUnparseable = errors.New("unparseable sentence")
	// ErrInvalidTerm means a term or name of a statement cannot be written
	// in the controlled language so that it reads back unchanged.
	ErrInvalidTerm = errors.New("invalid term")
	// ErrPhrasing means a [Phrasing] is unknown or does not express the
	// statement's quantifier.
	ErrPhrasing = errors.New("phrasing does not fit the statement")
)
