package run

import (
	"context"
	"net/http"
	"net/http/httptest"
	"sync"

	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/syllobench/syllobench/internal/model"

	"github.com/google/go-cmp/cmp"
)

func TestLoadAll(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	models := write("models.txt", "# two servers\n\nhttp://127.0.0.1:1/v1  small-model\nhttps://api.example.com/v1 big-model  BIG_KEY\n")
	type got struct {
		Model, BaseURL, Key, Out string
	}
	load := func(vars map[string]string, flags map[string]Flag, every bool) ([]got, error) {
		vars["SYLLOBENCH_MODE"] = "live"
		all, err := LoadAll(Source{Getenv: env(vars), Environ: []string{}, Flags: flags, EveryReasoner: every})
		var gs []got
		for _, s := range all {
			key := ""
			if s.Model.HasAPIKey() {
				key = "key"
			}
			gs = append(gs, got{s.Model.Model, s.Model.BaseURL, key, s.Out})
		}
		return gs, err
	}
	out := filepath.Join("syllobench-out")
	for _, tc := range []struct {
		name  string
		vars  map[string]string
		flags map[string]Flag
		every bool
		want  []got
	}{
		{"one model", map[string]string{"SYLLOBENCH_MODEL": "ref-belief"}, nil, true,
			[]got{{"ref-belief", "", "", out}}},
		{"nothing: go test asks ref-logic", map[string]string{}, nil, false,
			[]got{{"ref-logic", "", "", out}}},
		{"nothing: run asks every reasoner", map[string]string{}, nil, true, nil},
		{"a list on one server", map[string]string{"SYLLOBENCH_MODEL": "a, b", "SYLLOBENCH_BASE_URL": "http://h:1/v1", "SYLLOBENCH_API_KEY": "k1"}, nil, false,
			[]got{{"a", "http://h:1/v1", "key", filepath.Join(out, "a")}, {"b", "http://h:1/v1", "key", filepath.Join(out, "b")}}},
		{"a list by flag", map[string]string{"SYLLOBENCH_MODEL": "ignored"}, map[string]Flag{"SYLLOBENCH_MODEL": {"model", "ref-logic,ref-coin"}}, false,
			[]got{{"ref-logic", "", "", filepath.Join(out, "ref-logic")}, {"ref-coin", "", "", filepath.Join(out, "ref-coin")}}},
		// Each server gets its own key, and no other: SYLLOBENCH_API_KEY
		// is not sent to the server of a line without a key variable.
		{"a models file", map[string]string{"SYLLOBENCH_MODELS_FILE": models, "BIG_KEY": "k2", "SYLLOBENCH_API_KEY": "k1", "OPENAI_API_KEY": "k0"}, nil, false,
			[]got{{"small-model", "http://127.0.0.1:1/v1", "", filepath.Join(out, "small-model")}, {"big-model", "https://api.example.com/v1", "key", filepath.Join(out, "big-model")}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			gs, err := load(tc.vars, tc.flags, tc.every)
			if err != nil {
				t.Fatal(err)
			}
			if tc.want == nil { // every reasoner
				if len(gs) < 5 || gs[0].Model != "ref-logic" || gs[1].Out != filepath.Join(out, gs[1].Model) {
					t.Errorf("got %+v, want every built-in reasoner, each in its folder", gs)
				}
				return
			}
			if diff := cmp.Diff(tc.want, gs); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}

	for _, tc := range []struct {
		name string
		vars map[string]string
		want string
	}{
		{"an empty name", map[string]string{"SYLLOBENCH_MODEL": "a,,b"}, "none empty"},
		{"a name twice", map[string]string{"SYLLOBENCH_MODEL": "ref-logic,ref-logic"}, "ref-logic is named twice"},
		{"both a file and a list", map[string]string{"SYLLOBENCH_MODELS_FILE": models, "SYLLOBENCH_MODEL": "a,b"}, "not both"},
		{"a file and a base URL", map[string]string{"SYLLOBENCH_MODELS_FILE": models, "SYLLOBENCH_BASE_URL": "http://h:1/v1"}, "not both"},
		{"a key variable that is empty", map[string]string{"SYLLOBENCH_MODELS_FILE": models}, "line 4: the key variable BIG_KEY to be set"},
		{"no file", map[string]string{"SYLLOBENCH_MODELS_FILE": filepath.Join(dir, "none.txt")}, "no such file"},
		{"an empty file", map[string]string{"SYLLOBENCH_MODELS_FILE": write("empty.txt", "# nothing\n")}, "no model in it"},
		{"one field", map[string]string{"SYLLOBENCH_MODELS_FILE": write("one.txt", "http://h:1/v1\n")}, "line 1: want a base URL, a model"},
		{"not a URL", map[string]string{"SYLLOBENCH_MODELS_FILE": write("url.txt", "localhost:11434 m\n")}, "line 1: \"localhost:11434\" is not an http or https base URL"},
		{"a key in the file", map[string]string{"SYLLOBENCH_MODELS_FILE": write("key.txt", "http://h:1/v1 m sk-secret-key-123\n")}, "line 1: the third field is not the name of a variable"},
		{"a model twice", map[string]string{"SYLLOBENCH_MODELS_FILE": write("twice.txt", "http://h:1/v1 m\nhttp://g:1/v1 m\n")}, "line 2: model m is already on line 1"},
		{"a bad name in a list", map[string]string{"SYLLOBENCH_MODEL": "ref-logic,gpt-9"}, `SYLLOBENCH_MODEL="gpt-9": want a built-in reasoner`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := load(tc.vars, nil, false)
			if err == nil || !errors.Is(err, ErrBadConfig) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want a configuration error saying %q", err, tc.want)
			}
			if err != nil && strings.Contains(err.Error(), "sk-") {
				t.Errorf("the error shows the key: %v", err)
			}
		})
	}
}

// Each server of a models file is sent its own key, and no other.
func TestModelsFileKeys(t *testing.T) {
	seen := map[string]string{}
	var mu sync.Mutex
	server := func(name string) string {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			mu.Lock()
			seen[name] = r.Header.Get("Authorization")
			mu.Unlock()
			http.Error(w, "no", http.StatusTeapot)
		}))
		t.Cleanup(srv.Close)
		return srv.URL + "/v1"
	}
	a, b := server("a"), server("b")
	path := filepath.Join(t.TempDir(), "models.txt")
	if err := os.WriteFile(path, []byte(a+" model-a\n"+b+" model-b KEY_B\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	all, err := LoadAll(Source{Getenv: env(map[string]string{"SYLLOBENCH_MODELS_FILE": path, "SYLLOBENCH_MODE": "live",
		"KEY_B": "key-of-b", "SYLLOBENCH_API_KEY": "key-of-everyone", "OPENAI_API_KEY": "key-of-openai"}), Environ: []string{}})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range all {
		cfg := s.Model
		cfg.Retries = 0
		c, err := model.NewClient(cfg)
		if err != nil {
			t.Fatal(err)
		}
		c.Complete(context.Background(), model.Request{Model: cfg.Model, Messages: []model.Message{{Role: "user", Content: "hi"}}})
	}
	want := map[string]string{"a": "", "b": "Bearer key-of-b"}
	if diff := cmp.Diff(want, seen); diff != "" {
		t.Errorf("the Authorization each server saw (-want +got):\n%s", diff)
	}
}

// A question missing from the fixtures of one model of several says how
// to record it for that model alone.
func TestAloneInTheRecordCommand(t *testing.T) {
	path := filepath.Join(t.TempDir(), "models.txt")
	if err := os.WriteFile(path, []byte("http://h:1/v1 model-a\nhttp://g:1/v1 b'c KEY_B\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, vars := range []map[string]string{
		{"SYLLOBENCH_MODEL": "a,b"},
		{"SYLLOBENCH_MODELS_FILE": path, "KEY_B": "secret-b"},
		{"SYLLOBENCH_MODEL": "a"},
	} {
		vars["SYLLOBENCH_MODE"] = "replay"
		all, err := LoadAll(Source{Getenv: env(vars), Environ: []string{}})
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range all {
			got = append(got, s.Alone)
		}
	}
	want := []string{"SYLLOBENCH_MODEL=a", "SYLLOBENCH_MODEL=b",
		"SYLLOBENCH_MODELS_FILE= SYLLOBENCH_BASE_URL=http://h:1/v1 SYLLOBENCH_MODEL=model-a",
		`SYLLOBENCH_MODELS_FILE= SYLLOBENCH_BASE_URL=http://g:1/v1 SYLLOBENCH_MODEL='b'\''c' SYLLOBENCH_API_KEY="$KEY_B"`, ""}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// A server of a models file that refuses its key is told of in one line
// that names the variable and the line the key comes from, not
// SYLLOBENCH_API_KEY, which that server is never sent.
func TestModelsFileRefusedKey(t *testing.T) {
	refuse := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, `{"error":{"message":"invalid api key"}}`, http.StatusUnauthorized)
	}))
	t.Cleanup(refuse.Close)
	path := filepath.Join(t.TempDir(), "models.txt")
	if err := os.WriteFile(path, []byte(refuse.URL+"/v1 with-key KEY_X\n"+refuse.URL+"/v1 without-key\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	all, err := LoadAll(Source{Getenv: env(map[string]string{"SYLLOBENCH_MODELS_FILE": path, "SYLLOBENCH_MODE": "live", "KEY_X": "sk-sentinel-x"}), Environ: []string{}})
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range []string{
		"HTTP 401 (the key was refused): set KEY_X (named on line 1 of " + path + ") to a key it accepts",
		"HTTP 401 (no key was sent): name the variable that holds its key on line 2 of " + path + ", and set it",
	} {
		_, err := Open(context.Background(), all[i])
		if err == nil || !strings.Contains(err.Error(), want) || strings.Contains(err.Error(), "sk-sentinel") {
			t.Errorf("%s: %v; want it to say %q", all[i].Model.Model, err, want)
		}
	}
}
