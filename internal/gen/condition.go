package gen

import (
	"fmt"
	"slices"
)

// Condition is how a form's placeholder terms are filled with content.
type Condition string

// The content conditions of the design.
const (
	// Symbolic fills terms with capital letters and individuals with X, Y.
	Symbolic Condition = "symbolic"
	// Nonce fills terms with pronounceable nonsense words.
	Nonce Condition = "nonce"
	// Believable uses real categories whose conclusion is true in the world.
	Believable Condition = "believable"
	// Unbelievable uses real categories whose conclusion is false in the world.
	Unbelievable Condition = "unbelievable"
	// Congruent uses real categories with every premise true in the world.
	Congruent Condition = "congruent"
	// Incongruent uses real categories with at least one premise false.
	Incongruent Condition = "incongruent"
	// SwapA and SwapB fill the same form from the two domains of a swap
	// pair (shapes and dogs, say) so that every pair of terms stands in
	// the same world relation on both sides.
	SwapA Condition = "swap-a"
	SwapB Condition = "swap-b"
)

// Conditions lists every condition in a fixed order.
func Conditions() []Condition {
	return []Condition{Symbolic, Nonce, Believable, Unbelievable, Congruent, Incongruent, SwapA, SwapB}
}

// ParseCondition reads a condition name.
func ParseCondition(name string) (Condition, error) {
	if c := Condition(name); slices.Contains(Conditions(), c) {
		return c, nil
	}
	return "", fmt.Errorf("unknown condition %q: want one of %v", name, Conditions())
}

// real reports whether c fills terms with categories of the taxonomy.
func (c Condition) real() bool {
	switch c {
	case Believable, Unbelievable, Congruent, Incongruent, SwapA, SwapB:
		return true
	}
	return false
}
