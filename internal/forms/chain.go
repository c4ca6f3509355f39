package forms

import (
	"fmt"
	"math/rand/v2"

	"github.com/syllobench/syllobench/internal/logic"
)

// ChainAnswer is the intended answer to a chain's question.
type ChainAnswer uint8

// The three variants of a chain.
const (
	ChainTrue    ChainAnswer = iota // the chain carries X all the way
	ChainFalse                      // the last link excludes the last term
	ChainUnknown                    // the last link points the wrong way
)

var chainAnswerNames = [...]string{"true", "false", "unknown"}

// String returns "true", "false" or "unknown".
func (a ChainAnswer) String() string {
	if int(a) < len(chainAnswerNames) {
		return chainAnswerNames[a]
	}
	return fmt.Sprintf("ChainAnswer(%d)", a)
}

// Chain limits.
const (
	MaxChainDepth  = 8
	MaxDistractors = 16
)

// Chain returns a sorites of the given depth about an individual:
//
//	X is a t0. All t0 are t1. … All t(d-1) are td.  Is X a td?
//
// For [ChainFalse] the last link is "No t(d-1) are td"; for
// [ChainUnknown] it is "All td are t(d-1)". Distractors are premises that
// relate one fresh term d0, d1, … each to a random term of the chain; they
// never change the verdict. They follow the chain's premises, and r
// chooses them, so the same seed gives the same chain.
func Chain(depth int, answer ChainAnswer, distractors int, r *rand.Rand) (Argument, error) {
	switch {
	case depth < 1 || depth > MaxChainDepth:
		return Argument{}, fmt.Errorf("chain depth %d: want 1 to %d", depth, MaxChainDepth)
	case answer > ChainUnknown:
		return Argument{}, fmt.Errorf("chain answer %v: want true, false or unknown", answer)
	case distractors < 0 || distractors > MaxDistractors:
		return Argument{}, fmt.Errorf("chain distractors %d: want 0 to %d", distractors, MaxDistractors)
	}
	t := func(i int) string { return fmt.Sprint("t", i) }
	ps := []logic.Statement{stmt(logic.Is, "X", t(0))}
	for i := 0; i < depth-1; i++ {
		ps = append(ps, stmt(logic.All, t(i), t(i+1)))
	}
	switch answer {
	case ChainTrue:
		ps = append(ps, stmt(logic.All, t(depth-1), t(depth)))
	case ChainFalse:
		ps = append(ps, stmt(logic.No, t(depth-1), t(depth)))
	case ChainUnknown:
		ps = append(ps, stmt(logic.All, t(depth), t(depth-1)))
	}
	for i := range distractors {
		d, link := fmt.Sprint("d", i), t(r.IntN(depth+1))
		switch r.IntN(4) {
		case 0:
			ps = append(ps, stmt(logic.All, link, d))
		case 1:
			ps = append(ps, stmt(logic.All, d, link))
		case 2:
			ps = append(ps, stmt(logic.No, d, link))
		case 3:
			ps = append(ps, stmt(logic.Some, d, link))
		}
	}
	id := fmt.Sprintf("chain-%d-%v", depth, answer)
	if distractors > 0 {
		id += fmt.Sprintf("-d%d", distractors)
	}
	return Argument{ID: id, Premises: ps, Conclusion: stmt(logic.Is, "X", t(depth))}, nil
}
