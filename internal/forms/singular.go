package forms

import "github.com/syllobench/syllobench/internal/logic"

// SingularForms returns the arguments about one named individual X: the
// classic "All A are B. X is an A. So X is a B." and its negative,
// contrapositive and fallacious variants.
func SingularForms() []Argument {
	return []Argument{{
		ID:         "instantiation",
		Premises:   []logic.Statement{stmt(logic.All, "A", "B"), stmt(logic.Is, "X", "A")},
		Conclusion: stmt(logic.Is, "X", "B"),
	}, {
		ID:         "negative-instantiation",
		Premises:   []logic.Statement{stmt(logic.No, "A", "B"), stmt(logic.Is, "X", "A")},
		Conclusion: stmt(logic.IsNot, "X", "B"),
	}, {
		ID:         "negative-instantiation-converse",
		Premises:   []logic.Statement{stmt(logic.No, "A", "B"), stmt(logic.Is, "X", "B")},
		Conclusion: stmt(logic.IsNot, "X", "A"),
	}, {
		ID:         "modus-tollens",
		Premises:   []logic.Statement{stmt(logic.All, "A", "B"), stmt(logic.IsNot, "X", "B")},
		Conclusion: stmt(logic.IsNot, "X", "A"),
	}, {
		ID:         "affirming-the-consequent",
		Premises:   []logic.Statement{stmt(logic.All, "A", "B"), stmt(logic.Is, "X", "B")},
		Conclusion: stmt(logic.Is, "X", "A"),
		Fallacies:  []Fallacy{AffirmingConsequent},
	}, {
		ID:         "denying-the-antecedent",
		Premises:   []logic.Statement{stmt(logic.All, "A", "B"), stmt(logic.IsNot, "X", "A")},
		Conclusion: stmt(logic.IsNot, "X", "B"),
		Fallacies:  []Fallacy{DenyingAntecedent},
	}}
}

// Conversions returns the immediate inferences that swap subject and
// predicate: the valid conversions of E and I, conversion per accidens
// (valid only with existential import) and the illicit conversions of A
// and O.
func Conversions() []Argument {
	conv := func(id string, from, to logic.Quantifier, fs ...Fallacy) Argument {
		return Argument{
			ID:         id,
			Premises:   []logic.Statement{stmt(from, "A", "B")},
			Conclusion: stmt(to, "B", "A"),
			Fallacies:  fs,
		}
	}
	return []Argument{
		conv("conversion-E", logic.No, logic.No),
		conv("conversion-I", logic.Some, logic.Some),
		conv("conversion-per-accidens", logic.All, logic.Some, ExistentialFallacy),
		conv("illicit-conversion-A", logic.All, logic.All, IllicitConversion),
		conv("illicit-conversion-O", logic.SomeNot, logic.SomeNot, IllicitConversion),
	}
}

// Catalogue returns every form that commits fallacy f: the syllogisms,
// singular forms and conversions tagged with it.
func Catalogue(f Fallacy) []Argument {
	var out []Argument
	add := func(a Argument) {
		for _, g := range a.Fallacies {
			if g == f {
				out = append(out, a)
				return
			}
		}
	}
	for _, s := range Syllogisms() {
		add(s.Argument())
	}
	for _, a := range SingularForms() {
		add(a)
	}
	for _, a := range Conversions() {
		add(a)
	}
	return out
}
