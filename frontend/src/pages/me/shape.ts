// Pure helpers for My page and the privacy page.
import type { MyRoadmapStep, StepStatus } from "../../api/types";

export interface RoadmapSummary {
  total: number;
  counts: Record<StepStatus, number>;
  /** Done as a share (0–100) of the steps not skipped. */
  percent: number;
  /** The step to work on: the first in progress, else the first not started. */
  next: MyRoadmapStep | undefined;
}

export function summarizeRoadmap(steps: MyRoadmapStep[]): RoadmapSummary {
  const counts: Record<StepStatus, number> = { done: 0, learning: 0, pending: 0, skipped: 0 };
  for (const s of steps) counts[s.status]++;
  const relevant = steps.length - counts.skipped;
  const percent = relevant > 0 ? Math.round((counts.done / relevant) * 100) : 0;
  const next = steps.find((s) => s.status === "learning") ?? steps.find((s) => s.status === "pending");
  return { total: steps.length, counts, percent, next };
}

/** exportFileName names the downloaded export after the day it was made. */
export function exportFileName(exportedAt: string | Date): string {
  const d = typeof exportedAt === "string" ? new Date(exportedAt) : exportedAt;
  const day = Number.isNaN(d.getTime()) ? "export" : d.toISOString().slice(0, 10);
  return `pmpath-export-${day}.json`;
}

/**
 * confirmMatches checks the word typed to confirm erasure, forgiving
 * surrounding spaces, letter case and full-width letters from a Japanese IME.
 */
export function confirmMatches(typed: string, word: string): boolean {
  const norm = (s: string) => s.normalize("NFKC").trim().toLowerCase();
  return norm(typed) !== "" && norm(typed) === norm(word);
}

/** claimableLocal keeps the browser's anonymous assessments the account does not already list. */
export function claimableLocal<T extends { id: string }>(local: T[], mine: { id: string }[] | undefined): T[] {
  const owned = new Set((mine ?? []).map((a) => a.id));
  return local.filter((a) => !owned.has(a.id));
}
