package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/syllobench/syllobench/internal/gen"
	"github.com/syllobench/syllobench/internal/question"
	"github.com/syllobench/syllobench/internal/verdict"
	"github.com/syllobench/syllobench/probes"
)

// stdin is where verdict reads a reply when no file is named; tests set it.
var stdin io.Reader = os.Stdin

// maxReply bounds the reply verdict reads: far more than any model writes.
const maxReply = 64 << 20

func runVerdict(stdout, stderr io.Writer, args []string) error {
	fs := newFlags("verdict", stdout)
	kindName := fs.String("kind", "yesno", "question kind: yesno, truth, choice or open (an answer the model writes)")
	accept := fs.String("accept", "", "the right answers, comma separated (\"batteries\" or \"feathers,a backbone\"): also print whether the reply is right, graded as the probes grade it")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: syllobench verdict -kind yesno|truth|choice|open [-accept A,B] [FILE]\n\n"+
			"Reads a model's reply (standard input by default, or -) and prints the verdict\n"+
			"syllobench reads from it, then the rule that decided it, and with -accept\n"+
			"whether it is right: an open answer is right when it says one of the accepted\n"+
			"answers, whatever its case, article or number (\"a battery\" says \"batteries\").")
		fs.PrintDefaults()
	}
	if help, err := parseFlags(fs, args); help || err != nil {
		return err
	}
	kind, err := question.ParseKind(*kindName)
	if err != nil {
		return usagef("verdict -kind: %v", err)
	}
	var accepted []string
	for _, a := range strings.Split(*accept, ",") {
		if a = strings.TrimSpace(a); a != "" {
			accepted = append(accepted, a)
		}
	}
	if len(accepted) == 0 && *accept != "" {
		return usagef("verdict -accept %q names no answer", *accept)
	}
	in, name := stdin, "standard input"
	switch fs.NArg() {
	case 0:
	case 1:
		if fs.Arg(0) == "-" {
			break
		}
		f, err := os.Open(fs.Arg(0))
		if err != nil {
			return fmt.Errorf("verdict: %w", err)
		}
		defer f.Close()
		in, name = f, fs.Arg(0)
	default:
		return usagef("verdict takes at most one file, got %q", fs.Args())
	}
	reply, err := io.ReadAll(io.LimitReader(in, maxReply+1))
	if err != nil {
		return fmt.Errorf("verdict: reading %s: %w", name, err)
	}
	if len(reply) > maxReply {
		return fmt.Errorf("verdict: %s is over %d MiB", name, maxReply>>20)
	}
	r := verdict.Parse(kind, string(reply))
	label := r.Label
	if r.Unparseable {
		label = "unparseable"
	}
	if r.Evidence == "" {
		_, err = fmt.Fprintf(stdout, "%s\nrule: %s\n", label, r.Rule)
	} else {
		_, err = fmt.Fprintf(stdout, "%s\nrule: %s: %q\n", label, r.Rule, r.Evidence)
	}
	if err != nil || accepted == nil {
		return err
	}
	outcome := probes.Grade(gen.Item{Kind: kind, Accepted: accepted}, r)
	_, err = fmt.Fprintf(stdout, "%s (accepted: %s)\n", outcome, strings.Join(accepted, ", "))
	return err
}
