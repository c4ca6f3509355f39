package probes

import (
	"fmt"
	"strings"

	"github.com/syllobench/syllobench/internal/prompt"
	"github.com/syllobench/syllobench/internal/stats"
)

func formats() Probe {
	return Probe{
		Name: "formats",
		Reason: "Shows how much the prompt format matters: the same questions asked directly, after worked examples, and step by step. " +
			"It fails only in strict mode, where each format must meet the floor.",
		Cases: func(cfg Config) ([]Case, error) {
			sample, err := familyCases(cfg, "validity", cfg.scale(48))
			if err != nil {
				return nil, err
			}
			cs := make([]Case, 0, len(prompt.Formats())*len(sample))
			for _, f := range prompt.Formats() {
				for _, c := range sample {
					cs = append(cs, Case{ID: c.Item.ID + "/format=" + string(f), Item: c.Item, Format: f})
				}
			}
			return cs, nil
		},
		Assess: assessFormats,
	}
}

func assessFormats(cfg Config, rs []Result) Assessment {
	a := Assessment{Probe: "formats"}
	a.infrastructure(rs)
	floor := cfg.Limits.FloorOf("formats")
	byFormat := map[prompt.Format][]Result{}
	for _, r := range rs {
		byFormat[r.Format] = append(byFormat[r.Format], r)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "formats: the same %d questions in each format\n", len(byFormat[prompt.Direct]))
	fmt.Fprintf(&b, "  %-8s %-34s %s\n", "format", "accuracy [95% interval]", "against direct: right only here / only there, exact McNemar p")
	var fg []floorGroup
	for _, f := range prompt.Formats() {
		g := byFormat[f]
		vs := ""
		if f != prompt.Direct {
			here, there := discordant(g, byFormat[prompt.Direct])
			if mc, err := stats.McNemar(here, there); err == nil {
				vs = fmt.Sprintf("%d / %d, p = %.3g", here, there, mc.TwoSided)
			}
		}
		fmt.Fprintf(&b, "  %-8s %-34s %s\n", f, tally(g), vs)
		fg = append(fg, floorGroup{name: "format=" + string(f), what: "formats, " + string(f), rs: g, each: true})
	}
	if cfg.Limits.Strict {
		a.Checks = floorChecks(fg, floor, cfg.Limits.Alpha, true)
	} else {
		for _, g := range fg {
			a.Checks = append(a.Checks, Check{Name: g.name})
		}
	}
	a.Details = strings.TrimRight(b.String(), "\n")
	return a
}

// discordant counts the items right in a and wrong in b, and the
// reverse, pairing results by item id.
func discordant(a, b []Result) (onlyA, onlyB int) {
	right := map[string]bool{}
	asked := map[string]bool{}
	for _, r := range b {
		if replied(r) {
			asked[r.Item.ID] = true
			right[r.Item.ID] = r.Outcome == Correct
		}
	}
	for _, r := range a {
		if !replied(r) || !asked[r.Item.ID] {
			continue
		}
		switch ra, rb := r.Outcome == Correct, right[r.Item.ID]; {
		case ra && !rb:
			onlyA++
		case rb && !ra:
			onlyB++
		}
	}
	return onlyA, onlyB
}
