// Command ferretdb runs FerretDB v1 on SQLite through its embeddable package.
//
// Why a wrapper: `go install .../cmd/ferretdb` panics at start without the
// generated version.txt; the embeddable package skips that check and keeps
// telemetry off. @suijing/embedded-mongo builds and starts this program.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net/url"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/debug"
	"syscall"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	listen := flag.String("listen", "127.0.0.1:0", "TCP address to listen on; port 0 picks a free port")
	dir := flag.String("sqlite-dir", "", "directory for the SQLite files (created if missing)")
	logLevel := flag.String("log-level", "warn", "debug, info, warn or error (logs go to stderr)")
	stdinGuard := flag.Bool("exit-on-stdin-eof", false, "exit when stdin closes, so a crashed parent leaves no orphan")
	throwaway := flag.Bool("remove-on-exit", false, "delete -sqlite-dir on exit (throwaway data, even if the parent was killed)")
	flag.Parse()

	if *dir == "" {
		fail("-sqlite-dir is required")
	}

	var level slog.Level
	if err := level.UnmarshalText([]byte(*logLevel)); err != nil {
		fail("bad -log-level: " + err.Error())
	}
	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level}))

	abs, err := filepath.Abs(*dir)
	if err != nil {
		fail(err.Error())
	}
	if err = os.MkdirAll(abs, 0o700); err != nil {
		fail(err.Error())
	}
	if err = lockDir(abs); err != nil {
		fail(err.Error())
	}

	// FerretDB wants a "file:" URI of a directory ending with "/"; building it
	// with net/url escapes spaces and other odd characters in the path.
	sqliteURL := (&url.URL{Scheme: "file", Path: filepath.ToSlash(abs) + "/"}).String()

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, syscall.SIGINT)
	defer stop()

	if *stdinGuard {
		go func() {
			_, _ = io.Copy(io.Discard, os.Stdin)
			stop()
		}()
	}

	f, err := ferretdb.New(&ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{TCP: *listen},
		Logger:    logger,
		Handler:   "sqlite",
		SQLiteURL: sqliteURL,
	})
	if err != nil {
		fail(err.Error())
	}

	// New has already bound the TCP listener, so the URI carries the real port.
	// The parent waits for this exact prefix on stdout.
	fmt.Printf("FERRETDB_READY %s %s\n", f.MongoDBURI(), ferretVersion())

	err = f.Run(ctx)
	if *throwaway {
		_ = os.RemoveAll(abs)
	}
	if err != nil {
		fail(err.Error())
	}
}

// ferretVersion reports the FerretDB module version compiled in (the embedded
// package itself reports "unknown").
func ferretVersion() string {
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, dep := range info.Deps {
			if dep.Path == "github.com/FerretDB/FerretDB" {
				return dep.Version
			}
		}
	}
	return "unknown"
}

func fail(msg string) {
	fmt.Fprintln(os.Stderr, "ferretdb wrapper:", msg)
	os.Exit(1)
}
