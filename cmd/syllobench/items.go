package main

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/syllobench/syllobench/internal/gen"
	"github.com/syllobench/syllobench/internal/logic"
	"github.com/syllobench/syllobench/internal/prompt"
	"github.com/syllobench/syllobench/internal/question"
	"github.com/syllobench/syllobench/internal/semeval"
	"github.com/syllobench/syllobench/probes"
)

// itemJSON is one line of "items -json". Field names are the contract.
type itemJSON struct {
	ID           string           `json:"id"`
	Probe        string           `json:"probe"`
	Form         string           `json:"form"`
	Condition    string           `json:"condition"`
	Presentation string           `json:"presentation"`
	Semantics    string           `json:"semantics"`
	Kind         string           `json:"kind"`
	Premises     []string         `json:"premises"`
	Conclusion   string           `json:"conclusion"`
	Options      []string         `json:"options,omitempty"`
	Expected     string           `json:"expected"`
	Accepted     []string         `json:"accepted"`
	Messages     []prompt.Message `json:"messages"`
	Meta         metaJSON         `json:"meta"`
}

type metaJSON struct {
	Verdict        string   `json:"verdict,omitempty"`
	ConclusionTrue *bool    `json:"conclusion_true,omitempty"`
	PremisesTrue   []*bool  `json:"premises_true,omitempty"`
	Fallacies      []string `json:"fallacies,omitempty"`
	Swap           string   `json:"swap,omitempty"`
	Set            string   `json:"set,omitempty"`
}

func runItems(stdout, stderr io.Writer, args []string) error {
	fs := newFlags("items", stdout)
	probe := fs.String("probe", "", "a probe: "+strings.Join(probeNames(probes.All()), ", ")+" (default: every probe with a family of its own)")
	n := fs.Int("n", 10, "items per family (isomorph sets for invariance); for formats and famous, the probe's first N questions")
	seed := fs.Uint64("seed", 1, "seed; the same flags give the same items")
	formatName := fs.String("format", "direct", "prompt format: direct, fewshot or cot")
	semName := fs.String("semantics", "traditional", "boolean or traditional")
	asJSON := fs.Bool("json", false, "print one JSON object per line")
	coverage := fs.Bool("coverage", false, "print which forms each content condition can fill, instead of items")
	semevalOut := fs.Bool("semeval", false, "write the two-premise validity questions about real things as a SemEval-2026 Task 11 dataset: a JSON list of id, syllogism, validity and plausibility (the world model's truth of the conclusion); for the distractors family, with relevant_premises (subtask 2: the needed premises' indices from 0, the first minimal set)")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: syllobench items [-probe NAME] [-n N] [-seed S] [-format F] [-semantics S] [-json | -semeval] [-coverage]")
		fs.PrintDefaults()
	}
	if help, err := parseFlags(fs, args); help || err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("items takes no arguments, got %q", fs.Args())
	}
	fams := gen.Families()
	var whole *probes.Probe // a probe with no family of its own: formats, famous
	if *probe != "" {
		ps, err := selectProbes("items", *probe, probes.All())
		if err != nil {
			return err
		}
		if len(ps) != 1 {
			return usagef("items -probe: want one probe, got %q", *probe)
		}
		if f, err := gen.FamilyByName(ps[0].Name); err == nil {
			fams = []gen.Family{f}
		} else {
			whole, fams = &ps[0], nil
		}
	}
	if whole != nil && (*coverage || *semevalOut) {
		return usagef("items -probe %s: -coverage and -semeval are per family, and %s has none of its own", whole.Name, whole.Name)
	}
	if *coverage {
		return printCoverage(stdout, fams, *asJSON)
	}
	format, err := prompt.ParseFormat(*formatName)
	if err != nil {
		return usagef("items -format: %v", err)
	}
	sem, err := logic.ParseSemantics(*semName)
	if err != nil {
		return usagef("items -semantics: %v", err)
	}
	if *n < 0 {
		return usagef("items -n %d: want a count of 0 or more", *n)
	}
	if *semevalOut {
		if *asJSON {
			return usagef("items: -json and -semeval are two formats; give one")
		}
		return exportSemEval(stdout, stderr, fams, *seed, *n, sem)
	}
	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false)
	print := func(it gen.Item, format prompt.Format) error {
		msgs, err := prompt.Messages(it, format)
		if err != nil {
			return err
		}
		if *asJSON {
			return enc.Encode(toJSON(it, msgs))
		}
		return printItem(stdout, it, msgs)
	}
	if whole != nil {
		cfg := probes.DefaultConfig()
		cfg.Seed, cfg.Format, cfg.Semantics, cfg.Limit = *seed, format, sem, *n
		cases, err := whole.Asked(cfg)
		if err != nil {
			return err
		}
		for _, c := range cases[:min(*n, len(cases))] {
			if err := print(c.Item, c.Format); err != nil {
				return err
			}
		}
		return nil
	}
	// Items are printed as they are made, so a large -n streams.
	for _, fam := range fams {
		err := fam.Each(*seed, *n, sem, gen.Canonical, func(it gen.Item) error { return print(it, format) })
		if err != nil {
			return err
		}
	}
	return nil
}

func toJSON(it gen.Item, msgs []prompt.Message) itemJSON {
	j := itemJSON{
		ID: it.ID, Probe: it.Family, Form: it.Form, Condition: string(it.Condition),
		Presentation: it.Presentation.String(), Semantics: it.Semantics.String(), Kind: string(it.Kind),
		Premises: it.PremiseText, Conclusion: it.ConclusionText,
		Expected: it.Expected, Accepted: it.Accepted, Messages: msgs,
		Meta: metaJSON{
			Verdict: it.Meta.Verdict, ConclusionTrue: it.Meta.ConclusionTrue, PremisesTrue: it.Meta.PremisesTrue,
			Fallacies: it.Meta.Fallacies, Swap: it.Meta.Swap, Set: it.Meta.Set,
		},
	}
	for _, o := range it.Options {
		j.Options = append(j.Options, o.Label+". "+o.Text)
	}
	return j
}

// printItem shows an item as a person reads it: its id and answer, then
// the messages.
func printItem(w io.Writer, it gen.Item, msgs []prompt.Message) error {
	fmt.Fprintf(w, "=== %s (expected: %s)\n", it.ID, strings.Join(it.Accepted, " or "))
	for _, m := range msgs {
		fmt.Fprintf(w, "--- %s\n%s\n", m.Role, m.Content)
	}
	_, err := fmt.Fprintln(w)
	return err
}

// coverageJSON is one line of "items -coverage -json".
type coverageJSON struct {
	Probe     string `json:"probe"`
	Form      string `json:"form"`
	Condition string `json:"condition"`
	Feasible  string `json:"feasible"`
}

// printCoverage prints, per family, the forms × conditions table of
// feasibility: yes, no (impossible in any taxonomy), or - (not offered).
func printCoverage(w io.Writer, fams []gen.Family, asJSON bool) error {
	enc := json.NewEncoder(w)
	for _, fam := range fams {
		tw := tabwriter.NewWriter(w, 0, 0, 1, ' ', 0)
		if !asJSON {
			fmt.Fprintf(tw, "probe=%s\tform", fam.Name)
			for _, c := range fam.Conditions {
				fmt.Fprintf(tw, "\t%s", c)
			}
			fmt.Fprintln(tw)
		}
		counts := make([]int, len(fam.Conditions))
		ids := fam.Forms()
		for _, id := range ids {
			if !asJSON {
				fmt.Fprintf(tw, "\t%s", id)
			}
			for i, c := range fam.Conditions {
				f, err := fam.Feasibility(id, c)
				if err != nil {
					return err
				}
				if f == gen.Possible {
					counts[i]++
				}
				if asJSON {
					if err := enc.Encode(coverageJSON{fam.Name, id, string(c), f.String()}); err != nil {
						return err
					}
				} else {
					fmt.Fprintf(tw, "\t%s", f)
				}
			}
			if !asJSON {
				fmt.Fprintln(tw)
			}
		}
		if asJSON {
			continue
		}
		fmt.Fprintf(tw, "\tfeasible of %d", len(ids))
		for _, c := range counts {
			fmt.Fprintf(tw, "\t%d", c)
		}
		fmt.Fprintln(tw)
		if err := tw.Flush(); err != nil {
			return err
		}
		fmt.Fprintln(w)
	}
	return nil
}

// exportSemEval writes the families' two-premise validity questions that
// have a plausibility as a SemEval-2026 Task 11 dataset, and says on
// stderr how many items it left out and why. Exporting nothing is an
// error.
func exportSemEval(stdout, stderr io.Writer, fams []gen.Family, seed uint64, n int, sem logic.Semantics) error {
	var recs []semeval.Record
	notValidity, noPlausibility := 0, 0
	for _, fam := range fams {
		err := fam.Each(seed, n, sem, gen.Canonical, func(it gen.Item) error {
			distractors := it.Family == "distractors"
			switch {
			case it.Kind != question.Validity || len(it.PremiseText) != 2 && !distractors || it.Direct:
				notValidity++
			case it.Meta.ConclusionTrue == nil:
				noPlausibility++
			default:
				rec := semeval.Record{
					ID: it.ID, Syllogism: strings.Join(append(slices.Clone(it.PremiseText), it.ConclusionText), " "),
					Validity: it.Expected == question.Yes, Plausibility: *it.Meta.ConclusionTrue,
				}
				if distractors {
					// Subtask 2: the premises needed, the first minimal set.
					sel, err := gen.SelectionOf(it)
					if err != nil {
						return err
					}
					for _, n := range strings.Split(sel.Expected, ",") {
						if i, err := strconv.Atoi(n); err == nil {
							rec.RelevantPremises = append(rec.RelevantPremises, i-1)
						}
					}
				}
				recs = append(recs, rec)
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	if len(recs) == 0 {
		return usagef("items -semeval: nothing to export: the families asked have no two-premise validity question about real things (%d other questions, %d in letters or nonsense words)", notValidity, noPlausibility)
	}
	fmt.Fprintf(stderr, "items -semeval: %d records; left out %d questions that are not two-premise validity questions and %d in letters or nonsense words, which have no plausibility\n",
		len(recs), notValidity, noPlausibility)
	return semeval.Write(stdout, recs)
}
