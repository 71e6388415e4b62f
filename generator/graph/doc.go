// Package graph turns the typed handbook into collaboration graphs as DOT
// text. It lays nothing out: package graphviz turns the text into SVG.
//
// Department, Workflow, OrgChart and Neighbourhood take a *model.Handbook and
// the output path of the page the graph will be embedded in ("roles/x.html",
// so that every node can link relatively), and return DOT text plus an Alt:
// the same facts as a table for screen readers. They are pure and
// deterministic: collections are sorted, attributes are written in key
// order, and every string reaches the DOT text through quote, the one
// escaping function. The text is also the layout's cache key, so any
// change to it lays every graph out again. Labels are plain strings (no
// HTML-like labels), long names wrap, and nodes are sized from our own text
// measurement because Graphviz under WASM measures Chinese text too narrow.
// NeighbourIndex indexes a handbook's steps once for all its neighbourhood
// graphs; LabelsFor gives the words of a graph in the handbook's language.
//
// Colours work in light and dark schemes without CSS: text, edges and
// arrowheads are drawn in black, which the SVG sanitiser of package graphviz
// turns into currentColor, and team colours are mid-tones used only for
// outlines and as translucent (20%) fills, so a node reads on white and on
// near-black alike. Every element also carries a class for the theme to
// restyle: g-node, g-node-external, g-step, g-centre, g-team-<id>; g-edge,
// g-handoff, g-consults, g-informs, g-back, g-self; g-cluster-internal,
// g-cluster-external, g-lane.
package graph
