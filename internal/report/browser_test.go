package report

import (
	"context"
	"encoding/json"
	"fmt"
	"html"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// measure is the script of the page that holds the report in an iframe of
// the width under test (headless Chromium lays a window out at least 500
// pixels wide, an iframe at any width): once everything has loaded, it
// lists every element that reaches past the iframe's viewport, but for
// those inside a scrolling container (class "scroll") that itself fits;
// every chart text drawn smaller than 8.5 pixels; and where the first
// screen's matrix ends. It measures the page as it opens, then with every
// <details> opened.
const measure = `<script>
window.addEventListener('load', function () {
  var w = document.getElementById('report').contentWindow, d = w.document;
  function name(el) {
    return el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.getAttribute('class') ? '.' + el.getAttribute('class').split(' ').join('.') : '');
  }
  function check() {
    var vw = d.documentElement.clientWidth, wide = [], small = [], elements = 0, texts = 0;
    d.querySelectorAll('body *').forEach(function (el) {
      var r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) return;
      elements++;
      if (r.right <= vw + 0.5 && r.left >= -0.5) return;
      var sc = el.parentElement && el.parentElement.closest('.scroll');
      if (sc) {
        var s = sc.getBoundingClientRect();
        if (s.right <= vw + 0.5 && s.left >= -0.5) return;
      }
      wide.push(name(el) + ' from ' + Math.round(r.left) + ' to ' + Math.round(r.right));
    });
    d.querySelectorAll('svg.chart').forEach(function (svg) {
      var r = svg.getBoundingClientRect();
      if (r.width === 0) return;
      var k = r.width / svg.viewBox.baseVal.width;
      svg.querySelectorAll('text').forEach(function (t) {
        var px = parseFloat(t.getAttribute('font-size')) * k;
        texts++;
        if (px < 8.5) small.push(svg.id + ' "' + t.textContent + '" ' + px.toFixed(1) + 'px');
      });
    });
    var ov = Array.prototype.filter.call(d.querySelectorAll('#overview svg'), function (s) { return s.getBoundingClientRect().width > 0; });
    return {viewport: vw, scrollWidth: d.documentElement.scrollWidth, height: d.documentElement.scrollHeight, wide: wide, small: small, elements: elements, texts: texts,
      overview: ov.length ? ov[0].id : '', overviewBottom: ov.length ? ov[0].getBoundingClientRect().bottom : -1};
  }
  var closed = check();
  d.querySelectorAll('details').forEach(function (x) { x.open = true; });
  document.body.setAttribute('data-result', JSON.stringify({closed: closed, open: check()}));
});
</script>`

// layout is what the measuring script found at one width.
type layout struct {
	Viewport, ScrollWidth int
	Height                int // the page's, in pixels
	Elements, Texts       int // the elements drawn, and the chart texts, that were measured
	Wide, Small           []string
	Overview              string
	OverviewBottom        float64
}

var resultAttr = regexp.MustCompile(`data-result="([^"]*)"`)

// chromium runs headless Chromium with args, as the machines of this
// project's CI do (no network, a fresh profile), and returns its stdout.
func chromium(t *testing.T, dir string, args ...string) []byte {
	t.Helper()
	bin, err := exec.LookPath("chromium") // Debian's /usr/bin/chromium
	if err != nil {
		t.Skip("no browser to check the report in: chromium is not installed (.ci/run installs it; on Debian: apt-get install chromium)")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, append([]string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
		"--user-data-dir=" + filepath.Join(dir, "profile")}, args...)...)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("chromium %s: %v\n%s", strings.Join(args, " "), err, stderr.String())
	}
	return out
}

// TestBrowser opens the report of every committed scorecard (the three
// reference reasoners and the recorded real models) in headless Chromium,
// 1400 and 420 pixels wide. At both widths no element is wider than the
// page but inside a scrolling container that fits, closed or with every
// <details> open, and no chart text is drawn under 8.5 pixels; at 1400 ×
// 900 the matrix of the first screen is whole, the wide one. It takes a
// screenshot of the first screen at each width; REPORT_SCREENSHOTS=docs
// keeps them there (docs/report-1400.png, docs/report-420.png).
func TestBrowser(t *testing.T) {
	if _, err := exec.LookPath("chromium"); err != nil {
		t.Skip("no browser to check the report in: chromium is not installed (.ci/run installs it; on Debian: apt-get install chromium)")
	}
	files, err := filepath.Glob("../../fixtures/*/scorecard.json")
	if err != nil || len(files) < 7 {
		t.Fatalf("want the committed scorecards, found %d (%v)", len(files), err)
	}
	dir := t.TempDir()
	report := filepath.Join(dir, "report.html")
	if err := os.WriteFile(report, render(t, readCards(t, files...)), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, width := range []int{1400, 420} {
		t.Run(fmt.Sprint(width), func(t *testing.T) {
			frame := filepath.Join(dir, fmt.Sprintf("frame-%d.html", width))
			page := fmt.Sprintf(`<!DOCTYPE html><html><body style="margin:0"><iframe id="report" src="report.html" width="%d" height="900" style="border:0"></iframe>%s</body></html>`, width, measure)
			if err := os.WriteFile(frame, []byte(page), 0o644); err != nil {
				t.Fatal(err)
			}
			out := chromium(t, dir, "--allow-file-access-from-files", "--virtual-time-budget=10000",
				fmt.Sprintf("--window-size=%d,900", max(width, 1000)), "--dump-dom", "file://"+frame)
			m := resultAttr.FindSubmatch(out)
			if m == nil {
				t.Fatalf("the measuring script left no result:\n%.2000s", out)
			}
			var res struct{ Closed, Open layout }
			if err := json.Unmarshal([]byte(html.UnescapeString(string(m[1]))), &res); err != nil {
				t.Fatal(err)
			}
			for name, l := range map[string]layout{"as opened": res.Closed, "with every <details> open": res.Open} {
				if l.Viewport != width || l.Elements == 0 || l.Texts == 0 {
					t.Fatalf("%s, measured %d elements and %d chart texts at %d pixels; want some, at %d", name, l.Elements, l.Texts, l.Viewport, width)
				}
				t.Logf("%s: %d elements and %d chart texts measured; the page is %d pixels high; the first screen shows %s, ending at %.0f pixels",
					name, l.Elements, l.Texts, l.Height, l.Overview, l.OverviewBottom)
				if l.ScrollWidth > width {
					t.Errorf("%s, the page is %d pixels wide at %d: it scrolls sideways", name, l.ScrollWidth, width)
				}
				for _, w := range l.Wide {
					t.Errorf("%s, wider than the page and not in a scrolling container: %s", name, w)
				}
				for _, s := range l.Small {
					t.Errorf("%s, chart text too small to read: %s", name, s)
				}
			}
			if width == 1400 && (res.Closed.Overview != "overview-wide" || res.Closed.OverviewBottom > 900) {
				t.Errorf("at 1400 × 900 the first screen shows %s ending at %.0f pixels; want the wide matrix, whole", res.Closed.Overview, res.Closed.OverviewBottom)
			}
			if width == 420 && res.Closed.Overview != "overview-narrow" {
				t.Errorf("at 420 pixels the page shows %s; want the narrow matrix", res.Closed.Overview)
			}

			shot := filepath.Join(dir, fmt.Sprintf("report-%d.png", width))
			chromium(t, dir, "--screenshot="+shot, fmt.Sprintf("--window-size=%d,900", width), "file://"+report)
			checkShot(t, shot, width, 900)
			if keep := os.Getenv("REPORT_SCREENSHOTS"); keep != "" {
				data, err := os.ReadFile(shot)
				if err == nil {
					err = os.WriteFile(filepath.Join(keep, filepath.Base(shot)), data, 0o644)
				}
				if err != nil {
					t.Fatal(err)
				}
			}
		})
	}
}

// checkShot checks that a screenshot is a w × h PNG in which the matrix
// was drawn: it shows the yellow of 100%, which ref-logic reaches.
func checkShot(t *testing.T, path string, w, h int) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("chromium wrote no screenshot: %v", err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("the screenshot is not a PNG: %v", err)
	}
	if b := img.Bounds(); b.Dx() != w || b.Dy() != h {
		t.Errorf("the screenshot is %d × %d, want %d × %d", b.Dx(), b.Dy(), w, h)
	}
	var wr, wg, wb uint32
	fmt.Sscanf(heatColor(1), "#%02x%02x%02x", &wr, &wg, &wb)
	found := 0
	for y := img.Bounds().Min.Y; y < img.Bounds().Max.Y; y++ {
		for x := img.Bounds().Min.X; x < img.Bounds().Max.X; x++ {
			r, g, b, _ := img.At(x, y).RGBA()
			if r>>8 == wr && g>>8 == wg && b>>8 == wb {
				found++
			}
		}
	}
	if found < 500 {
		t.Errorf("the screenshot has %d pixels of the colour of 100%% (%s): was the matrix drawn?", found, heatColor(1))
	}
}
