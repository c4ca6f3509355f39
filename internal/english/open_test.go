package english

import (
	"slices"
	"testing"

	"github.com/syllobench/syllobench/internal/logic"
)

func TestOpenQuestionRoundTrip(t *testing.T) {
	for _, tc := range []struct{ name, head, want string }{
		{"R2-D2", "run on", "What does R2-D2 run on?"},
		{"Hedwig", "have", "What does Hedwig have?"},
		{"X", "eat", "What does X eat?"},
		{"Blick", "live in", "What does Blick live in?"},
		{"Tweety", BeHead, "What else must Tweety be?"},
	} {
		q, err := OpenQuestion(tc.name, tc.head)
		if err != nil || q != tc.want {
			t.Errorf("OpenQuestion(%q, %q) = %q, %v; want %q", tc.name, tc.head, q, err, tc.want)
			continue
		}
		name, head, err := ParseOpenQuestion(q)
		if err != nil || name != tc.name || head != tc.head {
			t.Errorf("ParseOpenQuestion(%q) = %q, %q, %v", q, name, head, err)
		}
	}
	for _, h := range OpenHeads() {
		s := logic.Statement{Q: logic.Is, Subject: "R2-D2", Predicate: Property(h + " batteries")}
		if text, back, err := RenderRoundTrip(s, Phrasings(logic.Is)[0]); err != nil || back != s {
			t.Errorf("head %q: %q reads back as %v, %v", h, text, back, err)
		}
		if _, err := RenderDefault(s); err != nil {
			t.Errorf("head %q does not make a property: %v", h, err)
		}
	}
}

func TestOpenQuestionErrors(t *testing.T) {
	for _, tc := range []struct{ name, head string }{{"r2", "have"}, {"R2-D2", "fly"}, {"", "have"}, {"R2-D2", "can"}} {
		if q, err := OpenQuestion(tc.name, tc.head); err == nil {
			t.Errorf("OpenQuestion(%q, %q) = %q; want an error", tc.name, tc.head, q)
		}
	}
	for _, q := range []string{"What is X?", "What else must x be?", "What else must X become?", "What does X have", "What does x have?", "What does X fly?", "what does X have?", "What does  have?"} {
		if n, h, err := ParseOpenQuestion(q); err == nil {
			t.Errorf("ParseOpenQuestion(%q) = %q, %q; want an error", q, n, h)
		}
	}
}

func TestSplitProperty(t *testing.T) {
	for _, tc := range []struct{ phrase, head, object string }{
		{"run on batteries", "run on", "batteries"},
		{"have a backbone", "have", "a backbone"},
		{"have six legs", "have", "six legs"},
		{"eat zorples", "eat", "zorples"},
	} {
		h, o, ok := SplitProperty(tc.phrase)
		if !ok || h != tc.head || o != tc.object {
			t.Errorf("SplitProperty(%q) = %q, %q, %t", tc.phrase, h, o, ok)
		}
	}
	for _, p := range []string{"can fly", "have", "run", "swim in lakes"} {
		if h, o, ok := SplitProperty(p); ok {
			t.Errorf("SplitProperty(%q) = %q, %q; want no split", p, h, o)
		}
	}
}

func TestOpenOffers(t *testing.T) {
	st := func(q logic.Quantifier, s, p string) logic.Statement {
		return logic.Statement{Q: q, Subject: s, Predicate: p}
	}
	premises := []logic.Statement{
		st(logic.All, "robot", Property("run on batteries")),
		st(logic.All, "toaster", Property("run on mains power")),
		st(logic.All, "toaster", Property("have a plug")),
		st(logic.All, "robot", "machine"),
		st(logic.Is, "R2-D2", "robot"),
		st(logic.All, "droid", Property("run on batteries")),
	}
	got := OpenOffers(premises, "R2-D2", "run on")
	want := []OpenOffer{{"batteries", Property("run on batteries")}, {"mains power", Property("run on mains power")}}
	if !slices.Equal(got, want) {
		t.Errorf("run on: %v, want %v", got, want)
	}
	// Asked what else R2-D2 must be: every group named but the one it is
	// said to be in.
	got = OpenOffers(premises, "R2-D2", BeHead)
	want = []OpenOffer{{"toaster", "toaster"}, {"machine", "machine"}, {"droid", "droid"}}
	if !slices.Equal(got, want) {
		t.Errorf("be: %v, want %v", got, want)
	}
	if got := OpenOffers(premises, "R2-D2", "eat"); got != nil {
		t.Errorf("eat: %v, want none", got)
	}
}
