//go:build !unix

package main

// lockDir is a no-op where flock is unavailable.
func lockDir(string) error { return nil }
