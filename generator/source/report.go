package source

import (
	"fmt"
	"io"
)

// Report prints every diagnostic, one a line, then how many errors and
// warnings there were ("2 errors, 1 warning"; nothing when there were
// none), and reports whether any is an error.
func (l *List) Report(w io.Writer) (hasErrors bool) {
	for _, d := range l.Items {
		fmt.Fprintln(w, d.String())
	}
	errs, warns := l.Count()
	switch {
	case errs > 0:
		fmt.Fprintf(w, "%s, %s\n", Plural(errs, "error"), Plural(warns, "warning"))
	case warns > 0:
		fmt.Fprintf(w, "%s\n", Plural(warns, "warning"))
	}
	return errs > 0
}

// Plural is n and an English noun, in the plural unless n is 1.
func Plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
