package refmodel

import (
	"errors"
	"fmt"

	"github.com/syllobench/syllobench/internal/model"
)

// Connect returns a client for cfg. With no base URL configured it is the
// embedded default: the reference reasoners are served on a loopback
// port and the real client talks to them over HTTP, as it would to any
// server. Close releases the client's server, if it started one.
func Connect(cfg model.Config) (*model.Client, *Connection, error) {
	conn := &Connection{}
	if cfg.BaseURL == "" {
		if _, ok := ByName(cfg.Model); !ok {
			return nil, nil, fmt.Errorf("model %q: with no SYLLOBENCH_BASE_URL the built-in reasoners are used, and they are %v", cfg.Model, Names())
		}
		e, err := Start(All())
		if err != nil {
			return nil, nil, fmt.Errorf("starting the built-in reasoners: %w", err)
		}
		conn.embedded, cfg.BaseURL = e, e.URL()
	}
	c, err := model.NewClient(cfg)
	if err != nil {
		return nil, nil, errors.Join(err, conn.Close())
	}
	return c, conn, nil
}

// Connection is what [Connect] started.
type Connection struct{ embedded *Embedded }

// Embedded reports whether the client talks to the built-in reasoners.
func (c *Connection) Embedded() bool { return c.embedded != nil }

// Close stops the embedded server, if there is one.
func (c *Connection) Close() error {
	if c == nil || c.embedded == nil {
		return nil
	}
	return c.embedded.Close()
}
