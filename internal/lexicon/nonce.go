package lexicon

import (
	_ "embed"
	"errors"
	"fmt"
	"math/bits"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/syllobench/syllobench/internal/english"
)

// NonceMax is the most words or names one call of [NonceWords] or
// [NonceNames] returns.
const NonceMax = 1000

var (
	// ErrNonceCount means a call asked for more than [NonceMax] words.
	ErrNonceCount = errors.New("too many nonce words requested")
	// ErrNonceSource means the random source was nil or kept repeating
	// itself, so it did not yield enough distinct words.
	ErrNonceSource = errors.New("random source does not yield distinct nonce words")
)

// NonceWords returns n distinct nonsense nouns (singular, lower case)
// drawn by r, such as "zorple", "blicket" or "fep", for the content of a
// form that must not lean on knowledge of the world.
//
// A word has 1 to 3 syllables and 3 to 9 letters, a–z but not q, x or y:
//
//	word = (onset vowel | first-vowel) (cluster vowel){0,2} (coda | open)
//	     | (onset vowel | first-vowel) (cluster vowel){0,1} le-cluster "e"
//
// where each part is drawn from a fixed, weighted inventory: vowels are
// a, e, i, o, u, ee, oo; a first-vowel, starting a word, is a, e, i or o;
// a cluster has at most two consonants; -le follows three ("zorple"); and
// an open ending is nothing after a, e, i, u or ee. A word never ends in s, x, z, y,
// f, o, ch or sh, so its plural is the word + "s", [english.Singular]
// reads the plural back, and [english.Article] gives "an" exactly when the
// word starts with a vowel. No word, and no plural of a word, is in the
// Debian wamerican-insane (SCOWL) word list; no word or plural contains a
// string of nonce_offensive.txt (slurs, vulgar, sexual and scatological
// words); no word is a keyword of package english; and no word or plural
// equals, folding case, a word of a category term or of an individual's
// name in [Default].
//
// The words depend only on the stream of r.Uint64, so the same generator
// state gives the same words on every platform. n <= 0 returns nil; n
// larger than [NonceMax] fails with [ErrNonceCount]; a nil r, or one whose
// stream does not yield n distinct words in 64n+256 draws, fails with
// [ErrNonceSource].
func NonceWords(r *rand.Rand, n int) ([]string, error) {
	return nonceDrawMany(r, n, &nonceWordSyllables, false)
}

// NonceNames returns n distinct capitalised nonsense names for individuals
// ("Zorp", "Blick"), drawn by r. A name is a word as in [NonceWords],
// capitalised, and shorter on average; it is one token that
// [english.Render] accepts as a name. The rules for n, r and errors are
// those of [NonceWords]. A name may equal, folding case, a word from a
// separate call of [NonceWords].
func NonceNames(r *rand.Rand, n int) ([]string, error) {
	return nonceDrawMany(r, n, &nonceNameSyllables, true)
}

func nonceDrawMany(r *rand.Rand, n int, syllables *nonceTable, capitalise bool) ([]string, error) {
	switch {
	case n <= 0:
		return nil, nil
	case n > NonceMax:
		return nil, fmt.Errorf("drawing %d nonce words (at most %d): %w", n, NonceMax, ErrNonceCount)
	case r == nil:
		return nil, fmt.Errorf("drawing %d nonce words from a nil *rand.Rand: %w", n, ErrNonceSource)
	}
	out := make([]string, 0, n)
	var seen map[string]bool // for large n; a scan of out is faster for small
	if n > 64 {
		seen = make(map[string]bool, n)
	}
	budget := 64*n + 256
	for draws := 0; len(out) < n; draws++ {
		if draws == budget {
			return nil, fmt.Errorf("drawing %d nonce words: only %d distinct in %d draws: %w",
				n, len(out), budget, ErrNonceSource)
		}
		w := nonceDraw(r, syllables)
		if !nonceUsable(w) {
			continue
		}
		if capitalise {
			w = strings.ToUpper(w[:1]) + w[1:]
		}
		if seen[w] || seen == nil && slices.Contains(out, w) {
			continue
		}
		if seen != nil {
			seen[w] = true
		}
		out = append(out, w)
	}
	return out, nil
}

// nonceDraw builds one candidate: onset, vowel, then for every further
// syllable a cluster and a vowel, then a coda or an open ending. A
// candidate may be too short or too long; [nonceUsable] judges it.
func nonceDraw(r *rand.Rand, syllables *nonceTable) string {
	var buf [32]byte
	w := buf[:0]
	k := int(syllables.pick(r)[0] - '0')
	onset := nonceOnsets.pick(r)
	vowels := &nonceVowels
	if onset == "" {
		vowels = &nonceFirstVowels
	}
	vowel := vowels.pick(r)
	w = append(append(w, onset...), vowel...)
	for i := 2; i <= k; i++ {
		long := len(vowel) > 1
		if i == k && nonceIntN(r, nonceLeOdds) == 0 {
			// A final syllabic -le after a three-consonant cluster: "zorple".
			return string(append(append(w, nonceLe.after(long).pick(r)...), 'e'))
		}
		vowel = nonceVowels.pick(r)
		w = append(append(w, nonceClusters.after(long).pick(r)...), vowel...)
	}
	long := len(vowel) > 1
	if slices.Contains(nonceOpenFinals, vowel) {
		return string(append(w, nonceEnds.after(long).pick(r)...))
	}
	return string(append(w, nonceCodas.after(long).pick(r)...))
}

// nonceUsable reports whether a candidate, in lower case, has the allowed
// length and is not blocked: an English word, a word whose plural is
// English, a word or plural with an offensive string, a keyword of package
// english, a word of the default taxonomy, or a word whose plural or
// article would come out irregular.
func nonceUsable(w string) bool {
	if len(w) < nonceMinLen || len(w) > nonceMaxLen {
		return false
	}
	if _, found := nonceBlockset()[w]; found {
		return false
	}
	var buf [nonceMaxLen + 1]byte
	plural := append(append(buf[:0], w...), 's') // w + "s", not allocated
	if nonceOffensive().find(plural) != "" {     // every substring of w is one of plural
		return false
	}
	if slices.Contains(nonceReserved, w) {
		return false
	}
	if taken := nonceTaxonomyWords(); taken[w] || taken[string(plural)] {
		return false
	}
	// These hold by construction; checked so that a change to package
	// english cannot make a word irregular unnoticed.
	natural := "a"
	if strings.IndexByte("aeiou", w[0]) >= 0 {
		natural = "an"
	}
	pl := english.Plural(w)
	return pl == w+"s" && english.Singular(pl) == w && english.Article(w) == natural
}

// nonceIntN returns a number in [0, n) from one r.Uint64, by the high word
// of a 64×64-bit product. Unlike r.IntN it depends only on the source's
// stream, which PCG fixes; the bias, n/2⁶⁴, is immaterial here.
func nonceIntN(r *rand.Rand, n int) int {
	hi, _ := bits.Mul64(r.Uint64(), uint64(n))
	return int(hi)
}

const (
	nonceMinLen = 3
	nonceMaxLen = 9
	// nonceLeOdds: one final syllable in nonceLeOdds is a syllabic -le.
	nonceLeOdds = 6
)

// nonceOpenFinals are the vowels a word may end in.
var nonceOpenFinals = []string{"a", "e", "i", "u", "ee"}

// The inventory. Each unit carries a weight: common sounds are drawn more
// often, so words look like "blicket" more than "twoomb". Consonant units
// never hold a vowel and vowel units hold only vowels, so a word splits
// into its units in exactly one way.
var (
	nonceWordSyllables = nonceParseTable("1:3 2:5 3:2")
	nonceNameSyllables = nonceParseTable("1:5 2:4 3:1")

	// nonceOnsets begin a word; "" (weight 4) starts it with a vowel.
	nonceOnsets = nonceParseTable(`:4
		b:3 d:3 f:2 g:3 h:2 j:2 k:3 l:2 m:3 n:2 p:3 r:2 s:2 t:3 v:2 w:2 z:2
		bl:2 br:1 ch:1 dr:1 fl:1 fr:1 gl:2 gr:1 kl:1 kr:1 pl:2 pr:1 sh:1
		sk:1 sl:1 sm:1 sn:1 sp:1 st:1 sw:1 th:1 tr:1 tw:1`)
	nonceVowels = nonceParseTable("a:4 e:3 i:4 o:3 u:3 ee:1 oo:1")
	// nonceFirstVowels start a word with no onset. Not u, which English
	// spelling often reads as "you" ("a usage"), so the article would be
	// unclear.
	nonceFirstVowels = nonceParseTable("a:2 e:1 i:2 o:1")
	// nonceClusters join two vowels: at most two consonants.
	nonceClusters = nonceParseTable(`
		b:5 d:5 f:2 g:4 k:5 l:5 m:5 n:5 p:5 r:5 s:3 t:5 v:3 z:2
		ck:2 mb:1 mp:1 nd:1 nk:1 nt:1 ld:1 lk:1 lp:1 lt:1
		rb:1 rd:1 rg:1 rk:1 rm:1 rn:1 rp:1 rt:1 sk:1 sp:1 st:1
		bl:1 br:1 dr:1 fl:1 gl:1 gr:1 kl:1 kr:1 pl:1 pr:1 tr:1`)
	// nonceLe are the clusters before a final syllabic -le; none is in
	// nonceClusters, so "zorple" has one parse.
	nonceLe = nonceParseTable("ckl:1 mbl:1 mpl:1 ndl:1 ngl:1 nkl:1 rbl:1 rkl:1 rpl:1 rtl:1")
	// nonceCodas end a word; none ends in s, x, z, y, f, ch or sh.
	nonceCodas = nonceParseTable(`
		b:2 d:2 g:2 k:2 l:2 m:2 n:2 p:2 r:2 t:2 ck:2
		ft:1 ld:1 lk:1 lp:1 lt:1 mp:1 nd:1 ng:1 nk:1 nt:1
		rb:1 rd:1 rg:1 rk:1 rm:1 rn:1 rp:1 rt:1 sk:1 st:1`)
	// nonceEnds are nonceCodas and the open ending "", after a vowel of
	// nonceOpenFinals.
	nonceEnds = nonceParseTable(":8 " + nonceCodas.spec)
)

// nonceOffensiveText is the list of strings that no word or name, nor its
// plural, may contain: slurs and vulgar, sexual and scatological words.
// Its header says what belongs there; TestNonceOffensiveFile checks its
// format.
//
//go:embed nonce_offensive.txt
var nonceOffensiveText string

// nonceOffensive is nonceOffensiveText as a matcher, built on first use.
var nonceOffensive = sync.OnceValue(func() *nonceMatcher {
	return newNonceMatcher(nonceParseList(nonceOffensiveText))
})

// nonceMatcher finds any of a set of strings, each of at least three
// letters a–z, in a word. It indexes the strings by their first three
// letters, so a search costs an array look-up for each position of the
// word and a comparison for each string that starts with the three
// letters there.
type nonceMatcher struct {
	// index[trigram] is 1 + the position in buckets of the strings that
	// start with the trigram, or 0 if none does.
	index   [26 * 26 * 26]uint16
	buckets [][]string
}

func newNonceMatcher(list []string) *nonceMatcher {
	m := new(nonceMatcher)
	for _, s := range list {
		t, ok := nonceTrigram(s)
		if !ok {
			panic(fmt.Sprintf("lexicon: offensive string %q is not 3 or more letters a-z", s))
		}
		if m.index[t] == 0 {
			m.buckets = append(m.buckets, nil)
			m.index[t] = uint16(len(m.buckets))
		}
		b := &m.buckets[m.index[t]-1]
		*b = append(*b, s)
	}
	return m
}

// nonceTrigram returns the index of the first three letters of s, and
// false if s is shorter or one of them is not in a–z.
func nonceTrigram[S string | []byte](s S) (int, bool) {
	if len(s) < 3 {
		return 0, false
	}
	t := 0
	for i := range 3 {
		c := s[i] - 'a'
		if c >= 26 {
			return 0, false
		}
		t = 26*t + int(c)
	}
	return t, true
}

// find returns a listed string that w contains, or "" if none. Positions
// where w has a byte outside a–z start no match.
func (m *nonceMatcher) find(w []byte) string {
	for i := 0; i+3 <= len(w); i++ {
		t, ok := nonceTrigram(w[i:])
		if !ok || m.index[t] == 0 {
			continue
		}
		for _, s := range m.buckets[m.index[t]-1] {
			if len(w)-i >= len(s) && string(w[i:i+len(s)]) == s {
				return s
			}
		}
	}
	return ""
}

// nonceTaxonomyWords is the set of words, in lower case, that no nonce
// word or plural may equal: every word of every category's singular and
// plural and of every individual's name in [Default], and each of those
// terms and names with the characters other than letters dropped
// ("T-bone" gives "t", "bone" and "tbone"). Built once, on first use.
var nonceTaxonomyWords = sync.OnceValue(func() map[string]bool {
	t := Default()
	var terms []string
	for _, c := range t.Categories() {
		terms = append(terms, c.Singular, c.Plural)
	}
	for _, ind := range t.Individuals() {
		terms = append(terms, ind.Name)
	}
	set := make(map[string]bool, 2*len(terms))
	notLetter := func(r rune) bool { return r < 'a' || r > 'z' }
	for _, term := range terms {
		term = strings.ToLower(term)
		for _, w := range strings.FieldsFunc(term, notLetter) {
			set[w] = true
		}
		set[strings.Join(strings.FieldsFunc(term, notLetter), "")] = true
	}
	return set
})

// nonceReserved are the keywords of package english, which may not be
// terms or names. They are all English words and blocked anyway.
var nonceReserved = []string{
	"a", "all", "an", "are", "at", "each", "every", "is", "no", "none", "not", "some",
}

// nonceBlocklistText is every word of the dictionary that the inventory
// can spell, and every spellable word whose plural is in the dictionary,
// sorted. TestNonceBlocklist derives it from testdata/words.gz and checks
// it is current.
//
//go:embed nonce_blocklist.txt
var nonceBlocklistText string

var nonceBlocklist = nonceParseList(nonceBlocklistText)

// nonceBlockset is nonceBlocklist as a set, built on first use: a hash
// look-up is several times faster than a binary search of its 30,000-odd
// words.
var nonceBlockset = sync.OnceValue(func() map[string]struct{} {
	set := make(map[string]struct{}, len(nonceBlocklist))
	for _, w := range nonceBlocklist {
		set[w] = struct{}{}
	}
	return set
})

// nonceParseList returns the entries of an embedded list: the first field
// of each line, where "#" starts a comment and blank lines are skipped.
func nonceParseList(text string) []string {
	var out []string
	for line := range strings.Lines(text) {
		line, _, _ = strings.Cut(line, "#")
		line = strings.TrimSpace(line)
		if i := strings.IndexAny(line, " \t"); i >= 0 {
			line = line[:i]
		}
		if line != "" {
			out = append(out, line)
		}
	}
	return out
}

// nonceTable is a weighted list of units. after(long) gives the table to
// draw from after a vowel: after a long vowel (ee, oo) units with c
// ("ck") are left out.
type nonceTable struct {
	spec  string
	units []string
	cum   []int // cum[i] is the total weight of units[:i+1]
	short *nonceTable
}

// nonceParseTable reads "unit:weight" fields. It panics on a malformed
// spec, a programmer error in the tables above.
func nonceParseTable(spec string) nonceTable {
	t := nonceTable{spec: strings.Join(strings.Fields(spec), " ")}
	var noC []string
	for _, f := range strings.Fields(spec) {
		unit, weight, ok := strings.Cut(f, ":")
		n, err := strconv.Atoi(weight)
		if !ok || err != nil || n <= 0 {
			panic(fmt.Sprintf("lexicon: bad nonce unit %q in %q", f, spec))
		}
		t.add(unit, n)
		if !strings.Contains(unit, "c") {
			noC = append(noC, f)
		}
	}
	if len(noC) < len(t.units) {
		short := nonceParseTable(strings.Join(noC, " "))
		t.short = &short
	}
	return t
}

func (t *nonceTable) add(unit string, weight int) {
	total := weight
	if len(t.cum) > 0 {
		total += t.cum[len(t.cum)-1]
	}
	t.units = append(t.units, unit)
	t.cum = append(t.cum, total)
}

func (t *nonceTable) after(long bool) *nonceTable {
	if long && t.short != nil {
		return t.short
	}
	return t
}

func (t *nonceTable) pick(r *rand.Rand) string {
	x := nonceIntN(r, t.cum[len(t.cum)-1])
	i, _ := slices.BinarySearch(t.cum, x+1) // the first i with cum[i] > x
	return t.units[i]
}
