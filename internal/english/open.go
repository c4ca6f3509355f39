package english

import (
	"fmt"
	"strings"

	"github.com/syllobench/syllobench/internal/logic"
)

// openHeads are the verb heads an open question asks with, longest
// first so that "run on" is found before a shorter head could be: each
// is a listed verb, or a verb and its preposition, whose object is what
// the question asks for ("What does R2-D2 run on?" asks for the object
// of "run on batteries").
var openHeads = []string{"run on", "live in", "feed on", "have", "eat", "need", "use", "lay"}

// BeHead is the head of the open question that asks for a group:
// OpenQuestion("Tweety", BeHead) is "What else must Tweety be?", whose
// answers are the groups the premises make the individual a member of,
// besides those they say it is in.
const BeHead = "be"

// OpenHeads returns the verb heads [OpenQuestion] asks with, besides
// [BeHead].
func OpenHeads() []string { return append([]string(nil), openHeads...) }

// SplitProperty splits a property's base-form phrase into the open head
// it starts with and the object after it: "run on batteries" gives "run
// on" and "batteries", "have a backbone" gives "have" and "a backbone".
// It reports false for a phrase with no open head or nothing after it
// ("can fly").
func SplitProperty(phrase string) (head, object string, ok bool) {
	for _, h := range openHeads {
		if rest, found := strings.CutPrefix(phrase, h+" "); found && strings.TrimSpace(rest) != "" {
			return h, rest, true
		}
	}
	return "", "", false
}

// OpenQuestion returns the question that asks what an individual
// <head>s: OpenQuestion("R2-D2", "run on") is "What does R2-D2 run on?",
// and OpenQuestion("Tweety", BeHead) "What else must Tweety be?". name
// must be a valid name and head one of [OpenHeads] or BeHead.
func OpenQuestion(name, head string) (string, error) {
	if p := nameProblem(name); p != "" {
		return "", fmt.Errorf("open question about %q: %s", name, p)
	}
	if head == BeHead {
		return "What else must " + name + " be?", nil
	}
	if !isOpenHead(head) {
		return "", fmt.Errorf("open question about %q: %q is not a verb head an open question asks with (want one of %s)", name, head, strings.Join(openHeads, ", "))
	}
	return "What does " + name + " " + head + "?", nil
}

// ParseOpenQuestion reads a question [OpenQuestion] wrote back into the
// name and the head.
func ParseOpenQuestion(q string) (name, head string, err error) {
	if body, ok := strings.CutPrefix(q, "What else must "); ok {
		n, ok := strings.CutSuffix(body, " be?")
		if !ok {
			return "", "", fmt.Errorf("open question %q: want \"What else must <name> be?\"", q)
		}
		if p := nameProblem(n); p != "" {
			return "", "", fmt.Errorf("open question %q: name %q: %s", q, n, p)
		}
		return n, BeHead, nil
	}
	body, ok := strings.CutPrefix(q, "What does ")
	if ok {
		body, ok = strings.CutSuffix(body, "?")
	}
	if !ok {
		return "", "", fmt.Errorf("open question %q: want \"What does <name> <verb>?\" or \"What else must <name> be?\"", q)
	}
	for _, h := range openHeads {
		if n, found := strings.CutSuffix(body, " "+h); found {
			if p := nameProblem(n); p != "" {
				return "", "", fmt.Errorf("open question %q: name %q: %s", q, n, p)
			}
			return n, h, nil
		}
	}
	return "", "", fmt.Errorf("open question %q: no verb head an open question asks with (want one of %s)", q, strings.Join(openHeads, ", "))
}

func isOpenHead(h string) bool {
	for _, o := range openHeads {
		if o == h {
			return true
		}
	}
	return false
}

// OpenOffer is an answer the premises of an open question offer: its
// words, and the predicate that it says of the individual.
type OpenOffer struct {
	Answer    string // "batteries" for "run on batteries"; the group's term for BeHead
	Predicate string // the property or group term
}

// OpenOffers returns the answers premises offer to the open question that
// asks what the individual name does with head, in the order they first
// appear: for a verb head, the object of every property with that head
// ("batteries" of "run on batteries"); for [BeHead], every group the
// premises name that they do not say name is in. Which of them the
// premises entail is for the logic to say: the generator grades with this
// list, and a reader of the prompt answers from it.
func OpenOffers(premises []logic.Statement, name, head string) []OpenOffer {
	var out []OpenOffer
	add := func(o OpenOffer) {
		for _, p := range out {
			if p.Predicate == o.Predicate {
				return
			}
		}
		out = append(out, o)
	}
	stated := map[string]bool{}
	for _, s := range premises {
		if s.Q.Singular() && s.Subject == name {
			stated[s.Predicate] = true
		}
	}
	for _, s := range premises {
		if head == BeHead {
			terms := []string{s.Predicate}
			if !s.Q.Singular() {
				terms = []string{s.Subject, s.Predicate}
			}
			for _, t := range terms {
				if !IsProperty(t) && !stated[t] {
					add(OpenOffer{Answer: t, Predicate: t})
				}
			}
			continue
		}
		if phrase, ok := PropertyPhrase(s.Predicate); ok {
			if h, object, ok := SplitProperty(phrase); ok && h == head {
				add(OpenOffer{Answer: object, Predicate: s.Predicate})
			}
		}
	}
	return out
}
