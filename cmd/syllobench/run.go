package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strings"
	"syscall"

	"github.com/syllobench/syllobench/internal/atomicfile"
	"github.com/syllobench/syllobench/internal/gate"
	"github.com/syllobench/syllobench/internal/junit"
	"github.com/syllobench/syllobench/internal/markdown"
	"github.com/syllobench/syllobench/internal/report"
	engine "github.com/syllobench/syllobench/internal/run"
	"github.com/syllobench/syllobench/internal/scorecard"
	"github.com/syllobench/syllobench/probes"
)

const runUsage = `usage: syllobench run [-model M[,M2...] | -models-file FILE] [-base-url URL] [-probe P,...] [-size S] [-limit N] [-format F] [-out DIR] [-baseline M] [-gate] [-junit FILE] [-summary FILE]

Runs the battery against a model, outside go test, and writes
scorecard.json, summary.txt, report.html and table.txt into -out. It asks
exactly what go test asks (every probe and the content-bias corpus, the
committed fuzz cases included), through the same run engine, and is
configured by the same SYLLOBENCH_* variables; a flag overrides its
variable. Against an external model the answers are recorded in the
fixtures (SYLLOBENCH_MODE defaults to record), so that go test replays
them.

With no model and no base URL configured, it runs every built-in reference
reasoner and prints them side by side: what the suite measures, and what a
content-biased reasoner looks like.

Several models (-model a,b,c on one server, or -models-file naming a
server, a model and the variable of its key per line) are asked one after
the other, each with its own fixtures, scorecard and baseline in -out's
folder <model>; the table and the report show them side by side.

-junit writes JUnit XML for CI, a test case per check; -summary writes the
Markdown table and the comparison with the baseline, and is appended to
$GITHUB_STEP_SUMMARY when that is set. -limit N asks only the first N
questions of each probe: a quick try of a setup, never a score.

With a baseline (-baseline or SYLLOBENCH_BASELINE) it prints the
comparison with the baseline's recorded scorecard; with SYLLOBENCH_UPDATE=1
a complete run with no failed request becomes the model's baseline.

Ctrl-C (SIGINT) or SIGTERM stops the run: requests in flight are
abandoned, every answer received is kept in the fixtures, and the partial
scorecard and report are written. A second signal ends the process at once.

The exit status is 0 when the run completed, whatever the scores; 1 when
requests failed (infrastructure, not the model), when the run stopped
early (interrupted, its deadline, or requests failing in a row), or with
-gate when go test would fail: against a baseline, a significant
regression, a pinned item that regressed or a comparison of nothing
(and the absolute checks too with SYLLOBENCH_FLOORS=1); without one, a
probe below its pass marks.
`

// runFlags are the flags that stand for a variable.
var runFlags = []struct{ name, variable, usage string }{
	{"model", "SYLLOBENCH_MODEL", "model name, or several separated by commas, asked one after the other on one server (SYLLOBENCH_MODEL)"},
	{"models-file", "SYLLOBENCH_MODELS_FILE", "a file of models on several servers, one a line: base URL, model, and optionally the variable holding its key (SYLLOBENCH_MODELS_FILE)"},
	{"base-url", "SYLLOBENCH_BASE_URL", "OpenAI-compatible base URL (SYLLOBENCH_BASE_URL)"},
	{"size", "SYLLOBENCH_SIZE", "small, default or large (SYLLOBENCH_SIZE)"},
	{"format", "SYLLOBENCH_FORMAT", "direct, fewshot or cot (SYLLOBENCH_FORMAT)"},
	{"baseline", "SYLLOBENCH_BASELINE", "model whose recorded scorecard to compare with (SYLLOBENCH_BASELINE)"},
	{"api", "SYLLOBENCH_API", "chat (default) or completions: a plain-text prompt to the completions endpoint, for a base model (SYLLOBENCH_API)"},
	{"limit", "SYLLOBENCH_LIMIT", "ask only the first N questions of each probe, to try a setup in seconds; not a score (SYLLOBENCH_LIMIT)"},
	{"dataset", "SYLLOBENCH_DATASET", "a SemEval-2026 Task 11 dataset (JSON list or JSON Lines) to ask as the probe dataset (SYLLOBENCH_DATASET)"},
	{"out", "SYLLOBENCH_OUT", "directory for scorecard.json, summary.txt, report.html and table.txt (SYLLOBENCH_OUT; default " + engine.DefaultOut + ")"},
}

func runRun(stdout, stderr io.Writer, args []string) error {
	fs := newFlags("run", stdout)
	fs.Usage = func() { fmt.Fprint(fs.Output(), runUsage); fs.PrintDefaults() }
	values := map[string]*string{}
	for _, f := range runFlags {
		values[f.variable] = fs.String(f.name, "", f.usage)
	}
	probeList := fs.String("probe", "", "comma-separated probes to run (default: all, and the content-bias corpus)")
	junitPath := fs.String("junit", "", "write the results as JUnit XML to this file, for CI: a test case per check of each probe (and of the gate)")
	summaryPath := fs.String("summary", os.Getenv("GITHUB_STEP_SUMMARY"), "write the table (and the comparison with the baseline) in Markdown to this file; default $GITHUB_STEP_SUMMARY, appended to, when set")
	gating := fs.Bool("gate", false, "exit 1 when go test would fail: a regression against the baseline, or without one a probe below its pass marks")
	if help, err := parseFlags(fs, args); help || err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("run takes flags only, got %q", fs.Args())
	}
	flags := map[string]engine.Flag{}
	for _, f := range runFlags {
		flags[f.variable] = engine.Flag{Name: f.name, Value: *values[f.variable]}
	}
	// With no model configured, every built-in reasoner is run.
	all, err := engine.LoadAll(engine.Source{Flags: flags, Ask: true, EveryReasoner: true})
	if err != nil {
		return flagged(err)
	}
	selected, err := selectProbes("run", *probeList, engine.ProbesOf(all[0]))
	if err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	// After the first signal the run winds down (requests in flight are
	// abandoned, what was answered is written); a second one ends the
	// process at once, as it would without the handler.
	context.AfterFunc(ctx, stop)
	out := all[0].Out
	if len(all) > 1 {
		out = filepath.Dir(out) // each model's outputs are in a folder of their own
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return fmt.Errorf("-out (SYLLOBENCH_OUT): %w", err)
	}

	var runs []modelRun
	var failures []error
	for _, settings := range all {
		r, runErr := runModel(ctx, settings, selected, *probeList == "", *gating, stdout, stderr, len(all) == 1)
		if runErr != nil {
			failures = append(failures, runErr)
		}
		if ctx.Err() != nil || r.card == nil && len(all) == 1 {
			break
		}
		if r.card == nil {
			// This model could not be asked (its server is down, say):
			// the others still are, and the run fails at the end.
			fmt.Fprintf(stderr, "syllobench: skipping %s: %v\n", settings.Model.Model, runErr)
			continue
		}
		runs = append(runs, r)
	}
	if len(runs) == 0 {
		return errors.Join(failures...)
	}
	cards := make([]*scorecard.Scorecard, len(runs))
	for i, r := range runs {
		cards[i] = r.card
	}
	if err := writeOutputs(stdout, out, cards, len(all) > 1); err != nil {
		return err
	}
	if err := writeCI(stdout, *junitPath, *summaryPath, runs); err != nil {
		return err
	}
	return errors.Join(failures...)
}

// writeCI writes the JUnit XML of the runs to junitPath and the Markdown
// summary (the table, then each comparison with a baseline) to
// summaryPath, when they are set. The summary is appended to
// $GITHUB_STEP_SUMMARY, which other steps write too, and replaces any
// other file.
func writeCI(stdout io.Writer, junitPath, summaryPath string, runs []modelRun) error {
	if junitPath != "" {
		var b bytes.Buffer
		suites := make([]junit.Suite, len(runs))
		for i, r := range runs {
			suites[i] = r.suite
		}
		if err := junit.Write(&b, "syllobench", suites); err != nil {
			return err
		}
		if err := atomicfile.Write(junitPath, b.Bytes()); err != nil {
			return fmt.Errorf("-junit: %w", err)
		}
		fmt.Fprintf(stdout, "wrote %s\n", junitPath)
	}
	if summaryPath == "" {
		return nil
	}
	var md strings.Builder
	models := make([]string, len(runs))
	cards := make([]*scorecard.Scorecard, len(runs))
	for i, r := range runs {
		models[i], cards[i] = markdown.Text(r.card.Model), r.card
	}
	fmt.Fprintf(&md, "## syllobench %s: %s\n\n", probes.Version, strings.Join(models, ", "))
	if err := report.Markdown(&md, cards); err != nil {
		return err
	}
	for _, r := range runs {
		if r.comparison != "" {
			md.WriteString("\n" + r.comparison)
		}
	}
	if summaryPath == os.Getenv("GITHUB_STEP_SUMMARY") {
		f, err := os.OpenFile(summaryPath, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
		if err != nil {
			return fmt.Errorf("-summary: %w", err)
		}
		_, err = io.WriteString(f, md.String()+"\n")
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return fmt.Errorf("-summary: %w", err)
		}
	} else if err := atomicfile.Write(summaryPath, []byte(md.String())); err != nil {
		return fmt.Errorf("-summary: %w", err)
	}
	fmt.Fprintf(stdout, "wrote the summary to %s\n", summaryPath)
	return nil
}

// flagged makes a bad setting given by a flag a usage error (exit 2), as
// a bad flag is; one from a variable stays a failure of the run.
func flagged(err error) error {
	var ce *engine.ConfigError
	if errors.As(err, &ce) && strings.HasPrefix(ce.Setting, "-") {
		return usageError{err}
	}
	return err
}

// modelRun is what a run of one model gives: its scorecard (nil when the
// run could not start), its JUnit suite, and its comparison with the
// baseline in Markdown ("" without one).
type modelRun struct {
	card       *scorecard.Scorecard
	suite      junit.Suite
	comparison string
}

// runModel runs the battery (or the probes selected, and the corpus when
// corpus is set) against one model, with a progress report on stderr,
// writes its scorecard and summary, compares it with the baseline and
// writes the baseline, as the settings say. It returns the scorecard
// (nil when the run could not start) and why the run fails, if it does.
func runModel(ctx context.Context, settings engine.Settings, selected []probes.Probe, corpus, gating bool, stdout, stderr io.Writer, one bool) (res modelRun, runErr error) {
	s, err := engine.Open(ctx, settings)
	if err != nil {
		return res, err
	}
	var failures []error
	defer func() {
		if err := s.Close(); err != nil {
			runErr = errors.Join(runErr, err)
		}
	}()
	total, err := s.Cases(selected, corpus)
	if err != nil {
		return res, err
	}
	if s.Gating() {
		if err := s.CheckBaseline(); err != nil {
			return res, err
		}
	}
	prog := newProgress(stderr, settings.Model.Model, total)
	s.OnResult = prog.add
	err = s.Some(ctx, selected, corpus)
	switch {
	case ctx.Err() != nil:
		prog.finish("interrupted")
	case s.Stopped() != nil:
		prog.finish("stopped")
	default:
		prog.finish("")
	}
	if err != nil {
		return res, err
	}
	sc := s.Scorecard()
	res.card = sc
	if _, err := s.WriteOutputs(); err != nil {
		return res, err
	}
	if one {
		s.Summary(stdout)
	}
	failed, firsts := infrastructure(s.Assessments())
	model := settings.Model.Model
	switch stop := s.Stopped(); {
	case ctx.Err() != nil:
		failures = append(failures, fmt.Errorf("%s: interrupted after %d of %d items; every answer received is kept in the fixtures (in record mode), and a rerun asks only for the rest",
			model, len(sc.Items)-failed, total))
	case stop != nil:
		failures = append(failures, fmt.Errorf("%s: %w; %d of %d items were answered", model, stop, len(sc.Items)-failed, total))
	case failed > 0:
		failures = append(failures, fmt.Errorf("%s: %d of %d requests failed (infrastructure, not the model); the first of each kind:\n\t%s",
			model, failed, total, strings.Join(firsts, "\n\t")))
	}
	incomplete := len(failures) > 0
	if gating && s.Enforced() {
		for _, a := range s.Assessments() {
			if !a.Passed() && len(a.Infrastructure) == 0 {
				failures = append(failures, fmt.Errorf("%s fails %s: %s", model, a.Probe, strings.Join(a.Failed(), " ")))
			}
		}
	}
	res.suite = s.JUnit(nil)
	if s.Gating() {
		// Compared whenever a baseline is set; only -gate makes a
		// regression fail the run.
		c, err := s.Gate()
		switch {
		case err != nil:
			failures = append(failures, err)
			res.suite = s.JUnit(nil)
			res.suite.Cases = append(res.suite.Cases, junit.Case{Class: "gate", Name: "comparison", Error: err.Error()})
		default:
			res.suite = s.JUnit(c)
			var md strings.Builder
			if err := c.Write(&md, gate.Markdown, 20); err != nil {
				return res, err
			}
			res.comparison = md.String()
			fmt.Fprintln(stdout)
			if err := c.Write(stdout, gate.Text, 20); err != nil {
				return res, err
			}
			if gating && c.Failed() {
				failures = append(failures, fmt.Errorf("%s fails the gate against %s", model, settings.Baseline))
			}
		}
	}
	if settings.Update && !incomplete {
		path, err := s.UpdateBaseline()
		if err != nil {
			failures = append(failures, err)
		} else {
			fmt.Fprintf(stdout, "wrote the baseline %s\n", path)
		}
	} else if settings.Update {
		failures = append(failures, fmt.Errorf("SYLLOBENCH_UPDATE=1: the baseline of %s is not written, because the run did not complete", model))
	}
	return res, errors.Join(failures...)
}

// infrastructure counts the failed requests of a run and gives the first
// message of each kind, across probes.
func infrastructure(as []probes.Assessment) (int, []string) {
	n := 0
	var msgs []string
	for _, a := range as {
		n += a.Tally.Errors
		for _, m := range a.Infrastructure {
			if !slices.Contains(msgs, m) && len(msgs) < 5 {
				msgs = append(msgs, m)
			}
		}
	}
	return n, msgs
}

// selectProbes reads cmd's -probe list against all, the probes it can
// ask (for run, the dataset's among them when one is set); every
// command reads probe names here, so all take the same.
func selectProbes(cmd, list string, all []probes.Probe) ([]probes.Probe, error) {
	if list == "" {
		return all, nil
	}
	var ps []probes.Probe
	for _, name := range strings.Split(list, ",") {
		name = strings.TrimSpace(name)
		i := slices.IndexFunc(all, func(p probes.Probe) bool { return p.Name == name })
		if i < 0 {
			if near := closest(name, probeNames(all)); near != "" {
				return nil, usagef("%s -probe: unknown probe %q; did you mean %s?", cmd, name, near)
			}
			return nil, usagef("%s -probe: unknown probe %q: want one of %s", cmd, name, strings.Join(probeNames(all), ", "))
		}
		ps = append(ps, all[i])
	}
	return ps, nil
}

// probeNames lists the probes' names.
func probeNames(ps []probes.Probe) []string {
	names := make([]string, len(ps))
	for i, p := range ps {
		names[i] = p.Name
	}
	return names
}

// writeOutputs writes the report and the text table, and prints the table
// when several models ran.
func writeOutputs(stdout io.Writer, dir string, cards []*scorecard.Scorecard, several bool) error {
	if len(cards) == 0 {
		return nil
	}
	table, err := engine.WriteSideBySide(dir, cards)
	if err != nil {
		return err
	}
	if several {
		fmt.Fprint(stdout, table)
	}
	fmt.Fprintf(stdout, "\nwrote %s, %s and the scorecards in %s\n", filepath.Join(dir, "report.html"), filepath.Join(dir, "table.txt"), dir)
	return nil
}
