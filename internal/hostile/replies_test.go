package hostile

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/syllobench/syllobench/internal/fixture"
	"github.com/syllobench/syllobench/internal/model"
	"github.com/syllobench/syllobench/internal/question"
	"github.com/syllobench/syllobench/internal/run"
	"github.com/syllobench/syllobench/internal/scorecard"
	"github.com/syllobench/syllobench/internal/verdict"
	"github.com/syllobench/syllobench/probes"
)

// hostileReply is one way a server can answer badly.
type hostileReply struct {
	name string
	// message returns the raw JSON of the reply's message object, given
	// the labels the question allows.
	message func(labels []string) string
	finish  string // "" for stop
	// rule is the verdict rule that must decide: every hostile reply is
	// unparseable. "" means that the reply is not a chat completion at
	// all, which must be an infrastructure error (a typed
	// *model.InfraError), never an answer.
	rule verdict.Rule
	// check, when set, checks what the fixture store recorded.
	check func(t *testing.T, resp model.Response)
}

// huge is a megabyte of text that gives no answer.
var huge = strings.Repeat("Lorem ipsum dolor sit amet, consectetur adipiscing elit. ", 1<<20/57+1)

func content(s string) func([]string) string {
	return func([]string) string { return `{"role":"assistant","content":` + rawString(s) + `}` }
}

// hostileReplies are the replies of issue 8, item 4, and a few more of the
// same kind. Each is unparseable or an infrastructure error.
var hostileReplies = []hostileReply{
	{name: "empty", message: content(""), rule: verdict.EmptyReply},
	{name: "null-content", message: func([]string) string { return `{"role":"assistant","content":null}` }, rule: verdict.EmptyReply},
	{name: "one-megabyte", message: content(huge), rule: verdict.NoVerdict},
	{name: "invalid-utf8", message: content("\xff\xfe\xfd \xc3\x28 \xe2\x82 \xf0\x28\x8c\x28 \x80\x80"), rule: verdict.NoVerdict},
	{name: "nul-bytes", message: content(strings.Repeat("\x00", 64)), rule: verdict.EmptyReply},
	{name: "nul-bytes-raw", rule: "", message: func([]string) string {
		// Raw NULs inside a JSON string: the body is not JSON.
		return "{\"role\":\"assistant\",\"content\":\"\x00\x00\x00\"}"
	}},
	{name: "unclosed-think", message: content("<think>The first premise says every A is a B, so the answer is yes"), rule: verdict.UnclosedThink},
	{name: "json-as-text", message: content(`{"premises":["All A are B","All B are C"],"steps":2,"confidence":0.97}`), rule: verdict.NoVerdict},
	{name: "json-as-content", rule: "", message: func(ls []string) string {
		// The content is a JSON object, not text: no chat completion.
		return `{"role":"assistant","content":{"answer":` + rawString(ls[0]) + `}}`
	}},
	{name: "refusal", message: content("I'm sorry, but I can't help with that."), rule: verdict.Refused},
	{name: "refusal-field", message: func([]string) string {
		return `{"role":"assistant","content":null,"refusal":"I can't assist with that request."}`
	}, rule: verdict.Refused}, // OpenAI's refusal field is the reply
	{name: "both-answers", message: func(ls []string) string {
		return content("Answer: " + ls[0] + " or " + ls[1])(ls)
	}, rule: verdict.Conflicting},
	{name: "finish-length", message: content("Let me work through the premises one at a time. The first premise says that"), finish: "length",
		rule: probes.CutOff, check: func(t *testing.T, resp model.Response) {
			if resp.FinishReason != "length" {
				t.Errorf("recorded finish reason %q, want length", resp.FinishReason)
			}
		}},
	{name: "finish-length-think", message: content("<think>Let me work through the premises"), finish: "length", rule: probes.CutOff},
	// A last line cut off mid-sentence, which says an answer: not one.
	{name: "finish-length-last-line", message: func(ls []string) string {
		return content("Working through it, the answer is " + ls[0])(ls)
	}, finish: "length", rule: probes.CutOff},
	{name: "reasoning-content-only", message: func(ls []string) string {
		return `{"role":"assistant","content":"","reasoning_content":` + rawString("The premises settle it.\nAnswer: "+ls[0]) + `}`
	}, rule: verdict.EmptyReply, check: func(t *testing.T, resp model.Response) {
		if !strings.Contains(resp.Reasoning, "The premises settle it.") {
			t.Errorf("recorded reasoning %q, want the reasoning_content kept", resp.Reasoning)
		}
	}},
	{name: "reasoning-only", message: func(ls []string) string {
		return `{"role":"assistant","content":null,"reasoning":` + rawString("Answer: "+ls[0]) + `}`
	}, rule: verdict.EmptyReply, check: func(t *testing.T, resp model.Response) {
		if !strings.HasPrefix(resp.Reasoning, "Answer: ") || resp.Text != "" {
			t.Errorf("recorded text %q and reasoning %q, want the reasoning kept apart", resp.Text, resp.Reasoning)
		}
	}},
}

// control is a reply with two answer lines, of which the last wins: not
// hostile, and read as its last label. It shows that the tests can tell
// an answer from none.
var control = hostileReply{name: "last-answer-wins", message: func(ls []string) string {
	return content("Answer: " + ls[0] + "\nAnswer: " + ls[1])(ls)
}, rule: verdict.AnswerLine}

// hostileServer answers every question with a hostile reply, and counts
// the requests and which reply went to which question. It lists its
// model (GET /models) truthfully, so that run.Open's check of the target
// passes without asking a question.
type hostileServer struct {
	*httptest.Server
	calls atomic.Int64

	mu     sync.Mutex
	pick   func(question, kind string) hostileReply
	served map[string]map[string]int // reply name → question kind → count
	gave   map[string]hostileReply   // question → the reply it got
}

func newHostileServer(t *testing.T, modelName string, pick func(question, kind string) hostileReply) *hostileServer {
	t.Helper()
	s := &hostileServer{pick: pick, served: map[string]map[string]int{}, gave: map[string]hostileReply{}}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodGet && strings.HasSuffix(r.URL.Path, "/models") {
			writeModels(w, modelName)
			return
		}
		s.calls.Add(1)
		req, err := readRequest(r)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		q := req.question()
		ls := labels(q)
		if len(ls) < 2 {
			http.Error(w, "no labels in the prompt", http.StatusBadRequest)
			return
		}
		s.mu.Lock()
		h, asked := s.gave[q]
		if !asked {
			h = s.pick(q, questionKind(ls))
			s.gave[q] = h
		}
		if s.served[h.name] == nil {
			s.served[h.name] = map[string]int{}
		}
		s.served[h.name][questionKind(ls)]++
		s.mu.Unlock()
		finish := h.finish
		if finish == "" {
			finish = "stop"
		}
		writeCompletion(w, req.Model, h.message(ls), finish)
	}))
	t.Cleanup(s.Close)
	return s
}

// always gives reply h to every question.
func always(h hostileReply) func(string, string) hostileReply {
	return func(string, string) hostileReply { return h }
}

// inTurn deals the replies out to the questions of each kind in turn, so
// that every kind of question with as many questions as there are replies
// gets each of them. The server calls it under its lock, once a question.
func inTurn(replies []hostileReply) func(string, string) hostileReply {
	next := map[string]int{}
	return func(_, kind string) hostileReply {
		h := replies[next[kind]%len(replies)]
		next[kind]++
		return h
	}
}

// replyTo returns the reply srv gave to r's question.
func (s *hostileServer) replyTo(t *testing.T, r probes.Result) hostileReply {
	t.Helper()
	req, err := run.Sampling{Model: "m"}.Request(r.Case)
	if err != nil {
		t.Fatal(err)
	}
	q := ""
	for _, m := range req.Messages {
		if m.Role == "user" {
			q = m.Content
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	h, ok := s.gave[q]
	if !ok {
		t.Fatalf("%s was never asked", r.ID)
	}
	return h
}

// sample is the first few questions of a probe of each kind of question:
// yes/no (validity), true/false/unknown (chains) and choice (conclusions).
var sample = []struct {
	probe string
	n     int
}{{"validity", 4}, {"chains", 4}, {"conclusions", 4}}

// runSample asks the sample questions of s, returning the results by probe.
func runSample(t *testing.T, s *run.Session) map[string][]probes.Result {
	t.Helper()
	out := map[string][]probes.Result{}
	for _, sp := range sample {
		p, err := probes.ByName(sp.probe)
		if err != nil {
			t.Fatal(err)
		}
		_, rs, err := s.Probe(t.Context(), firstCases(p, sp.n))
		if err != nil {
			t.Fatal(err)
		}
		if len(rs) != sp.n {
			t.Fatalf("probe %s: %d results, want the first %d questions", sp.probe, len(rs), sp.n)
		}
		out[sp.probe] = rs
	}
	return out
}

// firstCases is p asking only its first n questions, and assessing their
// answers alone.
func firstCases(p probes.Probe, n int) probes.Probe {
	all := p.Cases
	p.Cases = func(cfg probes.Config) ([]probes.Case, error) {
		cs, err := all(cfg)
		return cs[:min(n, len(cs))], err
	}
	return p
}

// wantOutcome checks that a result is what reply h must give.
func wantOutcome(t *testing.T, h hostileReply, r probes.Result) {
	t.Helper()
	switch {
	case h.rule == "":
		var ie *model.InfraError
		if r.Outcome != probes.Error || !errors.As(r.Err, &ie) || !errors.Is(r.Err, model.ErrInfrastructure) {
			t.Errorf("%s: outcome %s, error %v (%T); want an infrastructure error (*model.InfraError)", r.ID, r.Outcome, r.Err, r.Err)
		} else if ie.StatusCode != http.StatusOK || !strings.Contains(ie.Error(), "not a chat completion") {
			t.Errorf("%s: error %q (HTTP %d); want it to say that the 200 response is not a chat completion", r.ID, ie, ie.StatusCode)
		}
	case h.rule == verdict.AnswerLine:
		last := map[string]string{"validity": "no", "consistency": "no", "truth": "false", "choice": "2", "open": "diesel", "selection": "none"}[string(r.Item.Kind)]
		if r.Outcome != probes.Correct && r.Outcome != probes.Wrong || r.Verdict.Rule != h.rule || r.Verdict.Label != last {
			t.Errorf("%s: outcome %s by %s; the control reply must be read as its last answer, %q", r.ID, r.Outcome, r.Verdict, last)
		}
	case h.rule == probes.CutOff:
		if r.Outcome != probes.Truncated || r.Verdict.Label != "" || r.Verdict.Rule != h.rule || r.Err != nil {
			t.Errorf("%s: outcome %s, verdict %s, error %v; want truncated, with no verdict", r.ID, r.Outcome, r.Verdict, r.Err)
		}
	default:
		if r.Outcome != probes.Unparseable || !r.Verdict.Unparseable || r.Verdict.Rule != h.rule || r.Err != nil {
			t.Errorf("%s: outcome %s, verdict %s, error %v; want unparseable by the rule %q", r.ID, r.Outcome, r.Verdict, r.Err, h.rule)
		}
	}
}

// TestHostileReplies runs real questions of each kind (yes/no, truth,
// choice) through run.Open, the model client and the fixture store in
// record mode against a server that gives one hostile reply to all of
// them; then writes and rereads the scorecard, renders the report, checks
// the fixtures, and replays them with the server no longer asked.
func TestHostileReplies(t *testing.T) {
	for _, h := range append(slices.Clone(hostileReplies), control) {
		t.Run(h.name, func(t *testing.T) {
			t.Parallel()
			srv := newHostileServer(t, "hostile-model", always(h))
			fixtures, out := t.TempDir(), t.TempDir()
			// Every question is asked of the server, however many fail
			// in a row: the breaker is TestHostileBreaker's.
			vars := map[string]string{
				"SYLLOBENCH_BASE_URL": srv.URL + "/v1", "SYLLOBENCH_MODEL": "hostile-model", "SYLLOBENCH_MODE": "record",
				"SYLLOBENCH_FIXTURES": fixtures, "SYLLOBENCH_OUT": out, "SYLLOBENCH_CONCURRENCY": "4", "SYLLOBENCH_RETRIES": "0",
				"SYLLOBENCH_MAX_FAILURES": "1000",
			}
			s, err := open(t, vars, true)
			if err != nil {
				t.Fatal(err)
			}
			recorded := runSample(t, s)
			kinds := map[string]bool{}
			for _, rs := range recorded {
				for _, r := range rs {
					kinds[string(r.Item.Kind)] = true
					wantOutcome(t, h, r)
				}
			}
			if len(kinds) < 3 {
				t.Errorf("the sample asked questions of kinds %v; want yes/no, truth and choice", kinds)
			}
			if stop := s.Stopped(); stop != nil {
				t.Errorf("the run stopped: %v", stop)
			}
			if _, err := s.WriteOutputs(); err != nil {
				t.Fatalf("writing the scorecard: %v", err)
			}
			if err := s.Close(); err != nil {
				t.Fatalf("closing the session: %v", err)
			}

			// The scorecard reads back, counts nothing as wrong, and
			// the report renders it.
			sc, err := scorecard.ReadFile(filepath.Join(out, "scorecard.json"))
			if err != nil {
				t.Fatalf("rereading the scorecard: %v", err)
			}
			checkScorecard(t, sc, h)
			renderReport(t, sc)

			// The fixtures hold what was answered, and are valid.
			verifyFixtures(t, fixtures)
			entries := fixtureEntries(t, fixtures)
			if h.rule == "" && len(entries) != 0 {
				t.Errorf("%d fixture entries recorded for failed requests; errors are never stored", len(entries))
			}
			if h.rule != "" && len(entries) == 0 {
				t.Error("no fixture recorded")
			}
			if h.check != nil {
				st, err := fixture.Open(fixtures, "hostile-model", fixture.Replay, nil)
				if err != nil {
					t.Fatal(err)
				}
				r := recorded["validity"][0]
				req, err := s.Sampling().Request(r.Case)
				if err != nil {
					t.Fatal(err)
				}
				resp, err := st.For("validity").Complete(context.Background(), req)
				if err != nil {
					t.Fatalf("the recorded response of %s: %v", r.ID, err)
				}
				h.check(t, resp)
			}

			// Replay gives the same outcomes and asks the server nothing.
			calls := srv.calls.Load()
			vars["SYLLOBENCH_MODE"] = "replay"
			s2, err := open(t, vars, true)
			if err != nil {
				t.Fatal(err)
			}
			defer s2.Close()
			replayed := runSample(t, s2)
			for probe, rs := range replayed {
				for i, r := range rs {
					was := recorded[probe][i]
					if h.rule == "" {
						var miss *fixture.MissError
						if r.Outcome != probes.Error || !errors.As(r.Err, &miss) {
							t.Errorf("replay of %s: outcome %s, error %v; want a miss, since nothing was recorded", r.ID, r.Outcome, r.Err)
						}
						continue
					}
					if r.Outcome != was.Outcome || r.Verdict != was.Verdict || r.Reply != was.Reply {
						t.Errorf("replay of %s: %s by %s; recorded %s by %s", r.ID, r.Outcome, r.Verdict, was.Outcome, was.Verdict)
					}
				}
			}
			if n := srv.calls.Load() - calls; n != 0 {
				t.Errorf("replay asked the server %d times", n)
			}
		})
	}
}

// checkScorecard checks a scorecard of a run on which every question got
// reply h.
func checkScorecard(t *testing.T, sc *scorecard.Scorecard, h hostileReply) {
	t.Helper()
	n := 0
	for _, sp := range sample {
		n += sp.n
	}
	if len(sc.Items) != n || len(sc.Probes) != len(sample) {
		t.Fatalf("scorecard with %d items in %d probes, want %d in %d", len(sc.Items), len(sc.Probes), n, len(sample))
	}
	for _, p := range sc.Probes {
		switch {
		case h.rule == verdict.AnswerLine:
			if p.Correct+p.Wrong != p.N {
				t.Errorf("probe %s: %+v; want every control reply answered", p.Name, p)
			}
		case p.Wrong != 0 || p.Correct != 0:
			t.Errorf("probe %s: %d right and %d wrong; a hostile reply is no answer", p.Name, p.Correct, p.Wrong)
		case h.rule == "" && (p.Errors != p.N || p.Passed):
			t.Errorf("probe %s: %d errors of %d, passed %v; want every request an infrastructure error, and the probe not passed", p.Name, p.Errors, p.N, p.Passed)
		case h.rule == probes.CutOff && p.Truncated != p.N:
			t.Errorf("probe %s: %d truncated of %d", p.Name, p.Truncated, p.N)
		case h.rule != "" && h.rule != probes.CutOff && p.Unparseable != p.N:
			t.Errorf("probe %s: %d unparseable of %d", p.Name, p.Unparseable, p.N)
		}
	}
	for _, it := range sc.Items {
		switch {
		case h.rule == "" && (it.Outcome != "error" || it.Error == ""):
			t.Errorf("item %s: outcome %s, error %q", it.ID, it.Outcome, it.Error)
		case h.rule == probes.CutOff && (it.Outcome != "truncated" || it.Rule != string(h.rule) || it.Verdict != ""):
			t.Errorf("item %s: outcome %s by %q, verdict %q; want truncated, with no verdict", it.ID, it.Outcome, it.Rule, it.Verdict)
		case h.rule != "" && h.rule != verdict.AnswerLine && h.rule != probes.CutOff && (it.Outcome != "unparseable" || it.Rule != string(h.rule)):
			t.Errorf("item %s: outcome %s by %q; want unparseable by %q", it.ID, it.Outcome, it.Rule, h.rule)
		}
	}
	if h.name == "one-megabyte" && len(sc.Items[0].Reply) != len(huge) {
		t.Errorf("the scorecard keeps a reply of %d bytes, want all %d", len(sc.Items[0].Reply), len(huge))
	}
}

// TestHostileBattery runs the whole battery (every probe at the small
// size, in parallel as go test runs it) against a server that spreads
// every hostile reply over the questions. The run completes, nothing is
// counted right or wrong, the summary, the scorecard and the report are
// written, and the scorecard reads back.
func TestHostileBattery(t *testing.T) {
	t.Parallel()
	// A model name that needs escaping everywhere it goes.
	const name = `hostile/<b>"model"&amp;`
	srv := newHostileServer(t, name, inTurn(hostileReplies))
	out := t.TempDir()
	// Every question reaches the server, however many fail in a row.
	s, err := open(t, map[string]string{
		"SYLLOBENCH_BASE_URL": srv.URL + "/v1", "SYLLOBENCH_MODEL": name, "SYLLOBENCH_MODE": "live",
		"SYLLOBENCH_OUT": out, "SYLLOBENCH_SIZE": "small", "SYLLOBENCH_RETRIES": "0", "SYLLOBENCH_MAX_FAILURES": "1000",
	}, false)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	results := make([][]probes.Result, len(probes.All()))
	assessments := make([]probes.Assessment, len(probes.All()))
	for i, p := range probes.All() {
		wg.Go(func() {
			a, rs, err := s.Probe(t.Context(), p)
			if err != nil {
				t.Error(err)
			}
			results[i], assessments[i] = rs, a
		})
	}
	wg.Wait()
	total := 0
	for i, a := range assessments {
		total += len(results[i])
		if a.Tally.Wrong != 0 || a.Tally.Correct != 0 {
			t.Errorf("probe %s: %+v; no hostile reply is an answer", a.Probe, a.Tally)
		}
		if a.Tally.Unparseable+a.Tally.Truncated+a.Tally.Errors != a.Tally.N || a.Tally.N != len(results[i]) {
			t.Errorf("probe %s: %+v over %d results; want every one unparseable, truncated or an error", a.Probe, a.Tally, len(results[i]))
		}
		if a.Tally.Errors > 0 && len(a.Infrastructure) == 0 {
			t.Errorf("probe %s: %d errors, not reported as infrastructure failures", a.Probe, a.Tally.Errors)
		}
		for _, r := range results[i] {
			wantOutcome(t, srv.replyTo(t, r), r)
		}
	}
	// Every reply went to every kind of question, and to each open
	// question a different one: the small battery has fewer open
	// questions than there are replies.
	open := 0
	for _, rs := range results {
		for _, r := range rs {
			if r.Item.Kind == question.Open {
				open++
			}
		}
	}
	openServed := 0
	for _, h := range hostileReplies {
		openServed += min(srv.served[h.name]["open"], 1)
		for _, k := range []string{"yesno", "truth", "choice"} {
			if srv.served[h.name][k] == 0 {
				t.Errorf("no %s question got the reply %s: served %v", k, h.name, srv.served[h.name])
			}
		}
	}
	if want := min(open, len(hostileReplies)); open == 0 || openServed != want {
		t.Errorf("%d open questions got %d different replies; want %d", open, openServed, want)
	}
	var summary strings.Builder
	s.Summary(&summary)
	if !strings.Contains(summary.String(), "unparseable") || !strings.Contains(summary.String(), "ERROR (infrastructure)") {
		t.Errorf("summary:\n%s", summary.String())
	}
	if stop := s.Stopped(); stop != nil {
		t.Errorf("the run stopped: %v", stop)
	}
	if _, err := s.WriteOutputs(); err != nil {
		t.Fatalf("writing the scorecard: %v", err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	sc, err := scorecard.ReadFile(filepath.Join(out, "scorecard.json"))
	if err != nil {
		t.Fatalf("rereading the scorecard: %v", err)
	}
	if len(sc.Items) != total || sc.Model != name || len(sc.Probes) != len(probes.All()) {
		t.Errorf("scorecard of %q with %d items in %d probes; want %q, %d, %d", sc.Model, len(sc.Items), len(sc.Probes), name, total, len(probes.All()))
	}
	text := renderReport(t, sc)
	if !strings.Contains(text, name) {
		t.Errorf("the report does not name the model %q", name)
	}
	info, _ := os.Stat(filepath.Join(out, "scorecard.json"))
	t.Logf("%d questions, %d requests; scorecard %d bytes", total, srv.calls.Load(), info.Size())
}

// TestHostileRepliesCommand runs syllobench run, as a user would, in record
// mode against the mixed hostile server, then again in replay mode, and
// renders the report with syllobench report: each completes, says that
// the failed requests are the infrastructure's, counts nothing wrong, and
// leaves valid fixtures.
func TestHostileRepliesCommand(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the command; -short skips it")
	}
	t.Parallel()
	// The megabyte reply is left out: recorded into a file that is
	// rewritten on every answer, it costs seconds, and TestHostileReplies
	// records and replays it already.
	mix := slices.DeleteFunc(slices.Clone(hostileReplies), func(h hostileReply) bool { return h.name == "one-megabyte" })
	srv := newHostileServer(t, "hostile-model", inTurn(mix))
	work, fixtures := t.TempDir(), t.TempDir()
	vars := []string{"SYLLOBENCH_BASE_URL=" + srv.URL + "/v1", "SYLLOBENCH_MODEL=hostile-model",
		"SYLLOBENCH_FIXTURES=" + fixtures, "SYLLOBENCH_RETRIES=0", "SYLLOBENCH_MAX_FAILURES=1000"}
	args := []string{"run", "-size", "small", "-probe", "validity,chains,conclusions"}
	var cards []*scorecard.Scorecard
	for _, mode := range []string{"record", "replay"} {
		out := filepath.Join(work, mode)
		start := time.Now()
		res := command(t, work, append(vars, "SYLLOBENCH_MODE="+mode), append(args, "-out", out)...)
		t.Logf("syllobench run in %s mode: %v", mode, time.Since(start).Round(time.Millisecond))
		if res.code != 1 || !strings.Contains(res.stderr, "requests failed (infrastructure, not the model)") {
			t.Errorf("%s: want exit 1 for the requests that got no chat completion:\n%s", mode, res)
		}
		sc, err := scorecard.ReadFile(filepath.Join(out, "scorecard.json"))
		if err != nil {
			t.Fatalf("%s: %v\n%s", mode, err, res)
		}
		for _, p := range sc.Probes {
			if p.Wrong != 0 || p.Correct != 0 || p.Unparseable == 0 || p.Errors == 0 {
				t.Errorf("%s: probe %s: %+v; want unparseable replies and errors, nothing right or wrong", mode, p.Name, p)
			}
		}
		cards = append(cards, sc)
		verifyFixtures(t, fixtures)
	}
	if diff := outcomes(cards[0]); diff != outcomes(cards[1]) {
		t.Errorf("replay gave other outcomes than the recording:\n%s\n%s", diff, outcomes(cards[1]))
	}
	res := command(t, work, nil, "report", "-o", filepath.Join(work, "report.html"),
		filepath.Join(work, "record", "scorecard.json"), filepath.Join(work, "replay", "scorecard.json"))
	if res.code != 0 {
		t.Fatalf("syllobench report:\n%s", res)
	}
	page, err := os.ReadFile(filepath.Join(work, "report.html"))
	if err != nil {
		t.Fatal(err)
	}
	checkXML(t, page)
	res = command(t, work, nil, "fixtures", "verify", fixtures)
	if res.code != 0 {
		t.Errorf("syllobench fixtures verify:\n%s", res)
	}
}

// outcomes lists the outcome and rule of every item, one a line; errors
// count as one outcome, since a replay miss and a failed request differ.
func outcomes(sc *scorecard.Scorecard) string {
	var b strings.Builder
	for _, it := range sc.Items {
		fmt.Fprintf(&b, "%s %s %s\n", it.ID, it.Outcome, it.Rule)
	}
	return b.String()
}

// TestHostileBreaker: with the breaker of run.Open, a server that never
// gives a chat completion stops the run after SYLLOBENCH_MAX_FAILURES
// failures in a row, and one that refuses the key stops it at the first
// refusal. The run says why (a *run.StopError with the last error), the
// rest of the questions become errors without being asked, nothing is
// counted right or wrong, and the scorecard is still written.
func TestHostileBreaker(t *testing.T) {
	notCompletion := hostileReplies[slices.IndexFunc(hostileReplies, func(h hostileReply) bool { return h.name == "json-as-content" })]
	for _, tc := range []struct {
		name        string
		maxFailures string
		limit       int64 // the failures that stop the run
		status      int   // 0: the hostile reply; else this status for every question
		reason      string
	}{
		{name: "not-a-completion", maxFailures: "3", limit: 3, reason: "the run stopped after 3 requests failed in a row (SYLLOBENCH_MAX_FAILURES)"},
		{name: "refused-key", maxFailures: "1000", limit: 1, status: http.StatusUnauthorized, reason: "the server refused the key (HTTP 401)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var calls *atomic.Int64
			var url string
			if tc.status == 0 {
				srv := newHostileServer(t, "hostile-model", always(notCompletion))
				calls, url = &srv.calls, srv.URL
			} else {
				// It lists the model, as a server that checks the key
				// only for completions does, so that the check passes.
				calls = new(atomic.Int64)
				srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
					if r.Method == http.MethodGet {
						writeModels(w, "hostile-model")
						return
					}
					calls.Add(1)
					w.Header().Set("Content-Type", "application/json")
					w.WriteHeader(tc.status)
					fmt.Fprint(w, `{"error":{"message":"invalid key","type":"invalid_request_error"}}`)
				}))
				t.Cleanup(srv.Close)
				url = srv.URL
			}
			const workers = 4
			out := t.TempDir()
			s, err := open(t, map[string]string{
				"SYLLOBENCH_BASE_URL": url + "/v1", "SYLLOBENCH_MODEL": "hostile-model", "SYLLOBENCH_MODE": "live",
				"SYLLOBENCH_OUT": out, "SYLLOBENCH_SIZE": "small", "SYLLOBENCH_RETRIES": "0",
				"SYLLOBENCH_CONCURRENCY": strconv.Itoa(workers), "SYLLOBENCH_MAX_FAILURES": tc.maxFailures,
			}, true)
			if err != nil {
				t.Fatal(err)
			}
			questions := 0
			for _, name := range []string{"validity", "chains", "conclusions"} {
				p, _ := probes.ByName(name)
				a, rs, err := s.Probe(t.Context(), p)
				if err != nil {
					t.Fatal(err)
				}
				questions += len(rs)
				if a.Tally.Errors != a.Tally.N || a.Tally.N != len(rs) || len(a.Infrastructure) == 0 {
					t.Errorf("probe %s: %+v over %d results, infrastructure %q; want every one an infrastructure error", name, a.Tally, len(rs), a.Infrastructure)
				}
			}
			var stop *run.StopError
			if err := s.Stopped(); !errors.As(err, &stop) || !strings.Contains(stop.Error(), tc.reason) {
				t.Errorf("Stopped() = %v; want a *run.StopError saying %q", err, tc.reason)
			}
			var ie *model.InfraError
			if stop != nil && !errors.As(stop, &ie) {
				t.Errorf("the stop %v does not wrap the last request's *model.InfraError", stop)
			}
			// Each worker may have had one request in flight when the
			// run stopped; nothing is asked after.
			if calls := calls.Load(); calls < tc.limit || calls > tc.limit+workers-1 {
				t.Errorf("%d requests of %d questions; want the %d that stopped the run and at most the %d in flight", calls, questions, tc.limit, workers-1)
			}
			if _, err := s.WriteOutputs(); err != nil {
				t.Fatal(err)
			}
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			sc, err := scorecard.ReadFile(filepath.Join(out, "scorecard.json"))
			if err != nil {
				t.Fatalf("the stopped run's scorecard: %v", err)
			}
			if len(sc.Items) != questions {
				t.Errorf("the scorecard has %d items, want all %d questions", len(sc.Items), questions)
			}
			for _, p := range sc.Probes {
				if p.Correct != 0 || p.Wrong != 0 || p.Errors != p.N {
					t.Errorf("probe %s: %+v; want every question an error", p.Name, p)
				}
			}
		})
	}
}
