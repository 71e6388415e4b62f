package gitfs

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"slices"
	"strconv"
	"strings"
	"time"
)

// eagerLimit is the largest blob Open reads up front. Sources are
// kilobytes; a big file is read only if someone opens it.
const eagerLimit = 1 << 20

// eager reports a file Open reads up front: a small one outside assets/.
// Assets are read when the site copies them, which building a handbook
// does one version at a time and diffing it never does: a history of
// versions each with megabytes of images is not held in memory at once.
func eager(name string, size int64) bool {
	return size <= eagerLimit && !strings.HasPrefix(name, "assets/")
}

// Open returns the tree of ref (a tag, branch, commit or HEAD) in the
// repository at repoDir, limited to subdir ("" or "." for the whole tree),
// as a read-only fs.FS. It reads the listing and every small file at once
// with two git processes, so the FS holds no process open and is safe for
// concurrent use. Symbolic links and submodules in the tree are left out:
// a link could point outside the version being read.
//
// The FS is an *FS, whose Commit and Time say which commit was read.
func Open(repoDir, ref, subdir string) (fs.FS, error) {
	sub, err := cleanSubdir(subdir)
	if err != nil {
		return nil, err
	}
	commit, err := resolveCommit(repoDir, ref)
	if err != nil {
		return nil, err
	}
	tree := commit
	if sub != "." {
		tree = commit + ":" + sub
		if out, err := git(repoDir, "cat-file", "-t", tree); err != nil || strings.TrimSpace(string(out)) != "tree" {
			return nil, fmt.Errorf("%s: no folder %s in %s", ref, sub, repoDir)
		}
	}
	out, err := git(repoDir, "ls-tree", "-r", "-z", "-l", "--full-tree", tree)
	if err != nil {
		return nil, fmt.Errorf("%s: cannot list files in %s: %w", ref, repoDir, err)
	}
	f := &FS{Commit: commit, repo: repoDir, files: map[string]*entry{}}
	if err := f.parseTree(out); err != nil {
		return nil, fmt.Errorf("%s: %w", ref, err)
	}
	if err := f.readBlobs(); err != nil {
		return nil, fmt.Errorf("%s: cannot read files from %s: %w", ref, repoDir, err)
	}
	f.index()
	return f, nil
}

// cleanSubdir turns subdir into a clean slash path inside the repository.
func cleanSubdir(subdir string) (string, error) {
	s := path.Clean(strings.ReplaceAll(subdir, `\`, "/"))
	if s == "" || s == "/" {
		s = "."
	}
	if strings.HasPrefix(s, "/") || s == ".." || strings.HasPrefix(s, "../") {
		return "", fmt.Errorf("folder %q must be a path inside the repository", subdir)
	}
	return s, nil
}

// resolveCommit turns ref into a full commit id. A ref starting with '-'
// is refused rather than handed to git, which would read it as an option.
func resolveCommit(repoDir, ref string) (string, error) {
	notFound := fmt.Errorf("%s: no such tag, branch or commit in %s", ref, repoDir)
	if ref == "" || strings.HasPrefix(ref, "-") || strings.ContainsAny(ref, "\x00\n") {
		return "", notFound
	}
	out, err := git(repoDir, "rev-parse", "--verify", "--quiet", ref+"^{commit}")
	if err != nil {
		var ge *gitError
		if errors.As(err, &ge) && ge.msg == "" {
			return "", notFound // --quiet: the ref just does not exist
		}
		if errors.Is(err, ErrNoGit) {
			return "", err
		}
		return "", fmt.Errorf("%s: %s: %w", repoDir, ref, err) // no repository, say
	}
	commit := strings.TrimSpace(string(out))
	if commit == "" {
		return "", notFound
	}
	return commit, nil
}

// parseTree reads `ls-tree -r -z -l` output: "mode type oid size\tpath".
func (f *FS) parseTree(out []byte) error {
	for _, rec := range bytes.Split(out, []byte{0}) {
		if len(rec) == 0 {
			continue
		}
		head, name, ok := strings.Cut(string(rec), "\t")
		fields := strings.Fields(head)
		if !ok || len(fields) != 4 {
			return fmt.Errorf("unexpected ls-tree line %q", rec)
		}
		mode, typ, oid := fields[0], fields[1], fields[2]
		if typ != "blob" || (mode != "100644" && mode != "100755") {
			continue // symlink (120000), submodule (commit) or oddity
		}
		if !validName(name) {
			continue
		}
		size, err := strconv.ParseInt(fields[3], 10, 64)
		if err != nil {
			return fmt.Errorf("unexpected ls-tree size in %q", rec)
		}
		perm := fs.FileMode(0o644)
		if mode == "100755" {
			perm = 0o755
		}
		f.files[name] = &entry{name: path.Base(name), mode: perm, size: size, oid: oid}
	}
	return nil
}

// validName keeps paths fs.FS can name; git allows a few it cannot.
func validName(name string) bool {
	return name != "" && !strings.Contains(name, "\\") && fs.ValidPath(name)
}

// readBlobs reads the commit object and every small blob through one
// `git cat-file --batch`.
func (f *FS) readBlobs() error {
	want := []string{f.Commit}
	seen := map[string]bool{f.Commit: true}
	for name, e := range f.files {
		if eager(name, e.size) && !seen[e.oid] {
			seen[e.oid] = true
			want = append(want, e.oid)
		}
	}
	blobs, err := catFile(f.repo, want)
	if err != nil {
		return err
	}
	f.Time = commitTime(blobs[f.Commit])
	for name, e := range f.files {
		if data, ok := blobs[e.oid]; ok && eager(name, e.size) {
			e.data = data
		}
	}
	return nil
}

// catFile reads the objects oids through one `git cat-file --batch`.
// Requests are written from a goroutine: git answers while it reads, and
// both pipes would fill up otherwise.
func catFile(repo string, oids []string) (map[string][]byte, error) {
	cmd, err := command(repo, "cat-file", "--batch")
	if err != nil {
		return nil, err
	}
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	go func() {
		w := bufio.NewWriter(stdin)
		for _, oid := range oids {
			fmt.Fprintln(w, oid)
		}
		w.Flush()
		stdin.Close()
	}()
	blobs, readErr := readBatch(bufio.NewReader(stdout), len(oids))
	if readErr != nil {
		_ = cmd.Process.Kill()
	}
	if err := cmd.Wait(); err != nil && readErr == nil {
		readErr = err
	}
	return blobs, readErr
}

// readBatch reads n answers of `cat-file --batch`:
// "<oid> <type> <size>\n<content>\n", or "<oid> missing\n".
func readBatch(r *bufio.Reader, n int) (map[string][]byte, error) {
	out := make(map[string][]byte, n)
	for range n {
		header, err := r.ReadString('\n')
		if err != nil {
			return nil, fmt.Errorf("reading git cat-file: %w", err)
		}
		fields := strings.Fields(header)
		if len(fields) != 3 {
			return nil, fmt.Errorf("git cat-file: %s", strings.TrimSpace(header))
		}
		size, err := strconv.Atoi(fields[2])
		if err != nil || size < 0 {
			return nil, fmt.Errorf("git cat-file: bad header %q", strings.TrimSpace(header))
		}
		data := make([]byte, size+1) // content and its trailing newline
		if _, err := io.ReadFull(r, data); err != nil {
			return nil, fmt.Errorf("reading git cat-file: %w", err)
		}
		out[fields[0]] = data[:size]
	}
	return out, nil
}

// commitTime reads the committer date of a raw commit object, so every
// file of a version carries the time the version was made (a stable value,
// unlike the time of the read).
func commitTime(obj []byte) time.Time {
	for _, line := range strings.Split(string(obj), "\n") {
		if line == "" {
			break // end of the headers
		}
		if rest, ok := strings.CutPrefix(line, "committer "); ok {
			fields := strings.Fields(rest)
			if len(fields) >= 2 {
				if sec, err := strconv.ParseInt(fields[len(fields)-2], 10, 64); err == nil {
					return time.Unix(sec, 0).UTC()
				}
			}
		}
	}
	return time.Time{}
}

// readAhead bounds the bytes of the blobs an FS holds read ahead of their
// Open.
const readAhead = 8 << 20

// readLarge reads a blob that Open left unread. The site copies a
// version's assets one after the other, in the order of their names: a
// git process for each took minutes for a history of versions each with
// hundreds of images. So it reads this blob and the large ones named after
// it, up to readAhead bytes, with one process, and keeps the others until
// they are opened: what an FS holds ahead is bounded, whatever the order
// of the reads.
func (f *FS) readLarge(name string, e *entry) ([]byte, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if data, ok := f.ahead[e.oid]; ok {
		delete(f.ahead, e.oid)
		f.aheadSize -= int64(len(data))
		return data, nil
	}
	if f.large == nil {
		for n, l := range f.files {
			if !l.dir && l.data == nil && l.size > 0 {
				f.large = append(f.large, n)
			}
		}
		slices.Sort(f.large)
	}
	want := []string{e.oid}
	seen := map[string]bool{e.oid: true}
	i, _ := slices.BinarySearch(f.large, name)
	for size := f.aheadSize; i < len(f.large); i++ {
		next := f.files[f.large[i]]
		if seen[next.oid] || f.ahead[next.oid] != nil {
			continue
		}
		if size += next.size; size > readAhead {
			break
		}
		seen[next.oid] = true
		want = append(want, next.oid)
	}
	blobs, err := catFile(f.repo, want)
	if err != nil {
		return nil, err
	}
	data, ok := blobs[e.oid]
	if !ok {
		return nil, fmt.Errorf("git cat-file: %s missing", e.oid)
	}
	delete(blobs, e.oid)
	if f.ahead == nil {
		f.ahead = map[string][]byte{}
	}
	for oid, b := range blobs {
		f.ahead[oid] = b
		f.aheadSize += int64(len(b))
	}
	return data, nil
}
