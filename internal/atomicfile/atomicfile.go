// Package atomicfile writes a file so that a reader sees the old file or
// the new one, never half of one, and a failure leaves the old file as it
// was: the data goes to a temporary file in the same directory, which is
// synced and renamed over the path.
package atomicfile

import (
	"fmt"
	"os"
	"path/filepath"
)

// Write writes data to path, readable by everyone (0644): what syllobench
// writes this way (scorecards, reports) is for sharing.
func Write(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+"-*")
	if err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	_, err = tmp.Write(data)
	if err == nil {
		err = tmp.Chmod(0o644) // CreateTemp makes the file private
	}
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}
