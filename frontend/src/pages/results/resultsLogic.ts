// Pure helpers for the results page: how to word the lean, where the
// diverging bar goes, the comparison with an earlier attempt and the
// salary chart's geometry. Unit-tested; no React.
import { STAGES, type Dimension, type Lean, type MyAssessment, type QualityFlag, type Result, type RoleFit, type RoleSalary, type SalaryRange, type StageKey } from "../../api/types";

/** A lean this many points or more apart reads as "clear" rather than "slight". */
export const STRONG_LEAN = 15;
/** The scorer's threshold for calling a lean at all (docs/scoring.md). */
export const LEAN_THRESHOLD = 6;

export type LeanWording = "pmStrong" | "pm" | "balanced" | "pmo" | "pmoStrong";

/** leanWording picks the headline for an orientation; the server's lean decides the side. */
export function leanWording(o: { pm: number; pmo: number; lean: Lean }): LeanWording {
  const gap = Math.abs(o.pm - o.pmo);
  if (o.lean === "pm") return gap >= STRONG_LEAN ? "pmStrong" : "pm";
  if (o.lean === "pmo") return gap >= STRONG_LEAN ? "pmoStrong" : "pmo";
  return "balanced";
}

export interface LeanBar {
  /** Which side of the centre the bar grows to: PM left, PMO right. */
  side: "pm" | "pmo" | "none";
  /** Width of the bar as a percentage of the whole track (0–50). */
  width: number;
  /** Position of the marker from the left edge (0–100). */
  marker: number;
  /** Half-width of the "balanced" band around the centre, in % of the track. */
  band: number;
}

/**
 * leanBar places the difference pm − pmo on a track whose ends are ±range
 * points (PM on the left). Differences beyond the range stick to the end.
 */
export function leanBar(pm: number, pmo: number, range = 40): LeanBar {
  const diff = Math.max(-range, Math.min(range, pm - pmo));
  const width = (Math.abs(diff) / range) * 50;
  const side = diff > 0 ? "pm" : diff < 0 ? "pmo" : "none";
  return { side, width: round1(width), marker: round1(50 - (diff / range) * 50), band: round1((LEAN_THRESHOLD / range) * 50) };
}

function round1(n: number) {
  return Math.round(n * 10) / 10;
}

export interface DimensionDelta {
  key: string;
  name: string;
  lean: Dimension["lean"];
  now: number;
  before: number | null;
  delta: number | null;
}

/** dimensionDeltas pairs this attempt's scores with an earlier one's, by dimension key, in this attempt's order. */
export function dimensionDeltas(now: Dimension[], before: Dimension[]): DimensionDelta[] {
  const prev = new Map(before.map((d) => [d.key, d.score]));
  return now.map((d) => {
    const b = prev.get(d.key);
    return { key: d.key, name: d.name, lean: d.lean, now: d.score, before: b ?? null, delta: b === undefined ? null : d.score - b };
  });
}

/** biggestChanges returns the largest rise and the largest fall (null when none). */
export function biggestChanges(deltas: DimensionDelta[]): { up: DimensionDelta | null; down: DimensionDelta | null } {
  let up: DimensionDelta | null = null;
  let down: DimensionDelta | null = null;
  for (const d of deltas) {
    if (d.delta === null) continue;
    if (d.delta > 0 && (!up || d.delta > (up.delta ?? 0))) up = d;
    if (d.delta < 0 && (!down || d.delta < (down.delta ?? 0))) down = d;
  }
  return { up, down };
}

/** formatDelta writes +5, −3 or ±0 (a true minus sign). */
export function formatDelta(d: number | null): string {
  if (d === null) return "—";
  if (d > 0) return `+${d}`;
  if (d < 0) return `−${Math.abs(d)}`;
  return "±0";
}

/** earlierAttempts lists the caller's other submitted attempts, newest first. */
export function earlierAttempts(all: MyAssessment[], currentId: string): MyAssessment[] {
  return all
    .filter((a) => a.id !== currentId && a.status === "submitted" && a.submitted_at)
    .sort((x, y) => (y.submitted_at ?? "").localeCompare(x.submitted_at ?? ""));
}

export type SalaryKind = "now" | "target" | "next";

/** PlanSalary is the pay the plan shows: the target's, the next role up's and the role for now's. */
export interface PlanSalary {
  target: RoleSalary | null;
  next_step: RoleSalary | null;
  now?: RoleSalary | null;
}

/** salaryGroups lists the plan's roles with pay in ladder order: the role for now, the target, the next one up. */
export function salaryGroups(salary: PlanSalary): { kind: SalaryKind; s: RoleSalary }[] {
  return [
    ...(salary.now ? [{ kind: "now" as const, s: salary.now }] : []),
    ...(salary.target ? [{ kind: "target" as const, s: salary.target }] : []),
    ...(salary.next_step ? [{ kind: "next" as const, s: salary.next_step }] : []),
  ];
}

export interface SalaryRow {
  key: string;
  role: string;
  roleName: string;
  target: boolean;
  /** Which of the plan's roles: the one for now, the target, or the next one up. */
  kind: SalaryKind;
  range: SalaryRange;
  min: number;
  max: number | null;
  /** min == max: a single figure (an average), drawn as a dot. */
  point: boolean;
  /** No top end: the bar runs to the chart's edge. */
  open: boolean;
  /** Left edge and width as percentages of the chart. */
  left: number;
  width: number;
}

export interface SalaryChart {
  rows: SalaryRow[];
  /** The chart's right edge, in yen. */
  scaleMax: number;
  /** Grid lines, in yen. */
  ticks: number[];
}

/** niceStep picks a grid step in yen (1, 2 or 5 × 10^n 万円) for about five lines. */
export function niceStep(maxYen: number): number {
  const man = maxYen / 10_000;
  const raw = man / 5;
  const pow = 10 ** Math.floor(Math.log10(Math.max(raw, 1)));
  const step = [1, 2, 5, 10].map((m) => m * pow).find((s) => s >= raw) ?? 10 * pow;
  return step * 10_000;
}

/**
 * salaryChart lays out the salary ranges of the role for now (if any), the
 * target role and the next role up as horizontal bars on one scale. Open-ended ranges reach 25% past
 * their floor (or the highest figure) so they read as "and up".
 */
export function salaryChart(salary: PlanSalary): SalaryChart {
  const groups = salaryGroups(salary);
  const flat = groups.flatMap((g) => g.s.ranges.map((r, i) => ({ g, r, i })));
  if (flat.length === 0) return { rows: [], scaleMax: 0, ticks: [] };
  const highest = Math.max(...flat.map(({ r }) => Math.max(r.min_jpy, r.max_jpy ?? 0)));
  const openReach = Math.max(...flat.filter(({ r }) => r.max_jpy === null).map(({ r }) => r.min_jpy * 1.25), 0);
  const want = Math.max(highest * 1.05, openReach);
  const step = niceStep(want);
  const scaleMax = Math.ceil(want / step) * step;
  const ticks: number[] = [];
  for (let v = 0; v <= scaleMax; v += step) ticks.push(v);
  const pct = (v: number) => round1((v / scaleMax) * 100);
  const rows = flat.map(({ g, r, i }) => {
    const open = r.max_jpy === null;
    const point = !open && r.max_jpy === r.min_jpy;
    const left = pct(r.min_jpy);
    const right = open ? 100 : pct(r.max_jpy as number);
    return {
      key: `${g.s.role}-${i}`,
      role: g.s.role,
      roleName: g.s.name,
      target: g.kind === "target",
      kind: g.kind,
      range: r,
      min: r.min_jpy,
      max: r.max_jpy,
      point,
      open,
      left,
      width: point ? 0 : round1(right - left),
    };
  });
  return { rows, scaleMax, ticks };
}

/** stageIndex is a stage's rung on the ladder (0 = foundation). */
export function stageIndex(key: StageKey): number {
  return STAGES.indexOf(key);
}

/** radarData shapes the dimensions for recharts, with an earlier attempt's scores when comparing. */
export function radarData(now: Dimension[], before?: Dimension[] | null): { key: string; name: string; lean: Dimension["lean"]; score: number; before?: number }[] {
  const prev = new Map((before ?? []).map((d) => [d.key, d.score]));
  return now.map((d) => ({ key: d.key, name: d.name, lean: d.lean, score: d.score, ...(before ? { before: prev.get(d.key) ?? 0 } : {}) }));
}

/** topDimensions returns the n highest-scoring dimensions, ties in display order. */
export function topDimensions(dims: Dimension[], n = 3): Dimension[] {
  return dims
    .map((d, i) => ({ d, i }))
    .sort((a, b) => b.d.score - a.d.score || a.i - b.i)
    .slice(0, n)
    .map((x) => x.d);
}

/**
 * splitLabel breaks a chart label longer than max characters into lines.
 * Text with spaces wraps word by word (a long word stays whole); Japanese
 * breaks once, at the "・" nearest the middle, else in the middle without
 * starting a line with a long-vowel mark, a small kana or closing
 * punctuation.
 */
export function splitLabel(name: string, max: number): string[] {
  if (name.length <= max) return [name];
  if (name.includes(" ")) {
    const lines: string[] = [];
    for (const word of name.split(/\s+/)) {
      const last = lines[lines.length - 1];
      if (last !== undefined && last.length + 1 + word.length <= max) lines[lines.length - 1] = `${last} ${word}`;
      else lines.push(word);
    }
    return lines;
  }
  if (!/[\u3000-\u9fff]/.test(name)) return [name];
  const mid = name.length / 2;
  let best = -1;
  for (let i = 1; i < name.length - 1; i++) {
    if (name[i] === "・" && (best === -1 || Math.abs(i - mid) < Math.abs(best - mid))) best = i;
  }
  if (best > 0) return [name.slice(0, best + 1), name.slice(best + 1)];
  let cut = Math.ceil(mid);
  while (cut > 1 && /[ーッャュョァィゥェォ、。）」』]/.test(name[cut])) cut--;
  return [name.slice(0, cut), name.slice(cut)];
}

/** RoleRef names a role: a fit from the result, or at least its slug and name. */
export type RoleRef = Pick<RoleFit, "slug" | "name">;

/**
 * Verdict is what the page may honestly say about the best-fitting role
 * (docs/scoring.md, "Confidence" and "Response quality and refusals"):
 * - refused: the answers cannot be trusted; no role, no plan;
 * - tooClose: the first two roles are within the margin's own error, so
 *   both are named and neither wins;
 * - likely: the first role leads, but not by enough to be sure;
 * - clear: the first role stands out (and every result scored before
 *   confidence existed, which is worded as it always was).
 */
export type Verdict =
  | { kind: "refused"; flags: QualityFlag[] }
  | { kind: "tooClose"; first: RoleFit; second: RoleRef; margin: number }
  | { kind: "likely"; best: RoleFit; runnerUp: RoleRef; margin: number }
  | { kind: "clear"; best: RoleFit };

/** verdict reads a result's recommendation, confidence and quality into what the page says. */
export function verdict(result: Result): Verdict {
  const best = result.recommended_role === null ? undefined : (result.roles.find((r) => r.slug === result.recommended_role) ?? result.roles[0]);
  if (!best) return { kind: "refused", flags: result.quality.flags };
  const c = result.confidence;
  if (!c || c.level === "clear") return { kind: "clear", best };
  const runnerUp: RoleRef = result.roles.find((r) => r.slug === c.runner_up) ?? { slug: c.runner_up, name: c.runner_up_name };
  if (c.level === "too_close") return { kind: "tooClose", first: best, second: runnerUp, margin: c.margin };
  return { kind: "likely", best, runnerUp, margin: c.margin };
}

/** closeRoles are the roles a verdict names as the fit: one, or both of a too-close pair; none when refused. */
export function closeRoles(v: Verdict): string[] {
  switch (v.kind) {
    case "refused":
      return [];
    case "tooClose":
      return [v.first.slug, v.second.slug];
    case "likely":
      return [v.best.slug];
    case "clear":
      return [v.best.slug];
  }
}

/** fitRange is a role's interval, or null when the result has none (the first scoring model). */
export function fitRange(r: Pick<RoleFit, "fit_low" | "fit_high">): { low: number; high: number } | null {
  if (r.fit_low === null || r.fit_high === null || r.fit_low === undefined || r.fit_high === undefined) return null;
  return { low: Math.min(r.fit_low, r.fit_high), high: Math.max(r.fit_low, r.fit_high) };
}

/** flagReasons maps quality flags to the reasons the page explains, once each, in a stable order. */
export function flagReasons(flags: QualityFlag[]): ("straight_lining" | "inconsistent" | "too_fast")[] {
  const out: ("straight_lining" | "inconsistent" | "too_fast")[] = [];
  if (flags.includes("straight_lining")) out.push("straight_lining");
  if (flags.includes("inconsistent_answers") || flags.includes("inconsistent_reverse_pairs")) out.push("inconsistent");
  if (flags.includes("too_fast")) out.push("too_fast");
  return out;
}
