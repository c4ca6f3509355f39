package verdict

import (
	"slices"
	"strconv"
	"strings"

	"github.com/syllobench/syllobench/internal/question"
)

// parseSelection reads the answer to a premise-selection question: the
// numbers on the last "Answer:" line ("1, 4", "1 and 4", "premises 2 and
// 3"), as their canonical label "1,4" in increasing order, or
// question.NoneSelected for "none" ("none of them", "no premises"). A
// line with "or" between two answers is [Conflicting]; no answer line is
// [Refused] for a refusal and [NoVerdict] otherwise.
func parseSelection(reply string) Result {
	v, ev, failed, ok := lastAnswerLine(reply)
	if !ok {
		return failed
	}
	if i := strings.IndexByte(v, '\n'); i >= 0 {
		v = v[:i]
	}
	words := strings.FieldsFunc(v, func(r rune) bool { return !('a' <= r && r <= 'z' || '0' <= r && r <= '9') })
	var nums []int
	none := false
	for _, w := range words {
		switch {
		case w == "or":
			return fail(Conflicting, ev)
		case w == "none" || w == "no" || w == "nothing":
			none = true
		case w[0] >= '0' && w[0] <= '9':
			n, err := strconv.Atoi(w)
			if err != nil || n < 1 || n > 99 {
				return fail(AnswerWithoutLabel, ev)
			}
			if !slices.Contains(nums, n) {
				nums = append(nums, n)
			}
		}
	}
	switch {
	case none && len(nums) > 0:
		return fail(Conflicting, ev)
	case none:
		return Result{Label: question.NoneSelected, Rule: AnswerLine, Evidence: ev}
	case len(nums) == 0:
		return fail(AnswerWithoutLabel, ev)
	}
	slices.Sort(nums)
	return Result{Label: question.SelectionLabel(nums), Rule: AnswerLine, Evidence: ev}
}

// selectionSet reads a label back into its numbers; none for
// question.NoneSelected.
func selectionSet(label string) []int {
	if label == question.NoneSelected || label == "" {
		return nil
	}
	var nums []int
	for _, p := range strings.Split(label, ",") {
		if n, err := strconv.Atoi(p); err == nil {
			nums = append(nums, n)
		}
	}
	return nums
}

// SelectionF1 scores a premise selection, the label answer, against the
// right ones, accepted (each a minimal set of needed premises, or
// question.NoneSelected for an argument that does not follow): the F1 of
// the answer against the accepted set it matches best. "none" against
// "none" scores 1; a set against "none", or "none" against a set, 0.
func SelectionF1(answer string, accepted []string) float64 {
	got := selectionSet(answer)
	best := 0.0
	for _, a := range accepted {
		want := selectionSet(a)
		if len(want) == 0 || len(got) == 0 {
			if len(want) == 0 && len(got) == 0 && answer != "" {
				best = 1
			}
			continue
		}
		both := 0
		for _, n := range got {
			if slices.Contains(want, n) {
				both++
			}
		}
		if both == 0 {
			continue
		}
		p, r := float64(both)/float64(len(got)), float64(both)/float64(len(want))
		best = max(best, 2*p*r/(p+r))
	}
	return best
}
