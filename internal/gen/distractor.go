package gen

import (
	"fmt"
	"slices"

	"github.com/syllobench/syllobench/internal/forms"
	"github.com/syllobench/syllobench/internal/logic"
	"github.com/syllobench/syllobench/internal/question"
)

// The distractors family asks a syllogism among k irrelevant premises
// (k = 1–4), SemEval-2026 Task 11's subtask 2: statements about the same
// three terms that the argument does not need. Each distractor is checked
// by the logic engine under both semantics: the premises stay consistent,
// the verdict stays what it was without them, and no minimal set of
// premises that entails the conclusion holds one. Over its own three
// terms, a form fills under every content condition.

// maxDistractors is the most irrelevant premises a form adds.
const maxDistractors = 4

// distractorForms are the named (valid) syllogisms and as many invalid
// ones, every tenth of the catalogue's, each with 1 to 4 distractors
// where that many can be found.
func distractorForms() []form {
	var bases []forms.Argument
	var invalid []forms.Argument
	for i, s := range forms.Syllogisms() {
		switch {
		case s.Name() != "":
			bases = append(bases, s.Argument())
		case i%10 == 0:
			invalid = append(invalid, s.Argument())
		}
	}
	bases = append(bases, invalid[:min(len(invalid), len(bases))]...)
	var fs []form
	for _, a := range bases {
		for k := 1; k <= maxDistractors; k++ {
			if f, ok := distractorForm(a, k); ok {
				fs = append(fs, f)
			}
		}
	}
	return fs
}

// distractorForm adds k distractors to a, drawn by a stream fixed by the
// form's id and placed among its premises; false when fewer than k
// statements about a's terms qualify.
func distractorForm(a forms.Argument, k int) (form, bool) {
	id := fmt.Sprintf("%s-k%d", a.ID, k)
	r := stream(0, "distractors", id)
	terms := []string{a.Conclusion.Subject, a.Conclusion.Predicate}
	for _, p := range a.Premises {
		for _, t := range []string{p.Subject, p.Predicate} {
			if !slices.Contains(terms, t) {
				terms = append(terms, t)
			}
		}
	}
	var candidates []logic.Statement
	for _, q := range []logic.Quantifier{logic.All, logic.No, logic.Some, logic.SomeNot} {
		for _, s := range terms {
			for _, p := range terms {
				if s != p {
					candidates = append(candidates, logic.Statement{Q: q, Subject: s, Predicate: p})
				}
			}
		}
	}
	premises := slices.Clone(a.Premises)
	added := 0
	for _, i := range shuffled(r, len(candidates)) {
		if added == k {
			break
		}
		d := candidates[i]
		if slices.Contains(premises, d) || d == a.Conclusion || d == a.Conclusion.Negation() {
			continue
		}
		at := r.IntN(len(premises) + 1)
		trial := slices.Insert(slices.Clone(premises), at, d)
		if irrelevant(trial, at, a) {
			premises, added = trial, added+1
		}
	}
	if added < k {
		return form{}, false
	}
	c := a.Conclusion
	return form{id: id, premises: premises, conclusion: &c}, true
}

// irrelevant reports whether premises, a's with a distractor at index
// at among them, are consistent and settle a's conclusion as a's own do,
// under both semantics, with no minimal entailing set that holds the
// distractor.
func irrelevant(premises []logic.Statement, at int, a forms.Argument) bool {
	for _, sem := range []logic.Semantics{logic.Boolean, logic.Traditional} {
		ok, err := logic.Consistent(premises, sem)
		if err != nil || !ok {
			return false
		}
		was, err1 := logic.Entails(a.Premises, a.Conclusion, sem)
		is, err2 := logic.Entails(premises, a.Conclusion, sem)
		if err1 != nil || err2 != nil || was != is {
			return false
		}
		sets, err := logic.Needed(premises, a.Conclusion, sem)
		if err != nil || slices.ContainsFunc(sets, func(set []int) bool { return slices.Contains(set, at) }) {
			return false
		}
	}
	return true
}

// SelectionOf returns the premise-selection question of a validity item:
// the same premises and conclusion, asking which premises the conclusion
// needs. Its right answers are the minimal sets of premises that entail
// the conclusion (logic.Needed), numbered as shown, or
// question.NoneSelected when it does not follow. Its id is the item's
// with "/selection".
func SelectionOf(it Item) (Item, error) {
	if it.Kind != question.Validity || it.Conclusion == nil || it.Direct {
		return Item{}, fmt.Errorf("selection of %s: want a validity question with its conclusion shown", it.ID)
	}
	sets, err := logic.Needed(it.Premises, *it.Conclusion, it.Semantics)
	if err != nil {
		return Item{}, fmt.Errorf("selection of %s: %w", it.ID, err)
	}
	out := it
	out.ID += "/selection"
	out.Kind = question.Selection
	out.Accepted = nil
	for _, set := range sets {
		nums := make([]int, len(set))
		for i, p := range set {
			nums[i] = p + 1
		}
		out.Accepted = append(out.Accepted, question.SelectionLabel(nums))
	}
	if out.Accepted == nil {
		out.Accepted = []string{question.NoneSelected}
	}
	out.Expected = out.Accepted[0]
	return out, nil
}
