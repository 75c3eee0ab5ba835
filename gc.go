package main

import (
	"runtime/debug"
	"strings"
)

// pmpath's garbage-collector defaults for serving. Each submission
// allocates about 160 KB of short-lived memory on a live heap of a few
// tens of MB, so Go's default (collect whenever the heap has grown by
// 100 %) collects every few dozen requests. Letting the heap grow by
// 400 % collects a quarter as often; the soft memory limit keeps the
// peak bounded all the same, by collecting sooner when the process
// nears it. The limit leaves room above the submission load's peak (about
// 100 MiB) for a burst of sign-ins, whose password hashes hold 19 MiB each
// (PMPATH_HASH_CONCURRENCY at a time): a live heap near the limit would
// make the collector run nearly without pause. docs/performance.md has
// the measurements.
const (
	defaultGCPercent   = 400
	defaultMemoryLimit = 128 << 20 // bytes
)

// tuneGC applies those defaults, each unless the environment sets the Go
// runtime's own variable (GOGC, GOMEMLIMIT), which the runtime has then
// applied already and which wins. The two are independent: GOGC=off alone
// leaves the default limit as the collector's only trigger. It returns the
// settings in force.
func tuneGC(environ []string) (gcPercent int, memoryLimit int64) {
	set := map[string]bool{}
	for _, kv := range environ {
		// An empty value is unset to the runtime too.
		if k, v, _ := strings.Cut(kv, "="); v != "" {
			set[k] = true
		}
	}
	if !set["GOGC"] {
		debug.SetGCPercent(defaultGCPercent)
	}
	if !set["GOMEMLIMIT"] {
		debug.SetMemoryLimit(defaultMemoryLimit)
	}
	// The runtime reads the percentage only by setting it.
	gcPercent = debug.SetGCPercent(100)
	debug.SetGCPercent(gcPercent)
	return gcPercent, debug.SetMemoryLimit(-1)
}
