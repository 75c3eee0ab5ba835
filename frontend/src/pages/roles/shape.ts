// Pure data shaping for the role pages: grouping, ordering and the
// side-by-side rows of the compare view. No React, no fetching.
import type { CertificationSummary, ProfileEntry, RoadmapStep, SalaryRange, Track } from "../../api/types";
import { stageIndex } from "../results/resultsLogic";

export type TrackFilter = Track | "all";

/** parseTrack reads a ?track= value; anything unknown means every track. */
export function parseTrack(v: string | null): TrackFilter {
  return v === "pm" || v === "pmo" ? v : "all";
}

/** filterRoles keeps one track's roles (or all), in catalog order. */
export function filterRoles<R extends { track: Track }>(roles: R[], track: TrackFilter): R[] {
  return track === "all" ? roles : roles.filter((r) => r.track === track);
}

/** primaryRange is the range a card shows: the catalog lists the most telling first. */
export function primaryRange(ranges: SalaryRange[]): SalaryRange | undefined {
  return ranges[0];
}

export interface StageGroup {
  stage: RoadmapStep["stage"];
  steps: RoadmapStep[];
}

/** groupByStage puts consecutive steps of the same stage under one heading, keeping their order. */
export function groupByStage(steps: RoadmapStep[]): StageGroup[] {
  const groups: StageGroup[] = [];
  for (const s of steps) {
    const last = groups[groups.length - 1];
    if (last && last.stage.key === s.stage.key) last.steps.push(s);
    else groups.push({ stage: s.stage, steps: [s] });
  }
  return groups;
}

/** totalMonths adds up the typical durations of a roadmap (0 means "not timed"). */
export function totalMonths(steps: RoadmapStep[]): number {
  return steps.reduce((n, s) => n + Math.max(0, s.months), 0);
}

/** certLookup indexes certifications by slug; later lists fill gaps in earlier ones. */
export function certLookup(...lists: (CertificationSummary[] | undefined)[]): Map<string, CertificationSummary> {
  const m = new Map<string, CertificationSummary>();
  for (const list of lists) for (const c of list ?? []) if (!m.has(c.slug)) m.set(c.slug, c);
  return m;
}

export interface ProfileRow {
  dimension: string;
  name: string;
  /** Weight 1–5 for each role; 0 when the dimension is not part of its profile. */
  a: number;
  b: number;
  rationaleA?: string;
  rationaleB?: string;
}

/**
 * compareProfiles lines up two aptitude profiles on the union of their
 * dimensions: the dimensions that matter most to either role come first,
 * then those that matter to both, then by name.
 */
export function compareProfiles(a: ProfileEntry[], b: ProfileEntry[]): ProfileRow[] {
  const rows = new Map<string, ProfileRow>();
  for (const p of a) rows.set(p.dimension, { dimension: p.dimension, name: p.name, a: p.weight, b: 0, rationaleA: p.rationale });
  for (const p of b) {
    const row = rows.get(p.dimension);
    if (row) {
      row.b = p.weight;
      row.rationaleB = p.rationale;
    } else rows.set(p.dimension, { dimension: p.dimension, name: p.name, a: 0, b: p.weight, rationaleB: p.rationale });
  }
  return [...rows.values()].sort((x, y) => Math.max(y.a, y.b) - Math.max(x.a, x.b) || y.a + y.b - (x.a + x.b) || x.name.localeCompare(y.name));
}

export interface CertRow {
  cert: CertificationSummary;
  inA: boolean;
  inB: boolean;
}

/** compareCertifications lists the certifications of either role, earliest stage first, marking whose roadmap uses each. */
export function compareCertifications(a: CertificationSummary[], b: CertificationSummary[]): CertRow[] {
  const inA = new Set(a.map((c) => c.slug));
  const inB = new Set(b.map((c) => c.slug));
  const all = certLookup(a, b);
  return [...all.values()]
    .map((cert) => ({ cert, inA: inA.has(cert.slug), inB: inB.has(cert.slug) }))
    .sort((x, y) => stageIndex(x.cert.stage.key) - stageIndex(y.cert.stage.key));
}

export interface SalarySpan {
  min: number;
  max: number | null;
}

/** salarySpan is the lowest floor and highest ceiling of a role's ranges (null ceiling: open-ended). */
export function salarySpan(ranges: SalaryRange[]): SalarySpan | undefined {
  if (ranges.length === 0) return undefined;
  const min = Math.min(...ranges.map((r) => r.min_jpy));
  const max = ranges.some((r) => r.max_jpy === null) ? null : Math.max(...ranges.map((r) => r.max_jpy as number));
  return { min, max };
}

/** compareSlugs reads ?a= and ?b= and drops values that name no role. */
export function compareSlugs(params: URLSearchParams, known: string[] | undefined): { a: string; b: string } {
  const pick = (k: string) => {
    const v = params.get(k) ?? "";
    return known && !known.includes(v) ? "" : v;
  };
  return { a: pick("a"), b: pick("b") };
}
