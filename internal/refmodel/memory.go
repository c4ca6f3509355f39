package refmodel

import (
	"slices"

	"github.com/syllobench/syllobench/internal/famous"
)

// memoryAnswer is ref-memory: a reasoner that knows the famous arguments
// by heart and nothing else. Shown one of them word for word (package
// famous), premise for premise, it answers rightly, as ref-logic does;
// shown anything else, even the same form in other words, it guesses, as
// ref-coin does. It is the reasoner the memorization cell of the famous
// probe must catch.
func memoryAnswer(q Question) (string, string, error) {
	for _, a := range famous.Arguments() {
		if slices.Equal(q.PremiseText, a.Premises) {
			label, why, err := logicAnswer(q)
			if err != nil {
				return "", "", err
			}
			return label, why + " I have seen this one many times.", nil
		}
	}
	return coinAnswer(q)
}
