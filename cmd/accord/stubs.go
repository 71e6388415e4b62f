package main

import (
	"context"
	"io"
)

func runServe(context.Context, []string, io.Writer, io.Writer) error { return usagef("not built yet") }
func runDiff(context.Context, []string, io.Writer, io.Writer) error  { return usagef("not built yet") }
