package main

import (
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/pprof"
	"strings"
)

// profiling takes the hidden flags --cpuprofile FILE and --memprofile FILE
// out of args (they are for bench/ and do not show in the help) and starts
// what they ask for. The returned stop writes the profiles; call it when the
// command is done. A profile that cannot be written is reported on stderr
// and does not fail the command.
func profiling(args []string, stderr io.Writer) ([]string, func()) {
	var cpu, mem string
	rest := make([]string, 0, len(args))
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			rest = append(rest, args[i:]...)
			break
		}
		name, value, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if !strings.HasPrefix(a, "-") || (name != "cpuprofile" && name != "memprofile") {
			rest = append(rest, a)
			continue
		}
		if !hasValue && i+1 < len(args) {
			i++
			value = args[i]
		}
		if name == "cpuprofile" {
			cpu = value
		} else {
			mem = value
		}
	}
	var cpuFile *os.File
	if cpu != "" {
		f, err := os.Create(cpu)
		if err == nil {
			err = pprof.StartCPUProfile(f)
		}
		if err != nil {
			fmt.Fprintf(stderr, "accord: cpuprofile: %v\n", err)
		} else {
			cpuFile = f
		}
	}
	return rest, func() {
		if cpuFile != nil {
			pprof.StopCPUProfile()
			cpuFile.Close()
		}
		if mem != "" {
			f, err := os.Create(mem)
			if err == nil {
				runtime.GC() // up-to-date statistics of what is live
				err = pprof.Lookup("allocs").WriteTo(f, 0)
				f.Close()
			}
			if err != nil {
				fmt.Fprintf(stderr, "accord: memprofile: %v\n", err)
			}
		}
	}
}
