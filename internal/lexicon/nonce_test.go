package lexicon

import (
	"bufio"
	"compress/gzip"
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/syllobench/syllobench/internal/english"
	"github.com/syllobench/syllobench/internal/logic"
)

// nonceUpdateEnv names the environment switch that rewrites the
// generated nonce_blocklist.txt, the project's one switch for golden and
// generated files; it comes from the environment so that
// `go test ./...` needs no custom flags.
const nonceUpdateEnv = "UPDATE_GOLDEN"

const nonceRegenerate = nonceUpdateEnv + "=1 go test ./internal/lexicon -run TestNonceBlocklist"

// nonceDictionary is testdata/words.gz, read once: the Debian
// wamerican-insane word list, lower case, one word a line (see
// testdata/WORDS-PROVENANCE.md).
var nonceDictionary = sync.OnceValues(func() (map[string]bool, error) {
	words, err := nonceReadWordList(os.DirFS("testdata"), "words.gz")
	if err != nil {
		return nil, err
	}
	set := make(map[string]bool, len(words))
	for _, w := range words {
		set[w] = true
	}
	return set, nil
})

func nonceReadWordList(fsys fs.FS, name string) ([]string, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, fmt.Errorf("reading word list: %w", err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("reading word list %s: %w", name, err)
	}
	var words []string
	lower := regexp.MustCompile(`^[a-z]+$`)
	sc := bufio.NewScanner(zr)
	for line := 1; sc.Scan(); line++ {
		w := sc.Text()
		if !lower.MatchString(w) {
			return nil, fmt.Errorf("reading word list %s line %d: %q is not a lower-case ASCII word", name, line, w)
		}
		words = append(words, w)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading word list %s: %w", name, err)
	}
	return words, nil
}

func loadNonceDictionary(t testing.TB) map[string]bool {
	t.Helper()
	dict, err := nonceDictionary()
	if err != nil {
		t.Fatal(err)
	}
	return dict
}

// nonceFits reports whether the grammar can spell w, by parsing it rather
// than by drawing: w splits into alternating consonant and vowel runs,
// and each run must be a unit of the table for its place in the word. It
// is the oracle for the generator's shape and the filter that derives the
// blocklist from the dictionary.
func nonceFits(w string) bool {
	if len(w) < nonceMinLen || len(w) > nonceMaxLen {
		return false
	}
	cons, vowels, ok := nonceRuns(w)
	k := len(vowels)
	if !ok || k < 1 || k > 3 {
		return false
	}
	if cons[0] == "" && !slices.Contains(nonceFirstVowels.units, vowels[0]) ||
		cons[0] != "" && !slices.Contains(nonceOnsets.units, cons[0]) {
		return false
	}
	for i, v := range vowels {
		if !slices.Contains(nonceVowels.units, v) {
			return false
		}
		if len(v) > 1 && strings.HasPrefix(cons[i+1], "c") {
			return false // "ck" only after a short vowel
		}
	}
	for i := 1; i < k; i++ {
		le := i == k-1 && vowels[i] == "e" && cons[k] == "" && slices.Contains(nonceLe.units, cons[i])
		if !le && !slices.Contains(nonceClusters.units, cons[i]) {
			return false
		}
	}
	if cons[k] == "" {
		return slices.Contains(nonceOpenFinals, vowels[k-1])
	}
	return slices.Contains(nonceCodas.units, cons[k])
}

// nonceRuns splits w into consonant runs cons and vowel runs vowels,
// len(cons) == len(vowels)+1; the first and last consonant runs may be
// empty. ok is false if w has a byte other than a–z.
func nonceRuns(w string) (cons, vowels []string, ok bool) {
	start, inVowel := 0, false
	for i := range len(w) {
		c := w[i]
		if c < 'a' || c > 'z' {
			return nil, nil, false
		}
		if v := strings.IndexByte("aeiou", c) >= 0; v != inVowel {
			if inVowel {
				vowels = append(vowels, w[start:i])
			} else {
				cons = append(cons, w[start:i])
			}
			start, inVowel = i, v
		}
	}
	if inVowel {
		vowels = append(vowels, w[start:])
		cons = append(cons, "")
	} else {
		cons = append(cons, w[start:])
	}
	return cons, vowels, true
}

// nonceDeriveBlocklist returns, sorted, every dictionary word the grammar
// can spell and every spellable word whose plural (word + "s") is in the
// dictionary.
func nonceDeriveBlocklist(dict map[string]bool) []string {
	var out []string
	for d := range dict {
		if nonceFits(d) {
			out = append(out, d)
		}
		if s, ok := strings.CutSuffix(d, "s"); ok && nonceFits(s) && !dict[s] {
			out = append(out, s)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

func nonceBlocklistFile(words []string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# nonce_blocklist.txt: format 1. Generated from testdata/words.gz by\n# %s\n# Do not edit.\n", nonceRegenerate)
	for _, w := range words {
		b.WriteString(w)
		b.WriteByte('\n')
	}
	return b.String()
}

func TestNonceBlocklist(t *testing.T) {
	want := nonceDeriveBlocklist(loadNonceDictionary(t))
	text := nonceBlocklistFile(want)
	if text == nonceBlocklistText {
		t.Logf("%d blocked words", len(want))
		return
	}
	if os.Getenv(nonceUpdateEnv) != "" {
		if err := os.WriteFile("nonce_blocklist.txt", []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote nonce_blocklist.txt with %d words; run the tests again to use it", len(want))
		return
	}
	if diff := cmp.Diff(want, nonceBlocklist); diff != "" {
		t.Errorf("nonce_blocklist.txt is stale (-want +got):\n%s", diff)
	}
	t.Fatalf("nonce_blocklist.txt does not match testdata/words.gz and the grammar; regenerate it with\n\t%s", nonceRegenerate)
}

// nonceRule is a check on the inventory: bad describes the first unit that
// breaks it, or returns "".
type nonceRule struct {
	name   string
	bad    func() string
	reason string
}

func nonceEvery(units []string, ok func(string) bool) func() string {
	return func() string {
		for _, u := range units {
			if !ok(u) {
				return fmt.Sprintf("unit %q", u)
			}
		}
		return ""
	}
}

func nonceDistinctRules() []nonceRule {
	var rules []nonceRule
	for _, table := range []struct {
		name  string
		table *nonceTable
	}{
		{"onsets", &nonceOnsets}, {"vowels", &nonceVowels}, {"first-vowels", &nonceFirstVowels},
		{"clusters", &nonceClusters}, {"le", &nonceLe}, {"codas", &nonceCodas}, {"ends", &nonceEnds},
	} {
		distinct := func() string {
			sorted := slices.Sorted(slices.Values(table.table.units))
			for i := 1; i < len(sorted); i++ {
				if sorted[i] == sorted[i-1] {
					return fmt.Sprintf("unit %q twice", sorted[i])
				}
			}
			return ""
		}
		rules = append(rules, nonceRule{"distinct/" + table.name, distinct, "a duplicate unit would skew the weights"})
	}
	return rules
}

func TestNonceTables(t *testing.T) {
	consonants := regexp.MustCompile(`^[b-df-hj-np-tv-z]*$`)
	nonEmptyConsonants := regexp.MustCompile(`^[b-df-hj-np-tv-z]+$`)
	vowels := regexp.MustCompile(`^[aeiou]+$`)
	badEnd := regexp.MustCompile(`(s|x|z|y|f|o|ch|sh)$`)
	rules := []nonceRule{
		{"onsets/consonants", nonceEvery(nonceOnsets.units, consonants.MatchString),
			"a word must split into consonant and vowel runs in one way"},
		{"clusters/consonants", nonceEvery(nonceClusters.units, nonEmptyConsonants.MatchString),
			"a cluster must separate two vowels"},
		{"le/consonants", nonceEvery(nonceLe.units, func(u string) bool { return len(u) == 3 && consonants.MatchString(u) }),
			"an -le cluster has three consonants"},
		{"le/not-cluster", nonceEvery(nonceLe.units, func(u string) bool { return !slices.Contains(nonceClusters.units, u) }),
			`"zorple" must have one parse, as a -le ending or as a cluster and "e"`},
		{"codas/consonants", nonceEvery(nonceCodas.units, nonEmptyConsonants.MatchString),
			"a coda closes the word"},
		{"codas/plural", nonceEvery(nonceCodas.units, func(u string) bool { return !badEnd.MatchString(u) }),
			"a word must take plain -s and read back through english.Singular"},
		{"open-finals/plural", nonceEvery(nonceOpenFinals, func(u string) bool { return !badEnd.MatchString(u) }),
			"a word ending in a vowel must take plain -s"},
		{"vowels", nonceEvery(nonceVowels.units, vowels.MatchString), "a nucleus is vowels only"},
		{"first-vowels", nonceEvery(nonceFirstVowels.units, func(u string) bool { return slices.Contains([]string{"a", "e", "i", "o"}, u) }),
			`a word starting with u may read as "you", so its article would be unclear`},
		{"open-finals/vowels", nonceEvery(nonceOpenFinals, func(u string) bool { return slices.Contains(nonceVowels.units, u) }),
			"an open ending is one of the vowels"},
		{"no-qxy", nonceEvery(slices.Concat(nonceOnsets.units, nonceClusters.units, nonceLe.units, nonceCodas.units),
			func(u string) bool { return !strings.ContainsAny(u, "qxy") }),
			"q, x and y are left out: q needs u, x and y change the plural"},
	}
	for _, rule := range append(rules, nonceDistinctRules()...) {
		t.Run(rule.name, func(t *testing.T) {
			if bad := rule.bad(); bad != "" {
				t.Errorf("%s breaks the rule: %s", bad, rule.reason)
			}
		})
	}
}

// nonceSample draws per words (or names) from each of seeds PCG seeds.
func nonceSample(t testing.TB, seeds, per int, names bool) []string {
	t.Helper()
	draw := NonceWords
	if names {
		draw = NonceNames
	}
	var all []string
	for s := range uint64(seeds) {
		got, err := draw(rand.New(rand.NewPCG(s, 0x5eed)), per)
		if err != nil {
			t.Fatalf("seed %d: %v", s, err)
		}
		if len(got) != per {
			t.Fatalf("seed %d: got %d words, want %d", s, len(got), per)
		}
		all = append(all, got...)
	}
	return all
}

func TestNonceDeterministic(t *testing.T) {
	for _, draw := range []struct {
		name string
		f    func(*rand.Rand, int) ([]string, error)
	}{{"words", NonceWords}, {"names", NonceNames}} {
		t.Run(draw.name, func(t *testing.T) {
			lists := map[string]uint64{}
			for s := range uint64(200) {
				a, errA := draw.f(rand.New(rand.NewPCG(s, s)), 6)
				b, errB := draw.f(rand.New(rand.NewPCG(s, s)), 6)
				if errA != nil || errB != nil {
					t.Fatalf("seed %d: %v, %v", s, errA, errB)
				}
				if diff := cmp.Diff(a, b); diff != "" {
					t.Fatalf("seed %d drew different words on two runs (-first +second):\n%s", s, diff)
				}
				key := strings.Join(a, " ")
				if prev, dup := lists[key]; dup {
					t.Errorf("seeds %d and %d drew the same words %q", prev, s, a)
				}
				lists[key] = s
			}
		})
	}
}

func TestNonceDistinct(t *testing.T) {
	for _, names := range []bool{false, true} {
		all := nonceSample(t, 10, NonceMax, names)
		for call := range slices.Chunk(all, NonceMax) {
			seen := map[string]bool{}
			for _, w := range call {
				if lw := strings.ToLower(w); seen[lw] {
					t.Errorf("names=%v: %q drawn twice in one call", names, w)
				}
				seen[strings.ToLower(w)] = true
			}
		}
	}
}

func TestNonceShape(t *testing.T) {
	wordRE := regexp.MustCompile(`^[a-pr-wz]{3,9}$`)
	nameRE := regexp.MustCompile(`^[A-PR-WZ][a-pr-wz]{2,8}$`)
	// Endings english.Plural does not inflect with a plain "s", or whose
	// plural english.Singular reads back as another word.
	endings := []struct{ end, reason string }{
		{"s", `plural "-ses", and a final s reads as a plural`},
		{"x", `plural "-xes"`},
		{"z", `plural "-zes", read back as "-ze"`},
		{"ch", `plural "-ches"`},
		{"sh", `plural "-shes"`},
		{"y", `plural "-ies" after a consonant`},
		{"f", `English -f nouns often take "-ves"`},
		{"o", `English -o nouns may take "-oes"`},
	}
	words := nonceSample(t, 50, 1000, false)
	names := nonceSample(t, 50, 1000, true)
	for _, w := range words {
		if !wordRE.MatchString(w) || !nonceFits(w) {
			t.Errorf("word %q: want 3–9 letters a–z without q, x, y, spelled by the grammar", w)
		}
		for _, e := range endings {
			if strings.HasSuffix(w, e.end) {
				t.Errorf("word %q ends in %q: %s", w, e.end, e.reason)
			}
		}
	}
	for _, n := range names {
		if !nameRE.MatchString(n) || !nonceFits(strings.ToLower(n)) {
			t.Errorf("name %q: want a capitalised word of the grammar", n)
		}
	}
}

func TestNonceEnglish(t *testing.T) {
	words := nonceSample(t, 20, 500, false)
	names := nonceSample(t, 20, 500, true)
	for _, w := range words {
		pl := english.Plural(w)
		if pl != w+"s" || english.Singular(pl) != w {
			t.Errorf("Plural(%q) = %q, Singular of it %q; want %q and back", w, pl, english.Singular(pl), w+"s")
		}
		want := "a"
		if strings.ContainsRune("aeiou", rune(w[0])) {
			want = "an"
		}
		if got := english.Article(w); got != want {
			t.Errorf("Article(%q) = %q, want %q", w, got, want)
		}
	}
	s := logic.Statement{Q: logic.All, Subject: words[0], Predicate: words[1]}
	got, err := english.Render(s, english.AllAre)
	if want := "All " + words[0] + "s are " + words[1] + "s."; err != nil || got != want {
		t.Errorf("Render(%v, AllAre) = %q, %v; want %q", s, got, err, want)
	}
	for i, w := range words {
		v := words[(i+1)%len(words)]
		for _, q := range []logic.Quantifier{logic.All, logic.No, logic.Some, logic.SomeNot} {
			nonceRoundTrip(t, logic.Statement{Q: q, Subject: w, Predicate: v})
		}
	}
	for i, n := range names {
		for _, q := range []logic.Quantifier{logic.Is, logic.IsNot} {
			nonceRoundTrip(t, logic.Statement{Q: q, Subject: n, Predicate: words[i%len(words)]})
		}
	}
}

func nonceRoundTrip(t *testing.T, s logic.Statement) {
	t.Helper()
	for _, p := range english.Phrasings(s.Q) {
		out, err := english.Render(s, p)
		if err != nil {
			t.Errorf("Render(%v, %v): %v", s, p, err)
			continue
		}
		if got, err := english.Parse(out); err != nil || got != s {
			t.Errorf("Parse(%q) = %v, %v; want %v", out, got, err, s)
		}
	}
}

func TestNonceNotInDictionary(t *testing.T) {
	dict := loadNonceDictionary(t)
	words := nonceSample(t, 100, NonceMax, false)
	names := nonceSample(t, 100, NonceMax, true)
	for _, w := range words {
		if dict[w] || dict[w+"s"] {
			t.Errorf("word %q or its plural is in testdata/words.gz", w)
		}
	}
	for _, n := range names {
		if lw := strings.ToLower(n); dict[lw] || dict[lw+"s"] {
			t.Errorf("name %q is in testdata/words.gz", n)
		}
	}
	t.Logf("%d words and %d names checked against %d dictionary words", len(words), len(names), len(dict))
}

func TestNonceFits(t *testing.T) {
	// Every blocked word is one the grammar spells, so the draw would
	// otherwise return it; and the examples from the brief read as nonce.
	for _, w := range nonceBlocklist {
		if !nonceFits(w) {
			t.Errorf("blocked word %q is not spelled by the grammar", w)
		}
	}
	for _, tc := range []struct {
		w      string
		fits   bool
		reason string
	}{
		{"zorple", true, "z-o-rpl-e: a syllabic -le ending"},
		{"blicket", true, "bl-i-ck-e-t"},
		{"fep", true, "f-e-p"},
		{"dax", false, "x is not a coda"},
		{"wumpus", false, "a word may not end in s"},
		{"umpet", false, "a word may not start with u"},
		{"zoock", false, "ck only after a short vowel"},
		{"zo", false, "too short"},
		{"blickblickb", false, "too long"},
		{"zorpo", false, "a word may not end in o"},
		{"Zorp", false, "upper case is for names only"},
	} {
		if got := nonceFits(tc.w); got != tc.fits {
			t.Errorf("nonceFits(%q) = %v, want %v: %s", tc.w, got, tc.fits, tc.reason)
		}
	}
}

// nonceCounts returns how many distinct words the grammar spells, by
// number of syllables, before blocking. Every word has one parse (see
// TestNonceTables), so counting parses counts words.
func nonceCounts() [4]int64 {
	type state struct {
		n     int    // letters so far
		vowel string // the last vowel
	}
	var counts [4]int64
	layer := map[state]int64{}
	for _, o := range nonceOnsets.units {
		vs := nonceVowels.units
		if o == "" {
			vs = nonceFirstVowels.units
		}
		for _, v := range vs {
			layer[state{len(o) + len(v), v}]++
		}
	}
	end := func(k int, layer map[state]int64) {
		for st, c := range layer {
			ends := nonceCodas.after(len(st.vowel) > 1).units
			if slices.Contains(nonceOpenFinals, st.vowel) {
				ends = nonceEnds.after(len(st.vowel) > 1).units
			}
			for _, e := range ends {
				if n := st.n + len(e); n >= nonceMinLen && n <= nonceMaxLen {
					counts[k] += c
				}
			}
		}
	}
	for k := 1; k <= 3; k++ {
		end(k, layer)
		next := map[state]int64{}
		for st, c := range layer {
			long := len(st.vowel) > 1
			for _, l := range nonceLe.after(long).units {
				if n := st.n + len(l) + 1; n <= nonceMaxLen && k < 3 {
					counts[k+1] += c
				}
			}
			for _, j := range nonceClusters.after(long).units {
				for _, v := range nonceVowels.units {
					if n := st.n + len(j) + len(v); n <= nonceMaxLen {
						next[state{n, v}] += c
					}
				}
			}
		}
		layer = next
	}
	return counts
}

func TestNonceInventory(t *testing.T) {
	counts := nonceCounts()
	total := counts[1] + counts[2] + counts[3]
	t.Logf("grammar spells %d words (1 syllable %d, 2: %d, 3: %d); %d blocked",
		total, counts[1], counts[2], counts[3], len(nonceBlocklist))
	if total-int64(len(nonceBlocklist)) < 100*NonceMax {
		t.Errorf("only %d words to draw from; NonceMax = %d needs far more", total, NonceMax)
	}
	if testing.Short() {
		return
	}
	// Check the counts of short words against brute force: every
	// combination of units that the parser accepts.
	var brute [3]int64
	for _, o := range nonceOnsets.units {
		for _, v := range nonceVowels.units {
			for _, e := range nonceEnds.units {
				if nonceFits(o + v + e) {
					brute[1]++
				}
			}
			for _, l := range nonceLe.units {
				if nonceFits(o + v + l + "e") {
					brute[2]++
				}
			}
			for _, j := range nonceClusters.units {
				for _, v2 := range nonceVowels.units {
					for _, e := range nonceEnds.units {
						if nonceFits(o + v + j + v2 + e) {
							brute[2]++
						}
					}
				}
			}
		}
	}
	if brute[1] != counts[1] || brute[2] != counts[2] {
		t.Errorf("words of 1 and 2 syllables: counted %d and %d, enumerated %d and %d",
			counts[1], counts[2], brute[1], brute[2])
	}
}

func TestNonceErrors(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{0, -1} {
		if got, err := NonceWords(r, n); got != nil || err != nil {
			t.Errorf("NonceWords(r, %d) = %q, %v; want nil, nil", n, got, err)
		}
	}
	if _, err := NonceWords(r, NonceMax+1); !errors.Is(err, ErrNonceCount) {
		t.Errorf("NonceWords(r, NonceMax+1) error %v, want ErrNonceCount", err)
	}
	if _, err := NonceNames(nil, 3); !errors.Is(err, ErrNonceSource) {
		t.Errorf("NonceNames(nil, 3) error %v, want ErrNonceSource", err)
	}
	// A stuck source draws one candidate over and over: an error, not a hang.
	for _, x := range []uint64{0, 1 << 63, ^uint64(0)} {
		if got, err := NonceWords(rand.New(nonceConstSource(x)), 2); !errors.Is(err, ErrNonceSource) {
			t.Errorf("constant source %#x: got %q, %v; want ErrNonceSource", x, got, err)
		}
	}
}

type nonceConstSource uint64

func (s nonceConstSource) Uint64() uint64 { return uint64(s) }

// FuzzNonceWords seeds a PCG with the fuzzed integers, so a failing input
// replays exactly and the corpus stays readable.
func FuzzNonceWords(f *testing.F) {
	f.Add(uint64(1), uint64(2), uint16(5), false)
	f.Add(uint64(0), uint64(0), uint16(NonceMax), true)
	f.Add(uint64(7), uint64(49), uint16(NonceMax+1), false)
	dict := loadNonceDictionary(f)
	f.Fuzz(func(t *testing.T, seed1, seed2 uint64, count uint16, names bool) {
		n := int(count)
		draw := NonceWords
		if names {
			draw = NonceNames
		}
		got, err := draw(rand.New(rand.NewPCG(seed1, seed2)), n)
		if n > NonceMax {
			if !errors.Is(err, ErrNonceCount) {
				t.Fatalf("n = %d: error %v, want ErrNonceCount", n, err)
			}
			return
		}
		if err != nil || len(got) != n {
			t.Fatalf("n = %d: got %d words, %v", n, len(got), err)
		}
		again, _ := draw(rand.New(rand.NewPCG(seed1, seed2)), n)
		if !slices.Equal(got, again) {
			t.Fatalf("same seed, different words: %q, %q", got, again)
		}
		seen := map[string]bool{}
		for _, w := range got {
			lw := strings.ToLower(w)
			if seen[lw] || !nonceFits(lw) || !nonceUsable(lw) || dict[lw] || dict[lw+"s"] {
				t.Fatalf("%q: repeated, outside the grammar, blocked or in the dictionary", w)
			}
			seen[lw] = true
			if names != (lw != w) {
				t.Fatalf("%q: names = %v, wrong case", w, names)
			}
		}
	})
}

func BenchmarkNonceWords(b *testing.B) {
	for _, n := range []int{10, NonceMax} {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			r := rand.New(rand.NewPCG(1, 2))
			for b.Loop() {
				if _, err := NonceWords(r, n); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/word")
		})
	}
}

func ExampleNonceWords() {
	r := rand.New(rand.NewPCG(7, 2))
	words, err := NonceWords(r, 6)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, w := range words {
		fmt.Println(english.Article(w), w, "/", english.Plural(w))
	}
	s, _ := english.RenderDefault(logic.Statement{Q: logic.All, Subject: words[0], Predicate: words[1]})
	fmt.Println(s)
	// Output:
	// a thangle / thangles
	// a bespurble / bespurbles
	// a rupab / rupabs
	// a ralubrib / ralubribs
	// a glak / glaks
	// a winulk / winulks
	// All thangles are bespurbles.
}

func ExampleNonceNames() {
	names, err := NonceNames(rand.New(rand.NewPCG(7, 2)), 4)
	fmt.Println(names, err)
	// Output:
	// [Thangle Bespurble Troomble Moorp] <nil>
}
