package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/accord-handbook/accord/generator/starter"
)

func runInit(_ context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("init", "DIR [--lang en]\n\nStart a new handbook in DIR from a starter template: three roles, one workflow,\none policy, an introduction and a glossary, with comments explaining every key.\nDIR must not exist yet or be empty: init never overwrites anything.", stderr)
	lang := fs.String("lang", starter.DefaultLanguage, "`language` of the starter: "+strings.Join(starter.Languages(), ", "))
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	switch len(pos) {
	case 0:
		return usagef("name the folder to create, for example: accord init handbook")
	case 1:
	default:
		return usagef("expected one folder, got %d arguments", len(pos))
	}
	if _, err := starter.FS(*lang); err != nil {
		return usageError{err.Error()}
	}
	dir := displayDir(pos[0])
	files, err := starter.Write(pos[0], *lang)
	if errors.Is(err, starter.ErrNotEmpty) {
		return fmt.Errorf("%s is not empty: choose a new or empty folder (init never overwrites files)", dir)
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote a starter handbook into %s (%d files)\n\nNext steps:\n", dir, len(files))
	fmt.Fprintf(stdout, "  accord serve %s            see the site, rebuilt on every save\n", dir)
	fmt.Fprintf(stdout, "  accord check %s            find mistakes, with file:line:col\n", dir)
	fmt.Fprintf(stdout, "  accord build %s -o public  write the site for your web server\n", dir)
	return nil
}
