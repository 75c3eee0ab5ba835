// Candidate listings (the advisor dashboard and the recruiter talent pool)
// share one query: filters, a sort order and a keyset cursor. This module
// maps that state to and from the page URL and the API query, and keeps the
// stack of cursors that makes "previous page" possible with a forward-only
// cursor.

import type { ApiError } from "../../api/client";
import type { CandidateRow, Lean, ListingQuery } from "../../api/types";

export type SortKey = "fit" | "date";

/** Filters are what a person chooses in the filter form. */
export interface Filters {
  role: string;
  lean: Lean | "";
  minFit: number | null;
  q: string;
}

/** ListState is everything the URL holds for a listing. */
export interface ListState extends Filters {
  sort: SortKey;
  limit: number;
  cursor: string | null;
}

export const LEANS: Lean[] = ["pm", "pmo", "balanced"];
export const PAGE_SIZES = [10, 20, 50] as const;
export const DEFAULT_LIMIT = 20;
export const DEFAULT_SORT: SortKey = "fit";
export const MAX_QUERY = 60;

export const emptyFilters: Filters = { role: "", lean: "", minFit: null, q: "" };

const slugPattern = /^[a-z0-9-]{1,64}$/;

/**
 * parseListState reads a listing's state from the URL. Values the API would
 * refuse are dropped, so a hand-edited or stale URL still shows a page.
 */
export function parseListState(params: URLSearchParams): ListState {
  const role = params.get("role") ?? "";
  const lean = params.get("lean") ?? "";
  const minFitRaw = params.get("min_fit");
  const minFit = minFitRaw !== null && /^\d{1,3}$/.test(minFitRaw) && Number(minFitRaw) <= 100 ? Number(minFitRaw) : null;
  const q = (params.get("q") ?? "").trim().slice(0, MAX_QUERY);
  const sort = params.get("sort") === "date" ? "date" : DEFAULT_SORT;
  const limitRaw = Number(params.get("limit"));
  const limit = (PAGE_SIZES as readonly number[]).includes(limitRaw) ? limitRaw : DEFAULT_LIMIT;
  const cursor = params.get("cursor") || null;
  return {
    role: slugPattern.test(role) ? role : "",
    lean: (LEANS as string[]).includes(lean) ? (lean as Lean) : "",
    minFit: minFit === 0 ? null : minFit,
    q,
    sort,
    limit,
    cursor,
  };
}

/** toSearchParams writes the state for the URL, leaving out defaults. */
export function toSearchParams(s: ListState): URLSearchParams {
  const p = new URLSearchParams();
  if (s.role) p.set("role", s.role);
  if (s.lean) p.set("lean", s.lean);
  if (s.minFit !== null && s.minFit > 0) p.set("min_fit", String(s.minFit));
  if (s.q.trim()) p.set("q", s.q.trim().slice(0, MAX_QUERY));
  if (s.sort !== DEFAULT_SORT) p.set("sort", s.sort);
  if (s.limit !== DEFAULT_LIMIT) p.set("limit", String(s.limit));
  if (s.cursor) p.set("cursor", s.cursor);
  return p;
}

/** apiQuery is the listing request for the state; the API gets the sort and page size explicitly. */
export function apiQuery(s: ListState): ListingQuery {
  const q: ListingQuery = {};
  if (s.role) q.role = s.role;
  if (s.lean) q.lean = s.lean;
  if (s.minFit !== null && s.minFit > 0) q.min_fit = s.minFit;
  if (s.q.trim()) q.q = s.q.trim().slice(0, MAX_QUERY);
  if (s.cursor) q.cursor = s.cursor;
  q.sort = s.sort;
  q.limit = s.limit;
  return q;
}

/** withFilters applies new filters: the sort and page size stay, paging starts over. */
export function withFilters(s: ListState, f: Filters): ListState {
  return { ...s, ...f, q: f.q.trim(), cursor: null };
}

export function hasFilters(s: Filters): boolean {
  return Boolean(s.role || s.lean || (s.minFit !== null && s.minFit > 0) || s.q.trim());
}

/**
 * nextSort is the sort after a person presses a column's sort button. The
 * API orders each key one way only (best fit first, newest first), so a
 * press picks that column; pressing the active column keeps it.
 */
export function nextSort(_current: SortKey, pressed: SortKey): SortKey {
  return pressed;
}

/** ariaSort is the aria-sort value of a sortable column's header. */
export function ariaSort(current: SortKey, column: SortKey): "descending" | "none" {
  return current === column ? "descending" : "none";
}

/** withSort changes the order; a cursor belongs to one order, so paging starts over. */
export function withSort(s: ListState, sort: SortKey): ListState {
  return sort === s.sort ? s : { ...s, sort, cursor: null };
}

// ---------------------------------------------------------------------------
// Cursor stack. The API only moves forward, so the client remembers the
// cursor of every page it came through; "previous" pops one. The first page
// has no cursor, kept in the stack as "".

export interface Paging {
  cursor: string | null;
  stack: string[];
}

/** forward moves to the page after the current one. */
export function forward(p: Paging, next: string): Paging {
  return { cursor: next, stack: [...p.stack, p.cursor ?? ""] };
}

/**
 * back moves to the previous page. With an empty stack (a reloaded deep
 * link without history) it goes to the first page.
 */
export function back(p: Paging): Paging {
  if (p.stack.length === 0) return { cursor: null, stack: [] };
  const prev = p.stack[p.stack.length - 1];
  return { cursor: prev || null, stack: p.stack.slice(0, -1) };
}

export function canGoBack(p: Paging): boolean {
  return p.cursor !== null;
}

/** pageNumber is 1-based; unknown (null) for a deep link with no history. */
export function pageNumber(p: Paging): number | null {
  if (p.cursor === null) return 1;
  if (p.stack.length === 0) return null;
  return p.stack.length + 1;
}

/** staleCursor says the API refused the page's cursor (e.g. a cursor kept from an older listing): only starting over helps. */
export function staleCursor(error: ApiError | undefined): boolean {
  return error?.status === 422 && (error.problem.errors?.some((e) => e.path === "query.cursor") ?? false);
}

/** readStack reads the stack kept in the history entry's state. */
export function readStack(state: unknown): string[] {
  if (state && typeof state === "object" && "cursors" in state) {
    const c = (state as { cursors: unknown }).cursors;
    if (Array.isArray(c) && c.every((x) => typeof x === "string")) return c as string[];
  }
  return [];
}

// ---------------------------------------------------------------------------
// Summary of the rows on screen.

export interface PageSummary {
  count: number;
  pm: number;
  pmo: number;
  balanced: number;
  averageFit: number | null;
}

export function summarize(rows: CandidateRow[]): PageSummary {
  const s: PageSummary = { count: rows.length, pm: 0, pmo: 0, balanced: 0, averageFit: null };
  let total = 0;
  for (const r of rows) {
    if (r.lean === "pm") s.pm++;
    else if (r.lean === "pmo") s.pmo++;
    else s.balanced++;
    total += r.fit;
  }
  if (rows.length > 0) s.averageFit = Math.round(total / rows.length);
  return s;
}
