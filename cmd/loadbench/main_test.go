package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/pmpath/pmpath/internal/store/storetest"
)

// TestMain lets the test binary stand in for the harness's reference
// server, which the harness starts by running its own executable.
func TestMain(m *testing.M) {
	if path := os.Getenv(staticEnv); path != "" {
		ctx, stop := context.WithCancel(context.Background())
		defer stop()
		if err := serveStatic(ctx, path, os.Stdout); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		return
	}
	os.Exit(m.Run())
}

// TestQuickRun runs the whole harness at toy scale and checks the report
// has every figure, sane and consistent. It asserts structure, never
// speed: the machine running the tests may be arbitrarily slow.
func TestQuickRun(t *testing.T) {
	if testing.Short() {
		t.Skip("builds pmpath and runs it: not in -short")
	}
	pg := os.Getenv(storetest.EnvPostgres)
	args := []string{"-quick", "-concurrency", "2", "-duration", "300ms", "-warmup", "100ms",
		"-small-rows", "40", "-rows", "120", "-loadgen", "go", "-postgres", pg, "-dir", t.TempDir()}
	cfg, err := parseFlags(args, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	var progress bytes.Buffer
	rep, err := run(context.Background(), cfg, &progress)
	if err != nil {
		t.Fatalf("run: %v\nprogress:\n%s", err, progress.String())
	}

	wantComparisons := []string{"catalog reads"}
	if pg != "" {
		wantComparisons = append(wantComparisons, "advisor listing p95", "advisor listing p50")
		if hasPgbench() {
			wantComparisons = append(wantComparisons, "quiz submission")
		}
	}
	for _, name := range wantComparisons {
		c, ok := findComparison(rep.Comparisons, name)
		if !ok {
			t.Errorf("no %q comparison in %+v", name, rep.Comparisons)
			continue
		}
		if len(c.Refs) != cfg.runs || len(c.Ourss) != cfg.runs {
			t.Errorf("%s: %d reference and %d pmpath runs, want %d each", c.Name, len(c.Refs), len(c.Ourss), cfg.runs)
		}
		for _, v := range append(append([]float64{}, c.Refs...), c.Ourss...) {
			if !(v > 0) {
				t.Errorf("%s: a run measured %v", c.Name, v)
			}
		}
		if r := c.Ratio(); r != median(c.Ourss)/median(c.Refs) {
			t.Errorf("%s: ratio %v is not the ratio of the medians", c.Name, r)
		}
	}
	wantServers := 1 // SQLite
	if pg != "" {
		wantServers = 2
	}
	if len(rep.Memory) != wantServers {
		t.Errorf("%d peak-memory figures, want %d", len(rep.Memory), wantServers)
	}
	for _, m := range rep.Memory {
		// A live Go server holds at least a few MiB and, at this scale,
		// far less than a GiB: outside that the reading is wrong.
		if m.Bytes < 4<<20 || m.Bytes > 1<<30 {
			t.Errorf("peak memory %s: %d bytes", m.Server, m.Bytes)
		}
	}
	if f, ok := findFigure(rep.Figures, "SQLite"); !ok || len(f.Values) != cfg.runs {
		t.Errorf("SQLite submission figure: %+v", rep.Figures)
	}
	if pg != "" {
		if len(rep.Details) != len(listingQueries) {
			t.Errorf("%d listing details, want one per query (%d)", len(rep.Details), len(listingQueries))
		}
		if len(rep.Plans) == 0 {
			t.Error("no EXPLAIN output")
		}
		for _, p := range rep.Plans {
			if !strings.Contains(p.Text, "Execution Time") {
				t.Errorf("%s: not EXPLAIN ANALYZE output:\n%s", p.Name, p.Text)
			}
		}
	}

	var md bytes.Buffer
	rep.Markdown(&md)
	for _, want := range append([]string{"| what | reference | pmpath | ratio | target | met | per-run ratios, median |", "peak RSS (VmHWM)", rep.Machine.CPUModel}, wantComparisons...) {
		if !strings.Contains(md.String(), want) {
			t.Errorf("markdown lacks %q:\n%s", want, md.String())
		}
	}
}

func hasPgbench() bool {
	_, ok := lookPgbench()
	return ok
}

func findComparison(cs []Comparison, prefix string) (Comparison, bool) {
	for _, c := range cs {
		if strings.HasPrefix(c.Name, prefix) {
			return c, true
		}
	}
	return Comparison{}, false
}

func findFigure(fs []Figure, part string) (Figure, bool) {
	for _, f := range fs {
		if strings.Contains(f.Name, part) {
			return f, true
		}
	}
	return Figure{}, false
}

func TestParseFlags(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		wantErr bool
		check   func(config) error
	}{
		{name: "defaults", check: func(c config) error {
			if c.runs != 3 || c.largeRows != 1_000_000 || c.smallRows != 10_000 || len(c.only) != len(parts) {
				return fmt.Errorf("%+v", c)
			}
			return nil
		}},
		{name: "quick shrinks the datasets and runs", args: []string{"-quick"}, check: func(c config) error {
			if c.largeRows > 10_000 || c.duration > 2*time.Second {
				return fmt.Errorf("%+v", c)
			}
			return nil
		}},
		{name: "flags after -quick win", args: []string{"-quick", "-rows", "5000"}, check: func(c config) error {
			if c.largeRows != 5000 {
				return fmt.Errorf("rows %d", c.largeRows)
			}
			return nil
		}},
		{name: "only", args: []string{"-only", "catalog, listing"}, check: func(c config) error {
			if strings.Join(c.only, ",") != "catalog,listing" {
				return fmt.Errorf("only %q", c.only)
			}
			return nil
		}},
		{name: "fewer than 3 runs", args: []string{"-runs", "2"}, wantErr: true},
		{name: "unknown part", args: []string{"-only", "catalog,everything"}, wantErr: true},
		{name: "unknown load generator", args: []string{"-loadgen", "ab"}, wantErr: true},
		{name: "small dataset larger than the large one", args: []string{"-small-rows", "10", "-rows", "5"}, wantErr: true},
		{name: "stray argument", args: []string{"now"}, wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := parseFlags(tt.args, io.Discard)
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, want error %v", err, tt.wantErr)
			}
			if err == nil && tt.check != nil {
				if err := tt.check(c); err != nil {
					t.Error(err)
				}
			}
		})
	}
}

func TestComparison(t *testing.T) {
	tests := []struct {
		name      string
		c         Comparison
		wantRatio float64
		wantMet   bool
	}{
		{"throughput above target", Comparison{Refs: []float64{100, 90, 110}, Ourss: []float64{80, 70, 75}, Target: 0.7, HigherIsBetter: true}, 0.75, true},
		{"throughput below target", Comparison{Refs: []float64{100, 100, 100}, Ourss: []float64{60, 65, 50}, Target: 0.7, HigherIsBetter: true}, 0.6, false},
		{"latency within bound", Comparison{Refs: []float64{10, 12, 11}, Ourss: []float64{20, 22, 21}, Target: 2}, 21.0 / 11, true},
		{"latency over bound", Comparison{Refs: []float64{10, 10, 10}, Ourss: []float64{25, 5, 30}, Target: 2}, 2.5, false},
		{"median, not mean: one outlier does not move it", Comparison{Refs: []float64{10, 10, 1000}, Ourss: []float64{10, 10, 10}, Target: 1.5}, 1, true},
		{"no reference", Comparison{Ourss: []float64{1}, Target: 1, HigherIsBetter: true}, 0, false},
	}
	paired := Comparison{Refs: []float64{100, 200, 50}, Ourss: []float64{80, 100, 45}}
	if got := paired.PairedRatio(); got != 0.8 { // runs: 0.8, 0.5, 0.9
		t.Errorf("PairedRatio = %v, want the median per-run ratio 0.8", got)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.c.Ratio(); got != tt.wantRatio {
				t.Errorf("Ratio = %v, want %v", got, tt.wantRatio)
			}
			if got := tt.c.Met(); got != tt.wantMet {
				t.Errorf("Met = %v, want %v", got, tt.wantMet)
			}
		})
	}
}

func TestVmHWMOfThisProcess(t *testing.T) {
	b, err := vmHWM(os.Getpid())
	if err != nil {
		t.Fatal(err)
	}
	if b < 1<<20 {
		t.Errorf("VmHWM = %d bytes; a Go test binary holds more than 1 MiB", b)
	}
}
