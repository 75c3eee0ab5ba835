// Browser-side keeping for the quiz: answers not yet saved (so a reload or
// a dropped connection never loses them), the submit's Idempotency-Key (so
// a retry cannot submit twice), and adopting a token from a resume link.
import { assessmentTokens } from "../../api/assessmentTokens";
import type { AnswerChanges } from "../../api/types";
import { DEFAULT_QUESTIONNAIRE, tokenFromHash } from "./quizState";

const pendingKey = (id: string) => `pmpath.quiz.pending.${id}`;
const submitKey = (id: string) => `pmpath.quiz.submitKey.${id}`;

export const pendingStore = {
  get(id: string): AnswerChanges {
    try {
      const raw = localStorage.getItem(pendingKey(id));
      const v = raw ? (JSON.parse(raw) as unknown) : {};
      return v && typeof v === "object" && !Array.isArray(v) ? (v as AnswerChanges) : {};
    } catch {
      return {};
    }
  },
  set(id: string, a: AnswerChanges) {
    try {
      if (Object.keys(a).length === 0) localStorage.removeItem(pendingKey(id));
      else localStorage.setItem(pendingKey(id), JSON.stringify(a));
    } catch {
      /* storage unavailable: answers stay in memory */
    }
  },
  clear(id: string) {
    try {
      localStorage.removeItem(pendingKey(id));
    } catch {
      /* ignore */
    }
  },
};

/** submitIdempotencyKey returns the key for submitting id, creating it once. */
export function submitIdempotencyKey(id: string): string {
  try {
    const existing = localStorage.getItem(submitKey(id));
    if (existing) return existing;
    const k = newKey();
    localStorage.setItem(submitKey(id), k);
    return k;
  } catch {
    return newKey();
  }
}

export function clearSubmitKey(id: string) {
  try {
    localStorage.removeItem(submitKey(id));
  } catch {
    /* ignore */
  }
}

export function newKey(): string {
  if (typeof crypto !== "undefined" && typeof crypto.randomUUID === "function") return crypto.randomUUID();
  return `k-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/**
 * adoptTokenFromHash stores the token a resume or results link carries in
 * its fragment, then removes it from the address bar. Returns whether one
 * was adopted.
 */
export function adoptTokenFromHash(id: string): boolean {
  if (typeof window === "undefined") return false;
  const token = tokenFromHash(window.location.hash);
  if (!token) return false;
  const known = assessmentTokens.get(id);
  if (!known || known.token !== token) {
    assessmentTokens.put({ id, token, questionnaire: known?.questionnaire ?? DEFAULT_QUESTIONNAIRE, created_at: known?.created_at ?? new Date().toISOString(), submitted: known?.submitted });
  }
  window.history.replaceState(window.history.state, "", window.location.pathname + window.location.search);
  return true;
}
