package hostile

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/syllobench/syllobench/internal/fixture"
	"github.com/syllobench/syllobench/internal/model"
	"github.com/syllobench/syllobench/internal/refmodel"
	"github.com/syllobench/syllobench/internal/run"
	"github.com/syllobench/syllobench/internal/scorecard"
	"github.com/syllobench/syllobench/probes"
)

// The sentinels: an API key and the password of the base URL.
const (
	sentinelKey  = "sk-SENTINELKEY-7c1d9e3f0a55"
	sentinelUser = "user"
	sentinelPass = "SENTINELPASS-b83e41d6"
)

// secretForms are the sentinels as they could leak: as they are, and the
// basic-auth token of the URL's credentials.
func secretForms() []string {
	return []string{sentinelKey, sentinelPass,
		base64.StdEncoding.EncodeToString([]byte(sentinelUser + ":" + sentinelPass)),
		base64.StdEncoding.EncodeToString([]byte(sentinelKey)),
	}
}

// leaks returns the secret forms found in s.
func leaks(s string) []string {
	var found []string
	for _, f := range secretForms() {
		if strings.Contains(s, f) {
			found = append(found, f)
		}
	}
	return found
}

// echoServer serves the reference reasoners, except that some questions
// get a reply that echoes the request back, credentials included: error
// statuses with JSON and plain-text bodies, a refusal of the question
// (recorded in the fixtures), a 200 whose reply text is the echo
// (recorded too), and a dropped connection. The list of models (GET
// /models), which run.Open checks first, is the reasoners'.
type echoServer struct {
	*httptest.Server
	authorized atomic.Int64 // requests that carried the expected credentials
	echoed     atomic.Int64
	kinds      [8]atomic.Int64 // questions answered with each kind of reply
}

func newEchoServer(t *testing.T, wantAuth string) *echoServer {
	t.Helper()
	ref := refmodel.NewHandler(refmodel.All())
	s := &echoServer{}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") == wantAuth {
			s.authorized.Add(1)
		}
		if r.Method == http.MethodGet {
			ref.ServeHTTP(w, r)
			return
		}
		body, _ := io.ReadAll(r.Body)
		user, pass, _ := r.BasicAuth()
		echo := fmt.Sprintf("you sent Authorization: %s; basic user %s password %s; URL %s; Host %s; RequestURI %s; body %.200s",
			r.Header.Get("Authorization"), user, pass, r.URL, r.Host, r.RequestURI, body)
		var req chatRequest
		_ = json.Unmarshal(body, &req)
		h := fnv.New32a()
		h.Write([]byte(req.question()))
		kind := h.Sum32() % 8
		s.kinds[kind].Add(1)
		if kind < 6 {
			s.echoed.Add(1)
		}
		switch kind {
		case 0:
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusUnauthorized)
			fmt.Fprintf(w, `{"error":{"message":%s,"type":"invalid_request_error"}}`, rawString(echo))
		case 1:
			http.Error(w, echo, http.StatusForbidden)
		case 2:
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusUnprocessableEntity)
			fmt.Fprintf(w, `{"error":{"message":%s,"type":"invalid_request_error","code":%q}}`, rawString(echo), model.CodeNotApplicable)
		case 3:
			writeCompletion(w, req.Model, `{"role":"assistant","content":`+rawString(echo)+`,"reasoning_content":`+rawString(echo)+`}`, "stop")
		case 4:
			http.Error(w, echo, http.StatusBadRequest)
		case 5:
			conn, _, err := w.(http.Hijacker).Hijack()
			if err == nil {
				conn.Close()
			}
		default:
			r.Body = io.NopCloser(strings.NewReader(string(body)))
			ref.ServeHTTP(w, r)
		}
	}))
	t.Cleanup(s.Close)
	return s
}

// TestHostileSecrets runs a whole record → replay → scorecard → report →
// compare cycle, in process and with the syllobench command, with a
// sentinel API key and a base URL carrying a password, against a server
// that echoes the credentials back in its errors and replies. Neither
// sentinel, nor the basic-auth token of the URL, appears in any file
// written or any line printed. Without a key, the URL's credentials go
// out as basic auth, and the same holds.
//
// The server refuses the key (401, 403) for some questions, which stops
// a run opened by run.Open at the first: the in-process recording is
// made without the breaker, so that every kind of echo reaches the
// fixtures, the scorecard and the report; a live run through run.Open
// then shows that the error the run stops with keeps the secrets too.
func TestHostileSecrets(t *testing.T) {
	for _, withKey := range []bool{true, false} {
		t.Run(fmt.Sprintf("key=%v", withKey), func(t *testing.T) {
			t.Parallel()
			wantAuth := "Basic " + base64.StdEncoding.EncodeToString([]byte(sentinelUser+":"+sentinelPass))
			if withKey {
				wantAuth = "Bearer " + sentinelKey
			}
			srv := newEchoServer(t, wantAuth)
			u, _ := url.Parse(srv.URL)
			baseURL := "http://" + sentinelUser + ":" + sentinelPass + "@" + u.Host + "/v1"
			root := t.TempDir()
			var printed strings.Builder // everything printed, to search

			// In process: record, then replay, with a scorecard each;
			// then live through run.Open, which the first refused key
			// stops; and the report of all three.
			vars := map[string]string{
				"SYLLOBENCH_BASE_URL": baseURL, "SYLLOBENCH_MODEL": "ref-logic", "SYLLOBENCH_RETRIES": "0",
				"SYLLOBENCH_FIXTURES": filepath.Join(root, "fixtures-inprocess"), "SYLLOBENCH_SIZE": "small",
			}
			if withKey {
				vars["SYLLOBENCH_API_KEY"] = sentinelKey
			}
			var cards []*scorecard.Scorecard
			for _, mode := range []string{"record", "replay", "live"} {
				vars["SYLLOBENCH_MODE"] = mode
				vars["SYLLOBENCH_OUT"] = filepath.Join(root, "inprocess-"+mode)
				var s *run.Session
				var closeSession func() error
				if mode == "record" {
					s, closeSession = recordWithoutBreaker(t, vars)
				} else {
					var err error
					if s, err = open(t, vars, true); err != nil {
						t.Fatal(err)
					}
					closeSession = s.Close
				}
				fmt.Fprintf(&printed, "%v %+v %#v %#v %+v\n", s, s, s.Settings, s.Sampling(), s.Settings.Battery)
				for _, name := range []string{"chains", "consistency", "conclusions"} {
					p, _ := probes.ByName(name)
					a, rs, err := s.Probe(t.Context(), p)
					if err != nil {
						t.Fatal(err)
					}
					fmt.Fprintf(&printed, "%+v\n", a)
					for _, r := range rs {
						fmt.Fprintf(&printed, "%s %s %v %+v %s\n", r.ID, r.Outcome, r.Err, r.Err, probes.Counterexample(r))
					}
				}
				stop := s.Stopped()
				fmt.Fprintf(&printed, "%v %+v %#v\n", stop, stop, stop)
				if mode == "live" && stop == nil {
					t.Errorf("the live run against a server that refuses the key for some questions did not stop")
				}
				s.Summary(&printed)
				if _, err := s.WriteOutputs(); err != nil {
					t.Fatal(err)
				}
				if err := closeSession(); err != nil {
					fmt.Fprintln(&printed, err)
				}
				sc, err := scorecard.ReadFile(filepath.Join(vars["SYLLOBENCH_OUT"], "scorecard.json"))
				if err != nil {
					t.Fatal(err)
				}
				cards = append(cards, sc)
			}
			for kind := range srv.kinds {
				if srv.kinds[kind].Load() == 0 {
					t.Errorf("no question got the reply of kind %d: the test proves less than it should", kind)
				}
			}
			printed.WriteString(renderReport(t, cards...))

			// The command: run (record), run (replay), report, compare
			// and fixtures verify.
			if !testing.Short() {
				fixtures := filepath.Join(root, "fixtures-command")
				cmdVars := []string{"SYLLOBENCH_BASE_URL=" + baseURL, "SYLLOBENCH_MODEL=ref-logic",
					"SYLLOBENCH_RETRIES=0", "SYLLOBENCH_FIXTURES=" + fixtures}
				if withKey {
					cmdVars = append(cmdVars, "SYLLOBENCH_API_KEY="+sentinelKey)
				}
				runs := [][]string{
					{"SYLLOBENCH_MODE=record"}, {"run", "-size", "small", "-probe", "chains,consistency,conclusions", "-out", filepath.Join(root, "record")},
					{"SYLLOBENCH_MODE=replay"}, {"run", "-size", "small", "-probe", "chains,consistency,conclusions", "-out", filepath.Join(root, "replay")},
					nil, {"report", "-o", filepath.Join(root, "report.html"), filepath.Join(root, "record", "scorecard.json"), filepath.Join(root, "replay", "scorecard.json")},
					nil, {"compare", filepath.Join(root, "record", "scorecard.json"), filepath.Join(root, "replay", "scorecard.json")},
					nil, {"compare", "-format", "markdown", filepath.Join(root, "inprocess-record", "scorecard.json"), filepath.Join(root, "replay", "scorecard.json")},
					nil, {"fixtures", "verify", fixtures},
					// A bad URL with the password in it, and a server that
					// refuses connections.
					{"SYLLOBENCH_BASE_URL=http://" + sentinelUser + ":" + sentinelPass + "@127.0.0.1:1/v1", "SYLLOBENCH_MODE=live"},
					{"run", "-size", "small", "-probe", "chains", "-out", filepath.Join(root, "refused")},
					{"SYLLOBENCH_BASE_URL=http//" + sentinelUser + ":" + sentinelPass + "@host/v1"}, {"run", "-probe", "chains", "-out", filepath.Join(root, "bad")},
					{"SYLLOBENCH_BASE_URL=ftp://" + sentinelUser + ":" + sentinelPass + "@host/v1"}, {"run", "-probe", "chains", "-out", filepath.Join(root, "bad")},
				}
				for i := 0; i < len(runs); i += 2 {
					res := command(t, root, append(append([]string(nil), cmdVars...), runs[i]...), runs[i+1]...)
					fmt.Fprintf(&printed, "$ syllobench %s\n%s\n%s\n", strings.Join(runs[i+1], " "), res.stdout, res.stderr)
					if strings.Contains(res.stderr, "panic") {
						t.Errorf("syllobench %q panicked:\n%s", runs[i+1], res)
					}
				}
			}

			if srv.authorized.Load() == 0 || srv.echoed.Load() == 0 {
				t.Fatalf("%d requests carried the credentials and %d were echoed; the test proves nothing", srv.authorized.Load(), srv.echoed.Load())
			}
			if found := leaks(printed.String()); len(found) > 0 {
				t.Errorf("printed output holds the secrets %q:\n%s", found, excerptAround(printed.String(), found[0]))
			}
			files := 0
			err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
				if err != nil || d.IsDir() {
					return err
				}
				files++
				data, err := os.ReadFile(p)
				if err != nil {
					return err
				}
				if found := leaks(string(data)); len(found) > 0 {
					t.Errorf("%s holds the secrets %q:\n%s", p, found, excerptAround(string(data), found[0]))
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if redacted := strings.Count(printed.String(), "[redacted]"); redacted == 0 {
				t.Errorf("nothing printed says [redacted]: the echoes did not reach the output, so the test proves less than it should")
			}
			t.Logf("%d files written and %d bytes printed searched; %d requests authorized, %d echoed",
				files, printed.Len(), srv.authorized.Load(), srv.echoed.Load())
		})
	}
}

// recordWithoutBreaker opens a session in record mode with the settings
// of vars, as run.Open would, except that nothing stops the run when
// requests fail: the real client, behind the real fixture store, is asked
// every question. It returns the session and what closes it.
func recordWithoutBreaker(t *testing.T, vars map[string]string) (*run.Session, func() error) {
	t.Helper()
	settings, err := load(vars, true)
	if err != nil {
		t.Fatal(err)
	}
	client, err := model.NewClient(settings.Model)
	if err != nil {
		t.Fatal(err)
	}
	store, err := fixture.Open(settings.Fixtures, settings.Model.Model, settings.Mode, client)
	if err != nil {
		t.Fatal(err)
	}
	s := run.NewSession(t.Context(), settings, store.For)
	return s, func() error { return errors.Join(store.Close(), s.Close()) }
}

// excerptAround quotes s around the first occurrence of sub.
func excerptAround(s, sub string) string {
	i := strings.Index(s, sub)
	lo, hi := max(0, i-200), min(len(s), i+len(sub)+200)
	return "…" + s[lo:hi] + "…"
}
