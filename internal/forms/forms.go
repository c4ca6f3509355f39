// Package forms is the catalogue of argument forms that syllobench asks
// about: the 256 categorical syllogisms, the 64 premise pairs of the
// psychology literature, singular forms, sorites chains, consistency sets
// and the named fallacies.
//
// A form is content-free: its terms are placeholders ("S", "M", "P" in a
// syllogism, "A", "B", "C" in a premise pair, "t0", "t1", … in a chain,
// and the individual "X"), so every form can be rendered in controlled English as it is. Content is put in later with [Argument.Rename].
// Every verdict is computed by [logic.Decide]; nothing here is an answer
// typed in by hand.
package forms

import (
	"fmt"

	"github.com/syllobench/syllobench/internal/logic"
)

// Argument is a form: premises and a conclusion over placeholder terms.
type Argument struct {
	ID         string // unique within its family, e.g. "AAA-1", "chain-3-true"
	Premises   []logic.Statement
	Conclusion logic.Statement
	Fallacies  []Fallacy // the named fallacies the form commits, if any
}

// Verdict decides the argument under sem.
func (a Argument) Verdict(sem logic.Semantics) logic.Verdict {
	v, err := logic.Decide(a.Premises, a.Conclusion, sem)
	if err != nil {
		// Forms are built here from a handful of placeholders, far below
		// the decider's limits: an error is a bug in this package.
		panic(fmt.Sprintf("forms: deciding %s: %v", a.ID, err))
	}
	return v
}

// Rename returns a copy of a with every general term t replaced by
// term(t) and every individual n by name(n). It is how content is put
// into a form: an injective renaming preserves every verdict.
func (a Argument) Rename(term, name func(string) string) Argument {
	r := a
	r.Premises = make([]logic.Statement, len(a.Premises))
	for i, s := range a.Premises {
		r.Premises[i] = renameStatement(s, term, name)
	}
	r.Conclusion = renameStatement(a.Conclusion, term, name)
	return r
}

func renameStatement(s logic.Statement, term, name func(string) string) logic.Statement {
	if s.Q.Singular() {
		s.Subject = name(s.Subject)
	} else {
		s.Subject = term(s.Subject)
	}
	s.Predicate = term(s.Predicate)
	return s
}

// Terms returns the general terms of a in order of first appearance,
// premises first.
func (a Argument) Terms() []string {
	var terms []string
	add := func(t string) {
		for _, x := range terms {
			if x == t {
				return
			}
		}
		terms = append(terms, t)
	}
	for _, s := range append(a.Premises[:len(a.Premises):len(a.Premises)], a.Conclusion) {
		if !s.Q.Singular() {
			add(s.Subject)
		}
		add(s.Predicate)
	}
	return terms
}

func stmt(q logic.Quantifier, s, p string) logic.Statement {
	return logic.Statement{Q: q, Subject: s, Predicate: p}
}
