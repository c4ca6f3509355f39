package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestVerdict(t *testing.T) {
	for _, tc := range []struct {
		args  []string
		reply string
		want  string // the first line
		rule  string // in the second line
	}{
		{[]string{"-kind", "yesno"}, "Let me think.\n\n**Answer:** No.", "no", `last "Answer:" line`},
		{[]string{"-kind", "truth"}, "<think>true?</think>It cannot be determined from the premises.", "unknown", ""},
		{[]string{"-kind", "choice"}, "Answer: 9", "9", `last "Answer:" line`},
		{[]string{"-kind", "yesno"}, "", "unparseable", "empty reply"},
		{[]string{"-kind", "yesno"}, "<think>still thinking", "unparseable", "unclosed <think>"},
	} {
		stdin = strings.NewReader(tc.reply)
		var stdout bytes.Buffer
		if err := run(&stdout, new(bytes.Buffer), append([]string{"verdict"}, tc.args...)); err != nil {
			t.Fatalf("verdict %q on %q: %v", tc.args, tc.reply, err)
		}
		lines := strings.Split(stdout.String(), "\n")
		if lines[0] != tc.want || !strings.HasPrefix(lines[1], "rule: ") || !strings.Contains(lines[1], tc.rule) {
			t.Errorf("verdict %q on %q printed %q; want %s and a rule line with %q", tc.args, tc.reply, stdout.String(), tc.want, tc.rule)
		}
	}
	// "-" is standard input too.
	stdin = strings.NewReader("Answer: yes")
	var dash bytes.Buffer
	if err := run(&dash, new(bytes.Buffer), []string{"verdict", "-"}); err != nil || !strings.HasPrefix(dash.String(), "yes\n") {
		t.Errorf("verdict - printed %q, %v", dash.String(), err)
	}
	stdin = os.Stdin

	// A file instead of standard input.
	path := filepath.Join(t.TempDir(), "reply.txt")
	os.WriteFile(path, []byte("The answer is yes."), 0o644)
	var stdout bytes.Buffer
	if err := run(&stdout, new(bytes.Buffer), []string{"verdict", "-kind", "yesno", path}); err != nil || !strings.HasPrefix(stdout.String(), "yes\n") {
		t.Errorf("verdict on a file: %q, %v", stdout.String(), err)
	}
}

// -accept grades the reply against the right answers as the probes do:
// an open answer by what it says, any other by its label.
func TestVerdictAccept(t *testing.T) {
	for _, tc := range []struct {
		args  []string
		reply string
		want  string // the third line
	}{
		{[]string{"-kind", "open", "-accept", "batteries"}, "R2-D2 is a robot.\nAnswer: a battery", "correct (accepted: batteries)"},
		{[]string{"-kind", "open", "-accept", "batteries"}, "Answer: runs on batteries", "correct (accepted: batteries)"},
		{[]string{"-kind", "open", "-accept", "feathers, a backbone"}, "Answer: **Backbone.**", "correct (accepted: feathers, a backbone)"},
		{[]string{"-kind", "open", "-accept", "batteries"}, "Answer: diesel", "wrong (accepted: batteries)"},
		{[]string{"-kind", "open", "-accept", "batteries"}, "Answer: not batteries", "wrong (accepted: batteries)"},
		{[]string{"-kind", "open", "-accept", "batteries"}, "I am not sure.", "unparseable (accepted: batteries)"},
		{[]string{"-kind", "yesno", "-accept", "no"}, "Answer: yes", "wrong (accepted: no)"},
	} {
		stdin = strings.NewReader(tc.reply)
		var stdout bytes.Buffer
		if err := run(&stdout, new(bytes.Buffer), append([]string{"verdict"}, tc.args...)); err != nil {
			t.Fatalf("verdict %q on %q: %v", tc.args, tc.reply, err)
		}
		if lines := strings.Split(stdout.String(), "\n"); len(lines) < 3 || lines[2] != tc.want {
			t.Errorf("verdict %q on %q printed %q; want a third line %q", tc.args, tc.reply, stdout.String(), tc.want)
		}
	}
	stdin = os.Stdin
}

func TestVerdictBadInput(t *testing.T) {
	for _, tc := range []struct {
		args    []string
		code    int
		mention string
	}{
		{[]string{"verdict", "-kind", "essay"}, 2, `"essay"`},
		{[]string{"verdict", "a", "b"}, 2, "at most one file"},
		{[]string{"verdict", "-kind", "open", "-accept", " , "}, 2, "names no answer"},
		{[]string{"verdict", "/no/such/reply"}, 1, "/no/such/reply"},
	} {
		err := run(new(bytes.Buffer), new(bytes.Buffer), tc.args)
		var msg bytes.Buffer
		if code := exitCode(err, &msg); code != tc.code || !strings.Contains(msg.String(), tc.mention) {
			t.Errorf("run %q: exit %d, message %q; want %d mentioning %q", tc.args, code, msg.String(), tc.code, tc.mention)
		}
	}
}
