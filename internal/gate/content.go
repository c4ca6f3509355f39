package gate

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"

	"github.com/syllobench/syllobench/internal/scorecard"
)

// ContentChange is the change in SemEval-2026 Task 11's content effect
// between two models on the same items: the validity questions with a
// plausibility that both answered (the content-bias corpus left out).
type ContentChange struct {
	Items      int
	Base, Cand scorecard.ContentEffect
	// Change is Cand.TCE − Base.TCE; Lo and Hi its 95% interval, from the
	// 2.5th and 97.5th percentiles of the change over resamples of the
	// items (with replacement, the pairs kept together).
	Change, Lo, Hi float64
	Resamples      int    // that gave all four cells on both sides
	Seed           uint64 // of the resampling
}

// contentResamples and contentSeed fix the bootstrap: the same two
// scorecards always give the same interval.
const (
	contentResamples = 2000
	contentSeed      = 1
)

// contentChange computes the change in content effect over the paired
// items, base[i] and cand[i] being the same question; nil when either
// side has a cell of validity × plausibility without an answer.
func contentChange(base, cand []scorecard.Item) *ContentChange {
	be, err := scorecard.ContentEffectOf(scorecard.AllProbes, base)
	if err != nil {
		return nil
	}
	ce, err := scorecard.ContentEffectOf(scorecard.AllProbes, cand)
	if err != nil {
		return nil
	}
	ch := &ContentChange{Items: len(base), Base: be, Cand: ce, Change: ce.TCE - be.TCE, Seed: contentSeed}
	r := rand.New(rand.NewPCG(contentSeed, 0))
	n := len(base)
	bs, cs := make([]scorecard.Item, n), make([]scorecard.Item, n)
	var changes []float64
	for range contentResamples {
		for i := range n {
			j := r.IntN(n)
			bs[i], cs[i] = base[j], cand[j]
		}
		b, err1 := scorecard.ContentEffectOf(scorecard.AllProbes, bs)
		c, err2 := scorecard.ContentEffectOf(scorecard.AllProbes, cs)
		if err1 == nil && err2 == nil {
			changes = append(changes, c.TCE-b.TCE)
		}
	}
	ch.Resamples = len(changes)
	if len(changes) == 0 {
		ch.Lo, ch.Hi = ch.Change, ch.Change
		return ch
	}
	slices.Sort(changes)
	at := func(q float64) float64 { return changes[min(len(changes)-1, int(q*float64(len(changes))))] }
	ch.Lo, ch.Hi = at(0.025), at(0.975)
	return ch
}

// line says the change in one line of text.
func (ch *ContentChange) line() string {
	return fmt.Sprintf("content effect (SemEval-2026 Task 11) on %d paired validity questions about real things: TCE %.2f → %.2f, change %+.2f [%+.2f, %+.2f] "+
		"(95%%, bootstrap over the items, %d resamples, seed %d); accuracy %.2f → %.2f, ranking score %.2f → %.2f",
		ch.Items, ch.Base.TCE, ch.Cand.TCE, ch.Change, ch.Lo, ch.Hi, ch.Resamples, ch.Seed, ch.Base.Accuracy, ch.Cand.Accuracy, ch.Base.Score, ch.Cand.Score)
}

// round4 keeps four decimals, as the scorecard keeps the metrics.
func round4(x float64) float64 { return math.Round(x*1e4) / 1e4 }
