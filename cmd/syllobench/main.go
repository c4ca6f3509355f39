// Command syllobench is the command-line side of the syllobench suite.
//
// Usage:
//
//	syllobench run [-model M] [-base-url URL] [-probe P,...] [-size S] [-format F] [-out DIR] [-baseline M] [-gate]
//	syllobench forms [-json] [-pairs | -fallacies]
//	syllobench decide [-semantics boolean|traditional] [-json] SENTENCE...
//	syllobench items [-probe NAME] [-n N] [-seed S] [-format F] [-semantics S] [-json] [-coverage]
//	syllobench fixtures verify [DIR]
//	syllobench verdict -kind yesno|truth|choice [FILE]
//	syllobench serve [-addr 127.0.0.1:8080] [-fault-rate R] [-latency D]
//	syllobench compare [-format text|markdown|json] [-pinned FILE] OLD.json NEW.json
//	syllobench report [-o report.html] SCORECARD.json...
//
// forms lists the 256 categorical syllogisms with their validity under
// both semantics; with -pairs, the 64 premise pairs and their valid
// responses; with -fallacies, the named fallacies and the forms that
// commit them. decide reads
// premises and a conclusion in controlled English and prints whether the
// conclusion is entailed, contradicted, undetermined, or whether the
// premises are inconsistent. items exports the generated questions with
// their prompts and expected answers, the dataset the probes ask.
//
// The exit status is 0 on success, 2 on a usage or parse error and 1 on
// any other failure.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
)

func main() {
	os.Exit(exitCode(run(os.Stdout, os.Stderr, os.Args[1:]), os.Stderr))
}

// usageError is bad input from the user: a wrong flag, a missing
// argument, a sentence that does not parse. It exits with status 2.
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

func usagef(format string, args ...any) error {
	return usageError{fmt.Errorf(format, args...)}
}

// parseFlags parses a command's flags. help is true when -h was given and
// the usage has been printed; a bad flag is a usage error.
func parseFlags(fs *flag.FlagSet, args []string) (help bool, err error) {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return true, nil
		}
		return false, usageError{err}
	}
	return false, nil
}

// parseInterspersed parses flags that may come before, between or after
// the positional arguments (compare OLD NEW -format markdown), and returns
// the positional ones. A lone "--" ends the flags.
func parseInterspersed(fs *flag.FlagSet, args []string) (pos []string, help bool, err error) {
	for {
		if help, err := parseFlags(fs, args); help || err != nil {
			return nil, help, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, false, nil
		}
		if len(args) > len(rest) && args[len(args)-len(rest)-1] == "--" {
			return append(pos, rest...), false, nil
		}
		pos, args = append(pos, rest[0]), rest[1:]
	}
}

// exitCode reports err on stderr and returns the process exit status.
func exitCode(err error, stderr io.Writer) int {
	if err == nil {
		return 0
	}
	fmt.Fprintf(stderr, "syllobench: %v\n", err)
	if errors.As(err, new(usageError)) {
		return 2
	}
	return 1
}

const usage = `usage: syllobench <command> [flags] [arguments]

commands:
  run     run the battery against a model (with no configuration: every reference reasoner) and write the report
  forms   list the 256 syllogisms; -pairs the 64 premise pairs; -fallacies the fallacies
  decide  decide premises and a conclusion written in controlled English
  items   export generated items (the dataset), or their -coverage table
  fixtures verify [DIR]
          check every recorded fixture file and report every problem
  verdict read a model's reply and print the verdict and the rule that decided it
  serve   serve the reference reasoners on an OpenAI-compatible API
  compare compare two scorecards item by item: the gate's table and flip list
  report  write one self-contained HTML report of one or more scorecards
  audit   check a SemEval-2026 Task 11 dataset's validity labels against the logic engine

Run "syllobench <command> -h" for a command's flags.
`

// run is the whole command, with its streams and arguments passed in so
// that tests can call it directly.
func run(stdout, stderr io.Writer, args []string) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return usagef("no command given")
	}
	switch cmd, rest := args[0], args[1:]; cmd {
	case "forms":
		return runForms(stdout, stderr, rest)
	case "decide":
		return runDecide(stdout, stderr, rest)
	case "items":
		return runItems(stdout, stderr, rest)
	case "fixtures":
		return runFixtures(stdout, stderr, rest)
	case "verdict":
		return runVerdict(stdout, stderr, rest)
	case "serve":
		return runServe(stdout, stderr, rest)
	case "compare":
		return runCompare(stdout, stderr, rest)
	case "run":
		return runRun(stdout, stderr, rest)
	case "report":
		return runReport(stdout, stderr, rest)
	case "audit":
		return runAudit(stdout, stderr, rest)
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return nil
	default:
		fmt.Fprint(stderr, usage)
		return usagef("unknown command %q", cmd)
	}
}
