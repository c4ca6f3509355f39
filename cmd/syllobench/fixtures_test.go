package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/syllobench/syllobench/internal/fixture"
	"github.com/syllobench/syllobench/internal/model"
)

type echoModel struct{}

func (echoModel) Complete(_ context.Context, req model.Request) (model.Response, error) {
	return model.Response{Text: "Answer: yes", FinishReason: "stop"}, nil
}

// recordFixtures records two answers for model m under dir.
func recordFixtures(t *testing.T, dir, m string) {
	t.Helper()
	st, err := fixture.Open(dir, m, fixture.Record, echoModel{})
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"Is it?", "Is it not?"} {
		req := model.Request{Model: m, Messages: []model.Message{{Role: "user", Content: q}}}
		if _, err := st.For("validity").Complete(context.Background(), req); err != nil {
			t.Fatal(err)
		}
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
}

func TestFixturesVerify(t *testing.T) {
	dir := t.TempDir()
	recordFixtures(t, dir, "good-model")
	var stdout bytes.Buffer
	if err := run(&stdout, new(bytes.Buffer), []string{"fixtures", "verify", dir}); err != nil {
		t.Fatalf("verify on fresh fixtures: %v\n%s", err, stdout.String())
	}
	if !strings.Contains(stdout.String(), "ok") {
		t.Errorf("verify printed %q", stdout.String())
	}

	// Damage two files: every problem is reported, with its file and line.
	recordFixtures(t, dir, "other-model")
	files, _ := filepath.Glob(filepath.Join(dir, "*", "validity.jsonl"))
	if len(files) != 2 {
		t.Fatalf("recorded %d files, want 2", len(files))
	}
	for _, f := range files {
		data, _ := os.ReadFile(f)
		lines := strings.SplitAfter(string(data), "\n")
		lines[2] = lines[2][:len(lines[2])/2] + "\n" // truncate the second entry
		os.WriteFile(f, []byte(strings.Join(lines, "")), 0o644)
	}
	stdout.Reset()
	err := run(&stdout, new(bytes.Buffer), []string{"fixtures", "verify", dir})
	if code := exitCode(err, new(bytes.Buffer)); code != 1 {
		t.Errorf("verify on damaged fixtures: exit %d (%v), want 1", code, err)
	}
	for _, f := range files {
		if !strings.Contains(stdout.String(), f+":3: ") {
			t.Errorf("verify output does not name %s line 3:\n%s", f, stdout.String())
		}
	}
	// A trailing slash does not double the separator.
	stdout.Reset()
	run(&stdout, new(bytes.Buffer), []string{"fixtures", "verify", dir + "/"})
	if strings.Contains(stdout.String(), "//") {
		t.Errorf("verify of %s/ printed doubled separators:\n%s", dir, stdout.String())
	}
}

func TestFixturesBadInput(t *testing.T) {
	for _, tc := range []struct {
		args    []string
		code    int
		mention string
	}{
		{[]string{"fixtures"}, 2, "verify"},
		{[]string{"fixtures", "check"}, 2, "verify"},
		{[]string{"fixtures", "verify", "a", "b"}, 2, "one directory"},
		{[]string{"fixtures", "verify", "/no/such/dir"}, 1, "/no/such/dir"},
	} {
		err := run(new(bytes.Buffer), new(bytes.Buffer), tc.args)
		var msg bytes.Buffer
		if code := exitCode(err, &msg); code != tc.code || !strings.Contains(msg.String(), tc.mention) {
			t.Errorf("run %q: exit %d, message %q; want %d mentioning %q", tc.args, code, msg.String(), tc.code, tc.mention)
		}
	}
}
