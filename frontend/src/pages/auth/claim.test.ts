import type { MyAssessment } from "../../api/types";
import { ApiError } from "../../api/client";
import type { StoredAssessment } from "../../api/assessmentTokens";
import { claimAnonymousAssessments, claimForCandidate, type ClaimFn, type TokenStore } from "./claim";

function stored(id: string, token = `tok-${id}`): StoredAssessment {
  return { id, token, questionnaire: "pm-pmo-fit", created_at: "2026-01-01T00:00:00Z", submitted: true };
}

function memoryStore(items: StoredAssessment[]): TokenStore & { items: StoredAssessment[] } {
  const s = {
    items: [...items],
    all: () => [...s.items],
    remove: (id: string) => {
      s.items = s.items.filter((a) => a.id !== id);
    },
  };
  return s;
}

function mine(id: string): MyAssessment {
  return { id, questionnaire: { slug: "pm-pmo-fit", version: 1 }, status: "submitted", created_at: "", submitted_at: "", recommended_role: "pmo-analyst", lean: "pmo", fit: 80 };
}

function problem(status: number) {
  return new ApiError({ type: "urn:pmpath:problem:x", title: "x", status });
}

/** fakeClaim answers claims by id: a status code throws, anything else succeeds. */
function fakeClaim(outcomes: Record<string, number | "ok">) {
  const calls: { id: string; token: string }[] = [];
  const api: ClaimFn = async (id, token) => {
    calls.push({ id, token });
    const o = outcomes[id] ?? "ok";
    if (o !== "ok") throw problem(o);
    return mine(id);
  };
  return { api, calls };
}

describe("claimAnonymousAssessments", () => {
  it("posts each id with its token and forgets the token once claimed", async () => {
    const store = memoryStore([stored("a"), stored("b")]);
    const { api, calls } = fakeClaim({});
    const out = await claimAnonymousAssessments(api, store);
    expect(calls).toEqual([
      { id: "a", token: "tok-a" },
      { id: "b", token: "tok-b" },
    ]);
    expect(out.claimed.map((a) => a.id)).toEqual(["a", "b"]);
    expect(out.missing).toEqual([]);
    expect(out.failed).toEqual([]);
    expect(store.items).toEqual([]);
  });

  it("ignores a 404 without failing and keeps that token", async () => {
    const store = memoryStore([stored("gone"), stored("ok")]);
    const { api } = fakeClaim({ gone: 404 });
    const out = await claimAnonymousAssessments(api, store);
    expect(out.claimed.map((a) => a.id)).toEqual(["ok"]);
    expect(out.missing).toEqual(["gone"]);
    expect(out.failed).toEqual([]);
    expect(store.items.map((a) => a.id)).toEqual(["gone"]);
  });

  it("reports other failures and keeps their tokens for a later try", async () => {
    const store = memoryStore([stored("x"), stored("y")]);
    const { api } = fakeClaim({ x: 503 });
    const out = await claimAnonymousAssessments(api, store);
    expect(out.failed).toHaveLength(1);
    expect(out.failed[0].id).toBe("x");
    expect((out.failed[0].error as ApiError).status).toBe(503);
    expect(out.claimed.map((a) => a.id)).toEqual(["y"]);
    expect(store.items.map((a) => a.id)).toEqual(["x"]);
  });

  it("claims only the ids asked for, and each id once", async () => {
    const store = memoryStore([stored("a"), stored("b"), stored("a", "other")]);
    const { api, calls } = fakeClaim({});
    const out = await claimAnonymousAssessments(api, store, ["a"]);
    expect(calls).toHaveLength(1);
    expect(out.claimed.map((a) => a.id)).toEqual(["a"]);
    expect(store.items.map((a) => a.id)).toEqual(["b"]);
  });

  it("does nothing when the browser holds nothing", async () => {
    const { api, calls } = fakeClaim({});
    const out = await claimAnonymousAssessments(api, memoryStore([]));
    expect(calls).toHaveLength(0);
    expect(out).toEqual({ claimed: [], missing: [], failed: [] });
  });
});

describe("claimForCandidate", () => {
  it("claims for a candidate and reloads the account when something moved", async () => {
    const store = memoryStore([stored("a")]);
    const { api } = fakeClaim({});
    const reload = vi.fn(async () => {});
    expect(await claimForCandidate({ role: "candidate" }, reload, api, store)).toBe(1);
    expect(reload).toHaveBeenCalledOnce();
    expect(store.items).toEqual([]);
  });

  it("leaves staff accounts and empty browsers alone", async () => {
    const { api, calls } = fakeClaim({});
    const reload = vi.fn(async () => {});
    expect(await claimForCandidate({ role: "advisor" }, reload, api, memoryStore([stored("a")]))).toBe(0);
    expect(await claimForCandidate({ role: "candidate" }, reload, api, memoryStore([]))).toBe(0);
    expect(await claimForCandidate(undefined, reload, api, memoryStore([stored("a")]))).toBe(0);
    expect(calls).toHaveLength(0);
    expect(reload).not.toHaveBeenCalled();
  });

  it("never throws, even when every claim and the reload fail", async () => {
    const { api } = fakeClaim({ a: 500 });
    const reload = vi.fn(async () => {
      throw new Error("down");
    });
    await expect(claimForCandidate({ role: "candidate" }, reload, api, memoryStore([stored("a")]))).resolves.toBe(0);
    const broken = { all: () => { throw new Error("storage"); }, remove: () => {} };
    await expect(claimForCandidate({ role: "candidate" }, reload, api, broken)).resolves.toBe(0);
  });
});
