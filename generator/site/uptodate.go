package site

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// A site remembers what it was built from: the marker holds a digest of the
// build's inputs (computed by the caller) and a digest of the files as they
// were written (names, sizes, modification times). A build whose inputs
// have the same digest, into a folder whose files still match, would write
// the same bytes again (builds are deterministic), so it can stop there.

const markerText = "written by accord; replaced whole on every build\n"

// SetInputs records the digest of what this site is built from, for
// UpToDate. Call it before Commit.
func (w *Writer) SetInputs(digest string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.inputs = digest
}

// writeMarker writes the marker of the finished site in dir.
func writeMarker(dir, inputs string) error {
	text := markerText
	if inputs != "" {
		out, files, err := outputDigest(dir)
		if err != nil {
			return err
		}
		text += "inputs " + inputs + "\noutput " + out + "\nfiles " + strconv.Itoa(files) + "\n"
	}
	return os.WriteFile(filepath.Join(dir, Marker), []byte(text), 0o644)
}

// HasInputs reports whether out's marker records a digest of inputs: if
// not, UpToDate is false whatever the digest.
func HasInputs(out string) bool {
	b, err := os.ReadFile(filepath.Join(out, Marker))
	return err == nil && bytes.Contains(b, []byte("\ninputs "))
}

// UpToDate reports whether out holds a site built from inputs and left as
// it was written, and how many files it has.
func UpToDate(out, inputs string) (files int, ok bool) {
	if inputs == "" {
		return 0, false
	}
	b, err := os.ReadFile(filepath.Join(out, Marker))
	if err != nil {
		return 0, false
	}
	var gotIn, gotOut string
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		k, v, _ := strings.Cut(sc.Text(), " ")
		switch k {
		case "inputs":
			gotIn = v
		case "output":
			gotOut = v
		}
	}
	if gotIn != inputs || gotOut == "" {
		return 0, false
	}
	d, n, err := outputDigest(out)
	if err != nil || d != gotOut {
		return 0, false
	}
	return n, true
}

// outputDigest hashes the name, size, mode and modification time of every
// file under dir but the marker: an edited, added or deleted file changes
// it without reading any file.
func outputDigest(dir string) (string, int, error) {
	h := sha256.New()
	files := 0
	var num [8]byte
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if rel == Marker {
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		h.Write([]byte(filepath.ToSlash(rel)))
		h.Write([]byte{0})
		binary.LittleEndian.PutUint64(num[:], uint64(info.Mode()))
		h.Write(num[:])
		if !d.IsDir() {
			files++
			binary.LittleEndian.PutUint64(num[:], uint64(info.Size()))
			h.Write(num[:])
			binary.LittleEndian.PutUint64(num[:], uint64(info.ModTime().UnixNano()))
			h.Write(num[:])
		}
		return nil
	})
	if err != nil {
		return "", 0, err
	}
	return hex.EncodeToString(h.Sum(nil)), files, nil
}
