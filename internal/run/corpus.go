package run

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/syllobench/syllobench/internal/gen"
	"github.com/syllobench/syllobench/probes"
)

// CorpusCase is one input of FuzzContentBias's corpus: a seed of its
// built-in corpus, or a case the fuzzer found and that was committed
// under testdata/fuzz/FuzzContentBias.
type CorpusCase struct {
	Name  string // as go test names it: "seed#3", or the file's name
	Knobs probes.BiasKnobs
}

// Corpus returns the content-bias corpus go test asks: the built-in seeds
// (unless SYLLOBENCH_FUZZ_SEEDS=0), then the committed cases in the
// order of their file names. syllobench run asks the same.
func (s *Session) Corpus() ([]CorpusCase, error) {
	var cs []CorpusCase
	if s.Settings.FuzzSeeds {
		for i, k := range probes.BiasSeedCorpus() {
			cs = append(cs, CorpusCase{Name: fmt.Sprintf("seed#%d", i), Knobs: k})
		}
	}
	committed, err := ReadCorpus(s.Settings.Corpus)
	return append(cs, committed...), err
}

// ReadCorpus reads the committed cases of FuzzContentBias in dir, in the
// order of their names. A missing directory holds none; a file that is
// not a corpus entry of FuzzContentBias's arguments is an error naming it.
func ReadCorpus(dir string) ([]CorpusCase, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("reading the content-bias corpus: %w", err)
	}
	var cs []CorpusCase
	for _, e := range entries {
		if e.IsDir() || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		path := filepath.Join(dir, e.Name())
		info, err := os.Stat(path)
		if err != nil {
			return nil, fmt.Errorf("reading the content-bias corpus: %w", err)
		}
		if !info.Mode().IsRegular() || info.Size() > maxCorpusFile {
			return nil, fmt.Errorf("%s: not a corpus entry (a regular file of at most %d bytes)", path, maxCorpusFile)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("reading the content-bias corpus: %w", err)
		}
		k, err := parseCorpusFile(data)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		cs = append(cs, CorpusCase{Name: e.Name(), Knobs: k})
	}
	return cs, nil
}

// maxCorpusFile bounds a corpus entry: one is a few dozen bytes.
const maxCorpusFile = 4096

// parseCorpusFile reads a corpus entry in go test's format: the line
// "go test fuzz v1", then one typed value a line, here FuzzContentBias's
// arguments: uint64, uint8 (written byte('c')), uint16, uint8, uint8, uint8.
func parseCorpusFile(data []byte) (probes.BiasKnobs, error) {
	var k probes.BiasKnobs
	sc := bufio.NewScanner(bytes.NewReader(data))
	var lines []string
	for sc.Scan() {
		if l := strings.TrimSpace(sc.Text()); l != "" {
			lines = append(lines, l)
		}
	}
	if len(lines) != 7 || lines[0] != "go test fuzz v1" {
		return k, fmt.Errorf(`not a corpus entry of FuzzContentBias: want "go test fuzz v1" and its 6 arguments, one a line`)
	}
	want := []string{"uint64", "uint8", "uint16", "uint8", "uint8", "uint8"}
	vals := make([]uint64, len(want))
	for i, l := range lines[1:] {
		v, err := parseCorpusValue(l, want[i])
		if err != nil {
			return k, fmt.Errorf("line %d: %w", i+2, err)
		}
		vals[i] = v
	}
	return probes.BiasKnobs{Seed: vals[0], Family: uint8(vals[1]), Form: uint16(vals[2]), A: uint8(vals[3]), B: uint8(vals[4]), Presentation: uint8(vals[5])}, nil
}

// parseCorpusValue reads one typed value, such as uint16(7) or byte('\x01').
func parseCorpusValue(line, typ string) (uint64, error) {
	name, rest, ok := strings.Cut(line, "(")
	arg, closed := strings.CutSuffix(rest, ")")
	if !ok || !closed {
		return 0, fmt.Errorf("%q: want %s(value)", line, typ)
	}
	bits := map[string]int{"uint64": 64, "uint16": 16, "uint8": 8}[typ]
	switch {
	case name == typ:
		return strconv.ParseUint(arg, 0, bits)
	case typ == "uint8" && name == "byte":
		if len(arg) < 3 || arg[0] != '\'' || arg[len(arg)-1] != '\'' {
			return 0, fmt.Errorf("%q: want byte('c')", line)
		}
		r, _, tail, err := strconv.UnquoteChar(arg[1:len(arg)-1], '\'')
		if err != nil || tail != "" || r > 0xff {
			return 0, fmt.Errorf("%q: not a byte", line)
		}
		return uint64(r), nil
	}
	return 0, fmt.Errorf("%q: want a %s", line, typ)
}

// CorpusPairs decodes the corpus into content pairs, leaving out those
// the taxonomy has no content for (the fuzz target skips them too).
func (s *Session) CorpusPairs() ([][2]probes.Case, error) {
	cs, err := s.Corpus()
	if err != nil {
		return nil, err
	}
	var pairs [][2]probes.Case
	for _, c := range cs {
		pair, err := probes.ContentPair(s.Settings.Battery, c.Knobs)
		if errors.Is(err, gen.ErrNoContent) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("content-bias corpus %s: %w", c.Name, err)
		}
		pairs = append(pairs, pair)
		if len(pairs) == s.Settings.Battery.Limit {
			break // SYLLOBENCH_LIMIT: the first pairs only
		}
	}
	return pairs, nil
}

func pairID(pair [2]probes.Case) string { return pair[0].ID + "\x00" + pair[1].ID }

// ContentBias asks every pair of the corpus, once for the session, and
// returns the content-bias assessment.
func (s *Session) ContentBias(ctx context.Context) (probes.Assessment, error) {
	pairs, err := s.CorpusPairs()
	if err != nil {
		return probes.Assessment{}, err
	}
	// Two pairs may share an item (the symbolic one of a form, say):
	// each item is asked once.
	var mine []*pairRun
	var minePairs [][2]probes.Case
	var cases []probes.Case
	asked := map[string]bool{}
	s.mu.Lock()
	for _, pair := range pairs {
		id := pairID(pair)
		if _, ok := s.pairs[id]; ok {
			continue
		}
		r := &pairRun{done: make(chan struct{})}
		s.pairs[id] = r
		s.order = append(s.order, id)
		mine, minePairs = append(mine, r), append(minePairs, pair)
		for _, c := range pair {
			if !asked[c.ID] {
				asked[c.ID] = true
				cases = append(cases, c)
			}
		}
	}
	s.mu.Unlock()
	ctx, cancel := s.within(ctx)
	defer cancel()
	rs := ask(ctx, s.modelFor(probes.ContentBiasProbe), s.Sampling(), cases, s.Settings.Model.Concurrency, s.OnResult)
	byID := make(map[string]probes.Result, len(rs))
	for _, r := range rs {
		byID[r.ID] = r
	}
	for i, r := range mine {
		r.results = [2]probes.Result{byID[minePairs[i][0].ID], byID[minePairs[i][1].ID]}
		close(r.done)
	}
	for _, pair := range pairs {
		s.mu.Lock()
		r := s.pairs[pairID(pair)]
		s.mu.Unlock()
		<-r.done
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	a, _ := s.contentBiasLocked()
	return a, nil
}

// Pair asks the two cases of a content pair, once for the session. With
// keep set its results count in the summary and the scorecard, under the
// probe probes.ContentBiasProbe, as a run of the corpus should; a fuzzing
// run, which asks millions of pairs, keeps none.
func (s *Session) Pair(ctx context.Context, pair [2]probes.Case, keep bool) [2]probes.Result {
	ctx, cancel := s.within(ctx)
	defer cancel()
	if !keep {
		return [2]probes.Result(ask(ctx, s.modelFor(probes.ContentBiasProbe), s.Sampling(), pair[:], 2, nil))
	}
	id := pairID(pair)
	s.mu.Lock()
	r, ok := s.pairs[id]
	if !ok {
		r = &pairRun{done: make(chan struct{})}
		s.pairs[id] = r
		s.order = append(s.order, id)
	}
	s.mu.Unlock()
	if ok {
		<-r.done
		return r.results
	}
	r.results = [2]probes.Result(ask(ctx, s.modelFor(probes.ContentBiasProbe), s.Sampling(), pair[:], 2, s.OnResult))
	close(r.done)
	return r.results
}

// finishedPairsLocked returns the kept pairs that have been answered, in
// the order first asked.
func (s *Session) finishedPairsLocked() [][2]probes.Result {
	var out [][2]probes.Result
	for _, id := range s.order {
		r := s.pairs[id]
		select {
		case <-r.done:
			out = append(out, r.results)
		default:
		}
	}
	return out
}

// pairResultsLocked returns the results of the kept pairs, each item
// once: two pairs of the corpus may share an item (the symbolic one of a
// form, say).
func (s *Session) pairResultsLocked() []probes.Result {
	var rs []probes.Result
	seen := map[string]bool{}
	for _, p := range s.finishedPairsLocked() {
		for _, r := range p {
			if !seen[r.ID] {
				seen[r.ID] = true
				rs = append(rs, r)
			}
		}
	}
	return rs
}

func (s *Session) keptPairs() [][2]string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var ids [][2]string
	for _, p := range s.finishedPairsLocked() {
		ids = append(ids, [2]string{p[0].ID, p[1].ID})
	}
	return ids
}

// contentBiasLocked is the assessment of the content pairs asked so far:
// a pair whose verdicts differ fails the check "flips".
func (s *Session) contentBiasLocked() (probes.Assessment, bool) {
	pairs := s.finishedPairsLocked()
	if len(pairs) == 0 {
		return probes.Assessment{}, false
	}
	a := probes.Assessment{Probe: probes.ContentBiasProbe, Checks: []probes.Check{{Name: "flips"}}}
	rs := s.pairResultsLocked()
	for _, r := range rs {
		a.Tally.Add(r.Outcome)
	}
	for _, p := range pairs {
		if failure, _ := probes.CompareContentPair(p, s.Settings.Battery.Limits.Strict); failure != "" {
			a.Checks[0].Failures = append(a.Checks[0].Failures, failure)
		}
	}
	a.Infrastructure = s.errors(rs)
	return a, true
}
