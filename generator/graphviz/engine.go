package graphviz

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"strconv"
	"strings"
	"sync"

	gographviz "github.com/goccy/go-graphviz"
)

// gvMu serialises every use of go-graphviz in this process. Its WASM module
// is a package global shared by all instances, and concurrent calls corrupt
// it for the rest of the process, so one lock covers them all.
var gvMu sync.Mutex

// ErrEmpty is returned for DOT text that holds no graph.
var ErrEmpty = errors.New("empty graph")

// DOTError is a DOT syntax error as Graphviz reports it. Line counts from 1
// in the DOT text (for a ```dot block: from the line after the fence); it is
// 0 when Graphviz named no line.
type DOTError struct {
	Line int
	Msg  string
}

func (e *DOTError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("line %d: %s", e.Line, e.Msg)
	}
	return e.Msg
}

// parseGraphvizError turns "syntax error in line 3 near '}'" into
// {3, "syntax error near '}'"}.
func parseGraphvizError(msg string) *DOTError {
	msg = strings.TrimSpace(msg)
	const marker = " in line "
	i := strings.Index(msg, marker)
	if i < 0 {
		return &DOTError{Msg: msg}
	}
	rest := msg[i+len(marker):]
	end := strings.IndexFunc(rest, func(r rune) bool { return r < '0' || r > '9' })
	if end < 0 {
		end = len(rest)
	}
	line, err := strconv.Atoi(rest[:end])
	if err != nil {
		return &DOTError{Msg: msg}
	}
	return &DOTError{Line: line, Msg: msg[:i] + rest[end:]}
}

// resetDOT is a DOT text that fails to parse with a message no real error
// carries (the "# N" line sets the line counter). Graphviz keeps its last
// error message until the next error, and go-graphviz reports that message
// when a parse fails without a new one (empty input, a comment alone), so
// after every failure we parse this to overwrite it; a failure that then
// reports the reset message has no message of its own.
const resetDOT = "# 987654321\n}"

// noFiles denies Graphviz every file. Under go-graphviz the WASM module reads
// the host file system with os.Open by default, and a ```dot block could
// name any file as an image or shape file. It answers "does not exist":
// with fs.ErrPermission, go-graphviz misreads its own memory on the next
// node after an image ("failed to read wasm memory") or loops forever.
type noFiles struct{}

func (noFiles) Open(name string) (fs.File, error) {
	return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
}

var denyFiles sync.Once

// engine is go-graphviz in this process. Every method needs gvMu held.
type engine struct {
	gv       *gographviz.Graphviz
	resetMsg string
}

func newEngine() (*engine, error) {
	denyFiles.Do(func() { gographviz.SetFileSystem(noFiles{}) })
	gv, err := gographviz.New(context.Background())
	if err != nil {
		return nil, fmt.Errorf("starting graphviz: %w", err)
	}
	e := &engine{gv: gv}
	e.reset()
	return e, nil
}

// reset leaves resetDOT's message as Graphviz's last error.
func (e *engine) reset() {
	g, err := gographviz.ParseBytes([]byte(resetDOT))
	if g != nil {
		_ = g.Close()
	}
	if err != nil {
		e.resetMsg = err.Error()
	}
}

// failure turns what go-graphviz returned for a failed step into an error
// that is never stale, and resets the last error for the next call.
func (e *engine) failure(err error, fallback error) error {
	msg := ""
	if err != nil {
		msg = err.Error()
	}
	e.reset()
	if msg == "" || msg == e.resetMsg {
		return fallback
	}
	return parseGraphvizError(msg)
}

// layout parses dot and renders it to SVG (Graphviz's own, unsanitised).
// A panic inside go-graphviz (its callbacks panic on WASM errors) comes
// back as an error; fatal reports that the module may be damaged and the
// engine should not be used again.
func (e *engine) layout(dot []byte) (svg []byte, fatal bool, err error) {
	defer func() {
		if p := recover(); p != nil {
			svg, fatal, err = nil, true, fmt.Errorf("graphviz crashed: %v", p)
		}
	}()
	if len(bytes.TrimSpace(dot)) == 0 {
		return nil, false, ErrEmpty
	}
	g, err := gographviz.ParseBytes(dot)
	if g == nil {
		if err != nil && strings.Contains(err.Error(), "wasm") {
			return nil, true, fmt.Errorf("graphviz crashed: %w", err)
		}
		return nil, false, e.failure(err, ErrEmpty)
	}
	defer g.Close()
	var buf bytes.Buffer
	if err := e.gv.Render(context.Background(), g, gographviz.SVG, &buf); err != nil {
		// A graph that parsed but fails to render has met a bug in
		// Graphviz or its bindings (seen: misread WASM memory, then a
		// hang); the module may be damaged, so the engine is retired.
		return nil, true, e.failure(err, errors.New("graphviz could not lay the graph out"))
	}
	if !bytes.Contains(buf.Bytes(), []byte("<svg")) {
		return nil, false, e.failure(nil, errors.New("graphviz produced no SVG"))
	}
	return buf.Bytes(), false, nil
}

func (e *engine) close() {
	if e != nil && e.gv != nil {
		_ = e.gv.Close()
		e.gv = nil
	}
}
