// Package integration holds the tests that need a real OpenAI-compatible
// server, behind the integration build tag:
//
//	scripts/local-model                      # Ollama serving SmolLM2-135M, offline
//	eval "$(scripts/local-model env)"
//	go test -tags integration -count=1 -timeout 30m -v ./internal/integration
//
// Without SYLLOBENCH_BASE_URL they skip, saying how to start a server.
package integration
