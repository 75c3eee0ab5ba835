// The endpoint functions send what api/openapi.yaml describes: the path
// filled in and escaped, the query in order without empty values, the
// browser's assessment token, idempotency keys and the body.
import { assessmentTokens } from "./assessmentTokens";
import { createAssessment, getAssessment, myRoadmap, patchAssessment, questionnaireStats, setStepProgress, submitAssessment, unshare, url } from "./endpoints";

function recordFetch(status = 200, body: unknown = {}) {
  const calls: { url: string; init: RequestInit }[] = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (u: string, init: RequestInit) => {
      calls.push({ url: u, init });
      return status === 204 ? new Response(null, { status }) : new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
    }),
  );
  return calls;
}

const headers = (init: RequestInit) => init.headers as Record<string, string>;

describe("url", () => {
  it("fills and escapes path parameters", () => {
    expect(url("/api/v1/me/shares/{advisor_id}", { advisor_id: "a/b c" })).toBe("/api/v1/me/shares/a%2Fb%20c");
    expect(url("/api/v1/admin/questionnaires/{slug}/stats", { slug: "pm-pmo-fit" }, { version: 2 })).toBe("/api/v1/admin/questionnaires/pm-pmo-fit/stats?version=2");
  });

  it("writes the query in order and leaves out what is not set", () => {
    expect(url("/x", undefined, { role: "", lean: "pmo", min_fit: undefined, q: "Sato Aiko", cursor: null, limit: 20 })).toBe("/x?lean=pmo&q=Sato+Aiko&limit=20");
    expect(url("/x", undefined, {})).toBe("/x");
  });
});

describe("endpoints", () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => vi.unstubAllGlobals());

  it("sends this browser's token for an anonymous assessment, and none for others", async () => {
    assessmentTokens.put({ id: "a1", token: "t1", questionnaire: "pm-pmo-fit", created_at: "2026-01-01T00:00:00Z" });
    const calls = recordFetch(200, { id: "a1" });
    await getAssessment("a1");
    await getAssessment("a2");
    expect(calls.map((c) => c.url)).toEqual(["/api/v1/assessments/a1", "/api/v1/assessments/a2"]);
    expect(headers(calls[0].init)["X-Assessment-Token"]).toBe("t1");
    expect(headers(calls[1].init)["X-Assessment-Token"]).toBeUndefined();
  });

  it("saves answers, keeping the request alive when asked", async () => {
    assessmentTokens.put({ id: "a1", token: "t1", questionnaire: "pm-pmo-fit", created_at: "2026-01-01T00:00:00Z" });
    const calls = recordFetch(200, { id: "a1" });
    await patchAssessment("a1", { q01: 4, q02: null });
    await patchAssessment("a1", { q03: 1 }, { keepalive: true });
    expect(calls[0].init.method).toBe("PATCH");
    expect(JSON.parse(String(calls[0].init.body))).toEqual({ answers: { q01: 4, q02: null } });
    expect(calls[0].init.keepalive).toBeUndefined();
    expect(calls[1].init.keepalive).toBe(true);
    expect(headers(calls[1].init)["X-Assessment-Token"]).toBe("t1");
  });

  it("sends idempotency keys on creating and submitting", async () => {
    const calls = recordFetch(201, { id: "a1" });
    await createAssessment({ questionnaire: "pm-pmo-fit" }, "k1");
    await submitAssessment("a1", "k2");
    expect(calls.map((c) => `${c.init.method} ${c.url}`)).toEqual(["POST /api/v1/assessments", "POST /api/v1/assessments/a1/submit"]);
    expect(headers(calls[0].init)["Idempotency-Key"]).toBe("k1");
    expect(JSON.parse(String(calls[0].init.body))).toEqual({ questionnaire: "pm-pmo-fit" });
    expect(headers(calls[1].init)["Idempotency-Key"]).toBe("k2");
    expect(calls[1].init.body).toBeUndefined();
  });

  it("reads the roadmap of the latest result or of a role", async () => {
    const calls = recordFetch(200, { role: "r", role_name: "R", steps: [] });
    await myRoadmap();
    await myRoadmap("pmo-manager");
    expect(calls.map((c) => c.url)).toEqual(["/api/v1/me/roadmap", "/api/v1/me/roadmap?role=pmo-manager"]);
  });

  it("marks a step and stops sharing", async () => {
    const calls = recordFetch(200, { step_id: "s1", status: "done", updated_at: "2026-01-01T00:00:00Z" });
    expect(await setStepProgress("s1", "done")).toEqual({ step_id: "s1", status: "done", updated_at: "2026-01-01T00:00:00Z" });
    expect(calls[0].init.method).toBe("PUT");
    expect(calls[0].url).toBe("/api/v1/me/roadmap/s1");
    const gone = recordFetch(204);
    expect(await unshare("adv 1")).toBeUndefined();
    expect(`${gone[0].init.method} ${gone[0].url}`).toBe("DELETE /api/v1/me/shares/adv%201");
  });

  it("asks for one version's statistics", async () => {
    const calls = recordFetch(200, {});
    await questionnaireStats("pm-pmo-fit", 3);
    expect(calls[0].url).toBe("/api/v1/admin/questionnaires/pm-pmo-fit/stats?version=3");
  });
});
