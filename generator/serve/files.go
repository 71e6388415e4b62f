package serve

import (
	"bytes"
	"fmt"
	"html"
	"mime"
	"net/http"
	"path"
	"strings"
	"time"
)

// sitePath turns a request path into a key of the site map. It refuses what a
// static server must never interpret: dot-dot and dot segments (also when
// they arrived percent-encoded: r.URL.Path is already decoded), backslashes,
// NUL and empty segments (//etc/passwd). The map lookup alone would make
// traversal harmless; refusing early makes it visible in tests and logs.
func sitePath(p string) (key string, ok bool) {
	if !strings.HasPrefix(p, "/") || strings.ContainsAny(p, "\\\x00") {
		return "", false
	}
	segs := strings.Split(p[1:], "/")
	for i, seg := range segs {
		if seg == ".." || seg == "." || (seg == "" && i < len(segs)-1) {
			return "", false
		}
	}
	key = p[1:]
	if key == "" || strings.HasSuffix(key, "/") {
		key += "index.html"
	}
	return key, true
}

func (s *Server) serveFile(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	key, ok := sitePath(r.URL.Path)
	if !ok {
		http.Error(w, "bad path", http.StatusBadRequest)
		return
	}
	st := s.site.Load()
	f, ok, err := st.lookup(key)
	if err != nil {
		// A page that fails to render on request: say so in the page,
		// where the reader is looking (the terminal has it too).
		http.Error(w, "accord: this page failed to render: "+err.Error(), http.StatusInternalServerError)
		return
	}
	if !ok {
		// A folder asked for without its slash: redirect, so that the
		// page's relative links resolve.
		if _, dir, _ := st.lookup(key + "/index.html"); dir {
			http.Redirect(w, r, path.Base(key)+"/", http.StatusMovedPermanently)
			return
		}
		s.notFound(w, r, len(st.files) == 0 && st.lazy == nil)
		return
	}
	h := w.Header()
	h.Set("Content-Type", f.ctype)
	h.Set("ETag", f.etag)
	// Revalidate every time: the site changes under the browser's feet,
	// and a 304 for an unchanged file is nearly free.
	h.Set("Cache-Control", "no-cache")
	h.Set("X-Content-Type-Options", "nosniff")
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(f.data))
}

// notFound answers with a page that carries the live script, so that a tab
// left on a page that does not exist yet, or on a handbook that never built,
// shows the problems and reloads when the page appears.
func (s *Server) notFound(w http.ResponseWriter, r *http.Request, empty bool) {
	msg := "There is no such page in the handbook."
	if empty {
		msg = "The handbook has not been built yet: see the problems in the terminal."
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(http.StatusNotFound)
	if r.Method == http.MethodHead {
		return
	}
	fmt.Fprintf(w, "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Not found</title></head>\n<body>\n<h1>Not found: %s</h1>\n<p>%s <a href=\"/\">Home</a></p>\n%s\n</body></html>\n",
		html.EscapeString(r.URL.Path), msg, Script)
}

// contentType is fixed for the types a handbook holds, so that serving does
// not depend on the machine's mime.types; anything else is looked up, and
// unknown files are plain bytes.
func contentType(p string) string {
	switch strings.ToLower(path.Ext(p)) {
	case ".html", ".htm":
		return "text/html; charset=utf-8"
	case ".css":
		return "text/css; charset=utf-8"
	case ".js", ".mjs":
		return "text/javascript; charset=utf-8"
	case ".json":
		return "application/json"
	case ".svg":
		return "image/svg+xml"
	case ".png":
		return "image/png"
	case ".jpg", ".jpeg":
		return "image/jpeg"
	case ".gif":
		return "image/gif"
	case ".webp":
		return "image/webp"
	case ".ico":
		return "image/x-icon"
	case ".pdf":
		return "application/pdf"
	case ".txt", ".md", ".toml", ".dot":
		return "text/plain; charset=utf-8"
	case ".xml":
		return "application/xml"
	case ".woff2":
		return "font/woff2"
	}
	if t := mime.TypeByExtension(path.Ext(p)); t != "" {
		return t
	}
	return "application/octet-stream"
}
