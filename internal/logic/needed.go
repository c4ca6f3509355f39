package logic

import (
	"fmt"
	"math/bits"
	"slices"
)

// maxNeeded bounds the premises Needed searches the subsets of.
const maxNeeded = 12

// Needed returns the minimal sets of premises that entail conclusion
// under sem, each as the indices of its premises in increasing order,
// smallest sets first and then in order of their indices: the premises
// an argument needs, as a premise-selection question asks for them. It
// returns none when the premises do not entail the conclusion. A set is
// minimal when no proper subset of it entails the conclusion. It
// searches every subset, so it takes at most 12 premises.
func Needed(premises []Statement, conclusion Statement, sem Semantics) ([][]int, error) {
	n := len(premises)
	if n > maxNeeded {
		return nil, fmt.Errorf("logic: Needed: %d premises, more than %d", n, maxNeeded)
	}
	if ok, err := Entails(premises, conclusion, sem); err != nil || !ok {
		return nil, err
	}
	masks := make([]uint, 0, 1<<n)
	for m := uint(1); m < 1<<n; m++ {
		masks = append(masks, m)
	}
	slices.SortStableFunc(masks, func(a, b uint) int { return bits.OnesCount(a) - bits.OnesCount(b) })
	var found []uint
	var sets [][]int
	sub := make([]Statement, 0, n)
	for _, m := range masks {
		if slices.ContainsFunc(found, func(f uint) bool { return f&m == f }) {
			continue // a smaller set already entails it
		}
		sub = sub[:0]
		var idx []int
		for i := range n {
			if m>>i&1 == 1 {
				sub = append(sub, premises[i])
				idx = append(idx, i)
			}
		}
		ok, err := Entails(sub, conclusion, sem)
		if err != nil {
			return nil, err
		}
		if ok {
			found = append(found, m)
			sets = append(sets, idx)
		}
	}
	return sets, nil
}
