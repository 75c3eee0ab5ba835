// Pure helpers of the advisor's candidate view: they turn an attempt
// history into chart points, and the latest result into what the page
// shows. The fit reasons come from the server (latest_result); nothing
// here re-derives them.
import type { Attempt, DimensionMove, Result, RoadmapStep, RoleFit } from "../../api/types";

export interface HistoryPoint {
  /** attempt is 1 for the first attempt. */
  attempt: number;
  at: string;
  /** fit is null for an attempt without a recommended role: there is no role to be fit with. */
  fit: number | null;
  pm: number;
  pmo: number;
  lean: string;
  /** role is null when the attempt's answers were not reliable enough to recommend one. */
  role: string | null;
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
    fit: a.recommended_role === null ? null : a.fit,
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

/** signed writes a change with its sign: +5, −3, ±0. */
export function signed(n: number): string {
  if (n > 0) return `+${n}`;
  if (n < 0) return `−${Math.abs(n)}`;
  return "±0";
}

/** topFits is the k best-fitting roles, best first (ties keep the server's order). */
export function topFits(result: Result, k = 3): RoleFit[] {
  return result.roles
    .map((r, i) => ({ r, i }))
    .sort((a, b) => b.r.fit - a.r.fit || a.i - b.i)
    .slice(0, k)
    .map((x) => x.r);
}

export interface WhyLine {
  text: string;
  kind?: "strength" | "gap";
  dimension?: string;
}

/** whyLines pairs each sentence of a role's why with the reason it words. */
export function whyLines(role: RoleFit): WhyLine[] {
  return role.why.map((text, i) => ({ text, kind: role.reasons[i]?.kind, dimension: role.reasons[i]?.dimension }));
}

/** recommendedFit is the recommended role's entry in the result, if present. */
export function recommendedFit(result: Result): RoleFit | undefined {
  return result.roles.find((r) => r.slug === result.recommended_role);
}

/** nextStep finds the plan's roadmap step the readiness points to. */
export function nextStep(result: Result): RoadmapStep | undefined {
  return result.plan.steps.find((s) => s.id === result.readiness.next_step_id);
}

/** roleNamer names a role slug from the result's role list, falling back to the slug. */
export function roleNamer(result: Result | null): (slug: string) => string {
  const names = new Map((result?.roles ?? []).map((r) => [r.slug, r.name]));
  return (slug) => names.get(slug) ?? slug;
}
