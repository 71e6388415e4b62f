package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"strconv"
	"syscall"

	"github.com/accord-handbook/accord/generator"
	"github.com/accord-handbook/accord/generator/session"
)

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("serve", "[DIR] [--port 1313] [--bind 127.0.0.1] [--allow-host NAME]... [--as-of DATE]\n\n"+
		"Build the handbook in DIR (default ./content), serve it from memory and rebuild on every\n"+
		"change. Open pages reload; a broken build shows its problems over the last good page.\n"+
		"Only requests addressed to this machine's own names and addresses are answered, so that\n"+
		"no web page can read the handbook through a DNS name pointed at it; --allow-host adds a name.\n"+
		"Drafts are shown, under a banner.", stderr)
	port := fs.Int("port", 1313, "TCP `port` to listen on; 0 picks a free one")
	bind := fs.String("bind", "127.0.0.1", "`address` to listen on; anything but loopback shows the handbook to the network")
	var allow stringList
	fs.Var(&allow, "allow-host", "also answer requests addressed to `NAME` (a host name or address readers use); repeatable")
	asOfArg := asOfFlag(fs)
	baseURL := baseURLFlag(fs)
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	// Without --as-of or SOURCE_DATE_EPOCH, serve follows the clock: it
	// builds again at midnight, when documents may fall due.
	var pinned bool
	asOf, err := generator.AsOf(*asOfArg)
	if err != nil {
		return usageError{err.Error()}
	}
	pinned = *asOfArg != "" || os.Getenv("SOURCE_DATE_EPOCH") != ""
	if err := checkBaseURL(*baseURL); err != nil {
		return err
	}
	dir, err := handbookDir(pos)
	if err != nil {
		return err
	}
	if *port < 0 || *port > 65535 {
		return usagef("--port %d: want a port from 0 to 65535", *port)
	}
	hosts, err := session.Hosts(*bind, allow)
	if err != nil {
		return usagef("--allow-host %v", err)
	}

	ln, err := listen(*bind, *port, stderr)
	if err != nil {
		return err
	}
	cfg := session.Config{Dir: dir, Name: displayDir(dir), Stdout: stdout, Stderr: stderr, Drafts: true, BaseURL: *baseURL}
	if pinned {
		cfg.AsOf = asOf
	}
	return session.Serve(ctx, cfg, ln, hosts)
}

// listen opens the port, and warns when it is open to the network.
func listen(bind string, port int, stderr io.Writer) (net.Listener, error) {
	ln, err := net.Listen("tcp", net.JoinHostPort(bind, strconv.Itoa(port)))
	if err != nil {
		if errors.Is(err, syscall.EADDRINUSE) {
			return nil, fmt.Errorf("cannot listen: %v: choose another --port, or --port 0 for a free one", err)
		}
		return nil, fmt.Errorf("cannot listen: %v", err)
	}
	if a, ok := ln.Addr().(*net.TCPAddr); !ok || !a.IP.IsLoopback() {
		fmt.Fprintf(stderr, "warning: --bind %s is not a loopback address: anyone who can reach this machine can read the handbook.\n"+
			"  Requests must still be addressed to this machine's own names or addresses, so that no web page\n"+
			"  can read it through a DNS name rebound to this machine; --allow-host NAME adds a name readers use.\n", bind)
	}
	return ln, nil
}
