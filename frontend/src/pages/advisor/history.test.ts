import { describe, expect, it } from "vitest";
import { fitReasons, latestAttempt, previousAttempt, shapeHistory, signed, targetFor, topAndBottom, type Attempt, type DimensionMove } from "./history";

function attempt(at: string, fit: number, pm: number, pmo: number, role = "pmo-analyst"): Attempt {
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

describe("fitReasons", () => {
  const profile = [
    { dimension: "analysis", name: "Analysis", weight: 5, rationale: "" },
    { dimension: "documentation", name: "Documentation", weight: 4, rationale: "" },
    { dimension: "accuracy", name: "Accuracy", weight: 3, rationale: "" },
    { dimension: "process", name: "Process", weight: 3, rationale: "" },
    { dimension: "communication", name: "Communication", weight: 2, rationale: "" },
    { dimension: "governance", name: "Governance", weight: 4, rationale: "" },
  ];

  it("names strengths (60+) by weight times score, and gaps well below the role's ask", () => {
    const dims = [dim("analysis", 62), dim("documentation", 80), dim("accuracy", 40), dim("process", 55), dim("communication", 20), dim("governance", 30)];
    const r = fitReasons(profile, dims);
    expect(r.filter((x) => x.kind === "strength").map((x) => x.dimension)).toEqual(["documentation", "analysis"]);
    // accuracy asks 72, 40 < 52: gap; governance asks 81, 30 < 61: gap, and weighs more.
    // process asks 72, 55 is not 20 below; communication weighs 2, never a gap.
    expect(r.filter((x) => x.kind === "gap").map((x) => x.dimension)).toEqual(["governance", "accuracy"]);
    expect(r.find((x) => x.dimension === "governance")?.target).toBe(81);
    expect(r[0].name).toBe("DOCUMENTATION");
  });

  it("keeps at most three strengths and two gaps", () => {
    const high = profile.map((p) => dim(p.dimension, 90));
    expect(fitReasons(profile, high).filter((x) => x.kind === "strength")).toHaveLength(3);
    const low = profile.map((p) => dim(p.dimension, 5));
    expect(fitReasons(profile, low).filter((x) => x.kind === "gap")).toHaveLength(2);
  });

  it("uses the scoring's target rule", () => {
    expect(targetFor(1)).toBe(54);
    expect(targetFor(5)).toBe(90);
  });
});

describe("signed", () => {
  it("writes the sign of a change", () => {
    expect(signed(5)).toBe("+5");
    expect(signed(-3)).toBe("−3");
    expect(signed(0)).toBe("±0");
  });
});
