package main

import (
	"errors"
	"fmt"
	"io"
	"strconv"

	"github.com/syllobench/syllobench/internal/ccobra"
	"github.com/syllobench/syllobench/internal/gate"
	"github.com/syllobench/syllobench/internal/human"
	"github.com/syllobench/syllobench/internal/scorecard"
	"github.com/syllobench/syllobench/internal/stats"
)

// errRegression is the error of a compare whose candidate fails the gate;
// the table and flip list have been printed.
var errRegression = errors.New("the candidate fails the gate")

const compareUsage = `usage: syllobench compare [-format text|markdown|json] [-pinned FILE] [-alpha A] [-max-flips N] OLD.json NEW.json

Compares two scorecards item by item: per probe, an exact McNemar test on
the items that flipped, Holm-corrected over the probes, and the list of
flips, right → wrong first. The exit status is 1 when NEW is significantly
worse than OLD on some probe, or a pinned item regressed (the content-bias
corpus, and the ids listed one a line in -pinned FILE).
`

func runCompare(stdout, stderr io.Writer, args []string) error {
	fs := newFlags("compare", stdout)
	fs.Usage = func() { fmt.Fprint(fs.Output(), compareUsage); fs.PrintDefaults() }
	format := fs.String("format", "text", "text, markdown (for a pull request) or json")
	pinnedFile := fs.String("pinned", "", "a file of pinned item ids, one a line")
	th := stats.DefaultThresholds
	fs.Func("alpha", fmt.Sprintf("significance level (default %g)", th.Alpha), func(s string) error {
		a, err := strconv.ParseFloat(s, 64)
		if err != nil || !(a > 0 && a < 1) {
			return fmt.Errorf("want a number between 0 and 1")
		}
		th.Alpha = a
		return nil
	})
	maxFlips := fs.Int("max-flips", 0, "list at most N flips of each kind (0: all)")
	files, help, err := parseInterspersed(fs, args)
	if help || err != nil {
		return err
	}
	f, err := gate.ParseFormat(*format)
	if err != nil {
		return usagef("compare -format: %v", err)
	}
	if len(files) != 2 {
		return usagef("compare takes two scorecards, OLD and NEW; got %d arguments", len(files))
	}
	if *maxFlips < 0 {
		return usagef("compare -max-flips %d: want 0 or more", *maxFlips)
	}
	base, err := scorecard.ReadFile(files[0])
	if err != nil {
		return err
	}
	cand, err := scorecard.ReadFile(files[1])
	if err != nil {
		return err
	}
	var pinned []string
	if *pinnedFile != "" {
		if pinned, err = gate.ReadPinned(*pinnedFile); err != nil {
			return err
		}
		if pinned == nil {
			return fmt.Errorf("compare -pinned %s: no such file", *pinnedFile)
		}
	}
	c, err := gate.Compare(base, cand, th, pinned)
	if err != nil {
		return fmt.Errorf("comparing %s with %s: %w", files[0], files[1], err)
	}
	c.MFA = &gate.MFAMatch{Base: mfaMatch(c, files[0], base), Cand: mfaMatch(c, files[1], cand)}
	if err := c.Write(stdout, f, *maxFlips); err != nil {
		return err
	}
	if c.Failed() {
		return errRegression
	}
	return nil
}

// mfaMatch is the share of sc's answers to the premise pairs that equal
// people's most frequent answer (package human), nil when sc has none.
// A scorecard whose answers cannot be read (one from another version of
// the generator) gets a warning on c, not an error: the rate is
// reported, never gated on.
func mfaMatch(c *gate.Comparison, file string, sc *scorecard.Scorecard) *human.Rate {
	d, err := ccobra.Load()
	if err != nil {
		c.Warnings = append(c.Warnings, fmt.Sprintf("no MFA match: %v", err))
		return nil
	}
	counts, _, err := human.FromScorecard(sc)
	if err != nil {
		c.Warnings = append(c.Warnings, fmt.Sprintf("no MFA match for %s: %v", file, err))
		return nil
	}
	r := human.MFAMatch(counts, d.Ragni)
	if r.N == 0 {
		return nil
	}
	return &r
}
