package main

import (
	"fmt"

	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/syllobench/syllobench/probes"

	"github.com/google/go-cmp/cmp"
)

// Set UPDATE_GOLDEN=1 to rewrite the golden files from the current output.
var update = os.Getenv("UPDATE_GOLDEN") == "1"

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with UPDATE_GOLDEN=1 to create it)", err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("output differs from %s (-want +got):\n%s", path, diff)
	}
}

func TestFormsGolden(t *testing.T) {
	for _, tc := range []struct {
		args   []string
		golden string
	}{
		{[]string{"forms"}, "forms.txt"},
		{[]string{"forms", "-json"}, "forms.jsonl"},
		{[]string{"forms", "-pairs"}, "pairs.txt"},
		{[]string{"forms", "-pairs", "-json"}, "pairs.jsonl"},
		{[]string{"forms", "-fallacies"}, "fallacies.txt"},
		{[]string{"forms", "-fallacies", "-json"}, "fallacies.jsonl"},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if err := run(&stdout, &stderr, tc.args); err != nil {
				t.Fatal(err)
			}
			if stderr.Len() > 0 {
				t.Errorf("unexpected stderr: %s", stderr.String())
			}
			golden(t, tc.golden, stdout.Bytes())
		})
	}
}

// TestFormsContract pins the exact lines that other tools read.
func TestFormsContract(t *testing.T) {
	for _, tc := range []struct {
		args []string
		line int
		want string
	}{
		{[]string{"forms", "-json"}, 0, `{"id":"AAA-1","mood":"AAA","figure":1,"name":"Barbara","valid_boolean":true,"valid_traditional":true}`},
		{[]string{"forms", "-json"}, 1, `{"id":"AAA-2","mood":"AAA","figure":2,"name":"","valid_boolean":false,"valid_traditional":false}`},
		{[]string{"forms", "-pairs", "-json"}, 0, `{"id":"AA1","boolean":["Aac"],"traditional":["Aac","Iac","Ica"]}`},
		{[]string{"forms", "-pairs", "-json"}, 2, `{"id":"AA3","boolean":["NVC"],"traditional":["NVC"]}`},
	} {
		var stdout bytes.Buffer
		if err := run(&stdout, new(bytes.Buffer), tc.args); err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(strings.TrimSuffix(stdout.String(), "\n"), "\n")
		if got := lines[tc.line]; got != tc.want {
			t.Errorf("%v line %d:\n got %s\nwant %s", tc.args, tc.line+1, got, tc.want)
		}
	}
}

func TestDecide(t *testing.T) {
	for _, tc := range []struct {
		args   []string
		want   string
		reason string
	}{
		{[]string{"All dogs are mammals", "Rex is a dog", "Rex is a mammal"}, "entailed\n", "the example of the README"},
		{[]string{"All A are B.", "All B are C.", "X is an A.", "X is a C."}, "entailed\n", "the classic instantiation chain"},
		{[]string{"All A are B.", "All B are C.", "X is an A.", "X is not a C."}, "contradicted\n", "its contradiction"},
		{[]string{"All triangles are polygons", "All squares are polygons", "All squares are triangles"}, "undetermined\n", "undistributed middle"},
		{[]string{"All A are B", "All S are A", "Some S are B"}, "entailed\n", "Barbari holds by default: traditional semantics"},
		{[]string{"-semantics", "boolean", "All A are B", "All S are A", "Some S are B"}, "undetermined\n", "without existential import S may be empty"},
		{[]string{"No A are B", "X is an A", "X is a B", "Every A is a C"}, "inconsistent\n", "the premises cannot all be true"},
		{[]string{"-json", "All A are B", "Some A are B"}, `{"verdict":"entailed","semantics":"traditional"}` + "\n", "the JSON contract"},
		{[]string{"-json", "-semantics", "boolean", "All A are B", "Some A are B"}, `{"verdict":"undetermined","semantics":"boolean"}` + "\n", "the JSON contract names the semantics"},
		{[]string{"Some A are not B"}, "undetermined\n", "a conclusion alone is decided from no premises"},
	} {
		t.Run(tc.reason, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if err := run(&stdout, &stderr, append([]string{"decide"}, tc.args...)); err != nil {
				t.Fatalf("decide %q: %v", tc.args, err)
			}
			if got := stdout.String(); got != tc.want {
				t.Errorf("decide %q printed %q, want %q: %s", tc.args, got, tc.want, tc.reason)
			}
		})
	}
}

func TestBadInput(t *testing.T) {
	for _, tc := range []struct {
		args    []string
		code    int
		mention string // must appear in the error message
	}{
		{nil, 2, "no command"},
		{[]string{"frobnicate"}, 2, `"frobnicate"`},
		{[]string{"forms", "-bogus"}, 2, "bogus"},
		{[]string{"forms", "extra"}, 2, "extra"},
		{[]string{"forms", "-pairs", "-fallacies"}, 2, "cannot be combined"},
		{[]string{"decide"}, 2, "conclusion"},
		{[]string{"decide", "-semantics", "modal", "All A are B"}, 2, `"modal"`},
		{[]string{"decide", "All dogs are mammals", "All dogs mammals"}, 2, `sentence 2`},
		{[]string{"decide", "All dogs are mammals", "All dogs mammals"}, 2, `"All dogs mammals"`},
	} {
		var stdout, stderr bytes.Buffer
		err := run(&stdout, &stderr, tc.args)
		if err == nil {
			t.Errorf("run %q succeeded; want an error", tc.args)
			continue
		}
		var msg bytes.Buffer
		if code := exitCode(err, &msg); code != tc.code {
			t.Errorf("run %q: exit status %d, want %d (error %v)", tc.args, code, tc.code, err)
		}
		if !strings.Contains(msg.String(), tc.mention) {
			t.Errorf("run %q: message %q does not mention %s", tc.args, msg.String(), tc.mention)
		}
		if stdout.Len() > 0 {
			t.Errorf("run %q wrote to stdout on error: %q", tc.args, stdout.String())
		}
	}
	if code := exitCode(errors.New("disk full"), new(bytes.Buffer)); code != 1 {
		t.Errorf("exitCode(other error) = %d, want 1", code)
	}
	if code := exitCode(nil, new(bytes.Buffer)); code != 0 {
		t.Errorf("exitCode(nil) = %d, want 0", code)
	}
}

// TestHelp: help <cmd> and <cmd> -h print that command's usage, with its
// flags, on stdout and exit 0; plain help prints the list of commands.
func TestHelp(t *testing.T) {
	for _, c := range commands {
		for _, args := range [][]string{{"help", c.name}, {c.name, "-h"}, {c.name, "--help"}} {
			var stdout, stderr bytes.Buffer
			err := run(&stdout, &stderr, args)
			if code := exitCode(err, new(bytes.Buffer)); code != 0 {
				t.Errorf("%q: exit %d (%v), want 0", args, code, err)
			}
			if !strings.HasPrefix(stdout.String(), "usage: syllobench "+c.name) || stderr.Len() > 0 {
				t.Errorf("%q printed %.80q on stdout and %.80q on stderr; want %s's usage on stdout only", args, stdout.String(), stderr.String(), c.name)
			}
		}
	}
	for _, args := range [][]string{{"help"}, {"-h"}, {"--help"}} {
		var stdout, stderr bytes.Buffer
		if err := run(&stdout, &stderr, args); err != nil || !strings.Contains(stdout.String(), "commands:") || stderr.Len() > 0 {
			t.Errorf("%q: %v; stdout %.80q, stderr %.80q", args, err, stdout.String(), stderr.String())
		}
	}
	var stdout bytes.Buffer
	run(&stdout, new(bytes.Buffer), []string{"help"})
	golden(t, "help.txt", stdout.Bytes())
}

// TestMistakes: an unknown command, flag or probe, or a bad value, is
// one line on stderr that names what was wrong and the closest thing
// that exists, with exit status 2 and nothing on stdout.
func TestMistakes(t *testing.T) {
	cases := [][]string{
		{"bogus"},
		{"rn"},
		{"itmes", "-n", "3"},
		{"help", "comapre"},
		{"run", "-sise", "small"},
		{"run", "-x"},
		{"run", "-size", "huge"},
		{"run", "-limit", "0"},
		{"run", "-probe", "belif"},
		{"items", "-probe", "famos"},
		{"items", "-probe", "nothing-like-it"},
		{"items", "-n", "x"},
		{"fixtures"},
		{"fixtures", "check"},
		{"compare", "-formt", "markdown", "a.json", "b.json"},
	}
	var got bytes.Buffer
	for _, args := range cases {
		var stdout, stderr bytes.Buffer
		err := run(&stdout, &stderr, args)
		code := exitCode(err, &stderr)
		if code != 2 {
			t.Errorf("%q: exit %d, want 2", args, code)
		}
		if stdout.Len() > 0 {
			t.Errorf("%q wrote %q on stdout", args, stdout.String())
		}
		if n := strings.Count(stderr.String(), "\n"); n != 1 {
			t.Errorf("%q: %d lines on stderr, want 1:\n%s", args, n, stderr.String())
		}
		fmt.Fprintf(&got, "$ syllobench %s\n%s", strings.Join(args, " "), stderr.String())
	}
	golden(t, "mistakes.txt", got.Bytes())
}

// TestSameProbeNames: run and items take the same probe names, every
// probe of the catalogue.
func TestSameProbeNames(t *testing.T) {
	for _, p := range probes.All() {
		if _, err := selectProbes("run", p.Name, probes.All()); err != nil {
			t.Errorf("run -probe %s: %v", p.Name, err)
		}
		var stdout, stderr bytes.Buffer
		if err := run(&stdout, &stderr, []string{"items", "-probe", p.Name, "-n", "2", "-json"}); err != nil {
			t.Errorf("items -probe %s: %v", p.Name, err)
			continue
		}
		if n := strings.Count(stdout.String(), "\n"); n == 0 {
			t.Errorf("items -probe %s -n 2 printed no item", p.Name)
		}
	}
}
