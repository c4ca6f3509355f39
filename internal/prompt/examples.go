package prompt

import (
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"slices"

	"github.com/syllobench/syllobench/internal/gen"
	"github.com/syllobench/syllobench/internal/question"
)

// DefaultShots is the number of worked examples of a few-shot prompt.
const DefaultShots = 2

// Examples returns k worked examples for it: items of the same family and
// semantics, on forms other than its own, filled with content of a
// condition other than its own, and with different answers where the
// family allows, so that the examples do not point to one label. The
// choice is seeded by the item's id. A premise-selection question's
// examples are selection questions of its family's items; an imported
// dataset's records, which have no family, take validity questions.
func Examples(it gen.Item, k int) ([]gen.Item, error) {
	family := it.Family
	if family == "dataset" {
		family = "validity"
	}
	fam, err := gen.FamilyByName(family)
	if err != nil {
		return nil, err
	}
	cond, err := exampleCondition(fam, it.Condition)
	if err != nil {
		return nil, fmt.Errorf("few-shot examples for %s: %w", it.ID, err)
	}
	h := fnv.New64a()
	h.Write([]byte(it.ID))
	r := rand.New(rand.NewPCG(h.Sum64(), 1))
	ids := fam.Forms()
	var out []gen.Item
	seen := map[string]bool{}
	for pass := 0; pass < 2 && len(out) < k; pass++ {
		for _, i := range r.Perm(len(ids)) {
			if len(out) == k {
				break
			}
			if ids[i] == it.Form || seen[ids[i]] {
				continue
			}
			ex, err := gen.Generate(gen.Spec{
				Family: family, Form: ids[i], Condition: cond,
				Semantics: it.Semantics, Seed: h.Sum64(), Index: len(out),
			})
			if err == nil && it.Kind == question.Selection {
				ex, err = gen.SelectionOf(ex)
			}
			if err != nil {
				return nil, fmt.Errorf("few-shot example for %s: %w", it.ID, err)
			}
			// The first pass takes only answers not yet shown.
			if pass == 0 && answered(out, ex.Expected) {
				continue
			}
			seen[ids[i]] = true
			out = append(out, ex)
		}
	}
	if len(out) < k {
		return nil, fmt.Errorf("few-shot examples for %s: the family has only %d other forms", it.ID, len(out))
	}
	return out, nil
}

// exampleCondition picks the content of the examples: nonsense words,
// letters, or else the family's first condition other than the question's.
func exampleCondition(fam gen.Family, not gen.Condition) (gen.Condition, error) {
	for _, c := range append([]gen.Condition{gen.Nonce, gen.Symbolic}, fam.Conditions...) {
		if c != not && slices.Contains(fam.Conditions, c) {
			return c, nil
		}
	}
	return "", fmt.Errorf("family %s has no condition other than %s", fam.Name, not)
}

func answered(items []gen.Item, label string) bool {
	for _, it := range items {
		if it.Expected == label {
			return true
		}
	}
	return false
}
