package forms

import (
	"fmt"
	"math/rand/v2"

	"github.com/syllobench/syllobench/internal/logic"
)

// ConsistencySet is a set of statements to be judged together: can they
// all be true at once?
type ConsistencySet struct {
	ID         string
	Statements []logic.Statement
}

// Consistent decides the set under sem.
func (c ConsistencySet) Consistent(sem logic.Semantics) bool {
	ok, err := logic.Consistent(c.Statements, sem)
	if err != nil {
		panic(fmt.Sprintf("forms: deciding %s: %v", c.ID, err)) // placeholders are far below the limits
	}
	return ok
}

// Consistency returns a's premises followed by its conclusion, or by the
// conclusion's negation when negate is set. When a's premises entail the
// conclusion, the negated set is the classic contradiction check:
// "All A are B. All B are C. X is an A. X is not a C."
func Consistency(a Argument, negate bool) ConsistencySet {
	last, suffix := a.Conclusion, "with-conclusion"
	if negate {
		last, suffix = a.Conclusion.Negation(), "with-negation"
	}
	stmts := append(a.Premises[:len(a.Premises):len(a.Premises)], last)
	return ConsistencySet{ID: a.ID + "-" + suffix, Statements: stmts}
}

// ConsistencySets returns the catalogue: every singular form and every
// distractor-free chain up to depth 4, each closed by its conclusion and
// by the conclusion's negation.
func ConsistencySets() []ConsistencySet {
	bases := SingularForms()
	for depth := 1; depth <= 4; depth++ {
		for _, ans := range []ChainAnswer{ChainTrue, ChainFalse, ChainUnknown} {
			c, err := Chain(depth, ans, 0, rand.New(rand.NewPCG(0, 0)))
			if err != nil {
				panic(err) // depth and answer are in range
			}
			bases = append(bases, c)
		}
	}
	var sets []ConsistencySet
	for _, a := range bases {
		sets = append(sets, Consistency(a, false), Consistency(a, true))
	}
	return sets
}
