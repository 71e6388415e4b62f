package main

import (
	"bufio"
	"fmt"
	"net"
	"net/http"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/accord-handbook/accord/internal/testhb"
)

// TestServe_hostHeaderChecked: bound to loopback or to every address,
// accord serve answers requests addressed to this machine and to the names
// --allow-host gives, and refuses one addressed to another name, as a page
// reaching it through a rebound DNS name would be.
func TestServe_hostHeaderChecked(t *testing.T) {
	dir := testhb.Dir(t, testhb.Mini)
	hostname, _ := os.Hostname()
	for _, bind := range []string{"127.0.0.1", "0.0.0.0"} {
		t.Run(bind, func(t *testing.T) {
			r := startCommand(t, "serve", dir, "--port", "0", "--bind", bind, "--allow-host", "handbook.test", "--allow-host", "Wiki.Example.")
			base := r.waitOutput(t, `serving \S+ at (http://\S+/)`)
			_, port, _ := net.SplitHostPort(strings.TrimSuffix(strings.TrimPrefix(base, "http://"), "/"))
			addr := net.JoinHostPort("127.0.0.1", port)
			want := map[string]int{
				"localhost:" + port: 200, addr: 200, "handbook.test:" + port: 200, "wiki.example": 200,
				"evil.example:" + port: 403, "handbook.test.evil.example": 403,
			}
			if hostname != "" {
				want[hostname+":"+port] = 200
			}
			if bind == "0.0.0.0" {
				want["0.0.0.0:"+port] = 200 // the URL printed
			}
			for host, code := range want {
				if got := hostRequest(t, addr, host); got != code {
					t.Errorf("Host %q: %d, want %d", host, got, code)
				}
			}
			warned := regexp.MustCompile(`(?s)warning: --bind 0\.0\.0\.0 is not a loopback address.*DNS name rebound.*--allow-host NAME`).MatchString(r.stderr.String())
			if warned != (bind == "0.0.0.0") {
				t.Errorf("warning shown: %v; stderr:\n%s", warned, r.stderr)
			}
		})
	}
}

func TestServe_allowHostRefusesABadName(t *testing.T) {
	dir := testhb.Dir(t, testhb.Mini)
	for _, name := range []string{"handbook.test:8080", "http://handbook.test", "*.example", ""} {
		var out, errb syncBuffer
		code := run(t.Context(), []string{"serve", dir, "--port", "0", "--allow-host", name}, &out, &errb)
		if code != exitUsage || !strings.Contains(errb.String(), "--allow-host") {
			t.Errorf("--allow-host %q: exit %d, stderr %q", name, code, errb.String())
		}
	}
}

// hostRequest sends GET / to addr with the Host header given.
func hostRequest(t *testing.T, addr, host string) int {
	t.Helper()
	conn, err := net.DialTimeout("tcp", addr, liveWait)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(liveWait))
	fmt.Fprintf(conn, "GET / HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n", host)
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("Host %q: %v", host, err)
	}
	resp.Body.Close()
	return resp.StatusCode
}
