package graphviz

import (
	"errors"
	"time"
)

// helloTimeout bounds a worker's start, which includes compiling the
// WASM module when wazero's cache is cold.
const helloTimeout = 20 * time.Second

// layout runs Graphviz: in a worker from the pool, retiring it when its
// heap has grown past WorkerHeapLimit; in this process when no worker can
// be started.
func (r *Renderer) layout(dot []byte) ([]byte, error) {
	var held time.Duration
	defer func() {
		r.mu.Lock()
		r.stats.Layouts++
		r.stats.LayoutTime += held
		r.mu.Unlock()
	}()
	for attempt := 0; ; attempt++ {
		w := r.acquire()
		start := time.Now()
		if w == nil {
			svg, err := r.layoutHere(dot)
			held += time.Since(start)
			return svg, err
		}
		svg, broken, err := w.layout(dot, r.timeout)
		held += time.Since(start)
		r.release(w, broken || w.heap > r.heapMax)
		// A worker that died under us (killed, out of memory) gets one
		// retry on another; a timeout or a crash the worker reported
		// itself would only happen again.
		var crash *workerCrash
		if !errors.As(err, &crash) || attempt > 0 {
			return svg, err
		}
	}
}

// acquire takes an idle worker, starts one while fewer than maxWorkers
// run, or waits for one to be released. It returns nil when layouts run in
// this process.
func (r *Renderer) acquire() *worker {
	r.mu.Lock()
	defer r.mu.Unlock()
	for {
		switch {
		case r.inProc:
			return nil
		case len(r.idle) > 0:
			w := r.idle[len(r.idle)-1]
			r.idle = r.idle[:len(r.idle)-1]
			return w
		case r.live < r.maxWorkers:
			r.live++
			gen := r.gen
			r.mu.Unlock()
			w, err := startWorker(helloTimeout)
			r.mu.Lock()
			if err != nil {
				r.live--
				if r.live == 0 {
					r.inProc = true // e.g. no permission to run the executable
				} else {
					r.maxWorkers = r.live // e.g. out of memory: make do with those that run
				}
				r.freed.Broadcast()
				continue
			}
			w.gen = gen
			r.stats.Workers++
			return w
		default:
			r.freed.Wait()
		}
	}
}

// release gives a worker back to the pool, or ends it when it is broken,
// has grown too big or was started before the last Close.
func (r *Renderer) release(w *worker, retire bool) {
	r.mu.Lock()
	retire = retire || w.gen != r.gen
	if retire {
		r.live--
	} else {
		r.idle = append(r.idle, w)
	}
	r.mu.Unlock()
	r.freed.Signal()
	if retire {
		w.close()
	}
}

// layoutHere runs Graphviz in this process, one layout at a time. Its
// memory is never given back; this is the fallback, not the way.
func (r *Renderer) layoutHere(dot []byte) ([]byte, error) {
	gvMu.Lock()
	defer gvMu.Unlock()
	if r.eng == nil {
		e, err := newEngine()
		if err != nil {
			return nil, err
		}
		r.eng = e
		r.mu.Lock()
		r.stats.Workers++
		r.mu.Unlock()
	}
	svg, fatal, err := r.eng.layout(dot)
	if fatal {
		r.eng.close()
		r.eng = nil
	}
	return svg, err
}
