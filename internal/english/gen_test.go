package english

import (
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"sync"

	"github.com/syllobench/syllobench/internal/logic"
)

// The generator of random valid statements shared by the property test,
// FuzzRoundTrip and the benchmarks. It draws from the oracle word list, the
// lexicon, single letters, multi-word terms and random in-scope words (see
// [Singular]), so every statement it makes must render and parse back.

// knownNouns are the singulars of testdata/nouns.txt and every lexicon word.
var knownNouns = sync.OnceValue(func() []string {
	data, err := os.ReadFile("testdata/nouns.txt")
	if err != nil {
		panic(err) // the test data is part of the package
	}
	var out []string
	for line := range strings.Lines(string(data)) {
		if s, _, ok := strings.Cut(strings.TrimSuffix(line, "\n"), "\t"); ok && !strings.HasPrefix(s, "#") {
			out = append(out, s)
		}
	}
	return append(out, lexiconWords()...)
})

var listedPluralsOnce = sync.OnceValue(listedPlurals)

var modifiers = []string{
	"Python", "ice", "cream", "red", "old", "well-known", "O'Neill", "4x4",
	"grey", "field", "honest", "European", "type", "X-ray", "8-bit",
	"Émile's", "one-eyed", "A", "unicorn", "hour",
}

var knownNames = []string{
	"Rex", "Socrates", "R2-D2", "X", "Zorp", "Émile", "Ada", "Tweety",
	"HAL-9000", "Q", "Ölaf", "Alice", "Noah", "Isaac", "Everett", "Atlas",
}

func pick(r *rand.Rand, words []string) string { return words[r.IntN(len(words))] }

// genWord returns a random word for which Singular inverts Plural.
func genWord(r *rand.Rand) string {
	for {
		w := randomWord(r)
		if inScope(w, listedPluralsOnce()) && !foldIn(w, termReserved) && w != "i" {
			return w
		}
	}
}

// genTerm returns a random valid term in canonical (singular) form.
func genTerm(r *rand.Rand) string {
	switch n := r.IntN(10); {
	case n < 4:
		return pick(r, knownNouns())
	case n == 4:
		return string(rune('A' + r.IntN(26)))
	case n < 7:
		head := pick(r, modifiers)
		if r.IntN(3) == 0 {
			head += " " + pick(r, modifiers)
		}
		return head + " " + pick(r, knownNouns())
	case n == 7:
		return genWord(r)
	case n == 8:
		return pick(r, modifiers) + " " + genWord(r)
	}
	w := pick(r, knownNouns())
	return strings.ToUpper(w[:1]) + w[1:]
}

// genName returns a random valid name.
func genName(r *rand.Rand) string {
	if r.IntN(2) == 0 {
		return pick(r, knownNames)
	}
	const rest = "abcdefghijklmnopqrstuvwxyz0123456789-"
	for {
		b := []byte{byte('A' + r.IntN(26))}
		for range r.IntN(8) {
			b = append(b, rest[r.IntN(len(rest))])
		}
		if !foldIn(string(b), nameReserved) {
			return string(b)
		}
	}
}

// genStatement returns a random valid statement of any quantifier.
func genStatement(r *rand.Rand) logic.Statement {
	s := logic.Statement{Q: logic.Quantifier(r.IntN(int(logic.IsNot) + 1))}
	if s.Q.Singular() {
		s.Subject = genName(r)
	} else {
		s.Subject = genTerm(r)
	}
	s.Predicate = genTerm(r)
	return s
}

// The generator of random valid statements with property predicates. It is
// valid by construction, by rules stricter than the package's and checked
// independently of its code: verbs come from the oracle testdata/verbs.txt,
// complements from a list with no verb form, and subjects and names are
// kept away from every verb form and from plural-looking names.

// verbPair is a verb's base form with its third person singular.
type verbPair struct{ base, third string }

// knownVerbs are the pairs of testdata/verbs.txt.
var knownVerbs = sync.OnceValue(func() []verbPair {
	data, err := os.ReadFile("testdata/verbs.txt")
	if err != nil {
		panic(err) // the test data is part of the package
	}
	var out []verbPair
	for line := range strings.Lines(string(data)) {
		line = strings.TrimSuffix(line, "\n")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		b, th, ok := strings.Cut(line, "\t")
		if !ok {
			panic("testdata/verbs.txt: want base<TAB>third person, got " + line)
		}
		out = append(out, verbPair{b, th})
	}
	return out
})

// oracleVerbWords are every word that can start a verb phrase, by the
// oracle: both forms of every verb, "do", "does", "can" and "cannot".
var oracleVerbWords = sync.OnceValue(func() []string {
	out := []string{"do", "does", "can", "cannot"}
	for _, v := range knownVerbs() {
		out = append(out, v.base, v.third)
	}
	return out
})

func isOracleVerbWord(w string) bool {
	return slices.ContainsFunc(oracleVerbWords(), func(v string) bool { return strings.EqualFold(v, w) })
}

// complementWords may follow the verb of a generated property.
var complementWords = []string{
	"on", "batteries", "eggs", "in", "water", "at", "night", "air", "insects",
	"a", "tail", "an", "engine", "Python", "code", "fast", "8-bit", "O'Neill's",
	"Émile's", "A", "X-rays", "fuel", "honey", "slowly", "the", "sun",
	"electricity", "tickets", "sugar", "wings", "feathers", "milk", "trees",
	"Linux", "well", "4x4", "one-eyed", "ice", "grass", "fish", "mice", "sheep",
	"of", "with", "from", "to", "by", "for", "all", "no", "some", "every", "I",
}

// genPhrase returns a random valid base-form verb phrase.
func genPhrase(r *rand.Rand) string {
	words := []string{knownVerbs()[r.IntN(len(knownVerbs()))].base}
	if r.IntN(3) == 0 {
		words = append([]string{"can"}, words...)
	}
	for range r.IntN(4) {
		words = append(words, pick(r, complementWords))
	}
	return strings.Join(words, " ")
}

// genPropertySubject returns a random term that no verb phrase can be
// read into: it is singular and neither it nor its plural has a word that
// can start a verb phrase.
func genPropertySubject(r *rand.Rand) string {
	for {
		t := genTerm(r)
		if Singular(t) != t {
			continue
		}
		words := slices.Concat(strings.Fields(t), strings.Fields(Plural(t)))
		if !slices.ContainsFunc(words, isOracleVerbWord) {
			return t
		}
	}
}

// looksPlural is an independent, stricter version of the package's test
// of whether a name would read as a bare plural before "can": it ends in
// s, or it is, in lower case, a listed plural, a classical plural or an
// invariant noun.
func looksPlural(name string) bool {
	lw := strings.ToLower(name)
	_, listed := listedPluralsOnce()[lw]
	_, classical := classicalPlurals[lw]
	return strings.HasSuffix(lw, "s") || listed || classical || invariantNouns[lw]
}

// genPropertyStatement returns a random valid statement with a property
// predicate.
func genPropertyStatement(r *rand.Rand) logic.Statement {
	s := logic.Statement{Q: logic.Quantifier(r.IntN(int(logic.IsNot) + 1)), Predicate: Property(genPhrase(r))}
	if !s.Q.Singular() {
		s.Subject = genPropertySubject(r)
		return s
	}
	for {
		s.Subject = genName(r)
		if !looksPlural(s.Subject) {
			return s
		}
	}
}

// genAnyStatement returns a random valid statement, a third of them with a
// property predicate.
func genAnyStatement(r *rand.Rand) logic.Statement {
	if r.IntN(3) == 0 {
		return genPropertyStatement(r)
	}
	return genStatement(r)
}
