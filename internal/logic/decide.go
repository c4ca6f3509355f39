package logic

import (
	"errors"
	"fmt"
	"math/bits"
)

// Limits of the decider. Arguments are small; these bounds let it keep
// every term set in one machine word and allocate nothing.
const (
	MaxTerms     = 64 // distinct general terms in one argument
	MaxNames     = 64 // distinct named individuals in one argument
	MaxWitnesses = 64 // Some and Some-not statements plus individuals
)

// Errors that callers can test with [errors.Is].
var (
	ErrTooManyTerms     = errors.New("logic: too many distinct terms")
	ErrTooManyNames     = errors.New("logic: too many distinct individuals")
	ErrTooManyWitnesses = errors.New("logic: too many existential statements and individuals")
	ErrInvalid          = errors.New("logic: invalid statement")
)

// Decide says whether premises settle conclusion under sem.
//
// It returns [Inconsistent] when the premises have no model (under
// [Traditional] semantics this includes the terms of the conclusion being
// non-empty), [Entailed] when the conclusion holds in every model,
// [Contradicted] when it fails in every model, and [Undetermined] otherwise.
func Decide(premises []Statement, conclusion Statement, sem Semantics) (Verdict, error) {
	var th theory
	if err := th.build(premises, &conclusion, sem); err != nil {
		return 0, err
	}
	if !th.sat() {
		return Inconsistent, nil
	}
	if !th.satWith(conclusion.Negation()) {
		return Entailed, nil
	}
	if !th.satWith(conclusion) {
		return Contradicted, nil
	}
	return Undetermined, nil
}

// Entails reports whether premises are consistent and entail conclusion:
// Decide(premises, conclusion, sem) == Entailed.
func Entails(premises []Statement, conclusion Statement, sem Semantics) (bool, error) {
	v, err := Decide(premises, conclusion, sem)
	return v == Entailed, err
}

// Consistent reports whether all of stmts can be true together under sem.
func Consistent(stmts []Statement, sem Semantics) (bool, error) {
	var th theory
	if err := th.build(stmts, nil, sem); err != nil {
		return false, err
	}
	return th.sat(), nil
}

// witness is one domain element that must exist: the terms it must fall
// under (pos) and must not fall under (neg).
type witness struct{ pos, neg uint64 }

// theory is a set of statements compiled for satisfiability checks.
//
// Every universal statement is a 2-clause over the terms read as
// predicates of one element: All S are P is ¬S∨P (imp[S] has P), No S are
// P is ¬S∨¬P (excl[S] has P; possible checks every term of a closure,
// so one direction is enough). Every existential
// requirement (a Some or Some-not statement, a named individual with its
// facts, a non-empty term under Traditional semantics) is an element of
// its own. Elements do not constrain each other, so the theory is
// satisfiable exactly when each witness, taken alone, satisfies the
// clauses. No clause has two positive literals, so a witness is
// satisfiable iff the closure of its positive terms under imp meets
// neither its negative terms nor the exclusions of the closure.
type theory struct {
	nterms int
	terms  [MaxTerms]string
	imp    [MaxTerms]uint64 // imp[t]: terms every t is
	excl   [MaxTerms]uint64 // excl[t]: terms no t is
	exist  uint64           // terms that must be non-empty

	nw        int
	witnesses [MaxWitnesses]witness

	nnames int
	names  [MaxNames]string
	nameW  [MaxNames]uint8 // index of each name's witness
}

func (th *theory) build(stmts []Statement, conclusion *Statement, sem Semantics) error {
	for i, s := range stmts {
		if err := th.mention(s, sem); err != nil {
			return fmt.Errorf("statement %d %v: %w", i+1, s, err)
		}
		if err := th.add(s); err != nil {
			return fmt.Errorf("statement %d %v: %w", i+1, s, err)
		}
	}
	if conclusion != nil {
		// The conclusion's terms are non-empty under Traditional
		// semantics, and need an index before satWith is called.
		if err := th.mention(*conclusion, sem); err != nil {
			return fmt.Errorf("conclusion %v: %w", *conclusion, err)
		}
	}
	return nil
}

// mention checks s and gives its terms and name an index.
func (th *theory) mention(s Statement, sem Semantics) error {
	if s.Q > IsNot {
		return fmt.Errorf("%w: unknown quantifier %d", ErrInvalid, s.Q)
	}
	if s.Subject == "" || s.Predicate == "" {
		return fmt.Errorf("%w: empty term", ErrInvalid)
	}
	p, ok := th.term(s.Predicate)
	if !ok {
		return ErrTooManyTerms
	}
	if sem == Traditional {
		th.exist |= 1 << p
	}
	if s.Q.Singular() {
		_, err := th.name(s.Subject)
		return err
	}
	t, ok := th.term(s.Subject)
	if !ok {
		return ErrTooManyTerms
	}
	if sem == Traditional {
		th.exist |= 1 << t
	}
	return nil
}

// term returns the index of term t, adding it if new.
func (th *theory) term(t string) (uint, bool) {
	for i := range th.nterms {
		if th.terms[i] == t {
			return uint(i), true
		}
	}
	if th.nterms == MaxTerms {
		return 0, false
	}
	th.terms[th.nterms] = t
	th.nterms++
	return uint(th.nterms - 1), true
}

// name returns the witness index of individual n, adding it if new.
func (th *theory) name(n string) (int, error) {
	for i := range th.nnames {
		if th.names[i] == n {
			return int(th.nameW[i]), nil
		}
	}
	if th.nnames == MaxNames {
		return 0, ErrTooManyNames
	}
	w, err := th.newWitness(witness{})
	if err != nil {
		return 0, err
	}
	th.names[th.nnames] = n
	th.nameW[th.nnames] = uint8(w)
	th.nnames++
	return w, nil
}

// newWitness adds w and returns its index.
func (th *theory) newWitness(w witness) (int, error) {
	if th.nw == MaxWitnesses {
		return 0, ErrTooManyWitnesses
	}
	th.witnesses[th.nw] = w
	th.nw++
	return th.nw - 1, nil
}

// add compiles a statement whose terms are already mentioned.
func (th *theory) add(s Statement) error {
	p, _ := th.term(s.Predicate)
	switch s.Q {
	case Is, IsNot:
		w, _ := th.name(s.Subject)
		if s.Q == Is {
			th.witnesses[w].pos |= 1 << p
		} else {
			th.witnesses[w].neg |= 1 << p
		}
		return nil
	}
	t, _ := th.term(s.Subject)
	switch s.Q {
	case All:
		th.imp[t] |= 1 << p
	case No:
		th.excl[t] |= 1 << p
	case Some:
		_, err := th.newWitness(witness{pos: 1<<t | 1<<p})
		return err
	case SomeNot:
		_, err := th.newWitness(witness{pos: 1 << t, neg: 1 << p})
		return err
	}
	return nil
}

// sat reports whether the theory has a model.
func (th *theory) sat() bool {
	for _, w := range th.witnesses[:th.nw] {
		if !th.possible(w) {
			return false
		}
	}
	for e := th.exist; e != 0; e &= e - 1 {
		if !th.possible(witness{pos: 1 << bits.TrailingZeros64(e)}) {
			return false
		}
	}
	return true
}

// satWith reports whether the theory, known to be satisfiable, stays so
// with s added. s's terms must already be mentioned.
func (th *theory) satWith(s Statement) bool {
	p, _ := th.term(s.Predicate)
	switch s.Q {
	case Is, IsNot:
		w, _ := th.name(s.Subject)
		x := th.witnesses[w]
		if s.Q == Is {
			x.pos |= 1 << p
		} else {
			x.neg |= 1 << p
		}
		return th.possible(x)
	}
	t, _ := th.term(s.Subject)
	switch s.Q {
	case Some:
		return th.possible(witness{pos: 1<<t | 1<<p})
	case SomeNot:
		return th.possible(witness{pos: 1 << t, neg: 1 << p})
	}
	// A new universal clause can break any witness: add it, recheck
	// everything, restore.
	imp, excl := th.imp[t], th.excl[t]
	th.add(s) // a universal: no witness, no error
	ok := th.sat()
	th.imp[t], th.excl[t] = imp, excl
	return ok
}

// possible reports whether an element of type w satisfies every clause.
func (th *theory) possible(w witness) bool {
	c := th.closure(w.pos)
	if c&w.neg != 0 {
		return false
	}
	for r := c; r != 0; r &= r - 1 {
		if th.excl[bits.TrailingZeros64(r)]&c != 0 {
			return false
		}
	}
	return true
}

// closure returns every term implied by the terms in pos.
func (th *theory) closure(pos uint64) uint64 {
	c, todo := pos, pos
	for todo != 0 {
		t := bits.TrailingZeros64(todo)
		todo &= todo - 1
		n := th.imp[t] &^ c
		c |= n
		todo |= n
	}
	return c
}
