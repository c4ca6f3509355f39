package probes

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/syllobench/syllobench/internal/fixture"
	"github.com/syllobench/syllobench/internal/logic"
	"github.com/syllobench/syllobench/internal/model"
	"github.com/syllobench/syllobench/internal/prompt"
	"github.com/syllobench/syllobench/internal/refmodel"
	"github.com/syllobench/syllobench/internal/scorecard"
)

// Session is one run of the battery against one model: what to ask, whom
// to ask, and every result so far, for the summary and the scorecard. It
// is safe for concurrent use by parallel subtests.
type Session struct {
	Config   Config
	Sampling Sampling
	Workers  int    // requests a probe keeps in flight
	Target   string // "embedded" or "external", for the scorecard
	Out      string // where scorecard.json is written; "" for nowhere

	// OnResult, when set, is called with every result as it comes in,
	// from several goroutines at once: for progress reports.
	OnResult func(Result)

	FixturesDir string // where fixtures, baselines and pinned items are kept
	Baseline    string // SYLLOBENCH_BASELINE: the model whose scorecard gates this run; "" for none
	Update      bool   // SYLLOBENCH_UPDATE=1: write this run's scorecard as the model's baseline
	base        *baseline

	// modelFor returns the model that answers a probe's requests.
	modelFor func(probe string) model.Model
	closers  []func() error

	mu   sync.Mutex
	runs map[string]run
}

type run struct {
	results    []Result
	assessment Assessment
	pairs      [][2]string // content-bias pairs asked, by item id
}

// NewSession returns a session that asks modelFor(probe) the questions of
// each probe.
func NewSession(cfg Config, s Sampling, workers int, modelFor func(probe string) model.Model) *Session {
	return &Session{Config: cfg, Sampling: s, Workers: workers, Target: "external", FixturesDir: "fixtures",
		modelFor: modelFor, runs: map[string]run{}, base: &baseline{}}
}

// Open opens the session the environment describes: the model client
// (the embedded reference reasoners when SYLLOBENCH_BASE_URL is not set)
// behind the fixture store, and the run configuration. short selects the
// small size when SYLLOBENCH_SIZE is not set, as testing.Short asks.
func Open(getenv func(string) string, short bool) (*Session, error) {
	if getenv == nil {
		getenv = os.Getenv
	}
	mcfg, mErr := model.ConfigFromEnv(getenv)
	cfg, cErr := ConfigFromEnv(getenv)
	fset, fErr := fixture.SettingsFromEnv(getenv, mcfg.BaseURL != "")
	var uErr error
	update := false
	switch v := getenv("SYLLOBENCH_UPDATE"); v {
	case "", "0":
	case "1":
		update = true
	default:
		uErr = fmt.Errorf("%w: SYLLOBENCH_UPDATE=%q: want 1 or 0", ErrBadConfig, v)
	}
	dErr := errors.Join(checkDir("SYLLOBENCH_FIXTURES", getenv("SYLLOBENCH_FIXTURES")), checkDir("SYLLOBENCH_OUT", getenv("SYLLOBENCH_OUT")))
	if err := errors.Join(mErr, cErr, fErr, uErr, dErr, CheckEnviron(os.Environ())); err != nil {
		return nil, err
	}
	if short && getenv("SYLLOBENCH_SIZE") == "" {
		cfg.Size = Small
	}
	var inner model.Model
	var conn *refmodel.Connection
	// Replay asks no one, so it needs no server.
	if fset.Mode != fixture.Replay {
		client, c, err := refmodel.Connect(mcfg)
		if err != nil {
			if _, builtin := refmodel.ByName(mcfg.Model); mcfg.BaseURL == "" && !builtin {
				err = fmt.Errorf("%w: SYLLOBENCH_MODEL: %w", ErrBadConfig, err)
			}
			return nil, err
		}
		inner, conn = client, c
	}
	store, err := fixture.Open(fset.Dir, mcfg.Model, fset.Mode, inner)
	if err != nil {
		return nil, errors.Join(err, conn.Close())
	}
	s := NewSession(cfg, Sampling{Model: mcfg.Model, Temperature: mcfg.Temperature, Seed: mcfg.Seed, MaxTokens: mcfg.MaxTokens},
		mcfg.Concurrency, store.For)
	if mcfg.BaseURL == "" {
		s.Target = "embedded"
	}
	s.Out = getenv("SYLLOBENCH_OUT")
	s.FixturesDir, s.Baseline = fset.Dir, getenv("SYLLOBENCH_BASELINE")
	s.Update = update
	s.closers = []func() error{store.Close, conn.Close}
	return s, nil
}

// checkDir rejects a directory variable that names something other than
// a directory, so that the mistake is reported when the run starts, naming
// the variable, rather than as a failure of every question or of the
// scorecard at the end. A path that does not exist yet is fine: it is
// created when something is written there.
func checkDir(name, path string) error {
	if path == "" {
		return nil
	}
	info, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return fmt.Errorf("%w: %s=%q: %w", ErrBadConfig, name, path, err)
	case !info.IsDir():
		return fmt.Errorf("%w: %s=%q: not a directory", ErrBadConfig, name, path)
	}
	return nil
}

// Close releases what Open started and writes any fixture still pending.
func (s *Session) Close() error {
	var errs []error
	for _, c := range s.closers {
		errs = append(errs, c())
	}
	return errors.Join(errs...)
}

// Model returns the model that answers a probe's requests.
func (s *Session) Model(probe string) model.Model { return s.modelFor(probe) }

// Run asks every question of p and assesses the answers. An error means
// the questions could not be generated, which is a bug in the suite.
func (s *Session) Run(ctx context.Context, p Probe) (Assessment, []Result, error) {
	cases, err := p.Cases(s.Config)
	if err != nil {
		return Assessment{}, nil, fmt.Errorf("probe %s: generating its questions: %w", p.Name, err)
	}
	a, rs := s.RunCases(ctx, p, cases)
	return a, rs, nil
}

// RunCases asks cases, which p.Cases generated, and assesses the answers:
// Run for a caller that needed the cases first, to count them.
func (s *Session) RunCases(ctx context.Context, p Probe, cases []Case) (Assessment, []Result) {
	rs := ask(ctx, s.modelFor(p.Name), s.Sampling, cases, s.Workers, s.OnResult)
	a := p.Assess(s.Config, rs)
	s.mu.Lock()
	s.runs[p.Name] = run{results: rs, assessment: a}
	s.mu.Unlock()
	return a, rs
}

// Test runs p as a test: its questions, then its checks as failures of t
// and of subtests of t.
func (s *Session) Test(t *testing.T, p Probe) {
	t.Helper()
	a, _, err := s.Run(t.Context(), p)
	if err != nil {
		t.Fatal(err)
	}
	Report(t, a)
	if !a.Passed() && len(a.Infrastructure) == 0 {
		t.Logf("probe %s: %s\nThe floors describe a sound deductive reasoner; a failure here measures the model, it is not a bug in the suite. "+
			"SYLLOBENCH_FLOOR and the other limits documented in package probes change them.", p.Name, p.Reason)
	}
}

// Summary writes one line per probe run so far, in catalogue order:
// n, accuracy with its interval, unparseable, errors and the verdict.
func (s *Session) Summary(w io.Writer) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.runs) == 0 {
		return
	}
	fmt.Fprintf(w, "syllobench %s: model %s, size %s, format %s, seed %d\n", Version, s.Sampling.Model, s.Config.Size, s.Config.Format, s.Config.Seed)
	fmt.Fprintf(w, "%-14s %5s  %-24s %11s %6s  %s\n", "probe", "n", "accuracy [95% CI]", "unparseable", "errors", "verdict")
	for _, name := range probeOrder() {
		r, ok := s.runs[name]
		if !ok {
			continue
		}
		t := r.assessment.Tally
		acc, ci := t.Accuracy()
		verdict := "pass"
		switch {
		case t.N > 0 && t.NotApplicable == t.N:
			verdict = "not applicable (the model declined every question)"
		case len(r.assessment.Infrastructure) > 0:
			verdict = "ERROR (infrastructure)"
		case !r.assessment.Passed():
			verdict = "FAIL " + strings.Join(checkNames(r.assessment.Failed()), " ")
		}
		accuracy := fmt.Sprintf("%.3f [%.3f, %.3f]", acc, ci.Lo, ci.Hi)
		if t.Answered() == 0 {
			accuracy = "-"
		}
		fmt.Fprintf(w, "%-14s %5d  %-24s %11d %6d  %s\n", name, t.N, accuracy, t.Unparseable, t.Errors, verdict)
	}
}

// probeOrder is the catalogue's probes, then the content-bias pairs.
func probeOrder() []string {
	var names []string
	for _, p := range All() {
		names = append(names, p.Name)
	}
	return append(names, ContentBiasProbe)
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

// Scorecard returns the scorecard of the probes run so far.
func (s *Session) Scorecard() *scorecard.Scorecard {
	s.mu.Lock()
	defer s.mu.Unlock()
	l := s.Config.Limits
	sc := &scorecard.Scorecard{
		Format: scorecard.Version, Suite: Version, Model: s.Sampling.Model,
		Config: scorecard.Config{
			Target: s.Target, Seed: s.Config.Seed, Size: string(s.Config.Size), Format: string(s.Config.Format),
			Semantics: s.Config.Semantics.String(), Temperature: s.Sampling.Temperature, SamplingSeed: s.Sampling.Seed,
			MaxTokens: s.Sampling.MaxTokens, Floor: l.Floor, Floors: l.Floors, BeliefLimit: l.BeliefLimit,
			MaxFlips: l.MaxFlips, Alpha: l.Alpha, Strict: l.Strict,
		},
	}
	for _, name := range probeOrder() {
		r, ok := s.runs[name]
		if !ok {
			continue
		}
		t := r.assessment.Tally
		acc, ci := t.Accuracy()
		sc.Probes = append(sc.Probes, scorecard.Probe{
			Name: name, N: t.N, Correct: t.Correct, Wrong: t.Wrong, Unparseable: t.Unparseable, Errors: t.Errors, NotApplicable: t.NotApplicable,
			Accuracy: round(acc), Interval: [2]float64{round(ci.Lo), round(ci.Hi)}, Passed: r.assessment.Passed(), Failed: r.assessment.Failed(),
		})
		for _, res := range r.results {
			sc.Items = append(sc.Items, scoreItem(name, res))
		}
		sc.ContentPairs = append(sc.ContentPairs, r.pairs...)
	}
	return sc
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

func scoreItem(probe string, r Result) scorecard.Item {
	it := r.Item
	si := scorecard.Item{
		ID: r.ID, Probe: probe, Form: it.Form, Condition: string(it.Condition), Presentation: it.Presentation.String(),
		Format: string(r.Format), Kind: string(it.Kind), Set: it.Meta.Set, Premises: it.PremiseText, Conclusion: it.ConclusionText,
		Expected: it.Expected, Verdict: r.Answer(), Outcome: string(r.Outcome),
		Rule: string(r.Verdict.Rule), PromptHash: r.PromptHash, Key: r.Key, Reply: r.Reply,
	}
	if len(it.Accepted) > 1 {
		si.Accepted = slices.Clone(it.Accepted)
	}
	if r.Err != nil {
		si.Error = r.Err.Error()
	}
	return si
}

// WriteScorecard writes scorecard.json into s.Out, when it is set.
func (s *Session) WriteScorecard() error {
	if s.Out == "" {
		return nil
	}
	if len(s.Scorecard().Probes) == 0 {
		return nil // nothing ran (go test -run '^$'): keep any earlier scorecard
	}
	if err := os.MkdirAll(s.Out, 0o755); err != nil {
		return fmt.Errorf("SYLLOBENCH_OUT: %w", err)
	}
	return s.Scorecard().WriteFile(filepath.Join(s.Out, "scorecard.json"))
}

// AskPair asks the two cases of a content pair (see ContentPair). With
// keep set it keeps their results for the summary and the scorecard,
// under the probe ContentBiasProbe, as a run of the corpus should; a
// fuzzing run, which asks millions of pairs, should not.
func (s *Session) AskPair(ctx context.Context, pair [2]Case, keep bool) [2]Result {
	rs := ask(ctx, s.modelFor(ContentBiasProbe), s.Sampling, pair[:], 2, s.OnResult)
	if !keep {
		return [2]Result(rs)
	}
	failure, _ := CompareContentPair([2]Result(rs), s.Config.Limits.Strict)
	s.mu.Lock()
	defer s.mu.Unlock()
	r := s.runs[ContentBiasProbe]
	r.assessment.Probe = ContentBiasProbe
	for _, x := range rs {
		if !slices.ContainsFunc(r.results, func(y Result) bool { return y.ID == x.ID }) {
			r.results = append(r.results, x)
			r.assessment.Tally.Add(x.Outcome)
		}
	}
	ids := [2]string{rs[0].ID, rs[1].ID}
	if slices.Contains(r.pairs, ids) {
		return [2]Result(rs) // asked again (go test -count=2): counted once
	}
	r.pairs = append(r.pairs, ids)
	_, r.assessment.Infrastructure = errorSummary(r.results)
	if failure != "" {
		if len(r.assessment.Checks) == 0 {
			r.assessment.Checks = []Check{{Name: "flips"}}
		}
		r.assessment.Checks[0].Failures = append(r.assessment.Checks[0].Failures, failure)
	}
	s.runs[ContentBiasProbe] = r
	return [2]Result(rs)
}

// ConfigOf returns the configuration and sampling a scorecard was made
// with, so that a run can ask the same questions the same way again.
func ConfigOf(sc *scorecard.Scorecard) (Config, Sampling, error) {
	c := sc.Config
	cfg := DefaultConfig()
	var errs []error
	var err error
	cfg.Seed = c.Seed
	if cfg.Size, err = ParseSize(c.Size); err != nil {
		errs = append(errs, err)
	}
	if cfg.Format, err = prompt.ParseFormat(c.Format); err != nil {
		errs = append(errs, err)
	}
	if cfg.Semantics, err = logic.ParseSemantics(c.Semantics); err != nil {
		errs = append(errs, err)
	}
	cfg.Limits = Limits{Floor: c.Floor, Floors: c.Floors, BeliefLimit: c.BeliefLimit, MaxFlips: c.MaxFlips, Alpha: c.Alpha, Strict: c.Strict}
	s := Sampling{Model: sc.Model, Temperature: c.Temperature, Seed: c.SamplingSeed, MaxTokens: c.MaxTokens}
	if err := errors.Join(errs...); err != nil {
		return Config{}, Sampling{}, fmt.Errorf("scorecard of %s: %w", sc.Model, err)
	}
	return cfg, s, nil
}
