package english

import "slices"

// The lexicon: the nouns whose plural is not made by the suffix rules of
// [Plural], and the nouns whose singular [Singular] cannot recover from the
// suffix rules alone. All entries are lower case; lookups fold case.

// invariantNouns have the same singular and plural.
var invariantNouns = set(
	"fish", "sheep", "deer", "moose", "salmon", "trout", "cod", "bison",
	"swine", "aircraft", "spacecraft", "hovercraft", "series", "species",
	"reindeer", "offspring",
)

// irregularNouns maps singular to plural where no suffix rule applies.
var irregularNouns = map[string]string{
	"person": "people", "man": "men", "woman": "women", "child": "children",
	"mouse": "mice", "goose": "geese", "tooth": "teeth", "foot": "feet",
	"ox": "oxen", "louse": "lice", "die": "dice", "quiz": "quizzes",
	"grandchild": "grandchildren", "dormouse": "dormice",
	"gentleman": "gentlemen", "fireman": "firemen", "policeman": "policemen",
	"policewoman": "policewomen", "postman": "postmen", "chairman": "chairmen",
	"fisherman": "fishermen", "businessman": "businessmen",
	"businesswoman": "businesswomen", "snowman": "snowmen",
}

// classicalPlurals are Latin and Greek plurals of listed nouns that
// [Singular] reads back, so that "cacti" and "cactuses" are one term.
// [Plural] writes the English plural.
var classicalPlurals = map[string]string{
	"cacti": "cactus", "fungi": "fungus", "octopi": "octopus", "octopodes": "octopus",
	"hippopotami": "hippopotamus", "termini": "terminus", "abaci": "abacus",
}

// fvesNouns end in -f or -fe and take -ves in the plural.
var fvesNouns = []string{
	"knife", "leaf", "wolf", "loaf", "shelf", "calf", "half", "life", "wife",
	"thief", "elf", "self", "scarf", "bookshelf", "werewolf", "housewife",
	"midwife", "penknife", "sheaf",
}

// oesNouns end in -o and take -es in the plural; other -o nouns take -s.
var oesNouns = []string{
	"potato", "tomato", "hero", "echo", "torpedo", "volcano", "mosquito",
	"veto", "embargo", "domino", "superhero",
}

// chNouns end in a "ch" said as /k/ and take a plain -s.
var chNouns = []string{
	"stomach", "monarch", "epoch", "patriarch", "matriarch", "oligarch",
	"eunuch", "loch", "tech", "czech",
}

// sNouns are singular nouns that end in "s". The parser cannot tell them
// from plurals ("bus" is not the plural of "bu"), so they must be listed.
// Their plurals are regular (-es).
var sNouns = set(
	"bus", "minibus", "class", "glass", "gas", "lens", "virus", "cactus",
	"octopus", "walrus", "platypus", "hippopotamus", "rhinoceros", "iris",
	"atlas", "canvas", "business", "address", "mattress", "compass", "dress",
	"princess", "actress", "waitress", "boss", "moss", "grass", "cross",
	"bass", "albatross", "campus", "bonus", "census", "chorus", "circus",
	"genius", "status", "surplus", "abacus", "apparatus", "bias", "alias",
	"fungus", "lotus", "sinus", "terminus", "trellis", "pelvis", "ibis",
	"mantis", "metropolis", "chrysalis", "thesaurus", "prospectus",
)

// Listed nouns whose regular plural the suffix rules of [Singular] would
// read back wrongly: -ie reads back as -y, -che/-she/-xe/-sse as if the "e"
// were part of "es", and a single final -z as -ze.
var (
	ieNouns = []string{
		"movie", "cookie", "pie", "tie", "lie", "zombie", "brownie",
		"calorie", "rookie", "hippie", "genie", "prairie", "auntie", "goalie",
		"hoodie", "selfie", "smoothie", "pixie", "birdie", "magpie", "necktie",
		"budgie", "veggie", "yuppie", "collie", "newbie", "foodie", "techie",
		"freebie", "groupie", "junkie", "sweetie", "walkie-talkie", "bowtie",
		"eyrie", "menagerie", "reverie", "sortie", "talkie", "coterie",
		"boogie", "bogie", "kiddie", "nightie", "oldie", "lassie",
	}
	eNouns = []string{
		"niche", "cache", "headache", "toothache", "moustache", "mustache",
		"avalanche", "cliche", "creche", "quiche", "microfiche", "attache",
		"ache", "psyche", "axe", "pickaxe", "posse", "crevasse", "impasse",
		"demitasse", "finesse",
	}
	zNouns = []string{
		"waltz", "blitz", "quartz", "topaz", "chintz", "spritz", "klutz",
		"kibbutz",
	}
)

// pluralOf holds the plural of every noun the suffix rules get wrong, and
// singularOf the inverse for every listed noun whose plural the rules of
// [Singular] would read back wrongly.
var pluralOf, singularOf = buildLexicon()

func buildLexicon() (plural, singular map[string]string) {
	plural = make(map[string]string)
	for s, p := range irregularNouns {
		plural[s] = p
	}
	for _, s := range fvesNouns {
		stem := s[:len(s)-1]
		if s[len(s)-1] == 'e' {
			stem = s[:len(s)-2]
		}
		plural[s] = stem + "ves"
	}
	for _, s := range oesNouns {
		plural[s] = s + "es"
	}
	for _, s := range chNouns {
		plural[s] = s + "s"
	}
	singular = make(map[string]string)
	for s, p := range plural {
		singular[p] = s
	}
	for _, list := range [][]string{ieNouns, eNouns, zNouns, keys(sNouns)} {
		for _, s := range list {
			singular[regularPlural(s)] = s
		}
	}
	for p, s := range classicalPlurals {
		singular[p] = s
	}
	return plural, singular
}

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// keys returns the words of m, sorted, so that nothing depends on map order.
func keys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
