package load

import (
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/accord-handbook/accord/generator/model"
	"github.com/accord-handbook/accord/generator/source"
)

// parallel runs jobs on one worker per CPU and merges what they read into
// l in the order of jobs, so the result is that of running them one after
// the other. Each job gets a loader of its own (a copy of l with an empty
// handbook and diagnostics list): a job may add Roles, Workflows, Policies
// and Pages and report diagnostics, and nothing else of the handbook.
//
// Reading files and decoding their TOML is most of the cost of loading a
// large handbook, and every file is independent of the others.
func (l *loader) parallel(jobs []func(*loader)) {
	subs := make([]*loader, len(jobs))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(jobs)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= len(jobs) {
					return
				}
				sub := *l
				sub.diags, sub.h = &source.List{}, &model.Handbook{}
				jobs[i](&sub)
				subs[i] = &sub
			}
		}()
	}
	wg.Wait()
	for _, sub := range subs {
		l.h.Roles = append(l.h.Roles, sub.h.Roles...)
		l.h.Workflows = append(l.h.Workflows, sub.h.Workflows...)
		l.h.Policies = append(l.h.Policies, sub.h.Policies...)
		l.h.Pages = append(l.h.Pages, sub.h.Pages...)
		l.diags.Add(sub.diags)
	}
}
