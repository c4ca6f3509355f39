package lexicon

import (
	_ "embed"
	"fmt"
	"strings"
)

//go:embed apart.txt
var apartFile string

// apartRule keeps the categories named by word apart from host and the
// categories above or below it.
type apartRule struct {
	word string
	host *Category
}

// parseApart reads apart.txt against t.
func parseApart(t *Taxonomy, data string) ([]apartRule, error) {
	var rules []apartRule
	for i, line := range strings.Split(data, "\n") {
		if j := strings.IndexByte(line, '#'); j >= 0 {
			line = line[:j]
		}
		if strings.TrimSpace(line) == "" {
			continue
		}
		word, host, ok := strings.Cut(line, "|")
		word, host = strings.TrimSpace(word), strings.TrimSpace(host)
		if !ok || word == "" || host == "" {
			return nil, fmt.Errorf("apart.txt:%d: want \"word | host\"", i+1)
		}
		h, ok := t.Category(host)
		if !ok {
			return nil, fmt.Errorf("apart.txt:%d: host %q is not a category", i+1, host)
		}
		named := false
		for _, c := range t.cats {
			named = named || namedBy(c, word)
		}
		if !named {
			return nil, fmt.Errorf("apart.txt:%d: no category is named by %q", i+1, word)
		}
		rules = append(rules, apartRule{word: word, host: h})
	}
	return rules, nil
}

// namedBy reports whether word names c: its whole name or its last word,
// singular or plural.
func namedBy(c *Category, word string) bool {
	last := func(s string) string { return s[strings.LastIndexByte(s, ' ')+1:] }
	for _, f := range []string{c.Singular, c.Plural, last(c.Singular), last(c.Plural)} {
		if strings.EqualFold(f, word) || strings.EqualFold(f, word+"s") {
			return true
		}
	}
	return false
}

// Apart reports whether a and b are kept apart: one is named by a word
// with a second sense (apart.txt), and the other is that sense's host,
// or above or below it. No item may put them together.
func (t *Taxonomy) Apart(a, b *Category) bool {
	for _, r := range t.apart {
		related := func(c *Category) bool { return r.host.Includes(c) || c.Includes(r.host) }
		if namedBy(a, r.word) && related(b) || namedBy(b, r.word) && related(a) {
			return true
		}
	}
	return false
}
