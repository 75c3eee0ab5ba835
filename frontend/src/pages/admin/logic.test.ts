import { describe, expect, it } from "vitest";
import type { QuestionnaireSummary } from "../../api/types";
import {
  alphaLevel,
  currentVersions,
  definitionProblem,
  flaggedDimensions,
  formatAlpha,
  generatePassword,
  newerPage,
  olderPage,
  parseVersionKey,
  shortId,
  sortVersions,
  versionKey,
} from "./logic";

describe("generatePassword", () => {
  it("makes four hyphenated groups of five unambiguous characters", () => {
    const pw = generatePassword("someone@example.com");
    expect(pw).toMatch(/^[a-km-np-zA-HJ-NP-Z2-9]{5}(-[a-km-np-zA-HJ-NP-Z2-9]{5}){3}$/);
    expect(pw).not.toMatch(/[01lIO]/);
  });

  it("differs every time", () => {
    const seen = new Set(Array.from({ length: 50 }, () => generatePassword()));
    expect(seen.size).toBe(50);
  });

  it("never contains the e-mail's local part, which the policy refuses", () => {
    // A source that first spells "abcd…" then random values.
    let calls = 0;
    const alphabetIndex = (c: string) => "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789".indexOf(c);
    const scripted = "abcdeabcdeabcdeabcde".split("").map(alphabetIndex);
    const random = (buf: Uint32Array) => {
      buf[0] = calls < scripted.length ? scripted[calls] : (calls * 2654435761) >>> 0;
      calls++;
    };
    const pw = generatePassword("abcde@example.com", random);
    expect(pw.toLowerCase()).not.toContain("abcde");
    expect(calls).toBeGreaterThan(20);
  });
});

describe("alpha", () => {
  it("flags below 0.7, with the boundaries where they belong", () => {
    expect(alphaLevel(0.69)).toBe("low");
    expect(alphaLevel(-0.4)).toBe("low");
    expect(alphaLevel(0.7)).toBe("acceptable");
    expect(alphaLevel(0.79)).toBe("acceptable");
    expect(alphaLevel(0.8)).toBe("good");
    expect(alphaLevel(null)).toBe("na");
    expect(alphaLevel(Number.NaN)).toBe("na");
  });

  it("lists only the flagged dimensions", () => {
    const dims = [
      { dimension: "a", items: 3, n: 40, alpha: 0.91 },
      { dimension: "b", items: 3, n: 40, alpha: 0.31 },
      { dimension: "c", items: 3, n: 2, alpha: null },
      { dimension: "d", items: 3, n: 40, alpha: 0.7 },
    ];
    expect(flaggedDimensions(dims).map((d) => d.dimension)).toEqual(["b"]);
  });

  it("formats alpha with two decimals", () => {
    expect(formatAlpha(0.8, "en")).toBe("0.80");
    expect(formatAlpha(0.8384, "ja")).toBe("0.84");
    expect(formatAlpha(null, "en")).toBe("—");
  });
});

describe("questionnaire versions", () => {
  const v = (slug: string, version: number): QuestionnaireSummary => ({ slug, version, title: slug, description: "", minutes: 10, items: 50 });
  it("finds the current version of each questionnaire", () => {
    const m = currentVersions([v("fit", 1), v("fit", 3), v("fit", 2), v("other", 1)]);
    expect(m.get("fit")).toBe(3);
    expect(m.get("other")).toBe(1);
  });
  it("orders by questionnaire, newest first", () => {
    expect(sortVersions([v("b", 1), v("a", 1), v("a", 2)]).map((q) => versionKey(q.slug, q.version))).toEqual(["a@2", "a@1", "b@1"]);
  });
  it("reads a version key back", () => {
    expect(parseVersionKey("pm-pmo-fit@2")).toEqual({ slug: "pm-pmo-fit", version: 2 });
    expect(parseVersionKey("nonsense")).toBeNull();
  });
  it("checks an upload before sending", () => {
    expect(definitionProblem("  \n")).toBe("empty");
    expect(definitionProblem("x".repeat(524289))).toBe("tooLarge");
    expect(definitionProblem("slug: a\nversion: 2\n")).toBeNull();
  });
});

describe("audit paging", () => {
  it("pages back by entry id and returns", () => {
    let p = { before: null as number | null, stack: [] as (number | null)[] };
    p = olderPage(p, 120);
    p = olderPage(p, 70);
    expect(p).toEqual({ before: 70, stack: [null, 120] });
    p = newerPage(p);
    expect(p).toEqual({ before: 120, stack: [null] });
    p = newerPage(p);
    expect(p).toEqual({ before: null, stack: [] });
    expect(newerPage(p)).toEqual({ before: null, stack: [] });
  });
  it("shortens ids", () => {
    expect(shortId("21b682b5-d649-4053-8154-43872d36cdcf")).toBe("21b682b5…");
    expect(shortId(null)).toBe("—");
  });
});
