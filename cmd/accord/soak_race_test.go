//go:build race

package main

// raceBuild shortens the soak test: the race detector makes a rebuild ~10x slower.
const raceBuild = true
