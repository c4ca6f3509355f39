package english

import (
	"bufio"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"
)

// nounPair is a singular with its correct English plural.
type nounPair struct{ singular, plural string }

// readNouns reads the hand-written oracle testdata/nouns.txt.
func readNouns(t testing.TB) []nounPair {
	t.Helper()
	f, err := os.Open("testdata/nouns.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var pairs []nounPair
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		text := sc.Text()
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		s, p, ok := strings.Cut(text, "\t")
		if !ok {
			t.Fatalf("testdata/nouns.txt line %d: want singular<TAB>plural, got %q", line, text)
		}
		pairs = append(pairs, nounPair{s, p})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return pairs
}

func TestPluralAndSingularMatchEnglish(t *testing.T) {
	pairs := readNouns(t)
	if len(pairs) < 250 {
		t.Fatalf("testdata/nouns.txt has %d pairs; want the whole list", len(pairs))
	}
	for _, p := range pairs {
		if got := Plural(p.singular); got != p.plural {
			t.Errorf("Plural(%q) = %q, want %q", p.singular, got, p.plural)
		}
		if got := Singular(p.plural); got != p.singular {
			t.Errorf("Singular(%q) = %q, want %q", p.plural, got, p.singular)
		}
	}
}

// TestSingularEdgeCases pins the documented behaviour outside the oracle.
func TestSingularEdgeCases(t *testing.T) {
	tests := []struct {
		in, want, reason string
	}{
		{"dogs", "dog", "a regular plural loses its s"},
		{"dog", "dog", "a word not ending in s is already singular"},
		{"bus", "bus", "a listed singular ending in s is kept"},
		{"glass", "glass", "ss is never a plural ending"},
		{"mouse", "mouse", "an irregular singular is kept"},
		{"movy", "movy", "no s, nothing to do"},
		{"fiches", "fich", "an unlisted -che word reads back as -ch"},
		{"waltzes", "waltz", "listed single-z word"},
		{"prizes", "prize", "-zes after one z is -ze + s"},
		{"Knives", "Knife", "Capitalised lexicon word keeps its case"},
		{"KNIVES", "KNIFE", "UPPER lexicon word keeps its case"},
		{"kNives", "knife", "mixed case falls back to the lexicon's lower case"},
		{"BABIes", "BABY", "an upper-case I gives an upper-case Y"},
		{"ies", "ie", "ies with nothing before it is not consonant+y"},
		{"s", "", "the plural of the empty word"},
		{"", "", "empty stays empty"},
		{"S", "S", "a single capital letter is a term, never a plural"},
		{"ice cream cones", "ice cream cone", "only the last word changes"},
		{"Python programmers", "Python programmer", "earlier words keep their case"},
		{"cats ", "cats ", "the last word of a trailing space is empty"},
		{"ſ", "ſ", "non-ASCII letters never match ASCII suffixes"},
	}
	for _, tt := range tests {
		if got := Singular(tt.in); got != tt.want {
			t.Errorf("Singular(%q) = %q, want %q (%s)", tt.in, got, tt.want, tt.reason)
		}
	}
}

// lexiconWords are every word the lexicon names.
func lexiconWords() []string {
	var words []string
	words = append(words, keys(invariantNouns)...)
	words = append(words, keys(sNouns)...)
	for s := range irregularNouns {
		words = append(words, s)
	}
	for _, l := range [][]string{fvesNouns, oesNouns, ieNouns, eNouns, zNouns} {
		words = append(words, l...)
	}
	slices.Sort(words) // irregularNouns is a map: fix the order
	return words
}

func TestLexiconRoundTrips(t *testing.T) {
	owner := map[string]string{}
	for _, w := range lexiconWords() {
		pl := Plural(w)
		if prev, ok := owner[pl]; ok && prev != w {
			t.Errorf("%q and %q share the plural %q", prev, w, pl)
		}
		owner[pl] = w
		for _, v := range []string{w, strings.ToUpper(w[:1]) + w[1:], strings.ToUpper(w)} {
			if got := Singular(Plural(v)); got != v {
				t.Errorf("Singular(Plural(%q)) = Singular(%q) = %q", v, Plural(v), got)
			}
			if why := termProblem(v); why != "" {
				t.Errorf("lexicon word %q is not a valid term: %s", v, why)
			}
		}
	}
}

// inScope reports whether Singular must invert Plural on w, by the rules in
// the doc comment of [Singular], checked independently of its code.
func inScope(w string, listedPlural map[string]string) bool {
	lw := strings.ToLower(w)
	n := len(lw)
	switch {
	case strings.HasSuffix(lw, "s") && !strings.HasSuffix(lw, "ss"):
		return sNouns[lw]
	case n > 2 && strings.HasSuffix(lw, "ie") && isConsonant(lw[n-3]):
		return inList(ieNouns, lw)
	case hasAnySuffix(lw, "che", "she", "xe", "zze", "sse"):
		return inList(eNouns, lw)
	case strings.HasSuffix(lw, "z") && !strings.HasSuffix(lw, "zz"):
		return inList(zNouns, lw) || lw == "quiz"
	}
	owner, ok := listedPlural[strings.ToLower(Plural(w))]
	return !ok || owner == lw
}

func hasAnySuffix(w string, suffixes ...string) bool {
	for _, s := range suffixes {
		if strings.HasSuffix(w, s) {
			return true
		}
	}
	return false
}

func inList(list []string, w string) bool {
	for _, v := range list {
		if v == w {
			return true
		}
	}
	return false
}

// listedPlurals maps the plural of every lexicon word, and every listed
// singular ending in s, to that word.
func listedPlurals() map[string]string {
	m := map[string]string{}
	for _, w := range lexiconWords() {
		m[Plural(w)] = w
	}
	for w := range sNouns {
		m[w] = w
	}
	return m
}

// randomWord returns a word of 1–10 random lower-case letters, in lower,
// Capitalised or UPPER case. Words ending in e or y are made more likely
// because their rules are the interesting ones.
func randomWord(r *rand.Rand) string {
	const letters = "abcdefghijklmnopqrstuvwxyz"
	b := make([]byte, 1+r.IntN(10))
	for i := range b {
		b[i] = letters[r.IntN(len(letters))]
	}
	switch r.IntN(4) {
	case 0:
		b[len(b)-1] = 'e'
	case 1:
		b[len(b)-1] = 'y'
	}
	w := string(b)
	switch r.IntN(4) {
	case 0:
		return strings.ToUpper(w[:1]) + w[1:]
	case 1:
		return strings.ToUpper(w)
	}
	return w
}

func TestSingularInvertsPluralOnRandomWords(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	listed := listedPlurals()
	const n = 100_000
	tested := 0
	for range n {
		w := randomWord(r)
		if !inScope(w, listed) {
			continue
		}
		tested++
		if got := Singular(Plural(w)); got != w {
			t.Fatalf("Singular(Plural(%q)) = Singular(%q) = %q", w, Plural(w), got)
		}
	}
	if tested < n*3/4 {
		t.Errorf("only %d of %d random words were in scope; the generator is too narrow", tested, n)
	}
}
