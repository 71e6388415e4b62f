package load

import (
	"runtime"
	"sync"

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
	l.stream(func(add func(func(*loader))) {
		for _, job := range jobs {
			add(job)
		}
	})
}

// stream is parallel for jobs that walk finds one after the other, passing
// each to add: the workers read the first files while the walk lists the
// folders for the next (listing the folders of a 5,000-page handbook was
// a tenth of loading it, on one CPU). The result is still that of running
// the jobs one after the other, in the order walk found them.
func (l *loader) stream(walk func(add func(func(*loader)))) {
	type job struct {
		i  int
		do func(*loader)
	}
	next := make(chan job, 256)
	var mu sync.Mutex
	var subs []*loader // by job number
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for j := range next {
				sub := *l
				sub.diags, sub.h = &source.List{}, &model.Handbook{}
				j.do(&sub)
				mu.Lock()
				for len(subs) <= j.i {
					subs = append(subs, nil)
				}
				subs[j.i] = &sub
				mu.Unlock()
			}
		})
	}
	n := 0
	walk(func(do func(*loader)) {
		next <- job{n, do}
		n++
	})
	close(next)
	wg.Wait()
	for _, sub := range subs {
		l.h.Roles = append(l.h.Roles, sub.h.Roles...)
		l.h.Workflows = append(l.h.Workflows, sub.h.Workflows...)
		l.h.Policies = append(l.h.Policies, sub.h.Policies...)
		l.h.Pages = append(l.h.Pages, sub.h.Pages...)
		l.diags.Add(sub.diags)
	}
}
