package run

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/syllobench/syllobench/internal/atomicfile"
	"github.com/syllobench/syllobench/internal/report"
	"github.com/syllobench/syllobench/internal/scorecard"
)

// WriteSideBySide writes the models' scorecards side by side into dir:
// table.txt, the text table, and report.html, the HTML report. It
// returns the table. syllobench run writes them after every run, go
// test after a run of several models.
func WriteSideBySide(dir string, cards []*scorecard.Scorecard) (string, error) {
	if len(cards) == 0 {
		return "", nil
	}
	var table strings.Builder
	if err := report.Text(&table, cards); err != nil {
		return "", err
	}
	var page bytes.Buffer
	if err := report.HTML(&page, cards); err != nil {
		return "", fmt.Errorf("writing %s: %w", filepath.Join(dir, "report.html"), err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("SYLLOBENCH_OUT: %w", err)
	}
	if err := atomicfile.Write(filepath.Join(dir, "table.txt"), []byte(table.String())); err != nil {
		return "", err
	}
	return table.String(), atomicfile.Write(filepath.Join(dir, "report.html"), page.Bytes())
}
