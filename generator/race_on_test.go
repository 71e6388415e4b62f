//go:build race

package generator_test

// raceEnabled: the race detector makes everything 5-10 times slower.
const raceEnabled = true
