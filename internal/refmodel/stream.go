package refmodel

import (
	"bytes"
	"encoding/json"
	"net/http"
)

// chunk is OpenAI's chat.completion.chunk object.
type chunk struct {
	ID                string        `json:"id"`
	Object            string        `json:"object"`
	Created           int64         `json:"created"`
	Model             string        `json:"model"`
	SystemFingerprint string        `json:"system_fingerprint"`
	Choices           []chunkChoice `json:"choices"`
	Usage             *usage        `json:"usage,omitempty"`
}

type chunkChoice struct {
	Index        int       `json:"index"`
	Delta        delta     `json:"delta"`
	Logprobs     *struct{} `json:"logprobs"`
	FinishReason *string   `json:"finish_reason"`
}

type delta struct {
	Role    string  `json:"role,omitempty"`
	Content *string `json:"content,omitempty"`
}

// writeStream sends c as server-sent events, as OpenAI streams: a chunk
// with the role and empty content, a chunk per word of the text (with the
// whitespace after it), a chunk with an empty delta and the finish reason,
// with includeUsage a chunk with no choices and the usage, then
// "data: [DONE]". Each event is flushed as it is written.
//
// With truncate, only the first half of the events goes out, and then the
// connection is aborted, so that the client sees a stream cut short.
func writeStream(w http.ResponseWriter, c *completion, includeUsage, truncate bool) {
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-cache")
	h.Set("Connection", "keep-alive")
	w.WriteHeader(http.StatusOK)

	var events [][]byte
	add := func(ch chunk) {
		ch.ID, ch.Object, ch.Model, ch.SystemFingerprint = c.id, "chat.completion.chunk", c.model, systemFingerprint
		if ch.Choices == nil {
			ch.Choices = []chunkChoice{}
		}
		var buf bytes.Buffer
		buf.WriteString("data: ")
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		enc.Encode(ch) // cannot fail: strings and numbers only; adds "\n"
		buf.WriteByte('\n')
		events = append(events, buf.Bytes())
	}
	empty := ""
	add(chunk{Choices: []chunkChoice{{Delta: delta{Role: "assistant", Content: &empty}}}})
	for _, p := range pieces(c.text) {
		add(chunk{Choices: []chunkChoice{{Delta: delta{Content: &p}}}})
	}
	finish := c.finishReason
	add(chunk{Choices: []chunkChoice{{FinishReason: &finish}}})
	if includeUsage {
		u := c.usage
		add(chunk{Usage: &u})
	}
	events = append(events, []byte("data: [DONE]\n\n"))

	rc := http.NewResponseController(w)
	if truncate {
		events = events[:len(events)/2]
	}
	for _, e := range events {
		if _, err := w.Write(e); err != nil {
			return // the client went away
		}
		rc.Flush()
	}
	if truncate {
		// End the response without the terminating chunk of the chunked
		// encoding: the client's read fails with an unexpected EOF.
		panic(http.ErrAbortHandler)
	}
}

// pieces splits s into words, each with the whitespace after it (the
// first one with the whitespace before it too), so that their
// concatenation is s.
func pieces(s string) []string {
	var out []string
	start, inWord, sawWord := 0, false, false
	for i, r := range s {
		sp := isSpace(r)
		if !sp && !inWord && sawWord {
			out = append(out, s[start:i])
			start = i
		}
		if !sp {
			sawWord = true
		}
		inWord = !sp
	}
	if start < len(s) {
		out = append(out, s[start:])
	}
	return out
}
