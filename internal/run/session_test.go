package run

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/syllobench/syllobench/internal/fixture"
	"github.com/syllobench/syllobench/internal/gen"
	"github.com/syllobench/syllobench/internal/model"
	"github.com/syllobench/syllobench/internal/refmodel"
	"github.com/syllobench/syllobench/internal/scorecard"
	"github.com/syllobench/syllobench/probes"
)

// server is one embedded reference server for every test of the package.
var server = sync.OnceValues(func() (*refmodel.Embedded, error) { return refmodel.Start(refmodel.All()) })

// smallSettings are the settings of a run of the reference reasoner name
// at the small size, with fixtures in a fresh directory.
func smallSettings(t testing.TB, name string) Settings {
	cfg := model.DefaultConfig()
	cfg.Model = name
	b := probes.DefaultConfig()
	b.Size = probes.Small
	return Settings{Model: cfg, Battery: b, Target: "embedded", Fixtures: t.TempDir(), MaxFailures: DefaultMaxFailures}
}

// sessionFor returns a session that asks the reference reasoner name over
// HTTP, at the small size; edit changes its settings first.
func sessionFor(t testing.TB, name string, edit ...func(*Settings)) *Session {
	t.Helper()
	e, err := server()
	if err != nil {
		t.Fatal(err)
	}
	st := smallSettings(t, name)
	for _, f := range edit {
		f(&st)
	}
	cfg := st.Model
	cfg.BaseURL = e.URL()
	c, err := model.NewClient(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return newSession(t, st, func(string) model.Model { return c })
}

// newSession is NewSession, closed when the test ends.
func newSession(t testing.TB, st Settings, modelFor func(string) model.Model) *Session {
	s := NewSession(context.Background(), st, modelFor)
	t.Cleanup(func() { s.Close() })
	return s
}

// fake is a model that answers with answer and counts the requests.
type fake struct {
	calls  atomic.Int64
	answer func(ctx context.Context, req model.Request) (model.Response, error)
}

func (f *fake) Complete(ctx context.Context, req model.Request) (model.Response, error) {
	f.calls.Add(1)
	return f.answer(ctx, req)
}

// echo answers yes to everything.
type echo struct{}

func (echo) Complete(context.Context, model.Request) (model.Response, error) {
	return model.Response{Text: "Answer: yes"}, nil
}

// validityCases returns the first n cases of the validity family.
func validityCases(t testing.TB, n int) []probes.Case {
	t.Helper()
	cfg := probes.DefaultConfig()
	fam, err := gen.FamilyByName("validity")
	if err != nil {
		t.Fatal(err)
	}
	var cs []probes.Case
	err = fam.Each(cfg.Seed, n, cfg.Semantics, gen.Canonical, func(it gen.Item) error {
		cs = append(cs, probes.Case{ID: it.ID, Item: it, Format: cfg.Format})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return cs
}

// results fakes the results of n validity items, all answered rightly.
func results(t testing.TB, n int) []probes.Result {
	t.Helper()
	var rs []probes.Result
	for _, c := range validityCases(t, n) {
		reply := "Answer: " + c.Item.Expected
		v := probes.Read(c.Item, reply)
		rs = append(rs, probes.Result{Case: c, Reply: reply, Verdict: v, Outcome: probes.Grade(c.Item, v)})
	}
	return rs
}

func probe(t testing.TB, name string) probes.Probe {
	t.Helper()
	p, err := probes.ByName(name)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// Load and Open read the environment, start the built-in reasoners when
// no base URL is set, and the run writes a scorecard that holds every
// result and no secret.
func TestOpenRunAndScorecard(t *testing.T) {
	const secret = "sk-sentinel-5f1c0ffee"
	out := t.TempDir()
	vars := map[string]string{
		"SYLLOBENCH_MODEL": "ref-coin", "SYLLOBENCH_API_KEY": secret, "SYLLOBENCH_OUT": out,
		"SYLLOBENCH_FIXTURES": t.TempDir(),
	}
	open := func() *Session {
		t.Helper()
		settings, err := Load(Source{Getenv: env(vars), Environ: []string{}, Short: true})
		if err != nil {
			t.Fatal(err)
		}
		s, err := Open(context.Background(), settings)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	s := open()
	if s.Settings.Battery.Size != probes.Small || s.Settings.Target != "embedded" || s.Settings.Mode != fixture.Live {
		t.Errorf("short run: size %s, target %s, mode %v; want small, embedded and live", s.Settings.Battery.Size, s.Settings.Target, s.Settings.Mode)
	}
	p := probe(t, "chains")
	a, rs, err := s.Probe(context.Background(), p)
	if err != nil {
		t.Fatal(err)
	}
	if a.Passed() || a.Tally.N != len(rs) || a.Tally.Errors != 0 {
		t.Errorf("ref-coin on chains: passed %v, tally %+v over %d results", a.Passed(), a.Tally, len(rs))
	}
	var sum bytes.Buffer
	s.Summary(&sum)
	if !strings.Contains(sum.String(), "model ref-coin, size small") || !strings.Contains(sum.String(), "chains ") || !strings.Contains(sum.String(), "FAIL floor") {
		t.Errorf("summary:\n%s", sum.String())
	}
	summary, err := s.WriteOutputs()
	if err != nil {
		t.Fatal(err)
	}
	if summary != filepath.Join(out, "summary.txt") {
		t.Errorf("WriteOutputs wrote the summary at %q; want it in %s", summary, out)
	}
	if got, err := os.ReadFile(summary); err != nil || string(got) != sum.String() {
		t.Errorf("summary.txt (%v):\n%s\nwant:\n%s", err, got, sum.String())
	}
	if s.Stopped() != nil {
		t.Errorf("Stopped() = %v", s.Stopped())
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(out, "scorecard.json")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(data, []byte(secret)) || bytes.Contains(data, []byte("127.0.0.1")) {
		t.Error("the scorecard holds the key or the server's address")
	}
	sc, err := scorecard.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(sc.Items) != len(rs) || len(sc.Probes) != 1 || sc.Probes[0].Passed || sc.Config.Size != "small" || sc.Suite != probes.Version || sc.Config.Target != "embedded" {
		t.Errorf("scorecard: %d items for %d results, probes %+v, config %+v", len(sc.Items), len(rs), sc.Probes, sc.Config)
	}
	// The same run gives the same scorecard, byte for byte.
	s2 := open()
	defer s2.Close()
	if _, _, err := s2.Probe(context.Background(), p); err != nil {
		t.Fatal(err)
	}
	var again bytes.Buffer
	if err := s2.Scorecard().Encode(&again); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(data, again.Bytes()) {
		t.Error("a second run of the same questions wrote a different scorecard")
	}
}

// A run that asked nothing (go test -run '^$') writes nothing, and keeps
// any earlier scorecard; a run with no output directory writes nowhere.
func TestWriteOutputsOfNothing(t *testing.T) {
	out := t.TempDir()
	s := sessionFor(t, "ref-logic", func(st *Settings) { st.Out = out })
	if path, err := s.WriteOutputs(); path != "" || err != nil {
		t.Errorf("nothing asked: WriteOutputs() = %q, %v", path, err)
	}
	if entries, _ := os.ReadDir(out); len(entries) != 0 {
		t.Errorf("nothing asked, and %d files written", len(entries))
	}
	s = sessionFor(t, "ref-logic")
	if _, _, err := s.Probe(context.Background(), probe(t, "chains")); err != nil {
		t.Fatal(err)
	}
	if path, err := s.WriteOutputs(); path != "" || err != nil {
		t.Errorf("no output directory: WriteOutputs() = %q, %v", path, err)
	}
}

func TestOpenErrors(t *testing.T) {
	for name, vars := range map[string]map[string]string{
		"unknown built-in model": {"SYLLOBENCH_MODEL": "gpt-9"},
		"bad size":               {"SYLLOBENCH_SIZE": "enormous"},
		"bad mode":               {"SYLLOBENCH_MODE": "sometimes"},
		"bad concurrency":        {"SYLLOBENCH_CONCURRENCY": "0"},
	} {
		settings, err := Load(Source{Getenv: env(vars), Environ: []string{}})
		if err == nil {
			s, err := Open(context.Background(), settings)
			if err == nil {
				s.Close()
				t.Errorf("%s: no error", name)
				continue
			}
		}
		if !errors.Is(err, ErrBadConfig) {
			t.Errorf("%s: %v; want ErrBadConfig", name, err)
		}
		for k := range vars {
			if !strings.Contains(err.Error(), k) {
				t.Errorf("%s: error does not name %s: %v", name, k, err)
			}
		}
	}
}

// Replaying with no fixtures asks no one: every question is an error
// that says how to record it, and none is counted against the model.
func TestReplayWithoutFixtures(t *testing.T) {
	settings, err := Load(Source{Getenv: env(map[string]string{
		"SYLLOBENCH_BASE_URL": "http://127.0.0.1:1/v1", "SYLLOBENCH_MODEL": "some-model",
		"SYLLOBENCH_FIXTURES": t.TempDir(), "SYLLOBENCH_SIZE": "small",
	}), Environ: []string{}})
	if err != nil {
		t.Fatal(err)
	}
	s, err := Open(context.Background(), settings)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	a, _, err := s.Probe(context.Background(), probe(t, "consistency"))
	if err != nil {
		t.Fatal(err)
	}
	if a.Tally.Errors != a.Tally.N || len(a.Failed()) != 0 || len(a.Infrastructure) != 1 ||
		!strings.Contains(a.Infrastructure[0], "SYLLOBENCH_MODE=record go test . -run '^TestReasoning$/^probe=consistency$'") {
		t.Errorf("tally %+v, failed checks %q, infrastructure %q", a.Tally, a.Failed(), a.Infrastructure)
	}
	if s.Stopped() != nil {
		t.Errorf("replay misses stopped the run: %v", s.Stopped())
	}
}

// A replay that misses, configured otherwise than the recording, says
// which settings differ: the likely cause of the misses.
func TestReplayMissNamesDifferences(t *testing.T) {
	dir := t.TempDir()
	path := writeScorecard(t, dir, "some-model", (Settings{Battery: probes.DefaultConfig(), Model: model.DefaultConfig(), Target: "external"}).scorecardConfig())
	settings, err := Load(Source{Getenv: env(map[string]string{
		"SYLLOBENCH_BASE_URL": "http://127.0.0.1:1/v1", "SYLLOBENCH_MODEL": "some-model",
		"SYLLOBENCH_FIXTURES": dir, "SYLLOBENCH_SIZE": "small",
	}), Environ: []string{}})
	if err != nil {
		t.Fatal(err)
	}
	s, err := Open(context.Background(), settings)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	a, _, err := s.Probe(context.Background(), probe(t, "consistency"))
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Infrastructure) != 2 || !strings.Contains(a.Infrastructure[1], "this run is not configured as some-model was recorded ("+path+"): SYLLOBENCH_SIZE=small (recorded: default)") {
		t.Errorf("infrastructure %q; want the misses, then the setting that differs", a.Infrastructure)
	}
}

// Each probe is asked once for the session, however many callers ask
// for it at once; OnResult sees every result once.
func TestProbeIsAskedOnce(t *testing.T) {
	m := &fake{answer: func(context.Context, model.Request) (model.Response, error) {
		return model.Response{Text: "Answer: yes"}, nil
	}}
	var seen atomic.Int64
	s := newSession(t, smallSettings(t, "m"), func(string) model.Model { return m })
	s.OnResult = func(probes.Result) { seen.Add(1) }
	p := probe(t, "chains")
	cases, err := p.Cases(s.Settings.Battery)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	got := make([][]probes.Result, 4)
	for i := range got {
		wg.Go(func() {
			_, rs, err := s.Probe(context.Background(), p)
			if err != nil {
				t.Error(err)
			}
			got[i] = rs
		})
	}
	wg.Wait()
	if n := m.calls.Load(); n != int64(len(cases)) {
		t.Errorf("%d requests for the %d questions of chains asked four times at once; want each once", n, len(cases))
	}
	if n := seen.Load(); n != int64(len(cases)) {
		t.Errorf("OnResult saw %d results; want %d", n, len(cases))
	}
	for i, rs := range got {
		if len(rs) != len(cases) || &rs[0] != &got[0][0] {
			t.Errorf("caller %d got %d results, not the first caller's", i, len(rs))
		}
	}
	if as := s.Assessments(); len(as) != 1 || as[0].Probe != "chains" || len(s.Results("chains")) != len(cases) {
		t.Errorf("assessments %+v, %d results", as, len(s.Results("chains")))
	}
	if n, err := s.Cases([]probes.Probe{p}, false); err != nil || n != len(cases) {
		t.Errorf("Cases = %d, %v; want %d", n, err, len(cases))
	}
}

// Infrastructure errors are counted apart, never as wrong answers, and
// described once each; a replay miss is one line with its command.
func TestErrorSummary(t *testing.T) {
	rs := results(t, 30)
	for i := range 10 {
		rs[i].Outcome, rs[i].Err = probes.Error, &model.InfraError{Op: "POST /v1/chat/completions", StatusCode: 503, Err: errors.New("busy")}
	}
	rs[10].Outcome, rs[10].Err = probes.Error, &fixture.MissError{Model: "m", Probe: "validity", Command: "SYLLOBENCH_MODE=record go test"}
	n, msgs := errorSummary(rs)
	if n != 11 || len(msgs) != 2 || !strings.Contains(msgs[0], "1 question has no recorded response (replay mode), the first validity/") ||
		!strings.Contains(msgs[0], "record them with: SYLLOBENCH_MODE=record go test") || !strings.Contains(msgs[1], "HTTP 503") {
		t.Errorf("%d errors, messages %q; want 11, the miss with its command, then the HTTP error once", n, msgs)
	}
	rs[11].Outcome, rs[11].Err = probes.Error, &fixture.MissError{Command: "c"}
	if _, msgs := errorSummary(rs); !strings.HasPrefix(msgs[0], "2 questions have no recorded response") {
		t.Errorf("two misses: %q", msgs[0])
	}

	// A probe whose requests fail is not failed by the model: no check
	// fails, and the assessment does not pass.
	m := &fake{answer: func(context.Context, model.Request) (model.Response, error) {
		return model.Response{}, &model.InfraError{Op: "POST /v1/chat/completions", StatusCode: 503, Err: errors.New("busy")}
	}}
	s := newSession(t, smallSettings(t, "m"), func(string) model.Model { return m })
	a, _, err := s.Probe(context.Background(), probe(t, "chains"))
	if err != nil {
		t.Fatal(err)
	}
	if a.Passed() || len(a.Failed()) != 0 || a.Tally.Errors != a.Tally.N || a.Tally.Wrong != 0 || len(a.Infrastructure) != 1 {
		t.Errorf("every request failed: passed %v, failed %q, tally %+v, infrastructure %q", a.Passed(), a.Failed(), a.Tally, a.Infrastructure)
	}
	var sum bytes.Buffer
	s.Summary(&sum)
	if !strings.Contains(sum.String(), "ERROR (infrastructure)") {
		t.Errorf("summary:\n%s", sum.String())
	}
}

// In a gate the absolute checks are reported, not failed, unless
// SYLLOBENCH_FLOORS=1 asks for both.
func TestEnforced(t *testing.T) {
	for _, tc := range []struct {
		baseline        string
		floors          bool
		gating, enforce bool
		verdict, not    string
	}{
		{"", false, false, true, "FAIL floor", "below"},
		{"ref-logic", false, true, false, "below: floor", "FAIL"},
		{"ref-logic", true, true, true, "FAIL floor", "below"},
	} {
		s := sessionFor(t, "ref-coin", func(st *Settings) { st.Baseline, st.Floors = tc.baseline, tc.floors })
		if s.Gating() != tc.gating || s.Enforced() != tc.enforce {
			t.Errorf("baseline %q, floors %v: gating %v, enforced %v", tc.baseline, tc.floors, s.Gating(), s.Enforced())
		}
		if _, _, err := s.Probe(context.Background(), probe(t, "chains")); err != nil {
			t.Fatal(err)
		}
		var sum bytes.Buffer
		s.Summary(&sum)
		if !strings.Contains(sum.String(), tc.verdict) || strings.Contains(sum.String(), tc.not) ||
			tc.enforce == strings.Contains(sum.String(), "(reported; the gate decides)") {
			t.Errorf("baseline %q, floors %v: summary\n%s\nwant the verdict %q", tc.baseline, tc.floors, sum.String(), tc.verdict)
		}
	}
}

// A result's key is the fixture key of its request, whether the model
// returns it (the fixture store) or not.
func TestResultKey(t *testing.T) {
	cs := validityCases(t, 3)
	s := Sampling{Model: "ref-logic", MaxTokens: 1024}
	store, err := fixture.Open(t.TempDir(), "ref-logic", fixture.Live, echo{})
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range []model.Model{echo{}, store.For("validity")} {
		for _, r := range Ask(context.Background(), m, s, cs, 2) {
			req, _ := s.Request(r.Case)
			if want, _ := fixture.Key(req); r.Key != want || r.Err != nil {
				t.Errorf("%T: key %q, error %v; want %q", m, r.Key, r.Err, want)
			}
		}
	}
}

func TestPairError(t *testing.T) {
	rs := results(t, 2)
	pair := [2]probes.Result{rs[0], rs[1]}
	if err := PairError(pair, "FuzzContentBias/abc"); err != nil {
		t.Errorf("answered pair: %v", err)
	}
	pair[1].Outcome, pair[1].Err = probes.Error, &fixture.MissError{}
	err := PairError(pair, "FuzzContentBias/abc")
	if err == nil || !strings.Contains(err.Error(), "SYLLOBENCH_MODE=record go test -run '^FuzzContentBias/abc$' .") {
		t.Errorf("miss: %v; want the command that records the case", err)
	}
	pair[1].Err = &model.InfraError{Op: "POST", Err: errors.New("refused")}
	if err := PairError(pair, "x"); err == nil || !errors.Is(err, model.ErrInfrastructure) {
		t.Errorf("infrastructure: %v", err)
	}
	pair[1].Outcome, pair[1].Err = probes.NotApplicable, &model.DeclinedError{Reason: "not a syllogism"}
	if err := PairError(pair, "x"); err != nil {
		t.Errorf("declined: %v; want nil", err)
	}
}
