package hostile

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/syllobench/syllobench/internal/fixture"
	"github.com/syllobench/syllobench/internal/question"
	"github.com/syllobench/syllobench/internal/report"
	"github.com/syllobench/syllobench/internal/run"
	"github.com/syllobench/syllobench/internal/scorecard"
)

// TestMain skips the package under -short: these are the project's own
// reliability tests (hostile servers, replies and configurations), which a user's CI need not pay for.
func TestMain(m *testing.M) {
	flag.Parse()
	if testing.Short() {
		fmt.Println("skipped under -short: the project's reliability tests")
		os.Exit(0)
	}
	code := m.Run()
	for _, dir := range []string{binary.dir, recorded.dir} {
		if dir != "" {
			os.RemoveAll(dir)
		}
	}
	os.Exit(code)
}

// env returns a getenv that sees vars and nothing of the process's own
// environment, so that a developer's SYLLOBENCH_* settings cannot leak
// into a test.
func env(vars map[string]string) func(string) string {
	return func(k string) string { return vars[k] }
}

// environ is vars as os.Environ gives an environment ("NAME=value"), for
// run.Load's check of the SYLLOBENCH_ variables it does not read.
func environ(vars map[string]string) []string {
	out := []string{}
	for k, v := range vars {
		out = append(out, k+"="+v)
	}
	return out
}

// load reads the settings of a run from vars alone, as go test would
// from an environment holding just vars (short: go test -short).
func load(vars map[string]string, short bool) (run.Settings, error) {
	all, err := run.LoadAll(run.Source{Getenv: env(vars), Environ: environ(vars), Short: short})
	if err != nil {
		return run.Settings{}, err
	}
	return all[0], nil
}

// open opens the session go test would with the environment vars:
// run.LoadAll, then run.Open of the first model, which checks an external target first. The
// session ends with the test.
func open(t *testing.T, vars map[string]string, short bool) (*run.Session, error) {
	t.Helper()
	settings, err := load(vars, short)
	if err != nil {
		return nil, err
	}
	return run.Open(t.Context(), settings)
}

// binary is the syllobench command, built once for the tests that run it
// as a user would.
var binary struct {
	once sync.Once
	dir  string
	path string
	err  error
}

// syllobench returns the path of the syllobench command, building it on
// first use.
func syllobench(t *testing.T) string {
	t.Helper()
	binary.once.Do(func() {
		binary.dir, binary.err = os.MkdirTemp("", "syllobench-hostile-")
		if binary.err != nil {
			return
		}
		binary.path = filepath.Join(binary.dir, "syllobench")
		goTool := filepath.Join(runtime.GOROOT(), "bin", "go")
		if _, err := os.Stat(goTool); err != nil {
			goTool = "go"
		}
		cmd := exec.Command(goTool, "build", "-o", binary.path, "github.com/syllobench/syllobench/cmd/syllobench")
		if out, err := cmd.CombinedOutput(); err != nil {
			binary.err = fmt.Errorf("go build ./cmd/syllobench: %v\n%s", err, out)
		}
	})
	if binary.err != nil {
		t.Fatal(binary.err)
	}
	return binary.path
}

// cleanEnviron is the process environment without any syllobench or
// OpenAI variable, plus vars ("NAME=value").
func cleanEnviron(vars ...string) []string {
	var out []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "SYLLOBENCH_") && !strings.HasPrefix(kv, "OPENAI_") {
			out = append(out, kv)
		}
	}
	return append(out, vars...)
}

// cmdResult is what a run of the command printed and how it exited.
type cmdResult struct {
	stdout, stderr string
	code           int
}

func (r cmdResult) String() string {
	return fmt.Sprintf("exit %d\n--- stdout\n%s--- stderr\n%s", r.code, tail(r.stdout), tail(r.stderr))
}

// command runs syllobench with args in the working directory dir, with a
// clean environment plus vars, and waits for it to end (a minute at most).
func command(t *testing.T, dir string, vars []string, args ...string) cmdResult {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, syllobench(t), args...)
	cmd.Dir, cmd.Env = dir, cleanEnviron(vars...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	r := cmdResult{stdout: stdout.String(), stderr: stderr.String()}
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee):
		r.code = ee.ExitCode()
	case err != nil:
		t.Fatalf("syllobench %q: %v", args, err)
	}
	if ctx.Err() != nil {
		t.Fatalf("syllobench %q did not end within a minute:\n%s", args, r)
	}
	return r
}

// tail is the end of a long output, enough to see what went wrong.
func tail(s string) string {
	const n = 3000
	if len(s) > n {
		return "…" + s[len(s)-n:]
	}
	return s
}

// chatRequest is what a test server reads of a chat completion request.
type chatRequest struct {
	Model    string `json:"model"`
	Messages []struct {
		Role    string `json:"role"`
		Content string `json:"content"`
	} `json:"messages"`
}

func readRequest(r *http.Request) (chatRequest, error) {
	var req chatRequest
	err := json.NewDecoder(r.Body).Decode(&req)
	return req, err
}

// question is the last user message: the item asked.
func (req chatRequest) question() string {
	for i := len(req.Messages) - 1; i >= 0; i-- {
		if req.Messages[i].Role == "user" {
			return req.Messages[i].Content
		}
	}
	return ""
}

var labelsRE = regexp.MustCompile(`where <label> is ([^.\n]+)\.`)

// labels returns the labels the prompt allows, in the order it lists
// them: "yes or no" gives [yes no].
func labels(prompt string) []string {
	if strings.Contains(prompt, question.OpenAnswerLead) {
		return openLabels
	}
	if strings.Contains(prompt, question.SelectionAnswerLead) {
		return selectionLabels
	}
	m := labelsRE.FindAllStringSubmatch(prompt, -1)
	if m == nil {
		return nil
	}
	list := strings.NewReplacer(" or ", ",", " ", "").Replace(m[len(m)-1][1])
	return strings.Split(list, ",")
}

// openLabels stand in for the labels of an open question, whose answer
// is a phrase: two answers, so that a reply can give both.
var openLabels = []string{"batteries", "diesel"}

// selectionLabels stand in for the labels of a premise-selection
// question, whose answer is a set of numbers.
var selectionLabels = []string{"1, 2", "none"}

// questionKind names the kind of question from its labels.
func questionKind(ls []string) string {
	switch {
	case len(ls) == 2 && ls[0] == "yes":
		return "yesno"
	case len(ls) == 3 && ls[0] == "true":
		return "truth"
	case len(ls) == 9 && ls[0] == "1":
		return "choice"
	case slices.Equal(ls, openLabels):
		return "open"
	case slices.Equal(ls, selectionLabels):
		return "selection"
	}
	return fmt.Sprintf("unknown %q", ls)
}

// rawString quotes s as a JSON string escaping only what JSON requires of
// valid text, so that invalid UTF-8 goes onto the wire as it is.
func rawString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '"' || c == '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case c < 0x20:
			fmt.Fprintf(&b, `\u%04x`, c)
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// writeCompletion writes a chat completion whose choice holds the raw JSON
// message, as an OpenAI-compatible server would.
func writeCompletion(w http.ResponseWriter, model, message, finish string) {
	w.Header().Set("Content-Type", "application/json")
	fmt.Fprintf(w, `{"id":"chatcmpl-hostile","object":"chat.completion","created":1,"model":%s,`+
		`"choices":[{"index":0,"message":%s,"finish_reason":%q}],`+
		`"usage":{"prompt_tokens":7,"completion_tokens":3,"total_tokens":10}}`,
		rawString(model), message, finish)
}

// writeModels writes the list of models a server serves (GET /models),
// as an OpenAI-compatible server would: run.Open checks it before a run.
func writeModels(w http.ResponseWriter, names ...string) {
	type entry struct {
		ID      string `json:"id"`
		Object  string `json:"object"`
		OwnedBy string `json:"owned_by"`
	}
	list := struct {
		Object string  `json:"object"`
		Data   []entry `json:"data"`
	}{Object: "list", Data: []entry{}}
	for _, n := range names {
		list.Data = append(list.Data, entry{ID: n, Object: "model", OwnedBy: "hostile"})
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(list)
}

// checkXML parses an HTML report as strict XML, as the report promises,
// and returns its text.
func checkXML(t *testing.T, page []byte) string {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(page))
	dec.Strict = true
	var text strings.Builder
	roots, depth := 0, 0
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			line, col := dec.InputPos()
			t.Fatalf("the report is not well-formed XML at line %d, column %d: %v", line, col, err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if depth == 0 {
				roots++
			}
			depth++
		case xml.EndElement:
			depth--
		case xml.CharData:
			text.Write(tok)
		}
	}
	if roots != 1 {
		t.Errorf("the report has %d root elements, want 1", roots)
	}
	return text.String()
}

// renderReport renders the HTML report of cards and checks that it is
// well-formed, returning its text.
func renderReport(t *testing.T, cards ...*scorecard.Scorecard) string {
	t.Helper()
	var page bytes.Buffer
	if err := report.HTML(&page, cards); err != nil {
		t.Fatalf("report.HTML: %v", err)
	}
	return checkXML(t, page.Bytes())
}

// fixtureEntries returns the keys of the entries in every fixture file
// under root, failing the test on a key seen twice in one file.
func fixtureEntries(t *testing.T, root string) map[string]int {
	t.Helper()
	keys := map[string]int{}
	files, _ := filepath.Glob(filepath.Join(root, "*", "*.jsonl"))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
		seen := map[string]bool{}
		for i, l := range lines[1:] {
			var e struct{ Key string }
			if err := json.Unmarshal([]byte(l), &e); err != nil || e.Key == "" {
				t.Fatalf("%s:%d: not an entry: %v", f, i+2, err)
			}
			if seen[e.Key] {
				t.Errorf("%s: key %s twice", f, e.Key)
			}
			seen[e.Key] = true
			keys[e.Key]++
		}
	}
	return keys
}

// verifyFixtures checks every fixture file under root with fixture.Verify.
func verifyFixtures(t *testing.T, root string) {
	t.Helper()
	if err := fixture.Verify(os.DirFS(root)); err != nil {
		t.Errorf("fixture.Verify(%s): %v", root, err)
	}
}

// copyTree copies the directory src to dst.
func copyTree(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}
