package refmodel

import (
	"context"
	"strings"
	"testing"

	"github.com/syllobench/syllobench/internal/gen"
	"github.com/syllobench/syllobench/internal/logic"
	"github.com/syllobench/syllobench/internal/model"
	"github.com/syllobench/syllobench/internal/prompt"
	"github.com/syllobench/syllobench/internal/question"
	"github.com/syllobench/syllobench/internal/verdict"
)

// TestConnectEmbedded runs the embedded default end to end: no base URL,
// so the reasoners are served on loopback and the real client asks them.
func TestConnectEmbedded(t *testing.T) {
	cfg := model.DefaultConfig()
	c, conn, err := Connect(cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if !conn.Embedded() {
		t.Fatal("no base URL, but no embedded server was started")
	}
	fam, _ := gen.FamilyByName("instantiation")
	items, err := fam.Items(1, 12, logic.Traditional, gen.Canonical)
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range items {
		msgs, _ := prompt.Messages(it, prompt.Direct)
		req := cfg.NewRequest()
		req.Messages = msgs
		resp, err := c.Complete(context.Background(), req)
		if err != nil {
			t.Fatal(err)
		}
		if got := verdict.Parse(question.Truth, resp.Text); got.Label != it.Expected {
			t.Errorf("%s: ref-logic answered %v, want %s", it.ID, got, it.Expected)
		}
	}
	if err := conn.Close(); err != nil {
		t.Errorf("closing the embedded server: %v", err)
	}
	other := cfg
	other.Model = "gpt-4o"
	if _, _, err := Connect(other); err == nil || !strings.Contains(err.Error(), "ref-logic") {
		t.Errorf("an unknown built-in model gave %v; want an error listing the reasoners", err)
	}
}
