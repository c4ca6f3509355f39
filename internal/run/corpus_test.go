package run

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/syllobench/syllobench/internal/gen"
	"github.com/syllobench/syllobench/internal/model"
	"github.com/syllobench/syllobench/probes"
)

// knobs derives the fuzz arguments of a seed, so that a sweep over seeds
// also sweeps families, forms, conditions and presentations.
func knobs(seed uint64) probes.BiasKnobs {
	return probes.BiasKnobs{Seed: seed, Family: uint8(seed % 7), Form: uint16(seed * 37), A: uint8(seed), B: uint8(seed / 3), Presentation: uint8(seed / 5)}
}

// corpusEntry is a corpus file as go test writes it for FuzzContentBias.
const corpusEntry = "go test fuzz v1\nuint64(0)\nbyte('\\x01')\nuint16(0)\nbyte('\\x00')\nbyte('Y')\nbyte('\\n')\n"

func writeCorpus(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// ReadCorpus reads go's fuzz corpus format, in the order of the files'
// names, leaving out dot files and directories.
func TestReadCorpus(t *testing.T) {
	dir := t.TempDir()
	writeCorpus(t, dir, map[string]string{
		"e95dd0963441151e": corpusEntry,
		"0a":               "go test fuzz v1\nuint64(18446744073709551615)\nuint8(7)\nuint16(65535)\nbyte('a')\nbyte('\\xff')\nuint8(0)\n",
		".hidden":          "not a corpus entry",
	})
	if err := os.Mkdir(filepath.Join(dir, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	cs, err := ReadCorpus(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := []CorpusCase{
		{Name: "0a", Knobs: probes.BiasKnobs{Seed: 1<<64 - 1, Family: 7, Form: 65535, A: 'a', B: 0xff, Presentation: 0}},
		{Name: "e95dd0963441151e", Knobs: probes.BiasKnobs{Seed: 0, Family: 1, Form: 0, A: 0, B: 'Y', Presentation: '\n'}},
	}
	if diff := cmp.Diff(want, cs); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if cs, err := ReadCorpus(filepath.Join(dir, "missing")); cs != nil || err != nil {
		t.Errorf("a missing directory: %v, %v; want no case and no error", cs, err)
	}
	// The module's committed corpus is read as go test reads it.
	committed, err := ReadCorpus(filepath.Join("..", "..", DefaultCorpus))
	if err != nil || len(committed) == 0 {
		t.Errorf("the committed corpus: %d cases, %v", len(committed), err)
	}
}

// A file that is not a corpus entry of FuzzContentBias's arguments is an
// error naming it.
func TestReadCorpusRejectsMalformedFiles(t *testing.T) {
	lines := strings.Split(strings.TrimSuffix(corpusEntry, "\n"), "\n")
	with := func(i int, line string) string {
		ls := append([]string(nil), lines...)
		ls[i] = line
		return strings.Join(ls, "\n") + "\n"
	}
	for name, data := range map[string]string{
		"empty":          "",
		"header":         with(0, "go test fuzz v2"),
		"short":          strings.Join(lines[:6], "\n"),
		"long":           corpusEntry + "byte('\\x00')\n",
		"wrong-type":     with(1, "uint32(0)"),
		"string":         with(2, `string("a")`),
		"byte-two":       with(2, "byte('ab')"),
		"uint16-range":   with(3, "uint16(70000)"),
		"uint8-range":    with(4, "uint8(256)"),
		"negative":       with(1, "uint64(-1)"),
		"no-parentheses": with(1, "uint64 0"),
		"too-big":        corpusEntry + strings.Repeat("\n", maxCorpusFile),
	} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			writeCorpus(t, dir, map[string]string{"entry": data})
			cs, err := ReadCorpus(dir)
			if path := filepath.Join(dir, "entry"); err == nil || !strings.Contains(err.Error(), path) {
				t.Errorf("%d cases, error %v; want an error naming %s", len(cs), err, path)
			}
		})
	}
}

// The corpus of a session is the built-in seeds, unless left out, then
// the committed cases.
func TestSessionCorpus(t *testing.T) {
	dir := t.TempDir()
	writeCorpus(t, dir, map[string]string{"e95dd0963441151e": corpusEntry})
	s := sessionFor(t, "ref-logic", func(st *Settings) { st.FuzzSeeds, st.Corpus = true, dir })
	cs, err := s.Corpus()
	if err != nil {
		t.Fatal(err)
	}
	seeds := probes.BiasSeedCorpus()
	if len(cs) != len(seeds)+1 || cs[0].Name != "seed#0" || cs[0].Knobs != seeds[0] || cs[len(cs)-1].Name != "e95dd0963441151e" {
		t.Errorf("corpus %+v; want the %d seeds, then the committed case", cs, len(seeds))
	}
	s = sessionFor(t, "ref-logic", func(st *Settings) { st.FuzzSeeds, st.Corpus = false, dir })
	if cs, err := s.Corpus(); err != nil || len(cs) != 1 {
		t.Errorf("without the seeds: %+v, %v", cs, err)
	}
	writeCorpus(t, dir, map[string]string{"bad": "go test fuzz v1\n"})
	if _, err := s.CorpusPairs(); err == nil || !strings.Contains(err.Error(), filepath.Join(dir, "bad")) {
		t.Errorf("a malformed committed case: %v", err)
	}
}

// The content-bias corpus is asked once for the session, and assessed:
// ref-logic flips no pair, ref-belief does.
func TestContentBias(t *testing.T) {
	e, err := server()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name  string
		flips bool
	}{{"ref-logic", false}, {"ref-belief", true}} {
		st := smallSettings(t, tc.name)
		st.FuzzSeeds = true
		cfg := st.Model
		cfg.BaseURL = e.URL()
		c, err := model.NewClient(cfg)
		if err != nil {
			t.Fatal(err)
		}
		counted := &fake{answer: c.Complete}
		s := newSession(t, st, func(string) model.Model { return counted })
		pairs, err := s.CorpusPairs()
		if err != nil {
			t.Fatal(err)
		}
		a, err := s.ContentBias(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if a.Probe != probes.ContentBiasProbe || a.Tally.N == 0 || a.Tally.N > 2*len(pairs) || a.Tally.Errors != 0 {
			t.Errorf("%s: assessment %+v of %d pairs", tc.name, a, len(pairs))
		}
		if got := len(a.Failed()) > 0; got != tc.flips {
			t.Errorf("%s: flips %v, want %v: %q", tc.name, got, tc.flips, a.Checks)
		}
		// Pairs share items (the symbolic member of a form): each item
		// is asked once.
		items := map[string]bool{}
		for _, p := range pairs {
			items[p[0].ID], items[p[1].ID] = true, true
		}
		asked := counted.calls.Load()
		if asked != int64(len(items)) || a.Tally.N != len(items) {
			t.Errorf("%s: %d requests and %d results for %d pairs of %d distinct items", tc.name, asked, a.Tally.N, len(pairs), len(items))
		}
		if again, err := s.ContentBias(context.Background()); err != nil || counted.calls.Load() != asked || again.Tally != a.Tally {
			t.Errorf("%s: asked again, %d requests more, tally %+v, %v", tc.name, counted.calls.Load()-asked, again.Tally, err)
		}
		// A pair of the corpus asked by the fuzz target is not asked again.
		s.Pair(context.Background(), pairs[0], true)
		if n := counted.calls.Load(); n != asked {
			t.Errorf("%s: a pair of the corpus was asked again by Pair (%d requests)", tc.name, n-asked)
		}
		sc := s.Scorecard()
		if len(sc.ContentPairs) != len(pairs) || len(sc.Probes) != 1 || sc.Probes[0].Name != probes.ContentBiasProbe || len(sc.Items) != a.Tally.N {
			t.Errorf("%s: scorecard of %d pairs, probes %+v, %d items", tc.name, len(sc.ContentPairs), sc.Probes, len(sc.Items))
		}
		if n, err := s.Cases(nil, true); err != nil || n != len(items) {
			t.Errorf("%s: Cases of the corpus = %d, %v; want %d", tc.name, n, err, len(items))
		}
	}
}

// A pair kept counts once, however often it is asked; a pair not kept
// (a fuzzing run) counts for nothing.
func TestPair(t *testing.T) {
	m := &fake{answer: func(context.Context, model.Request) (model.Response, error) {
		return model.Response{Text: "Answer: yes"}, nil
	}}
	s := newSession(t, smallSettings(t, "m"), func(string) model.Model { return m })
	var pair [2]probes.Case
	for seed := uint64(0); ; seed++ {
		p, err := probes.ContentPair(s.Settings.Battery, knobs(seed))
		if err == nil {
			pair = p
			break
		}
	}
	s.Pair(context.Background(), pair, false)
	if len(s.Assessments()) != 0 || len(s.Scorecard().ContentPairs) != 0 || m.calls.Load() != 2 {
		t.Errorf("a pair not kept: assessments %+v, %d requests", s.Assessments(), m.calls.Load())
	}
	first := s.Pair(context.Background(), pair, true)
	second := s.Pair(context.Background(), pair, true)
	if m.calls.Load() != 4 || first[0].ID != second[0].ID || first[1].Key != second[1].Key {
		t.Errorf("a pair kept and asked twice: %d requests; want it asked once more", m.calls.Load())
	}
	as := s.Assessments()
	if len(as) != 1 || as[0].Tally.N != 2 || len(s.Scorecard().ContentPairs) != 1 || len(s.Results(probes.ContentBiasProbe)) != 2 {
		t.Errorf("a pair kept: assessments %+v", as)
	}
}

func TestContentBiasSweep(t *testing.T) {
	const n = 500
	fs, decoded := sweep(t, "ref-logic", n)
	if len(fs) != 0 {
		t.Errorf("ref-logic shows content bias in %d of %d pairs; the first:\n%s", len(fs), decoded, fs[0])
	}
	if decoded < n*9/10 {
		t.Errorf("only %d of %d seeds decoded into a pair", decoded, n)
	}
	fs, _ = sweep(t, "ref-belief", n)
	if len(fs) == 0 {
		t.Fatalf("no content bias found in ref-belief over %d seeds", n)
	}
	t.Logf("ref-belief: %d of %d pairs show content bias; the first:\n%s", len(fs), decoded, fs[0])
}

// sweep decodes the first n seeds, asks the reasoner, and returns the
// failure messages of the pairs that show content bias.
func sweep(t *testing.T, name string, n int) (failures []string, decoded int) {
	s := sessionFor(t, name)
	for seed := range uint64(n) {
		pair, err := probes.ContentPair(s.Settings.Battery, knobs(seed))
		if errors.Is(err, gen.ErrNoContent) {
			continue
		}
		if err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		decoded++
		rs := s.Pair(context.Background(), pair, false)
		if f, undecided := probes.CompareContentPair(rs, false); undecided {
			t.Fatalf("seed %d: %s gave no answer: %v %v", seed, name, rs[0].Err, rs[1].Err)
		} else if f != "" {
			failures = append(failures, f)
		}
	}
	if len(s.Assessments()) != 0 {
		t.Errorf("%s: a sweep of pairs not kept left assessments", name)
	}
	return failures, decoded
}
