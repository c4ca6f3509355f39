package english

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// PropertyMarker starts every property term. No noun term can contain it
// ('~' is not a letter, digit, hyphen or apostrophe), so a term is a
// property exactly when it starts with the marker. Use [Property],
// [IsProperty] and [PropertyPhrase] rather than the marker itself.
const PropertyMarker = "~"

// Property returns the term for the property expressed by the verb phrase
// phrase, written in the base form: Property("run on batteries") is the
// predicate of "All robots run on batteries" and of "R2-D2 runs on
// batteries". The result is "~run on batteries", an ordinary string that
// package logic compares like any other term.
//
// A property can only be a predicate. Property does not check phrase;
// [Render] and [Parse] do. A valid phrase is one or more words separated
// by single spaces:
//
//   - the first word is a listed verb in its base form ([PropertyVerbs]),
//     or "can" followed by one ("can fly");
//   - the other words, the complement ("on batteries", "eggs", "a tail"),
//     have only letters, digits, hyphens and apostrophes, at least one
//     letter or digit, and none is, in any case, "is", "are" or "not", a
//     contraction ("don't"), or a word that can start a verb phrase: a
//     form of a listed verb ("run", "runs", "flies"), "do", "does", "can"
//     or "cannot". Articles are allowed ("have a tail").
//
// So "eat insects" is a property, but "eat flies" is not ("flies" is a
// form of "fly") and neither is "are red" or "be kind" (use a noun term:
// "Some roses are red things").
func Property(phrase string) string { return PropertyMarker + phrase }

// IsProperty reports whether term is a property term made by [Property]
// (valid or not), as opposed to a noun term.
func IsProperty(term string) bool { return strings.HasPrefix(term, PropertyMarker) }

// PropertyPhrase returns the base-form verb phrase of a property term
// ("run on batteries" for Property("run on batteries")), and false if
// term is not a property.
func PropertyPhrase(term string) (string, bool) {
	if phrase, ok := strings.CutPrefix(term, PropertyMarker); ok {
		return phrase, true
	}
	return "", false
}

// ThirdPerson returns phrase with its first word in the third person
// singular, as it follows a singular subject: "run on batteries" becomes
// "runs on batteries", "have feathers" "has feathers", "fly" "flies",
// "go" "goes". A phrase starting with "can" is returned as it is ("can
// fly"). The rules are those of English for the base forms of
// [PropertyVerbs]: "have" becomes "has"; after s, x, z, ch, sh or o add
// "es"; after a consonant, y becomes "ies"; otherwise add "s".
func ThirdPerson(phrase string) string {
	verb, rest, more := strings.Cut(phrase, " ")
	if verb == "can" || verb == "" {
		return phrase
	}
	if more {
		return thirdPersonVerb(verb) + " " + rest
	}
	return thirdPersonVerb(verb)
}

func thirdPersonVerb(v string) string {
	n := len(v)
	switch {
	case v == "have":
		return "has"
	case hasSuffixFold(v, "s"), hasSuffixFold(v, "x"), hasSuffixFold(v, "z"),
		hasSuffixFold(v, "ch"), hasSuffixFold(v, "sh"), hasSuffixFold(v, "o"):
		return v + "es"
	case n > 1 && hasSuffixFold(v, "y") && isConsonant(v[n-2]):
		return v[:n-1] + "ies"
	}
	return v + "s"
}

// PropertyVerbs returns the base forms of the verbs a property may start
// with, sorted. The list is closed so that [Parse] can tell where the
// subject of a sentence ends and its verb phrase begins; the modal "can"
// and the auxiliary "do" are not on it, and neither is "be" (a noun
// predicate says what "is").
func PropertyVerbs() []string {
	out := slices.Clone(propertyVerbs)
	slices.Sort(out)
	return out
}

// propertyVerbs are the verbs of properties, in their base forms, grouped
// by the things they are mostly said of.
var propertyVerbs = []string{
	// having, needing, making
	"have", "contain", "include", "lack", "need", "require", "use", "make",
	"produce", "consume", "cost", "weigh", "hold", "carry", "own",
	// animals
	"eat", "drink", "lay", "fly", "swim", "run", "walk", "crawl", "climb",
	"jump", "hop", "dig", "hunt", "prey", "graze", "bite", "sting", "bark",
	"purr", "roar", "sing", "breathe", "sleep", "hibernate", "migrate",
	"live", "die", "feed", "nurse", "give", "chase", "catch", "kill",
	// plants
	"grow", "bloom", "photosynthesize", "absorb", "spread", "fade", "wilt",
	// foods
	"taste", "spoil", "melt", "rot", "ferment", "freeze", "cut",
	// materials
	"conduct", "burn", "rust", "float", "sink", "dissolve", "bend", "break",
	"shatter", "stretch", "reflect", "resist", "corrode", "shine", "glow",
	// vehicles and machines
	"drive", "travel", "move", "emit", "compute", "operate", "transport",
	"tow", "connect", "generate", "store", "heat", "clean", "fix", "go",
	// professions and people
	"write", "read", "teach", "learn", "treat", "cure", "build", "cook",
	"repair", "sell", "buy", "design", "serve", "study", "work", "wear",
	"speak", "talk", "perform", "manage", "earn", "pay", "fight", "protect",
	"help", "know", "think", "reason", "love", "fear", "obey", "follow",
	"vote", "play", "win", "lose", "cry",
	// the senses
	"see", "hear", "feel", "smell",
}

// verbWord is what a word of a sentence can be at the start of a verb
// phrase.
type verbWord uint8

const (
	vwBase   verbWord = 1 << iota // the base form of a listed verb: "run"
	vwThird                       // its third person singular: "runs"
	vwDo                          // "do"
	vwDoes                        // "does"
	vwCan                         // "can"
	vwCannot                      // "cannot"
)

// verbWords maps every word that can start a verb phrase, in lower case, to
// what it is; verbBase maps each form of a listed verb to its base form.
var verbWords, verbBase = func() (map[string]verbWord, map[string]string) {
	words := map[string]verbWord{"do": vwDo, "does": vwDoes, "can": vwCan, "cannot": vwCannot}
	base := map[string]string{}
	for _, v := range propertyVerbs {
		third := thirdPersonVerb(v)
		for w, kind := range map[string]verbWord{v: vwBase, third: vwThird} {
			if words[w] != 0 {
				panic("english: verb form listed twice: " + w)
			}
			words[w], base[w] = kind, v
		}
	}
	return words, base
}()

// lookupVerbWord says what w is at the start of a verb phrase, matching
// case as [strings.EqualFold] does, and gives the base form of a listed
// verb. It returns 0 for any other word.
func lookupVerbWord(w string) (verbWord, string) {
	key, ok := asciiFold(w)
	if !ok {
		return 0, ""
	}
	return verbWords[key], verbBase[key]
}

// asciiFold returns the lower-case ASCII word that w equals under simple
// case folding, as [strings.EqualFold] compares, or false if a rune of w
// folds to no ASCII letter ("ſ" folds to "s" and the Kelvin sign to "k").
func asciiFold(w string) (string, bool) {
	if isASCII(w) {
		for i := range len(w) {
			if 'A' <= w[i] && w[i] <= 'Z' {
				return strings.ToLower(w), true
			}
		}
		return w, true
	}
	b := make([]byte, 0, len(w))
	for _, r := range w {
		c, ok := asciiFoldRune(r)
		if !ok {
			return "", false
		}
		b = append(b, c)
	}
	return string(b), true
}

func asciiFoldRune(r rune) (byte, bool) {
	if r < utf8.RuneSelf {
		return byte(unicode.ToLower(r)), true
	}
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		if f < utf8.RuneSelf {
			return byte(unicode.ToLower(f)), true
		}
	}
	return 0, false
}

// pluralStart reports whether w can start a verb phrase after a plural
// subject: a base form, "do", "can" or "cannot".
func pluralStart(w string) bool {
	k, _ := lookupVerbWord(w)
	return k&(vwBase|vwDo|vwCan|vwCannot) != 0
}

// singularStart reports whether w can start a verb phrase after a
// singular subject: a third person form, "does", "can" or "cannot".
func singularStart(w string) bool {
	k, _ := lookupVerbWord(w)
	return k&(vwThird|vwDoes|vwCan|vwCannot) != 0
}

// readsAsPlural reports whether a word reads as a plural noun: [Singular]
// changes it ("dogs", "mice", "buses") or it is an invariant noun
// ("sheep"). A single capital letter does not.
func readsAsPlural(w string) bool {
	return singularWord(w) != w || nouns[strings.ToLower(w)].invariant
}

// pluralish reports whether a plural subject may end in w before its verb
// phrase: w reads as a plural or is a letter term ("All A run"), and is
// not an auxiliary ("do", "does", "can", "cannot"), so that "Tweety does
// fly" is not read as a bare plural about "tweety does".
func pluralish(w string) bool {
	return !isAuxiliary(w) && (isLetterTerm(w) || readsAsPlural(w))
}

// singularish reports whether a singular subject may end in w before its
// verb phrase: [Singular] keeps it ("dog", "bus", "sheep", "A") and it is
// not an auxiliary.
func singularish(w string) bool { return !isAuxiliary(w) && singularWord(w) == w }

func isAuxiliary(w string) bool {
	k, _ := lookupVerbWord(w)
	return k&(vwDo|vwDoes|vwCan|vwCannot) != 0
}

// verbStart returns the index at which the subject of toks ends and a verb
// phrase agreeing with a plural (or singular) subject begins, or -1: the
// first word, after at least one word of subject, that can start such a
// verb phrase ([pluralStart], [singularStart]) and follows a word a
// subject of that number may end in ([pluralish], [singularish]). So "All
// travel agents sell tickets" splits before "sell", not before "travel",
// and "Some birds never fly" does not split: "never" ends no subject.
func verbStart(toks []string, plural bool) int {
	start, ends := singularStart, singularish
	if plural {
		start, ends = pluralStart, pluralish
	}
	for k := 1; k < len(toks); k++ {
		if start(toks[k]) && ends(toks[k-1]) {
			return k
		}
	}
	return -1
}

// subjectSplitProblem says why a verb phrase after the subject words
// would not start right after them, or returns "": when a word of the
// subject would start it (see [verbStart]), the last word is not one a
// subject of that number may end in, or a word is a contraction.
func subjectSplitProblem(words []string, plural bool) string {
	for _, w := range words {
		if isContraction(w) {
			return fmt.Sprintf("contraction %q", w)
		}
	}
	switch k := verbStart(append(words[:len(words):len(words)], "can"), plural); {
	case k < 0:
		return fmt.Sprintf("%q does not end as a %s subject", strings.Join(words, " "), number(plural))
	case k < len(words):
		return fmt.Sprintf("in %q the verb phrase would start at %q", strings.Join(words, " "), words[k])
	}
	return ""
}

// isContraction reports whether w, in any case, ends in "n't" ("don't",
// "can't", "isn't"). [Parse] does not read contractions, and rejects a
// sentence with one after its lead rather than read "Some birds don't
// fly" as something else.
func isContraction(w string) bool {
	return len(w) > 3 && strings.EqualFold(w[len(w)-3:], "n't")
}

// parseVerbPhrase reads toks, which follow the subject, as a verb phrase
// agreeing with a plural (or singular) subject, and returns its base-form
// phrase and whether it is negated, or why it is not a verb phrase.
//
//	plural:   V C · do not V C · can V C · cannot V C · can not V C
//	singular: V-s C · does not V C · can V C · cannot V C · can not V C
//
// where V is a listed verb and C the complement, words that are not "is",
// "are", "not" or a word that can start a verb phrase.
func parseVerbPhrase(toks []string, plural bool) (phrase string, negated bool, why string) {
	if len(toks) == 0 {
		return "", false, "no verb phrase after the subject"
	}
	kind, base := lookupVerbWord(toks[0])
	modal, i := false, 1
	switch {
	case kind == vwCannot:
		modal, negated = true, true
	case kind == vwCan:
		modal = true
		if len(toks) > 1 && strings.EqualFold(toks[1], "not") {
			negated, i = true, 2
		}
	case kind == vwDo && plural, kind == vwDoes && !plural:
		if len(toks) < 2 || !strings.EqualFold(toks[1], "not") {
			return "", false, fmt.Sprintf("%q must be followed by \"not\" and a verb", toks[0])
		}
		negated, i = true, 2
	case kind == vwBase && plural, kind == vwThird && !plural:
		return joinPhrase("", base, toks[1:])
	default:
		want := "a listed verb in its base form (\"run\"), \"do not\", \"can\" or \"cannot\""
		if !plural {
			want = "a listed verb with -s (\"runs\"), \"does not\", \"can\" or \"cannot\""
		}
		return "", false, fmt.Sprintf("want %s after the subject, got %q", want, toks[0])
	}
	if i >= len(toks) {
		return "", false, fmt.Sprintf("no verb after %q", strings.Join(toks[:i], " "))
	}
	kind, base = lookupVerbWord(toks[i])
	if kind != vwBase {
		return "", false, fmt.Sprintf("want a listed verb in its base form after %q, got %q", strings.Join(toks[:i], " "), toks[i])
	}
	prefix := ""
	if modal {
		prefix = "can "
	}
	phrase, _, why = joinPhrase(prefix, base, toks[i+1:])
	return phrase, negated, why
}

func joinPhrase(prefix, verb string, complement []string) (string, bool, string) {
	for _, w := range complement {
		if why := complementWordProblem(w); why != "" {
			return "", false, why
		}
	}
	var b strings.Builder
	b.WriteString(prefix)
	b.WriteString(verb)
	for _, w := range complement {
		b.WriteByte(' ')
		b.WriteString(w)
	}
	return b.String(), false, ""
}

// complementReserved are the words the complement of a verb phrase may not
// contain, besides the words that can start a verb phrase.
var complementReserved = []string{"is", "are", "not"}

func complementWordProblem(w string) string {
	if foldIn(w, complementReserved) {
		return fmt.Sprintf("reserved word %q in the verb phrase", w)
	}
	if isContraction(w) {
		return fmt.Sprintf("contraction %q in the verb phrase", w)
	}
	if k, _ := lookupVerbWord(w); k != 0 {
		return fmt.Sprintf("%q after the verb would start another verb phrase", w)
	}
	return ""
}

// propertyProblem says why phrase is not a valid verb phrase for
// [Property], or returns "".
func propertyProblem(phrase string) string {
	if phrase == "" {
		return "empty verb phrase"
	}
	words := strings.Split(phrase, " ")
	for _, w := range words {
		if w == "" {
			return "leading, trailing or double space"
		}
	}
	verb, rest := words[0], words[1:]
	if verb == "can" {
		if len(rest) == 0 {
			return `"can" must be followed by a listed verb`
		}
		verb, rest = rest[0], rest[1:]
	}
	if k, b := lookupVerbWord(verb); k != vwBase || b != verb {
		return fmt.Sprintf("%q is not a listed verb in its base form and lower case (see PropertyVerbs)", verb)
	}
	for _, w := range rest {
		if why := complementWordProblem(w); why != "" {
			return why
		}
		if why := wordCharProblem(w); why != "" {
			return why
		}
	}
	return ""
}

// propertySubjectProblem says why the noun term t cannot be the subject of
// a categorical statement with a property predicate, or returns "". The
// subject must be singular (Singular(t) == t: not "mice"), and in its
// singular and plural forms no word may start the verb phrase early, as
// [verbStart] reads them: "tin can" is rejected ("Every tin can holds
// food" would split after "tin"), "travel agent" is accepted.
func propertySubjectProblem(t string) string {
	if sg := Singular(t); sg != t {
		return fmt.Sprintf("the subject of a property must be singular, but %q reads as the plural of %q", t, sg)
	}
	if why := subjectSplitProblem(strings.Split(t, " "), false); why != "" {
		return why
	}
	return subjectSplitProblem(strings.Split(Plural(t), " "), true)
}

// nameProblemWithProperty says why the name n cannot be the subject of
// [logic.Is] or [logic.IsNot] with the property phrase, or returns "": a
// name that reads as a plural noun cannot take a "can" property, since
// "Socrates can swim" reads as a bare plural, All(socrate, can swim), as
// "Birds can fly" does (see [BarePlural]); and "Birds cannot fly", which
// has no bare reading, is refused too, so that a statement and its
// negation are valid together.
func nameProblemWithProperty(n, phrase string) string {
	if strings.HasPrefix(phrase, "can ") && readsAsPlural(decapitalize(n)) {
		return fmt.Sprintf(`the name reads as a plural noun, so "%s can …" would read as a bare plural`, n)
	}
	return ""
}

// capitalize and decapitalize change the case of the first rune of w, for
// the sentence-initial subject of [BarePlural].
func capitalize(w string) string {
	r, n := utf8.DecodeRuneInString(w)
	if u := unicode.ToUpper(r); r != utf8.RuneError && u != r {
		return string(u) + w[n:]
	}
	return w
}

func decapitalize(w string) string {
	r, n := utf8.DecodeRuneInString(w)
	if unicode.IsUpper(r) || unicode.IsTitle(r) {
		if l := unicode.ToLower(r); l != r {
			return string(l) + w[n:]
		}
	}
	return w
}
