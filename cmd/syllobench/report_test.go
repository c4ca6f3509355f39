package main

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/syllobench/syllobench/internal/report"
	"github.com/syllobench/syllobench/internal/scorecard"
)

// The committed scorecards of two reference reasoners.
var reportCards = []string{"../../fixtures/ref-atmosphere/scorecard.json", "../../fixtures/ref-belief/scorecard.json"}

func TestReportWritesFile(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "page.html")
	var stdout, stderr bytes.Buffer
	if err := runReport(&stdout, &stderr, append([]string{"-o", out}, reportCards...)); err != nil {
		t.Fatalf("report: %v\n%s", err, stderr.String())
	}
	page, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	// The page is report.HTML's, byte for byte.
	var want bytes.Buffer
	var cards []*scorecard.Scorecard
	for _, f := range reportCards {
		c, err := scorecard.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		cards = append(cards, c)
	}
	if err := report.HTML(&want, cards); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(page, want.Bytes()) {
		t.Errorf("the file written (%d bytes) is not report.HTML of the scorecards (%d bytes)", len(page), want.Len())
	}
	for _, id := range report.Sections {
		if !bytes.Contains(page, []byte(`<section id="`+id+`">`)) {
			t.Errorf("no section %q in the page", id)
		}
	}
	if got := stdout.String(); got != "wrote "+out+" (ref-atmosphere, ref-belief)\n" {
		t.Errorf("stdout = %q", got)
	}
	if stderr.Len() > 0 {
		t.Errorf("unexpected stderr: %s", stderr.String())
	}
	info, err := os.Stat(out)
	if err != nil {
		t.Fatal(err)
	}
	if perm := info.Mode().Perm(); perm != 0o644 {
		t.Errorf("the report's mode is %v, want 0644", perm)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("the directory holds %d files, want the report alone (no temporary file left)", len(entries))
	}
}

// TestReportFlagsAfterFiles: flags may follow the scorecards, and the
// default output is report.html in the working directory.
func TestReportDefaultOutput(t *testing.T) {
	abs := make([]string, len(reportCards))
	for i, f := range reportCards {
		var err error
		if abs[i], err = filepath.Abs(f); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(t.TempDir())
	if err := runReport(new(bytes.Buffer), new(bytes.Buffer), abs); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat("report.html"); err != nil {
		t.Errorf("no report.html by default: %v", err)
	}
	if err := runReport(new(bytes.Buffer), new(bytes.Buffer), append(abs[:1:1], "-o", "other.html")); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat("other.html"); err != nil {
		t.Errorf("-o after the scorecard was not obeyed: %v", err)
	}
}

func TestReportStdout(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if err := runReport(&stdout, &stderr, []string{"-o", "-", reportCards[0]}); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(stdout.String(), "<!DOCTYPE html>\n") || !strings.HasSuffix(strings.TrimSpace(stdout.String()), "</html>") {
		t.Errorf("-o - did not write the page to stdout: %.100q", stdout.String())
	}
}

func TestReportBadInput(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "report.html")
	const old = "the previous report\n"
	for _, tc := range []struct {
		args    []string
		code    int
		mention []string // must appear in the error message
	}{
		{nil, 2, []string{"no scorecard"}},
		{[]string{"-o", out}, 2, []string{"no scorecard"}},
		{[]string{"-bogus", reportCards[0]}, 2, []string{"bogus"}},
		{[]string{"-o", "", reportCards[0]}, 2, []string{"-o"}},
		{[]string{"-o", out, reportCards[0], "testdata/no-such.json"}, 1, []string{"testdata/no-such.json", "no such file"}},
		{[]string{"-o", out, "testdata/report-invalid.json"}, 1, []string{"testdata/report-invalid.json", "not a syllobench scorecard", "colour"}},
		{[]string{"-o", out, "testdata/report-version.json"}, 1, []string{"testdata/report-version.json", "version 99"}},
		{[]string{"-o", filepath.Join(dir, "missing", "r.html"), reportCards[0]}, 1, []string{filepath.Join(dir, "missing", "r.html")}},
	} {
		if err := os.WriteFile(out, []byte(old), 0o644); err != nil {
			t.Fatal(err)
		}
		var stdout, stderr bytes.Buffer
		err := runReport(&stdout, &stderr, tc.args)
		if err == nil {
			t.Errorf("report %q succeeded; want an error", tc.args)
			continue
		}
		var msg bytes.Buffer
		if code := exitCode(err, &msg); code != tc.code {
			t.Errorf("report %q: exit status %d, want %d (error %v)", tc.args, code, tc.code, err)
		}
		for _, m := range tc.mention {
			if !strings.Contains(msg.String(), m) {
				t.Errorf("report %q: message %q does not mention %q", tc.args, msg.String(), m)
			}
		}
		if stdout.Len() > 0 {
			t.Errorf("report %q wrote to stdout on error: %q", tc.args, stdout.String())
		}
		if got, _ := os.ReadFile(out); string(got) != old {
			t.Errorf("report %q failed but changed the existing report", tc.args)
		}
		if errors.As(err, new(usageError)) != (tc.code == 2) {
			t.Errorf("report %q: usage error is %v, want %v", tc.args, !(tc.code == 2), tc.code == 2)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("the directory holds %d files after the failures, want the old report alone", len(entries))
	}
}
