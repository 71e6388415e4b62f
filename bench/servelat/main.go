// Command servelat measures `accord serve` from a saved file to the new page
// being served.
//
// In: an accord binary and a handbook folder. It copies the handbook to a
// temporary folder, starts `accord serve --port 0` on the copy, listens on
// the live-reload stream like an open browser tab, and edits one source N
// times. For each edit it times the reload event that names the edited
// page, and the moment a GET of that page returns the new text. Out:
// min/median/max of both, and of the rebuild times accord printed.
//
//	go run ./bench/servelat -accord /tmp/accord -content content -n 20
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"
)

var verbose bool

func main() {
	bin := flag.String("accord", "accord", "accord binary")
	content := flag.String("content", "content", "handbook to copy and serve")
	file := flag.String("file", "policies/meetings.md", "source to edit, relative to the handbook")
	page := flag.String("page", "", "page that shows it (default: derived from -file)")
	n := flag.Int("n", 20, "timed edits")
	warm := flag.Int("warmup", 2, "untimed edits first")
	gap := flag.Duration("gap", 150*time.Millisecond, "pause between edits")
	tmpRoot := flag.String("tmp", "", "where to put the copy (default: /dev/shm when writable, else the temp dir)")
	flag.BoolVar(&verbose, "v", false, "echo accord's output")
	limit := flag.Duration("timeout", time.Minute, "longest wait for one edit")
	flag.Parse()
	if *page == "" {
		*page = strings.TrimSuffix(*file, filepath.Ext(*file)) + ".html"
	}
	if err := run(*bin, *content, *file, *page, *n, *warm, *gap, *tmpRoot, *limit); err != nil {
		fmt.Fprintln(os.Stderr, "servelat:", err)
		os.Exit(1)
	}
}

func run(bin, content, file, page string, n, warm int, gap time.Duration, tmpRoot string, limit time.Duration) error {
	if tmpRoot == "" {
		tmpRoot = os.TempDir()
		if st, err := os.Stat("/dev/shm"); err == nil && st.IsDir() {
			tmpRoot = "/dev/shm"
		}
	}
	tmp, err := os.MkdirTemp(tmpRoot, "servelat-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	hb := filepath.Join(tmp, "hb")
	if err := os.CopyFS(hb, os.DirFS(content)); err != nil {
		return err
	}
	src := filepath.Join(hb, filepath.FromSlash(file))
	orig, err := os.ReadFile(src)
	if err != nil {
		return err
	}

	cmd := exec.Command(bin, "serve", "--port", "0", hb)
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	defer func() {
		cmd.Process.Signal(syscall.SIGINT)
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			cmd.Process.Kill()
		}
	}()
	lines := make(chan string, 1024)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	base, err := waitURL(lines, limit)
	if err != nil {
		return err
	}
	var rebuilds []time.Duration
	go func() {
		rx := regexp.MustCompile(`^rebuilt in (\d+)ms`)
		for l := range lines {
			if verbose {
				fmt.Println("  accord:", l)
			}
			if m := rx.FindStringSubmatch(l); m != nil {
				ms, _ := strconv.Atoi(m[1])
				rebuilds = append(rebuilds, time.Duration(ms)*time.Millisecond)
			}
		}
	}()

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	reloads, err := listen(ctx, base)
	if err != nil {
		return err
	}
	files := countFiles(hb)
	fmt.Printf("serving a copy of %s (%d source files) at %s; editing %s, watching %s\n", content, files, base, file, page)

	var toReload, toPage []time.Duration
	for i := range warm + n {
		marker := fmt.Sprintf("Latency probe %d at %d.", i, time.Now().UnixNano())
		text := append(append([]byte{}, orig...), []byte("\n\n"+marker+"\n")...)
		drain(reloads)
		t0 := time.Now()
		if err := os.WriteFile(src, text, 0o644); err != nil {
			return err
		}
		if err := waitReload(reloads, page, limit); err != nil {
			return fmt.Errorf("edit %d: %v", i, err)
		}
		t1 := time.Since(t0)
		if err := waitPage(base+page, marker, limit); err != nil {
			return fmt.Errorf("edit %d: %v", i, err)
		}
		t2 := time.Since(t0)
		if i >= warm {
			toReload, toPage = append(toReload, t1), append(toPage, t2)
		}
		time.Sleep(gap)
	}
	time.Sleep(50 * time.Millisecond)
	fmt.Printf("%d edits\n", n)
	fmt.Printf("  save → reload event:  %s\n", stats(toReload))
	fmt.Printf("  save → page served:   %s\n", stats(toPage))
	if len(rebuilds) > warm {
		fmt.Printf("  rebuild (as printed): %s\n", stats(rebuilds[warm:]))
	}
	return nil
}

func waitURL(lines <-chan string, limit time.Duration) (string, error) {
	rx := regexp.MustCompile(`serving \S+ at (http://\S+/)`)
	deadline := time.After(limit)
	for {
		select {
		case l, ok := <-lines:
			if !ok {
				return "", fmt.Errorf("accord serve exited before serving")
			}
			if m := rx.FindStringSubmatch(l); m != nil {
				return m[1], nil
			}
		case <-deadline:
			return "", fmt.Errorf("accord serve did not start within %s", limit)
		}
	}
}

// listen opens the live stream and delivers the changed paths of each reload.
func listen(ctx context.Context, base string) (<-chan []string, error) {
	req, _ := http.NewRequestWithContext(ctx, "GET", base+"_accord/live", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	ch := make(chan []string, 64)
	go func() {
		defer resp.Body.Close()
		sc := bufio.NewScanner(resp.Body)
		sc.Buffer(nil, 1<<20)
		name := ""
		for sc.Scan() {
			l := sc.Text()
			switch {
			case strings.HasPrefix(l, "event: "):
				name = l[7:]
			case strings.HasPrefix(l, "data: ") && name == "reload":
				var ev struct{ Paths []string }
				json.Unmarshal([]byte(l[6:]), &ev)
				ch <- ev.Paths
			}
		}
	}()
	return ch, nil
}

func drain(ch <-chan []string) {
	for len(ch) > 0 {
		<-ch
	}
}

func waitReload(ch <-chan []string, page string, limit time.Duration) error {
	deadline := time.After(limit)
	for {
		select {
		case paths := <-ch:
			// No paths: the whole site may have changed (a lazily
			// rendered site does not know which pages did).
			if len(paths) == 0 || slices.Contains(paths, page) {
				return nil
			}
		case <-deadline:
			return fmt.Errorf("no reload naming %s within %s", page, limit)
		}
	}
}

func waitPage(url, marker string, limit time.Duration) error {
	deadline := time.Now().Add(limit)
	for time.Now().Before(deadline) {
		resp, err := http.Get(url)
		if err == nil {
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if strings.Contains(string(b), marker) {
				return nil
			}
		}
		time.Sleep(time.Millisecond)
	}
	return fmt.Errorf("%s never showed the edit", url)
}

func stats(ds []time.Duration) string {
	if len(ds) == 0 {
		return "no samples"
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	med := s[len(s)/2]
	if len(s)%2 == 0 {
		med = (s[len(s)/2-1] + s[len(s)/2]) / 2
	}
	r := func(d time.Duration) string { return fmt.Sprintf("%.1fms", float64(d.Microseconds())/1000) }
	return fmt.Sprintf("min %s  median %s  max %s", r(s[0]), r(med), r(s[len(s)-1]))
}

func countFiles(dir string) int {
	n := 0
	filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			n++
		}
		return nil
	})
	return n
}
