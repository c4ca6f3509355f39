package refmodel

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"sync"
	"time"
)

// Embedded is a [Handler] served over real HTTP on a loopback port: the
// server that syllobench points its client at when no model server is
// configured.
type Embedded struct {
	handler *Handler
	srv     *http.Server
	url     string
	done    chan struct{} // closed when Serve has returned
	serveMu sync.Mutex
	err     error // what Serve returned, if not ErrServerClosed

	connMu   sync.Mutex
	newConns map[net.Conn]time.Time // connections that have sent no request yet, and since when

	closeOnce sync.Once
	closeErr  error
}

// shutdownTimeout bounds the graceful part of [Embedded.Close].
const shutdownTimeout = 5 * time.Second

// Start serves reasoners, configured by opts as by [NewHandler], on
// 127.0.0.1 at a free port, with the timeouts of [NewServer]. It returns
// once the port is listening.
func Start(reasoners []Reasoner, opts ...ServerOption) (*Embedded, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("starting the reference model server: %w", err)
	}
	h := NewHandler(reasoners, opts...)
	e := &Embedded{
		handler:  h,
		srv:      NewServer(h),
		url:      "http://" + ln.Addr().String() + "/v1",
		done:     make(chan struct{}),
		newConns: map[net.Conn]time.Time{},
	}
	e.srv.ConnState = e.connState
	go func() {
		defer close(e.done)
		if err := e.srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
			e.serveMu.Lock()
			e.err = err
			e.serveMu.Unlock()
		}
	}()
	return e, nil
}

// URL returns the base URL of the API, e.g. "http://127.0.0.1:41234/v1",
// as [model.Config.BaseURL] wants it.
func (e *Embedded) URL() string { return e.url }

// Handler returns the handler that e serves, for its [Handler.Stats].
func (e *Embedded) Handler() *Handler { return e.handler }

// Stats returns the counters of e's handler.
func (e *Embedded) Stats() Stats { return e.handler.Stats() }

// newConnGrace is how long [Embedded.Close] lets a new connection send
// its first request before closing it.
const newConnGrace = 50 * time.Millisecond

func (e *Embedded) connState(c net.Conn, s http.ConnState) {
	e.connMu.Lock()
	defer e.connMu.Unlock()
	if s == http.StateNew {
		e.newConns[c] = time.Now()
	} else {
		delete(e.newConns, c)
	}
}

// closeUnusedConns closes the connections that have sent no request for
// longer than grace.
func (e *Embedded) closeUnusedConns(grace time.Duration) {
	e.connMu.Lock()
	defer e.connMu.Unlock()
	for c, since := range e.newConns {
		if time.Since(since) > grace {
			c.Close()
			delete(e.newConns, c)
		}
	}
}

// Close shuts the server down gracefully: it stops listening, waits up to
// 5 seconds for the requests in flight, then closes every connection.
// A connection on which no request has arrived within 50ms is closed at
// once. It
// returns once the server's goroutines are gone. Calling it again returns
// the first result.
func (e *Embedded) Close() error {
	e.closeOnce.Do(func() {
		ctx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
		defer cancel()
		shut := make(chan error, 1)
		go func() { shut <- e.srv.Shutdown(ctx) }()
		// Shutdown counts a connection that has sent no request as busy
		// for its first 5 seconds. Clients dial spare connections that
		// they may never use, so those are closed here.
		tick := time.NewTicker(10 * time.Millisecond)
		defer tick.Stop()
		var err error
	wait:
		for {
			select {
			case err = <-shut:
				break wait
			case <-tick.C:
				e.closeUnusedConns(newConnGrace)
			}
		}
		if err != nil {
			err = errors.Join(fmt.Errorf("shutting the reference model server down: %w", err), e.srv.Close())
		}
		<-e.done
		e.serveMu.Lock()
		if e.err != nil {
			err = errors.Join(err, fmt.Errorf("serving the reference models: %w", e.err))
		}
		e.serveMu.Unlock()
		e.closeErr = err
	})
	return e.closeErr
}
