import { act, renderHook } from "@testing-library/react";
import { pendingStore } from "./storage";
import { useAutosave } from "./useAutosave";

function jsonResponse(status: number, body: unknown) {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
}

const draft = { id: "a1", status: "draft", answers: {}, progress: { answered: 0, required: 59, missing: [] } };

describe("useAutosave", () => {
  beforeEach(() => {
    localStorage.clear();
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it("batches changes into one PATCH after a pause", async () => {
    const fetchMock = vi.spyOn(globalThis, "fetch").mockResolvedValue(jsonResponse(200, draft));
    const { result } = renderHook(() => useAutosave({ id: "a1", delay: 500 }));
    act(() => {
      result.current.queue("q01", 4);
      result.current.queue("q02", 2);
    });
    expect(result.current.status).toBe("pending");
    expect(pendingStore.get("a1")).toEqual({ q01: 4, q02: 2 });
    await act(async () => {
      await vi.advanceTimersByTimeAsync(600);
    });
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe("/api/v1/assessments/a1");
    expect(init?.method).toBe("PATCH");
    expect(JSON.parse(init?.body as string)).toEqual({ answers: { q01: 4, q02: 2 } });
    expect(result.current.status).toBe("saved");
    expect(pendingStore.get("a1")).toEqual({});
  });

  it("keeps answers and retries when the network fails", async () => {
    const fetchMock = vi
      .spyOn(globalThis, "fetch")
      .mockRejectedValueOnce(new TypeError("Failed to fetch"))
      .mockResolvedValue(jsonResponse(200, draft));
    const { result } = renderHook(() => useAutosave({ id: "a1", delay: 100 }));
    act(() => result.current.queue("q01", 5));
    await act(async () => {
      await vi.advanceTimersByTimeAsync(150);
    });
    expect(result.current.status).toBe("retrying");
    expect(pendingStore.get("a1")).toEqual({ q01: 5 });
    act(() => result.current.queue("q02", 1));
    await act(async () => {
      await vi.advanceTimersByTimeAsync(1100);
    });
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(JSON.parse(fetchMock.mock.calls[1][1]?.body as string)).toEqual({ answers: { q01: 5, q02: 1 } });
    expect(result.current.status).toBe("saved");
    expect(pendingStore.get("a1")).toEqual({});
  });

  it("reports refused answers and still saves the rest", async () => {
    const fetchMock = vi
      .spyOn(globalThis, "fetch")
      .mockResolvedValueOnce(jsonResponse(422, { type: "x", title: "Unprocessable", status: 422, errors: [{ path: "$.answers.e02", message: "bad combination" }] }))
      .mockResolvedValue(jsonResponse(200, draft));
    const onFieldErrors = vi.fn();
    const { result } = renderHook(() => useAutosave({ id: "a1", delay: 100, onFieldErrors }));
    act(() => {
      result.current.queue("q01", 3);
      result.current.queue("e02", ["none", "meetings"]);
    });
    await act(async () => {
      await vi.advanceTimersByTimeAsync(200);
    });
    expect(onFieldErrors).toHaveBeenCalledWith({ e02: "bad combination" });
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(JSON.parse(fetchMock.mock.calls[1][1]?.body as string)).toEqual({ answers: { q01: 3 } });
  });

  it("sends what an earlier visit left unsaved", async () => {
    pendingStore.set("a1", { q09: 2 });
    const fetchMock = vi.spyOn(globalThis, "fetch").mockResolvedValue(jsonResponse(200, draft));
    renderHook(() => useAutosave({ id: "a1" }));
    await act(async () => {
      await vi.advanceTimersByTimeAsync(10);
    });
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(JSON.parse(fetchMock.mock.calls[0][1]?.body as string)).toEqual({ answers: { q09: 2 } });
  });

  it("flush resolves true once everything is saved", async () => {
    vi.spyOn(globalThis, "fetch").mockResolvedValue(jsonResponse(200, draft));
    const { result } = renderHook(() => useAutosave({ id: "a1", delay: 10_000 }));
    act(() => result.current.queue("q01", 4));
    let ok = false;
    await act(async () => {
      ok = await result.current.flush();
    });
    expect(ok).toBe(true);
    expect(result.current.hasUnsaved()).toBe(false);
  });

  it("stops and tells the page when the draft was already submitted", async () => {
    vi.spyOn(globalThis, "fetch").mockResolvedValue(jsonResponse(409, { type: "x", title: "Conflict", status: 409 }));
    const onConflict = vi.fn();
    const { result } = renderHook(() => useAutosave({ id: "a1", delay: 10, onConflict }));
    act(() => result.current.queue("q01", 4));
    await act(async () => {
      await vi.advanceTimersByTimeAsync(50);
    });
    expect(onConflict).toHaveBeenCalled();
    expect(pendingStore.get("a1")).toEqual({});
  });
});
