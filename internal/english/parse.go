package english

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/syllobench/syllobench/internal/logic"
)

// Parse reads a sentence written in any [Phrasing] (including the opt-in
// [BarePlural]) and returns its statement, with plural terms read back to
// the singular by [Singular] and singular terms kept as written.
//
// Parse tolerates surrounding and repeated white space, a missing final
// period, keywords in any case ("all", "AT LEAST ONE", "Does Not", "RUNS")
// and "a" or "an" regardless of the next word. It is otherwise strict. A
// sentence with "is" or "are" has a noun predicate: it splits at its first
// "is" or "are", "not" right after the verb is always the negation, and
// the subject of "N is a P" must be a single capitalised token that is not
// a keyword. A sentence without "is" or "are" has a property predicate
// ([Property]): its verb phrase must agree with the subject (see
// [Phrasing]) and starts with a listed verb ([PropertyVerbs]), "do not"
// or "does not", "can", or "cannot" or "can not" (read as "cannot"). The
// subject ends at the first word that can start such a verb phrase and
// follows a word the subject can end in (a plural noun or a letter before
// "run", a singular noun before "runs", never "do", "does", "can" or
// "cannot"), so "All travel agents sell tickets" reads as All(travel
// agent, sell tickets) and "Some birds never fly" does not parse; the
// subject of a name sentence is its first token. After "No", which takes either number, and before "can",
// which shows none, a reading with a plural subject wins: "No mice can
// fly" is No(mouse, can fly), and "Birds can fly" is a bare plural, not
// a fact about someone named Birds. The verb is read in lower case; the
// rest of the phrase keeps its case. The subject of a bare plural is read
// with its first letter in lower case ("Squares are polygons" is
// All(square, polygon)), and its last word must read as a plural ("Rex
// are dogs" does not parse). Contractions ("don't", "can't") are not
// read.
//
// The terms and name must be valid as for [Render], so everything Parse
// returns can be rendered again.
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
	c, copula, ok := cutClause(rest)
	if !copula {
		return parseVerbSentence(sentence, lead, rest)
	}
	if !ok {
		return logic.Statement{}, unparseable(sentence, lead)
	}
	p, ok := phrasingOf(lead, c)
	if !ok {
		return logic.Statement{}, unparseable(sentence, lead)
	}
	if p == BarePlural {
		if c.subject, ok = bareSubject(c.subject); !ok {
			return logic.Statement{}, unparseable(sentence, lead)
		}
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

// bareSubject reads the subject of a bare plural: it returns the subject
// with its first letter in lower case, and whether it may be one (see
// [bareSubjectProblem]).
func bareSubject(subject []string) ([]string, bool) {
	if bareSubjectProblem(subject) != "" {
		return nil, false
	}
	out := slices.Clone(subject)
	out[0] = decapitalize(out[0])
	return out, readsAsPlural(out[len(out)-1])
}

// bareStopWords are the words, in any case, that may not start the
// subject of a bare plural, so that "Most dogs are pets", "The dogs are
// pets", "Two dogs are pets" or "Therefore dogs are pets" do not read as
// All with a subject "most dog", "the dog", "two dog" or "therefore dog":
// determiners, quantifiers, numerals and sentence adverbs.
var bareStopWords = []string{
	"the", "this", "that", "these", "those", "my", "your", "his", "her", "its",
	"our", "their", "whose", "which", "what", "most", "many", "much", "few",
	"fewer", "several", "both", "either", "neither", "any", "only", "just",
	"almost", "nearly", "exactly", "more", "less", "least", "half", "enough",
	"certain", "various", "numerous", "other", "another", "such", "lots",
	"plenty", "usually", "typically", "generally", "often", "rarely",
	"seldom", "always", "never", "sometimes", "mostly", "also", "therefore",
	"hence", "thus", "so", "and", "but", "or", "then", "finally", "clearly",
	"obviously", "perhaps", "maybe", "if", "when", "because", "since",
	"one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
	"ten", "eleven", "twelve", "twenty", "hundred", "thousand", "million",
	"dozens", "hundreds", "thousands", "millions",
}

// bareSubjectProblem says why the words, as a sentence shows them, cannot
// be the subject of a bare plural, or returns "": the first word is in
// [bareStopWords] or only digits, or a word is the first word of the lead
// of another phrasing ("All", "No", "Some", "Every", "Each", "None",
// "At", "Not").
func bareSubjectProblem(words []string) string {
	first := words[0]
	if foldIn(first, bareStopWords) || strings.Trim(first, "0123456789") == "" {
		return fmt.Sprintf("the first word %q would read as a determiner, quantifier, numeral or adverb", first)
	}
	for _, w := range words {
		if startsLead(w) {
			return fmt.Sprintf("the word %q would read as a quantifier", w)
		}
	}
	return ""
}

// parseVerbSentence reads the tokens after the lead of a sentence without
// "is" or "are" as a subject and a verb phrase. It tries a plural subject
// first, then a singular one, as the lead allows, and returns the first
// reading that fits a phrasing.
func parseVerbSentence(sentence, lead string, toks []string) (logic.Statement, error) {
	if len(toks) < 2 {
		return logic.Statement{}, unparseable(sentence, lead)
	}
	for _, w := range toks {
		if isContraction(w) {
			return logic.Statement{}, fmt.Errorf("parse %q: want %s: contraction %q is not read (write \"do not\", \"does not\" or \"cannot\"): %w",
				sentence, wantByLead[lead], w, ErrUnparseable)
		}
	}
	why, depth := "", -1
	fail := func(d int, w string) {
		if d > depth {
			why, depth = w, d
		}
	}
	for _, plural := range [...]bool{true, false} {
		if !hasNumber(lead, plural) {
			continue
		}
		k := 1 // the subject of a name sentence is one token
		if lead != "" || plural {
			k = verbStart(toks, plural)
		}
		if k < 1 || k >= len(toks) {
			other := pluralStart
			if plural {
				other = singularStart
			}
			if lead != "" && slices.ContainsFunc(toks[1:], other) {
				fail(0, fmt.Sprintf("the verb phrase does not agree with a %s subject", number(plural)))
			} else {
				fail(0, `no listed verb (see PropertyVerbs), "do not", "does not", "can" or "cannot" after the subject`)
			}
			continue
		}
		subject := toks[:k]
		if hasReserved(subject) {
			fail(1, fmt.Sprintf("reserved word in the subject %q", strings.Join(subject, " ")))
			continue
		}
		phrase, negated, w := parseVerbPhrase(toks[k:], plural)
		if w != "" {
			fail(2, w)
			continue
		}
		p, ok := phrasingFor(lead, plural, negated)
		if !ok {
			fail(3, fmt.Sprintf("no phrasing has %s and a %s subject with a %s verb phrase", leadName(lead), number(plural), polarity(negated)))
			continue
		}
		if p == BarePlural {
			bare, ok := bareSubject(subject)
			if !ok {
				fail(1, fmt.Sprintf("%q is not the subject of a bare plural", strings.Join(subject, " ")))
				continue
			}
			subject = bare
		}
		s := logic.Statement{Q: p.Quantifier(), Subject: strings.Join(subject, " "), Predicate: Property(phrase)}
		if plural {
			s.Subject = Singular(s.Subject)
		}
		return s, nil
	}
	return logic.Statement{}, fmt.Errorf("parse %q: want %s: %s: %w", sentence, wantByLead[lead], why, ErrUnparseable)
}

func leadName(lead string) string {
	if lead == "" {
		return "no quantifier"
	}
	return strconv.Quote(lead)
}

func number(plural bool) string {
	if plural {
		return "plural"
	}
	return "singular"
}

func polarity(negated bool) string {
	if negated {
		return "negated"
	}
	return "positive"
}

func unparseable(sentence, lead string) error {
	return fmt.Errorf("parse %q: want %s: %w", sentence, wantByLead[lead], ErrUnparseable)
}

// hasNumber reports whether a phrasing with the lead has a plural (or
// singular) subject.
func hasNumber(lead string, plural bool) bool {
	for _, pat := range patterns {
		if pat.lead == lead && pat.plural == plural {
			return true
		}
	}
	return false
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

// cutClause splits tokens at the first "is" or "are", and reports whether
// there is one. It fails if a side is empty, an article is missing after
// "is", or a term has a reserved word.
func cutClause(toks []string) (c clause, copula, ok bool) {
	k := 0
	for k < len(toks) && !foldIn(toks[k], []string{"is", "are"}) {
		k++
	}
	if k == len(toks) {
		return c, false, false
	}
	if k == 0 {
		return c, true, false
	}
	c.subject, c.plural = toks[:k], strings.EqualFold(toks[k], "are")
	after := toks[k+1:]
	if len(after) > 0 && strings.EqualFold(after[0], "not") {
		c.negated, after = true, after[1:]
	}
	if !c.plural {
		if len(after) == 0 || !foldIn(after[0], []string{"a", "an"}) {
			return c, true, false
		}
		after = after[1:]
	}
	c.predicate = after
	if len(after) == 0 || hasReserved(c.subject) || hasReserved(c.predicate) {
		return c, true, false
	}
	return c, true, true
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
	if lead == "" && !c.plural && len(c.subject) != 1 {
		return 0, false
	}
	return phrasingFor(lead, c.plural, c.negated)
}

// phrasingFor finds the phrasing with the lead, number and polarity.
func phrasingFor(lead string, plural, negated bool) (Phrasing, bool) {
	for p, pat := range patterns {
		if pat.lead == lead && pat.plural == plural && pat.negated == negated {
			return Phrasing(p), true
		}
	}
	return 0, false
}

// startsLead reports whether w, in any case, is the first word of a lead.
func startsLead(w string) bool {
	for _, words := range leads {
		if strings.EqualFold(w, words[0]) {
			return true
		}
	}
	return false
}

// wantByLead says, for each lead, which patterns a sentence with that lead
// may take, e.g. `"No <terms> are <terms>" or "No <term> is a <term>" or
// "No <terms> <verb phrase>" or "No <term> <verb phrase with -s>"`.
var wantByLead = func() map[string]string {
	alts := map[string][]string{}
	for _, pat := range patterns {
		alts[pat.lead] = append(alts[pat.lead], strconv.Quote(pat.template()))
	}
	for _, pat := range patterns {
		alts[pat.lead] = append(alts[pat.lead], strconv.Quote(pat.vpTemplate()))
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
