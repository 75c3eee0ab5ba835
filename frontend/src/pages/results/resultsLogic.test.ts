import type { Dimension, MyAssessment } from "../../api/types";
import { likelyResult, refusedResult, result, resultV2, salary, tooCloseResult } from "./fixtures";
import {
  biggestChanges,
  dimensionDeltas,
  fitRange,
  flagReasons,
  earlierAttempts,
  formatDelta,
  leanBar,
  leanWording,
  niceStep,
  radarData,
  salaryChart,
  splitLabel,
  stageIndex,
  topDimensions,
  verdict,
} from "./resultsLogic";

describe("leanWording", () => {
  it("follows the server's lean and grades it by the gap", () => {
    expect(leanWording({ pm: 70, pmo: 50, lean: "pm" })).toBe("pmStrong");
    expect(leanWording({ pm: 58, pmo: 50, lean: "pm" })).toBe("pm");
    expect(leanWording({ pm: 40, pmo: 55, lean: "pmo" })).toBe("pmoStrong");
    expect(leanWording({ pm: 45, pmo: 53, lean: "pmo" })).toBe("pmo");
    expect(leanWording({ pm: 52, pmo: 48, lean: "balanced" })).toBe("balanced");
  });
  it("never contradicts the server even on odd input", () => {
    expect(leanWording({ pm: 80, pmo: 20, lean: "balanced" })).toBe("balanced");
  });
});

describe("leanBar", () => {
  it("grows towards PM on the left for a PM lean", () => {
    const b = leanBar(70, 50);
    expect(b.side).toBe("pm");
    expect(b.width).toBe(25);
    expect(b.marker).toBe(25);
  });
  it("grows towards PMO on the right and clamps at the ends", () => {
    const b = leanBar(10, 90);
    expect(b.side).toBe("pmo");
    expect(b.width).toBe(50);
    expect(b.marker).toBe(100);
  });
  it("sits in the centre when equal, with the balanced band drawn", () => {
    const b = leanBar(50, 50);
    expect(b.side).toBe("none");
    expect(b.width).toBe(0);
    expect(b.marker).toBe(50);
    expect(b.band).toBe(7.5);
  });
});

const now: Dimension[] = [
  { key: "a", name: "A", lean: "pm", score: 60 },
  { key: "b", name: "B", lean: "pmo", score: 40 },
  { key: "c", name: "C", lean: "both", score: 50 },
  { key: "new", name: "New", lean: "both", score: 70 },
];
const before: Dimension[] = [
  { key: "b", name: "B", lean: "pmo", score: 52 },
  { key: "a", name: "A", lean: "pm", score: 45 },
  { key: "c", name: "C", lean: "both", score: 50 },
];

describe("dimensionDeltas", () => {
  it("pairs scores by key in the current order", () => {
    const d = dimensionDeltas(now, before);
    expect(d.map((x) => [x.key, x.before, x.now, x.delta])).toEqual([
      ["a", 45, 60, 15],
      ["b", 52, 40, -12],
      ["c", 50, 50, 0],
      ["new", null, 70, null],
    ]);
  });
  it("finds the biggest rise and fall", () => {
    const { up, down } = biggestChanges(dimensionDeltas(now, before));
    expect(up?.key).toBe("a");
    expect(down?.key).toBe("b");
    expect(biggestChanges(dimensionDeltas(before, before))).toEqual({ up: null, down: null });
  });
  it("writes signed deltas", () => {
    expect(formatDelta(5)).toBe("+5");
    expect(formatDelta(-3)).toBe("−3");
    expect(formatDelta(0)).toBe("±0");
    expect(formatDelta(null)).toBe("—");
  });
});

describe("earlierAttempts", () => {
  const mk = (id: string, status: "draft" | "submitted", at: string | null): MyAssessment => ({
    id,
    status,
    questionnaire: { slug: "pm-pmo-fit", version: 1 },
    created_at: "2026-01-01T00:00:00Z",
    submitted_at: at,
    recommended_role: null,
    lean: null,
    fit: null,
  });
  it("keeps other submitted attempts, newest first", () => {
    const list = [mk("cur", "submitted", "2026-03-01T00:00:00Z"), mk("old", "submitted", "2026-01-02T00:00:00Z"), mk("mid", "submitted", "2026-02-01T00:00:00Z"), mk("d", "draft", null)];
    expect(earlierAttempts(list, "cur").map((a) => a.id)).toEqual(["mid", "old"]);
  });
});

describe("salaryChart", () => {
  it("puts every range on one scale with room for open ranges", () => {
    const c = salaryChart(salary);
    expect(c.rows).toHaveLength(3);
    // the open range's floor (1,200万) × 1.25 = 1,500万 sets the edge
    expect(c.scaleMax).toBe(15_000_000);
    expect(c.ticks[0]).toBe(0);
    expect(c.ticks[c.ticks.length - 1]).toBe(c.scaleMax);
    const [range, point, open] = c.rows;
    expect(range.point).toBe(false);
    expect(range.left).toBeCloseTo(33.1, 1);
    expect(range.width).toBeCloseTo(26.7, 1);
    expect(point.point).toBe(true);
    expect(point.width).toBe(0);
    expect(open.open).toBe(true);
    expect(open.left + open.width).toBe(100);
    expect(range.target).toBe(true);
    expect(open.target).toBe(false);
    expect(open.roleName).toBe("Program manager");
  });
  it("handles a role without a next step or without ranges", () => {
    expect(salaryChart({ target: salary.target, next_step: null }).rows).toHaveLength(2);
    expect(salaryChart({ target: { role: "x", name: "X", ranges: [] }, next_step: null })).toEqual({ rows: [], scaleMax: 0, ticks: [] });
  });
  it("picks round grid steps in 万円", () => {
    expect(niceStep(15_000_000)).toBe(5_000_000);
    expect(niceStep(9_000_000)).toBe(2_000_000);
    expect(niceStep(4_000_000)).toBe(1_000_000);
  });
});

describe("small helpers", () => {
  it("ranks stages", () => {
    expect(stageIndex("foundation")).toBe(0);
    expect(stageIndex("executive")).toBe(5);
  });
  it("adds earlier scores to radar data only when comparing", () => {
    expect(radarData(now)[0]).toEqual({ key: "a", name: "A", lean: "pm", score: 60 });
    expect(radarData(now, before)[3].before).toBe(0);
    expect(radarData(now, before)[0].before).toBe(45);
  });
  it("picks the top dimensions, ties in display order", () => {
    expect(topDimensions(now, 2).map((d) => d.key)).toEqual(["new", "a"]);
  });
  it("splits long chart labels at a separator near the middle", () => {
    expect(splitLabel("意思決定", 5)).toEqual(["意思決定"]);
    expect(splitLabel("計画・進捗コスト管理", 6)).toEqual(["計画・", "進捗コスト管理"]);
    expect(splitLabel("Process and standards", 12)).toEqual(["Process and", "standards"]);
    expect(splitLabel("Planning and control", 11)).toEqual(["Planning", "and control"]);
    expect(splitLabel("Communication", 8)).toEqual(["Communication"]);
    expect(splitLabel("コミュニケーション", 6)).toEqual(["コミュニ", "ケーション"]);
    expect(splitLabel("ドキュメント作成", 6)).toEqual(["ドキュメ", "ント作成"]);
  });
});

describe("verdict", () => {
  it("keeps a first-model result (no confidence) as it was: its recommended role, clearly", () => {
    expect(verdict(result)).toEqual({ kind: "clear", best: result.roles[0] });
  });

  it("reads each confidence level", () => {
    expect(verdict(resultV2)).toEqual({ kind: "clear", best: resultV2.roles[0] });
    expect(verdict(likelyResult)).toEqual({ kind: "likely", best: likelyResult.roles[0], runnerUp: likelyResult.roles[1], margin: 4 });
    expect(verdict(tooCloseResult)).toEqual({ kind: "tooClose", first: tooCloseResult.roles[0], second: tooCloseResult.roles[1], margin: 1 });
  });

  it("refuses a sheet without a recommended role, whatever its confidence says", () => {
    expect(refusedResult.confidence?.level).toBe("too_close");
    expect(verdict(refusedResult)).toEqual({ kind: "refused", flags: ["straight_lining", "inconsistent_answers"] });
  });

  it("still recommends a first-model result that was flagged", () => {
    const flagged = { ...result, quality: { flags: ["too_fast" as const], reliable: false } };
    expect(verdict(flagged).kind).toBe("clear");
  });

  it("names a runner-up missing from the roles by the confidence's own name", () => {
    const odd = { ...tooCloseResult, confidence: { level: "too_close" as const, margin: 0, runner_up: "pmo-manager", runner_up_name: "PMO manager" } };
    expect(verdict(odd)).toMatchObject({ kind: "tooClose", second: { slug: "pmo-manager", name: "PMO manager" }, margin: 0 });
  });
});

describe("fitRange", () => {
  it("is the interval when both ends are known", () => {
    expect(fitRange({ fit_low: 65, fit_high: 79 })).toEqual({ low: 65, high: 79 });
    expect(fitRange({ fit_low: null, fit_high: null })).toBeNull();
    expect(fitRange({ fit_low: 60, fit_high: null })).toBeNull();
  });
});

describe("flagReasons", () => {
  it("explains each reason once, both consistency flags as one", () => {
    expect(flagReasons([])).toEqual([]);
    expect(flagReasons(["too_fast", "inconsistent_answers", "straight_lining", "inconsistent_reverse_pairs"])).toEqual(["straight_lining", "inconsistent", "too_fast"]);
  });
});

describe("salaryChart with a role for now", () => {
  it("lays the role for now, the target and the next role up on one scale, in ladder order", () => {
    const now = { role: "pm-assistant", name: "PM assistant", ranges: [{ label: "x", min_jpy: 4_000_000, max_jpy: 5_500_000, estimate: true, note: null, source: { name: "s", url: null, year: 2025 } }] };
    const c = salaryChart({ ...salary, now });
    expect(c.rows.map((r) => [r.role, r.kind, r.target])).toEqual([
      ["pm-assistant", "now", false],
      ["project-manager", "target", true],
      ["project-manager", "target", true],
      ["program-manager", "next", false],
    ]);
    expect(c.rows[0].left).toBeCloseTo((4_000_000 / c.scaleMax) * 100, 1);
    expect(salaryChart({ ...salary, now: null }).rows.map((r) => r.kind)).toEqual(["target", "target", "next"]);
  });
});
