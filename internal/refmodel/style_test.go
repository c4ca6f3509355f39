package refmodel

import (
	"testing"

	"github.com/syllobench/syllobench/internal/question"
	"github.com/syllobench/syllobench/internal/verdict"
)

func TestStylesParseBack(t *testing.T) {
	whys := []string{
		"Working only from the statements given, I checked every case they allow.",
		"Going by what is actually true of these things, this is the answer.",
		"I could not decide, so I picked one at random.",
		"By the atmosphere of the premises, the conclusion I expect is a particular negative one.",
		"By the most conservative mood of the premises, the conclusion I expect is a particular affirmative or particular negative one.",
		"By the converse reading of the premises, the conclusion I expect is that nothing follows.",
		acceptanceWhy,
	}
	for _, k := range question.Kinds() {
		for _, s := range Styles() {
			for _, label := range k.Labels() {
				for _, why := range whys {
					reply := Format(s, k, label, why)
					if got := verdict.Parse(k, reply); got.Label != label {
						t.Errorf("%s style, %s %q: reply %q parses as %v", s, k, label, reply, got)
					}
				}
			}
		}
	}
}

func TestStylesAllUsed(t *testing.T) {
	seen := map[Style]int{}
	for h := uint64(0); h < 200; h++ {
		seen[styleOf(Question{Hash: h})]++
	}
	for _, s := range Styles() {
		if seen[s] == 0 {
			t.Errorf("style %s never chosen", s)
		}
	}
}
