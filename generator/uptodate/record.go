package uptodate

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

	"github.com/accord-handbook/accord/generator/site"
)

// writeRecord records the site in out. A record that cannot be written
// only costs the next build its shortcut.
func writeRecord(record, out, inputs string, written map[string]fs.FileInfo) {
	if record == "" || inputs == "" {
		return
	}
	digest, files, err := outputDigest(out, written)
	if err != nil {
		return
	}
	abs, _ := filepath.Abs(out)
	text := "accord build record 1\nout " + abs + "\ninputs " + inputs + "\noutput " + digest + "\nfiles " + strconv.Itoa(files) + "\n"
	_ = site.ReplaceFile(record, []byte(text))
}

// forget removes the record of out's last build, before out is replaced,
// so that a record never describes another site.
func forget(record string) {
	if record != "" {
		os.Remove(record)
	}
}

// hasRecord reports whether a build was recorded in record: if not,
// upToDate is false whatever the digest.
func hasRecord(record string) bool {
	_, err := os.Stat(record)
	return record != "" && err == nil
}

// upToDate reports whether record says that out was built from inputs, and
// out's files are still as that build wrote them; and how many there are.
func upToDate(record, out, inputs string) (files int, ok bool) {
	if record == "" || inputs == "" {
		return 0, false
	}
	b, err := os.ReadFile(record)
	if err != nil {
		return 0, false
	}
	abs, _ := filepath.Abs(out)
	var gotOut, gotIn, gotDigest string
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		k, v, _ := strings.Cut(sc.Text(), " ")
		switch k {
		case "out":
			gotOut = v
		case "inputs":
			gotIn = v
		case "output":
			gotDigest = v
		}
	}
	if gotOut != abs || gotIn != inputs || gotDigest == "" {
		return 0, false
	}
	if _, err := os.Stat(filepath.Join(out, site.Marker)); err != nil {
		return 0, false
	}
	d, n, err := outputDigest(out, nil)
	if err != nil || d != gotDigest {
		return 0, false
	}
	return n, true
}

// outputDigest hashes the name, size, mode and modification time of every
// file under dir but the marker: an edited, added or deleted file changes
// it without reading any file. known holds files as they stood when they
// were written (Writer.Add): those are not stat'ed again.
func outputDigest(dir string, known map[string]fs.FileInfo) (string, int, error) {
	h := sha256.New()
	files := 0
	var num [8]byte
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if rel == site.Marker {
			return nil
		}
		slash := filepath.ToSlash(rel)
		info, ok := known[slash]
		if !ok || d.IsDir() {
			if info, err = d.Info(); err != nil {
				return err
			}
		}
		h.Write([]byte(slash))
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
