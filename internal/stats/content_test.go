package stats

import (
	"errors"
	"math"
	"testing"
)

func TestRankingScorePublished(t *testing.T) {
	// A published Subtask 1 system: 93.19% accuracy, TCE 3.13, score
	// 38.56 (CUETLuminaries, SemEval-2026). The paper rounds its inputs
	// to two decimals: with the TCE at 3.125, the lowest value shown as
	// 3.13, the score rounds to the published 38.56; with 3.13 itself it
	// is 38.54.
	if got := math.Round(100*RankingScore(93.19, 3.125)) / 100; got != 38.56 {
		t.Errorf("RankingScore(93.19, 3.125) = %.4f, want 38.56", RankingScore(93.19, 3.125))
	}
	if got := RankingScore(93.19, 3.13); math.Abs(got-38.5357) > 1e-4 {
		t.Errorf("RankingScore(93.19, 3.13) = %.4f, want 38.5357", got)
	}
	if RankingScore(80, 0) != 80 || RankingScore(80, -1) != 0 {
		t.Error("no content effect leaves the accuracy; a negative one scores 0")
	}
}

func TestContent(t *testing.T) {
	for _, tc := range []struct {
		name string
		c    ContentCells
		want ContentEffect
	}{{
		"no effect",
		ContentCells{Rate{9, 10}, Rate{9, 10}, Rate{9, 10}, Rate{9, 10}},
		ContentEffect{Accuracy: 90, Score: 90},
	}, {
		// Belief bias: right where validity and plausibility agree.
		"belief bias",
		ContentCells{ValidPlausible: Rate{10, 10}, ValidImplausible: Rate{0, 10}, InvalidPlausible: Rate{0, 10}, InvalidImplausible: Rate{10, 10}},
		ContentEffect{Accuracy: 50, IntraPlausibility: 100, CrossPlausibility: 100, Total: 100, Score: 50 / (1 + math.Log(101))},
	}, {
		// By hand: VP 80, VI 60, IP 70, II 90 (percent).
		// intra: |80−70| = 10 (plausible), |60−90| = 30 (implausible): 20.
		// cross: |80−60| = 20 (valid), |70−90| = 20 (invalid): 20.
		// total 20; accuracy 30/40 = 75.
		"by hand",
		ContentCells{Rate{8, 10}, Rate{6, 10}, Rate{7, 10}, Rate{9, 10}},
		ContentEffect{Accuracy: 75, IntraPlausibility: 20, CrossPlausibility: 20, Total: 20, Score: 75 / (1 + math.Log(21))},
	}, {
		// Unequal cells: the accuracy is over items, the effects over cells.
		"unequal cells",
		ContentCells{Rate{3, 4}, Rate{1, 2}, Rate{2, 2}, Rate{0, 4}},
		ContentEffect{Accuracy: 50, IntraPlausibility: (25 + 50) / 2.0, CrossPlausibility: (25 + 100) / 2.0, Total: 50, Score: 50 / (1 + math.Log(51))},
	}} {
		got, err := Content(tc.c)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		for _, f := range [][3]any{{"accuracy", got.Accuracy, tc.want.Accuracy}, {"intra", got.IntraPlausibility, tc.want.IntraPlausibility},
			{"cross", got.CrossPlausibility, tc.want.CrossPlausibility}, {"total", got.Total, tc.want.Total}, {"score", got.Score, tc.want.Score}} {
			if math.Abs(f[1].(float64)-f[2].(float64)) > 1e-9 {
				t.Errorf("%s: %s %v, want %v", tc.name, f[0], f[1], f[2])
			}
		}
	}
	if _, err := Content(ContentCells{Rate{1, 1}, Rate{1, 1}, Rate{1, 1}, Rate{0, 0}}); !errors.Is(err, ErrEmptyCell) {
		t.Errorf("an empty cell: %v", err)
	}
	if _, err := Content(ContentCells{Rate{2, 1}, Rate{1, 1}, Rate{1, 1}, Rate{1, 1}}); err == nil {
		t.Error("more right than asked: no error")
	}
}
