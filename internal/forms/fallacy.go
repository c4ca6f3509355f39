package forms

import "github.com/syllobench/syllobench/internal/logic"

// Fallacy is a named error of form.
type Fallacy uint8

// The named fallacies. The first seven are the catalogue's; the last three
// are the remaining rules of the traditional syllogism, tagged so that
// every invalid syllogism carries at least one name.
const (
	UndistributedMiddle      Fallacy = iota + 1 // the middle term is distributed in neither premise
	IllicitMajor                                // P is distributed in the conclusion but not in the major premise
	IllicitMinor                                // S is distributed in the conclusion but not in the minor premise
	ExistentialFallacy                          // a particular conclusion from two universal premises
	IllicitConversion                           // All A are B to All B are A, or Some A are not B to Some B are not A
	AffirmingConsequent                         // All A are B, X is a B, so X is an A
	DenyingAntecedent                           // All A are B, X is not an A, so X is not a B
	ExclusivePremises                           // two negative premises
	AffirmativeFromNegative                     // an affirmative conclusion from a negative premise
	NegativeFromAffirmatives                    // a negative conclusion from two affirmative premises
)

var fallacyNames = [...]string{
	UndistributedMiddle:      "undistributed-middle",
	IllicitMajor:             "illicit-major",
	IllicitMinor:             "illicit-minor",
	ExistentialFallacy:       "existential-fallacy",
	IllicitConversion:        "illicit-conversion",
	AffirmingConsequent:      "affirming-the-consequent",
	DenyingAntecedent:        "denying-the-antecedent",
	ExclusivePremises:        "exclusive-premises",
	AffirmativeFromNegative:  "affirmative-from-negative",
	NegativeFromAffirmatives: "negative-from-affirmatives",
}

// String returns the fallacy's kebab-case name, as used in test names.
func (f Fallacy) String() string {
	if int(f) < len(fallacyNames) && fallacyNames[f] != "" {
		return fallacyNames[f]
	}
	return "fallacy(?)"
}

// Fallacies lists every fallacy, in catalogue order.
func Fallacies() []Fallacy {
	fs := make([]Fallacy, 0, len(fallacyNames)-1)
	for f := UndistributedMiddle; int(f) < len(fallacyNames); f++ {
		fs = append(fs, f)
	}
	return fs
}

// distributes reports whether a statement of form q distributes its
// subject and its predicate: speaks of all of the term's members.
func distributes(q logic.Quantifier) (subject, predicate bool) {
	switch q {
	case logic.All:
		return true, false
	case logic.No:
		return true, true
	case logic.SomeNot:
		return false, true
	}
	return false, false
}

func negative(q logic.Quantifier) bool { return q == logic.No || q == logic.SomeNot }

// distributed reports whether term is distributed in s.
func distributed(s logic.Statement, term string) bool {
	subj, pred := distributes(s.Q)
	return (subj && s.Subject == term) || (pred && s.Predicate == term)
}

// Fallacies returns the fallacies the syllogism commits by the
// traditional rules of distribution and quality. These rules are
// independent of the decider; a test checks that a syllogism is valid
// under Traditional semantics exactly when it breaks none of them but the
// existential fallacy, and under Boolean semantics exactly when it breaks
// none.
func (s Syllogism) Fallacies() []Fallacy {
	major, minor := s.premises()
	c := stmt(s.Mood[2], "S", "P")
	var fs []Fallacy
	if !distributed(major, "M") && !distributed(minor, "M") {
		fs = append(fs, UndistributedMiddle)
	}
	if distributed(c, "P") && !distributed(major, "P") {
		fs = append(fs, IllicitMajor)
	}
	if distributed(c, "S") && !distributed(minor, "S") {
		fs = append(fs, IllicitMinor)
	}
	universal := func(q logic.Quantifier) bool { return q == logic.All || q == logic.No }
	if universal(major.Q) && universal(minor.Q) && !universal(c.Q) {
		fs = append(fs, ExistentialFallacy)
	}
	if negative(major.Q) && negative(minor.Q) {
		fs = append(fs, ExclusivePremises)
	}
	if (negative(major.Q) || negative(minor.Q)) && !negative(c.Q) {
		fs = append(fs, AffirmativeFromNegative)
	}
	if !negative(major.Q) && !negative(minor.Q) && negative(c.Q) {
		fs = append(fs, NegativeFromAffirmatives)
	}
	return fs
}
