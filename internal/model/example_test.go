package model_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"

	"github.com/syllobench/syllobench/internal/model"
)

func ExampleClient() {
	// A stand-in for Ollama, vLLM, llama.cpp server or OpenAI.
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, `{"choices":[{"message":{"role":"assistant","content":"Answer: No",
			"reasoning_content":"Some A are not B…"},"finish_reason":"stop"}],
			"usage":{"prompt_tokens":31,"completion_tokens":9},"system_fingerprint":"fp_1"}`)
	}))
	defer srv.Close()

	cfg := model.DefaultConfig()
	cfg.BaseURL, cfg.Model = srv.URL+"/v1", "qwen2.5:7b"
	cfg = cfg.WithAPIKey("sk-secret")
	c, err := model.NewClient(cfg)
	if err != nil {
		panic(err)
	}
	resp, err := c.Complete(context.Background(), cfg.NewRequest(
		model.Message{Role: "user", Content: "All A are B. Does it follow that all B are A?"}))
	if err != nil {
		panic(err)
	}
	fmt.Printf("%q (%s), reasoning %q\n", resp.Text, resp.FinishReason, resp.Reasoning)
	fmt.Println(resp.Usage.PromptTokens, resp.Usage.CompletionTokens, c.Stats().Requests)
	fmt.Println(cfg.Model, cfg.Temperature, cfg.HasAPIKey())
	// Output:
	// "Answer: No" (stop), reasoning "Some A are not B…"
	// 31 9 1
	// qwen2.5:7b 0 true
}
