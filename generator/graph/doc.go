// Package graph turns the typed handbook into collaboration graphs: DOT text
// first, then inline SVG laid out by Graphviz (github.com/goccy/go-graphviz).
//
// # DOT: model in, text out
//
// Department, Workflow, OrgChart and Neighbourhood take a *model.Handbook and
// the output path of the page the graph will be embedded in ("roles/x.html",
// so that every node can link relatively), and return DOT text plus an Alt:
// the same facts as a table for screen readers. They are pure and
// deterministic: collections are sorted, attributes are written in key
// order, and every string reaches the DOT text through quote, the one
// escaping function. Labels are plain strings (no HTML-like labels), long
// names wrap, and nodes are sized from our own text measurement because
// Graphviz under WASM measures Chinese text 17–25% too narrow.
//
// Colours work in light and dark schemes without CSS: text, edges and
// arrowheads are drawn in black in the DOT and turned into currentColor when
// the SVG is post-processed, and team colours are mid-tones used only for
// outlines and as translucent (20%) fills, so a node reads on white and on
// near-black alike. Every element also carries a class for the theme to
// restyle: g-node, g-node-external, g-step, g-centre, g-team-<id>; g-edge,
// g-handoff, g-consults, g-informs, g-back, g-self; g-cluster-internal,
// g-cluster-external, g-lane. The root <svg> has class g-graph (plus g-wide
// when its natural width exceeds 960pt: the theme may let those scroll
// instead of shrink), no width or height attribute, a viewBox, and a
// max-width of its natural size, so it scales down to its container.
//
// # SVG: DOT in, sanitised SVG out
//
// A Renderer lays DOT out and caches the result by a hash of the DOT text on
// disk (in memory only when it cannot be written there), so an unchanged
// graph is never laid out twice, even across builds, and a warm build
// starts no Graphviz at all. What is cached is the sanitised SVG (below), so
// a hit costs a file read and a checksum: each file starts with the SHA-256
// of its key and body, and one that does not match is laid out and
// sanitised again, never used as it is.
//
// Graphviz runs in a worker process: the same executable started again with
// ACCORD_GRAPHVIZ_WORKER set, which this package's init function turns into
// a loop that reads DOT on stdin and writes SVG on stdout. Why a process and
// not an instance: go-graphviz keeps one WASM module per process, created in
// its package init, and its bindings never free the strings they copy into
// it, so every render leaks two to four times its SVG's size (0.6 MB for a
// 200-node graph) and no Close gets it back: closing and recreating the
// instance was measured to change nothing. Only ending the process does.
// A process is also what lets layouts run in parallel, which go-graphviz
// within one process cannot (its module is shared and not safe for
// concurrent use): the Renderer keeps a pool of up to GOMAXPROCS workers,
// one layout in each at a time. It retires a worker once the worker's live
// heap passes WorkerHeapLimit, and kills it when a layout runs past
// LayoutTimeout (a hostile ```dot block must not hang a build); a worker
// that dies is replaced. Its lock covers the caches and the pool, never a
// layout, so a cache hit does not wait for one, and requests for a graph
// that is being laid out wait for that layout rather than run another.
// When no worker can be started the Renderer falls back to Graphviz in this
// process, one layout at a time behind a package-wide mutex.
//
// Every SVG is post-processed with an XML token stream before it reaches a
// page or the cache: prolog, DOCTYPE and comments dropped; only the elements Graphviz
// draws with are kept (no <script>, <foreignObject>, <image>); on*
// attributes, style and any link that is not relative are removed; ids get a
// per-graph prefix so that two graphs on one page do not collide.
package graph
