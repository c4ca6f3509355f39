package probes

import (
	"fmt"
	"math/bits"
	"slices"
	"strings"

	"github.com/syllobench/syllobench/internal/english"
	"github.com/syllobench/syllobench/internal/gen"
	"github.com/syllobench/syllobench/internal/logic"
	"github.com/syllobench/syllobench/internal/question"
	"github.com/syllobench/syllobench/internal/semeval"
)

// DatasetProbe is the name of the probe that asks an imported dataset.
const DatasetProbe = "dataset"

// Dataset returns the probe that asks the records of a SemEval-2026 Task
// 11 dataset (SYLLOBENCH_DATASET): each as syllobench's validity question
// around the record's own text, its last sentence the conclusion. The
// expected answer is the file's label, not the engine's: where the engine
// reads every sentence and disagrees, [Audit] says so. The content-effect
// metrics come from the records' plausibility.
func Dataset(records []semeval.Record) Probe {
	return Probe{
		Name:   DatasetProbe,
		Reason: "A failure means the model does not tell valid from invalid arguments in the imported dataset; the content effect beside it says how much their plausibility sways it.",
		Cases: func(cfg Config) ([]Case, error) {
			cs := make([]Case, 0, len(records))
			for i, rec := range records {
				it := DatasetItem(rec, i, cfg.Semantics)
				cs = append(cs, Case{ID: it.ID, Item: it, Format: cfg.Format})
			}
			return cs, nil
		},
		Assess: func(cfg Config, rs []Result) Assessment {
			a := floorAssessment(DatasetProbe, cfg, rs, "plausibility", datasetPlausibility, []string{"plausible", "implausible"})
			read, disagree := 0, 0
			for _, r := range rs {
				if r.Item.Conclusion != nil {
					read++
					if r.Item.Meta.Verdict != "" && DatasetLabel(r.Item) != r.Item.Expected {
						disagree++
					}
				}
			}
			a.Details += fmt.Sprintf("\n%d of %d records are in syllobench's controlled English; the engine disagrees with the file's label on %d of them (syllobench audit lists them)", read, len(rs), disagree)
			return a
		},
	}
}

func datasetPlausibility(r Result) string {
	if c := r.Item.Meta.ConclusionTrue; c != nil && *c {
		return "plausible"
	}
	return "implausible"
}

// DatasetItem is the validity question a record asks, as item i of the
// dataset. Its condition is believable or unbelievable by the record's
// plausibility. Where every sentence reads in the controlled English, the
// item holds the statements too, and Meta.Verdict is the engine's verdict
// under sem (see DatasetLabel).
func DatasetItem(rec semeval.Record, i int, sem logic.Semantics) gen.Item {
	sents := semeval.Sentences(rec.Syllogism)
	expected := question.No
	if rec.Validity {
		expected = question.Yes
	}
	cond := gen.Unbelievable
	if rec.Plausibility {
		cond = gen.Believable
	}
	plausible := rec.Plausibility
	it := gen.Item{
		ID: DatasetProbe + "/" + rec.ID, Family: DatasetProbe, Form: "record", Index: i, Condition: cond,
		Semantics: sem, Kind: question.Validity,
		PremiseText: sents[:len(sents)-1], ConclusionText: sents[len(sents)-1],
		Expected: expected, Accepted: []string{expected},
		Meta: gen.Meta{ConclusionTrue: &plausible},
	}
	var stmts []logic.Statement
	for _, s := range sents {
		st, err := english.Parse(s)
		if err != nil {
			return it
		}
		stmts = append(stmts, st)
	}
	it.Premises, it.Conclusion = stmts[:len(stmts)-1], &stmts[len(stmts)-1]
	if v, err := logic.Decide(it.Premises, *it.Conclusion, sem); err == nil {
		it.Meta.Verdict = v.String()
	}
	return it
}

// DatasetLabel is the answer the engine gives a dataset item it reads:
// yes when its premises entail its conclusion, no otherwise; "" when it
// does not read every sentence.
func DatasetLabel(it gen.Item) string {
	switch it.Meta.Verdict {
	case "":
		return ""
	case logic.Entailed.String():
		return question.Yes
	}
	return question.No
}

// AuditFinding is a record whose label the engine disagrees with.
type AuditFinding struct {
	ID, Syllogism string
	Label, Engine string // the file's answer and the engine's, yes or no
	Verdict       string // the engine's verdict: entailed, contradicted, undetermined or inconsistent
	Semantics     string
	Premises      []string
	Conclusion    string
	Why           string // a proof sketch or a countermodel, in words
}

// Audit decides every record whose sentences all read in the controlled
// English, and returns those whose label the engine disagrees with, with
// how many it read.
func Audit(records []semeval.Record, sem logic.Semantics) (findings []AuditFinding, read int) {
	for i, rec := range records {
		it := DatasetItem(rec, i, sem)
		engine := DatasetLabel(it)
		if engine == "" {
			continue
		}
		read++
		if engine == it.Expected {
			continue
		}
		f := AuditFinding{ID: rec.ID, Syllogism: rec.Syllogism, Label: it.Expected, Engine: engine, Verdict: it.Meta.Verdict,
			Semantics: sem.String(), Premises: it.PremiseText, Conclusion: it.ConclusionText}
		f.Why = auditWhy(it, sem)
		findings = append(findings, f)
	}
	return findings, read
}

// auditWhy explains the engine's verdict: for an entailed conclusion,
// that the premises and its negation cannot all be true; otherwise a
// countermodel, the smallest the search finds: kinds of things, each a
// combination of the terms, of which there is at least one, that make
// every premise true and the conclusion false.
func auditWhy(it gen.Item, sem logic.Semantics) string {
	switch it.Meta.Verdict {
	case logic.Entailed.String():
		return "a proof: the premises and the negation of the conclusion (" + negation(*it.Conclusion) + ") cannot all be true"
	case logic.Inconsistent.String():
		return "the premises cannot all be true together"
	}
	if m, ok := countermodel(it.Premises, *it.Conclusion, sem); ok {
		return "a countermodel, where every premise is true and the conclusion false: " + m
	}
	return "the premises can all be true while the conclusion is false: they are consistent with " + negation(*it.Conclusion)
}

// countermodel searches the models of at most four terms, each a set of
// non-empty kinds (a kind is which terms a thing is in), with each
// individual of some kind, for one where premises hold and conclusion
// fails, fewest kinds first. Under traditional semantics every term has
// a member. It describes the model found.
func countermodel(premises []logic.Statement, conclusion logic.Statement, sem logic.Semantics) (string, bool) {
	stmts := append(slices.Clone(premises), conclusion)
	var terms, names []string
	for _, s := range stmts {
		if s.Q.Singular() {
			if !slices.Contains(names, s.Subject) {
				names = append(names, s.Subject)
			}
		} else if !slices.Contains(terms, s.Subject) {
			terms = append(terms, s.Subject)
		}
		if !slices.Contains(terms, s.Predicate) {
			terms = append(terms, s.Predicate)
		}
	}
	if len(terms) > 4 || len(names) > 2 {
		return "", false
	}
	kinds := 1 << len(terms)
	in := func(kind int, t string) bool { return kind>>slices.Index(terms, t)&1 == 1 }
	var patterns []int
	for p := 1; p < 1<<kinds; p++ {
		patterns = append(patterns, p)
	}
	slices.SortStableFunc(patterns, func(a, b int) int { return bits.OnesCount(uint(a)) - bits.OnesCount(uint(b)) })
	for _, p := range patterns {
		var occupied []int
		for k := range kinds {
			if p>>k&1 == 1 {
				occupied = append(occupied, k)
			}
		}
		empty := func(t string) bool { return !slices.ContainsFunc(occupied, func(k int) bool { return in(k, t) }) }
		if sem == logic.Traditional && slices.ContainsFunc(terms, empty) {
			continue // every term mentioned has a member
		}
		// Each individual in one of the occupied kinds.
		place := make([]int, len(names))
		for {
			holds := func(s logic.Statement) bool {
				some := func(f func(k int) bool) bool { return slices.ContainsFunc(occupied, f) }
				switch s.Q {
				case logic.All:
					return !some(func(k int) bool { return in(k, s.Subject) && !in(k, s.Predicate) })
				case logic.No:
					return !some(func(k int) bool { return in(k, s.Subject) && in(k, s.Predicate) })
				case logic.Some:
					return some(func(k int) bool { return in(k, s.Subject) && in(k, s.Predicate) })
				case logic.SomeNot:
					return some(func(k int) bool { return in(k, s.Subject) && !in(k, s.Predicate) })
				}
				k := occupied[place[slices.Index(names, s.Subject)]]
				return in(k, s.Predicate) == (s.Q == logic.Is)
			}
			if !slices.ContainsFunc(premises, func(s logic.Statement) bool { return !holds(s) }) && !holds(conclusion) {
				return describeModel(terms, names, occupied, place), true
			}
			i := 0
			for ; i < len(place); i++ {
				place[i]++
				if place[i] < len(occupied) {
					break
				}
				place[i] = 0
			}
			if i == len(place) {
				break
			}
		}
	}
	return "", false
}

// describeModel says what a countermodel holds: each kind of thing, and
// which kind each individual is.
func describeModel(terms, names []string, occupied, place []int) string {
	kind := func(k int) string {
		var parts []string
		for i, t := range terms {
			word := strings.TrimPrefix(t, english.PropertyMarker)
			if k>>i&1 == 0 {
				word = "not " + word
			}
			parts = append(parts, word)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	}
	var ks []string
	for _, k := range occupied {
		ks = append(ks, kind(k))
	}
	out := "things of the kinds " + strings.Join(ks, " and ")
	for i, n := range names {
		out += fmt.Sprintf("; %s of the kind %s", n, kind(occupied[place[i]]))
	}
	return out
}

func negation(s logic.Statement) string {
	text, err := english.RenderDefault(s.Negation())
	if err != nil {
		return s.Negation().String()
	}
	return strings.TrimSuffix(text, ".")
}
