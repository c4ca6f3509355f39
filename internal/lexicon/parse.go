package lexicon

import (
	"errors"
	"fmt"
	"strings"

	"github.com/syllobench/syllobench/internal/english"
	"github.com/syllobench/syllobench/internal/logic"
)

// The sections of a taxonomy file.
const (
	sectionCategories  = "[categories]"
	sectionIndividuals = "[individuals]"
	sectionSwaps       = "[swaps]"
)

// Parse reads a taxonomy file; name is used in error messages. The format,
// documented at the top of taxonomy.txt, is line-based; "#" starts a
// comment, and blank lines are ignored. A section header ([categories],
// [individuals] or [swaps]) starts each section, and:
//
//   - a category is "singular | plural | article", indented two spaces per
//     level below its parent; the singular must be a valid term of package
//     english, the plural must be english.Plural(singular) and the article
//     english.Article(singular), and no singular or plural may be used by
//     two categories;
//   - an individual is "Name | category": a name valid for package english
//     that is no category's form in any letter case, and a known category;
//   - a swap pair is "a <-> b": two known categories in different domains,
//     each with at least 3 descendants and a depth of at least 2 below it.
//
// Parse reports every problem it finds, each with the file name and line,
// in one error that wraps [ErrInvalid].
func Parse(name string, data []byte) (*Taxonomy, error) {
	p := &parser{
		name:  name,
		t:     &Taxonomy{byTerm: map[string]*Category{}, byName: map[string]Individual{}},
		forms: map[string]formUse{},
		seen:  map[string]int{},
	}
	for i, raw := range strings.Split(string(data), "\n") {
		p.line(i+1, raw)
	}
	p.resolve()
	if len(p.t.cats) == 0 && len(p.errs) == 0 {
		p.errorf(0, "no categories")
	}
	if len(p.errs) > 0 {
		return nil, fmt.Errorf("%w:\n%w", ErrInvalid, errors.Join(p.errs...))
	}
	p.number()
	return p.t, nil
}

// formUse records which category first used a surface form, and where.
type formUse struct {
	c    *Category
	line int
}

// pendingIndividual and pendingSwap are resolved once every category is
// known, so sections may come in any order.
type pendingIndividual struct {
	name, category string
	line           int
}

type pendingSwap struct {
	a, b string
	line int
}

type parser struct {
	name    string
	t       *Taxonomy
	errs    []error
	section string
	seen    map[string]int     // section header → line
	stack   []*Category        // the open ancestors of the next category line
	forms   map[string]formUse // singular and plural forms → first use
	inds    []pendingIndividual
	swaps   []pendingSwap
}

func (p *parser) errorf(line int, format string, args ...any) {
	where := p.name
	if line > 0 {
		where = fmt.Sprintf("%s:%d", p.name, line)
	}
	p.errs = append(p.errs, fmt.Errorf("%s: %s", where, fmt.Sprintf(format, args...)))
}

func (p *parser) line(n int, raw string) {
	text, _, _ := strings.Cut(strings.TrimSuffix(raw, "\r"), "#")
	text = strings.TrimRight(text, " \t")
	body := strings.TrimLeft(text, " \t")
	if body == "" {
		return
	}
	indent := text[:len(text)-len(body)]
	if strings.HasPrefix(body, "[") {
		p.header(n, indent, body)
		return
	}
	switch p.section {
	case sectionCategories:
		p.category(n, indent, body)
	case sectionIndividuals:
		p.noIndent(n, indent)
		p.individual(n, body)
	case sectionSwaps:
		p.noIndent(n, indent)
		p.swap(n, body)
	default:
		p.errorf(n, "%q before the first section header: want %s first", body, sectionCategories)
	}
}

func (p *parser) header(n int, indent, body string) {
	p.noIndent(n, indent)
	switch body {
	case sectionCategories, sectionIndividuals, sectionSwaps:
	default:
		p.errorf(n, "unknown section %s: want %s, %s or %s", body, sectionCategories, sectionIndividuals, sectionSwaps)
		p.section = ""
		return
	}
	if first, ok := p.seen[body]; ok {
		p.errorf(n, "section %s repeated (first on line %d)", body, first)
	}
	p.seen[body] = n
	p.section = body
	p.stack = p.stack[:0]
}

func (p *parser) noIndent(n int, indent string) {
	if indent != "" {
		p.errorf(n, "unexpected indentation outside %s", sectionCategories)
	}
}

// category reads "singular | plural | article" at the depth its
// indentation gives.
func (p *parser) category(n int, indent, body string) {
	depth, ok := p.depth(n, indent)
	fields := strings.Split(body, "|")
	if len(fields) != 3 {
		p.errorf(n, "category %q: want 3 fields \"singular | plural | article\", got %d", body, len(fields))
		ok = false
	}
	for i := range fields {
		fields[i] = strings.TrimSpace(fields[i])
	}
	c := &Category{Depth: depth}
	if len(fields) == 3 {
		c.Singular, c.Plural, c.Article = fields[0], fields[1], fields[2]
		ok = p.checkForms(n, c) && ok
	}
	if depth > 0 {
		c.Parent = p.stack[depth-1]
	}
	p.stack = append(p.stack[:depth], c)
	if !ok {
		return // keep c on the stack so its children parse, but not in the tree
	}
	p.t.cats = append(p.t.cats, c)
	if c.Parent == nil {
		p.t.roots = append(p.t.roots, c)
	} else {
		c.Parent.Children = append(c.Parent.Children, c)
	}
}

// depth returns the level that indent gives, reporting tabs, odd
// indentation and a jump of more than one level; after a problem it
// returns the nearest usable level.
func (p *parser) depth(n int, indent string) (int, bool) {
	if strings.Contains(indent, "\t") {
		p.errorf(n, "tab in indentation: indent with 2 spaces per level")
		return len(p.stack), false
	}
	if len(indent)%2 != 0 {
		p.errorf(n, "indentation of %d spaces: want 2 spaces per level", len(indent))
		return min(len(indent)/2, len(p.stack)), false
	}
	d := len(indent) / 2
	if d > len(p.stack) {
		p.errorf(n, "indented %d levels, more than one level below the category above", d)
		return len(p.stack), false
	}
	return d, true
}

// checkForms checks c's forms against package english and against the
// forms of the categories before it, and records them.
func (p *parser) checkForms(n int, c *Category) bool {
	ok := true
	if _, err := english.Render(logic.Statement{Q: logic.All, Subject: c.Singular, Predicate: c.Singular}, english.AllAre); err != nil {
		p.errorf(n, "category %q is not a valid term: %v", c.Singular, err)
		return false
	}
	if want := english.Plural(c.Singular); c.Plural != want {
		p.errorf(n, "category %q: plural %q, but english.Plural gives %q", c.Singular, c.Plural, want)
		ok = false
	}
	if c.Article != "a" && c.Article != "an" {
		p.errorf(n, "category %q: article %q: want \"a\" or \"an\"", c.Singular, c.Article)
		ok = false
	} else if want := english.Article(c.Singular); c.Article != want {
		p.errorf(n, "category %q: article %q, but english.Article gives %q", c.Singular, c.Article, want)
		ok = false
	}
	if prev, dup := p.forms[c.Singular]; dup && prev.c.Singular == c.Singular {
		p.errorf(n, "category %q defined twice (first on line %d): a category has one parent", c.Singular, prev.line)
		return false
	}
	// Forms are recorded even after a problem above, so that a later
	// duplicate is still reported.
	for _, form := range []string{c.Singular, c.Plural} {
		if prev, dup := p.forms[form]; dup && prev.c != c {
			p.errorf(n, "category %q: form %q is already a form of %q (line %d)", c.Singular, form, prev.c.Singular, prev.line)
			ok = false
		} else {
			p.forms[form] = formUse{c, n}
		}
	}
	return ok
}

// individual reads "Name | category".
func (p *parser) individual(n int, body string) {
	fields := strings.Split(body, "|")
	if len(fields) != 2 {
		p.errorf(n, "individual %q: want 2 fields \"Name | category\", got %d", body, len(fields))
		return
	}
	name, cat := strings.TrimSpace(fields[0]), strings.TrimSpace(fields[1])
	if _, err := english.Render(logic.Statement{Q: logic.Is, Subject: name, Predicate: "A"}, english.NameIs); err != nil {
		p.errorf(n, "individual %q is not a valid name: %v", name, err)
		return
	}
	p.inds = append(p.inds, pendingIndividual{name, cat, n})
}

// swap reads "a <-> b".
func (p *parser) swap(n int, body string) {
	a, b, ok := strings.Cut(body, "<->")
	a, b = strings.TrimSpace(a), strings.TrimSpace(b)
	if !ok || a == "" || b == "" || strings.Contains(b, "<->") {
		p.errorf(n, "swap pair %q: want \"a <-> b\"", body)
		return
	}
	p.swaps = append(p.swaps, pendingSwap{a, b, n})
}

// resolve looks up the categories that individuals and swap pairs name.
func (p *parser) resolve() {
	for _, c := range p.t.cats {
		p.t.byTerm[c.Singular] = c
	}
	// A name may not be a category's form in any letter case: "Akita is
	// an Akita" would read as a statement about the breed.
	folded := map[string]formUse{}
	for form, use := range p.forms {
		folded[strings.ToLower(form)] = use
	}
	names := map[string]int{}
	for _, in := range p.inds {
		c, ok := p.t.byTerm[in.category]
		switch prev, dup := names[in.name]; {
		case dup:
			p.errorf(in.line, "individual %q listed twice (first on line %d)", in.name, prev)
		case !ok:
			p.errorf(in.line, "individual %q: unknown category %q", in.name, in.category)
		default:
			if use, clash := folded[strings.ToLower(in.name)]; clash {
				p.errorf(in.line, "individual %q: the name is a form of the category %q (line %d)", in.name, use.c.Singular, use.line)
				continue
			}
			names[in.name] = in.line
			ind := Individual{Name: in.name, Category: c}
			p.t.inds = append(p.t.inds, ind)
			p.t.byName[in.name] = ind
		}
	}
	pairs := map[[2]string]int{}
	for _, s := range p.swaps {
		a, okA := p.t.byTerm[s.a]
		b, okB := p.t.byTerm[s.b]
		if !okA || !okB {
			for _, u := range []struct {
				term string
				ok   bool
			}{{s.a, okA}, {s.b, okB}} {
				if !u.ok {
					p.errorf(s.line, "swap pair %s <-> %s: unknown category %q", s.a, s.b, u.term)
				}
			}
			continue
		}
		if prev, dup := pairs[[2]string{s.b, s.a}]; dup {
			p.errorf(s.line, "swap pair %s <-> %s repeated (first on line %d)", s.a, s.b, prev)
			continue
		}
		if prev, dup := pairs[[2]string{s.a, s.b}]; dup {
			p.errorf(s.line, "swap pair %s <-> %s repeated (first on line %d)", s.a, s.b, prev)
			continue
		}
		pairs[[2]string{s.a, s.b}] = s.line
		if p.swapOK(s, a, b) {
			p.t.swaps = append(p.t.swaps, SwapPair{A: a, B: b})
		}
	}
}

// swapOK checks that a and b are in different domains and each spans at
// least 3 descendants and 2 levels. It runs before [parser.number], so it
// walks the tree.
func (p *parser) swapOK(s pendingSwap, a, b *Category) bool {
	if rootOf(a) == rootOf(b) {
		p.errorf(s.line, "swap pair %s <-> %s: both in the domain %q: want two domains", s.a, s.b, rootOf(a).Singular)
		return false
	}
	ok := true
	for _, c := range []*Category{a, b} {
		if h, d := treeShape(c); h < 2 || d < 3 {
			p.errorf(s.line, "swap pair %s <-> %s: %q has %d descendants over %d levels: want at least 3 over at least 2",
				s.a, s.b, c.Singular, d, h)
			ok = false
		}
	}
	return ok
}

func rootOf(c *Category) *Category {
	for c.Parent != nil {
		c = c.Parent
	}
	return c
}

// treeShape returns the height of c's subtree and its number of
// descendants.
func treeShape(c *Category) (height, descendants int) {
	for _, d := range c.Children {
		h, n := treeShape(d)
		height, descendants = max(height, h+1), descendants+n+1
	}
	return height, descendants
}

// number sets the pre-order intervals, roots and back-pointers of a
// taxonomy without errors.
func (p *parser) number() {
	for i, c := range p.t.cats {
		c.index, c.last, c.tax = i, i, p.t
		c.root = rootOf(c)
	}
	// Descendants follow their ancestors, so walking backwards finishes
	// each category's interval before it extends its parent's.
	for i := len(p.t.cats) - 1; i >= 0; i-- {
		if c := p.t.cats[i]; c.Parent != nil {
			c.Parent.last = max(c.Parent.last, c.last)
		}
	}
}
