// Package english is syllobench's controlled English for [logic.Statement].
//
// [Render] writes a statement in one of several fixed surface patterns (a
// [Phrasing]), and [Parse] reads any of those patterns back, tolerating the
// small slips a person or a model makes: a missing final period, extra
// spaces, keyword case, and "a" for "an". For every valid statement s and
// every phrasing p of s.Q, Parse(Render(s, p)) == s; the opt-in
// [BarePlural] may refuse a valid statement, but what it writes reads back
// as well.
//
// General terms are held in canonical form, the singular noun phrase ("dog",
// "Python programmer", "mouse"), and a single capital letter ("A") is a term
// of its own that never changes. Plural terms are read back to the singular
// by [Singular], so "All mice are rodents" parses to All(mouse, rodent).
// Named individuals, the subjects of [logic.Is] and [logic.IsNot], are one
// capitalised token such as "Rex" or "R2-D2".
//
// A predicate may also be a property: a verb phrase made by [Property]
// ("All robots run on batteries", "No penguins can fly", "Tweety does not
// fly"). Its verb comes from a closed list ([PropertyVerbs]) so that Parse
// can tell where the subject ends; a property is never a subject, and
// package logic sees it as one more opaque term ("~run on batteries").
//
// The opt-in phrasing [BarePlural] writes All as a bare plural ("Squares
// are polygons", "Robots run on batteries"); bare plurals are always read
// as universal. [Phrasings] does not list it, so the default phrasing of
// every quantifier and the phrasings callers pick by position are as they
// were; [OptionalPhrasings] does.
package english

import "errors"

var (
	// ErrUnparseable is wrapped by every error from [Parse].
	ErrUnparseable = errors.New("unparseable sentence")
	// ErrInvalidTerm means a term or name of a statement cannot be written
	// in the controlled language so that it reads back unchanged.
	ErrInvalidTerm = errors.New("invalid term")
	// ErrPhrasing means a [Phrasing] is unknown or does not express the
	// statement's quantifier, or is [BarePlural] and cannot write the
	// statement's subject.
	ErrPhrasing = errors.New("phrasing does not fit the statement")
)
