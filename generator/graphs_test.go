package generator

import (
	"runtime"
	"sync"
	"testing"
	"time"
	"weak"

	"github.com/accord-handbook/accord/generator/model"
)

func smallHandbook() *model.Handbook {
	h := &model.Handbook{
		Roles: []*model.Role{{ID: "a", Name: "A"}, {ID: "b", Name: "B"}},
		Workflows: []*model.Workflow{{ID: "w", Name: "W", Steps: []*model.Step{
			{ID: "s", Name: "S", Responsible: []string{"a"}, Accountable: "b"},
		}}},
	}
	h.Index()
	return h
}

// TestNeighbourIndex_perHandbook: concurrent role pages of one handbook
// share one index; another handbook gets its own; a handbook no longer
// used takes its entry with it.
func TestNeighbourIndex_perHandbook(t *testing.T) {
	h, other := smallHandbook(), smallHandbook()
	first := neighbourIndex(h)
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			if neighbourIndex(h) != first {
				t.Error("a second index for the same handbook")
			}
		})
	}
	wg.Wait()
	if neighbourIndex(other) == first {
		t.Error("two handbooks share an index")
	}
	if dot, _ := neighbourIndex(h).Neighbourhood(h, "a", "roles/a.html"); len(dot) == 0 {
		t.Error("no DOT")
	}

	k := weak.Make(other)
	other = nil
	for range 100 {
		runtime.GC()
		neighbourIndexes.Lock()
		_, kept := neighbourIndexes.m[k]
		neighbourIndexes.Unlock()
		if !kept {
			break
		}
		time.Sleep(10 * time.Millisecond) // cleanups run on their own goroutine
	}
	neighbourIndexes.Lock()
	defer neighbourIndexes.Unlock()
	if _, kept := neighbourIndexes.m[k]; kept {
		t.Error("the index of a collected handbook is still held")
	}
	runtime.KeepAlive(h)
}
