package probes

import (
	"fmt"
	"slices"
	"strings"

	"github.com/syllobench/syllobench/internal/gen"
	"github.com/syllobench/syllobench/internal/question"
	"github.com/syllobench/syllobench/internal/stats"
)

// Assessment is a probe's judgement of its results.
type Assessment struct {
	Probe   string
	Tally   Tally
	Checks  []Check
	Details string // tables for a person to read: by condition, by depth, the belief 2×2…
	// Infrastructure lists the distinct infrastructure errors, when any
	// request failed. They fail the run, but not as the model's fault.
	// The run fills it in (Assess leaves it empty).
	Infrastructure []string
}

// Check is one pass mark of an assessment: the probe's own when Name is
// "", or a key=value part of it such as "cell=content" or "depth=3".
type Check struct {
	Name     string
	Failures []string // why it failed, each a message a person can act on; none when it passed
}

// Passed reports whether every check passed and no request failed.
func (a Assessment) Passed() bool {
	if len(a.Infrastructure) > 0 {
		return false
	}
	for _, c := range a.Checks {
		if len(c.Failures) > 0 {
			return false
		}
	}
	return true
}

// Failed returns the names of the checks that failed, "" standing for the
// probe's own check.
func (a Assessment) Failed() []string {
	var names []string
	for _, c := range a.Checks {
		if len(c.Failures) > 0 {
			names = append(names, c.Name)
		}
	}
	return names
}

// Tally counts outcomes.
type Tally struct {
	N, Correct, Wrong, Unparseable, Truncated, Errors, NotApplicable int
}

// Add counts one outcome.
func (t *Tally) Add(o Outcome) {
	t.N++
	switch o {
	case Correct:
		t.Correct++
	case Wrong:
		t.Wrong++
	case Unparseable:
		t.Unparseable++
	case Truncated:
		t.Truncated++
	case Error:
		t.Errors++
	case NotApplicable:
		t.NotApplicable++
	}
}

// Answered is the number of questions the model was asked successfully
// and did not decline: the denominator of accuracy, in which an
// unparseable reply counts as not right.
func (t Tally) Answered() int { return t.N - t.Errors - t.NotApplicable }

// Accuracy is the share of answered questions answered rightly, and its
// Wilson 95% interval; 0 and [0, 1] when none was answered.
func (t Tally) Accuracy() (float64, stats.Interval) {
	n := t.Answered()
	ci, err := stats.Wilson(t.Correct, n, stats.Z95)
	if err != nil || n == 0 {
		return 0, stats.Interval{Lo: 0, Hi: 1}
	}
	return float64(t.Correct) / float64(n), ci
}

// String reports t as "41/48 = 0.854 [0.728, 0.928]", with the
// unparseable and failed requests when there are any.
func (t Tally) String() string {
	acc, ci := t.Accuracy()
	s := fmt.Sprintf("%d/%d = %.3f [%.3f, %.3f]", t.Correct, t.Answered(), acc, ci.Lo, ci.Hi)
	if t.Unparseable > 0 {
		s += fmt.Sprintf(", %d unparseable", t.Unparseable)
	}
	if t.Truncated > 0 {
		s += fmt.Sprintf(", %d truncated", t.Truncated)
	}
	if t.Errors > 0 {
		s += fmt.Sprintf(", %d errors", t.Errors)
	}
	if t.NotApplicable > 0 {
		s += fmt.Sprintf(", %d not applicable", t.NotApplicable)
	}
	return s
}

func tally(rs []Result) Tally {
	var t Tally
	for _, r := range rs {
		t.Add(r.Outcome)
	}
	return t
}

// maxExamples is how many counterexamples a failure shows, outside strict
// mode.
const maxExamples = 3

// floorGroup is a set of results with an accuracy floor: a probe's
// answers, or one condition's, cell's or depth's.
type floorGroup struct {
	name string // the check's name: "" for the probe's own, else key=value
	what string // how a message names the group
	rs   []Result
	each bool // in strict mode, list every wrong answer of this group
}

// floorChecks tests each group against the floor: a group fails when its
// accuracy is significantly below the floor, by the exact one-sided
// binomial test (the chance of so few right answers from a model exactly
// at the floor), Holm-corrected over the groups at alpha. A small group
// therefore fails only when its misses could not be chance, and testing
// many groups does not multiply false alarms. In strict mode every wrong
// or unparseable answer of a group marked each is a failure of its own.
func floorChecks(groups []floorGroup, floor, alpha float64, strict bool) []Check {
	ps := make([]float64, len(groups))
	for i, g := range groups {
		t := tally(g.rs)
		ps[i] = 1
		if t.Answered() > 0 {
			ps[i], _ = stats.BinomialCDF(t.Correct, t.Answered(), floor)
		}
	}
	adj, err := stats.Holm(ps)
	if err != nil {
		adj = ps // cannot happen: every p is in [0, 1]
	}
	checks := make([]Check, len(groups))
	for i, g := range groups {
		c := Check{Name: g.name}
		if adj[i] < alpha {
			t := tally(g.rs)
			var b strings.Builder
			fmt.Fprintf(&b, "%s: accuracy %s is significantly below the floor %.2f (exact binomial test, p = %.3g", g.what, t, floor, adj[i])
			if len(groups) > 1 {
				fmt.Fprintf(&b, ", Holm-corrected over %d checks", len(groups))
			}
			b.WriteString(").\nA sound deductive reasoner would meet it; this model's verdicts do not follow from the premises often enough.")
			if !strict {
				shown := 0
				for _, r := range g.rs {
					if notRight(r) {
						if shown == maxExamples {
							fmt.Fprintf(&b, "\n\n… and %d more (SYLLOBENCH_STRICT=1 lists every one)", t.Wrong+t.Unparseable+t.Truncated-shown)
							break
						}
						b.WriteString("\n\n" + Counterexample(r))
						shown++
					}
				}
			}
			c.Failures = append(c.Failures, b.String())
		}
		if strict && g.each {
			c.Failures = append(c.Failures, strictFailures(g.rs)...)
		}
		checks[i] = c
	}
	return checks
}

// notRight reports whether the model replied, and not rightly: a wrong
// answer, none it could read, or one cut off.
func notRight(r Result) bool {
	return r.Outcome == Wrong || r.Outcome == Unparseable || r.Outcome == Truncated
}

// strictFailures is one failure per result that replied and was not right.
func strictFailures(rs []Result) []string {
	var fs []string
	for _, r := range rs {
		if notRight(r) {
			fs = append(fs, Counterexample(r))
		}
	}
	return fs
}

// maxReply is how much of a reply a counterexample quotes.
const maxReply = 600

// Counterexample shows a result as a person needs it to see what went
// wrong: the item, its premises, the question, the expected and the given
// answer, and the reply.
func Counterexample(r Result) string {
	var b strings.Builder
	it := r.Item
	fmt.Fprintf(&b, "%s (%s, %s content)\n", r.ID, it.Form, it.Condition)
	for i, p := range it.PremiseText {
		fmt.Fprintf(&b, "    %d. %s\n", i+1, p)
	}
	fmt.Fprintf(&b, "    %s\n", oneLine(it))
	given := r.Answer()
	switch r.Outcome {
	case Unparseable:
		given = "no answer found (" + string(r.Verdict.Rule) + ")"
	case Truncated:
		given = "none: the reply was " + string(CutOff)
	case Error:
		given = "request failed: " + r.Err.Error()
	}
	fmt.Fprintf(&b, "    expected: %s   given: %s\n", answerText(it, it.Expected), answerText(it, given))
	fmt.Fprintf(&b, "    reply: %s", quote(r.Reply, maxReply))
	return b.String()
}

// oneLine is the question of an item in one line.
func oneLine(it gen.Item) string {
	switch it.Kind {
	case question.Validity:
		if it.Direct {
			return it.ConclusionText + " (yes only if it follows)"
		}
		return "Does it follow that " + lowerFirst(strings.TrimSuffix(it.ConclusionText, ".")) + "?"
	case question.Truth:
		return "True, false or unknown: " + it.ConclusionText
	case question.Consistency:
		return "Can all of these be true together?"
	case question.Open:
		return it.ConclusionText + " (right: " + strings.Join(it.Accepted, " or ") + ")"
	}
	var opts []string
	for _, o := range it.Options {
		opts = append(opts, o.Label+") "+o.Text)
	}
	return "Which follows? " + strings.Join(opts, " ")
}

// answerText adds an option's text to its label.
func answerText(it gen.Item, label string) string {
	for _, o := range it.Options {
		if o.Label == label {
			return label + " (" + o.Text + ")"
		}
	}
	return label
}

func lowerFirst(s string) string {
	if s == "" || (len(s) > 1 && s[1] >= 'A' && s[1] <= 'Z') {
		return s // an initialism or a name stays as it is
	}
	if s[0] >= 'A' && s[0] <= 'Z' {
		if strings.HasPrefix(s, "All ") || strings.HasPrefix(s, "No ") || strings.HasPrefix(s, "Some ") {
			return strings.ToLower(s[:1]) + s[1:]
		}
	}
	return s
}

// quote shows a reply on one line, trimmed to n bytes at a rune boundary.
func quote(s string, n int) string {
	s = strings.Join(strings.Fields(strings.ToValidUTF8(s, "\uFFFD")), " ")
	if len(s) > n {
		cut := n
		for cut > 0 && s[cut]&0xC0 == 0x80 {
			cut--
		}
		s = s[:cut] + fmt.Sprintf("… (%d bytes more)", len(s)-cut)
	}
	return fmt.Sprintf("%q", s)
}

// byKey groups results by a key, keeping the keys in order of first
// appearance unless order is given.
func byKey(rs []Result, key func(Result) string) (keys []string, groups map[string][]Result) {
	groups = map[string][]Result{}
	for _, r := range rs {
		k := key(r)
		if _, ok := groups[k]; !ok {
			keys = append(keys, k)
		}
		groups[k] = append(groups[k], r)
	}
	return keys, groups
}

// infrastructure counts the outcomes of an assessment. The errors among
// them are described by the run, which knows what a replay miss is.
func (a *Assessment) infrastructure(rs []Result) {
	a.Tally = tally(rs)
}

// floorAssessment is the assessment of the probes that are floors: one on
// every answer, and one per group of key, as subtests named
// "<label>=<key>".
func floorAssessment(name string, cfg Config, rs []Result, label string, key func(Result) string, order []string) Assessment {
	a := Assessment{Probe: name}
	a.infrastructure(rs)
	floor := cfg.Limits.FloorOf(name)
	fg := []floorGroup{{name: "", what: name, rs: rs}}
	keys, groups := byKey(rs, key)
	if order != nil {
		keys = ordered(order, groups)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s by %s (floor %.2f):\n", name, label, floor)
	for _, k := range keys {
		g := groups[k]
		fmt.Fprintf(&b, "  %-22s %s\n", k, tally(g))
		fg = append(fg, floorGroup{name: label + "=" + k, what: fmt.Sprintf("%s, %s %s", name, label, k), rs: g, each: true})
	}
	a.Checks = append(a.Checks, floorChecks(fg, floor, cfg.Limits.Alpha, cfg.Limits.Strict)...)
	a.Details = strings.TrimRight(b.String(), "\n")
	return a
}

// ordered returns the keys of groups in the order of order, then any
// others in sorted order.
func ordered(order []string, groups map[string][]Result) []string {
	var keys []string
	for _, k := range order {
		if _, ok := groups[k]; ok {
			keys = append(keys, k)
		}
	}
	var rest []string
	for k := range groups {
		if !slices.Contains(order, k) {
			rest = append(rest, k)
		}
	}
	slices.Sort(rest)
	return append(keys, rest...)
}
