// The one way a page reads from the API: useApi(getRole, [slug]).
import { useCallback, useEffect, useRef, useState, type Dispatch, type SetStateAction } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/client";

export interface ApiState<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => Promise<void>;
  /** setData replaces what was read, e.g. with what a write returned. */
  setData: Dispatch<SetStateAction<T | undefined>>;
}

/**
 * useApi calls fn(...args), an endpoint of src/api/endpoints.ts or another
 * stable (module-level) function that reads, and calls it again when the
 * arguments or the language change, since the server localises its answers.
 * null arguments ask for nothing and clear what was read. While a new read
 * runs, the last data stays (loading says so); an answer that arrives after
 * a newer request started is dropped.
 */
export function useApi<A extends unknown[], T>(fn: (...args: A) => Promise<T>, args: NoInfer<A> | null): ApiState<T> {
  const { i18n } = useTranslation();
  const [data, setData] = useState<T>();
  const [error, setError] = useState<ApiError>();
  const [loading, setLoading] = useState(args !== null);
  const seq = useRef(0);
  // Arguments equal by value are the same request.
  const key = args === null ? null : JSON.stringify(args);

  const load = useCallback(async () => {
    const mine = ++seq.current;
    if (args === null) {
      setData(undefined);
      setError(undefined);
      setLoading(false);
      return;
    }
    setLoading(true);
    setError(undefined);
    try {
      const d = await fn(...args);
      if (mine === seq.current) setData(() => d);
    } catch (e) {
      if (mine === seq.current) setError(asApiError(e));
    } finally {
      if (mine === seq.current) setLoading(false);
    }
  }, [fn, key]); // eslint-disable-line react-hooks/exhaustive-deps -- key stands for args

  useEffect(() => {
    void load();
  }, [load, i18n.language]);

  return { data, error, loading, reload: load, setData };
}

/** asApiError turns anything thrown (a network failure too) into an ApiError. */
export function asApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  return new ApiError({ type: "urn:pmpath:problem:network", title: "Network error", status: 0, detail: String(e) });
}
