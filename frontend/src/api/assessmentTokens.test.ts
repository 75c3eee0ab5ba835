import { assessmentTokens } from "./assessmentTokens";

describe("assessmentTokens", () => {
  beforeEach(() => localStorage.clear());

  it("keeps one entry per id and sends its token as a header", () => {
    assessmentTokens.put({ id: "a1", token: "t1", questionnaire: "pm-pmo-fit", created_at: "2026-11-01T00:00:00Z" });
    assessmentTokens.put({ id: "a1", token: "t2", questionnaire: "pm-pmo-fit", created_at: "2026-11-01T00:00:00Z" });
    expect(assessmentTokens.all()).toHaveLength(1);
    expect(assessmentTokens.headers("a1")).toEqual({ "X-Assessment-Token": "t2" });
    expect(assessmentTokens.headers("missing")).toEqual({});
  });

  it("finds the newest unfinished draft", () => {
    assessmentTokens.put({ id: "old", token: "t", questionnaire: "q", created_at: "2026-10-01T00:00:00Z" });
    assessmentTokens.put({ id: "new", token: "t", questionnaire: "q", created_at: "2026-11-01T00:00:00Z" });
    expect(assessmentTokens.unfinished()?.id).toBe("new");
    assessmentTokens.markSubmitted("new");
    expect(assessmentTokens.unfinished()?.id).toBe("old");
    assessmentTokens.remove("old");
    expect(assessmentTokens.unfinished()).toBeUndefined();
  });

  it("survives corrupt storage", () => {
    localStorage.setItem("pmpath.assessments", "{not json");
    expect(assessmentTokens.all()).toEqual([]);
    localStorage.setItem("pmpath.assessments", JSON.stringify([{ id: 3 }, { id: "ok", token: "t" }]));
    expect(assessmentTokens.all().map((a) => a.id)).toEqual(["ok"]);
  });
});
