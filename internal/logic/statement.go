// Package logic is syllobench's formal language and its exact decider.
//
// A [Statement] is one of the four categorical forms over general terms
// (All, No, Some, Some-not) or a singular fact about a named individual
// ("x is a P", "x is not a P"). [Decide] says whether premises entail,
// contradict or leave open a conclusion, under [Boolean] or [Traditional]
// semantics, and [Consistent] says whether a set of statements can all be
// true together. Every expected answer in syllobench comes from here.
package logic

import "fmt"

// Quantifier is the logical form of a [Statement].
type Quantifier uint8

// The six statement forms. The letters are the traditional mood letters.
const (
	All     Quantifier = iota // A: All S are P.
	No                        // E: No S are P.
	Some                      // I: Some S are P.
	SomeNot                   // O: Some S are not P.
	Is                        // x is a P (Subject is a named individual).
	IsNot                     // x is not a P (Subject is a named individual).
)

var quantifierNames = [...]string{"All", "No", "Some", "SomeNot", "Is", "IsNot"}

// String returns the Go name of q ("All", "SomeNot", ...).
func (q Quantifier) String() string {
	if int(q) < len(quantifierNames) {
		return quantifierNames[q]
	}
	return fmt.Sprintf("Quantifier(%d)", q)
}

// Letter returns the traditional mood letter of a categorical quantifier
// (A, E, I or O) and 0 for the singular forms.
func (q Quantifier) Letter() byte {
	switch q {
	case All:
		return 'A'
	case No:
		return 'E'
	case Some:
		return 'I'
	case SomeNot:
		return 'O'
	}
	return 0
}

// QuantifierOf returns the categorical quantifier with mood letter l.
func QuantifierOf(l byte) (Quantifier, bool) {
	switch l {
	case 'A':
		return All, true
	case 'E':
		return No, true
	case 'I':
		return Some, true
	case 'O':
		return SomeNot, true
	}
	return 0, false
}

// Singular reports whether q is a fact about a named individual.
func (q Quantifier) Singular() bool { return q == Is || q == IsNot }

// Statement is one sentence of the formal language. For the categorical
// forms Subject and Predicate are general terms; for [Is] and [IsNot]
// Subject is the name of an individual. Terms and names are compared as
// plain strings: the caller decides what counts as the same term.
type Statement struct {
	Q         Quantifier
	Subject   string
	Predicate string
}

// String renders s in a compact, unambiguous notation used in test output
// and error messages, e.g. "All(dog, mammal)".
func (s Statement) String() string {
	return fmt.Sprintf("%v(%s, %s)", s.Q, s.Subject, s.Predicate)
}

// Negation returns the contradictory of s: the statement true exactly when
// s is false, under either semantics' reading of s.
func (s Statement) Negation() Statement {
	n := s
	switch s.Q {
	case All:
		n.Q = SomeNot
	case SomeNot:
		n.Q = All
	case No:
		n.Q = Some
	case Some:
		n.Q = No
	case Is:
		n.Q = IsNot
	case IsNot:
		n.Q = Is
	}
	return n
}

// Semantics fixes whether general terms may be empty.
type Semantics uint8

const (
	// Boolean is modern logic: a general term may be empty, so
	// "All S are P" carries no existential import.
	Boolean Semantics = iota
	// Traditional assumes every general term mentioned in the argument
	// (premises or conclusion) is non-empty, as psychology studies do.
	Traditional
)

// String returns "boolean" or "traditional".
func (s Semantics) String() string {
	switch s {
	case Boolean:
		return "boolean"
	case Traditional:
		return "traditional"
	}
	return fmt.Sprintf("Semantics(%d)", s)
}

// ParseSemantics is the inverse of [Semantics.String].
func ParseSemantics(name string) (Semantics, error) {
	switch name {
	case "boolean":
		return Boolean, nil
	case "traditional":
		return Traditional, nil
	}
	return 0, fmt.Errorf("unknown semantics %q: want boolean or traditional", name)
}

// Verdict is the answer to whether premises settle a conclusion.
type Verdict uint8

const (
	// Undetermined: the premises allow the conclusion to be true and to be false.
	Undetermined Verdict = iota
	// Entailed: the conclusion is true in every model of the premises.
	Entailed
	// Contradicted: the conclusion is false in every model of the premises.
	Contradicted
	// Inconsistent: the premises have no model at all.
	Inconsistent
)

var verdictNames = [...]string{"undetermined", "entailed", "contradicted", "inconsistent"}

// String returns the lower-case name used on the command line and in JSON.
func (v Verdict) String() string {
	if int(v) < len(verdictNames) {
		return verdictNames[v]
	}
	return fmt.Sprintf("Verdict(%d)", v)
}
