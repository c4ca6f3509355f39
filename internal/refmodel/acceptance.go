package refmodel

import (
	"slices"

	"github.com/syllobench/syllobench/internal/forms"
	"github.com/syllobench/syllobench/internal/lexicon"
	"github.com/syllobench/syllobench/internal/logic"
	"github.com/syllobench/syllobench/internal/question"
)

// acceptanceAnswer is ref-acceptance: a reasoner with an acceptance bias
// that only real content sets off. When the prompt's terms are real
// English words (see realContent) it accepts whatever it is asked:
//
//   - validity: "yes", the argument is valid;
//   - truth: "true";
//   - consistency: "yes", the statements can all be true together;
//   - selection: every premise, as if the conclusion followed from all;
//   - choice: never "None of these conclusions follows.". It answers an
//     option that does follow when one does (accepting it is right), and
//     otherwise one that looks valid: an option the atmosphere of the
//     premises predicts (CCOBRA's Atmosphere table), else any conclusion.
//
// So on real content it is right exactly where the right answer is to
// accept, and wrong exactly where it is to reject, whatever the
// conclusion's truth in the world: acceptance bias, not belief bias (its
// belief index is 0). On letters and nonsense words it answers like
// ref-logic.
func acceptanceAnswer(q Question) (string, string, error) {
	if !realContent(q) {
		return logicAnswer(q)
	}
	const why = acceptanceWhy
	switch q.Kind {
	case question.Validity, question.Consistency:
		return question.Yes, why, nil
	case question.Truth:
		return question.True, why, nil
	case question.Choice:
		return acceptedOption(q), why, nil
	case question.Selection:
		// It follows, from everything it was told.
		all := make([]int, len(q.Premises))
		for i := range all {
			all[i] = i
		}
		return selection(all), why, nil
	}
	return logicAnswer(q) // an unknown kind: logicAnswer says so
}

// acceptanceWhy is ref-acceptance's rationale on real content.
const acceptanceWhy = "These are familiar things, and it all sounds right to me."

// acceptedOption chooses the option ref-acceptance answers on a choice
// question: one that follows, else one the atmosphere predicts, else any
// conclusion; never the NVC option while there is another.
func acceptedOption(q Question) string {
	var entailed, looksValid, others []string
	var predicted []forms.Response
	pr, isPair := readPair(q.Premises)
	if isPair {
		if t, err := CCOBRATable("Atmosphere"); err == nil {
			predicted = t[pr.Pair.ID()]
		}
	}
	for _, o := range q.Options {
		if o.NVC {
			continue
		}
		others = append(others, o.Label)
		if v, err := logic.Decide(q.Premises, o.Statement, q.Semantics); err == nil && v == logic.Entailed {
			entailed = append(entailed, o.Label)
		}
		if isPair {
			if code, ok := pr.response(o.Statement); ok && slices.Contains(predicted, code) {
				looksValid = append(looksValid, o.Label)
			}
		}
	}
	for _, labels := range [][]string{entailed, looksValid, others} {
		if len(labels) > 0 {
			return labels[q.pick(len(labels), "acceptance")]
		}
	}
	nvc, _ := q.nvcOption()
	return nvc
}

// realContent reports whether the prompt is about real things: every
// category term of its statements (premises, the conclusion or
// statement, the options) is a category of the lexicon's taxonomy. The
// subject of a singular statement is an individual's name, which is a
// nonsense name even in real content, and is not looked at. Letters
// ("All A are B") and nonsense words ("All blickets are daxes") are not
// in the taxonomy, so their prompts are not real content.
func realContent(q Question) bool {
	ss := slices.Clone(q.Premises)
	if q.Conclusion != nil {
		ss = append(ss, *q.Conclusion)
	}
	for _, o := range q.Options {
		if !o.NVC {
			ss = append(ss, o.Statement)
		}
	}
	tax := lexicon.Default()
	terms := 0
	for _, s := range ss {
		ts := []string{s.Predicate}
		if !s.Q.Singular() {
			ts = append(ts, s.Subject)
		}
		for _, t := range ts {
			if _, ok := tax.Category(t); !ok {
				if _, ok := tax.Property(t); !ok {
					return false
				}
			}
			terms++
		}
	}
	return terms > 0
}
