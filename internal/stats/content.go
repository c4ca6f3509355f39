package stats

import (
	"errors"
	"fmt"
	"math"
)

// Rate is k right answers of n counted.
type Rate struct{ K, N int }

// Percent is 100·K/N, and NaN for N == 0.
func (r Rate) Percent() float64 {
	if r.N == 0 {
		return math.NaN()
	}
	return 100 * float64(r.K) / float64(r.N)
}

// ContentCells are the answers to validity questions by the argument's
// validity and its conclusion's plausibility (believability), the four
// cells of SemEval-2026 Task 11's content-effect metrics.
type ContentCells struct {
	ValidPlausible, ValidImplausible, InvalidPlausible, InvalidImplausible Rate
}

// ContentEffect holds SemEval-2026 Task 11's metrics, in percent as the
// task gives them.
type ContentEffect struct {
	// Accuracy is the share right over all four cells.
	Accuracy float64
	// IntraPlausibility is, for each plausibility, the absolute
	// difference between the accuracy on valid and on invalid arguments,
	// averaged over the two (the task's script calls it the inter-validity
	// effect).
	IntraPlausibility float64
	// CrossPlausibility is, for each validity, the absolute difference
	// between the accuracy on plausible and on implausible arguments,
	// averaged (the script's intra-validity effect).
	CrossPlausibility float64
	// Total is the mean of the two: the total content effect, TCE.
	Total float64
	// Score is the ranking score, RankingScore(Accuracy, Total).
	Score float64
}

// ErrEmptyCell is wrapped by the error of Content for cells of which one
// has no answer: the content effect compares all four.
var ErrEmptyCell = errors.New("a cell of validity × plausibility has no answer")

// Content computes the content-effect metrics of SemEval-2026 Task 11
// (Valentino et al., 2026) from the four cells, as its evaluation script
// does: accuracies in percent, each effect a mean of absolute
// differences. Every cell must have an answer.
func Content(c ContentCells) (ContentEffect, error) {
	for _, r := range []Rate{c.ValidPlausible, c.ValidImplausible, c.InvalidPlausible, c.InvalidImplausible} {
		if r.N <= 0 || r.K < 0 || r.K > r.N {
			if r.N == 0 {
				return ContentEffect{}, fmt.Errorf("stats: content effect: %w", ErrEmptyCell)
			}
			return ContentEffect{}, fmt.Errorf("stats: content effect: %d right of %d", r.K, r.N)
		}
	}
	vp, vi := c.ValidPlausible.Percent(), c.ValidImplausible.Percent()
	ip, ii := c.InvalidPlausible.Percent(), c.InvalidImplausible.Percent()
	k := c.ValidPlausible.K + c.ValidImplausible.K + c.InvalidPlausible.K + c.InvalidImplausible.K
	n := c.ValidPlausible.N + c.ValidImplausible.N + c.InvalidPlausible.N + c.InvalidImplausible.N
	e := ContentEffect{
		Accuracy:          Rate{k, n}.Percent(),
		IntraPlausibility: (math.Abs(vp-ip) + math.Abs(vi-ii)) / 2,
		CrossPlausibility: (math.Abs(vp-vi) + math.Abs(ip-ii)) / 2,
	}
	e.Total = (e.IntraPlausibility + e.CrossPlausibility) / 2
	e.Score = RankingScore(e.Accuracy, e.Total)
	return e, nil
}

// RankingScore is SemEval-2026 Task 11's ranking score of an accuracy
// and a total content effect, both in percent: accuracy / (1 + ln(1 +
// tce)). A negative tce, which no table gives, scores 0, as in the task's
// script.
func RankingScore(accuracy, tce float64) float64 {
	if tce < 0 {
		return 0
	}
	return accuracy / (1 + math.Log1p(tce))
}
