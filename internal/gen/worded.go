package gen

import (
	"fmt"
	"slices"
	"strings"

	"github.com/syllobench/syllobench/internal/english"
	"github.com/syllobench/syllobench/internal/logic"
	"github.com/syllobench/syllobench/internal/question"
)

// Wording is the text of a published argument, word for word: its
// premises in the order it gives them, and its question ("Are squares
// triangles?", "What does R2-D2 run on?") or, for a validity or truth
// question, the conclusion as a statement; "" for a consistency question.
type Wording struct {
	Premises []string
	Question string
}

// Shape is how a published argument is shown: the order of its premises,
// which of them are bare plurals, and how its question is asked. [Worded]
// finds it; [Shape.Show] shows a generated isomorph the same way.
type Shape struct {
	order        []int  // the form premise shown at each place
	bare         []bool // whether the premise at each place is a bare plural
	direct       bool   // the question is asked directly
	bareQuestion bool   // with a bare plural
}

// Worded fills spec's form with the given words, as [Exemplar] does, and
// shows it in the words of w: every premise text must read back as one
// of the item's premises, each once, and the question as its conclusion
// (as a statement, a direct question or an open question), knowing the
// item's words (english.ParseIn, english.ReadQuestion). Only the order
// and phrasing of what is shown change, so the expected answer, graded
// from the statements, is the one the words ask for. spec's presentation
// must be the canonical one.
func Worded(spec Spec, label string, terms, names map[string]string, w Wording) (Item, Shape, error) {
	if spec.Presentation != Canonical {
		return Item{}, Shape{}, fmt.Errorf("worded %s: the presentation is the wording's; want the canonical one, not %s", label, spec.Presentation)
	}
	it, err := Exemplar(spec, label, terms, names)
	if err != nil {
		return Item{}, Shape{}, err
	}
	fail := func(format string, args ...any) (Item, Shape, error) {
		return Item{}, Shape{}, fmt.Errorf("worded %s: "+format, append([]any{it.ID}, args...)...)
	}
	if len(w.Premises) != len(it.Premises) {
		return fail("%d premises given, the form has %d", len(w.Premises), len(it.Premises))
	}
	known := knownWords(append(slices.Clone(it.Premises), optional(it.Conclusion)...))
	sh := Shape{}
	used := make([]bool, len(it.Premises))
	var premises []logic.Statement
	for _, text := range w.Premises {
		s, err := english.ParseIn(text, known)
		if err != nil {
			return fail("premise %q: %v", text, err)
		}
		j := slices.IndexFunc(it.Premises, func(p logic.Statement) bool { return p == s })
		for j >= 0 && used[j] {
			next := slices.IndexFunc(it.Premises[j+1:], func(p logic.Statement) bool { return p == s })
			if next < 0 {
				j = -1
				break
			}
			j += 1 + next
		}
		if j < 0 {
			return fail("premise %q reads as %v, which is not one of the form's premises %v (or is there twice)", text, s, it.Premises)
		}
		used[j] = true
		sh.order = append(sh.order, j)
		sh.bare = append(sh.bare, s.Q == logic.All && !startsWithAny(text, "All ", "Every ", "Each "))
		premises = append(premises, s)
	}
	switch {
	case it.Kind == question.Open || it.Kind == question.Consistency:
		if w.Question != it.ConclusionText {
			return fail("question %q: this %s question asks %q", w.Question, it.Kind, it.ConclusionText)
		}
	case it.Kind == question.Validity || it.Kind == question.Truth:
		var s logic.Statement
		if strings.HasSuffix(w.Question, "?") {
			s, sh.bareQuestion, err = english.ReadQuestion(w.Question, known)
			sh.direct = true
		} else {
			s, err = english.ParseIn(w.Question, known)
		}
		if err != nil || s != *it.Conclusion {
			return fail("question %q reads as %v (%v), not as the conclusion %v", w.Question, s, err, *it.Conclusion)
		}
		it.ConclusionText, it.Direct = w.Question, sh.direct
	default:
		return fail("a %s question cannot be worded", it.Kind)
	}
	it.Premises, it.PremiseText = premises, slices.Clone(w.Premises)
	return it, sh, nil
}

// optional returns the statement s points to, if any, as a slice.
func optional(s *logic.Statement) []logic.Statement {
	if s == nil {
		return nil
	}
	return []logic.Statement{*s}
}

func startsWithAny(s string, prefixes ...string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// Show returns iso, an item of the same form generated in the canonical
// presentation, shown as the worded argument is: its premises in the
// same order, a bare plural where the argument has one and iso's
// statement can be written as one, and its question asked the same way
// where iso's conclusion can be. Its id gains "/as-<label>".
func (sh Shape) Show(iso Item, label string) (Item, error) {
	if iso.Presentation != Canonical || len(iso.Premises) != len(sh.order) {
		return Item{}, fmt.Errorf("show %s as %s: want a canonical item with %d premises", iso.ID, label, len(sh.order))
	}
	out := iso
	out.ID += "/as-" + label
	out.Premises, out.PremiseText = nil, nil
	for k, j := range sh.order {
		s, text := iso.Premises[j], iso.PremiseText[j]
		if sh.bare[k] {
			if t, back, err := english.RenderRoundTrip(s, english.BarePlural); err == nil && back == s {
				text = t
			}
		}
		out.Premises = append(out.Premises, s)
		out.PremiseText = append(out.PremiseText, text)
	}
	if sh.direct && iso.Conclusion != nil {
		if q, ok := askDirect(*iso.Conclusion, sh.bareQuestion, out.Premises); ok {
			out.ConclusionText, out.Direct = q, true
		}
	}
	return out, nil
}
