package english

import "testing"

func TestArticle(t *testing.T) {
	tests := []struct {
		term, want, reason string
	}{
		{"dog", "a", "consonant"},
		{"apple", "an", "vowel a"},
		{"elephant", "an", "vowel e"},
		{"insect", "an", "vowel i"},
		{"owl", "an", "vowel o"},
		{"umbrella", "an", "vowel u"},
		{"Python programmer", "a", "first word decides, capitalised consonant"},
		{"honest person", "an", "silent h, multi-word"},
		{"hour", "an", "silent h"},
		{"heir", "an", "silent h"},
		{"honour student", "an", "silent h, British spelling"},
		{"honorable man", "an", "silent h derivative"},
		{"house", "a", "sounded h"},
		{"unicorn", "a", "uni- sounds like you"},
		{"university", "a", "uni- sounds like you"},
		{"unimportant detail", "an", "un-im… is the negative prefix"},
		{"uninformed voter", "an", "un-in… is the negative prefix"},
		{"user", "a", "use- sounds like you"},
		{"usual suspect", "a", "usu- sounds like you"},
		{"utensil", "a", "ut- + vowel sounds like you"},
		{"uranium atom", "a", "ur + vowel sounds like you"},
		{"usage", "a", "us + vowel sounds like you"},
		{"usher", "an", "us + consonant is a vowel sound"},
		{"unanimous vote", "a", "unan- sounds like you"},
		{"unarmed man", "an", "un + vowel is the negative prefix"},
		{"ugly duckling", "an", "ug + consonant is a vowel sound"},
		{"ukulele", "a", "uk + vowel sounds like you"},
		{"urn", "an", "ur + consonant is a vowel sound"},
		{"European", "a", "eu- sounds like you"},
		{"ewe", "a", "ewe sounds like you"},
		{"one", "a", "one sounds like won"},
		{"one-eyed pirate", "a", "one- sounds like won"},
		{"onerous task", "an", "only one and one- are won"},
		{"A", "an", "letter A"},
		{"B", "a", "letter B"},
		{"E", "an", "letter E"},
		{"F", "an", "letter F is eff"},
		{"H", "an", "letter H is aitch"},
		{"I", "an", "letter I"},
		{"L", "an", "letter L is el"},
		{"M", "an", "letter M is em"},
		{"N", "an", "letter N is en"},
		{"O", "an", "letter O"},
		{"R", "an", "letter R is ar"},
		{"S", "an", "letter S is ess"},
		{"U", "a", "letter U is you"},
		{"X", "an", "letter X is ex"},
		{"Y", "a", "letter Y is why"},
		{"x", "an", "a lower-case letter is also read by name"},
		{"X-ray", "an", "letter before a hyphen"},
		{"T-shirt", "a", "letter before a hyphen"},
		{"FBI agent", "an", "short initialism read by letters"},
		{"UK citizen", "a", "short initialism starting with you"},
		{"NASA engineer", "a", "long acronym read as a word"},
		{"OPEC member", "an", "long acronym read as a word, vowel"},
		{"8-ball", "an", "eight"},
		{"11-year-old", "an", "eleven"},
		{"18000", "an", "eighteen thousand"},
		{"110", "a", "one hundred ten"},
		{"1", "a", "one"},
		{"'possum", "a", "apostrophe first: no vowel letter"},
		{"", "a", "empty term"},
		{"élan", "a", "non-ASCII first letter is not judged"},
	}
	seen := map[string]bool{}
	for _, tt := range tests {
		if tt.reason == "" || seen[tt.term] {
			t.Fatalf("case %q: missing reason or duplicate", tt.term)
		}
		seen[tt.term] = true
		if got := Article(tt.term); got != tt.want {
			t.Errorf("Article(%q) = %q, want %q (%s)", tt.term, got, tt.want, tt.reason)
		}
	}
}
