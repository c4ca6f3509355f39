package lexicon

// Tests of what nonce words must not be: offensive, English, or a word of
// the default taxonomy. The shape and determinism tests are in
// nonce_test.go.

import (
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
)

// nonceDraws is how many words and names, together, the tests below draw:
// half words, half names, 1000 a seed.
func nonceDraws(t *testing.T) int {
	if testing.Short() {
		return 50_000
	}
	return 500_000
}

var nonceOffensiveList = sync.OnceValue(func() []string { return nonceParseList(nonceOffensiveText) })

// nonceOffensiveOracle returns the first entry of nonce_offensive.txt that
// s contains, by a plain scan: the oracle for the indexed matcher.
func nonceOffensiveOracle(s string) string {
	for _, bad := range nonceOffensiveList() {
		if strings.Contains(s, bad) {
			return bad
		}
	}
	return ""
}

func TestNonceOffensiveFile(t *testing.T) {
	entry := regexp.MustCompile(`^[a-z]{3,}$`)
	var entries []string
	for n, line := range strings.Split(strings.TrimSuffix(nonceOffensiveText, "\n"), "\n") {
		body, comment, hasComment := strings.Cut(line, "#")
		f := strings.Fields(body)
		switch {
		case len(f) == 0 && hasComment:
			continue // a comment line
		case len(f) != 1:
			t.Errorf("nonce_offensive.txt line %d: %q: want one entry and an optional # comment", n+1, line)
			continue
		case !entry.MatchString(f[0]):
			t.Errorf("nonce_offensive.txt line %d: %q: an entry is 3 or more letters a-z", n+1, f[0])
		case !hasComment || strings.TrimSpace(comment) == "":
			t.Errorf("nonce_offensive.txt line %d: %q has no comment saying why it is listed", n+1, f[0])
		}
		entries = append(entries, f[0])
	}
	for i := 1; i < len(entries); i++ {
		if entries[i-1] >= entries[i] {
			t.Errorf("nonce_offensive.txt: %q before %q: entries must be sorted and distinct", entries[i-1], entries[i])
		}
	}
	if got := nonceParseList(nonceOffensiveText); !slices.Equal(got, entries) {
		t.Errorf("nonceParseList reads %d entries, the line check %d", len(got), len(entries))
	}
	// Every entry is found by the matcher, alone and inside a word.
	for _, e := range entries {
		for _, w := range []string{e, "b" + e, e + "s", "ob" + e + "ik"} {
			if got := nonceOffensive().find([]byte(w)); got == "" {
				t.Errorf("matcher misses %q in %q", e, w)
			}
		}
	}
	t.Logf("%d offensive strings", len(entries))
}

// TestNonceOffensiveRejected checks candidates the grammar can spell and
// that must never be drawn: the review found each of the first group in
// 500,000 draws, before nonce_offensive.txt.
func TestNonceOffensiveRejected(t *testing.T) {
	for _, tc := range []struct{ w, bad string }{
		// Found as whole words or names.
		{"jap", "jap"}, {"wop", "wop"}, {"wog", "wog"}, {"spick", "spic"},
		{"gimp", "gimp"}, {"boong", "boong"}, {"poon", "poon"},
		{"skank", "skank"}, {"paki", "paki"},
		// Found as substrings.
		{"padick", "dick"}, {"guporn", "porn"},
		// Short strings a random draw easily spells.
		{"nig", "nig"}, {"nip", "nip"}, {"abot", "abo"}, {"fag", "fag"}, {"tit", "tit"},
		{"poom", "poo"}, {"kum", "kum"}, {"kok", "kok"}, {"bum", "bum"}, {"leze", "lez"},
		// Inside longer words.
		{"shitob", "shit"}, {"bafuck", "fuck"}, {"zokunte", "kunt"}, {"twatin", "twat"},
		{"dokoonid", "koon"}, {"gimong", "mong"}, {"shomoli", "homo"}, {"brapeld", "rape"},
		{"skafart", "fart"}, {"kranal", "anal"}, {"wobooble", "boob"}, {"fruturd", "turd"},
		{"slutrin", "slut"}, {"dogook", "gook"}, {"akrapun", "krap"}, {"retardik", "retard"},
		{"spazim", "spaz"}, {"benazi", "nazi"}, {"chinkle", "chink"}, {"godagop", "dago"},
		{"shoreb", "hore"}, {"wankel", "wank"}, {"dikeld", "dike"},
		// Only the plural: "anus" and "penis" are word + "s".
		{"anu", "anus"}, {"peni", "penis"}, {"tranu", "anus"},
	} {
		if !nonceFits(tc.w) {
			t.Errorf("%q: the grammar cannot spell it, so the case tests nothing", tc.w)
		}
		if nonceUsable(tc.w) {
			t.Errorf("nonceUsable(%q) = true; want it rejected for %q", tc.w, tc.bad)
		}
		if got := nonceOffensive().find([]byte(tc.w + "s")); got == "" || !strings.Contains(tc.w+"s", got) {
			t.Errorf("matcher finds %q in %q; want an offensive string such as %q", got, tc.w+"s", tc.bad)
		}
		if got := nonceOffensiveOracle(tc.w + "s"); got == "" {
			t.Errorf("%q (or its plural) contains no string of nonce_offensive.txt; want %q", tc.w, tc.bad)
		}
	}
}

// TestNonceMatcher checks the indexed matcher against a plain scan over
// raw candidates of the grammar, before any filtering, and their plurals.
func TestNonceMatcher(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 5))
	hits := 0
	for range 200_000 {
		w := nonceDraw(r, &nonceWordSyllables) + "s"
		got, want := nonceOffensive().find([]byte(w)), nonceOffensiveOracle(w)
		if (got == "") != (want == "") || got != "" && !strings.Contains(w, got) {
			t.Fatalf("find(%q) = %q, a plain scan finds %q", w, got, want)
		}
		if got != "" {
			hits++
		}
	}
	if hits == 0 {
		t.Fatal("no raw candidate contains an offensive string, so the test checks nothing")
	}
	t.Logf("%d of 200000 raw candidates contain an offensive string", hits)
}

// TestNonceOffensiveDraws draws 500,000 words and names over many seeds
// and checks each, lower-cased, and its plural against every string of
// nonce_offensive.txt.
func TestNonceOffensiveDraws(t *testing.T) {
	seeds := nonceDraws(t) / 2 / NonceMax
	for _, names := range []bool{false, true} {
		for _, w := range nonceSample(t, seeds, NonceMax, names) {
			lw := strings.ToLower(w)
			if bad := nonceOffensiveOracle(lw + "s"); bad != "" {
				t.Errorf("names=%v: drew %q, whose plural %q contains %q", names, w, lw+"s", bad)
			}
		}
	}
}

// nonceTaxonomyOracle returns, lower case, every category singular and
// plural and individual name of the default taxonomy, and each word of
// them.
func nonceTaxonomyOracle() map[string]string {
	set := map[string]string{}
	add := func(term, what string) {
		for _, w := range append(strings.Fields(term), term) {
			set[strings.ToLower(w)] = what
		}
	}
	t := Default()
	for _, c := range t.Categories() {
		add(c.Singular, "category "+c.Singular)
		add(c.Plural, "category "+c.Singular)
	}
	for _, ind := range t.Individuals() {
		add(ind.Name, "individual "+ind.Name)
	}
	return set
}

// TestNonceTaxonomyRejected checks that every word of the default
// taxonomy that the grammar can spell is rejected, among them the words
// the review drew.
func TestNonceTaxonomyRejected(t *testing.T) {
	oracle := nonceTaxonomyOracle()
	spellable := 0
	for w, what := range oracle {
		if !nonceFits(w) {
			continue
		}
		spellable++
		if nonceUsable(w) {
			t.Errorf("nonceUsable(%q) = true; want it rejected: a word of %s", w, what)
		}
	}
	// The review drew these; each was a word of the taxonomy then. If the
	// taxonomy drops one, it may be drawn again, and that is fine.
	for _, w := range []string{"arkle", "morel", "pika", "simba", "shamu"} {
		if !nonceFits(w) {
			t.Errorf("%q: the grammar cannot spell it", w)
		}
		if what, ok := oracle[w]; ok && nonceUsable(w) {
			t.Errorf("nonceUsable(%q) = true; want it rejected: a word of %s", w, what)
		} else if !ok {
			t.Logf("%q is no longer a word of the taxonomy", w)
		}
	}
	if spellable == 0 {
		t.Fatal("no word of the taxonomy is spelled by the grammar, so the test checks nothing")
	}
	t.Logf("%d of %d taxonomy words are spelled by the grammar; all rejected", spellable, len(oracle))
}

// TestNonceTaxonomyDraws checks many draws against the default taxonomy,
// folding case: no word or name, nor its plural, is a category's singular
// or plural, a word of one, or a word of an individual's name.
func TestNonceTaxonomyDraws(t *testing.T) {
	oracle := nonceTaxonomyOracle()
	seeds := nonceDraws(t) / 2 / NonceMax
	for _, names := range []bool{false, true} {
		for _, w := range nonceSample(t, seeds, NonceMax, names) {
			lw := strings.ToLower(w)
			for _, form := range []string{lw, lw + "s"} {
				if what, ok := oracle[form]; ok {
					t.Errorf("names=%v: drew %q: %q is a word of %s", names, w, form, what)
				}
			}
		}
	}
}

// TestNonceDictionaryCoverage checks that the dictionary is the large
// SCOWL list: the review found these real words, all spelled by the
// grammar, in draws checked only against the size-50 list.
func TestNonceDictionaryCoverage(t *testing.T) {
	dict := loadNonceDictionary(t)
	if len(dict) < 400_000 {
		t.Errorf("testdata/words.gz has %d words; want the wamerican-insane list (490,402)", len(dict))
	}
	for _, w := range []string{
		"ick", "ska", "git", "zig", "rad", "pleb", "zag", "glom", "prat",
		"wonk", "chub", "grump", "busking", "nori", "soba",
	} {
		if !nonceFits(w) {
			t.Errorf("%q: the grammar cannot spell it", w)
		}
		if !dict[w] {
			t.Errorf("%q is not in testdata/words.gz", w)
		}
		if nonceUsable(w) {
			t.Errorf("nonceUsable(%q) = true; want it blocked as an English word", w)
		}
	}
}
