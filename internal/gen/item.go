// Package gen turns (probe family, form, content condition, presentation,
// semantics, seed, index) into an [Item]: the statements of one question,
// their English text, and the expected answer.
//
// The expected answer is computed by [logic] from the English as it is
// parsed back by [english], so what a model reads is what is graded. All
// randomness comes from PCG streams seeded by the seed and the item's
// identity: the same spec gives the same item, byte for byte.
package gen

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"

	"github.com/syllobench/syllobench/internal/english"
	"github.com/syllobench/syllobench/internal/forms"
	"github.com/syllobench/syllobench/internal/lexicon"
	"github.com/syllobench/syllobench/internal/logic"
	"github.com/syllobench/syllobench/internal/question"
)

// Item is one generated question.
type Item struct {
	ID           string // family/form/condition/index, plus /presentation when not canonical
	Family       string
	Form         string
	Index        int // which item of its form and condition, as Spec.Index
	Condition    Condition
	Presentation Presentation
	Semantics    logic.Semantics
	Kind         question.Kind

	Premises    []logic.Statement // in the order shown
	PremiseText []string
	// Conclusion is the statement asked about; nil for choice and
	// consistency questions.
	Conclusion     *logic.Statement
	ConclusionText string
	// Direct is set when ConclusionText asks the conclusion as a direct
	// question ("Are squares triangles?"; see Presentation.DirectQuestion).
	Direct  bool
	Options []Option // choice questions only, in the order shown

	Expected string   // the label of the right answer
	Accepted []string // every right label (choice questions may have several)
	Meta     Meta
}

// Option is one answer of a choice question.
type Option struct {
	Label    string // "1" … "9"
	Text     string // the conclusion in English, or the no-valid-conclusion sentence
	Response forms.Response
}

// Meta describes an item for analysis; none of it reaches the prompt.
type Meta struct {
	Verdict        string  // the logic verdict of premises and conclusion, if any
	ConclusionTrue *bool   // world truth, for real content
	PremisesTrue   []*bool // world truth of each premise shown, for real content
	Fallacies      []string
	Swap           string // the swap pair, "A <-> B"
	Set            string // the isomorph set an item belongs to
}

// Spec says which item to generate.
type Spec struct {
	Family       string
	Form         string
	Condition    Condition
	Presentation Presentation
	Semantics    logic.Semantics
	Seed         uint64
	Index        int
}

// ErrInconsistent is returned for a form whose premises cannot all be
// true, which no question should rest on.
var ErrInconsistent = errors.New("gen: the premises are inconsistent")

// Generate builds the item spec describes from the default taxonomy.
func Generate(spec Spec) (Item, error) {
	fam, f, err := lookup(spec)
	if err != nil {
		return Item{}, err
	}
	if err := fam.check(spec); err != nil {
		return Item{}, err
	}
	return generate(fam, f, spec, lexicon.Default())
}

// lookup returns the family and form spec names.
func lookup(spec Spec) (Family, form, error) {
	fam, err := FamilyByName(spec.Family)
	if err != nil {
		return Family{}, form{}, err
	}
	f, err := fam.form(spec.Form)
	return fam, f, err
}

// check reports the parts of spec the family cannot generate.
func (fam Family) check(spec Spec) error {
	if !slices.Contains(fam.Conditions, spec.Condition) {
		return fmt.Errorf("family %s has no condition %q: want one of %v", fam.Name, spec.Condition, fam.Conditions)
	}
	if spec.Semantics != logic.Boolean && spec.Semantics != logic.Traditional {
		return fmt.Errorf("unknown semantics %v", spec.Semantics)
	}
	if spec.Index < 0 {
		return fmt.Errorf("item index %d: want 0 or more", spec.Index)
	}
	return checkPresentation(spec.Presentation)
}

// stream returns a PCG stream for the parts of a key: seeded by seed and
// the 64-bit FNV-1a hash of the parts, each followed by a zero byte.
func stream(seed uint64, parts ...string) *rand.Rand {
	return rand.New(rand.NewPCG(seed, fnv64a(parts)))
}

// fnv64a is what hash/fnv's New64a sums for the parts, each followed by a
// zero byte, computed inline: writing through the hash.Hash interface
// allocated a copy of every part, twice an item.
func fnv64a(parts []string) uint64 {
	const (
		offset64 = 14695981039346656037
		prime64  = 1099511628211
	)
	h := uint64(offset64)
	for _, p := range parts {
		for i := range len(p) {
			h ^= uint64(p[i])
			h *= prime64
		}
		h *= prime64 // h ^= 0 for the separator, then the multiply
	}
	return h
}

func generate(fam Family, f form, spec Spec, tax *lexicon.Taxonomy) (Item, error) {
	id := fmt.Sprintf("%s/%s/%s/%d", fam.Name, f.id, spec.Condition, spec.Index)
	if spec.Presentation != Canonical {
		id += "/" + spec.Presentation.String()
	}
	// The two sides of a swap draw from one stream, so that they are
	// filled from the same pair in parallel.
	contentKey := string(spec.Condition)
	if spec.Condition == SwapA || spec.Condition == SwapB {
		contentKey = "swap"
	}
	idx := strconv.Itoa(spec.Index)
	c, err := fill(f, spec.Condition, tax, stream(spec.Seed, fam.Name, f.id, contentKey, idx))
	if err != nil {
		return Item{}, fmt.Errorf("generating %s: %w", id, err)
	}
	// The presentation stream ignores the condition: an isomorph set
	// shows every member the same way.
	pr := stream(spec.Seed, fam.Name, f.id, idx, spec.Presentation.String())
	it := Item{
		ID: id, Family: fam.Name, Form: f.id, Index: spec.Index, Condition: spec.Condition,
		Presentation: spec.Presentation, Semantics: spec.Semantics, Kind: fam.Kind,
	}
	options, err := it.render(f, c, spec.Presentation, pr)
	if err != nil {
		return Item{}, fmt.Errorf("generating %s: %w", id, err)
	}
	if err := it.grade(options); err != nil {
		return Item{}, fmt.Errorf("generating %s: %w", id, err)
	}
	it.describe(f, c, tax)
	return it, nil
}

// phrase renders s in the default phrasing, or, when pr varies the
// phrasing, in one of its other phrasings drawn from r, or, when pr asks
// for bare plurals, an All statement as one where it has one; and checks
// that the text parses back to s.
func phrase(s logic.Statement, pr Presentation, r *rand.Rand) (string, error) {
	ps := english.Phrasings(s.Q)
	p := ps[0]
	if pr.VaryPhrasing && len(ps) > 1 {
		// Another phrasing than the default, so that a varied item
		// never reads the same as the canonical one.
		p = ps[1+r.IntN(len(ps)-1)]
	}
	if pr.BarePlurals && s.Q == logic.All {
		// Drawn after the phrasing, so that the draws of the other
		// statements are those of the same presentation without it.
		if text, back, err := english.RenderRoundTrip(s, english.BarePlural); err == nil && back == s {
			return text, nil
		}
	}
	text, back, err := english.RenderRoundTrip(s, p)
	if err != nil {
		return "", err
	}
	if back != s {
		return "", fmt.Errorf("%q reads back as %v, not %v", text, back, s)
	}
	return text, nil
}

// askDirect writes s as a direct question, with a bare plural if bare and
// s has one, that reads back as s knowing the words of the premises (see
// english.ReadQuestion); it reports false if there is no such question.
func askDirect(s logic.Statement, bare bool, premises []logic.Statement) (string, bool) {
	known := knownWords(append(slices.Clone(premises), s))
	tries := []bool{false}
	if bare {
		tries = []bool{true, false}
	}
	for _, b := range tries {
		q, err := english.Ask(s, b)
		if err != nil {
			continue
		}
		if back, gotBare, err := english.ReadQuestion(q, known); err == nil && back == s && gotBare == b {
			return q, true
		}
	}
	return "", false
}

// knownWords reports whether a word is a term or name of stmts.
func knownWords(stmts []logic.Statement) func(string) bool {
	return func(w string) bool {
		for _, s := range stmts {
			if s.Subject == w || s.Predicate == w {
				return true
			}
		}
		return false
	}
}

// render fills in the statements and their text. It returns the
// statement of each option (the zero Statement for the no-valid-conclusion
// option), which grade decides: phrase has checked that every text it
// wrote parses back to its statement, so these are the statements the
// English reads as.
func (it *Item) render(f form, c content, p Presentation, r *rand.Rand) ([]logic.Statement, error) {
	order := make([]int, len(f.premises))
	for i := range order {
		order[i] = i
	}
	if p.ShufflePremises {
		order = moved(r, len(order))
	}
	it.Premises = make([]logic.Statement, 0, len(order))
	it.PremiseText = make([]string, 0, len(order))
	for _, i := range order {
		s := c.rename(f.premises[i])
		text, err := phrase(s, p, r)
		if err != nil {
			return nil, err
		}
		it.Premises = append(it.Premises, s)
		it.PremiseText = append(it.PremiseText, text)
	}
	if f.conclusion != nil {
		s := c.rename(*f.conclusion)
		text, err := phrase(s, p, r)
		switch {
		case f.open != nil:
			// The conclusion is what the answer entails, not shown: the
			// question asks for it.
			text, err = openQuestion(s)
		case p.DirectQuestion && (it.Kind == question.Validity || it.Kind == question.Truth) && err == nil:
			if q, ok := askDirect(s, p.BarePlurals, it.Premises); ok {
				text, it.Direct = q, true
			}
		}
		if err != nil {
			return nil, err
		}
		it.Conclusion, it.ConclusionText = &s, text
	}
	if f.pair == nil {
		return nil, nil
	}
	rs := forms.Responses()
	if p.ShuffleOptions {
		perm := moved(r, len(rs))
		shuffledRs := make([]forms.Response, len(rs))
		for i, j := range perm {
			shuffledRs[i] = rs[j]
		}
		rs = shuffledRs
	}
	stmts := make([]logic.Statement, len(rs))
	it.Options = make([]Option, 0, len(rs))
	for i, resp := range rs {
		o := Option{Label: strconv.Itoa(i + 1), Text: question.NoValidConclusion, Response: resp}
		if s, ok := resp.Statement(); ok {
			s = c.rename(s)
			text, err := phrase(s, p, r)
			if err != nil {
				return nil, err
			}
			o.Text, stmts[i] = text, s
		}
		it.Options = append(it.Options, o)
	}
	return stmts, nil
}

// grade computes the expected answer from the text as it parses back:
// from it.Premises, it.Conclusion and options, the statements render put
// in, each of which phrase has parsed back from its text and found equal.
// Parsing the text again here would give the same statements.
func (it *Item) grade(options []logic.Statement) error {
	premises := it.Premises
	switch it.Kind {
	case question.Consistency:
		ok, err := logic.Consistent(premises, it.Semantics)
		if err != nil {
			return err
		}
		it.Expected = map[bool]string{true: question.Yes, false: question.No}[ok]
	case question.Choice:
		ok, err := logic.Consistent(premises, it.Semantics)
		if err != nil {
			return err
		}
		if !ok {
			return ErrInconsistent
		}
		for i, o := range it.Options {
			if o.Response == forms.NVC {
				continue
			}
			if v, err := logic.Decide(premises, options[i], it.Semantics); err != nil {
				return err
			} else if v == logic.Entailed {
				it.Accepted = append(it.Accepted, o.Label)
			}
		}
		if it.Accepted == nil {
			for _, o := range it.Options {
				if o.Response == forms.NVC {
					it.Accepted = []string{o.Label}
				}
			}
		}
		it.Expected = it.Accepted[0]
		return nil
	case question.Validity, question.Truth:
		if it.Conclusion == nil {
			return fmt.Errorf("a %s question with no conclusion", it.Kind)
		}
		v, err := logic.Decide(premises, *it.Conclusion, it.Semantics)
		if err != nil {
			return err
		}
		it.Meta.Verdict = v.String()
		switch {
		case v == logic.Inconsistent:
			return ErrInconsistent
		case it.Kind == question.Validity && v == logic.Entailed:
			it.Expected = question.Yes
		case it.Kind == question.Validity:
			it.Expected = question.No
		case v == logic.Entailed:
			it.Expected = question.True
		case v == logic.Contradicted:
			it.Expected = question.False
		default:
			it.Expected = question.Unknown
		}
	case question.Open:
		if it.Conclusion == nil {
			return fmt.Errorf("an open question with no conclusion")
		}
		return it.gradeOpen()
	default:
		return fmt.Errorf("unknown question kind %q", it.Kind)
	}
	it.Accepted = []string{it.Expected}
	return nil
}

// describe fills in the metadata.
func (it *Item) describe(f form, c content, tax *lexicon.Taxonomy) {
	for _, fl := range f.fallacies {
		it.Meta.Fallacies = append(it.Meta.Fallacies, fl.String())
	}
	if c.swap != nil {
		it.Meta.Swap = c.swap.A.Singular + " <-> " + c.swap.B.Singular
	}
	if !it.Condition.real() {
		return
	}
	for _, s := range it.Premises {
		it.Meta.PremisesTrue = append(it.Meta.PremisesTrue, worldTruth(tax, s))
	}
	if it.Conclusion != nil {
		it.Meta.ConclusionTrue = worldTruth(tax, *it.Conclusion)
	}
}

// Exemplar fills spec's form with the given words instead of drawn content,
// for the published examples a probe asks word for word, such as "All
// triangles are polygons. All squares are polygons. Are all squares
// triangles?". terms maps the form's term placeholders to singular nouns
// and names its individuals to names; every placeholder must be given.
// The item's condition is label, and its id reads family/form/label/index.
// The expected answer is graded as for any item; world truth is recorded
// for the statements whose words are all in the taxonomy.
func Exemplar(spec Spec, label string, terms, names map[string]string) (Item, error) {
	fam, f, err := lookup(spec)
	if err != nil {
		return Item{}, err
	}
	if label == "" || strings.ContainsAny(label, "/ ") || slices.Contains(Conditions(), Condition(label)) {
		return Item{}, fmt.Errorf("exemplar label %q: want a word with no slash or space that names no condition", label)
	}
	for _, v := range variables(f.statements()) {
		words := terms
		if v.name {
			words = names
		}
		if words[v.placeholder] == "" {
			return Item{}, fmt.Errorf("exemplar %s of %s: no word for placeholder %s", label, f.id, v.placeholder)
		}
	}
	spec.Condition = Condition(label)
	id := fmt.Sprintf("%s/%s/%s/%d", fam.Name, f.id, label, spec.Index)
	if spec.Presentation != Canonical {
		id += "/" + spec.Presentation.String()
	}
	pr := stream(spec.Seed, fam.Name, f.id, strconv.Itoa(spec.Index), spec.Presentation.String())
	it := Item{
		ID: id, Family: fam.Name, Form: f.id, Index: spec.Index, Condition: spec.Condition,
		Presentation: spec.Presentation, Semantics: spec.Semantics, Kind: fam.Kind,
	}
	c := content{terms: terms, names: names}
	options, err := it.render(f, c, spec.Presentation, pr)
	if err != nil {
		return Item{}, fmt.Errorf("generating %s: %w", id, err)
	}
	if err := it.grade(options); err != nil {
		return Item{}, fmt.Errorf("generating %s: %w", id, err)
	}
	tax := lexicon.Default()
	it.describe(f, c, tax)
	for _, s := range it.Premises {
		it.Meta.PremisesTrue = append(it.Meta.PremisesTrue, worldTruth(tax, s))
	}
	if it.Conclusion != nil {
		it.Meta.ConclusionTrue = worldTruth(tax, *it.Conclusion)
	}
	return it, nil
}
