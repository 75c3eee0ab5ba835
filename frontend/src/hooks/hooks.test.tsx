// The shared hooks: reading (useApi), running a write (useAction) and
// marking a roadmap step (useStepProgress).
import { act, renderHook, waitFor } from "@testing-library/react";
import { ApiError } from "../api/client";
import type { MyRoadmap } from "../api/types";
import { setLang } from "../i18n";
import { useAction } from "./useAction";
import { useApi } from "./useApi";
import { useStepProgress } from "./useStepProgress";

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const problem = (status: number, detail?: string) => new ApiError({ type: "x", title: "x", status, detail });

beforeEach(async () => {
  await setLang("en");
});

describe("useApi", () => {
  it("reads again when the arguments change, and not when they are equal", async () => {
    const fn = vi.fn(async (slug: string) => `role ${slug}`);
    const { result, rerender } = renderHook(({ slug }) => useApi(fn, [slug]), { initialProps: { slug: "a" } });
    await waitFor(() => expect(result.current.data).toBe("role a"));
    rerender({ slug: "a" });
    rerender({ slug: "b" });
    await waitFor(() => expect(result.current.data).toBe("role b"));
    expect(fn.mock.calls).toEqual([["a"], ["b"]]);
  });

  it("asks for nothing with null arguments and clears what was read", async () => {
    const fn = vi.fn(async (id: string) => ({ id }));
    const { result, rerender } = renderHook(({ id }: { id: string | null }) => useApi(fn, id ? [id] : null), { initialProps: { id: null as string | null } });
    expect(result.current.loading).toBe(false);
    expect(fn).not.toHaveBeenCalled();
    rerender({ id: "x" });
    await waitFor(() => expect(result.current.data).toEqual({ id: "x" }));
    rerender({ id: null });
    await waitFor(() => expect(result.current.data).toBeUndefined());
  });

  it("reads again in a new language", async () => {
    const fn = vi.fn(async () => "text");
    renderHook(() => useApi(fn, []));
    await waitFor(() => expect(fn).toHaveBeenCalledTimes(1));
    await act(async () => {
      await setLang("ja");
    });
    await waitFor(() => expect(fn).toHaveBeenCalledTimes(2));
  });

  it("drops an answer that arrives after a newer request started", async () => {
    const slow = deferred<string>();
    const fn = vi.fn((q: string) => (q === "old" ? slow.promise : Promise.resolve("new")));
    const { result, rerender } = renderHook(({ q }) => useApi(fn, [q]), { initialProps: { q: "old" } });
    rerender({ q: "new" });
    await waitFor(() => expect(result.current.data).toBe("new"));
    await act(async () => slow.resolve("old"));
    expect(result.current.data).toBe("new");
  });

  it("turns a failure into an ApiError and reads again on reload", async () => {
    const fn = vi.fn().mockRejectedValueOnce(new TypeError("Failed to fetch")).mockResolvedValue("ok");
    const { result } = renderHook(() => useApi(fn as () => Promise<string>, []));
    await waitFor(() => expect(result.current.error?.status).toBe(0));
    await act(() => result.current.reload());
    expect(result.current.error).toBeUndefined();
    expect(result.current.data).toBe("ok");
  });
});

describe("useAction", () => {
  it("is busy while the work runs, then shows what it said", async () => {
    const { result } = renderHook(() => useAction());
    const work = deferred<string>();
    let done!: Promise<boolean>;
    act(() => {
      done = result.current.run(() => work.promise);
    });
    expect(result.current.busy).toBe(true);
    await act(async () => {
      work.resolve("Saved.");
      expect(await done).toBe(true);
    });
    expect(result.current).toMatchObject({ busy: false, status: "Saved.", error: undefined });
  });

  it("words a failure, the form's own words first", async () => {
    const { result } = renderHook(() => useAction((e) => (e.status === 404 ? "No such advisor." : undefined)));
    await act(async () => {
      expect(await result.current.run(() => Promise.reject(problem(404)))).toBe(false);
    });
    expect(result.current).toMatchObject({ busy: false, status: undefined, error: "No such advisor." });
    await act(async () => {
      await result.current.run(() => Promise.reject(problem(503)));
    });
    expect(result.current.error).toBe("Something went wrong on our side. Please try again later.");
    await act(async () => {
      await result.current.run(() => Promise.reject(new TypeError("Failed to fetch")));
    });
    expect(result.current.error).toBe("We could not reach the server. Check your connection and try again.");
  });

  it("runs one at a time, and fail and clear set the message without running", async () => {
    const { result } = renderHook(() => useAction());
    const work = deferred<void>();
    const second = vi.fn(async () => "again");
    let first!: Promise<boolean>;
    act(() => {
      first = result.current.run(() => work.promise);
    });
    await act(async () => {
      expect(await result.current.run(second)).toBe(false);
      work.resolve();
      await first;
    });
    expect(second).not.toHaveBeenCalled();
    act(() => result.current.fail("Type the word."));
    expect(result.current.error).toBe("Type the word.");
    act(() => result.current.clear());
    expect(result.current.error).toBeUndefined();
  });
});

describe("useStepProgress", () => {
  const roadmap: MyRoadmap = {
    role: "pmo-manager",
    role_name: "PMO manager",
    next_step_id: "s1",
    steps: [{ id: "s1", stage: { key: "lead", name: "Lead" }, title: "Step", detail: "", experience: "", months: 0, certifications: [], status: "pending", updated_at: null }],
  };

  function setup() {
    let data: MyRoadmap | undefined = roadmap;
    const setData = vi.fn((next: MyRoadmap | undefined | ((r: MyRoadmap | undefined) => MyRoadmap | undefined)) => {
      data = typeof next === "function" ? next(data) : next;
    });
    return { setData, get: () => data };
  }

  afterEach(() => vi.unstubAllGlobals());

  it("shows the new status at once, then what the server recorded", async () => {
    const r = setup();
    const put = deferred<Response>();
    vi.stubGlobal("fetch", vi.fn(() => put.promise));
    const { result } = renderHook(() => useStepProgress({ data: r.get(), setData: r.setData }));
    let marking!: Promise<void>;
    act(() => {
      marking = result.current.mark("s1", "done");
    });
    expect(r.get()?.steps[0].status).toBe("done");
    expect(result.current.saving).toBe("s1");
    await act(async () => {
      put.resolve(new Response(JSON.stringify({ step_id: "s1", status: "done", updated_at: "2026-03-01T00:00:00Z" }), { status: 200, headers: { "Content-Type": "application/json" } }));
      await marking;
    });
    expect(r.get()?.steps[0]).toMatchObject({ status: "done", updated_at: "2026-03-01T00:00:00Z" });
    expect(result.current.saving).toBeUndefined();
  });

  it("puts the step back and reports when the server refuses", async () => {
    const r = setup();
    vi.stubGlobal("fetch", vi.fn(async () => new Response(JSON.stringify({ type: "x", title: "x", status: 404 }), { status: 404, headers: { "Content-Type": "application/problem+json" } })));
    const onError = vi.fn();
    const { result } = renderHook(() => useStepProgress({ data: r.get(), setData: r.setData }, onError));
    await act(() => result.current.mark("s1", "learning"));
    expect(r.get()?.steps[0].status).toBe("pending");
    expect(result.current.error?.status).toBe(404);
    expect(onError).toHaveBeenCalledWith(result.current.error);
  });
});
