// Package graphviz lays DOT text out as SVG that is safe to inline in a
// page, with Graphviz (github.com/goccy/go-graphviz, which no other package
// imports). DOT goes in, sanitised SVG or a *DOTError comes out.
//
// # Workers
//
// Graphviz runs in a worker process: the same executable started again with
// ACCORD_GRAPHVIZ_WORKER set. Every program that lays graphs out calls
// RunWorkerIfAsked first thing in main (a test binary: in TestMain), which
// turns such a process into a loop that reads DOT on stdin and writes SVG
// on stdout. A program that does not call it gets an error naming the call
// for every graph it asks for, cached or not, rather than copies of itself
// running its own main (a test binary's copy would run the tests again,
// and start copies of its own).
//
// Why a process and not an instance: go-graphviz keeps one WASM module per
// process, created in its package init, and its bindings never free the
// strings they copy into it, so every render leaks a few times its SVG's
// size and no Close gets it back (closing and recreating the instance
// changes nothing). Only ending the process does. A process is also what
// lets layouts run in parallel, which go-graphviz within one process cannot
// (its module is shared and not safe for concurrent use): the Renderer keeps
// a pool of up to GOMAXPROCS workers, one layout in each at a time. It
// retires a worker once the worker's live heap passes WorkerHeapLimit, and
// kills it when a layout runs past LayoutTimeout (a hostile ```dot block
// must not hang a build); a worker that dies is replaced. Its lock covers
// the caches and the pool, never a layout, so a cache hit does not wait for
// one, and requests for a graph that is being laid out wait for that layout
// rather than run another. When no worker can be started the Renderer falls
// back to Graphviz in this process, one layout at a time behind a
// process-wide mutex.
//
// # Cache
//
// A Renderer caches layouts by a hash of the DOT text on disk (in memory
// only when it cannot be written there), so an unchanged graph is never
// laid out twice, even across builds, and a warm build starts no Graphviz
// at all. What is cached is the sanitised SVG, so a hit costs a file read
// and a checksum: each file starts with the SHA-256 of its key and body,
// and one that does not match is laid out and sanitised again, never used
// as it is. Close prunes layouts nobody asked for in CacheMaxAge.
//
// # Sanitised SVG
//
// Every SVG is post-processed with an XML token stream before it reaches a
// page or the cache: prolog, DOCTYPE and comments dropped; only the
// elements Graphviz draws with are kept (no <script>, <foreignObject>,
// <image>); on* attributes, style and any link that is not relative are
// removed; ids get a per-graph prefix so that two graphs on one page do not
// collide. Black becomes currentColor and the white background none, so a
// graph follows the page's colour scheme. The root <svg> has class g-graph
// (plus g-wide when its natural width exceeds 960pt: the theme may let
// those scroll instead of shrink), no width or height attribute, a viewBox,
// and a max-width of its natural size, so it scales down to its container.
// Inline and WriteInline name a graph for screen readers.
package graphviz
