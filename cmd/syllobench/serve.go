package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/syllobench/syllobench/internal/refmodel"
)

// stopServing, when set, stops serve as SIGINT would; tests use it.
var stopServing chan struct{}

// shutdownGrace is how long serve waits for requests in flight to finish.
const shutdownGrace = 2 * time.Second

// serveTimeouts are the timeouts of the server (zero fields: refmodel's
// defaults, 10s to read a header, 30s a whole request, 60s to answer,
// 2 minutes of idle keep-alive); tests shorten them.
var serveTimeouts refmodel.Timeouts

func runServe(stdout, stderr io.Writer, args []string) error {
	fs := newFlags("serve", stdout)
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on")
	rate := fs.Float64("fault-rate", 0, "fraction of requests that fail, split evenly between 429, 500/503 and truncated bodies")
	retryAfter := fs.Duration("retry-after", time.Second, "Retry-After of an injected 429")
	latency := fs.Duration("latency", 0, "delay added to every request")
	seed := fs.Uint64("fault-seed", 1, "seed of the fault draws")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: syllobench serve [-addr 127.0.0.1:8080] [-fault-rate R] [-retry-after D] [-latency D] [-fault-seed N]\n\n"+
			"Serves the reference reasoners on an OpenAI-compatible API until interrupted.")
		fs.PrintDefaults()
	}
	if help, err := parseFlags(fs, args); help || err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("serve takes no arguments, got %q", fs.Args())
	}
	if *rate < 0 || *rate > 1 {
		return usagef("serve -fault-rate %v: want a fraction from 0 to 1", *rate)
	}
	opts := []refmodel.ServerOption{refmodel.WithLog(stderr), refmodel.WithTimeouts(serveTimeouts)}
	if *rate > 0 || *latency > 0 {
		opts = append(opts, refmodel.WithFaults(refmodel.Faults{
			Rate429: *rate / 3, Rate5xx: *rate / 3, RateTruncate: *rate / 3,
			RetryAfter: *retryAfter, Latency: *latency, Seed: *seed,
		}))
	}
	// Catch the signals before anything is served, so that a signal
	// sent as soon as the address is printed shuts down cleanly.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	// The server times out slow requests and idle keep-alive
	// connections, so that a client cannot hold connections open.
	srv := refmodel.NewServer(refmodel.NewHandler(refmodel.All(), opts...))
	fmt.Fprintf(stdout, "serving %v on http://%s/v1\n", refmodel.Names(), ln.Addr())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()

	select {
	case err := <-done:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	case <-stopServing:
	}
	stop() // a second Ctrl-C now ends the process at once
	// Requests in flight get a moment to finish; connections still open
	// after it (a client that connected and sent nothing, a long
	// -latency) are closed.
	grace, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	if err := srv.Shutdown(grace); err != nil {
		srv.Close()
	}
	if err := <-done; !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}
	fmt.Fprintln(stdout, "stopped")
	return nil
}
