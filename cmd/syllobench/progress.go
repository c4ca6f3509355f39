package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/syllobench/syllobench/probes"
)

// progress reports a run as its answers come in: a bar on a terminal,
// with items done and total, rate, time left, tokens and errors; a plain
// line every few seconds otherwise, so that a CI log shows the run moving.
type progress struct {
	label  string
	total  int
	start  time.Time
	done   atomic.Int64
	errs   atomic.Int64
	tokens atomic.Int64
	// cancelled counts the requests that failed because the run was
	// ending; a stopped run does not count them as asked.
	cancelled atomic.Int64

	w    io.Writer
	bar  *progressbar.ProgressBar // on a terminal
	stop chan struct{}            // ends the periodic lines
	wg   sync.WaitGroup
}

// lineEvery is how often a run off a terminal prints its progress.
var lineEvery = 5 * time.Second

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

func newProgress(w io.Writer, label string, total int) *progress {
	p := &progress{label: label, total: total, start: time.Now(), w: w}
	if isTerminal(w) {
		p.bar = progressbar.NewOptions(total,
			progressbar.OptionSetWriter(w),
			progressbar.OptionSetDescription(label),
			progressbar.OptionShowCount(),
			progressbar.OptionShowIts(),
			progressbar.OptionSetItsString("items"),
			progressbar.OptionSetPredictTime(true),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionClearOnFinish(),
		)
		return p
	}
	p.stop = make(chan struct{})
	p.wg.Add(1)
	go func() {
		defer p.wg.Done()
		t := time.NewTicker(lineEvery)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				fmt.Fprintln(p.w, p.line())
			case <-p.stop:
				return
			}
		}
	}()
	return p
}

// add counts one result.
func (p *progress) add(r probes.Result) {
	p.done.Add(1)
	p.tokens.Add(int64(r.Tokens))
	if r.Outcome == probes.Error {
		p.errs.Add(1)
		if errors.Is(r.Err, context.Canceled) {
			p.cancelled.Add(1)
		}
	}
	if p.bar != nil {
		p.bar.Describe(fmt.Sprintf("%s (%d tokens, %d errors)", p.label, p.tokens.Load(), p.errs.Load()))
		p.bar.Add(1)
	}
}

// line describes the progress on one line.
func (p *progress) line() string {
	done := p.done.Load()
	el := time.Since(p.start)
	rate := float64(done) / max(el.Seconds(), 1e-9)
	eta := "?"
	if done > 0 {
		eta = (time.Duration(float64(int64(p.total)-done) / rate * float64(time.Second))).Round(time.Second).String()
	}
	return fmt.Sprintf("%s: %d/%d items, %.1f/s, %s left, %d tokens, %d errors",
		p.label, done, p.total, rate, eta, p.tokens.Load(), p.errs.Load())
}

// finish ends the report with a last line. stopped says how a run that
// did not reach its end ended ("interrupted", "stopped"), and the line
// then counts only the items that were answered or failed on their own.
func (p *progress) finish(stopped string) {
	if p.bar != nil {
		if stopped == "" {
			p.bar.Finish()
		} else {
			p.bar.Exit()
		}
	} else {
		close(p.stop)
		p.wg.Wait()
	}
	el := time.Since(p.start).Round(time.Millisecond)
	if stopped != "" {
		c := p.cancelled.Load()
		fmt.Fprintf(p.w, "%s: %s after %d of %d items (%v), %d tokens, %d errors; %d requests abandoned\n", p.label, stopped,
			p.done.Load()-c, p.total, el, p.tokens.Load(), p.errs.Load()-c, c)
		return
	}
	fmt.Fprintf(p.w, "%s: %d/%d items in %v, %d tokens, %d errors\n", p.label, p.done.Load(), p.total, el, p.tokens.Load(), p.errs.Load())
}
