package english

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Plural returns the plural of term by inflecting its last word (the words
// are separated by single spaces): "Python programmer" becomes "Python
// programmers". The last word w is inflected by the first rule that fits:
//
//  1. a single capital letter ("A") and the invariant nouns ("sheep",
//     "species") stay as they are;
//  2. irregular nouns come from the lexicon ("mouse" → "mice"), as do the
//     listed -f/-fe nouns ("knife" → "knives") and -o nouns that take -es
//     ("potato" → "potatoes") and -ch nouns said /k/ ("stomach" →
//     "stomachs"); the letter case of w is kept when w is lower
//     case, Capitalised or UPPER case;
//  3. after s, x, z, ch or sh add "es" ("box" → "boxes");
//  4. after a consonant (y included), y becomes "ies" ("baby" → "babies");
//  5. otherwise add "s" ("piano" → "pianos", "chief" → "chiefs").
//
// Suffixes are matched ignoring ASCII case and added in lower case, or in
// upper case to an UPPER case word ("BOX" → "BOXES"); "Y" becomes "IES".
func Plural(term string) string {
	head, last := splitLast(term)
	return head + pluralWord(last)
}

// Singular returns the singular of a plural term by inverting [Plural] on its
// last word w. A single capital letter, an invariant noun or a listed
// singular noun ending in s ("bus", "glass") is returned as it is; a plural
// listed in the lexicon ("mice", "knives", "buses", "movies") gives its
// singular; otherwise the first suffix rule that fits applies:
//
//  1. consonant + "ies" → consonant + "y" ("babies" → "baby");
//  2. "sses", "ches", "shes", "xes", "zzes" lose "es" ("boxes" → "box");
//  3. "ss" is already singular and is kept;
//  4. a final "s" is dropped ("houses" → "house", "chiefs" → "chief");
//  5. a word not ending in s is kept ("dog" → "dog").
//
// So Singular(Plural(w)) == w for every lexicon word in lower case,
// Capitalised or UPPER case, and for every other word outside these
// families, which the suffix rules cannot tell apart from plurals:
//
//   - words ending in a single s, unless listed like "bus" ("plus" →
//     "pluses" → "pluse");
//   - words ending in consonant + "ie", unless listed like "movie" ("bootie"
//     → "booties" → "booty"), and words ending in "che", "she", "xe", "zze"
//     or "sse", unless listed like "niche" ("fiche" → "fiches" → "fich");
//   - words ending in a single z, unless listed like "waltz" ("fez" →
//     "fezes" → "feze");
//   - words whose plural is also the plural of a listed word or is itself a
//     listed singular ("leave" → "leaves" → "leaf"; "bu" → "bus");
//   - lexicon words in mixed case ("kNife" → "knives" → "knife").
//
// [Render] and [Parse] reject terms whose last word is in these families.
func Singular(term string) string {
	head, last := splitLast(term)
	return head + singularWord(last)
}

// nounFacts is what the lexicon says of one lower-case word: whether it
// is in invariantNouns or sNouns, and its entries in pluralOf and
// singularOf. pluralWord and singularWord, which every term rendered or
// parsed goes through, look a word up once in nouns rather than in each.
type nounFacts struct {
	invariant, sNoun       bool
	plural, singular       string
	hasPlural, hasSingular bool
}

var nouns = func() map[string]nounFacts {
	m := map[string]nounFacts{}
	for w := range invariantNouns {
		f := m[w]
		f.invariant = true
		m[w] = f
	}
	for w := range sNouns {
		f := m[w]
		f.sNoun = true
		m[w] = f
	}
	for w, p := range pluralOf {
		f := m[w]
		f.plural, f.hasPlural = p, true
		m[w] = f
	}
	for w, s := range singularOf {
		f := m[w]
		f.singular, f.hasSingular = s, true
		m[w] = f
	}
	return m
}()

func splitLast(term string) (head, last string) {
	i := strings.LastIndexByte(term, ' ')
	return term[:i+1], term[i+1:]
}

func pluralWord(w string) string {
	if w == "" || isLetterTerm(w) {
		return w
	}
	lw := strings.ToLower(w)
	f := nouns[lw]
	if f.invariant {
		return w
	}
	if p, ok := f.plural, f.hasPlural; ok {
		if strings.HasPrefix(p, lw) { // "child" + "ren": keep w's letters
			return w + suffixCase(w, p[len(lw):])
		}
		return matchCase(w, p)
	}
	return regularPlural(w)
}

// regularPlural applies the suffix rules 3–5 of [Plural].
func regularPlural(w string) string {
	n := len(w)
	switch {
	case hasSuffixFold(w, "s"), hasSuffixFold(w, "x"), hasSuffixFold(w, "z"),
		hasSuffixFold(w, "ch"), hasSuffixFold(w, "sh"):
		return w + suffixCase(w, "es")
	case n > 1 && hasSuffixFold(w, "y") && isConsonant(w[n-2]):
		if w[n-1] == 'Y' {
			return w[:n-1] + "IES"
		}
		return w[:n-1] + "ies"
	}
	return w + suffixCase(w, "s")
}

func singularWord(w string) string {
	if w == "" || isLetterTerm(w) {
		return w
	}
	lw := strings.ToLower(w)
	f := nouns[lw]
	if f.invariant || f.sNoun {
		return w
	}
	if s, ok := f.singular, f.hasSingular; ok {
		// Drop the suffix ("CLASSES" → "CLASS") rather than take the
		// lexicon's case, where the singular is a prefix of the plural.
		if cut := len(w) - (len(lw) - len(s)); strings.HasPrefix(lw, s) && cut >= 0 {
			return w[:cut]
		}
		return matchCase(w, s)
	}
	n := len(w)
	switch {
	case n > 3 && hasSuffixFold(w, "ies") && isConsonant(w[n-4]):
		if w[n-3] == 'I' {
			return w[:n-3] + "Y"
		}
		return w[:n-3] + "y"
	case hasSuffixFold(w, "sses"), hasSuffixFold(w, "ches"),
		hasSuffixFold(w, "shes"), hasSuffixFold(w, "xes"),
		hasSuffixFold(w, "zzes"):
		return w[:n-2]
	case hasSuffixFold(w, "ss"):
		return w
	case hasSuffixFold(w, "s"):
		return w[:n-1]
	}
	return w
}

// isLetterTerm reports whether w is a single capital letter such as "A",
// which names a term and is never inflected.
func isLetterTerm(w string) bool {
	return len(w) == 1 && 'A' <= w[0] && w[0] <= 'Z'
}

// hasSuffixFold reports whether w ends in suffix (lower-case ASCII),
// ignoring ASCII case. Bytes of multi-byte runes never match.
func hasSuffixFold(w, suffix string) bool {
	if len(w) < len(suffix) {
		return false
	}
	tail := w[len(w)-len(suffix):]
	for i := range len(suffix) {
		c := tail[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != suffix[i] {
			return false
		}
	}
	return true
}

// isConsonant reports whether c is an ASCII letter other than a vowel.
func isConsonant(c byte) bool {
	if 'A' <= c && c <= 'Z' {
		c += 'a' - 'A'
	}
	return 'a' <= c && c <= 'z' && !strings.ContainsRune("aeiou", rune(c))
}

// suffixCase returns the lower-case suffix in upper case if w is an UPPER
// case word ("BOX" → "BOXES").
func suffixCase(w, suffix string) string {
	if isUpperWord(w) {
		return strings.ToUpper(suffix)
	}
	return suffix
}

// isUpperWord reports whether w has an upper-case letter and no lower-case
// one.
func isUpperWord(w string) bool {
	return strings.IndexFunc(w, unicode.IsLower) < 0 && strings.IndexFunc(w, unicode.IsUpper) >= 0
}

// matchCase writes the lexicon form lower in the case of w: UPPER if w has
// no lower-case letter, Capitalised if w starts with an upper-case letter.
func matchCase(w, lower string) string {
	if isUpperWord(w) {
		return strings.ToUpper(lower)
	}
	if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
		return strings.ToUpper(lower[:1]) + lower[1:]
	}
	return lower
}
