// Command syllobench is the command-line side of the syllobench suite.
//
// Usage:
//
//	syllobench run [-model M[,M2...] | -models-file FILE] [-base-url URL] [-probe P,...] [-size S] [-limit N] [-format F] [-out DIR] [-baseline M] [-gate] [-junit FILE] [-summary FILE]
//	syllobench forms [-json] [-pairs | -fallacies]
//	syllobench decide [-semantics boolean|traditional] [-json] SENTENCE...
//	syllobench items [-probe NAME] [-n N] [-seed S] [-format F] [-semantics S] [-json | -semeval] [-coverage]
//	syllobench fixtures verify [DIR]
//	syllobench verdict -kind yesno|truth|choice [FILE]
//	syllobench serve [-addr 127.0.0.1:8080] [-fault-rate R] [-latency D]
//	syllobench compare [-format text|markdown|json] [-pinned FILE] OLD.json NEW.json
//	syllobench report [-o report.html] SCORECARD.json...
//	syllobench audit [-semantics S] [-json] DATASET
//	syllobench help [COMMAND]
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
// "syllobench help COMMAND" and "syllobench COMMAND -h" print a command's
// usage on stdout. The exit status is 0 on success, 2 on a usage or parse
// error (reported in one line, with the closest command, flag or probe
// to a mistyped one) and 1 on any other failure.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
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

// newFlags is a command's flag set. Its usage (the command's text, then
// its flags) is printed on stdout, because it is printed only when asked
// for (-h, or syllobench help <command>); a bad flag is reported by
// parseFlags in one line.
func newFlags(name string, stdout io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stdout)
	return fs
}

// parseFlags parses a command's flags. help is true when -h was given and
// the usage has been printed; a bad flag is a usage error of one line,
// which names the flag and, for a flag that does not exist, the closest
// one that does.
func parseFlags(fs *flag.FlagSet, args []string) (help bool, err error) {
	out, usage := fs.Output(), fs.Usage
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	err = fs.Parse(args)
	fs.SetOutput(out)
	fs.Usage = usage
	switch {
	case errors.Is(err, flag.ErrHelp):
		fs.Usage()
		return true, nil
	case err != nil:
		return false, flagError(fs, err)
	}
	return false, nil
}

// flagError rewrites the flag package's error in the command's words.
func flagError(fs *flag.FlagSet, err error) error {
	msg := err.Error()
	name, undefined := strings.CutPrefix(msg, "flag provided but not defined: -")
	if !undefined {
		return usagef("%s: %s", fs.Name(), msg)
	}
	var names []string
	fs.VisitAll(func(f *flag.Flag) { names = append(names, f.Name) })
	if near := closest(name, names); near != "" {
		return usagef("%s: unknown flag -%s; did you mean -%s?", fs.Name(), name, near)
	}
	return usagef("%s: unknown flag -%s (syllobench %s -h lists its flags)", fs.Name(), name, fs.Name())
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

// A command is one of syllobench's subcommands.
type command struct {
	name, summary string
	run           func(stdout, stderr io.Writer, args []string) error
}

// commands is every subcommand, in the order the usage lists them.
var commands = []command{
	{"run", "run the battery against a model (with no configuration: every reference reasoner) and write the report", runRun},
	{"forms", "list the 256 syllogisms; -pairs the 64 premise pairs; -fallacies the fallacies", runForms},
	{"decide", "decide premises and a conclusion written in controlled English", runDecide},
	{"items", "export generated items (the dataset), or their -coverage table", runItems},
	{"fixtures", "fixtures verify [DIR]: check every recorded fixture file and report every problem", runFixtures},
	{"verdict", "read a model's reply and print the verdict and the rule that decided it", runVerdict},
	{"serve", "serve the reference reasoners on an OpenAI-compatible API", runServe},
	{"compare", "compare two scorecards item by item: the gate's table and flip list", runCompare},
	{"report", "write one self-contained HTML report of one or more scorecards", runReport},
	{"audit", "check a SemEval-2026 Task 11 dataset's validity labels against the logic engine", runAudit},
}

// usage is the top-level usage.
func usage() string {
	var b strings.Builder
	b.WriteString("usage: syllobench <command> [flags] [arguments]\n\ncommands:\n")
	for _, c := range commands {
		fmt.Fprintf(&b, "  %-10s%s\n", c.name, c.summary)
	}
	b.WriteString("\nRun \"syllobench help <command>\" or \"syllobench <command> -h\" for a command's flags.\n")
	return b.String()
}

// lookup finds a command by name; an unknown one is a usage error of one
// line that names the closest command.
func lookup(name string) (command, error) {
	var names []string
	for _, c := range commands {
		if c.name == name {
			return c, nil
		}
		names = append(names, c.name)
	}
	if near := closest(name, names); near != "" {
		return command{}, usagef("unknown command %q; did you mean %s?", name, near)
	}
	return command{}, usagef("unknown command %q (syllobench help lists the commands)", name)
}

// run is the whole command, with its streams and arguments passed in so
// that tests can call it directly. Help, asked for, goes to stdout.
func run(stdout, stderr io.Writer, args []string) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage())
		return usagef("no command given")
	}
	name, rest := args[0], args[1:]
	switch name {
	case "help", "-h", "-help", "--help":
		if len(rest) == 0 {
			fmt.Fprint(stdout, usage())
			return nil
		}
		c, err := lookup(rest[0])
		if err != nil {
			return err
		}
		return c.run(stdout, stderr, []string{"-h"})
	}
	c, err := lookup(name)
	if err != nil {
		return err
	}
	return c.run(stdout, stderr, rest)
}
