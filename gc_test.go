package main

import (
	"math"
	"runtime/debug"
	"testing"
)

func TestTuneGC(t *testing.T) {
	// The settings are the process's: put back what the test found.
	percent := debug.SetGCPercent(100)
	debug.SetGCPercent(percent)
	limit := debug.SetMemoryLimit(-1)
	t.Cleanup(func() {
		debug.SetGCPercent(percent)
		debug.SetMemoryLimit(limit)
	})

	tests := []struct {
		name        string
		environ     []string
		start       [2]int64 // the runtime's settings before, as if from the environment
		wantPercent int
		wantLimit   int64
	}{
		{"defaults", []string{"PATH=/bin"}, [2]int64{100, math.MaxInt64}, defaultGCPercent, defaultMemoryLimit},
		{"GOGC set", []string{"GOGC=50"}, [2]int64{50, math.MaxInt64}, 50, defaultMemoryLimit},
		{"GOMEMLIMIT set", []string{"GOMEMLIMIT=1GiB"}, [2]int64{100, 1 << 30}, defaultGCPercent, 1 << 30},
		{"both set", []string{"GOGC=off", "GOMEMLIMIT=64MiB"}, [2]int64{-1, 64 << 20}, -1, 64 << 20},
		{"set but empty", []string{"GOGC=", "GOMEMLIMIT="}, [2]int64{100, math.MaxInt64}, defaultGCPercent, defaultMemoryLimit},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			debug.SetGCPercent(int(tt.start[0]))
			debug.SetMemoryLimit(tt.start[1])
			gotPercent, gotLimit := tuneGC(tt.environ)
			if gotPercent != tt.wantPercent || gotLimit != tt.wantLimit {
				t.Errorf("tuneGC(%q) = %d, %d; want %d, %d", tt.environ, gotPercent, gotLimit, tt.wantPercent, tt.wantLimit)
			}
			if p := debug.SetGCPercent(100); p != tt.wantPercent {
				t.Errorf("the runtime's GC percent is %d, want %d", p, tt.wantPercent)
			}
			if l := debug.SetMemoryLimit(-1); l != tt.wantLimit {
				t.Errorf("the runtime's memory limit is %d, want %d", l, tt.wantLimit)
			}
		})
	}
}
