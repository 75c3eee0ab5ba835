// Shapes of the advisor's candidate view and the pure helpers that turn an
// attempt history into chart points, strengths and gaps.
import type { RoleProfileEntry } from "./roles";

export interface DimensionMove {
  key: string;
  name: string;
  score: number;
  change: number | null;
}

export interface Attempt {
  assessment_id: string;
  submitted_at: string;
  questionnaire_version: number;
  recommended_role: string;
  fit: number;
  lean: string;
  pm: number;
  pmo: number;
  quality_flags: string[];
  dimensions: DimensionMove[];
}

export interface CandidateDetail {
  id: string;
  display_name: string;
  email: string;
  shared_at: string;
  attempts: Attempt[];
}

export interface Note {
  id: string;
  body: string;
  created_at: string;
}

export interface HistoryPoint {
  /** attempt is 1 for the first attempt. */
  attempt: number;
  at: string;
  fit: number;
  pm: number;
  pmo: number;
  lean: string;
  role: string;
}

/** byDate orders attempts oldest first (the API does, but do not rely on it). */
export function byDate(attempts: Attempt[]): Attempt[] {
  return [...attempts].sort((a, b) => Date.parse(a.submitted_at) - Date.parse(b.submitted_at));
}

/** shapeHistory turns attempts into one chart point per attempt, oldest first. */
export function shapeHistory(attempts: Attempt[]): HistoryPoint[] {
  return byDate(attempts).map((a, i) => ({
    attempt: i + 1,
    at: a.submitted_at,
    fit: a.fit,
    pm: a.pm,
    pmo: a.pmo,
    lean: a.lean,
    role: a.recommended_role,
  }));
}

export function latestAttempt(attempts: Attempt[]): Attempt | undefined {
  const sorted = byDate(attempts);
  return sorted[sorted.length - 1];
}

/** previousAttempt is the attempt before the latest, for "since last time". */
export function previousAttempt(attempts: Attempt[]): Attempt | undefined {
  const sorted = byDate(attempts);
  return sorted.length > 1 ? sorted[sorted.length - 2] : undefined;
}

/** change is the difference from the previous value, or null without one. */
export function change(now: number, before: number | undefined): number | null {
  return before === undefined ? null : now - before;
}

/** topAndBottom picks the highest and the lowest scoring dimensions. */
export function topAndBottom(dims: DimensionMove[], k = 3): { top: DimensionMove[]; bottom: DimensionMove[] } {
  const sorted = [...dims].sort((a, b) => b.score - a.score || a.key.localeCompare(b.key));
  const top = sorted.slice(0, k);
  const bottom = sorted
    .slice(Math.max(k, sorted.length - k))
    .reverse();
  return { top, bottom };
}

// The scoring's rule for what a role asks of a dimension (internal/scoring:
// a weight w asks for 45 + 9w) and for naming strengths and gaps. Mirrored
// here because the advisor API returns the fit but not its reasons.
export const TARGET_BASE = 45;
export const TARGET_STEP = 9;
export const STRENGTH_AT = 60;

export function targetFor(weight: number): number {
  return TARGET_BASE + TARGET_STEP * weight;
}

export interface FitReason {
  kind: "strength" | "gap";
  dimension: string;
  name: string;
  weight: number;
  score: number;
  target: number;
}

/**
 * fitReasons names up to three strengths (score of 60 or more, ordered by
 * weight times score) and two gaps (weight 3 or more and a score 20 below
 * what the role asks) of a candidate for a role.
 */
export function fitReasons(profile: RoleProfileEntry[], dims: DimensionMove[]): FitReason[] {
  const score = new Map(dims.map((d) => [d.key, d]));
  const strengths: FitReason[] = [];
  const gaps: FitReason[] = [];
  for (const w of profile) {
    const d = score.get(w.dimension);
    if (!d) continue;
    const r: FitReason = { kind: "strength", dimension: w.dimension, name: d.name || w.name, weight: w.weight, score: d.score, target: targetFor(w.weight) };
    if (d.score >= STRENGTH_AT) strengths.push(r);
    else if (w.weight >= 3 && d.score < r.target - 20) gaps.push({ ...r, kind: "gap" });
  }
  strengths.sort((a, b) => b.weight * b.score - a.weight * a.score);
  gaps.sort((a, b) => b.weight * (100 - b.score) - a.weight * (100 - a.score));
  return [...strengths.slice(0, 3), ...gaps.slice(0, 2)];
}

/** signed writes a change with its sign: +5, −3, ±0. */
export function signed(n: number): string {
  if (n > 0) return `+${n}`;
  if (n < 0) return `−${Math.abs(n)}`;
  return "±0";
}
