package site

import (
	"os"
	"path/filepath"
	"runtime"
	"sync"
)

// removeTree is os.RemoveAll on one worker per CPU. Deleting the previous
// site is the last thing a build does, with nothing left to overlap it. The folders two levels down are removed in
// parallel, being disjoint; os.RemoveAll then takes what is left.
func removeTree(dir string) error {
	if info, err := os.Lstat(dir); err == nil && !info.IsDir() {
		// A link put in the output's place after Create checked it: the
		// swap moved the link here, and only the link is ours to delete.
		return os.Remove(dir)
	}
	var jobs []string
	top, _ := os.ReadDir(dir)
	for _, e := range top {
		if !e.IsDir() {
			continue
		}
		sub := filepath.Join(dir, e.Name())
		inner, _ := os.ReadDir(sub)
		n := 0
		for _, f := range inner {
			if f.IsDir() {
				jobs = append(jobs, filepath.Join(sub, f.Name()))
				n++
			}
		}
		if n == 0 {
			jobs = append(jobs, sub)
		}
	}
	var wg sync.WaitGroup
	next := make(chan string)
	for range min(runtime.GOMAXPROCS(0), len(jobs)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for d := range next {
				os.RemoveAll(d) // what fails here fails again below, and is reported
			}
		}()
	}
	for _, j := range jobs {
		next <- j
	}
	close(next)
	wg.Wait()
	return os.RemoveAll(dir)
}
