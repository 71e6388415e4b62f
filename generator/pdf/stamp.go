package pdf

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"time"
)

// Chromium writes two things into a PDF that change from one print of a
// page to the next: the time of printing (the information dictionary's
// dates) and the ids of the tagged PDF's structure elements, which are
// the numbers of DOM nodes in the browser, counted across everything it
// has done. Both sit in uncompressed objects; steady rewrites them, each
// replacement as long as what it replaces, so that the byte offsets of
// the cross-reference table stay true.

// pdfDate matches a date of the information dictionary, in the machine's
// time zone.
var pdfDate = regexp.MustCompile(`/(CreationDate|ModDate) \(D:[0-9]{14}([+-][0-9]{2}'[0-9]{2}'|Z)?\)`)

// nodeID matches a structure element's id, where it is given and in the
// sorted ID tree that looks it up.
var nodeID = regexp.MustCompile(`\(node([0-9]+)\)`)

// steady makes pdf the same for the same page: its dates become date, at
// midnight UTC, and its structure ids are numbered from 1 in their order.
func steady(pdf []byte, date time.Time) []byte {
	day := time.Date(date.Year(), date.Month(), date.Day(), 0, 0, 0, 0, time.UTC).Format("20060102150405")
	pdf = pdfDate.ReplaceAllFunc(pdf, func(m []byte) []byte {
		sub := pdfDate.FindSubmatch(m)
		zone := ""
		switch len(sub[2]) {
		case 1:
			zone = "Z"
		case 7:
			zone = "+00'00'"
		}
		return []byte("/" + string(sub[1]) + " (D:" + day + zone + ")")
	})
	return renumber(pdf)
}

// renumber numbers the structure ids from 1, keeping their order (the ID
// tree is sorted) and each one's width.
func renumber(pdf []byte) []byte {
	var ids []int
	for _, m := range nodeID.FindAllSubmatch(pdf, -1) {
		if n, err := strconv.Atoi(string(m[1])); err == nil {
			ids = append(ids, n)
		}
	}
	slices.Sort(ids)
	ids = slices.Compact(ids)
	return nodeID.ReplaceAllFunc(pdf, func(m []byte) []byte {
		digits := m[len("(node") : len(m)-1]
		n, err := strconv.Atoi(string(digits))
		if err != nil {
			return m
		}
		rank, _ := slices.BinarySearch(ids, n)
		if out := fmt.Appendf(nil, "(node%0*d)", len(digits), rank+1); len(out) == len(m) {
			return out
		}
		return m
	})
}
