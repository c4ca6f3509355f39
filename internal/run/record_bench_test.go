package run

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/syllobench/syllobench/internal/fixture"
	"github.com/syllobench/syllobench/probes"
)

// instantServer is an OpenAI-compatible server that answers every
// question at once with "Answer: yes" after pad bytes of reasoning, and
// lists the model m: the fastest server a run can meet, so that what is
// measured is syllobench's own cost.
func instantServer(b *testing.B, m string, pad int) string {
	b.Helper()
	text := strconv.Quote(strings.Repeat("Because it follows. ", pad/20) + "\nAnswer: yes")
	body := []byte(`{"choices":[{"message":{"role":"assistant","content":` + text + `},"finish_reason":"stop"}],"usage":{"prompt_tokens":10,"completion_tokens":3}}`)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body)
		if strings.HasSuffix(r.URL.Path, "/models") {
			io.WriteString(w, `{"object":"list","data":[{"id":"`+m+`","object":"model"}]}`)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.Write(body)
	}))
	b.Cleanup(srv.Close)
	return srv.URL + "/v1"
}

// BenchmarkRecord runs the whole battery (every probe and the
// content-bias corpus) against an instant local server at concurrency
// 32, live and recording into an empty fixtures directory, with replies
// of 0, 4 and 64 KB, at the default and the large size. Recording should
// cost about what asking costs (record/live ≤ 2), and grow linearly with
// the items (large/default close to the ratio of their item counts):
//
//	go test -run '^$' -bench Record -benchtime 3x ./internal/run
func BenchmarkRecord(b *testing.B) {
	for _, pad := range []int{0, 4 << 10, 64 << 10} {
		for _, size := range []probes.Size{probes.Default, probes.Large} {
			for _, mode := range []fixture.Mode{fixture.Live, fixture.Record} {
				b.Run(fmt.Sprintf("reply=%dKB/size=%s/mode=%s", pad>>10, size, mode), func(b *testing.B) {
					benchmarkRun(b, pad, size, mode)
				})
			}
		}
	}
}

func benchmarkRun(b *testing.B, pad int, size probes.Size, mode fixture.Mode) {
	const name = "instant"
	url := instantServer(b, name, pad)
	items := 0
	var elapsed time.Duration
	for b.Loop() {
		vars := map[string]string{"SYLLOBENCH_BASE_URL": url, "SYLLOBENCH_MODEL": name, "SYLLOBENCH_MODE": mode.String(),
			"SYLLOBENCH_SIZE": string(size), "SYLLOBENCH_CONCURRENCY": "32", "SYLLOBENCH_FIXTURES": b.TempDir()}
		settings, err := Load(Source{Getenv: func(k string) string { return vars[k] }, Environ: []string{}})
		if err != nil {
			b.Fatal(err)
		}
		start := time.Now()
		s, err := Open(context.Background(), settings)
		if err != nil {
			b.Fatal(err)
		}
		if err := s.All(context.Background()); err != nil {
			b.Fatal(err)
		}
		if err := s.Close(); err != nil {
			b.Fatal(err)
		}
		elapsed += time.Since(start)
		sc := s.Scorecard()
		items = len(sc.Items)
		for _, p := range sc.Probes {
			if p.Errors > 0 {
				b.Fatalf("probe %s: %d errors", p.Name, p.Errors)
			}
		}
	}
	b.ReportMetric(float64(items), "items")
	b.ReportMetric(float64(items*b.N)/elapsed.Seconds(), "items/s")
}
