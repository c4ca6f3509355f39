package refmodel

import (
	"fmt"
	"slices"

	"github.com/syllobench/syllobench/internal/english"
	"github.com/syllobench/syllobench/internal/lexicon"
	"github.com/syllobench/syllobench/internal/logic"
	"github.com/syllobench/syllobench/internal/model"
	"github.com/syllobench/syllobench/internal/question"
)

// answerFunc answers a question read back: the label and a one-sentence
// rationale for the reply.
type answerFunc func(q Question) (label, why string, err error)

// reasoner is a Reasoner made of a name and an answer function.
type reasoner struct {
	name   string
	answer answerFunc
}

func (r reasoner) Name() string { return r.name }

// Reply reads msgs back and answers in the style the prompt's hash picks.
func (r reasoner) Reply(msgs []model.Message) (string, error) {
	q, err := Read(msgs)
	if err != nil {
		return "", err
	}
	label, why, err := r.answer(q)
	if err != nil {
		return "", err
	}
	return Format(styleOf(q), q.Kind, label, why), nil
}

// All returns every reference reasoner, in a fixed order.
func All() []Reasoner {
	rs := []Reasoner{
		reasoner{"ref-logic", logicAnswer},
		reasoner{"ref-belief", beliefAnswer},
		reasoner{"ref-coin", coinAnswer},
	}
	for _, th := range theories {
		rs = append(rs, reasoner{"ref-" + lower(th), heuristic(th)})
	}
	// ref-acceptance comes last, after the reasoners there were before
	// it, so that their order (the columns of syllobench run's table)
	// does not change.
	return append(rs, reasoner{"ref-human", humanAnswer}, reasoner{"ref-acceptance", acceptanceAnswer},
		reasoner{"ref-memory", memoryAnswer})
}

// Names returns the names of All, in order.
func Names() []string {
	var ns []string
	for _, r := range All() {
		ns = append(ns, r.Name())
	}
	return ns
}

// ByName returns the reference reasoner called name.
func ByName(name string) (Reasoner, bool) {
	for _, r := range All() {
		if r.Name() == name {
			return r, true
		}
	}
	return nil, false
}

func lower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

func heuristic(theory string) answerFunc {
	return func(q Question) (string, string, error) {
		t, err := CCOBRATable(theory)
		if err != nil {
			return "", "", err
		}
		return heuristicAnswer(q, t, theory)
	}
}

// logicAnswer answers by the decider.
func logicAnswer(q Question) (string, string, error) {
	const why = "Working only from the statements given, I checked every case they allow."
	switch q.Kind {
	case question.Consistency:
		ok, err := logic.Consistent(q.Premises, q.Semantics)
		if err != nil {
			return "", "", fmt.Errorf("%w: %v", ErrUnreadable, err)
		}
		return yesNo(ok), why, nil
	case question.Validity, question.Truth:
		v, err := logic.Decide(q.Premises, *q.Conclusion, q.Semantics)
		if err != nil {
			return "", "", fmt.Errorf("%w: %v", ErrUnreadable, err)
		}
		if q.Kind == question.Validity {
			return yesNo(v == logic.Entailed), why, nil
		}
		switch v {
		case logic.Entailed:
			return question.True, why, nil
		case logic.Contradicted:
			return question.False, why, nil
		}
		return question.Unknown, why, nil
	case question.Choice:
		var labels []string
		for _, o := range q.Options {
			if o.NVC {
				continue
			}
			v, err := logic.Decide(q.Premises, o.Statement, q.Semantics)
			if err != nil {
				return "", "", fmt.Errorf("%w: %v", ErrUnreadable, err)
			}
			if v == logic.Entailed {
				labels = append(labels, o.Label)
			}
		}
		if labels == nil {
			nvc, _ := q.nvcOption()
			return nvc, why, nil
		}
		return labels[q.pick(len(labels), "logic")], why, nil
	case question.Selection:
		sets, err := logic.Needed(q.Premises, *q.Conclusion, q.Semantics)
		if err != nil {
			return "", "", fmt.Errorf("%w: %v", ErrUnreadable, err)
		}
		if sets == nil {
			return question.NoneSelected, why, nil
		}
		return selection(sets[q.pick(len(sets), "logic")]), why, nil
	case question.Open:
		var entailed []string
		for _, o := range q.openOffers() {
			v, err := logic.Decide(q.Premises, q.openStatement(o), q.Semantics)
			if err != nil {
				return "", "", fmt.Errorf("%w: %v", ErrUnreadable, err)
			}
			if v == logic.Entailed {
				entailed = append(entailed, o.Answer)
			}
		}
		if entailed == nil {
			return nothingFollows, why, nil
		}
		return entailed[q.pick(len(entailed), "logic")], why, nil
	}
	return "", "", fmt.Errorf("%w: kind %q", ErrNotApplicable, q.Kind)
}

// selection is the label of a set of premise indices (from 0), numbered
// from 1 as the prompt numbers them.
func selection(set []int) string {
	nums := make([]int, len(set))
	for i, p := range set {
		nums[i] = p + 1
	}
	return question.SelectionLabel(nums)
}

// nothingFollows is the answer to an open question of whose answers the
// premises entail none.
const nothingFollows = "nothing follows"

// openOffers returns the answers q's premises offer to its open
// question (english.OpenOffers), in the order they first appear.
func (q Question) openOffers() []english.OpenOffer {
	return english.OpenOffers(q.Premises, q.Asked.Name, q.Asked.Head)
}

// openStatement is what answer o says of the individual q asks about.
func (q Question) openStatement(o english.OpenOffer) logic.Statement {
	return logic.Statement{Q: logic.Is, Subject: q.Asked.Name, Predicate: o.Predicate}
}

func yesNo(b bool) string { return map[bool]string{true: question.Yes, false: question.No}[b] }

// worldTruth is the truth of s in the world of the default taxonomy, and
// whether it has one (symbolic and nonce terms have none).
func worldTruth(s logic.Statement) (bool, bool) {
	t, err := lexicon.Default().Truth(s)
	return t, err == nil
}

// beliefAnswer answers by what is true in the world, and by logic where
// the world has nothing to say.
func beliefAnswer(q Question) (string, string, error) {
	const why = "Going by what is actually true of these things, this is the answer."
	switch q.Kind {
	case question.Validity, question.Truth:
		t, ok := worldTruth(*q.Conclusion)
		if !ok {
			return logicAnswer(q)
		}
		if q.Kind == question.Validity {
			return yesNo(t), why, nil
		}
		return map[bool]string{true: question.True, false: question.False}[t], why, nil
	case question.Choice:
		var labels []string
		for _, o := range q.Options {
			if o.NVC {
				continue
			}
			t, ok := worldTruth(o.Statement)
			if !ok {
				return logicAnswer(q)
			}
			if t {
				labels = append(labels, o.Label)
			}
		}
		if labels == nil {
			return logicAnswer(q)
		}
		return labels[q.pick(len(labels), "belief")], why, nil
	case question.Consistency:
		all := true
		for _, s := range q.Premises {
			t, ok := worldTruth(s)
			if !ok {
				return logicAnswer(q)
			}
			all = all && t
		}
		return yesNo(all), why, nil
	case question.Selection:
		// The world says nothing of which premises an argument needs.
		return logicAnswer(q)
	case question.Open:
		// What it knows the individual to <head> (or, asked what else
		// it must be, a group named that it knows it is in), whether
		// the premises say so or not.
		var known []string
		if q.Asked.Head == english.BeHead {
			for _, o := range q.openOffers() {
				if t, ok := worldTruth(q.openStatement(o)); ok && t {
					known = append(known, o.Answer)
				}
			}
		}
		for _, p := range lexicon.Default().Properties() {
			head, object, ok := english.SplitProperty(p.Phrase)
			if !ok || head != q.Asked.Head {
				continue
			}
			if t, ok := worldTruth(logic.Statement{Q: logic.Is, Subject: q.Asked.Name, Predicate: p.Term}); ok && t {
				known = append(known, object)
			}
		}
		if known == nil {
			return logicAnswer(q)
		}
		return known[q.pick(len(known), "belief")], why, nil
	}
	return "", "", fmt.Errorf("%w: kind %q", ErrNotApplicable, q.Kind)
}

// coinAnswer answers uniformly at random over the labels, seeded by the
// prompt's hash.
func coinAnswer(q Question) (string, string, error) {
	labels := q.Kind.Labels()
	switch q.Kind {
	case question.Choice:
		labels = slices.Clone(q.Labels)
	case question.Open:
		for _, o := range q.openOffers() {
			labels = append(labels, o.Answer)
		}
	case question.Selection:
		// None, or one premise, or a pair of premises: a guess.
		labels = []string{question.NoneSelected}
		for i := range q.Premises {
			labels = append(labels, selection([]int{i}))
			for j := i + 1; j < len(q.Premises); j++ {
				labels = append(labels, selection([]int{i, j}))
			}
		}
		if labels == nil {
			labels = []string{nothingFollows}
		}
	}
	return labels[q.pick(len(labels), "coin")], "I could not decide, so I picked one at random.", nil
}
