package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/accord-handbook/accord/generator"
	"github.com/accord-handbook/accord/generator/source"
)

const pdfUsage = `[DIR] [-o FILE] [--role ROLE] [--version V] [--as-of DATE]

Print the handbook in DIR (default ./content) to PDF through headless
Chromium: the whole handbook, or with --role one role's booklet (its page
and its reading list); with --version, an earlier version of [versions].
Text stays text, fonts are embedded, bookmarks follow the headings, and
every sheet carries the title, version, effective date, page number and
"uncontrolled when printed" with the as-of date (default:
SOURCE_DATE_EPOCH's date, else today).

Chromium is found as ACCORD_CHROMIUM, else chromium, chromium-browser or
google-chrome on PATH (Debian: sudo apt-get install -y chromium); a Chinese
handbook needs a Chinese font (sudo apt-get install -y fonts-wqy-microhei).

Exit codes: 0 success, 1 the handbook has errors or Chromium is missing or
failed, 2 the command line is wrong (an unknown role or version too).`

func runPDF(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("pdf", pdfUsage, stderr)
	out := fs.String("o", "", "the PDF `file` to write; - for stdout (default handbook.pdf, or ROLE.pdf with --role)")
	role := fs.String("role", "", "print this `role`'s booklet instead of the whole handbook")
	version := fs.String("version", "", "print this earlier `version` (a number from [versions]) instead of the current one")
	timeout := fs.Duration("timeout", generator.DefaultPDFTimeout, "give Chromium this long to print")
	asOfArg := asOfFlag(fs)
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	dir, err := handbookDir(pos)
	if err != nil {
		return err
	}
	asOf, err := generator.AsOf(*asOfArg)
	if err != nil {
		return usageError{err.Error()}
	}
	if *timeout <= 0 {
		return usagef("--timeout %s: want a positive duration, like 5m", *timeout)
	}
	file := *out
	if file == "" {
		file = "handbook.pdf"
		if *role != "" {
			file = filepath.Base(*role) + ".pdf"
		}
	}
	if info, err := os.Stat(file); err == nil && info.IsDir() {
		return usagef("-o %s is a folder: name the PDF file to write (-o %s)", file, filepath.Join(file, "handbook.pdf"))
	}
	start := time.Now()
	data, chk, err := generator.PDF(ctx, generator.PDFOptions{
		Options: generator.Options{Dir: dir, Name: displayDir(dir), AsOf: asOf},
		Role:    *role, Version: *version, Timeout: *timeout,
	})
	if chk != nil && chk.Diags.Report(stderr) {
		return errHandbook
	}
	var ae *generator.ArgError
	switch {
	case errors.As(err, &ae):
		return usageError{ae.Msg}
	case errors.Is(err, context.Canceled):
		return fmt.Errorf("interrupted: nothing written")
	case err != nil:
		return err
	}
	if file == "-" {
		_, err := stdout.Write(data)
		return err
	}
	if err := writeFile(file, data); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "printed %s → %s: %.1f MB in %s\n", source.EscapeLine(displayDir(dir)), source.EscapeLine(file), float64(len(data))/(1<<20), time.Since(start).Round(time.Millisecond))
	return nil
}

// writeFile writes data to name whole or not at all: a print that fails
// while writing leaves the previous PDF as it was.
func writeFile(name string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	_, err = tmp.Write(data)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp.Name(), 0o644)
	}
	if err == nil {
		err = os.Rename(tmp.Name(), name)
	}
	return err
}
