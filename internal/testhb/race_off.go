//go:build !race

package testhb

// Race is true in a test binary built with -race, which makes a build
// about ten times slower: long tests run fewer rounds.
const Race = false
