package lexicon_test

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/syllobench/syllobench/internal/lexicon"
)

// small is a valid taxonomy file; the error cases below are edits of it.
// Line numbers: the header is line 1, "animal" line 2, and so on.
var small = []string{
	"[categories]",                           // 1
	"animal | animals | an",                  // 2
	"  mammal | mammals | a",                 // 3
	"    dog | dogs | a",                     // 4
	"      terrier | terriers | a",           // 5
	"    cat | cats | a",                     // 6
	"  bird | birds | a",                     // 7
	"shape | shapes | a   # a comment",       // 8
	"  polygon | polygons | a",               // 9
	"    quadrilateral | quadrilaterals | a", // 10
	"      square | squares | a",             // 11
	"    triangle | triangles | a",           // 12
	"",                                       // 13
	"[individuals]",                          // 14
	"Laika | dog",                            // 15
	"[swaps]",                                // 16
	"mammal <-> polygon",                     // 17
}

// edit returns small with line n (1-based) replaced by the given lines, or
// with them inserted before line n if replace is false.
func edit(n int, replace bool, lines ...string) string {
	out := slices.Clone(small)
	del := 0
	if replace {
		del = 1
	}
	out = slices.Replace(out, n-1, n-1+del, lines...)
	return strings.Join(out, "\n")
}

func TestParseSmall(t *testing.T) {
	tax, err := lexicon.Parse("small.txt", []byte(strings.Join(small, "\r\n")))
	if err != nil {
		t.Fatal(err)
	}
	terms := func(cs []*lexicon.Category) []string {
		var out []string
		for _, c := range cs {
			out = append(out, c.Singular)
		}
		return out
	}
	want := []string{"animal", "mammal", "dog", "terrier", "cat", "bird", "shape", "polygon", "quadrilateral", "square", "triangle"}
	if got := terms(tax.Categories()); !slices.Equal(got, want) {
		t.Errorf("Categories() = %q, want %q", got, want)
	}
	if got := terms(tax.Roots()); !slices.Equal(got, []string{"animal", "shape"}) {
		t.Errorf("Roots() = %q, want [animal shape]", got)
	}
	mammal, _ := tax.Category("mammal")
	if got := terms(mammal.Children); !slices.Equal(got, []string{"dog", "cat"}) {
		t.Errorf("mammal's children = %q, want [dog cat]", got)
	}
	if got := terms(mammal.Subtree()); !slices.Equal(got, []string{"mammal", "dog", "terrier", "cat"}) {
		t.Errorf("mammal's subtree = %q, want [mammal dog terrier cat]", got)
	}
	terrier, _ := tax.Category("terrier")
	if terrier.Depth != 3 || terrier.Root().Singular != "animal" || terrier.Parent.Singular != "dog" {
		t.Errorf("terrier: depth %d, root %q, parent %q; want 3, animal, dog", terrier.Depth, terrier.Root(), terrier.Parent)
	}
	if mammal.Height() != 2 || terrier.Height() != 0 {
		t.Errorf("heights: mammal %d, terrier %d; want 2, 0", mammal.Height(), terrier.Height())
	}
	if x, ok := tax.Individual("Laika"); !ok || x.Category.Singular != "dog" {
		t.Errorf("Individual(Laika) = %v, %v; want dog", x, ok)
	}
	if p := tax.SwapPairs(); len(p) != 1 || p[0].A != mammal || p[0].B.Singular != "polygon" {
		t.Errorf("SwapPairs() = %v, want [mammal <-> polygon]", p)
	}
	if _, ok := tax.Category("dogs"); ok {
		t.Error(`Category("dogs") found a category: lookups are by singular only`)
	}
}

// parseErrorCase is one invalid input and the problems its error must
// report, each as a substring naming the file and line.
type parseErrorCase struct {
	name   string
	input  string
	want   []string
	reason string
}

func parseErrorCases() []parseErrorCase {
	return []parseErrorCase{{
		name:   "duplicate",
		input:  edit(8, false, "  dog | dogs | a"),
		want:   []string{`t.txt:8: category "dog" defined twice (first on line 4)`},
		reason: "a category under two parents would be both nested and disjoint",
	}, {
		name:   "odd-indentation",
		input:  edit(6, true, "   cat | cats | a"),
		want:   []string{"t.txt:6: indentation of 3 spaces"},
		reason: "levels are 2 spaces; 3 is ambiguous",
	}, {
		name:   "too-deep",
		input:  edit(6, true, "          cat | cats | a"),
		want:   []string{"t.txt:6: indented 5 levels"},
		reason: "a category cannot skip a level below the one above it",
	}, {
		name:   "tab",
		input:  edit(6, true, "\t\tcat | cats | a"),
		want:   []string{"t.txt:6: tab in indentation"},
		reason: "tabs have no agreed width",
	}, {
		name:   "missing-field",
		input:  edit(6, true, "    cat | cats"),
		want:   []string{`t.txt:6: category "cat | cats": want 3 fields`},
		reason: "the article is required",
	}, {
		name:   "article-not-a-or-an",
		input:  edit(6, true, "    cat | cats | the"),
		want:   []string{`t.txt:6: category "cat": article "the": want "a" or "an"`},
		reason: "only indefinite articles",
	}, {
		name:   "article-disagrees",
		input:  edit(6, true, "    cat | cats | an"),
		want:   []string{`t.txt:6: category "cat": article "an", but english.Article gives "a"`},
		reason: "the file must say what the renderer will write",
	}, {
		name:   "plural-disagrees",
		input:  edit(6, true, "    cat | catz | a"),
		want:   []string{`t.txt:6: category "cat": plural "catz", but english.Plural gives "cats"`},
		reason: "the parser maps plurals back only through english.Singular",
	}, {
		name:   "invalid-term",
		input:  edit(6, true, "    not cat | not cats | a"),
		want:   []string{`t.txt:6: category "not cat" is not a valid term`, "reserved word"},
		reason: `"not" would split the sentence`,
	}, {
		name:   "plural-clash",
		input:  edit(6, false, "    mouse | mice | a", "    mice | mices | a"),
		want:   []string{`t.txt:7: category "mice": form "mice" is already a form of "mouse" (line 6)`},
		reason: "a plural that is another entry's singular makes a sentence ambiguous",
	}, {
		name:   "no-section",
		input:  "animal | animals | an\n" + strings.Join(small, "\n"),
		want:   []string{`t.txt:1: "animal | animals | an" before the first section header`},
		reason: "every line belongs to a section",
	}, {
		name:   "unknown-section",
		input:  edit(14, true, "[people]"),
		want:   []string{"t.txt:14: unknown section [people]"},
		reason: "a misspelt header would hide a section",
	}, {
		name:   "repeated-section",
		input:  edit(16, true, "[individuals]"),
		want:   []string{"t.txt:16: section [individuals] repeated (first on line 14)", `t.txt:17: individual "mammal <-> polygon": want 2 fields`},
		reason: "one section of each kind keeps the file reviewable",
	}, {
		name:   "empty",
		input:  "# nothing\n[categories]\n",
		want:   []string{"t.txt: no categories"},
		reason: "an empty taxonomy is a mistake, not a taxonomy",
	}, {
		name:   "unknown-individual-category",
		input:  edit(15, true, "Laika | cosmonaut"),
		want:   []string{`t.txt:15: individual "Laika": unknown category "cosmonaut"`},
		reason: "an individual's category must be in the taxonomy",
	}, {
		name:   "invalid-name",
		input:  edit(15, true, "laika | dog"),
		want:   []string{`t.txt:15: individual "laika" is not a valid name`},
		reason: "names are capitalised single tokens",
	}, {
		name:   "name-is-a-term",
		input:  edit(15, false, "Dogs | dog"),
		want:   []string{`t.txt:15: individual "Dogs": the name is a form of the category "dog"`},
		reason: `"Dogs is a mammal" would read like a statement about the term`,
	}, {
		name:   "duplicate-individual",
		input:  edit(16, false, "Laika | terrier"),
		want:   []string{`t.txt:16: individual "Laika" listed twice (first on line 15)`},
		reason: "an individual has one category",
	}, {
		name:   "indented-individual",
		input:  edit(15, true, "  Laika | dog"),
		want:   []string{"t.txt:15: unexpected indentation"},
		reason: "indentation means nesting only among categories",
	}, {
		name:   "swap-unknown-term",
		input:  edit(17, true, "mammal <-> hexagon"),
		want:   []string{`t.txt:17: swap pair mammal <-> hexagon: unknown category "hexagon"`},
		reason: "both sides must be categories",
	}, {
		name:   "swap-same-domain",
		input:  edit(17, true, "mammal <-> animal"),
		want:   []string{`t.txt:17: swap pair mammal <-> animal: both in the domain "animal"`},
		reason: "a swap moves the argument to another domain",
	}, {
		name:   "swap-shallow",
		input:  edit(17, true, "dog <-> polygon"),
		want:   []string{`t.txt:17: swap pair dog <-> polygon: "dog" has 1 descendants over 1 levels`},
		reason: "a subtree must span 2 levels and 3 terms to fill a form",
	}, {
		name:   "swap-malformed",
		input:  edit(17, true, "mammal polygon"),
		want:   []string{`t.txt:17: swap pair "mammal polygon": want "a <-> b"`},
		reason: "the arrow separates the pair",
	}, {
		name:   "swap-repeated",
		input:  edit(18, false, "polygon <-> mammal"),
		want:   []string{"t.txt:18: swap pair polygon <-> mammal repeated (first on line 17)"},
		reason: "a pair in either order is the same pair",
	}, {
		name:   "several",
		input:  edit(6, true, "    cat | cats | an", "    cat | cats | a"),
		want:   []string{`t.txt:6: category "cat": article "an"`, `t.txt:7: category "cat" defined twice (first on line 6)`},
		reason: "every problem is reported, not just the first",
	}}
}

func TestParseErrors(t *testing.T) {
	seen := map[string]bool{}
	for _, tc := range parseErrorCases() {
		if tc.reason == "" || seen[tc.name] {
			t.Fatalf("case %q: missing reason or duplicate name", tc.name)
		}
		seen[tc.name] = true
		t.Run(tc.name, func(t *testing.T) {
			tax, err := lexicon.Parse("t.txt", []byte(tc.input))
			if err == nil {
				t.Fatalf("Parse succeeded with %d categories; want an error (%s)", len(tax.Categories()), tc.reason)
			}
			if !errors.Is(err, lexicon.ErrInvalid) {
				t.Errorf("error does not wrap ErrInvalid: %v", err)
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error does not contain %q (%s):\n%v", w, tc.reason, err)
				}
			}
		})
	}
}

// FuzzParse feeds Parse arbitrary text. It must not panic; a failure must
// wrap ErrInvalid and name the file; a success must be a consistent tree.
func FuzzParse(f *testing.F) {
	f.Add([]byte(strings.Join(small, "\n")))
	for _, tc := range parseErrorCases() {
		f.Add([]byte(tc.input))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		tax, err := lexicon.Parse("fuzz.txt", data)
		if err != nil {
			if !errors.Is(err, lexicon.ErrInvalid) || !strings.Contains(err.Error(), "fuzz.txt") {
				t.Fatalf("error does not wrap ErrInvalid or name the file: %v", err)
			}
			return
		}
		for _, c := range tax.Categories() {
			if !c.Includes(c) || c.Disjoint(c) {
				t.Fatalf("%q does not include itself", c)
			}
			if c.Parent != nil && (!c.Parent.Includes(c) || c.Includes(c.Parent)) {
				t.Fatalf("%q and its parent %q are not properly nested", c, c.Parent)
			}
			checkSiblings(t, c.Singular, c.Children)
		}
	})
}
