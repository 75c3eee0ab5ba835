import type { MyRoadmapStep, StepStatus } from "../../api/types";
import { claimableLocal, confirmMatches, exportFileName, summarizeRoadmap } from "./shape";

function step(id: string, status: StepStatus): MyRoadmapStep {
  return { id, status, stage: { key: "lead", name: "Lead" }, title: id, detail: "", experience: "", months: 0, certifications: [], updated_at: null };
}

describe("summarizeRoadmap", () => {
  it("counts statuses and leaves skipped steps out of the percentage", () => {
    const s = summarizeRoadmap([step("a", "done"), step("b", "skipped"), step("c", "pending"), step("d", "done"), step("e", "learning")]);
    expect(s.counts).toEqual({ done: 2, learning: 1, pending: 1, skipped: 1 });
    expect(s.total).toBe(5);
    expect(s.percent).toBe(50);
  });

  it("points at the step in progress before the first one not started", () => {
    expect(summarizeRoadmap([step("a", "pending"), step("b", "learning")]).next?.id).toBe("b");
    expect(summarizeRoadmap([step("a", "done"), step("b", "pending"), step("c", "pending")]).next?.id).toBe("b");
    expect(summarizeRoadmap([step("a", "done"), step("b", "skipped")]).next).toBeUndefined();
  });

  it("copes with an empty or all-skipped roadmap", () => {
    expect(summarizeRoadmap([]).percent).toBe(0);
    expect(summarizeRoadmap([step("a", "skipped")]).percent).toBe(0);
  });
});

describe("privacy helpers", () => {
  it("names the export after its day", () => {
    expect(exportFileName("2026-11-25T19:40:32.196694073Z")).toBe("pmpath-export-2026-11-25.json");
    expect(exportFileName(new Date("2027-01-02T03:04:05Z"))).toBe("pmpath-export-2027-01-02.json");
    expect(exportFileName("garbage")).toBe("pmpath-export-export.json");
  });

  it("accepts the confirmation word typed loosely but not something else", () => {
    expect(confirmMatches("DELETE", "DELETE")).toBe(true);
    expect(confirmMatches("  delete ", "DELETE")).toBe(true);
    expect(confirmMatches("ＤＥＬＥＴＥ", "DELETE")).toBe(true);
    expect(confirmMatches("削除", "削除")).toBe(true);
    expect(confirmMatches("DELET", "DELETE")).toBe(false);
    expect(confirmMatches("", "")).toBe(false);
  });

  it("offers only local assessments the account does not list yet", () => {
    const local = [{ id: "a" }, { id: "b" }];
    expect(claimableLocal(local, [{ id: "a" }])).toEqual([{ id: "b" }]);
    expect(claimableLocal(local, undefined)).toEqual(local);
  });
});
