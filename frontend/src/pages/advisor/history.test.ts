import { describe, expect, it } from "vitest";
import fixture from "./fixtures/candidate.en.json";
import type { Attempt, CandidateDetail, DimensionMove } from "../../api/types";
import { latestAttempt, nextStep, previousAttempt, recommendedFit, roleNamer, shapeHistory, signed, topAndBottom, topFits, whyLines } from "./history";

function attempt(at: string, fit: number, pm: number, pmo: number, role: string | null = "pmo-analyst"): Attempt {
  return { assessment_id: at, submitted_at: at, questionnaire_version: 1, recommended_role: role, fit, lean: pm > pmo ? "pm" : "pmo", pm, pmo, quality_flags: [], dimensions: [] };
}

const dim = (key: string, score: number, change: number | null = null): DimensionMove => ({ key, name: key.toUpperCase(), score, change });

describe("shapeHistory", () => {
  it("gives one point per attempt, oldest first, numbered from 1", () => {
    const pts = shapeHistory([attempt("2026-03-01T00:00:00Z", 72, 40, 70), attempt("2026-01-10T00:00:00Z", 65, 45, 60, "pmo-administrator")]);
    expect(pts).toEqual([
      { attempt: 1, at: "2026-01-10T00:00:00Z", fit: 65, pm: 45, pmo: 60, lean: "pmo", role: "pmo-administrator" },
      { attempt: 2, at: "2026-03-01T00:00:00Z", fit: 72, pm: 40, pmo: 70, lean: "pmo", role: "pmo-analyst" },
    ]);
  });

  it("leaves out the fit of an attempt that recommended no role", () => {
    const pts = shapeHistory([attempt("2026-01-10T00:00:00Z", 65, 45, 60, null), attempt("2026-03-01T00:00:00Z", 72, 40, 70)]);
    expect(pts[0]).toMatchObject({ fit: null, role: null, pm: 45, pmo: 60 });
    expect(pts[1]).toMatchObject({ fit: 72, role: "pmo-analyst" });
  });

  it("is empty without attempts", () => {
    expect(shapeHistory([])).toEqual([]);
  });

  it("finds the latest and the previous attempt whatever the order", () => {
    const a = [attempt("2026-02-01T00:00:00Z", 2, 0, 0), attempt("2026-03-01T00:00:00Z", 3, 0, 0), attempt("2026-01-01T00:00:00Z", 1, 0, 0)];
    expect(latestAttempt(a)?.fit).toBe(3);
    expect(previousAttempt(a)?.fit).toBe(2);
    expect(previousAttempt([a[0]])).toBeUndefined();
    expect(latestAttempt([])).toBeUndefined();
  });
});

describe("topAndBottom", () => {
  it("picks the three highest and the three lowest without overlap", () => {
    const dims = [dim("a", 10), dim("b", 90), dim("c", 50), dim("d", 70), dim("e", 30), dim("f", 60), dim("g", 20)];
    const { top, bottom } = topAndBottom(dims);
    expect(top.map((d) => d.key)).toEqual(["b", "d", "f"]);
    expect(bottom.map((d) => d.key)).toEqual(["a", "g", "e"]);
  });

  it("does not repeat a dimension when there are few", () => {
    const { top, bottom } = topAndBottom([dim("a", 10), dim("b", 90), dim("c", 50), dim("d", 40)]);
    expect(top.map((d) => d.key)).toEqual(["b", "c", "d"]);
    expect(bottom.map((d) => d.key)).toEqual(["a"]);
  });
});

describe("reading the latest result", () => {
  // A real GET /advisor/candidates/{id} response captured from a running server.
  const detail = fixture as CandidateDetail;
  const result = detail.latest_result!;

  it("picks the three best fits, best first, keeping the server's order on ties", () => {
    const top = topFits(result);
    expect(top.map((r) => r.slug)).toEqual(["pmo-administrator", "pmo-analyst", "pm-assistant"]);
    expect(top.map((r) => r.fit)).toEqual([67, 67, 60]);
    expect(topFits(result, 1)[0].slug).toBe(result.recommended_role);
    const shuffled = { ...result, roles: [...result.roles].reverse() };
    expect(topFits(shuffled)[0].fit).toBe(67);
    expect(topFits(shuffled).map((r) => r.fit)).toEqual([67, 67, 60]);
  });

  it("pairs each why sentence with the kind of reason it words", () => {
    const lines = whyLines(result.roles[0]);
    expect(lines).toHaveLength(5);
    expect(lines.map((l) => l.kind)).toEqual(["strength", "strength", "strength", "gap", "gap"]);
    expect(lines[0].text).toMatch(/^Your Documentation score of 73 is a strength/);
    expect(lines[3]).toMatchObject({ kind: "gap", dimension: "accuracy" });
    // A sentence without a matching reason is still shown, unmarked.
    expect(whyLines({ ...result.roles[0], reasons: [] })[0].kind).toBeUndefined();
  });

  it("finds the recommended role, the next step and role names", () => {
    expect(recommendedFit(result)?.name).toBe("PMO administrator");
    expect(nextStep(result)?.title).toBe("Move into progress and issue tracking");
    expect(nextStep({ ...result, readiness: { ...result.readiness, next_step_id: "nope" } })).toBeUndefined();
    const name = roleNamer(result);
    expect(name("pmo-analyst")).toBe("PMO analyst / expert");
    expect(name("unknown-role")).toBe("unknown-role");
    expect(roleNamer(null)("pmo-analyst")).toBe("pmo-analyst");
  });
});

describe("signed", () => {
  it("writes the sign of a change", () => {
    expect(signed(5)).toBe("+5");
    expect(signed(-3)).toBe("−3");
    expect(signed(0)).toBe("±0");
  });
});
