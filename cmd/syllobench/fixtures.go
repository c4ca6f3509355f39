package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/syllobench/syllobench/internal/fixture"
)

// errProblems is returned when verify found problems; they have been
// printed, one a line.
var errProblems = errors.New("fixtures have problems")

func runFixtures(stdout, stderr io.Writer, args []string) error {
	fs := newFlags("fixtures", stdout)
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: syllobench fixtures verify [DIR]\n\nChecks every fixture file under DIR (default fixtures) and reports every problem.")
	}
	if len(args) > 0 && args[0] == "verify" {
		args = args[1:]
	} else if help, err := parseFlags(fs, args); help || err != nil {
		return err
	} else {
		return usagef("fixtures: want the subcommand verify (syllobench fixtures verify [DIR])")
	}
	if help, err := parseFlags(fs, args); help || err != nil {
		return err
	}
	dir := "fixtures"
	switch fs.NArg() {
	case 0:
	case 1:
		dir = fs.Arg(0)
	default:
		return usagef("fixtures verify takes one directory, got %q", fs.Args())
	}
	info, err := os.Stat(dir)
	if err != nil {
		return fmt.Errorf("fixtures verify: %w", err)
	}
	if !info.IsDir() {
		return usagef("fixtures verify: %s is not a directory", dir)
	}
	if err := fixture.Verify(os.DirFS(dir)); err != nil {
		problems := unjoin(err)
		for _, e := range problems {
			var d *fixture.DamageError
			switch {
			case errors.As(e, &d) && d.Line > 0:
				fmt.Fprintf(stdout, "%s:%d: %s\n", filepath.Join(dir, filepath.FromSlash(d.Path)), d.Line, d.Problem)
			case errors.As(e, &d):
				fmt.Fprintf(stdout, "%s: %s\n", filepath.Join(dir, filepath.FromSlash(d.Path)), d.Problem)
			default:
				fmt.Fprintln(stdout, e)
			}
		}
		return fmt.Errorf("%w: %d under %s", errProblems, len(problems), dir)
	}
	fmt.Fprintf(stdout, "ok: fixtures under %s are valid\n", dir)
	return nil
}

// unjoin returns the errors joined in err, or err alone.
func unjoin(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}
