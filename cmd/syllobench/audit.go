package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/syllobench/syllobench/internal/logic"
	"github.com/syllobench/syllobench/internal/semeval"
	"github.com/syllobench/syllobench/probes"
)

// runAudit checks a SemEval-2026 Task 11 dataset's labels against the
// logic engine.
func runAudit(stdout, stderr io.Writer, args []string) error {
	fs := newFlags("audit", stdout)
	semName := fs.String("semantics", "traditional", "boolean or traditional: what the labels are checked under")
	asJSON := fs.Bool("json", false, "print one JSON object per disagreement")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: syllobench audit [-semantics S] [-json] DATASET\n\n"+
			"Reads a SemEval-2026 Task 11 dataset (a JSON list or JSON Lines of records with id,\n"+
			"syllogism, validity and plausibility) and decides every record whose sentences are all\n"+
			"in syllobench's controlled English. It lists each record whose validity label the\n"+
			"engine disagrees with, with the engine's verdict and a proof or a countermodel; the\n"+
			"file is not changed. The exit status is 0 whatever it finds, 2 for a bad file.")
		fs.PrintDefaults()
	}
	pos, help, err := parseInterspersed(fs, args)
	if help || err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("audit takes one dataset file, got %d arguments", len(pos))
	}
	sem, err := logic.ParseSemantics(*semName)
	if err != nil {
		return usagef("audit -semantics: %v", err)
	}
	recs, _, err := semeval.ReadFile(pos[0])
	if err != nil {
		return usageError{err}
	}
	findings, read := probes.Audit(recs, sem)
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		for _, f := range findings {
			if err := enc.Encode(auditJSON{ID: f.ID, Syllogism: f.Syllogism, Label: f.Label == "yes", Engine: f.Engine == "yes",
				Verdict: f.Verdict, Semantics: f.Semantics, Why: f.Why}); err != nil {
				return err
			}
		}
		fmt.Fprintf(stderr, "%s: %d records, %d in the controlled English, %d labels the engine disagrees with\n", pos[0], len(recs), read, len(findings))
		return nil
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %d records, %d in the controlled English (decided under %s semantics), %d labels the engine disagrees with\n",
		pos[0], len(recs), read, sem, len(findings))
	for _, f := range findings {
		fmt.Fprintf(&b, "\n%s: labelled %s, the engine says %s (%s)\n  %s\n  %s\n", f.ID, validWord(f.Label), validWord(f.Engine), f.Verdict, f.Syllogism, f.Why)
	}
	_, err = io.WriteString(stdout, b.String())
	return err
}

func validWord(label string) string {
	if label == "yes" {
		return "valid"
	}
	return "invalid"
}

// auditJSON is a disagreement as JSON: the file's validity label and the
// engine's.
type auditJSON struct {
	ID        string `json:"id"`
	Syllogism string `json:"syllogism"`
	Label     bool   `json:"validity"`
	Engine    bool   `json:"engine_validity"`
	Verdict   string `json:"verdict"`
	Semantics string `json:"semantics"`
	Why       string `json:"why"`
}
