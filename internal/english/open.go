package english

import (
	"fmt"
	"strings"
)

// openHeads are the verb heads an open question asks with, longest
// first so that "run on" is found before a shorter head could be: each
// is a listed verb, or a verb and its preposition, whose object is what
// the question asks for ("What does R2-D2 run on?" asks for the object
// of "run on batteries").
var openHeads = []string{"run on", "live in", "feed on", "have", "eat", "need", "use", "lay"}

// OpenHeads returns the verb heads [OpenQuestion] asks with.
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
// <head>s: OpenQuestion("R2-D2", "run on") is "What does R2-D2 run on?".
// name must be a valid name and head one of [OpenHeads].
func OpenQuestion(name, head string) (string, error) {
	if p := nameProblem(name); p != "" {
		return "", fmt.Errorf("open question about %q: %s", name, p)
	}
	if !isOpenHead(head) {
		return "", fmt.Errorf("open question about %q: %q is not a verb head an open question asks with (want one of %s)", name, head, strings.Join(openHeads, ", "))
	}
	return "What does " + name + " " + head + "?", nil
}

// ParseOpenQuestion reads a question [OpenQuestion] wrote back into the
// name and the head.
func ParseOpenQuestion(q string) (name, head string, err error) {
	body, ok := strings.CutPrefix(q, "What does ")
	if ok {
		body, ok = strings.CutSuffix(body, "?")
	}
	if !ok {
		return "", "", fmt.Errorf("open question %q: want \"What does <name> <verb>?\"", q)
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
