// Package scorecard is the record of one run of the battery: its
// configuration, every question's result, and each probe's aggregate. It
// is what the gate compares and the report draws, so its format is stable
// and versioned, and it holds nothing that differs between two runs of
// the same answers: no clock, no host, no port, no secret.
package scorecard

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/syllobench/syllobench/internal/atomicfile"
)

// Version is the format version, the value of "syllobench_scorecard",
// that a run writes. Format 2 added each item's index, labels and
// response codes, and the truncated outcome; a reader takes format 1 too, whose items lack them,
// and refuses any other.
const Version = 2

// oldest is the oldest format a reader takes.
const oldest = 1

// Scorecard is one run.
type Scorecard struct {
	Format int     `json:"syllobench_scorecard"`
	Suite  string  `json:"suite"` // the battery's version, probes.Version
	Model  string  `json:"model"`
	Config Config  `json:"config"`
	Probes []Probe `json:"probes"` // in catalogue order
	Items  []Item  `json:"items"`  // by probe, then in the order asked
	// ContentPairs are the isomorphic pairs of the content-bias fuzz
	// corpus that were asked, each as the ids of its two items.
	ContentPairs [][2]string `json:"content_pairs,omitempty"`
	// ContentEffects are SemEval-2026 Task 11's metrics over the
	// validity questions whose conclusion has a plausibility: each probe
	// that fills all four cells, then all of them together (see
	// ContentEffectsOf).
	ContentEffects []ContentEffect `json:"content_effects,omitempty"`
}

// Config is the configuration of a run, without secrets, and without
// what does not change the answers (the base URL, concurrency, the
// fixture mode).
type Config struct {
	Target       string             `json:"target"` // "embedded" (the reference reasoners) or "external"
	Seed         uint64             `json:"seed"`
	Size         string             `json:"size"`
	Format       string             `json:"format"`
	Semantics    string             `json:"semantics"`
	Temperature  float64            `json:"temperature"`
	SamplingSeed int64              `json:"sampling_seed"`
	MaxTokens    int                `json:"max_tokens"`
	Floor        float64            `json:"floor"`
	Floors       map[string]float64 `json:"floors,omitempty"`
	BeliefLimit  float64            `json:"belief_limit"`
	MaxFlips     int                `json:"max_flips"`
	Alpha        float64            `json:"alpha"`
	Strict       bool               `json:"strict"`
	// API is "completions" when the questions went to the completions
	// endpoint as plain text (SYLLOBENCH_API), absent for chat.
	API string `json:"api,omitempty"`
	// Dataset is the imported dataset the run asked (SYLLOBENCH_DATASET),
	// "sha256:" and the file's hex SHA-256; absent when none.
	Dataset string `json:"dataset,omitempty"`
	// Limit is SYLLOBENCH_LIMIT: only the first Limit questions of each
	// probe were asked, a trial, not a score; absent when all were.
	Limit int `json:"limit,omitempty"`
}

// Probe aggregates one probe.
type Probe struct {
	Name        string `json:"name"`
	N           int    `json:"n"`
	Correct     int    `json:"correct"`
	Wrong       int    `json:"wrong"`
	Unparseable int    `json:"unparseable"`
	Truncated   int    `json:"truncated"` // cut off at the token limit before an answer line (format 2)
	Errors      int    `json:"errors"`
	// NotApplicable counts the questions the model declined as not ones
	// it answers (the reference reasoners of syllogism theories decline
	// questions about individuals).
	NotApplicable int        `json:"not_applicable"`
	Accuracy      float64    `json:"accuracy"` // correct / (n − errors − not applicable); an unparseable reply counts as not right
	Interval      [2]float64 `json:"interval"` // Wilson 95%
	Passed        bool       `json:"passed"`
	Failed        []string   `json:"failed,omitempty"` // the checks that failed; "" is the probe's own
}

// Item is the result of one question.
type Item struct {
	ID           string `json:"id"`
	Probe        string `json:"probe"`
	Form         string `json:"form"`
	Index        int    `json:"index"` // which item of its form and condition (format 2)
	Condition    string `json:"condition"`
	Presentation string `json:"presentation"`
	Format       string `json:"format"`
	Kind         string `json:"kind"`
	// Labels are the answers the question offered, in the order shown,
	// and Responses, for a choice among the nine conclusions of a premise
	// pair, the CCOBRA response code each label stood for (format 2), so
	// that a reader knows what an answer meant without the generator.
	Labels     []string `json:"labels,omitempty"`
	Responses  []string `json:"responses,omitempty"`
	Set        string   `json:"set,omitempty"` // the isomorph set or matched pair the item belongs to
	Premises   []string `json:"premises"`
	Conclusion string   `json:"conclusion,omitempty"` // the statement asked about, for validity and truth questions
	// Plausible is whether the conclusion is true in the world, for a
	// question about real things; absent for letters and nonsense words.
	Plausible  *bool    `json:"plausible,omitempty"`
	Expected   string   `json:"expected"`
	Accepted   []string `json:"accepted,omitempty"` // when more than the expected label is right
	Verdict    string   `json:"verdict"`            // the label given; "" when none
	Outcome    string   `json:"outcome"`            // correct, wrong, unparseable, error or not-applicable
	Rule       string   `json:"rule,omitempty"`     // the verdict rule that decided
	PromptHash string   `json:"prompt_hash"`
	Key        string   `json:"fixture_key"`
	Reply      string   `json:"reply"`
	Error      string   `json:"error,omitempty"`
}

// Encode writes s as indented JSON with a final newline. The same
// scorecard gives the same bytes.
func (s *Scorecard) Encode(w io.Writer) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(s); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// WriteFile writes s to path atomically: a reader sees the old file or
// the new one, never half of one.
func (s *Scorecard) WriteFile(path string) error {
	var buf bytes.Buffer
	if err := s.Encode(&buf); err != nil {
		return fmt.Errorf("scorecard %s: %w", path, err)
	}
	return atomicfile.Write(path, buf.Bytes())
}

// ErrFormat is wrapped by the error of a file that is not a scorecard of
// a known version.
var ErrFormat = errors.New("not a syllobench scorecard of a known version")

// Decode reads a scorecard, refusing unknown fields and versions it does
// not know.
func Decode(r io.Reader) (*Scorecard, error) {
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	var s Scorecard
	if err := dec.Decode(&s); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrFormat, err)
	}
	if s.Format < oldest || s.Format > Version {
		return nil, fmt.Errorf("%w: format version %d, want %d to %d", ErrFormat, s.Format, oldest, Version)
	}
	if dec.More() {
		return nil, fmt.Errorf("%w: data after the scorecard", ErrFormat)
	}
	return &s, nil
}

// ReadFile reads the scorecard at path.
func ReadFile(path string) (*Scorecard, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	s, err := Decode(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return s, nil
}
