package model

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"sync"
	"sync/atomic"
	"testing"
)

// BenchmarkClient measures the client's cost per live request against an
// instant server: the client's sub-benchmarks against a bare net/http POST
// of the same body, at concurrency 1 and 32. The difference is the
// client's overhead (go-openai, the body rewrite, the slot, accounting).
func BenchmarkClient(b *testing.B) {
	srv := serve(b, yes)
	body := []byte(`{"model":"test-model","messages":[{"role":"user","content":"Does it follow?"}],"temperature":0,"seed":42,"max_tokens":77}`)
	for _, conc := range []int{1, 32} {
		cfg := testConfig(srv.URL)
		cfg.Concurrency = conc
		c, err := NewClient(cfg)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("concurrency=%d/client", conc), func(b *testing.B) {
			run(b, conc, func() error {
				_, err := c.Complete(context.Background(), request())
				return err
			})
		})
		t := http.DefaultTransport.(*http.Transport).Clone()
		t.MaxIdleConnsPerHost = conc
		hc := &http.Client{Transport: t}
		b.Run(fmt.Sprintf("concurrency=%d/bare-http", conc), func(b *testing.B) {
			run(b, conc, func() error {
				resp, err := hc.Post(srv.URL+"/v1/chat/completions", "application/json", bytes.NewReader(body))
				if err != nil {
					return err
				}
				_, err = new(bytes.Buffer).ReadFrom(resp.Body)
				resp.Body.Close()
				return err
			})
		})
	}
}

// run calls do b.N times from conc goroutines.
func run(b *testing.B, conc int, do func() error) {
	b.ReportAllocs()
	var next atomic.Int64
	var wg sync.WaitGroup
	b.ResetTimer()
	for range conc {
		wg.Go(func() {
			for next.Add(1) <= int64(b.N) {
				if err := do(); err != nil {
					b.Error(err)
					return
				}
			}
		})
	}
	wg.Wait()
}
