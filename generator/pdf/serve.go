package pdf

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"mime"
	"net"
	"net/http"
	"path"
	"strings"
	"time"
)

// server serves a site from memory on a loopback port, under a random
// path: another program on the machine can reach the port, but not guess
// where the handbook is while it prints.
type server struct {
	srv    *http.Server
	addr   string
	prefix string
}

// csp lets a page load what its own site holds, and nothing else.
const csp = "default-src 'self' 'unsafe-inline' data:; script-src 'none'; form-action 'none'"

func serve(files map[string][]byte) (*server, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("a loopback port to serve the page to Chromium: %w", err)
	}
	var secret [16]byte
	rand.Read(secret[:])
	s := &server{addr: ln.Addr().String(), prefix: "/" + hex.EncodeToString(secret[:]) + "/"}
	s.srv = &http.Server{
		Handler:           http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { s.file(w, r, files) }),
		ReadHeaderTimeout: 10 * time.Second,
		WriteTimeout:      time.Minute,
	}
	go s.srv.Serve(ln)
	return s, nil
}

func (s *server) url(page string) string { return "http://" + s.addr + s.prefix + page }

func (s *server) file(w http.ResponseWriter, r *http.Request, files map[string][]byte) {
	name, ok := strings.CutPrefix(r.URL.Path, s.prefix)
	data, found := files[name]
	if !ok || !found || r.Method != http.MethodGet && r.Method != http.MethodHead {
		http.NotFound(w, r)
		return
	}
	h := w.Header()
	h.Set("Content-Security-Policy", csp)
	if ct := mime.TypeByExtension(path.Ext(name)); ct != "" {
		h.Set("Content-Type", ct)
	}
	w.Write(data)
}

func (s *server) close() { s.srv.Close() }
