package main

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"time"
)

// Comparison is one figure of pmpath measured against its reference in
// the same run, run by run, interleaved.
type Comparison struct {
	Name      string
	Unit      string // of the per-run values
	Reference string // what the reference is
	Ours      string // what was measured of pmpath
	Refs      []float64
	Ourss     []float64
	// Target bounds Ratio: at least Target when HigherIsBetter, else at
	// most Target.
	Target         float64
	HigherIsBetter bool
	Note           string
}

// Ratio is the median of ours over the median of the reference.
func (c Comparison) Ratio() float64 {
	r := median(c.Refs)
	if r == 0 {
		return 0
	}
	return median(c.Ourss) / r
}

// PairedRatio is the median over runs of ours over the reference of the
// same round. Adjacent runs see the same machine, so on a machine whose
// load drifts it is the steadier estimate; the report gives both.
func (c Comparison) PairedRatio() float64 {
	n := min(len(c.Refs), len(c.Ourss))
	rs := make([]float64, 0, n)
	for i := range n {
		if c.Refs[i] > 0 {
			rs = append(rs, c.Ourss[i]/c.Refs[i])
		}
	}
	return median(rs)
}

// Met reports whether the ratio is within the target.
func (c Comparison) Met() bool {
	if c.HigherIsBetter {
		return c.Ratio() >= c.Target
	}
	return c.Ratio() <= c.Target
}

// Figure is a measured value without a reference of its own.
type Figure struct {
	Name   string
	Unit   string
	Values []float64 // one per run
	Note   string
}

// Memory is a server's peak resident memory under a load.
type Memory struct {
	Server string
	Bytes  int64
	Limit  int64
}

// Detail is one listing request kind's latency at each size.
type Detail struct {
	Query      string
	SmallP95   float64 // ms, median over runs
	LargeP95   float64
	SmallCount int
	LargeCount int
}

// Plan is the EXPLAIN output of one listing query.
type Plan struct {
	Name string
	Text string
}

// Report is everything one harness run measured.
type Report struct {
	Machine     Machine
	Settings    Settings
	Comparisons []Comparison
	Figures     []Figure
	Memory      []Memory
	Details     []Detail
	Plans       []Plan
	Notes       []string
}

// Settings echo the flags the figures were taken with.
type Settings struct {
	Concurrency int
	Duration    time.Duration
	Runs        int
	SmallRows   int
	LargeRows   int
	LoadGen     string
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// num formats a figure with as many decimals as its size calls for.
func num(v float64) string {
	switch {
	case v >= 100:
		return fmt.Sprintf("%.0f", v)
	case v >= 10:
		return fmt.Sprintf("%.1f", v)
	default:
		return fmt.Sprintf("%.2f", v)
	}
}

func nums(vs []float64) string {
	s := make([]string, len(vs))
	for i, v := range vs {
		s[i] = num(v)
	}
	return strings.Join(s, ", ")
}

func mib(b int64) string { return fmt.Sprintf("%.0f MiB", float64(b)/(1<<20)) }

// Markdown writes the report as markdown the docs can paste.
func (r Report) Markdown(w io.Writer) {
	m := r.Machine
	fmt.Fprintf(w, "Measured %s on %d × %s, %s memory, %s; Go %s; %s; SQLite %s.\n",
		m.Date.Format("2006-01-02"), m.CPUs, m.CPUModel, mib(m.MemTotal), m.Kernel, strings.TrimPrefix(m.Go, "go"), m.Postgres, m.SQLite)
	s := r.Settings
	fmt.Fprintf(w, "Concurrency %d, %s per run, %d runs interleaved (reference, pmpath, …), medians; listing datasets of %d and %d results; load generator: %s.\n\n",
		s.Concurrency, s.Duration, s.Runs, s.SmallRows, s.LargeRows, s.LoadGen)

	if len(r.Comparisons) > 0 {
		fmt.Fprintln(w, "| what | reference | pmpath | ratio | target | met | per-run ratios, median |")
		fmt.Fprintln(w, "|---|---|---|---|---|---|---|")
		for _, c := range r.Comparisons {
			op := "≤"
			if c.HigherIsBetter {
				op = "≥"
			}
			met := "**no**"
			if c.Met() {
				met = "yes"
			}
			fmt.Fprintf(w, "| %s | %s: %s %s | %s: %s %s | %.2f | %s %.2f | %s | %.2f |\n",
				c.Name, c.Reference, num(median(c.Refs)), c.Unit, c.Ours, num(median(c.Ourss)), c.Unit, c.Ratio(), op, c.Target, met, c.PairedRatio())
		}
		fmt.Fprintln(w)
	}
	if len(r.Figures) > 0 || len(r.Memory) > 0 {
		fmt.Fprintln(w, "| figure | median | runs |")
		fmt.Fprintln(w, "|---|---|---|")
		for _, f := range r.Figures {
			fmt.Fprintf(w, "| %s | %s %s | %s |\n", f.Name, num(median(f.Values)), f.Unit, nums(f.Values))
		}
		for _, mem := range r.Memory {
			verdict := "within"
			if mem.Bytes > mem.Limit {
				verdict = "**over**"
			}
			fmt.Fprintf(w, "| peak RSS (VmHWM) of pmpath, %s | %s (%s the %s target) | |\n", mem.Server, mib(mem.Bytes), verdict, mib(mem.Limit))
		}
		fmt.Fprintln(w)
	}
	if len(r.Comparisons) > 0 {
		fmt.Fprintln(w, "Per run:")
		fmt.Fprintln(w)
		for _, c := range r.Comparisons {
			fmt.Fprintf(w, "- %s: reference %s; pmpath %s (%s)", c.Name, nums(c.Refs), nums(c.Ourss), c.Unit)
			if c.Note != "" {
				fmt.Fprintf(w, ". %s", c.Note)
			}
			fmt.Fprintln(w)
		}
		for _, f := range r.Figures {
			if f.Note != "" {
				fmt.Fprintf(w, "- %s: %s\n", f.Name, f.Note)
			}
		}
		fmt.Fprintln(w)
	}
	if len(r.Details) > 0 {
		fmt.Fprintln(w, "Advisor listing p95 by request (ms, median over runs):")
		fmt.Fprintln(w)
		fmt.Fprintf(w, "| query | %d results | %d results |\n|---|---|---|\n", s.SmallRows, s.LargeRows)
		for _, d := range r.Details {
			fmt.Fprintf(w, "| `%s` | %s | %s |\n", d.Query, num(d.SmallP95), num(d.LargeP95))
		}
		fmt.Fprintln(w)
	}
	for _, n := range r.Notes {
		fmt.Fprintf(w, "Note: %s\n\n", n)
	}
	for _, p := range r.Plans {
		fmt.Fprintf(w, "%s:\n\n```\n%s\n```\n\n", p.Name, strings.TrimRight(p.Text, "\n"))
	}
}
