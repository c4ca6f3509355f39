// Package report renders scorecards for people: [HTML] writes one
// self-contained page with inline SVG charts (no script, no network, no
// external font or style sheet), and [Text] writes the plain comparison
// table that syllobench run prints.
//
// Both take several scorecards, one per model (or per run), and show them
// side by side. Every number they print comes from the scorecards: the
// probes' own aggregates, or counts of the scorecards' items with their
// Wilson 95% intervals (internal/stats). A section with no data for a
// model says so rather than drawing an empty chart.
//
// The charts are drawn with html/template from shapes whose coordinates
// are computed here (svg.go), not with a plotting library: the charts are
// bars, lines and grids of cells, the page must be well-formed XML with
// every text escaped, and tooltips and ids must sit on the shapes, which
// a few dozen lines of geometry do more simply than a library's SVG
// back end would.
package report

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/syllobench/syllobench/internal/scorecard"
	"github.com/syllobench/syllobench/internal/stats"
)

// errNoCards is returned when there is nothing to render.
var errNoCards = errors.New("report: no scorecards")

// The outcomes of an item, as the scorecard spells them; any other
// ("not-applicable": the model declined the question) counts as declined.
const (
	outCorrect     = "correct"
	outWrong       = "wrong"
	outUnparseable = "unparseable"
	outTruncated   = "truncated"
	outError       = "error"
)

// counts tallies items the way the battery does: accuracy is correct over
// answered, where an unparseable or truncated reply is answered (and not
// right), and a failed request or a declined question is not.
type counts struct {
	N, Correct, Wrong, Unparseable, Truncated, Errors, Declined int
}

func (c *counts) add(it *scorecard.Item) {
	c.N++
	switch it.Outcome {
	case outCorrect:
		c.Correct++
	case outWrong:
		c.Wrong++
	case outUnparseable:
		c.Unparseable++
	case outTruncated:
		c.Truncated++
	case outError:
		c.Errors++
	default:
		c.Declined++
	}
}

func (c counts) answered() int { return c.Correct + c.Wrong + c.Unparseable + c.Truncated }

// prop is a proportion k/n with its Wilson 95% interval.
type prop struct {
	K, N   int
	P      float64
	Lo, Hi float64
}

func newProp(k, n int) prop {
	if n <= 0 || k < 0 || k > n {
		return prop{K: k, N: max(n, 0), Lo: 0, Hi: 1}
	}
	ci, err := stats.Wilson(k, n, stats.Z95)
	if err != nil {
		return prop{K: k, N: n, Lo: 0, Hi: 1}
	}
	return prop{K: k, N: n, P: float64(k) / float64(n), Lo: ci.Lo, Hi: ci.Hi}
}

// accuracy is the share of answered items answered rightly.
func (c counts) accuracy() prop { return newProp(c.Correct, c.answered()) }

// labels names the cards for headings: the model, with its prompt format
// when several cards have that model ("smollm2 (cot)"), and "#2", "#3"…
// when two are still alike.
func labels(cards []*scorecard.Scorecard) []string {
	seen := map[string]int{}
	models := map[string]int{}
	for _, c := range cards {
		models[c.Model]++
	}
	out := make([]string, len(cards))
	for i, c := range cards {
		name := c.Model
		if name == "" {
			name = "(unnamed model)"
		}
		if models[c.Model] > 1 && c.Config.Format != "" {
			// One model in several formats: a model × format table.
			name += " (" + c.Config.Format + ")"
		}
		seen[name]++
		if k := seen[name]; k > 1 {
			name += " #" + strconv.Itoa(k)
		}
		out[i] = name
	}
	return out
}

// probeNames lists the probes of all cards: the first card's in its
// order, then each later card's new ones.
func probeNames(cards []*scorecard.Scorecard) []string {
	var names []string
	for _, c := range cards {
		for _, p := range c.Probes {
			if !slices.Contains(names, p.Name) {
				names = append(names, p.Name)
			}
		}
	}
	return names
}

func findProbe(c *scorecard.Scorecard, name string) *scorecard.Probe {
	for i := range c.Probes {
		if c.Probes[i].Name == name {
			return &c.Probes[i]
		}
	}
	return nil
}

// probeStatus is a probe's result in a word, with the checks that
// failed ("overall" for the probe's own).
func probeStatus(p *scorecard.Probe) (word string, checks []string) {
	answered := replies(p)
	switch {
	case answered == 0 && p.Errors == 0:
		return "n/a", nil
	case p.Passed:
		return "pass", nil
	}
	for _, f := range p.Failed {
		if f == "" {
			f = "overall"
		}
		checks = append(checks, f)
	}
	return "FAIL", checks
}

// groupChecks writes failed checks compactly, the values of one key
// together: "overall; condition=believable, swap-a; index=belief".
func groupChecks(checks []string) string {
	var keys []string
	vals := map[string][]string{}
	for _, c := range checks {
		k, v, ok := strings.Cut(c, "=")
		if !ok {
			k, v = c, ""
		}
		if _, seen := vals[k]; !seen {
			keys = append(keys, k)
		}
		if v != "" {
			vals[k] = append(vals[k], v)
		} else if vals[k] == nil {
			vals[k] = []string{}
		}
	}
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = k
		if len(vals[k]) > 0 {
			parts[i] += "=" + strings.Join(vals[k], ", ")
		}
	}
	return strings.Join(parts, "; ")
}

// declined is how many of a probe's questions the model declined as not
// its kind; the scorecard keeps it as what the other counts leave.
func declined(p *scorecard.Probe) int {
	return max(0, p.N-replies(p)-p.Errors)
}

// replies is how many of a probe's questions the model replied to: right,
// wrong, unparseable or cut off.
func replies(p *scorecard.Probe) int { return p.Correct + p.Wrong + p.Unparseable + p.Truncated }

// chainDepth reads the depth of a chain form, "chain-<depth>-<answer>[-d<distractors>]".
func chainDepth(form string) (int, bool) {
	f := strings.Split(form, "-")
	if len(f) < 3 || f[0] != "chain" {
		return 0, false
	}
	d, err := strconv.Atoi(f[1])
	if err != nil || d < 0 {
		return 0, false
	}
	return d, true
}

// moods are the four categorical moods in their traditional order.
const moods = "AEIO"

// pairForm reads a premise-pair form "AE3": the two premise moods and the
// figure 1–4.
func pairForm(form string) (row, fig int, ok bool) {
	if len(form) != 3 {
		return 0, 0, false
	}
	a, b := strings.IndexByte(moods, form[0]), strings.IndexByte(moods, form[1])
	f := int(form[2] - '0')
	if a < 0 || b < 0 || f < 1 || f > 4 {
		return 0, 0, false
	}
	return 4*a + b, f - 1, true
}

// syllogismForm reads a syllogism form "AEO-2": the premise moods, the
// conclusion mood and the figure.
func syllogismForm(form string) (row, concl, fig int, ok bool) {
	if len(form) != 5 || form[3] != '-' {
		return 0, 0, 0, false
	}
	row, fig, ok = pairForm(form[:2] + form[4:])
	c := strings.IndexByte(moods, form[2])
	if !ok || c < 0 {
		return 0, 0, 0, false
	}
	return row, c, fig, true
}

// itemsOf returns the items of a probe, in the order of the card.
func itemsOf(c *scorecard.Scorecard, probe string) []*scorecard.Item {
	var out []*scorecard.Item
	for i := range c.Items {
		if c.Items[i].Probe == probe {
			out = append(out, &c.Items[i])
		}
	}
	return out
}

// answeredItem is whether an item has a verdict that can be compared:
// the reply was read, right or wrong.
func answeredItem(it *scorecard.Item) bool {
	return it.Outcome == outCorrect || it.Outcome == outWrong
}

// meaning is what an answer stands for across isomorphs, as the battery
// compares them: for a choice question any right option is "right" (a
// premise pair may have several valid conclusions); otherwise the label.
func meaning(it *scorecard.Item) string {
	if it.Kind == "choice" && it.Outcome == outCorrect {
		return "right"
	}
	return it.Verdict
}

// pct formats a proportion as a whole percentage.
func pct(p float64) string { return strconv.Itoa(int(p*100+0.5)) + "%" }

// frac formats a proportion with three decimals, as the test output does.
func frac(p float64) string { return strconv.FormatFloat(p, 'f', 3, 64) }

// interval formats an accuracy and its interval as "0.650 [0.524, 0.758]".
func interval(p, lo, hi float64) string {
	return fmt.Sprintf("%s [%s, %s]", frac(p), frac(lo), frac(hi))
}

func sortedKeys[K cmp.Ordered, V any](m map[K]V) []K {
	keys := make([]K, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
