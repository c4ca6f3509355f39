package english

import (
	"math/rand/v2"
	"os"
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
