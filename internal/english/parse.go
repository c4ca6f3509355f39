package english

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/syllobench/syllobench/internal/logic"
)

// Parse reads a sentence written in any [Phrasing] and returns its
// statement, with plural terms read back to the singular by [Singular] and
// singular terms kept as written.
//
// Parse tolerates surrounding and repeated white space, a missing final
// period, keywords in any case ("all", "AT LEAST ONE") and "a" or "an"
// regardless of the next word. It is otherwise strict: the sentence splits
// at its first "is" or "are", "not" right after the verb is always the
// negation, and the subject of "N is a P" must be a single capitalised
// token that is not a keyword. The terms and name must be valid as for
// [Render], so everything Parse returns can be rendered again.
//
// Every error wraps [ErrUnparseable], quotes the sentence and says which
// pattern was expected; an invalid term also wraps [ErrInvalidTerm].
func Parse(sentence string) (logic.Statement, error) {
	s, err := parseShape(sentence)
	if err != nil {
		return logic.Statement{}, err
	}
	if err := checkStatement(s); err != nil {
		return logic.Statement{}, fmt.Errorf("parse %q: %w: %w", sentence, err, ErrUnparseable)
	}
	return s, nil
}

// RenderRoundTrip renders s in phrasing p and parses the text back: it
// returns what Render(s, p) returns, and back and err as Parse(text)
// returns them, or Render's error. It checks the terms of a statement
// once where Render and Parse would check them twice: when text reads
// back as s, Parse's check of the terms is Render's, already passed.
func RenderRoundTrip(s logic.Statement, p Phrasing) (text string, back logic.Statement, err error) {
	text, err = Render(s, p)
	if err != nil {
		return "", logic.Statement{}, err
	}
	back, err = parseShape(text)
	if err != nil {
		return text, logic.Statement{}, err
	}
	if back != s {
		if err := checkStatement(back); err != nil {
			return text, logic.Statement{}, fmt.Errorf("parse %q: %w: %w", text, err, ErrUnparseable)
		}
	}
	return text, back, nil
}

// parseShape is Parse without the check of the terms and name.
func parseShape(sentence string) (logic.Statement, error) {
	toks := strings.Fields(strings.TrimSuffix(strings.TrimSpace(sentence), "."))
	lead, rest, ok := cutLead(toks)
	if !ok {
		return logic.Statement{}, unparseable(sentence, lead)
	}
	c, ok := cutClause(rest)
	if !ok {
		return logic.Statement{}, unparseable(sentence, lead)
	}
	p, ok := phrasingOf(lead, c)
	if !ok {
		return logic.Statement{}, unparseable(sentence, lead)
	}
	s := logic.Statement{
		Q:         p.Quantifier(),
		Subject:   strings.Join(c.subject, " "),
		Predicate: strings.Join(c.predicate, " "),
	}
	if c.plural {
		s.Subject, s.Predicate = Singular(s.Subject), Singular(s.Predicate)
	}
	return s, nil
}

func unparseable(sentence, lead string) error {
	return fmt.Errorf("parse %q: want %s: %w", sentence, wantByLead[lead], ErrUnparseable)
}

// leads are the distinct leads of the phrasings, split into words.
var leads = func() [][]string {
	var out [][]string
	seen := map[string]bool{"": true}
	for _, pat := range patterns {
		if !seen[pat.lead] {
			seen[pat.lead] = true
			out = append(out, strings.Fields(pat.lead))
		}
	}
	return out
}()

// cutLead matches the lead of a quantified sentence and returns it with the
// rest of the tokens. A sentence whose first token starts no lead has the
// empty lead of "N is a P". ok is false if a lead starts but does not
// finish ("At most one ...") or there are no tokens.
func cutLead(toks []string) (lead string, rest []string, ok bool) {
	if len(toks) == 0 {
		return "", nil, false
	}
	for _, words := range leads {
		if !strings.EqualFold(toks[0], words[0]) {
			continue
		}
		lead = strings.Join(words, " ")
		if len(toks) < len(words) {
			return lead, nil, false
		}
		for i, w := range words {
			if !strings.EqualFold(toks[i], w) {
				return lead, nil, false
			}
		}
		return lead, toks[len(words):], true
	}
	return "", toks, true
}

// clause is what follows the lead: subject, verb, optional "not", an
// article after "is", and predicate.
type clause struct {
	subject, predicate []string
	plural, negated    bool
}

// cutClause splits tokens at the first "is" or "are". It fails if a side is
// empty, an article is missing after "is", or a term has a reserved word.
func cutClause(toks []string) (clause, bool) {
	var c clause
	k := 0
	for k < len(toks) && !foldIn(toks[k], []string{"is", "are"}) {
		k++
	}
	if k == 0 || k == len(toks) {
		return c, false
	}
	c.subject, c.plural = toks[:k], strings.EqualFold(toks[k], "are")
	after := toks[k+1:]
	if len(after) > 0 && strings.EqualFold(after[0], "not") {
		c.negated, after = true, after[1:]
	}
	if !c.plural {
		if len(after) == 0 || !foldIn(after[0], []string{"a", "an"}) {
			return c, false
		}
		after = after[1:]
	}
	c.predicate = after
	if len(after) == 0 || hasReserved(c.subject) || hasReserved(c.predicate) {
		return c, false
	}
	return c, true
}

func hasReserved(words []string) bool {
	for _, w := range words {
		if isReservedInTerm(w) {
			return true
		}
	}
	return false
}

// phrasingOf finds the phrasing with the lead and shape of c.
func phrasingOf(lead string, c clause) (Phrasing, bool) {
	if lead == "" && len(c.subject) != 1 {
		return 0, false
	}
	for p, pat := range patterns {
		if pat.lead == lead && pat.plural == c.plural && pat.negated == c.negated {
			return Phrasing(p), true
		}
	}
	return 0, false
}

// wantByLead says, for each lead, which patterns a sentence with that lead
// may take, e.g. `"No <terms> are <terms>" or "No <term> is a <term>"`.
var wantByLead = func() map[string]string {
	alts := map[string][]string{}
	for _, pat := range patterns {
		alts[pat.lead] = append(alts[pat.lead], strconv.Quote(pat.template()))
	}
	want := map[string]string{}
	for lead, a := range alts {
		want[lead] = strings.Join(a, " or ")
	}
	var starts []string
	for _, words := range leads {
		starts = append(starts, strings.Join(words, " "))
	}
	want[""] = fmt.Sprintf("a sentence starting with %s, or %s",
		strings.Join(starts, ", "), want[""])
	return want
}()
