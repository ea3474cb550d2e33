//go:build unix

package main

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
)

// lockDir takes an exclusive flock on dir/ferretdb.lock: two FerretDB
// processes on one SQLite directory would disagree about its metadata.
// The kernel drops the lock when the process dies, so it never goes stale.
func lockDir(dir string) error {
	f, err := os.OpenFile(filepath.Join(dir, "ferretdb.lock"), os.O_CREATE|os.O_RDWR, 0o600)
	if err != nil {
		return err
	}
	if err = syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		_ = f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return errors.New("SQLite directory " + dir + " is already used by another FerretDB process")
		}
		return err
	}
	return nil // f stays open (and locked) for the life of the process
}
