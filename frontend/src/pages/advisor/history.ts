// Shapes of the advisor's candidate view and the pure helpers that turn an
// attempt history into chart points, and the latest result into what the
// page shows. The fit reasons come from the server (latest_result); nothing
// here re-derives them.

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

export type Lean = "pm" | "pmo" | "balanced";
export type Track = "pm" | "pmo";
export type QualityFlag = "straight_lining" | "inconsistent_reverse_pairs" | "too_fast";

/** Reason is one strength or gap behind a role's fit (components/schemas/Reason). */
export interface Reason {
  kind: "strength" | "gap";
  dimension: string;
  weight: number;
  score: number;
  items?: string[];
}

export interface RoleFit {
  slug: string;
  name: string;
  track: Track;
  fit: number;
  /** Localised sentences, one per entry of reasons, in the same order. */
  why: string[];
  reasons: Reason[];
}

export interface PlanGap {
  dimension: string;
  name: string;
  score: number;
  target: number;
  gap: number;
}

export interface PlanStep {
  id: string;
  title: string;
  detail: string;
  stage: { key: string; name: string };
  certifications: string[];
}

export interface PlanCertification {
  slug: string;
  abbreviation: string;
  name: string;
}

/** CandidateResult is components/schemas/Result, as far as this page reads it. */
export interface CandidateResult {
  questionnaire_version: number;
  scoring_version: string;
  orientation: { pm: number; pmo: number; lean: Lean };
  dimensions: { key: string; name: string; lean: "pm" | "pmo" | "both"; score: number }[];
  /** Every catalog role, best fit first. */
  roles: RoleFit[];
  recommended_role: string;
  readiness: {
    level: string;
    level_name: string;
    next_step: string;
    next_step_id: string;
    held_certifications: string[];
  };
  quality: { flags: QualityFlag[] };
  plan: {
    target_role: string;
    target_role_name: string;
    /** Largest first. */
    gaps: PlanGap[];
    steps: PlanStep[];
    certifications: PlanCertification[];
    salary: unknown;
  };
}

export interface CandidateDetail {
  id: string;
  display_name: string;
  email: string;
  shared_at: string;
  attempts: Attempt[];
  /** The newest attempt's full result; null before any. */
  latest_result: CandidateResult | null;
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

/** signed writes a change with its sign: +5, −3, ±0. */
export function signed(n: number): string {
  if (n > 0) return `+${n}`;
  if (n < 0) return `−${Math.abs(n)}`;
  return "±0";
}

/** topFits is the k best-fitting roles, best first (ties keep the server's order). */
export function topFits(result: CandidateResult, k = 3): RoleFit[] {
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
export function recommendedFit(result: CandidateResult): RoleFit | undefined {
  return result.roles.find((r) => r.slug === result.recommended_role);
}

/** nextStep finds the plan's roadmap step the readiness points to. */
export function nextStep(result: CandidateResult): PlanStep | undefined {
  return result.plan.steps.find((s) => s.id === result.readiness.next_step_id);
}

/** roleNamer names a role slug from the result's role list, falling back to the slug. */
export function roleNamer(result: CandidateResult | null): (slug: string) => string {
  const names = new Map((result?.roles ?? []).map((r) => [r.slug, r.name]));
  return (slug) => names.get(slug) ?? slug;
}
