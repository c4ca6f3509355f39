package gen

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"sync"

	"github.com/syllobench/syllobench/internal/forms"
	"github.com/syllobench/syllobench/internal/lexicon"
	"github.com/syllobench/syllobench/internal/logic"
)

// The properties family asks the syllogisms whose last term can be a
// property ("All birds have feathers. All owls are birds. So all owls
// have feathers."): a term that is only ever a predicate, as a verb
// phrase must be. Its content is real: the categories are drawn as for
// any real condition, then that term is replaced by a property of the
// taxonomy's facts (properties.txt) that every statement about it keeps
// true or false as it was, so the condition still holds.

// propertyTerm returns the placeholder of a that can be a property: the
// conclusion's predicate if no statement has it as subject, else the
// middle term if none does; "" if neither can.
func propertyTerm(a forms.Argument) string {
	onlyPredicate := func(t string) bool {
		for _, s := range append(slices.Clone(a.Premises), a.Conclusion) {
			if s.Subject == t {
				return false
			}
		}
		return true
	}
	if onlyPredicate(a.Conclusion.Predicate) {
		return a.Conclusion.Predicate
	}
	for _, s := range a.Premises {
		for _, t := range []string{s.Subject, s.Predicate} {
			if t != a.Conclusion.Subject && t != a.Conclusion.Predicate && onlyPredicate(t) {
				return t
			}
		}
	}
	return ""
}

// propertyForms are the syllogisms with a term that can be a property,
// in catalogue order.
func propertyForms() []form {
	var fs []form
	for _, s := range forms.Syllogisms() {
		a := s.Argument()
		if t := propertyTerm(a); t != "" {
			f := argumentForm(a)
			f.property = t
			fs = append(fs, f)
		}
	}
	return fs
}

// propertyConditions are the conditions the properties family is filled
// under: those with a world for a property to be true or false in.
var propertyConditions = []Condition{Believable, Unbelievable, Congruent, Incongruent}

// propertyFills bounds how many fillings of the categories a property
// filling tries: most fillings have no property that fits them.
const propertyFills = 256

// fillProperty fills f under c with real categories, and its property
// term with a property that keeps the world truth of every statement
// about it, drawing from r.
func fillProperty(f form, c Condition, tax *lexicon.Taxonomy, r *rand.Rand) (content, error) {
	switch propertyFeasible(f, c) {
	case Impossible:
		return content{}, fmt.Errorf("%w: %s under %s", ErrInfeasible, f.id, c)
	case Unsupported:
		return content{}, fmt.Errorf("%w: no property of the taxonomy fits %s under %s", ErrUnsupported, f.id, c)
	}
	return fillPropertyOf(f, c, tax, r)
}

// fillPropertyOf is fillProperty for a form and condition that may be
// feasible.
func fillPropertyOf(f form, c Condition, tax *lexicon.Taxonomy, r *rand.Rand) (content, error) {
	props := tax.Properties()
	stmts := f.statements()
	for range propertyFills {
		ct, err := fillReal(f, c, tax, r)
		if err != nil {
			return content{}, err
		}
		var fit []string
		for _, p := range props {
			if keepsTruth(tax, stmts, f.property, ct, p.Term) {
				fit = append(fit, p.Term)
			}
		}
		if len(fit) > 0 {
			ct.terms[f.property] = fit[r.IntN(len(fit))]
			return ct, nil
		}
	}
	return content{}, fmt.Errorf("%w: no property fits %s under %s in %d fillings", ErrNoContent, f.id, c, propertyFills)
}

// keepsTruth reports whether every statement of stmts whose predicate is
// the placeholder t has, in the world, the same settled truth with the
// property p in place of t's category as with it.
func keepsTruth(tax *lexicon.Taxonomy, stmts []logic.Statement, t string, c content, p string) bool {
	with := content{terms: map[string]string{t: p}, names: c.names}
	for k, v := range c.terms {
		if k != t {
			with.terms[k] = v
		}
	}
	for _, s := range stmts {
		if s.Predicate != t {
			continue
		}
		was, err := tax.Truth(c.rename(s))
		if err != nil {
			return false
		}
		now, err := tax.Truth(with.rename(s))
		if err != nil || now != was {
			return false
		}
	}
	return true
}

// propertyFeasible reports whether f under c can be filled with a
// property: Impossible where its categories cannot meet c at all, and
// Unsupported where the world's properties, which are few, fit no
// filling for one of a few seeds. It is found by trying, once per form
// and condition.
func propertyFeasible(f form, c Condition) Feasibility {
	key := f.id + "/" + string(c)
	if v, ok := propertyFeasibility.Load(key); ok {
		return v.(Feasibility)
	}
	v := Unsupported
	switch {
	case !slices.Contains(propertyConditions, c):
	case feasibility(form{id: f.id, premises: f.premises, conclusion: f.conclusion}, c) != Possible:
		v = Impossible
	default:
		v = Possible
		for seed := range uint64(3) {
			if _, err := fillPropertyOf(f, c, lexicon.Default(), stream(seed, "property-feasible", f.id, string(c))); err != nil {
				v = Unsupported
				break
			}
		}
	}
	propertyFeasibility.Store(key, v)
	return v
}

var propertyFeasibility sync.Map // form id/condition → Feasibility
