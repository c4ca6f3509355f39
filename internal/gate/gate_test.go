package gate

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/syllobench/syllobench/internal/scorecard"
	"github.com/syllobench/syllobench/internal/stats"
)

// card builds a scorecard of model with n items per probe; right(probe, i)
// says whether item i was answered rightly.
func card(model string, probes []string, n int, right func(probe string, i int) string) *scorecard.Scorecard {
	sc := &scorecard.Scorecard{Format: scorecard.Version, Suite: "0.1.0", Model: model}
	for _, p := range probes {
		for i := range n {
			out := right(p, i)
			verdict := map[string]string{"correct": "yes", "wrong": "no"}[out]
			sc.Items = append(sc.Items, scorecard.Item{ID: fmt.Sprintf("%s/AAA-1/symbolic/%d", p, i), Probe: p, Expected: "yes",
				Verdict: verdict, Outcome: out, Premises: []string{"All B are C.", "All A are B."}, Conclusion: "All A are C."})
		}
	}
	return sc
}

func always(o string) func(string, int) string { return func(string, int) string { return o } }

func TestCompare(t *testing.T) {
	probes := []string{"validity", "chains"}
	base := card("old", probes, 100, always("correct"))
	for _, tc := range []struct {
		name        string
		cand        func(string, int) string
		pinned      []string
		failed      bool
		worse       []string
		regressed   int
		pinnedFlips int
		reason      string
	}{
		{"same", always("correct"), nil, false, nil, 0, 0, "no flip, no failure"},
		{"one flip", func(p string, i int) string {
			if p == "validity" && i == 7 {
				return "wrong"
			}
			return "correct"
		}, nil, false, nil, 1, 0, "one regression in 100 is not significant (p = 1)"},
		{"one pinned flip", func(p string, i int) string {
			if p == "validity" && i == 7 {
				return "wrong"
			}
			return "correct"
		}, []string{"validity/AAA-1/symbolic/7"}, true, nil, 1, 1, "a pinned item fails whatever the statistics say"},
		{"chains collapse", func(p string, i int) string {
			if p == "chains" && i%4 == 0 {
				return "wrong"
			}
			return "correct"
		}, nil, true, []string{"chains"}, 25, 0, "25 regressions, no improvement: p ≈ 6e-8, significant after Holm"},
		{"unparseable is not right", func(p string, i int) string {
			if p == "chains" && i < 20 {
				return "unparseable"
			}
			return "correct"
		}, nil, true, []string{"chains"}, 20, 0, "a reply with no answer is a regression from a right one"},
		{"errors are left out", func(p string, i int) string {
			if i < 50 {
				return "error"
			}
			return "correct"
		}, nil, false, nil, 0, 0, "an infrastructure error is no answer and is not paired"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, err := Compare(base, card("new", probes, 100, tc.cand), stats.DefaultThresholds, tc.pinned)
			if err != nil {
				t.Fatal(err)
			}
			var worse []string
			for _, r := range c.Rows {
				if r.Worse() {
					worse = append(worse, r.Probe)
				}
			}
			if c.Failed() != tc.failed || !cmp.Equal(worse, tc.worse) || len(c.Regressed) != tc.regressed || len(c.Pinned) != tc.pinnedFlips {
				t.Errorf("failed %v, worse %v, %d regressed, %d pinned; want %v, %v, %d, %d (%s)",
					c.Failed(), worse, len(c.Regressed), len(c.Pinned), tc.failed, tc.worse, tc.regressed, tc.pinnedFlips, tc.reason)
			}
		})
	}
}

// Holm's correction is applied over the probes: a p-value that would pass
// alone fails once it is multiplied by the number of probes.
func TestCompareHolm(t *testing.T) {
	probes := []string{"a", "b", "c", "d"}
	base := card("old", probes, 40, always("correct"))
	// 6 regressions, no improvement: exact two-sided p = 2·0.5^6 = 0.03125.
	cand := card("new", probes, 40, func(p string, i int) string {
		if p == "a" && i < 6 {
			return "wrong"
		}
		return "correct"
	})
	c, err := Compare(base, cand, stats.DefaultThresholds, nil)
	if err != nil {
		t.Fatal(err)
	}
	r := c.Rows[0]
	if r.McNemar.TwoSided != 0.03125 || r.P != 0.125 || r.Significant || c.Failed() {
		t.Errorf("raw p %v, Holm p %v over 4 probes, significant %v; want 0.03125, 0.125 (4 × 0.03125), not significant", r.McNemar.TwoSided, r.P, r.Significant)
	}
}

func TestCompareErrors(t *testing.T) {
	base := card("old", []string{"validity"}, 10, always("correct"))
	other := card("new", []string{"validity"}, 10, always("correct"))
	other.Suite = "0.2.0"
	if _, err := Compare(base, other, stats.DefaultThresholds, nil); err == nil || !strings.Contains(err.Error(), "suite version") {
		t.Errorf("different suites: %v", err)
	}
	cand := card("new", []string{"validity"}, 10, always("correct"))
	if _, err := Compare(base, cand, stats.DefaultThresholds, []string{"validity/ZZZ/0"}); err == nil || !strings.Contains(err.Error(), "validity/ZZZ/0") {
		t.Errorf("unknown pinned id: %v", err)
	}
}

func TestContentBiasItemsArePinned(t *testing.T) {
	base := card("old", []string{"content-bias"}, 4, always("correct"))
	cand := card("new", []string{"content-bias"}, 4, func(_ string, i int) string {
		if i == 2 {
			return "wrong"
		}
		return "correct"
	})
	c, err := Compare(base, cand, stats.DefaultThresholds, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Rows) != 0 || len(c.Pinned) != 1 || !c.Failed() {
		t.Errorf("rows %d, pinned %d, failed %v; want no statistical row and the one regression pinned", len(c.Rows), len(c.Pinned), c.Failed())
	}
	var b bytes.Buffer
	c.Write(&b, Text, 0)
	if !strings.Contains(b.String(), "pinned items that regressed (1):\n  content-bias/AAA-1/symbolic/2: expected yes; was yes, now no") {
		t.Errorf("text:\n%s", b.String())
	}
}

func TestParsePinned(t *testing.T) {
	ids, err := parsePinned(strings.NewReader("# regressions we keep\n\nvalidity/AAA-1/nonce/3\n  chains/chain-2-true/symbolic/0  \n"), "pinned.txt")
	if err != nil || !cmp.Equal(ids, []string{"validity/AAA-1/nonce/3", "chains/chain-2-true/symbolic/0"}) {
		t.Errorf("ids %q, error %v", ids, err)
	}
	if _, err := parsePinned(strings.NewReader("validity/AAA-1/nonce/3 chains/x\n"), "pinned.txt"); err == nil || !strings.Contains(err.Error(), "pinned.txt:1") {
		t.Errorf("two ids on a line: %v; want an error naming pinned.txt:1", err)
	}
	if ids, err := ReadPinned("testdata/does-not-exist.txt"); ids != nil || err != nil {
		t.Errorf("missing file: %v, %v; want nothing pinned", ids, err)
	}
}

func TestParseFormat(t *testing.T) {
	for _, f := range []string{"text", "markdown", "json"} {
		if _, err := ParseFormat(f); err != nil {
			t.Error(err)
		}
	}
	if _, err := ParseFormat("html"); err == nil {
		t.Error("html accepted")
	}
}

// A gate that compared nothing fails, whatever made it so: it never
// passes a candidate it did not look at.
func TestCompareNothing(t *testing.T) {
	for _, tc := range []struct {
		name       string
		base, cand *scorecard.Scorecard
		reason     string
	}{
		{"empty-baseline", card("old", nil, 0, always("correct")), card("new", []string{"validity"}, 10, always("correct")),
			"a baseline with no item"},
		{"all-error-baseline", card("old", []string{"validity"}, 10, always("error")), card("new", []string{"validity"}, 10, always("correct")),
			"a baseline recorded against a server that failed every request"},
		{"all-error-candidate", card("old", []string{"validity"}, 10, always("correct")), card("new", []string{"validity"}, 10, always("error")),
			"a candidate whose every request failed"},
		{"no-item-in-common", card("old", []string{"validity"}, 10, always("correct")), card("new", []string{"chains"}, 10, always("correct")),
			"runs of different probes"},
		{"declined", card("old", []string{"validity"}, 10, always("not-applicable")), card("new", []string{"validity"}, 10, always("correct")),
			"a baseline that declined every question"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, err := Compare(tc.base, tc.cand, stats.DefaultThresholds, nil)
			if !errors.Is(err, ErrNothingCompared) || c != nil {
				t.Errorf("%s: comparison %+v, error %v; want ErrNothingCompared", tc.reason, c, err)
			}
		})
	}
	c, err := Compare(card("old", []string{"validity"}, 10, always("correct")), card("new", []string{"validity"}, 10, always("wrong")), stats.DefaultThresholds, nil)
	if err != nil || c.Paired != 10 {
		t.Errorf("10 paired items: %v, paired %v", err, c)
	}
}
