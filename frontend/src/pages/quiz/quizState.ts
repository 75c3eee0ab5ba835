// Pure helpers for the quiz: which items form a step, what counts as an
// answer, progress, the review list and the autosave queue. No React, no
// fetch: everything here is unit-tested.
import type { AnswerChanges, Answers, AnswerValue, FormItem, FormOption } from "../../api/types";

export type StepKind = FormItem["type"];

export interface Step {
  /** 0-based position among the steps. */
  index: number;
  kind: StepKind;
  items: FormItem[];
}

export const DEFAULT_QUESTIONNAIRE = "pm-pmo-fit";

/** isMulti says whether an item takes several options (checkboxes). */
export function isMulti(item: FormItem): boolean {
  return item.type === "experience" && item.select === "many";
}

/** isExclusive says whether choosing an option clears the others ("none of these"). */
export function isExclusive(option: FormOption): boolean {
  return option.exclusive === true;
}

/**
 * buildSteps groups runs of Likert statements (likertGroup at a time) and
 * gives every scenario and experience question a step of its own.
 */
export function buildSteps(items: FormItem[], likertGroup = 5): Step[] {
  const steps: Step[] = [];
  let run: FormItem[] = [];
  const push = (kind: StepKind, group: FormItem[]) => steps.push({ index: steps.length, kind, items: group });
  const flush = () => {
    if (run.length) push("likert", run);
    run = [];
  };
  for (const item of items) {
    if (item.type === "likert") {
      run.push(item);
      if (run.length === likertGroup) flush();
    } else {
      flush();
      push(item.type, [item]);
    }
  }
  flush();
  return steps;
}

/**
 * withOptionOrder shows each item's options in the order the assessment
 * gives them (option_order: item id to option ids), so no position carries
 * meaning. Items it does not name, and an assessment without one (null),
 * keep the form's order; ids the form does not have are skipped and options
 * the order leaves out follow, in form order.
 */
export function withOptionOrder(items: FormItem[], order: Record<string, string[]> | null | undefined): FormItem[] {
  if (!order) return items;
  return items.map((item) => {
    const ids = order[item.id];
    if (!ids || !item.options) return item;
    const byId = new Map(item.options.map((o) => [o.id, o]));
    const options: FormOption[] = [];
    for (const id of ids) {
      const o = byId.get(id);
      if (o && !options.includes(o)) options.push(o);
    }
    for (const o of item.options) if (!options.includes(o)) options.push(o);
    return { ...item, options };
  });
}

/** isAnswered says whether value is a complete answer to item. */
export function isAnswered(item: FormItem, value: AnswerValue | undefined): boolean {
  if (value === undefined || value === null) return false;
  if (item.type === "likert") return typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= 5;
  if (isMulti(item)) return Array.isArray(value) && value.length > 0;
  return typeof value === "string" && value !== "" && (item.options?.some((o) => o.id === value) ?? true);
}

export function answeredCount(items: FormItem[], answers: Answers): number {
  return items.filter((it) => isAnswered(it, answers[it.id])).length;
}

/** missingItems lists the required items still unanswered, in form order. */
export function missingItems(items: FormItem[], answers: Answers): FormItem[] {
  return items.filter((it) => it.required && !isAnswered(it, answers[it.id]));
}

export function stepComplete(step: Step, answers: Answers): boolean {
  return step.items.every((it) => !it.required || isAnswered(it, answers[it.id]));
}

/** unansweredInStep lists a step's required items still unanswered, in order. */
export function unansweredInStep(step: Step, answers: Answers): FormItem[] {
  return step.items.filter((it) => it.required && !isAnswered(it, answers[it.id]));
}

/**
 * scrollTopFor is the page offset that brings an element's top just below
 * a sticky header: elementTop is its viewport top, headerBottom the
 * header's viewport bottom (0 without one).
 */
export function scrollTopFor(elementTop: number, scrollY: number, headerBottom: number, gap = 8): number {
  return Math.max(0, Math.round(elementTop + scrollY - Math.max(0, headerBottom) - gap));
}

/** firstIncompleteStep is where a resumed quiz opens; steps.length means "all done, review". */
export function firstIncompleteStep(steps: Step[], answers: Answers): number {
  const i = steps.findIndex((s) => !stepComplete(s, answers));
  return i === -1 ? steps.length : i;
}

/** stepOfItem finds the step holding an item. */
export function stepOfItem(steps: Step[], itemId: string): number {
  return steps.findIndex((s) => s.items.some((it) => it.id === itemId));
}

/** itemNumbers numbers the items 1..n in form order, for "Q12" labels. */
export function itemNumbers(items: FormItem[]): Record<string, number> {
  const out: Record<string, number> = {};
  items.forEach((it, i) => (out[it.id] = i + 1));
  return out;
}

/**
 * toggleOption turns one checkbox of a multi-select item on or off. An
 * exclusive option ("none of these") clears the others and is cleared by
 * any of them.
 */
export function toggleOption(current: AnswerValue | undefined, option: FormOption, on: boolean, options: FormOption[]): string[] {
  const list = Array.isArray(current) ? current : [];
  if (!on) return list.filter((id) => id !== option.id);
  if (isExclusive(option)) return [option.id];
  const exclusive = new Set(options.filter(isExclusive).map((o) => o.id));
  const next = list.filter((id) => !exclusive.has(id) && id !== option.id);
  next.push(option.id);
  // keep the form's order so the review reads naturally
  const order = new Map(options.map((o, i) => [o.id, i]));
  return next.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
}

/** answerText writes an answer for the review list; "" when unanswered. */
export function answerText(item: FormItem, value: AnswerValue | undefined, scale: string[], sep = "、"): string {
  if (!isAnswered(item, value)) return "";
  if (item.type === "likert") return `${value as number}. ${scale[(value as number) - 1] ?? ""}`.trim();
  const text = (id: string) => item.options?.find((o) => o.id === id)?.text ?? id;
  if (Array.isArray(value)) return value.map(text).join(sep);
  return text(value as string);
}

/**
 * fieldErrorsByItem maps the problem's field errors ("$.answers.q01") to
 * item ids; errors about other fields are left out.
 */
export function fieldErrorsByItem(errors: { path: string; message: string }[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of errors ?? []) {
    const m = e.path.match(/^\$\.answers\.(.+)$/) ?? e.path.match(/^\/answers\/(.+)$/);
    if (m) out[m[1]] = e.message;
  }
  return out;
}

/** mergeAnswers lays changes not yet saved over the server's copy; a null change removes the answer. */
export function mergeAnswers(server: Answers, local: AnswerChanges): Answers {
  const out: Answers = { ...server };
  for (const [k, v] of Object.entries(local)) {
    if (v === null) delete out[k];
    else out[k] = v;
  }
  return out;
}

/** withoutKeys drops the given items from an answer map. */
export function withoutKeys<T extends AnswerChanges>(a: T, keys: Iterable<string>): T {
  const drop = new Set(keys);
  return Object.fromEntries(Object.entries(a).filter(([k]) => !drop.has(k))) as T;
}

/**
 * requeue returns what is still to be sent after a failed request: what was
 * in flight, overridden by anything the person changed meanwhile.
 */
export function requeue(inflight: AnswerChanges, pending: AnswerChanges): AnswerChanges {
  return { ...inflight, ...pending };
}

/** retryDelay is the wait before the n-th retry (1-based): 1s, 2s, 4s… up to 30s. */
export function retryDelay(attempt: number): number {
  return Math.min(30_000, 1000 * 2 ** Math.max(0, attempt - 1));
}

/** likertKey maps a key press to a Likert value, or null. */
export function likertKey(key: string): number | null {
  return /^[1-5]$/.test(key) ? Number(key) : null;
}

/** resumeURL builds a link that opens the draft elsewhere; the token rides in the fragment, which is never sent to a server. */
export function resumeURL(origin: string, id: string, token?: string): string {
  const base = `${origin}/quiz/${encodeURIComponent(id)}`;
  return token ? `${base}#t=${encodeURIComponent(token)}` : base;
}

/** tokenFromHash reads the token a resume link carries. */
export function tokenFromHash(hash: string): string | null {
  const m = hash.replace(/^#/, "").match(/(?:^|&)t=([^&]+)/);
  return m ? decodeURIComponent(m[1]) : null;
}

/** parseStep reads ?step= (1-based, or "review") into an index; null when absent or invalid. */
export function parseStep(param: string | null, stepCount: number): number | null {
  if (param === null) return null;
  if (param === "review") return stepCount;
  const n = Number(param);
  if (!Number.isInteger(n) || n < 1 || n > stepCount) return null;
  return n - 1;
}

export function stepParam(index: number, stepCount: number): string {
  return index >= stepCount ? "review" : String(index + 1);
}
