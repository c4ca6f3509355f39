package run

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/syllobench/syllobench/internal/atomicfile"
	"github.com/syllobench/syllobench/internal/fixture"
	"github.com/syllobench/syllobench/internal/model"
	"github.com/syllobench/syllobench/internal/question"
	"github.com/syllobench/syllobench/internal/refmodel"
	"github.com/syllobench/syllobench/internal/scorecard"
	"github.com/syllobench/syllobench/probes"
)

// Session is one run of the battery against one model: what to ask, whom
// to ask, and every result so far, for the summary, the scorecard, the
// baseline and the gate. Each probe is asked once, however many callers
// ask for it. It is safe for concurrent use by parallel subtests.
type Session struct {
	Settings Settings
	// OnResult, when set, is called with every result as it comes in,
	// from several goroutines at once: for progress reports.
	OnResult func(probes.Result)

	ctx      context.Context // ends at the deadline, when the breaker trips, or with Open's context
	cancel   context.CancelCauseFunc
	modelFor func(probe string) model.Model
	closers  []func() error
	base     *baseline

	mu    sync.Mutex
	runs  map[string]*probeRun
	pairs map[string]*pairRun // content pairs, by the ids of their items
	order []string            // content pairs in the order first asked
}

// probeRun is one probe's questions and answers, asked once.
type probeRun struct {
	done       chan struct{}
	results    []probes.Result
	assessment probes.Assessment
	err        error
}

// pairRun is one content pair, asked once.
type pairRun struct {
	done    chan struct{}
	results [2]probes.Result
}

// NewSession returns a session that asks modelFor(probe) the questions of
// each probe, with the settings s. It starts nothing: [Open] is the
// session of a configured target.
func NewSession(ctx context.Context, s Settings, modelFor func(probe string) model.Model) *Session {
	ctx, cancel := context.WithCancelCause(ctx)
	if s.Deadline > 0 {
		var stop context.CancelFunc
		ctx, stop = context.WithTimeoutCause(ctx, s.Deadline, &StopError{
			Reason: fmt.Sprintf("the run reached its deadline of %v (SYLLOBENCH_DEADLINE, or a margin before go test's -timeout)", s.Deadline)})
		parent := cancel
		cancel = func(err error) { parent(err); stop() }
	}
	if s.Target == "" {
		s.Target = "external"
	}
	return &Session{Settings: s, ctx: ctx, cancel: cancel, modelFor: modelFor, base: &baseline{},
		runs: map[string]*probeRun{}, pairs: map[string]*pairRun{}}
}

// Open opens the session the settings describe: the client of the target
// (the built-in reasoners on loopback when no base URL is set) behind the
// breaker and the fixture store. An external target is checked first
// (see [Check]), so that a server that is down, refuses the key or does
// not serve the model ends the run at once, in one line. The run ends
// with ctx, at the settings' deadline, or when requests keep failing.
func Open(ctx context.Context, s Settings) (*Session, error) {
	sess := NewSession(ctx, s, nil)
	var inner model.Model
	var conn *refmodel.Connection
	// Replay asks no one, so it needs no server.
	if s.Mode != fixture.Replay {
		client, c, err := refmodel.Connect(s.Model)
		if err != nil {
			sess.cancel(nil)
			return nil, err
		}
		if s.Model.BaseURL != "" {
			if err := Check(sess.ctx, client, s.Model, s.KeyAdvice); err != nil {
				sess.cancel(nil)
				return nil, errors.Join(err, c.Close())
			}
		}
		inner, conn = &breaker{inner: client, limit: s.MaxFailures, stop: sess.cancel, key: s.KeyAdvice}, c
	}
	store, err := fixture.Open(s.Fixtures, s.Model.Model, s.Mode, inner)
	if err != nil {
		sess.cancel(nil)
		return nil, errors.Join(err, conn.Close())
	}
	if s.Alone != "" {
		// One model of several: the command that records what is missing
		// asks this one alone.
		store.RecordCommand = func(probe string) string { return s.Alone + " " + fixture.DefaultRecordCommand(probe) }
	}
	sess.modelFor = store.For
	sess.closers = []func() error{store.Close, conn.Close}
	return sess, nil
}

// Close releases what Open started and writes any fixture still pending.
func (s *Session) Close() error {
	var errs []error
	for _, c := range s.closers {
		errs = append(errs, c())
	}
	s.cancel(nil)
	return errors.Join(errs...)
}

// Sampling is how the session's requests are sampled.
func (s *Session) Sampling() Sampling { return s.Settings.Sampling() }

// Stopped returns why the run stopped before its end (a [*StopError]:
// the deadline, or requests that kept failing), or nil.
func (s *Session) Stopped() error {
	var stop *StopError
	if errors.As(context.Cause(s.ctx), &stop) {
		return stop
	}
	return nil
}

// within returns ctx, ended also when the run is.
func (s *Session) within(ctx context.Context) (context.Context, context.CancelFunc) {
	c, cancel := context.WithCancelCause(ctx)
	stop := context.AfterFunc(s.ctx, func() { cancel(context.Cause(s.ctx)) })
	return c, func() { stop(); cancel(nil) }
}

// Probe asks every question of p, once for the session, and assesses the
// answers; a second call returns the first's. An error means the
// questions could not be generated, which is a bug in the suite.
func (s *Session) Probe(ctx context.Context, p probes.Probe) (probes.Assessment, []probes.Result, error) {
	s.mu.Lock()
	r, ok := s.runs[p.Name]
	if !ok {
		r = &probeRun{done: make(chan struct{})}
		s.runs[p.Name] = r
	}
	s.mu.Unlock()
	if ok {
		<-r.done
		return r.assessment, r.results, r.err
	}
	defer close(r.done)
	cases, err := p.Asked(s.Settings.Battery)
	if err != nil {
		r.err = fmt.Errorf("probe %s: generating its questions: %w", p.Name, err)
		return probes.Assessment{}, nil, r.err
	}
	ctx, cancel := s.within(ctx)
	defer cancel()
	rs := ask(ctx, s.modelFor(p.Name), s.Sampling(), cases, s.Settings.Model.Concurrency, s.OnResult)
	a := p.Assess(s.Settings.Battery, rs)
	limited(&a, s.Settings.Battery.Limit, len(cases))
	a.Infrastructure = s.errors(rs)
	r.results, r.assessment = rs, a
	return a, rs, nil
}

// limited marks an assessment of a run limited to the first n questions
// of each probe (SYLLOBENCH_LIMIT): its checks still run, and each
// failure says that it comes from a trial, not a score.
func limited(a *probes.Assessment, limit, asked int) {
	if limit <= 0 {
		return
	}
	note := fmt.Sprintf("SYLLOBENCH_LIMIT=%d: only the first %d questions of the probe were asked, to try the setup; the pass marks are set for whole probes, so this is not a score", limit, asked)
	a.Details = note + "\n" + a.Details
	for i := range a.Checks {
		for j, f := range a.Checks[i].Failures {
			a.Checks[i].Failures[j] = f + " (" + note + ")"
		}
	}
}

// All asks every probe of the catalogue, all at once, and then the
// content-bias corpus: the whole battery, as go test and syllobench run
// ask it.
func (s *Session) All(ctx context.Context) error {
	return s.Some(ctx, s.Probes(), true)
}

// Probes returns the probes of the run: ProbesOf its settings.
func (s *Session) Probes() []probes.Probe { return ProbesOf(s.Settings) }

// ProbesOf returns the probes a run with settings asks: the catalogue's,
// and the imported dataset's when SYLLOBENCH_DATASET names one. go test
// and syllobench run both take the battery from here.
func ProbesOf(settings Settings) []probes.Probe {
	ps := probes.All()
	if settings.DatasetRecords != nil {
		ps = append(ps, probes.Dataset(settings.DatasetRecords))
	}
	return ps
}

// Some asks the probes ps, all at once, and the content-bias corpus when
// corpus is set.
func (s *Session) Some(ctx context.Context, ps []probes.Probe, corpus bool) error {
	errs := make([]error, len(ps)+1)
	var wg sync.WaitGroup
	for i, p := range ps {
		wg.Go(func() { _, _, errs[i] = s.Probe(ctx, p) })
	}
	if corpus {
		wg.Go(func() { _, errs[len(ps)] = s.ContentBias(ctx) })
	}
	wg.Wait()
	return errors.Join(errs...)
}

// Cases counts the questions of ps, and of the corpus when corpus is set,
// for a progress report.
func (s *Session) Cases(ps []probes.Probe, corpus bool) (int, error) {
	n := 0
	for _, p := range ps {
		cs, err := p.Asked(s.Settings.Battery)
		if err != nil {
			return 0, fmt.Errorf("probe %s: generating its questions: %w", p.Name, err)
		}
		n += len(cs)
	}
	if corpus {
		pairs, err := s.CorpusPairs()
		if err != nil {
			return 0, err
		}
		// Two pairs may share an item, which is asked once.
		ids := map[string]bool{}
		for _, p := range pairs {
			ids[p[0].ID], ids[p[1].ID] = true, true
		}
		n += len(ids)
	}
	return n, nil
}

// Assessments returns the assessment of every probe asked so far, in
// catalogue order, the content-bias corpus last.
func (s *Session) Assessments() []probes.Assessment {
	s.mu.Lock()
	defer s.mu.Unlock()
	var as []probes.Assessment
	for _, name := range s.probeOrder() {
		if name == probes.ContentBiasProbe {
			if a, ok := s.contentBiasLocked(); ok {
				as = append(as, a)
			}
			continue
		}
		if r, ok := s.finishedLocked(name); ok {
			as = append(as, r.assessment)
		}
	}
	return as
}

// finishedLocked returns a probe's run when it has finished.
func (s *Session) finishedLocked(name string) (*probeRun, bool) {
	r, ok := s.runs[name]
	if !ok {
		return nil, false
	}
	select {
	case <-r.done:
		return r, r.err == nil
	default:
		return nil, false
	}
}

// probeOrder is the run's probes, then the content-bias pairs.
func (s *Session) probeOrder() []string {
	var names []string
	for _, p := range s.Probes() {
		names = append(names, p.Name)
	}
	return append(names, probes.ContentBiasProbe)
}

// Gating reports whether the run is a gate: a baseline is set, and the
// run fails only when the model is significantly worse than it, or a
// pinned item regressed.
func (s *Session) Gating() bool { return s.Settings.Baseline != "" }

// Enforced reports whether the absolute checks of the probes (floors,
// belief limit, invariance, content bias) fail the run. They do, except
// in a gate, which reports them and fails only on a regression, unless
// SYLLOBENCH_FLOORS=1 asks for both. Infrastructure errors always fail a
// run. This is the rule go test and syllobench run both apply.
func (s *Session) Enforced() bool { return !s.Gating() || s.Settings.Floors }

// Summary writes one line per probe asked so far, in catalogue order:
// n, accuracy with its interval, unparseable, errors and the verdict.
func (s *Session) Summary(w io.Writer) {
	as := s.Assessments()
	if len(as) == 0 {
		return
	}
	c := s.Settings.Battery
	limit := ""
	if c.Limit > 0 {
		limit = fmt.Sprintf(", limit %d (the first %d questions of each probe: a trial, not a score)", c.Limit, c.Limit)
	}
	fmt.Fprintf(w, "syllobench %s: model %s, size %s, format %s, seed %d%s\n", probes.Version, s.Settings.Model.Model, c.Size, c.Format, c.Seed, limit)
	fmt.Fprintf(w, "%-14s %5s  %-24s %11s %9s %6s  %s\n", "probe", "n", "accuracy [95% CI]", "unparseable", "truncated", "errors", "verdict")
	for _, a := range as {
		t := a.Tally
		acc, ci := t.Accuracy()
		verdict := "pass"
		switch {
		case t.N > 0 && t.NotApplicable == t.N:
			verdict = "not applicable (the model declined every question)"
		case len(a.Infrastructure) > 0:
			verdict = "ERROR (infrastructure)"
		case !a.Passed() && s.Enforced():
			verdict = "FAIL " + strings.Join(checkNames(a.Failed()), " ")
		case !a.Passed():
			verdict = "below: " + strings.Join(checkNames(a.Failed()), " ") + " (reported; the gate decides)"
		}
		accuracy := fmt.Sprintf("%.3f [%.3f, %.3f]", acc, ci.Lo, ci.Hi)
		if t.Answered() == 0 {
			accuracy = "-"
		}
		fmt.Fprintf(w, "%-14s %5d  %-24s %11d %9d %6d  %s\n", a.Probe, t.N, accuracy, t.Unparseable, t.Truncated, t.Errors, verdict)
	}
	WriteContentEffects(w, s.Scorecard().ContentEffects)
}

// WriteContentEffects writes SemEval-2026 Task 11's metrics, a line for
// each group of validity questions with a plausibility; nothing when
// there are none.
func WriteContentEffects(w io.Writer, es []scorecard.ContentEffect) {
	if len(es) == 0 {
		return
	}
	fmt.Fprintf(w, "content effect (SemEval-2026 Task 11; accuracy and effects in %%):\n")
	fmt.Fprintf(w, "%-14s %5s %9s %7s %7s %7s %8s\n", "questions", "n", "accuracy", "intra", "cross", "TCE", "score")
	for _, e := range es {
		left := ""
		if e.LeftOut > 0 {
			left = fmt.Sprintf("  (%d left out: errors or declined)", e.LeftOut)
		}
		fmt.Fprintf(w, "%-14s %5d %9.2f %7.2f %7.2f %7.2f %8.2f%s\n", e.Probe, e.Counted, e.Accuracy, e.IntraPlausibility, e.CrossPlausibility, e.TCE, e.Score, left)
	}
}

func checkNames(names []string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		if n == "" {
			n = "floor"
		}
		out[i] = n
	}
	return out
}

// Scorecard returns the scorecard of the probes asked so far.
func (s *Session) Scorecard() *scorecard.Scorecard {
	sc := &scorecard.Scorecard{Format: scorecard.Version, Suite: probes.Version, Model: s.Settings.Model.Model,
		Config: s.Settings.scorecardConfig()}
	for _, a := range s.Assessments() {
		t := a.Tally
		acc, ci := t.Accuracy()
		sc.Probes = append(sc.Probes, scorecard.Probe{
			Name: a.Probe, N: t.N, Correct: t.Correct, Wrong: t.Wrong, Unparseable: t.Unparseable, Truncated: t.Truncated, Errors: t.Errors, NotApplicable: t.NotApplicable,
			Accuracy: round(acc), Interval: [2]float64{round(ci.Lo), round(ci.Hi)}, Passed: a.Passed(), Failed: a.Failed(),
		})
		for _, res := range s.results(a.Probe) {
			sc.Items = append(sc.Items, scoreItem(a.Probe, res))
		}
	}
	sc.ContentPairs = s.keptPairs()
	sc.ContentEffects = scorecard.ContentEffectsOf(sc.Items)
	return sc
}

// results returns the results of a probe asked so far.
func (s *Session) results(probe string) []probes.Result {
	s.mu.Lock()
	defer s.mu.Unlock()
	if probe == probes.ContentBiasProbe {
		return s.pairResultsLocked()
	}
	if r, ok := s.finishedLocked(probe); ok {
		return r.results
	}
	return nil
}

// round keeps six decimals, so that a scorecard does not change with the
// last bits of a float computed in another order.
func round(x float64) float64 {
	const k = 1e6
	if x < 0 {
		return -float64(int64(-x*k+0.5)) / k
	}
	return float64(int64(x*k+0.5)) / k
}

func scoreItem(probe string, r probes.Result) scorecard.Item {
	it := r.Item
	si := scorecard.Item{
		ID: r.ID, Probe: probe, Form: it.Form, Index: it.Index, Condition: string(it.Condition), Presentation: it.Presentation.String(),
		Format: string(r.Format), Kind: string(it.Kind), Labels: it.Kind.Labels(),
		Set: it.Meta.Set, Premises: it.PremiseText, Conclusion: it.ConclusionText,
		Expected: it.Expected, Verdict: r.Answer(), Outcome: string(r.Outcome),
		Rule: string(r.Verdict.Rule), PromptHash: r.PromptHash, Key: r.Key, Reply: r.Reply,
	}
	if len(it.Accepted) > 1 {
		si.Accepted = slices.Clone(it.Accepted)
	}
	if it.Kind == question.Validity && it.Meta.ConclusionTrue != nil {
		p := *it.Meta.ConclusionTrue
		si.Plausible = &p
	}
	if len(it.Options) > 0 {
		si.Labels, si.Responses = nil, nil
		for _, o := range it.Options {
			si.Labels = append(si.Labels, o.Label)
			si.Responses = append(si.Responses, o.Response.String())
		}
	}
	if r.Err != nil {
		si.Error = r.Err.Error()
	}
	return si
}

// WriteOutputs writes scorecard.json and summary.txt into the settings'
// Out directory, when it is set, and returns the summary's path ("" when
// nothing was written). A run that asked nothing (go test -run '^$')
// writes nothing, and keeps any earlier scorecard.
func (s *Session) WriteOutputs() (string, error) {
	out := s.Settings.Out
	if out == "" {
		return "", nil
	}
	sc := s.Scorecard()
	if len(sc.Probes) == 0 {
		return "", nil
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return "", fmt.Errorf("SYLLOBENCH_OUT: %w", err)
	}
	if err := sc.WriteFile(filepath.Join(out, "scorecard.json")); err != nil {
		return "", err
	}
	var b strings.Builder
	s.Summary(&b)
	path := filepath.Join(out, "summary.txt")
	return path, atomicfile.Write(path, []byte(b.String()))
}

// Results returns the results of a probe (or of the content-bias corpus,
// by its name) asked so far, in the order asked.
func (s *Session) Results(probe string) []probes.Result { return s.results(probe) }
