// Pure helpers of the admin pages: one-time passwords, Cronbach's alpha
// judgement, questionnaire versions and audit paging.
import type { DimensionStat, QuestionnaireSummary } from "../../api/types";
import { formatNumber } from "../../format";

// ---------------------------------------------------------------------------
// One-time passwords. The API takes the new account's password; the admin
// page makes a strong random one, shows it once and never stores it.

const ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"; // no 0/O, 1/l/I

/** randomIndex draws an unbiased index below n from the random source. */
function randomIndex(n: number, random: (buf: Uint32Array) => void): number {
  const limit = Math.floor(0x100000000 / n) * n;
  const buf = new Uint32Array(1);
  for (;;) {
    random(buf);
    if (buf[0] < limit) return buf[0] % n;
  }
}

/**
 * generatePassword returns four groups of five characters joined by hyphens
 * (about 117 bits), avoiding look-alike characters and the e-mail's local
 * part, which the password policy refuses.
 */
export function generatePassword(email = "", random: (buf: Uint32Array) => void = (b) => crypto.getRandomValues(b)): string {
  const local = email.split("@")[0]?.toLowerCase() ?? "";
  for (;;) {
    const groups: string[] = [];
    for (let g = 0; g < 4; g++) {
      let s = "";
      for (let i = 0; i < 5; i++) s += ALPHABET[randomIndex(ALPHABET.length, random)];
      groups.push(s);
    }
    const pw = groups.join("-");
    if (local.length < 4 || !pw.toLowerCase().includes(local)) return pw;
  }
}

// ---------------------------------------------------------------------------
// Cronbach's alpha.

export const ALPHA_THRESHOLD = 0.7;
export const ALPHA_GOOD = 0.8;
/** Below this many responses, alpha moves a lot from one answer to the next. */
export const FEW_RESPONSES = 30;

export type AlphaLevel = "na" | "low" | "acceptable" | "good";

/** alphaLevel judges a dimension's alpha: below 0.7 is flagged for review. */
export function alphaLevel(alpha: number | null | undefined): AlphaLevel {
  if (alpha === null || alpha === undefined || Number.isNaN(alpha)) return "na";
  if (alpha < ALPHA_THRESHOLD) return "low";
  if (alpha < ALPHA_GOOD) return "acceptable";
  return "good";
}

/** flaggedDimensions lists the dimensions whose alpha is below the threshold. */
export function flaggedDimensions(dims: DimensionStat[]): DimensionStat[] {
  return dims.filter((d) => alphaLevel(d.alpha) === "low");
}

export function formatAlpha(alpha: number | null, lang: string): string {
  if (alpha === null) return "—";
  return formatNumber(alpha, lang, 2);
}

// ---------------------------------------------------------------------------
// Questionnaire versions.

/** currentVersions maps each questionnaire to its newest (current) version. */
export function currentVersions(qs: QuestionnaireSummary[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const q of qs) m.set(q.slug, Math.max(m.get(q.slug) ?? 0, q.version));
  return m;
}

/** sortVersions orders by questionnaire, newest version first. */
export function sortVersions(qs: QuestionnaireSummary[]): QuestionnaireSummary[] {
  return [...qs].sort((a, b) => a.slug.localeCompare(b.slug) || b.version - a.version);
}

/** versionKey and parseVersionKey name a version in a select's value. */
export function versionKey(slug: string, version: number): string {
  return `${slug}@${version}`;
}
export function parseVersionKey(key: string): { slug: string; version: number } | null {
  const m = /^([a-z0-9-]+)@(\d+)$/.exec(key);
  return m ? { slug: m[1], version: Number(m[2]) } : null;
}

export const MAX_DEFINITION_CHARS = 524288;

/** definitionProblem checks an upload before sending; the server validates the content. */
export function definitionProblem(text: string): "empty" | "tooLarge" | null {
  if (!text.trim()) return "empty";
  if ([...text].length > MAX_DEFINITION_CHARS) return "tooLarge";
  return null;
}

// ---------------------------------------------------------------------------
// Audit paging: the API pages backwards by entry id ("before"); the stack
// remembers where each newer page started.

export interface AuditPaging {
  before: number | null;
  stack: (number | null)[];
}

export function olderPage(p: AuditPaging, nextBefore: number): AuditPaging {
  return { before: nextBefore, stack: [...p.stack, p.before] };
}

export function newerPage(p: AuditPaging): AuditPaging {
  if (p.stack.length === 0) return { before: null, stack: [] };
  return { before: p.stack[p.stack.length - 1], stack: p.stack.slice(0, -1) };
}

/** shortId shows the start of a UUID, enough to tell entries apart. */
export function shortId(id: string | null): string {
  if (!id) return "—";
  return id.length > 8 ? `${id.slice(0, 8)}…` : id;
}
