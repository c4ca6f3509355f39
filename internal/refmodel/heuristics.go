package refmodel

import (
	"fmt"
	"slices"

	"github.com/syllobench/syllobench/internal/forms"
	"github.com/syllobench/syllobench/internal/logic"
	"github.com/syllobench/syllobench/internal/question"
)

// The heuristic reasoners answer questions about two-premise syllogisms
// by the responses their theory predicts for the premise pair, as
// CCOBRA's tables list them. The rules below state each theory as its
// papers do; the tests compare them with the tables on all 64 pairs, and
// where they disagree the table wins (it is the reference others compare
// against), so the rules are documentation, not used at run time.
//
// Reading a pair. The premises, as shown, must be two categorical
// statements sharing exactly one term, the middle term b. The end term of
// the first premise is a, that of the second c; the term order fixes the
// figure in CCOBRA's convention (see forms.Pair). Response codes are then
// relative to these end terms: "Iac" is "Some a are c", "Oca" is "Some c
// are not a".
//
// Choice questions: the reasoner picks one predicted response by a hash
// of the prompt and answers the option stating it (NVC: the "None of
// these conclusions follows." option).
//
// Validity and truth questions (the natural extension): the conclusion
// must relate the end terms a and c, so that it is one of the eight
// response codes. Validity: "yes" iff the theory predicts that code.
// Truth: "true" iff it predicts the code, "false" iff it predicts the
// code of the conclusion's contradictory (its Negation, same direction),
// else "unknown".
//
// Any other question (consistency, more or fewer premises, singular
// statements, a conclusion about other terms) is ErrNotApplicable.

// AtmosphereRule is the atmosphere hypothesis (Woodworth & Sells 1935, as
// refined by Begg & Denny 1969): if either premise is negative the
// conclusion is negative, otherwise affirmative; if either premise is
// particular the conclusion is particular, otherwise universal. The
// conclusion is predicted in both directions (ac and ca).
func AtmosphereRule(p forms.Pair) []forms.Response {
	neg := isNegative(p.First) || isNegative(p.Second)
	part := isParticular(p.First) || isParticular(p.Second)
	var q logic.Quantifier
	switch {
	case neg && part:
		q = logic.SomeNot
	case neg:
		q = logic.No
	case part:
		q = logic.Some
	default:
		q = logic.All
	}
	return bothWays(q)
}

// MatchingRule is the matching hypothesis (Wetherick & Gilhooly 1995):
// the conclusion is of the same degree of conservatism as the most
// conservative premise, where a statement is more conservative the fewer
// entities it commits to: No (E) is the most conservative, Some (I) and
// Some-not (O) are equally conservative, and All (A) is the least. A
// particular level predicts both particular moods, since I and O match
// it equally. Conclusions are predicted in both directions.
func MatchingRule(p forms.Pair) []forms.Response {
	level := max(conservatism(p.First), conservatism(p.Second))
	switch level {
	case 3:
		return bothWays(logic.No)
	case 2:
		return append(bothWays(logic.Some), bothWays(logic.SomeNot)...)
	}
	return bothWays(logic.All)
}

func conservatism(q logic.Quantifier) int {
	switch q {
	case logic.No:
		return 3
	case logic.Some, logic.SomeNot:
		return 2
	}
	return 1
}

// ConversionRule is the illicit-conversion theory (Chapman & Chapman
// 1959; Revlis 1975): reasoners take "All X are Y" to also mean "All Y are
// X" and "Some X are not Y" to also mean "Some Y are not X", then reason
// validly (with existential import, as CCOBRA's key does) from the
// premises and their converses. The prediction is the strongest
// conclusions so obtained: a particular conclusion is dropped when the
// universal of the same quality and direction also follows. With none,
// it predicts NVC.
func ConversionRule(p forms.Pair) []forms.Response {
	prem := p.Premises()
	for _, s := range p.Premises() {
		if s.Q == logic.All || s.Q == logic.SomeNot {
			prem = append(prem, logic.Statement{Q: s.Q, Subject: s.Predicate, Predicate: s.Subject})
		}
	}
	entailed := map[forms.Response]bool{}
	for _, r := range forms.Responses()[:8] {
		c, _ := r.Statement()
		v, err := logic.Decide(prem, c, logic.Traditional)
		if err != nil {
			panic(fmt.Sprintf("refmodel: conversion rule on %s: %v", p.ID(), err))
		}
		entailed[r] = v == logic.Entailed
	}
	var rs []forms.Response
	for _, r := range forms.Responses()[:8] {
		if !entailed[r] {
			continue
		}
		// Iac/Ica are subalterns of Aac/Aca; Oac/Oca of Eac/Eca.
		if (r == forms.Iac || r == forms.Ica || r == forms.Oac || r == forms.Oca) && entailed[r-2] {
			continue
		}
		rs = append(rs, r)
	}
	if rs == nil {
		rs = []forms.Response{forms.NVC}
	}
	return rs
}

func isNegative(q logic.Quantifier) bool   { return q == logic.No || q == logic.SomeNot }
func isParticular(q logic.Quantifier) bool { return q == logic.Some || q == logic.SomeNot }

// bothWays returns the responses of quantifier q in both directions.
func bothWays(q logic.Quantifier) []forms.Response {
	base := map[logic.Quantifier]forms.Response{logic.All: forms.Aac, logic.Some: forms.Iac, logic.No: forms.Eac, logic.SomeNot: forms.Oac}[q]
	return []forms.Response{base, base + 1}
}

// pairReading is a premise pair read from the premises as shown.
type pairReading struct {
	Pair forms.Pair
	A, C string // the end terms
}

// readPair reads two premises as a CCOBRA premise pair.
func readPair(premises []logic.Statement) (pairReading, bool) {
	if len(premises) != 2 {
		return pairReading{}, false
	}
	p1, p2 := premises[0], premises[1]
	for _, s := range premises {
		if s.Q.Singular() || s.Q.Letter() == 0 || s.Subject == s.Predicate {
			return pairReading{}, false
		}
	}
	var b string
	shared := 0
	for _, t := range []string{p1.Subject, p1.Predicate} {
		if t == p2.Subject || t == p2.Predicate {
			b = t
			shared++
		}
	}
	if shared != 1 {
		return pairReading{}, false
	}
	other := func(s logic.Statement) string {
		if s.Subject == b {
			return s.Predicate
		}
		return s.Subject
	}
	r := pairReading{A: other(p1), C: other(p2)}
	first, second := p1.Subject == r.A, p2.Subject == b // a-b? b-c?
	switch {
	case first && second:
		r.Pair.Figure = 1
	case !first && !second:
		r.Pair.Figure = 2
	case first && !second:
		r.Pair.Figure = 3
	default:
		r.Pair.Figure = 4
	}
	r.Pair.First, r.Pair.Second = p1.Q, p2.Q
	return r, true
}

// response returns the response code s stands for relative to the end
// terms of r.
func (r pairReading) response(s logic.Statement) (forms.Response, bool) {
	for _, code := range forms.Responses()[:8] {
		if r.statement(code) == s {
			return code, true
		}
	}
	return 0, false
}

// statement returns the conclusion a response code stands for over the
// end terms of r.
func (r pairReading) statement(code forms.Response) logic.Statement {
	s, _ := code.Statement()
	rename := map[string]string{"A": r.A, "C": r.C}
	return logic.Statement{Q: s.Q, Subject: rename[s.Subject], Predicate: rename[s.Predicate]}
}

// heuristicAnswer answers q by the predictions of table.
func heuristicAnswer(q Question, table Table, theory string) (string, string, error) {
	pr, ok := readPair(q.Premises)
	if !ok || q.Kind == question.Consistency {
		return "", "", fmt.Errorf("%w: %s answers questions on two-premise syllogisms, not this %s question", ErrNotApplicable, theory, q.Kind)
	}
	predicted := table[pr.Pair.ID()]
	why := fmt.Sprintf("By the %s of the premises, the conclusion I expect is %s.", theoryNoun[theory], describe(predicted, pr))
	switch q.Kind {
	case question.Choice:
		// The predicted responses that have an option, in table order.
		var labels []string
		for _, r := range predicted {
			for _, o := range q.Options {
				if r == forms.NVC && o.NVC || r != forms.NVC && !o.NVC && o.Statement == pr.statement(r) {
					labels = append(labels, o.Label)
				}
			}
		}
		if labels == nil {
			nvc, _ := q.nvcOption()
			return nvc, why, nil
		}
		return labels[q.pick(len(labels), theory)], why, nil
	case question.Validity, question.Truth:
		code, ok := pr.response(*q.Conclusion)
		if !ok {
			return "", "", fmt.Errorf("%w: the conclusion does not relate the end terms %q and %q", ErrNotApplicable, pr.A, pr.C)
		}
		neg, _ := pr.response(q.Conclusion.Negation())
		yes, no := slices.Contains(predicted, code), slices.Contains(predicted, neg)
		if q.Kind == question.Validity {
			return yesNo(yes), why, nil
		}
		switch {
		case yes:
			return question.True, why, nil
		case no:
			return question.False, why, nil
		}
		return question.Unknown, why, nil
	}
	return "", "", fmt.Errorf("%w: %s does not answer %s questions", ErrNotApplicable, theory, q.Kind)
}

var theoryNoun = map[string]string{
	"Atmosphere": "atmosphere",
	"Matching":   "most conservative mood",
	"Conversion": "converse reading",
}

// describe names the predicted responses in words, without labels.
func describe(rs []forms.Response, pr pairReading) string {
	if len(rs) == 1 && rs[0] == forms.NVC {
		return "that nothing follows"
	}
	qs := map[logic.Quantifier]bool{}
	for _, r := range rs {
		if r != forms.NVC {
			qs[pr.statement(r).Q] = true
		}
	}
	var words []string
	for _, q := range []logic.Quantifier{logic.All, logic.No, logic.Some, logic.SomeNot} {
		if qs[q] {
			words = append(words, map[logic.Quantifier]string{logic.All: "universal affirmative", logic.No: "universal negative", logic.Some: "particular affirmative", logic.SomeNot: "particular negative"}[q])
		}
	}
	if len(words) == 0 {
		return "that nothing follows"
	}
	s := "a " + words[0]
	for _, w := range words[1:] {
		s += " or " + w
	}
	return s + " one"
}
