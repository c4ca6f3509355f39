package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"sync"
	"syscall"

	"github.com/syllobench/syllobench/internal/atomicfile"
	"github.com/syllobench/syllobench/internal/fixture"
	"github.com/syllobench/syllobench/internal/gate"
	"github.com/syllobench/syllobench/internal/gen"
	"github.com/syllobench/syllobench/internal/refmodel"
	"github.com/syllobench/syllobench/internal/report"
	"github.com/syllobench/syllobench/internal/scorecard"
	"github.com/syllobench/syllobench/probes"
)

const runUsage = `usage: syllobench run [-model M] [-base-url URL] [-probe P,...] [-size S] [-format F] [-out DIR] [-baseline M] [-gate]

Runs the battery against a model, outside go test, and writes
scorecard.json, report.html and table.txt into -out. It is configured by
the same SYLLOBENCH_* variables as go test; a flag overrides its variable.
Against an external model the answers are recorded in the fixtures
(SYLLOBENCH_MODE defaults to record), so that go test replays them.

With no model and no base URL configured, it runs every built-in reference
reasoner and prints them side by side: what the suite measures, and what a
content-biased reasoner looks like.

With a baseline (-baseline or SYLLOBENCH_BASELINE) it prints the
comparison with the baseline's recorded scorecard; with SYLLOBENCH_UPDATE=1
a run that completed every probe becomes the model's baseline.

Ctrl-C (SIGINT) or SIGTERM stops the run: requests in flight are
abandoned, every answer received is kept in the fixtures, and the partial
scorecard and report are written. A second signal ends the process at once.

The exit status is 0 when the run completed, whatever the scores; 1 when
requests failed (infrastructure, not the model), when interrupted, or with
-gate when the model is significantly worse than the baseline.
`

func runRun(stdout, stderr io.Writer, args []string) error {
	fs := flag.NewFlagSet("run", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, runUsage); fs.PrintDefaults() }
	override := map[string]*string{}
	for _, f := range []struct{ name, env, usage string }{
		{"model", "SYLLOBENCH_MODEL", "model name (SYLLOBENCH_MODEL)"},
		{"base-url", "SYLLOBENCH_BASE_URL", "OpenAI-compatible base URL (SYLLOBENCH_BASE_URL)"},
		{"size", "SYLLOBENCH_SIZE", "small, default or large (SYLLOBENCH_SIZE)"},
		{"format", "SYLLOBENCH_FORMAT", "direct, fewshot or cot (SYLLOBENCH_FORMAT)"},
		{"baseline", "SYLLOBENCH_BASELINE", "model whose recorded scorecard to compare with (SYLLOBENCH_BASELINE)"},
		{"out", "SYLLOBENCH_OUT", "directory for scorecard.json, report.html and table.txt (SYLLOBENCH_OUT; default " + defaultOut + ")"},
	} {
		override[f.env] = fs.String(f.name, "", f.usage)
	}
	probeList := fs.String("probe", "", "comma-separated probes to run (default: all, and the content-bias seed corpus)")
	gating := fs.Bool("gate", false, "exit 1 when the model is significantly worse than the baseline")
	if help, err := parseFlags(fs, args); help || err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("run takes flags only, got %q", fs.Args())
	}
	selected, err := selectProbes(*probeList)
	if err != nil {
		return usageError{err}
	}
	getenv := func(k string) string {
		if v := override[k]; v != nil && *v != "" {
			return *v
		}
		return os.Getenv(k)
	}
	if *gating && getenv("SYLLOBENCH_BASELINE") == "" {
		return usagef("run -gate needs a baseline: -baseline M or SYLLOBENCH_BASELINE")
	}
	models := []string{getenv("SYLLOBENCH_MODEL")}
	if models[0] == "" && getenv("SYLLOBENCH_BASE_URL") == "" {
		models = refmodel.Names()
	}
	out := getenv("SYLLOBENCH_OUT")
	if out == "" {
		out = defaultOut
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	// After the first signal the run winds down (requests in flight are
	// abandoned, what was answered is written); a second one ends the
	// process at once, as it would without the handler.
	context.AfterFunc(ctx, stop)
	if err := os.MkdirAll(out, 0o755); err != nil {
		return fmt.Errorf("-out (SYLLOBENCH_OUT): %w", err)
	}

	var cards []*scorecard.Scorecard
	var failures []error
	for _, m := range models {
		env := func(k string) string {
			switch {
			case k == "SYLLOBENCH_MODEL" && m != "":
				return m
			case k == "SYLLOBENCH_MODE" && getenv(k) == "" && getenv("SYLLOBENCH_BASE_URL") != "":
				return "record" // a run asks the model; go test replays
			}
			return getenv(k)
		}
		s, err := probes.Open(env, false)
		if err != nil {
			return err
		}
		sc, runErr := runModel(ctx, s, selected, *probeList == "", stderr)
		if err := s.Close(); err != nil {
			runErr = errors.Join(runErr, err)
		}
		if sc == nil {
			return runErr
		}
		cards = append(cards, sc)
		dir := out
		if len(models) > 1 {
			dir = filepath.Join(out, fixture.Slug(sc.Model))
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return err
			}
		}
		if err := sc.WriteFile(filepath.Join(dir, "scorecard.json")); err != nil {
			return err
		}
		if len(models) == 1 {
			s.Summary(stdout)
		}
		incomplete := runErr != nil // failed requests or an interruption; not a gate failure
		if s.Baseline != "" {
			// Compared whenever a baseline is set; only -gate makes a
			// regression fail the run.
			c, err := s.Gate()
			switch {
			case err != nil:
				runErr = errors.Join(runErr, err)
			default:
				fmt.Fprintln(stdout)
				if err := c.Write(stdout, gate.Text, 20); err != nil {
					return err
				}
				if *gating && c.Failed() {
					runErr = errors.Join(runErr, fmt.Errorf("%s fails the gate against %s", sc.Model, s.Baseline))
				}
			}
		}
		if s.Update {
			if err := updateBaseline(stdout, s, incomplete); err != nil {
				runErr = errors.Join(runErr, err)
			}
		}
		if runErr != nil {
			failures = append(failures, runErr)
		}
		if ctx.Err() != nil {
			break
		}
	}
	if err := writeOutputs(stdout, out, cards, len(models) > 1); err != nil {
		return err
	}
	return errors.Join(failures...)
}

// defaultOut is where run writes when neither -out nor SYLLOBENCH_OUT says.
const defaultOut = "syllobench-out"

// updateBaseline writes the run's scorecard as the model's baseline, as
// SYLLOBENCH_UPDATE=1 asks, whatever the comparison with the old one
// says, unless requests failed or the run was interrupted: a baseline with
// errors in place of answers would gate every later run against holes.
func updateBaseline(stdout io.Writer, s *probes.Session, incomplete bool) error {
	if incomplete {
		return fmt.Errorf("SYLLOBENCH_UPDATE=1: the baseline of %s is not written, because the run did not complete", s.Sampling.Model)
	}
	if err := s.UpdateBaseline(); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote the baseline %s\n", probes.BaselinePath(s.FixturesDir, s.Sampling.Model))
	return nil
}

// selectProbes reads the -probe list.
func selectProbes(list string) ([]probes.Probe, error) {
	if list == "" {
		return probes.All(), nil
	}
	var ps []probes.Probe
	for _, name := range strings.Split(list, ",") {
		p, err := probes.ByName(strings.TrimSpace(name))
		if err != nil {
			return nil, fmt.Errorf("run -probe: %w", err)
		}
		ps = append(ps, p)
	}
	return ps, nil
}

// runModel asks every selected probe of s, all at once, with a progress
// report on w, and returns the scorecard. The error says what went wrong
// with the run (failed requests, an interruption); the scorecard holds
// what was answered.
func runModel(ctx context.Context, s *probes.Session, selected []probes.Probe, corpus bool, w io.Writer) (*scorecard.Scorecard, error) {
	cases := make([][]probes.Case, len(selected))
	total := 0
	for i, p := range selected {
		cs, err := p.Cases(s.Config)
		if err != nil {
			return nil, fmt.Errorf("probe %s: generating its questions: %w", p.Name, err)
		}
		cases[i], total = cs, total+len(cs)
	}
	pairs, err := seedPairs(s, corpus)
	if err != nil {
		return nil, err
	}
	total += 2 * len(pairs)
	prog := newProgress(w, s.Sampling.Model, total)
	s.OnResult = prog.add
	var wg sync.WaitGroup
	infra := make([]int, len(selected)+1)
	for i, p := range selected {
		wg.Add(1)
		go func() {
			defer wg.Done()
			a, _ := s.RunCases(ctx, p, cases[i])
			infra[i] = a.Tally.Errors
		}()
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		for _, pair := range pairs {
			for _, r := range s.AskPair(ctx, pair, true) {
				if r.Outcome == probes.Error {
					infra[len(selected)]++
				}
			}
		}
	}()
	wg.Wait()
	prog.finish()
	sc := s.Scorecard()
	failed := 0
	for _, n := range infra {
		failed += n
	}
	switch {
	case ctx.Err() != nil:
		return sc, fmt.Errorf("%s: interrupted after %d of %d items; every answer received is kept in the fixtures (in record mode), and a rerun asks only for the rest",
			s.Sampling.Model, prog.done.Load()-int64(failed), total)
	case failed > 0:
		return sc, fmt.Errorf("%s: %d of %d requests failed (infrastructure, not the model); see scorecard.json for each error", s.Sampling.Model, failed, total)
	}
	return sc, nil
}

// seedPairs returns the content pairs of FuzzContentBias's built-in seed
// corpus when corpus is set, so that a full run asks them as go test does
// and a baseline it writes has the pinned items the gate checks.
func seedPairs(s *probes.Session, corpus bool) ([][2]probes.Case, error) {
	if !corpus {
		return nil, nil
	}
	var pairs [][2]probes.Case
	for _, k := range probes.BiasSeedCorpus() {
		pair, err := probes.ContentPair(s.Config, k)
		if errors.Is(err, gen.ErrNoContent) {
			continue // the fuzz target skips these too
		}
		if err != nil {
			return nil, fmt.Errorf("the content-bias seed corpus: %w", err)
		}
		pairs = append(pairs, pair)
	}
	return pairs, nil
}

// writeOutputs writes the report and the text table, and prints the table
// when several models ran.
func writeOutputs(stdout io.Writer, dir string, cards []*scorecard.Scorecard, several bool) error {
	if len(cards) == 0 {
		return nil
	}
	var table strings.Builder
	if err := report.Text(&table, cards); err != nil {
		return err
	}
	if err := atomicfile.Write(filepath.Join(dir, "table.txt"), []byte(table.String())); err != nil {
		return err
	}
	if several {
		fmt.Fprint(stdout, table.String())
	}
	path := filepath.Join(dir, "report.html")
	if err := writeHTMLReport(path, cards); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "\nwrote %s, %s and the scorecards in %s\n", path, filepath.Join(dir, "table.txt"), dir)
	return nil
}

// writeHTMLReport writes the HTML report of cards to path, through a
// temporary file, so that a reader never sees half a report.
func writeHTMLReport(path string, cards []*scorecard.Scorecard) error {
	var b bytes.Buffer
	if err := report.HTML(&b, cards); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return atomicfile.Write(path, b.Bytes())
}
