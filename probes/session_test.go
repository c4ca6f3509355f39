package probes

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/syllobench/syllobench/internal/scorecard"
)

// Open reads the environment, starts the built-in reasoners when no base
// URL is set, and writes a scorecard that holds every result and no secret.
func TestOpenRunAndScorecard(t *testing.T) {
	const secret = "sk-sentinel-5f1c0ffee"
	out := t.TempDir()
	vars := map[string]string{
		"SYLLOBENCH_MODEL": "ref-coin", "SYLLOBENCH_API_KEY": secret, "SYLLOBENCH_OUT": out,
		"SYLLOBENCH_FIXTURES": t.TempDir(),
	}
	s, err := Open(env(vars), true)
	if err != nil {
		t.Fatal(err)
	}
	if s.Config.Size != Small || s.Target != "embedded" {
		t.Errorf("short run: size %s, target %s; want small and embedded", s.Config.Size, s.Target)
	}
	p, _ := ByName("chains")
	a, rs, err := s.Run(context.Background(), p)
	if err != nil {
		t.Fatal(err)
	}
	if a.Passed() || a.Tally.N != len(rs) || a.Tally.Errors != 0 {
		t.Errorf("ref-coin on chains: passed %v, tally %+v over %d results", a.Passed(), a.Tally, len(rs))
	}
	var sum bytes.Buffer
	s.Summary(&sum)
	if !strings.Contains(sum.String(), "model ref-coin, size small") || !strings.Contains(sum.String(), "chains ") || !strings.Contains(sum.String(), "FAIL floor") {
		t.Errorf("summary:\n%s", sum.String())
	}
	if err := s.WriteScorecard(); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(out, "scorecard.json")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(data, []byte(secret)) || bytes.Contains(data, []byte("127.0.0.1")) {
		t.Error("the scorecard holds the key or the server's address")
	}
	sc, err := scorecard.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(sc.Items) != len(rs) || len(sc.Probes) != 1 || sc.Probes[0].Passed || sc.Config.Size != "small" || sc.Suite != Version {
		t.Errorf("scorecard: %d items for %d results, probes %+v, config %+v", len(sc.Items), len(rs), sc.Probes, sc.Config)
	}
	// The same run gives the same scorecard, byte for byte.
	s2, err := Open(env(vars), true)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	if _, _, err := s2.Run(context.Background(), p); err != nil {
		t.Fatal(err)
	}
	var again bytes.Buffer
	if err := s2.Scorecard().Encode(&again); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(data, again.Bytes()) {
		t.Error("a second run of the same questions wrote a different scorecard")
	}
}

func TestOpenErrors(t *testing.T) {
	for name, vars := range map[string]map[string]string{
		"unknown built-in model": {"SYLLOBENCH_MODEL": "gpt-9"},
		"bad size":               {"SYLLOBENCH_SIZE": "enormous"},
		"bad mode":               {"SYLLOBENCH_MODE": "sometimes"},
		"bad concurrency":        {"SYLLOBENCH_CONCURRENCY": "0"},
	} {
		if s, err := Open(env(vars), false); err == nil {
			s.Close()
			t.Errorf("%s: no error", name)
		} else {
			for k := range vars {
				if k != "SYLLOBENCH_MODEL" && !strings.Contains(err.Error(), k) {
					t.Errorf("%s: error does not name %s: %v", name, k, err)
				}
			}
		}
	}
}

// Replaying with no fixtures asks no one: every question is an error
// that says how to record it, and none is counted against the model.
func TestReplayWithoutFixtures(t *testing.T) {
	s, err := Open(env(map[string]string{
		"SYLLOBENCH_BASE_URL": "http://127.0.0.1:1/v1", "SYLLOBENCH_MODEL": "some-model",
		"SYLLOBENCH_FIXTURES": t.TempDir(), "SYLLOBENCH_SIZE": "small",
	}), false)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	p, _ := ByName("consistency")
	a, _, err := s.Run(context.Background(), p)
	if err != nil {
		t.Fatal(err)
	}
	if a.Tally.Errors != a.Tally.N || len(a.Failed()) != 0 || len(a.Infrastructure) != 1 ||
		!strings.Contains(a.Infrastructure[0], "SYLLOBENCH_MODE=record go test ./... -run '^TestReasoning$/^probe=consistency$'") {
		t.Errorf("tally %+v, failed checks %q, infrastructure %q", a.Tally, a.Failed(), a.Infrastructure)
	}
}
