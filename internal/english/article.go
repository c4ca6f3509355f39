package english

import "strings"

// Article returns the indefinite article for term, "an" before a vowel sound
// and "a" otherwise, judged from the term's first word w:
//
//   - a letter read by its name: a single letter ("an A", "a B", "an x"), a
//     letter before a hyphen ("an X-ray", "a T-shirt") or an all-capital
//     initialism of two or three letters ("an FBI agent"): "an" for the
//     letters A E F H I L M N O R S X;
//   - a number: "an" for 8… and for 11 or 18 at the head of a group of
//     digits read as "eleven" or "eighteen" ("an 11", "an 18000", "a 110");
//   - a silent h: hour, honest, heir, honour, honor and their derivatives;
//   - a vowel letter, except where it sounds like "you" or "won": uni-
//     and unan- (but not un-im…, un-in…), u + one of b f g k r s t v + a
//     vowel ("usage", "utensil"), eu-, ewe, one, one-…, once.
//
// Longer all-capital words are taken as acronyms read as words and follow
// the vowel rule ("a NASA engineer", "an OPEC member"). A short acronym
// that is read as a word still gets the letter rule, which may be wrong
// ("an SQL query" for a reader who says "sequel").
func Article(term string) string {
	w, _, _ := strings.Cut(term, " ")
	if anSound(w) {
		return "an"
	}
	return "a"
}

func anSound(w string) bool {
	if w == "" {
		return false
	}
	if letter, ok := letterName(w); ok {
		return strings.IndexByte("AEFHILMNORSX", letter) >= 0
	}
	if '0' <= w[0] && w[0] <= '9' {
		return numberAn(w)
	}
	lw := strings.ToLower(w)
	for _, p := range []string{"hour", "honest", "heir", "honour", "honor"} {
		if strings.HasPrefix(lw, p) {
			return true
		}
	}
	if youOrWon(lw) {
		return false
	}
	return strings.IndexByte("aeiou", lw[0]) >= 0
}

// letterName returns the upper-case letter w is read by, if w is read as
// the name of its first letter.
func letterName(w string) (byte, bool) {
	c := w[0]
	if 'a' <= c && c <= 'z' {
		c -= 'a' - 'A'
	}
	if c < 'A' || c > 'Z' {
		return 0, false
	}
	if len(w) == 1 || w[1] == '-' {
		return c, true
	}
	if len(w) <= 3 && strings.Trim(w, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") == "" {
		return c, true // an initialism: "FBI", "MRI", "UK"
	}
	return 0, false
}

// numberAn reports whether a word starting with digits is read with a vowel
// sound: eight…, eleven… or eighteen….
func numberAn(w string) bool {
	digits := len(w) - len(strings.TrimLeft(w, "0123456789"))
	if w[0] == '8' {
		return true
	}
	head := w[:min(2, digits)]
	return digits%3 == 2 && (head == "11" || head == "18")
}

// youOrWon reports whether a lower-case word starting with a vowel letter is
// pronounced with an initial consonant sound ("unicorn", "European", "one").
func youOrWon(lw string) bool {
	if strings.HasPrefix(lw, "unim") || strings.HasPrefix(lw, "unin") {
		return false
	}
	for _, p := range []string{"uni", "unan", "eu", "ewe", "one-", "once"} {
		if strings.HasPrefix(lw, p) {
			return true
		}
	}
	if lw == "one" {
		return true
	}
	// u + one consonant + vowel: "ubiquity", "ufo", "Ugandan", "ukulele",
	// "uranium", "usage", "utensil", "uvula" (but "an ugly", "an unarmed").
	return len(lw) > 2 && lw[0] == 'u' && strings.IndexByte("bfgkrstv", lw[1]) >= 0 &&
		strings.IndexByte("aeiou", lw[2]) >= 0
}
