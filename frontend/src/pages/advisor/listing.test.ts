import { describe, expect, it } from "vitest";
import { ApiError } from "../../api/client";
import type { CandidateRow } from "../../api/types";
import {
  apiQuery,
  ariaSort,
  back,
  canGoBack,
  emptyFilters,
  forward,
  hasFilters,
  nextSort,
  pageNumber,
  parseListState,
  readStack,
  staleCursor,
  summarize,
  toSearchParams,
  withFilters,
  withSort,
  type ListState,
} from "./listing";

const base: ListState = { ...emptyFilters, sort: "fit", limit: 20, cursor: null };

describe("URL ⇄ listing state", () => {
  it("reads every filter, the sort, the page size and the cursor", () => {
    const s = parseListState(new URLSearchParams("role=pmo-analyst&lean=pmo&min_fit=65&q=%E5%B1%B1%E7%94%B0&sort=date&limit=50&cursor=abc"));
    expect(s).toEqual({ role: "pmo-analyst", lean: "pmo", minFit: 65, q: "山田", sort: "date", limit: 50, cursor: "abc" });
  });

  it("uses defaults for an empty query", () => {
    expect(parseListState(new URLSearchParams(""))).toEqual(base);
  });

  it("drops values the API would refuse instead of failing the page", () => {
    const s = parseListState(new URLSearchParams("role=DROP%20TABLE&lean=both&min_fit=140&sort=name&limit=7"));
    expect(s).toEqual(base);
    expect(parseListState(new URLSearchParams("min_fit=-3")).minFit).toBeNull();
    expect(parseListState(new URLSearchParams("min_fit=0")).minFit).toBeNull();
    expect(parseListState(new URLSearchParams(`q=${"あ".repeat(80)}`)).q).toHaveLength(60);
  });

  it("writes only what differs from the defaults", () => {
    expect(toSearchParams(base).toString()).toBe("");
    const p = toSearchParams({ ...base, lean: "pm", minFit: 70, sort: "date", q: "  佐藤 " });
    expect(Object.fromEntries(p)).toEqual({ lean: "pm", min_fit: "70", sort: "date", q: "佐藤" });
  });

  it("round-trips through the URL", () => {
    const s: ListState = { role: "project-manager", lean: "balanced", minFit: 40, q: "Aiko", sort: "date", limit: 10, cursor: "eyJ" };
    expect(parseListState(toSearchParams(s))).toEqual(s);
  });

  it("sends the API the sort and page size explicitly", () => {
    expect(apiQuery(base)).toEqual({ sort: "fit", limit: 20 });
    expect(apiQuery({ ...base, lean: "pmo", minFit: 0, q: "  ", cursor: "c1" })).toEqual({ lean: "pmo", cursor: "c1", sort: "fit", limit: 20 });
    expect(apiQuery({ ...base, role: "pmo-manager", minFit: 70, q: " Sato ", sort: "date", limit: 50 })).toEqual({ role: "pmo-manager", min_fit: 70, q: "Sato", sort: "date", limit: 50 });
  });

  it("starts paging over when filters change", () => {
    const s = withFilters({ ...base, cursor: "c2", sort: "date" }, { role: "", lean: "pm", minFit: null, q: " x " });
    expect(s.cursor).toBeNull();
    expect(s.sort).toBe("date");
    expect(s.q).toBe("x");
  });

  it("knows when filters are set", () => {
    expect(hasFilters(emptyFilters)).toBe(false);
    expect(hasFilters({ ...emptyFilters, q: "  " })).toBe(false);
    expect(hasFilters({ ...emptyFilters, minFit: 1 })).toBe(true);
    expect(hasFilters({ ...emptyFilters, role: "pmo-manager" })).toBe(true);
  });
});

describe("sort toggling", () => {
  it("picks the pressed column; each column has one order", () => {
    expect(nextSort("fit", "date")).toBe("date");
    expect(nextSort("date", "fit")).toBe("fit");
    expect(nextSort("fit", "fit")).toBe("fit");
  });

  it("marks only the active column as sorted", () => {
    expect(ariaSort("fit", "fit")).toBe("descending");
    expect(ariaSort("fit", "date")).toBe("none");
    expect(ariaSort("date", "date")).toBe("descending");
  });

  it("drops the cursor when the order changes, since a cursor belongs to one order", () => {
    const s = { ...base, cursor: "c1" };
    expect(withSort(s, "date")).toEqual({ ...s, sort: "date", cursor: null });
    expect(withSort(s, "fit")).toBe(s);
  });
});

describe("cursor stack", () => {
  it("walks forward and back to the first page", () => {
    let p = { cursor: null as string | null, stack: [] as string[] };
    expect(pageNumber(p)).toBe(1);
    expect(canGoBack(p)).toBe(false);
    p = forward(p, "c2");
    expect(p).toEqual({ cursor: "c2", stack: [""] });
    expect(pageNumber(p)).toBe(2);
    p = forward(p, "c3");
    expect(p).toEqual({ cursor: "c3", stack: ["", "c2"] });
    expect(pageNumber(p)).toBe(3);
    p = back(p);
    expect(p).toEqual({ cursor: "c2", stack: [""] });
    p = back(p);
    expect(p).toEqual({ cursor: null, stack: [] });
    expect(canGoBack(p)).toBe(false);
  });

  it("goes to the first page from a deep link without history", () => {
    const p = { cursor: "c7", stack: [] };
    expect(pageNumber(p)).toBeNull();
    expect(canGoBack(p)).toBe(true);
    expect(back(p)).toEqual({ cursor: null, stack: [] });
  });

  it("reads the stack from history state and ignores anything else", () => {
    expect(readStack({ cursors: ["", "c2"] })).toEqual(["", "c2"]);
    expect(readStack(null)).toEqual([]);
    expect(readStack({ cursors: [1, 2] })).toEqual([]);
    expect(readStack({ from: "/advisor" })).toEqual([]);
  });

  it("tells a refused cursor from other errors", () => {
    const invalid = (path: string) => new ApiError({ type: "urn:pmpath:problem:invalid", title: "Invalid", status: 422, errors: [{ path, message: "is not valid" }] });
    expect(staleCursor(invalid("query.cursor"))).toBe(true);
    expect(staleCursor(invalid("query.min_fit"))).toBe(false);
    expect(staleCursor(new ApiError({ type: "x", title: "Invalid", status: 422 }))).toBe(false);
    expect(staleCursor(new ApiError({ type: "x", title: "Server", status: 500 }))).toBe(false);
    expect(staleCursor(undefined)).toBe(false);
  });
});

describe("summarize", () => {
  const row = (lean: string, fit: number): CandidateRow => ({ id: `${lean}${fit}`, display_name: "x", recommended_role: "r", recommended_role_name: "R", lean, fit });
  it("counts leans and averages fit", () => {
    expect(summarize([row("pm", 80), row("pmo", 61), row("pmo", 70), row("balanced", 50)])).toEqual({ count: 4, pm: 1, pmo: 2, balanced: 1, averageFit: 65 });
  });
  it("has no average for no rows", () => {
    expect(summarize([]).averageFit).toBeNull();
  });
});
