// Command validate runs the questionnaire's validation harness: simulated
// respondents answer every published version of pm-pmo-fit, and it prints
// the figures side by side as markdown (docs/validity.md) and whether the
// newest version meets its targets.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/pmpath/pmpath/assessments"
	"github.com/pmpath/pmpath/internal/catalog"
	"github.com/pmpath/pmpath/internal/questionnaire"
	"github.com/pmpath/pmpath/internal/validity"
	"github.com/pmpath/pmpath/seed"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "validate:", err)
		os.Exit(1)
	}
}

func run(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("validate", flag.ContinueOnError)
	reps := fs.Int("replicates", 200, "noisy pairs per archetype and oracle")
	random := fs.Int("random", 2000, "uniformly random sheets per version")
	seedFlag := fs.Uint64("seed", 1, "random seed")
	slug := fs.String("questionnaire", "pm-pmo-fit", "questionnaire slug")
	if err := fs.Parse(args); err != nil {
		return err
	}
	qs, err := questionnaire.LoadFS(assessments.FS)
	if err != nil {
		return err
	}
	c, err := catalog.Load(seed.FS)
	if err != nil {
		return err
	}
	arch, err := validity.Archetypes()
	if err != nil {
		return err
	}
	var reports []validity.Report
	for _, q := range qs {
		if q.Slug != *slug {
			continue
		}
		r, err := validity.Run(validity.Config{
			Questionnaire: q, Catalog: c, Archetypes: arch,
			Replicates: *reps, Random: *random, Seed: *seedFlag, Noise: validity.DefaultNoise,
		})
		if err != nil {
			return fmt.Errorf("version %d: %w", q.Version, err)
		}
		reports = append(reports, r)
	}
	if len(reports) == 0 {
		return fmt.Errorf("no questionnaire %q", *slug)
	}
	fmt.Fprintf(out, "Validation of %s: %d archetypes, %d noisy pairs each, %d random sheets, seed %d, noise %.1f/%.1f\n\n",
		*slug, len(arch), *reps, *random, *seedFlag, validity.DefaultNoise.Likert, validity.DefaultNoise.Choice)
	validity.WriteMarkdown(out, reports...)
	newest := reports[len(reports)-1]
	var holdout []validity.Archetype
	for _, a := range arch {
		if a.Holdout {
			holdout = append(holdout, a)
		}
	}
	if len(holdout) > 0 {
		var q *questionnaire.Questionnaire
		for _, x := range qs {
			if x.Slug == *slug && x.Version == newest.Version {
				q = x
			}
		}
		h, err := validity.Run(validity.Config{
			Questionnaire: q, Catalog: c, Archetypes: holdout,
			Replicates: *reps, Seed: *seedFlag, Noise: validity.DefaultNoise,
		})
		if err != nil {
			return fmt.Errorf("holdout: %w", err)
		}
		fmt.Fprintf(out, "\nv%d, held-out archetypes only (written after the last revision of the form)\n\n", newest.Version)
		validity.WriteArchetypeTable(out, h)
	}
	misses := validity.DefaultTargets.Misses(newest)
	fmt.Fprintf(out, "\nTargets for v%d: ", newest.Version)
	if len(misses) == 0 {
		fmt.Fprintln(out, "all met")
		return nil
	}
	fmt.Fprintln(out, "missed")
	for _, m := range misses {
		fmt.Fprintln(out, "- "+m)
	}
	return errors.New("targets missed")
}
