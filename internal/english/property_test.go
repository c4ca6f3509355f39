package english

import (
	"errors"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/syllobench/syllobench/internal/logic"
)

func TestPropertyTerms(t *testing.T) {
	tests := []struct {
		term       string
		isProperty bool
		phrase     string
		reason     string
	}{
		{Property("run on batteries"), true, "run on batteries", "Property puts the marker before the phrase"},
		{"~can fly", true, "can fly", "the marker is the whole representation"},
		{Property(""), true, "", "an empty phrase is a property, though not a valid one"},
		{"dog", false, "", "a noun term"},
		{"run", false, "", "a verb without the marker is a noun term"},
		{"A", false, "", "a letter term"},
		{" ~fly", false, "", "the marker must come first"},
	}
	for _, tt := range tests {
		phrase, ok := PropertyPhrase(tt.term)
		if IsProperty(tt.term) != tt.isProperty || ok != tt.isProperty || phrase != tt.phrase {
			t.Errorf("IsProperty(%q) = %v, PropertyPhrase = %q, %v; want %v, %q (%s)",
				tt.term, IsProperty(tt.term), phrase, ok, tt.isProperty, tt.phrase, tt.reason)
		}
	}
	if got := Property("fly"); got != PropertyMarker+"fly" || strings.ContainsAny(PropertyMarker, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-' ") {
		t.Errorf("Property(fly) = %q; the marker %q must be a character no noun term has", got, PropertyMarker)
	}
	if why := termProblem(Property("fly")); why == "" {
		t.Errorf("a property is a valid noun term; the marker must make it invalid")
	}
}

// TestVerbsMatchEnglish checks PropertyVerbs and ThirdPerson against the
// hand-written oracle testdata/verbs.txt, and that no form is listed
// twice or is both a base form and a third person form.
func TestVerbsMatchEnglish(t *testing.T) {
	var bases []string
	seen := map[string]string{}
	for _, v := range knownVerbs() {
		bases = append(bases, v.base)
		if got := ThirdPerson(v.base); got != v.third {
			t.Errorf("ThirdPerson(%q) = %q, want %q", v.base, got, v.third)
		}
		for _, w := range []string{v.base, v.third} {
			if prev, ok := seen[w]; ok {
				t.Errorf("%q is a form of %q and of %q", w, prev, v.base)
			}
			seen[w] = v.base
		}
	}
	slices.Sort(bases)
	if got := PropertyVerbs(); !slices.Equal(got, bases) {
		t.Errorf("PropertyVerbs() = %v\nwant the verbs of testdata/verbs.txt %v", got, bases)
	}
	if len(bases) < 100 {
		t.Errorf("%d verbs; want a useful list", len(bases))
	}
	for _, w := range []string{"do", "does", "can", "cannot", "be", "is", "are", "not", "a", "an", "all", "no", "some", "every", "each"} {
		if _, ok := seen[w]; ok {
			t.Errorf("%q is a keyword and must not be a listed verb form", w)
		}
	}
	for _, w := range complementWords {
		if isOracleVerbWord(w) {
			t.Errorf("generator complement word %q is a verb form", w)
		}
	}
}

func TestThirdPerson(t *testing.T) {
	tests := []struct{ in, want, reason string }{
		{"run on batteries", "runs on batteries", "only the first word changes"},
		{"have feathers", "has feathers", "have is irregular"},
		{"fly", "flies", "consonant + y"},
		{"lay eggs", "lays eggs", "vowel + y"},
		{"go home", "goes home", "-o takes -es"},
		{"catch mice", "catches mice", "-ch takes -es"},
		{"fix cars", "fixes cars", "-x takes -es"},
		{"can fly", "can fly", "a modal does not inflect"},
		{"", "", "empty"},
	}
	for _, tt := range tests {
		if got := ThirdPerson(tt.in); got != tt.want {
			t.Errorf("ThirdPerson(%q) = %q, want %q (%s)", tt.in, got, tt.want, tt.reason)
		}
	}
}

func prop(q logic.Quantifier, subject, phrase string) logic.Statement {
	return st(q, subject, Property(phrase))
}

// renderPropertyCases cover every phrasing with a property predicate,
// the negation of "can", the third person and the bare plural.
func renderPropertyCases() []renderCase {
	return []renderCase{
		{prop(logic.All, "robot", "run on batteries"), AllAre, "All robots run on batteries.", "All, plural: base form"},
		{prop(logic.All, "robot", "run on batteries"), EveryIs, "Every robot runs on batteries.", "All, every: third person"},
		{prop(logic.All, "robot", "have an engine"), EachIs, "Each robot has an engine.", "All, each: has, an article in the complement"},
		{prop(logic.All, "robot", "run on batteries"), BarePlural, "Robots run on batteries.", "All, bare plural"},
		{prop(logic.No, "penguin", "can fly"), NoAre, "No penguins can fly.", "No, plural, modal"},
		{prop(logic.No, "penguin", "can fly"), NoIs, "No penguin can fly.", "No, singular: the modal does not inflect"},
		{prop(logic.No, "penguin", "can fly"), NoneOfThe, "None of the penguins can fly.", "No, none of the"},
		{prop(logic.Some, "bird", "lay eggs"), SomeAre, "Some birds lay eggs.", "Some, plural"},
		{prop(logic.Some, "bird", "lay eggs"), AtLeastOneIs, "At least one bird lays eggs.", "Some, at least one"},
		{prop(logic.SomeNot, "bird", "lay eggs"), SomeAreNot, "Some birds do not lay eggs.", "SomeNot, do not"},
		{prop(logic.SomeNot, "bird", "lay eggs"), AtLeastOneIsNot, "At least one bird does not lay eggs.", "SomeNot, does not"},
		{prop(logic.SomeNot, "bird", "lay eggs"), NotAllAre, "Not all birds lay eggs.", "SomeNot, not all"},
		{prop(logic.SomeNot, "bird", "can fly"), SomeAreNot, "Some birds cannot fly.", "can takes no do-support: cannot"},
		{prop(logic.SomeNot, "bird", "can fly"), AtLeastOneIsNot, "At least one bird cannot fly.", "cannot after a singular too"},
		{prop(logic.Is, "R2-D2", "run on batteries"), NameIs, "R2-D2 runs on batteries.", "a name takes the third person"},
		{prop(logic.IsNot, "Tweety", "fly"), NameIsNot, "Tweety does not fly.", "a name, negated"},
		{prop(logic.IsNot, "Tweety", "can fly"), NameIsNot, "Tweety cannot fly.", "a name, negated modal"},
		{prop(logic.Is, "Tweety", "have feathers"), NameIs, "Tweety has feathers.", "has"},
		{prop(logic.Is, "X", "can fly"), NameIs, "X can fly.", "a letter name with can is not a bare plural"},
		{prop(logic.All, "student", "study Python code"), EveryIs, "Every student studies Python code.", "-ies, the complement keeps its case"},
		{prop(logic.All, "mechanic", "fix cars"), EveryIs, "Every mechanic fixes cars.", "-es"},
		{prop(logic.All, "mouse", "eat cheese"), AllAre, "All mice eat cheese.", "an irregular plural subject"},
		{prop(logic.All, "fly", "have wings"), AllAre, "All flies have wings.", "a plural subject that is a third person form"},
		{prop(logic.All, "fly", "have wings"), EveryIs, "Every fly has wings.", "a singular subject that is a base form"},
		{prop(logic.All, "fly", "have wings"), BarePlural, "Flies have wings.", "bare plural of fly"},
		{prop(logic.All, "travel agent", "sell tickets"), AllAre, "All travel agents sell tickets.", "a verb as a modifier"},
		{prop(logic.All, "A", "run"), AllAre, "All A run.", "a letter term as subject"},
		{prop(logic.All, "A", "run"), EveryIs, "Every A runs.", "a letter term, singular"},
		{prop(logic.All, "sheep", "can swim"), BarePlural, "Sheep can swim.", "an invariant bare plural before can"},
		{prop(logic.Is, "Socrates", "swim"), NameIs, "Socrates swims.", "a plural-looking name is fine where the verb shows the number"},
		{prop(logic.All, "x run team", "win"), AllAre, "All x run teams win.", "a lower-case x is no letter term and ends no subject"},
		{st(logic.All, "square", "polygon"), BarePlural, "Squares are polygons.", "bare plural of a noun predicate"},
		{st(logic.All, "mouse", "rodent"), BarePlural, "Mice are rodents.", "bare irregular plural"},
		{st(logic.All, "ice cream cone", "treat"), BarePlural, "Ice cream cones are treats.", "bare multi-word subject"},
		{st(logic.All, "4x4 truck", "vehicle"), BarePlural, "4x4 trucks are vehicles.", "a digit is not capitalised"},
		{st(logic.All, "élève", "student"), BarePlural, "Élèves are students.", "a non-ASCII capital"},
	}
}

func TestRenderProperties(t *testing.T) {
	seen := map[string]bool{}
	for _, tt := range renderPropertyCases() {
		if tt.reason == "" || seen[tt.want] {
			t.Fatalf("case %q: missing reason or duplicate", tt.want)
		}
		seen[tt.want] = true
		t.Run(tt.want, func(t *testing.T) {
			got, err := Render(tt.s, tt.p)
			if err != nil || got != tt.want {
				t.Fatalf("Render(%v, %v) = %q, %v; want %q (%s)", tt.s, tt.p, got, err, tt.want, tt.reason)
			}
			if back, err := Parse(got); err != nil || back != tt.s {
				t.Errorf("Parse(%q) = %v, %v; want %v", got, back, err, tt.s)
			}
		})
	}
}

// parsePropertyCases read sentences with a property predicate: each form,
// the tolerated slips, and the readings of words that could be verbs.
func parsePropertyCases() []parseCase {
	return []parseCase{
		{"All robots run on batteries.", prop(logic.All, "robot", "run on batteries"), "All, plural"},
		{"Every robot runs on batteries.", prop(logic.All, "robot", "run on batteries"), "All, every"},
		{"Each robot has an engine.", prop(logic.All, "robot", "have an engine"), "has reads back as have"},
		{"No penguins can fly.", prop(logic.No, "penguin", "can fly"), "No, modal"},
		{"No penguin can fly.", prop(logic.No, "penguin", "can fly"), "No, singular, modal"},
		{"No robot runs on batteries.", prop(logic.No, "robot", "run on batteries"), "No, singular"},
		{"None of the robots run on batteries.", prop(logic.No, "robot", "run on batteries"), "None of the"},
		{"Some birds lay eggs.", prop(logic.Some, "bird", "lay eggs"), "Some"},
		{"At least one bird lays eggs.", prop(logic.Some, "bird", "lay eggs"), "At least one"},
		{"Some birds do not lay eggs.", prop(logic.SomeNot, "bird", "lay eggs"), "do not"},
		{"At least one bird does not lay eggs.", prop(logic.SomeNot, "bird", "lay eggs"), "does not"},
		{"Not all birds lay eggs.", prop(logic.SomeNot, "bird", "lay eggs"), "Not all"},
		{"Some birds cannot fly.", prop(logic.SomeNot, "bird", "can fly"), "cannot"},
		{"R2-D2 runs on batteries.", prop(logic.Is, "R2-D2", "run on batteries"), "a name"},
		{"Tweety does not fly.", prop(logic.IsNot, "Tweety", "fly"), "a name, negated"},
		{"Tweety cannot fly.", prop(logic.IsNot, "Tweety", "can fly"), "a name, cannot"},
		{"Tweety can not fly.", prop(logic.IsNot, "Tweety", "can fly"), "can not is read as cannot"},
		{"Tweety can fly.", prop(logic.Is, "Tweety", "can fly"), "a name, can"},
		{"X can fly.", prop(logic.Is, "X", "can fly"), "a letter does not read as a plural, so this is a name"},
		{"all robots RUN on batteries", prop(logic.All, "robot", "run on batteries"), "the verb in any case reads back in lower case, no period"},
		{"Tweety DOES NOT Fly", prop(logic.IsNot, "Tweety", "fly"), "auxiliary and negation in any case"},
		{"Some birds CANNOT fly .", prop(logic.SomeNot, "bird", "can fly"), "cannot in any case, space before the period"},
		{"  R2-D2   runs on   Linux  ", prop(logic.Is, "R2-D2", "run on Linux"), "white space; the complement keeps its case"},
		{"Every bird ſings.", prop(logic.All, "bird", "sing"), "verbs fold case as keywords do"},
		{"All travel agents sell tickets.", prop(logic.All, "travel agent", "sell tickets"), "a verb after no plural noun is part of the subject"},
		{"All flies have wings.", prop(logic.All, "fly", "have wings"), "flies is a noun after All"},
		{"Every fly has wings.", prop(logic.All, "fly", "have wings"), "fly is a noun after Every"},
		{"No flies have wings.", prop(logic.No, "fly", "have wings"), "No with a plural: the verb agrees"},
		{"No fly has wings.", prop(logic.No, "fly", "have wings"), "No with a singular: the verb agrees"},
		{"No mice can fly.", prop(logic.No, "mouse", "can fly"), "No with can: the plural reading wins"},
		{"No mouse can fly.", prop(logic.No, "mouse", "can fly"), "No with can, a singular noun reads the same as a plural"},
		{"All birds are fly.", st(logic.All, "bird", "fly"), "with are, the predicate is a noun"},
		{"Every dog has a tail.", prop(logic.All, "dog", "have a tail"), "articles in the complement"},
		{"All A run.", prop(logic.All, "A", "run"), "a letter ends a plural subject"},
		{"Some ice cream cones contain sugar.", prop(logic.Some, "ice cream cone", "contain sugar"), "multi-word subject"},
	}
}

// parseBareCases read bare plurals as All.
func parseBareCases() []parseCase {
	return []parseCase{
		{"Squares are polygons.", st(logic.All, "square", "polygon"), "bare plural, noun predicate"},
		{"squares are polygons", st(logic.All, "square", "polygon"), "bare plural in lower case"},
		{"Mice are rodents.", st(logic.All, "mouse", "rodent"), "bare irregular plural"},
		{"Sheep are mammals.", st(logic.All, "sheep", "mammal"), "bare invariant plural"},
		{"Cacti are plants.", st(logic.All, "cactus", "plant"), "bare classical plural"},
		{"Ice cream cones are treats.", st(logic.All, "ice cream cone", "treat"), "bare multi-word subject"},
		{"dogs are mammals.", st(logic.All, "dog", "mammal"), "bare plural without a capital"},
		{"Robots run on batteries.", prop(logic.All, "robot", "run on batteries"), "bare plural, property"},
		{"Birds can fly.", prop(logic.All, "bird", "can fly"), "a plural before can is a bare plural, not a name"},
		{"Fruit flies eat fruit.", prop(logic.All, "fruit fly", "eat fruit"), "not Fruit, a name, who flies"},
		{"Sheep can swim.", prop(logic.All, "sheep", "can swim"), "an invariant plural before can"},
	}
}

func TestParseProperties(t *testing.T) {
	seen := map[string]bool{}
	for _, tt := range slices.Concat(parsePropertyCases(), parseBareCases()) {
		if tt.reason == "" || seen[tt.in] {
			t.Fatalf("case %q: missing reason or duplicate", tt.in)
		}
		seen[tt.in] = true
		t.Run(tt.in, func(t *testing.T) {
			got, err := Parse(tt.in)
			if err != nil || got != tt.want {
				t.Errorf("Parse(%q) = %v, %v; want %v (%s)", tt.in, got, err, tt.want, tt.reason)
			}
		})
	}
}

func TestParsePropertyErrors(t *testing.T) {
	tests := []struct {
		in       string
		wantText string // a substring of the error after the quoted sentence
		wantTerm bool   // the error also wraps ErrInvalidTerm
		reason   string
	}{
		{"Some birds does not fly.", `"Some <terms> do not <verb phrase>"`, false, "a plural takes do not"},
		{"Every bird fly.", `the verb phrase does not agree with a singular subject`, false, "a singular takes the third person"},
		{"Tweety fly.", `want a listed verb with -s ("runs")`, false, "a name takes the third person"},
		{"Some birds do not.", `no verb after "do not"`, false, "do not needs a verb"},
		{"All robots can.", `no verb after "can"`, false, "can needs a verb"},
		{"All robots can batteries.", `want a listed verb in its base form after "can", got "batteries"`, false, "can needs a verb"},
		{"Every tin can holds food.", `want a listed verb in its base form after "can", got "holds"`, false, "the subject ends at can"},
		{"All birds eat flies.", `"flies" after the verb would start another verb phrase`, false, "a verb form in the complement"},
		{"No birds cannot fly.", `no phrasing has "No" and a plural subject with a negated verb phrase`, false, "No has no negated form"},
		{"Birds do not fly.", `no phrasing has no quantifier and a plural subject with a negated verb phrase`, false, "a bare plural has no negated form"},
		{"Birds cannot fly.", `name "Birds": the name reads as a plural noun`, true, "not a bare plural (it has no negated form), and a name that reads as a plural takes no can property"},
		{"Tweety does fly.", `"does" must be followed by "not" and a verb`, false, "no emphatic do, and does ends no subject"},
		{"Some does have fawns.", `no listed verb`, false, "does is never the end of a subject"},
		{"Not all birds do not fly.", `want "Not all <terms> are <terms>" or "Not all <terms> <verb phrase>"`, false, "double negation"},
		{"All robots photograph cats.", `no listed verb`, false, "photograph is not a listed verb"},
		{"Some birds never fly.", `no listed verb`, false, "an adverb ends no subject"},
		{"Some birds don't fly.", `contraction "don't" is not read`, false, "contractions are not read"},
		{"Tweety can't fly.", `contraction "can't" is not read`, false, "contractions are not read"},
		{"Tweety doesn't fly.", `contraction "doesn't" is not read`, false, "contractions are not read"},
		{"Some dogs aren't cats.", `contraction "aren't" is not read`, false, "not even for a noun predicate"},
		{"rex runs.", "must start with an upper-case letter", true, "a lower-case name"},
		{"Rex runs on Ba$teries.", `character '$' not allowed`, true, "a bad character in the complement"},
		{"All robots run on not batteries.", `reserved word "not" in the verb phrase`, false, "not only right after do, does or can"},
		{"All ~robots run.", "a property can only be a predicate", true, "the marker in a subject"},
		{"Most dogs are pets.", "want a sentence starting with", false, "most is a quantifier, not a modifier of a bare plural"},
		{"The dogs are pets.", "want a sentence starting with", false, "a determiner does not start a bare plural"},
		{"Two dogs are pets.", "want a sentence starting with", false, "a numeral does not start a bare plural"},
		{"3 dogs are pets.", "want a sentence starting with", false, "nor do digits"},
		{"Therefore dogs are pets.", "want a sentence starting with", false, "a sentence adverb does not start a bare plural"},
		{"Most birds fly.", "want a sentence starting with", false, "nor of a bare plural with a property"},
		{"Pets of all dogs are happy.", "want a sentence starting with", false, "a keyword inside a bare subject"},
	}
	seen := map[string]bool{}
	for _, tt := range tests {
		if tt.reason == "" || seen[tt.in] {
			t.Fatalf("case %q: missing reason or duplicate", tt.in)
		}
		seen[tt.in] = true
		t.Run(tt.in, func(t *testing.T) {
			got, err := Parse(tt.in)
			if !errors.Is(err, ErrUnparseable) {
				t.Fatalf("Parse(%q) = %v, %v; want ErrUnparseable (%s)", tt.in, got, err, tt.reason)
			}
			msg := err.Error()
			prefix := "parse " + strconv.Quote(tt.in) + ": "
			if !strings.HasPrefix(msg, prefix) || !strings.Contains(msg, tt.wantText) {
				t.Errorf("Parse(%q) error = %q; want it to start %q and contain %q (%s)", tt.in, msg, prefix, tt.wantText, tt.reason)
			}
			if errors.Is(err, ErrInvalidTerm) != tt.wantTerm {
				t.Errorf("Parse(%q) error %q: errors.Is(ErrInvalidTerm) = %v, want %v", tt.in, msg, !tt.wantTerm, tt.wantTerm)
			}
		})
	}
}

// Awkward words for TestChecksGuardRoundTrip: verb forms that are also
// nouns, keywords, letters, case-folding runes and plural-looking names.
var (
	awkwardSubjectWords = []string{
		"fly", "flies", "run", "runs", "can", "cannot", "tin", "travel", "agent", "doe", "does", "do",
		"die", "dice", "mice", "mouse", "sheep", "A", "x", "X", "Python", "all", "star", "ſwims", "bus",
		"glass", "life", "lives", "have", "has", "study", "studies", "fish", "people", "person", "dog",
		"bird", "don't", "never", "always", "Run", "FLIES", "fruit", "no", "at", "élève",
	}
	awkwardPhraseWords = []string{
		"run", "runs", "can", "cannot", "not", "do", "does", "fly", "flies", "eat", "eats", "on",
		"batteries", "Run", "RUN", "have", "has", "is", "are", "a", "an", "insects", "A", "ſwim", "swim",
		"eggs", "", "lay", "can't", "fish", "mice", "be", "x", "$",
	}
	awkwardNames = []string{
		"Socrates", "Sheep", "Birds", "X", "Can", "Fly", "Does", "Tweety", "Mice", "Atlas", "Rex", "Q",
		"Flies", "Cannot", "Fish", "R2-D2", "ſocrates", "Émile", "Runs",
	}
)

// genAwkwardStatement returns a statement, valid or not, built mostly from
// the awkward words, with a property predicate four times in five.
func genAwkwardStatement(r *rand.Rand) logic.Statement {
	words := func(pool []string, max int) string {
		ws := []string{pick(r, pool)}
		for len(ws) < max && r.IntN(2) == 0 {
			ws = append(ws, pick(r, pool))
		}
		return strings.Join(ws, " ")
	}
	s := logic.Statement{Q: logic.Quantifier(r.IntN(int(logic.IsNot) + 1))}
	switch {
	case s.Q.Singular() && r.IntN(4) > 0:
		s.Subject = pick(r, awkwardNames)
	case s.Q.Singular():
		s.Subject = genName(r)
	case r.IntN(20) == 0:
		s.Subject = Property(genPhrase(r))
	case r.IntN(3) == 0:
		s.Subject = genTerm(r)
	default:
		s.Subject = words(awkwardSubjectWords, 3)
	}
	switch n := r.IntN(10); {
	case n < 3:
		s.Predicate = Property(genPhrase(r))
	case n < 8:
		s.Predicate = Property(words(awkwardPhraseWords, 4))
	default:
		s.Predicate = genTerm(r)
	}
	return s
}

// checkedRoundTrip renders s in every phrasing, including the optional
// ones: each rendering must read back as s, and a refusal must be
// ErrInvalidTerm for every phrasing of Phrasings at once, or ErrPhrasing
// for BarePlural alone. It reports whether s was accepted.
func checkedRoundTrip(t *testing.T, s logic.Statement) bool {
	t.Helper()
	accepted := 0
	ps := Phrasings(s.Q)
	for _, p := range ps {
		out, err := Render(s, p)
		if err != nil {
			if !errors.Is(err, ErrInvalidTerm) {
				t.Fatalf("Render(%q, %v): %v; want ErrInvalidTerm", s, p, err)
			}
			continue
		}
		accepted++
		if got, err := Parse(out); err != nil || got != s {
			t.Fatalf("Parse(Render(%q, %v)) = Parse(%q) = %v, %v", s, p, out, got, err)
		}
	}
	if accepted != 0 && accepted != len(ps) {
		t.Fatalf("%q renders in %d of the %d phrasings of %v: the checks are of the statement", s, accepted, len(ps), s.Q)
	}
	if n := s.Negation(); (checkStatement(n) == nil) != (accepted > 0) {
		t.Fatalf("%q is accepted = %v, but its negation %q is accepted = %v", s, accepted > 0, n, !(accepted > 0))
	}
	for _, p := range OptionalPhrasings(s.Q) {
		out, err := Render(s, p)
		if err != nil {
			if accepted > 0 && !errors.Is(err, ErrPhrasing) || accepted == 0 && !errors.Is(err, ErrInvalidTerm) {
				t.Fatalf("Render(%q, %v): %v", s, p, err)
			}
			continue
		}
		if got, err := Parse(out); err != nil || got != s {
			t.Fatalf("Parse(Render(%q, %v)) = Parse(%q) = %v, %v", s, p, out, got, err)
		}
	}
	return accepted > 0
}

// TestChecksGuardRoundTrip checks the round-trip guarantee where it is
// hardest to keep: on statements whose subjects and verb phrases are made
// of verb forms that are also nouns, keywords and plural-looking names.
// Whatever the checks accept must read back; the rest must be refused
// with ErrInvalidTerm.
func TestChecksGuardRoundTrip(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	accepted, rejected := 0, 0
	for range 40_000 {
		s := genAwkwardStatement(r)
		if checkedRoundTrip(t, s) {
			accepted++
		} else {
			rejected++
		}
	}
	t.Logf("%d accepted and %d rejected statements", accepted, rejected)
	if accepted < 5000 || rejected < 5000 {
		t.Errorf("%d accepted and %d rejected statements: want many of each", accepted, rejected)
	}
}

// FuzzChecksGuardRoundTrip is TestChecksGuardRoundTrip from fuzzed seeds.
func FuzzChecksGuardRoundTrip(f *testing.F) {
	for i := range uint64(8) {
		f.Add(i, 3*i+5)
	}
	f.Fuzz(func(t *testing.T, seed1, seed2 uint64) {
		checkedRoundTrip(t, genAwkwardStatement(rand.New(rand.NewPCG(seed1, seed2))))
	})
}

func TestRenderPropertyErrors(t *testing.T) {
	tests := []struct {
		name     string
		s        logic.Statement
		p        Phrasing
		wantErr  error
		wantText string
		reason   string
	}{
		{"property-subject", prop(logic.All, "~fly", "swim"), AllAre, ErrInvalidTerm, "a property can only be a predicate", "a property is never a subject"},
		{"property-subject-noun-predicate", st(logic.Some, Property("fly"), "bird"), SomeAre, ErrInvalidTerm, "a property can only be a predicate", "not even before a noun"},
		{"unlisted-verb", prop(logic.All, "robot", "photograph cats"), AllAre, ErrInvalidTerm, `"photograph" is not a listed verb`, "the verbs are a closed list"},
		{"capitalised-verb", prop(logic.All, "robot", "Run"), AllAre, ErrInvalidTerm, `"Run" is not a listed verb`, "the verb is held in lower case"},
		{"third-person", prop(logic.All, "robot", "runs on batteries"), AllAre, ErrInvalidTerm, `"runs" is not a listed verb in its base form`, "the phrase is held in the base form"},
		{"empty-phrase", prop(logic.All, "robot", ""), AllAre, ErrInvalidTerm, "empty verb phrase", "empty"},
		{"can-alone", prop(logic.Is, "Tweety", "can"), NameIs, ErrInvalidTerm, `"can" must be followed by a listed verb`, "a modal needs a verb"},
		{"can-can", prop(logic.Is, "Tweety", "can can fly"), NameIs, ErrInvalidTerm, `"can" is not a listed verb`, "can is not a verb of the list"},
		{"can-third", prop(logic.Is, "Tweety", "can flies"), NameIs, ErrInvalidTerm, `"flies" is not a listed verb in its base form`, "can takes the base form"},
		{"do", prop(logic.Is, "Tweety", "do fly"), NameIs, ErrInvalidTerm, `"do" is not a listed verb`, "do is an auxiliary, not a verb of the list"},
		{"complement-verb", prop(logic.All, "bird", "eat flies"), AllAre, ErrInvalidTerm, `"flies" after the verb would start another verb phrase`, "flies could start a verb phrase"},
		{"complement-not", prop(logic.All, "bird", "fly not fast"), AllAre, ErrInvalidTerm, `reserved word "not"`, "not would read as negation"},
		{"complement-is", prop(logic.All, "bird", "have is"), AllAre, ErrInvalidTerm, `reserved word "is"`, "is would make a noun sentence"},
		{"complement-contraction", prop(logic.All, "bird", "eat don't"), AllAre, ErrInvalidTerm, `contraction "don't"`, "contractions are not read"},
		{"double-space", prop(logic.All, "bird", "fly  fast"), AllAre, ErrInvalidTerm, "double space", "spacing"},
		{"trailing-space", prop(logic.All, "bird", "fly "), AllAre, ErrInvalidTerm, "trailing", "spacing"},
		{"bad-character", prop(logic.All, "bird", "fly 5$"), AllAre, ErrInvalidTerm, `character '$' not allowed`, "complement words are term words"},
		{"plural-subject", prop(logic.All, "mice", "run"), AllAre, ErrInvalidTerm, `reads as the plural of "mouse"`, "the subject of a property is singular"},
		{"tin-can", prop(logic.All, "tin can", "hold food"), EveryIs, ErrInvalidTerm, `the verb phrase would start at "can"`, `"Every tin can holds food" would split after tin`},
		{"can-subject", prop(logic.All, "can", "hold food"), AllAre, ErrInvalidTerm, `does not end as a singular subject`, "an auxiliary ends no subject"},
		{"doe-subject", prop(logic.Some, "doe", "have fawns"), SomeAre, ErrInvalidTerm, `"does" does not end as a plural subject`, "does is an auxiliary, so it ends no subject"},
		{"sales-drive-team", prop(logic.All, "sales drive team", "cost money"), EveryIs, ErrInvalidTerm, `the verb phrase would start at "drive"`, `"All sales drive teams cost money" would split after sales`},
		{"home-runs-record", prop(logic.All, "home runs record", "cost money"), AllAre, ErrInvalidTerm, `the verb phrase would start at "runs"`, `"Every home runs record costs money" would split after home`},
		{"contraction-subject", prop(logic.All, "don't", "fly"), AllAre, ErrInvalidTerm, `contraction "don't"`, "a contraction in the subject is refused"},
		{"plural-name-can", prop(logic.Is, "Socrates", "can swim"), NameIs, ErrInvalidTerm, "the name reads as a plural noun", `"Socrates can swim" reads as a bare plural`},
		{"plural-name-cannot", prop(logic.IsNot, "Socrates", "can swim"), NameIsNot, ErrInvalidTerm, "the name reads as a plural noun", "the negation of an invalid statement is invalid"},
		{"invariant-name-can", prop(logic.Is, "Sheep", "can swim"), NameIs, ErrInvalidTerm, "the name reads as a plural noun", "sheep is a plural"},
		{"bare-capital", prop(logic.All, "Python programmer", "write code"), BarePlural, ErrPhrasing, "another first letter", "the capital would read back as lower case"},
		{"bare-letter", st(logic.All, "A", "B"), BarePlural, ErrPhrasing, "another first letter", "a letter term is a capital"},
		{"bare-last-letter", st(logic.All, "red A", "letter"), BarePlural, ErrPhrasing, `does not read as a plural`, "a letter term does not read as a plural"},
		{"bare-keyword", st(logic.All, "all star", "player"), BarePlural, ErrPhrasing, "would read as a", `"All stars are players" is All(star, player)`},
		{"bare-inner-keyword", st(logic.All, "stay at home parent", "parent"), BarePlural, ErrPhrasing, `the word "at" would read as a quantifier`, "no keyword anywhere in a bare subject"},
		{"bare-determiner", st(logic.All, "the dog", "pet"), BarePlural, ErrPhrasing, "determiner", `"The dogs are pets" does not parse`},
		{"bare-numeral", st(logic.All, "2 dog", "pet"), BarePlural, ErrPhrasing, "numeral", `"2 dogs are pets" does not parse`},
		{"bare-letter-moves-split", prop(logic.All, "x run team", "win"), BarePlural, ErrPhrasing, `the verb phrase would start at "run"`, `"X run teams win": the capital X is a letter term, which ends a plural subject`},
		{"bare-not-all", prop(logic.Some, "robot", "run"), BarePlural, ErrPhrasing, "has phrasings", "only All has a bare form"},
	}
	seen := map[string]bool{}
	for _, tt := range tests {
		if tt.reason == "" || seen[tt.name] {
			t.Fatalf("case %q: missing reason or duplicate", tt.name)
		}
		seen[tt.name] = true
		t.Run(tt.name, func(t *testing.T) {
			got, err := Render(tt.s, tt.p)
			if !errors.Is(err, tt.wantErr) || !strings.Contains(err.Error(), tt.wantText) || !strings.HasPrefix(err.Error(), "render ") {
				t.Fatalf("Render(%v, %v) = %q, %v; want error %v containing %q (%s)", tt.s, tt.p, got, err, tt.wantErr, tt.wantText, tt.reason)
			}
		})
	}
}
