package refmodel

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/syllobench/syllobench/internal/model"
	"github.com/syllobench/syllobench/internal/question"
)

// completionRequest is the part of OpenAI's completions request the
// reference server reads.
type completionRequest struct {
	Model     string          `json:"model"`
	Prompt    json.RawMessage `json:"prompt"`
	MaxTokens *int            `json:"max_tokens"`
	Stop      []string        `json:"stop"`
}

// completionResponse is OpenAI's text_completion object.
type completionResponse struct {
	ID                string             `json:"id"`
	Object            string             `json:"object"`
	Created           int64              `json:"created"`
	Model             string             `json:"model"`
	Choices           []completionChoice `json:"choices"`
	Usage             usage              `json:"usage"`
	SystemFingerprint string             `json:"system_fingerprint"`
}

type completionChoice struct {
	Text         string    `json:"text"`
	Index        int       `json:"index"`
	Logprobs     *struct{} `json:"logprobs"`
	FinishReason string    `json:"finish_reason"`
}

// questionLead and answerLead frame the blocks of a completions prompt
// (internal/prompt: "Question:" … "Answer:").
const (
	questionLead = "Question:"
	answerLead   = "Answer:"
)

// completions answers POST /v1/completions: a plain-text prompt of
// "Question: … / Answer: …" blocks, as syllobench asks a base model. The
// reasoner reads the last block's question, as a chat prompt's last user
// message. When the prompt ends with "Answer:" the reply is the answer
// itself (" yes"); otherwise it is the reasoner's reply in full. The
// reply stops before the first stop sequence, and at max_tokens.
func (h *Handler) completions(w http.ResponseWriter, r *http.Request, ex *exchange) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxRequestBody))
	if err != nil {
		writeError(w, ex, http.StatusBadRequest, "invalid_request_error", "", "", "Reading the request body: "+err.Error())
		return
	}
	http.NewResponseController(w).SetReadDeadline(time.Time{})
	var req completionRequest
	if err := json.Unmarshal(body, &req); err != nil {
		writeError(w, ex, http.StatusBadRequest, "invalid_request_error", "", "invalid_json",
			"The request body is not a valid completion request: "+err.Error())
		return
	}
	ex.model = req.Model
	rsn, ok := h.reasoners[req.Model]
	if !ok {
		writeError(w, ex, http.StatusNotFound, "invalid_request_error", "model", "model_not_found",
			fmt.Sprintf("The model %q does not exist.", req.Model))
		return
	}
	var prompt string
	if err := json.Unmarshal(req.Prompt, &prompt); err != nil || prompt == "" {
		writeError(w, ex, http.StatusBadRequest, "invalid_request_error", "prompt", "",
			"prompt: want one non-empty string.")
		return
	}
	if req.MaxTokens != nil && *req.MaxTokens < 1 {
		writeError(w, ex, http.StatusBadRequest, "invalid_request_error", "max_tokens", "",
			fmt.Sprintf("max_tokens %d is out of range: it must be at least 1.", *req.MaxTokens))
		return
	}
	msgs := []model.Message{{Role: "user", Content: chatQuestion(lastQuestion(prompt))}}
	reply, err := rsn.Reply(msgs)
	if replyFailed(w, ex, req.Model, err) {
		return
	}
	text := reply
	if strings.HasSuffix(strings.TrimRight(prompt, " "), answerLead) {
		text = " " + answerOf(reply)
	}
	for _, s := range req.Stop {
		if i := strings.Index(text, s); s != "" && i >= 0 {
			text = text[:i]
		}
	}
	finish := "stop"
	if req.MaxTokens != nil && CountTokens(text) > *req.MaxTokens {
		text, finish = cutTokens(text, *req.MaxTokens), "length"
	}
	sum := sha256.Sum256(body)
	u := usage{PromptTokens: CountTokens(prompt), CompletionTokens: CountTokens(text)}
	u.TotalTokens = u.PromptTokens + u.CompletionTokens
	ex.status = http.StatusOK
	writeJSON(w, http.StatusOK, completionResponse{
		ID: "cmpl-" + hex.EncodeToString(sum[:12]), Object: "text_completion", Model: req.Model,
		Choices: []completionChoice{{Text: text, FinishReason: finish}}, Usage: u, SystemFingerprint: systemFingerprint,
	})
}

// lastQuestion returns the question of a completions prompt's last block:
// the text after its "Question:" line and before its "Answer:" line.
func lastQuestion(prompt string) string {
	q := prompt
	if i := strings.LastIndex(q, "\n"+questionLead+"\n"); i >= 0 {
		q = q[i+len(questionLead)+2:]
	}
	if i := strings.LastIndex(q, "\n"+answerLead); i >= 0 {
		q = q[:i]
	}
	return q
}

// chatQuestion turns a completion's question into the chat prompt's: its
// plain answer instruction (question.CompletionAnswerLine) back into the
// answer line that lists the labels, which the reader reads.
func chatQuestion(q string) string {
	for _, k := range question.Kinds() {
		if line := question.CompletionAnswerLine(k); line != "" && strings.HasSuffix(q, line) {
			return strings.TrimSuffix(q, line) + question.AnswerLine(k)
		}
	}
	return q
}

// answerOf returns the answer a reasoner's reply gives on its last answer
// line, without the markdown of its styles.
func answerOf(reply string) string {
	i := strings.LastIndex(reply, answerLead)
	if i < 0 {
		return strings.TrimSpace(reply)
	}
	a := reply[i+len(answerLead):]
	if j := strings.IndexByte(a, '\n'); j >= 0 {
		a = a[:j]
	}
	return strings.TrimSpace(strings.Trim(strings.TrimSpace(a), "*"))
}
