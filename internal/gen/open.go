package gen

import (
	"fmt"
	"math/rand/v2"
	"slices"

	"github.com/syllobench/syllobench/internal/english"
	"github.com/syllobench/syllobench/internal/lexicon"
	"github.com/syllobench/syllobench/internal/logic"
)

// An open question asks the model to write its answer: "All robots run
// on batteries. R2-D2 is a robot. What does R2-D2 run on?". Its form is a
// chain from an individual to a property,
//
//	X is a t0. All t0 are t1. … All t(d-1) ~p.   What does X <head>?
//
// where ~p is a property placeholder ("run on batteries"), head its verb
// ("run on") and the right answers every object of a property with that
// head which the premises entail of X, as package logic decides. Its
// distractors are a fresh term d0 inside a chain term with a property of
// the same head: "All penguins are birds. All penguins eat krill." says
// nothing of what X, a bird, eats.
//
// Its group forms end the chain in a group instead, and ask "What else
// must X be?": right are the groups the premises make X a member of,
// besides those they say it is in ("X is a t0").

// Placeholders of the open forms.
const (
	openName       = "X"
	openAnswer     = "~p" // the property the question asks about
	openDistractor = "~q" // the distractors' property
	openOther      = "d0" // the distractors' term
	openOtherGroup = "e0" // the distractors' group, in a group form
)

// openShape is what makes a form an open question.
type openShape struct {
	depth int  // universal premises from X's group to the answer
	link  int  // the chain term that holds the distractor term; -1 for none
	group bool // the answer is a group, not a property
}

// openDepths and openDistractors are the shapes of the open family.
const openMaxDepth = 4

var openDistractors = []int{0, 2}

func openForms() []form {
	var fs []form
	for _, group := range []bool{false, true} {
		for depth := 1; depth <= openMaxDepth; depth++ {
			for _, d := range openDistractors {
				fs = append(fs, openForm(depth, d, group))
			}
		}
	}
	return fs
}

// openForm returns the open form of a depth with 0 or 2 distractor
// premises, whose answer is a property or, if group, a group. Where the
// distractors go, and which chain term holds the distractor term, is
// fixed by the form's id, as for chains.
func openForm(depth, distractors int, group bool) form {
	t := func(i int) string { return fmt.Sprint("t", i) }
	answer, other, id := openAnswer, openDistractor, fmt.Sprintf("open-%d", depth)
	if group {
		answer, other, id = t(depth), openOtherGroup, fmt.Sprintf("open-be-%d", depth)
	}
	var ps []logic.Statement
	for i := 0; i < depth-1; i++ {
		ps = append(ps, logic.Statement{Q: logic.All, Subject: t(i), Predicate: t(i + 1)})
	}
	ps = append(ps, logic.Statement{Q: logic.All, Subject: t(depth - 1), Predicate: answer})
	shape := &openShape{depth: depth, link: -1, group: group}
	if distractors > 0 {
		id += fmt.Sprintf("-d%d", distractors)
		r := stream(0, "open", id)
		shape.link = r.IntN(depth)
		for _, s := range []logic.Statement{
			{Q: logic.All, Subject: openOther, Predicate: t(shape.link)},
			{Q: logic.All, Subject: openOther, Predicate: other},
		} {
			at := r.IntN(len(ps) + 1)
			ps = slices.Insert(ps, at, s)
		}
	}
	// The individual comes last, as in "All robots run on batteries.
	// R2-D2 is a robot."
	ps = append(ps, logic.Statement{Q: logic.Is, Subject: openName, Predicate: t(0)})
	c := logic.Statement{Q: logic.Is, Subject: openName, Predicate: answer}
	return form{id: id, premises: ps, conclusion: &c, open: shape}
}

// openConditions are the conditions an open form is filled under.
var openConditions = []Condition{Symbolic, Nonce, Believable, Unbelievable}

// openHeads are the verbs that symbolic and nonce content asks with.
var openHeads = []string{"have", "eat", "need", "use"}

// fillOpen chooses content for an open form.
func fillOpen(f form, c Condition, tax *lexicon.Taxonomy, r *rand.Rand) (content, error) {
	if !slices.Contains(openConditions, c) {
		return content{}, fmt.Errorf("%w: open questions are asked under %v, not %s", ErrUnsupported, openConditions, c)
	}
	if c == Believable || c == Unbelievable {
		return fillOpenReal(f, c == Believable, tax, r)
	}
	// Terms and objects are letters or nonsense words, all different.
	vars := f.placeholders()
	n := len(vars) // the name and the two properties take a word each too
	var words []string
	switch c {
	case Symbolic:
		for _, j := range shuffled(r, len(symbolTerms))[:n] {
			words = append(words, symbolTerms[j])
		}
	case Nonce:
		ws, err := lexicon.NonceWords(r, n)
		if err != nil {
			return content{}, err
		}
		for _, w := range ws {
			words = append(words, w)
		}
	}
	head := openHeads[r.IntN(len(openHeads))]
	out := content{terms: map[string]string{}, names: map[string]string{}}
	for i, v := range vars {
		switch {
		case v.name && c == Symbolic:
			out.names[v.placeholder] = symbolNames[0]
		case v.name:
			ns, err := nonceNames(r, 1, words)
			if err != nil {
				return content{}, err
			}
			out.names[v.placeholder] = ns[0]
		case english.IsProperty(v.placeholder):
			object := words[i]
			if c == Nonce {
				object = english.Plural(object)
			}
			out.terms[v.placeholder] = english.Property(head + " " + object)
		default:
			out.terms[v.placeholder] = words[i]
		}
	}
	return out, nil
}

// fillOpenReal fills an open form with a named individual, the groups
// above it in the taxonomy and property facts: believable when the
// property asked about is true of the individual in the world, and
// unbelievable when it is false. The premises of a believable item are
// true; an unbelievable one has a false premise, as it must.
func fillOpenReal(f form, believable bool, tax *lexicon.Taxonomy, r *rand.Rand) (content, error) {
	sh := f.open
	if sh.group {
		return fillOpenGroup(f, believable, tax, r)
	}
	props := tax.Properties()
	inds := tax.Individuals()
	for _, i := range shuffled(r, len(inds)) {
		x := inds[i]
		path := upward(x.Category)
		if len(path) < sh.depth {
			continue
		}
		start := r.IntN(len(path) - sh.depth + 1)
		chain := path[start : start+sh.depth]
		top := chain[sh.depth-1]
		var answers []lexicon.Property
		for _, p := range props {
			if _, _, ok := english.SplitProperty(p.Phrase); !ok {
				continue
			}
			has, err := tax.Truth(logic.Statement{Q: logic.Is, Subject: x.Name, Predicate: p.Term})
			if err != nil || has != believable {
				continue
			}
			if all, err := tax.Truth(logic.Statement{Q: logic.All, Subject: top.Singular, Predicate: p.Term}); believable && (err != nil || !all) {
				continue // a believable item's premises are true
			}
			answers = append(answers, p)
		}
		if len(answers) == 0 {
			continue
		}
		p := answers[r.IntN(len(answers))]
		out := content{terms: map[string]string{openAnswer: p.Term}, names: map[string]string{openName: x.Name}}
		for j, c := range chain {
			out.terms[fmt.Sprint("t", j)] = c.Singular
		}
		if sh.link < 0 {
			return out, nil
		}
		if d, q, ok := openDistractorContent(tax, props, chain[sh.link], x.Category, p, r); ok {
			out.terms[openOther], out.terms[openDistractor] = d.Singular, q.Term
			return out, nil
		}
	}
	return content{}, fmt.Errorf("%w: no individual has a chain of %d groups to a property that is %s of it", ErrNoContent, sh.depth, map[bool]string{true: "true", false: "false"}[believable])
}

// fillOpenGroup fills an open group form with a named individual and
// the groups above it: believable when the last group is one of them, so
// that every premise is true, and unbelievable when it is a group apart
// from them ("All owls are fish"), so that what follows is false. The
// distractor term is a group inside a chain term that does not hold the
// individual's, and the distractors' group the one just above it.
func fillOpenGroup(f form, believable bool, tax *lexicon.Taxonomy, r *rand.Rand) (content, error) {
	sh := f.open
	cats := tax.Categories()
	inds := tax.Individuals()
	for _, i := range shuffled(r, len(inds)) {
		x := inds[i]
		path := upward(x.Category)
		need := sh.depth
		if believable {
			need++ // the answer is above the chain
		}
		if len(path) < need {
			continue
		}
		start := r.IntN(len(path) - need + 1)
		chain := path[start : start+sh.depth]
		top := chain[sh.depth-1]
		var answer *lexicon.Category
		if believable {
			above := path[start+sh.depth:]
			answer = above[r.IntN(len(above))]
		} else {
			for _, j := range shuffled(r, len(cats)) {
				if c := cats[j]; c.Disjoint(top) && !tax.Apart(c, top) {
					answer = c
					break
				}
			}
		}
		if answer == nil {
			continue
		}
		out := content{terms: map[string]string{fmt.Sprint("t", sh.depth): answer.Singular}, names: map[string]string{openName: x.Name}}
		for j, c := range chain {
			out.terms[fmt.Sprint("t", j)] = c.Singular
		}
		if sh.link < 0 {
			return out, nil
		}
		link := chain[sh.link]
		sub := link.Subtree()[1:]
		for _, k := range shuffled(r, len(sub)) {
			d := sub[k]
			e := d.Parent
			if d.Includes(x.Category) || x.Category.Includes(d) || e == link || e.Includes(x.Category) || e == answer || tax.Apart(d, link) {
				continue
			}
			out.terms[openOther], out.terms[openOtherGroup] = d.Singular, e.Singular
			return out, nil
		}
	}
	return content{}, fmt.Errorf("%w: no individual has a chain of %d groups for an open group question", ErrNoContent, sh.depth)
}

// upward returns c and the categories above it, nearest first.
func upward(c *lexicon.Category) []*lexicon.Category {
	var path []*lexicon.Category
	for ; c != nil; c = c.Parent {
		path = append(path, c)
	}
	return path
}

// openDistractorContent draws a group strictly inside link that does not
// hold x's group, and a property with the same head as p and another
// object: one the group has where there is one, so that the distractor
// premises are true.
func openDistractorContent(tax *lexicon.Taxonomy, props []lexicon.Property, link, xs *lexicon.Category, p lexicon.Property, r *rand.Rand) (*lexicon.Category, lexicon.Property, bool) {
	head, _, _ := english.SplitProperty(p.Phrase)
	var same []lexicon.Property
	for _, q := range props {
		if h, _, ok := english.SplitProperty(q.Phrase); ok && h == head && q.Term != p.Term {
			same = append(same, q)
		}
	}
	if len(same) == 0 {
		return nil, lexicon.Property{}, false
	}
	sub := link.Subtree()[1:]
	for _, i := range shuffled(r, len(sub)) {
		d := sub[i]
		if d.Includes(xs) || xs.Includes(d) || tax.Apart(d, link) {
			continue
		}
		// A property the facts settle for the group, true if one is:
		// every premise of a real item has a world truth.
		var held, lacked []lexicon.Property
		for _, q := range same {
			if t, err := tax.Truth(logic.Statement{Q: logic.All, Subject: d.Singular, Predicate: q.Term}); err == nil {
				if t {
					held = append(held, q)
				} else {
					lacked = append(lacked, q)
				}
			}
		}
		if len(held) == 0 {
			held = lacked
		}
		if len(held) == 0 {
			continue
		}
		return d, held[r.IntN(len(held))], true
	}
	return nil, lexicon.Property{}, false
}

// openQuestion is the text of an open item's question: "What does X
// have?" for the conclusion "X has <object>", "What else must X be?" for
// "X is a <group>", read back to be sure.
func openQuestion(concl logic.Statement) (string, error) {
	head := english.BeHead
	if phrase, ok := english.PropertyPhrase(concl.Predicate); ok {
		if head, _, ok = english.SplitProperty(phrase); !ok {
			return "", fmt.Errorf("open question about %v: %q has no verb head to ask with", concl, phrase)
		}
	}
	q, err := english.OpenQuestion(concl.Subject, head)
	if err != nil {
		return "", err
	}
	if name, h, err := english.ParseOpenQuestion(q); err != nil || name != concl.Subject || h != head {
		return "", fmt.Errorf("open question %q reads back as %q, %q (%v)", q, name, h, err)
	}
	return q, nil
}

// gradeOpen sets the answers of an open item: every answer the premises
// offer (english.OpenOffers) that they entail of the individual, as the
// logic decides. The conclusion's own answer must be one.
func (it *Item) gradeOpen() error {
	concl := *it.Conclusion
	name, head, err := english.ParseOpenQuestion(it.ConclusionText)
	if err != nil || name != concl.Subject {
		return fmt.Errorf("open question %q about %v: %v", it.ConclusionText, concl, err)
	}
	want := ""
	for _, o := range english.OpenOffers(it.Premises, name, head) {
		v, err := logic.Decide(it.Premises, logic.Statement{Q: logic.Is, Subject: name, Predicate: o.Predicate}, it.Semantics)
		if err != nil {
			return err
		}
		if v == logic.Inconsistent {
			return ErrInconsistent
		}
		if v == logic.Entailed {
			it.Accepted = append(it.Accepted, o.Answer)
			if o.Predicate == concl.Predicate {
				want = o.Answer
			}
		}
	}
	if want == "" {
		return fmt.Errorf("open question %q: %v is not among the entailed answers %q", it.ConclusionText, concl, it.Accepted)
	}
	it.Expected = want
	it.Meta.Verdict = logic.Entailed.String()
	return nil
}
