package english

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/syllobench/syllobench/internal/logic"
)

// termReserved are the words a term may not contain, in any case: the
// verbs, the negation and the articles that [Parse] splits sentences on.
// The single capital letter "A" is a term, not an article, and is allowed.
var termReserved = []string{"are", "is", "not", "a", "an"}

// nameReserved are the words that may not be names, in any case: a name
// must not read as the start of a quantified sentence, as a verb, or as a
// quantifier pronoun ("Nobody is a dog" is not about someone called
// Nobody).
var nameReserved = []string{
	"all", "no", "some", "every", "each", "at", "none", "not", "is", "are",
	"a", "an",
	"nobody", "noone", "nothing", "everyone", "everybody", "everything",
	"someone", "somebody", "something", "anyone", "anybody", "anything",
}

func isReservedInTerm(w string) bool {
	return !isLetterTerm(w) && foldIn(w, termReserved)
}

// foldIn reports whether w is one of words, which are ASCII, ignoring
// case as [strings.EqualFold] does.
func foldIn(w string, words []string) bool {
	// An ASCII w can equal only a word of its length, since EqualFold
	// matches rune for rune: skip the others without calling it.
	ascii := isASCII(w)
	for _, k := range words {
		if ascii && len(w) != len(k) {
			continue
		}
		if strings.EqualFold(w, k) {
			return true
		}
	}
	return false
}

func isASCII(s string) bool {
	for i := range len(s) {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// checkStatement reports, wrapping [ErrInvalidTerm], the first term or name
// of s that cannot be written so that it reads back unchanged.
//
// A noun predicate needs only valid terms (or a valid name). A property
// predicate also constrains the subject: a property is never a subject;
// the subject of a categorical statement must pass
// [propertySubjectProblem]; and a name that reads as a plural noun cannot
// take a "can" property ([nameProblemWithProperty]).
func checkStatement(s logic.Statement) error {
	if s.Q.Singular() {
		if why := nameProblem(s.Subject); why != "" {
			return fmt.Errorf("name %q: %s: %w", s.Subject, why, ErrInvalidTerm)
		}
	} else if IsProperty(s.Subject) {
		return fmt.Errorf("subject %q: a property can only be a predicate: %w", s.Subject, ErrInvalidTerm)
	} else if why := termProblem(s.Subject); why != "" {
		return fmt.Errorf("subject %q: %s: %w", s.Subject, why, ErrInvalidTerm)
	}
	phrase, ok := PropertyPhrase(s.Predicate)
	if !ok {
		if why := termProblem(s.Predicate); why != "" {
			return fmt.Errorf("predicate %q: %s: %w", s.Predicate, why, ErrInvalidTerm)
		}
		return nil
	}
	if why := propertyProblem(phrase); why != "" {
		return fmt.Errorf("predicate %q: verb phrase %q: %s: %w", s.Predicate, phrase, why, ErrInvalidTerm)
	}
	if s.Q.Singular() {
		if why := nameProblemWithProperty(s.Subject, phrase); why != "" {
			return fmt.Errorf("name %q: %s: %w", s.Subject, why, ErrInvalidTerm)
		}
	} else if why := propertySubjectProblem(s.Subject); why != "" {
		return fmt.Errorf("subject %q: %s: %w", s.Subject, why, ErrInvalidTerm)
	}
	return nil
}

// termProblem says why t is not a valid term, or returns "". A term is one
// or more words separated by single spaces; a word is letters, digits,
// hyphens and apostrophes with at least one letter or digit; no word is
// reserved; and the plural of the last word is not reserved and reads back
// as that word.
func termProblem(t string) string {
	if t == "" {
		return "empty term"
	}
	var last string
	for rest, more := t, true; more; {
		var w string
		w, rest, more = strings.Cut(rest, " ")
		if w == "" {
			return "leading, trailing or double space"
		}
		if why := wordProblem(w); why != "" {
			return why
		}
		last = w
	}
	pl := pluralWord(last)
	if isReservedInTerm(pl) {
		return fmt.Sprintf("its plural %q is a reserved word", pl)
	}
	if back := singularWord(pl); back != last {
		return fmt.Sprintf("its plural %q would read back as %q", Plural(t), Singular(Plural(t)))
	}
	return ""
}

func wordProblem(w string) string {
	if isReservedInTerm(w) {
		return fmt.Sprintf("reserved word %q", w)
	}
	return wordCharProblem(w)
}

// wordCharProblem says why w is not letters, digits, hyphens and
// apostrophes with at least one letter or digit, or returns "".
func wordCharProblem(w string) string {
	alnum := false
	for _, r := range w {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			alnum = true
		case r == '-' || r == '\'':
		default:
			return fmt.Sprintf("word %q: character %q not allowed (want letters, digits, '-' or '\\'')", w, r)
		}
	}
	if !alnum {
		return fmt.Sprintf("word %q has no letter or digit", w)
	}
	return ""
}

// nameProblem says why n is not a valid name, or returns "". A name is one
// token of letters, digits and '-' that starts with an upper-case letter
// and is not a keyword.
func nameProblem(n string) string {
	if n == "" {
		return "empty name"
	}
	if r, _ := utf8.DecodeRuneInString(n); !unicode.IsUpper(r) {
		return "a name must start with an upper-case letter"
	}
	if foldIn(n, nameReserved) {
		return "a keyword cannot be a name"
	}
	for _, r := range n {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' {
			return fmt.Sprintf("character %q not allowed (want letters, digits or '-')", r)
		}
	}
	return ""
}
