package refmodel

import (
	"fmt"

	"github.com/syllobench/syllobench/internal/ccobra"
	"github.com/syllobench/syllobench/internal/forms"
	"github.com/syllobench/syllobench/internal/question"
)

// humanAnswer is ref-human: on choice questions about a two-premise
// syllogism it answers as a person drawn at random from Ragni et al.'s
// (2016) 139 participants would, by sampling the pair's response
// distribution (ccobra.Load().Ragni) with a draw seeded by the prompt's
// hash.
//
// The pair is read from the premises as shown, exactly as the heuristic
// reasoners read it (readPair): the end term of the first premise is a,
// that of the second c, and the figure follows CCOBRA's convention. This
// is also how CCOBRA codes Ragni's tasks and responses (see
// ccobra.ParseRagni), so a sampled "Aca" is the option "All c are a" over
// the end terms as shown, whatever the premise order or option order.
//
// Only responses that have an option are drawn (a prompt of
// internal/prompt shows all nine, so normally none is dropped); if none
// of the pair's responses has one, it answers the NVC option.
//
// Every other question (validity, truth, consistency, or premises that
// are not a premise pair) gives ErrNotApplicable: the human data are
// answers to the 64 premise pairs, not to any other kind of question.
func humanAnswer(q Question) (string, string, error) {
	pr, ok := readPair(q.Premises)
	if q.Kind != question.Choice || !ok {
		what := fmt.Sprintf("this %s question", q.Kind)
		if q.Kind == question.Choice {
			what = fmt.Sprintf("a choice question with %d premises that are not a premise pair", len(q.Premises))
		}
		return "", "", fmt.Errorf("%w: ref-human answers the 64 premise pairs of the human studies (which conclusion follows?), not %s", ErrNotApplicable, what)
	}
	d, err := ccobra.Load()
	if err != nil {
		return "", "", fmt.Errorf("ref-human: the human data: %w", err)
	}
	counts := d.Ragni[ccobra.PairIndex(pr.Pair)]

	// The option of each response, and the counts of those that have one.
	var labels []string
	var weights []int
	total := 0
	for _, r := range forms.Responses() {
		if counts[r] == 0 {
			continue
		}
		for _, o := range q.Options {
			if r == forms.NVC && o.NVC || r != forms.NVC && !o.NVC && o.Statement == pr.statement(r) {
				labels = append(labels, o.Label)
				weights = append(weights, counts[r])
				total += counts[r]
				break
			}
		}
	}
	const why = "Going with my first impression of what these statements lead to, as people often do."
	if total == 0 {
		nvc, _ := q.nvcOption()
		return nvc, why, nil
	}
	draw := q.pick(total, "human")
	for i, w := range weights {
		if draw < w {
			return labels[i], why, nil
		}
		draw -= w
	}
	panic("unreachable: the draw is below the total weight")
}
