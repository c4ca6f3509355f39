package report

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/syllobench/syllobench/internal/scorecard"
)

// biasModel is one model's content-bias evidence: the isomorphic pairs
// of the fuzz corpus that got two verdicts, and the invariance sets that
// got more than one, each capped at MaxCases.
type biasModel struct {
	Model string
	Color string

	PairsAsked, PairsDecided int
	Pairs                    []biasCase
	PairsFlipped             int

	SetsAsked, SetsDecided int
	Sets                   []biasCase
	SetsFlipped            int
}

// biasCase is one pair or set, with every member.
type biasCase struct {
	Title   string
	Members []member
}

type member struct {
	ID, Condition, Presentation string
	Premises                    []string
	Conclusion                  string
	Expected, Given, Outcome    string
}

func newMember(it *scorecard.Item) member {
	m := member{
		ID: it.ID, Condition: it.Condition, Premises: it.Premises, Conclusion: it.Conclusion,
		Expected: it.Expected, Given: it.Verdict, Outcome: it.Outcome,
	}
	if it.Presentation != "" && it.Presentation != "canonical" {
		m.Presentation = it.Presentation
	}
	if it.Kind == "choice" {
		m.Conclusion = "(a choice among conclusions; the options are not in the scorecard)"
		m.Expected = "option " + it.Expected
		if len(it.Accepted) > 1 {
			m.Expected = "option " + strings.Join(it.Accepted, ", ")
		}
		if it.Verdict != "" {
			m.Given = "option " + it.Verdict
		}
	}
	if m.Given == "" {
		m.Given = "(" + strings.ReplaceAll(it.Outcome, "-", " ") + ")"
	}
	return m
}

func buildBias(cards []*scorecard.Scorecard, names []string) []biasModel {
	var out []biasModel
	for i, c := range cards {
		bm := biasModel{Model: names[i], Color: modelColor(i)}
		byID := map[string]*scorecard.Item{}
		for j := range c.Items {
			it := &c.Items[j]
			if _, dup := byID[it.ID]; !dup || it.Probe == "content-bias" {
				byID[it.ID] = it
			}
		}
		// Every pair that flipped is as bad as another; show a pair of
		// each form first, so that the list shows how widespread it is.
		var firsts, rest []biasCase
		forms := map[string]bool{}
		for _, pr := range c.ContentPairs {
			bm.PairsAsked++
			a, b := byID[pr[0]], byID[pr[1]]
			if a == nil || b == nil || !answeredItem(a) || !answeredItem(b) {
				continue
			}
			bm.PairsDecided++
			if meaning(a) == meaning(b) {
				continue
			}
			bm.PairsFlipped++
			bc := biasCase{
				Title:   fmt.Sprintf("form %s: %s vs %s", a.Form, a.Condition, b.Condition),
				Members: []member{newMember(a), newMember(b)},
			}
			if !forms[a.Form] {
				forms[a.Form] = true
				firsts = append(firsts, bc)
			} else {
				rest = append(rest, bc)
			}
		}
		all := append(firsts, rest...)
		bm.Pairs = all[:min(len(all), MaxCases)]

		// Invariance sets, in the order first asked.
		var order []string
		sets := map[string][]*scorecard.Item{}
		for _, it := range itemsOf(c, "invariance") {
			if it.Set == "" {
				continue
			}
			if sets[it.Set] == nil {
				order = append(order, it.Set)
			}
			sets[it.Set] = append(sets[it.Set], it)
		}
		type flipped struct {
			set               string
			verdicts          int
			minority, answers int
		}
		var fl []flipped
		for _, set := range order {
			bm.SetsAsked++
			votes := map[string]int{}
			n := 0
			for _, it := range sets[set] {
				if answeredItem(it) {
					votes[it.Verdict]++
					n++
				}
			}
			if n == 0 {
				continue
			}
			bm.SetsDecided++
			if len(votes) < 2 {
				continue
			}
			most := 0
			for _, v := range votes {
				most = max(most, v)
			}
			fl = append(fl, flipped{set, len(votes), n - most, n})
		}
		bm.SetsFlipped = len(fl)
		// Worst first: the most verdicts, then the largest share off the
		// majority verdict; ties keep the order asked.
		slices.SortStableFunc(fl, func(a, b flipped) int {
			if c := cmp.Compare(b.verdicts, a.verdicts); c != 0 {
				return c
			}
			return cmp.Compare(b.minority*a.answers, a.minority*b.answers)
		})
		for _, f := range fl[:min(len(fl), MaxCases)] {
			g := sets[f.set]
			bc := biasCase{Title: fmt.Sprintf("set %s, form %s: %d verdicts among %d answered members", f.set, g[0].Form, f.verdicts, f.answers)}
			for _, it := range g {
				bc.Members = append(bc.Members, newMember(it))
			}
			bm.Sets = append(bm.Sets, bc)
		}
		out = append(out, bm)
	}
	return out
}
