// The one way a form runs a write and shows how it went: busy while it runs,
// then the status it ended with or its error in words.
import { useCallback, useMemo, useRef, useState } from "react";
import type { ApiError } from "../api/client";
import { useProblemMessage } from "../components/ui";
import { asApiError } from "./useApi";

export interface Action {
  busy: boolean;
  /** What the last run said when it went through. */
  status: string | undefined;
  /** Why the last run failed, or what a check found before running. */
  error: string | undefined;
  /**
   * run does work unless a run is under way. The text work resolves with
   * becomes the status; a failure becomes the error. It resolves true when
   * the work went through.
   */
  run: (work: () => Promise<string | void>) => Promise<boolean>;
  /** fail shows a message without running anything, e.g. a failed check. */
  fail: (message: string) => void;
  /** clear forgets the status and the error. */
  clear: () => void;
}

/**
 * useAction keeps one action's state. explain words the failures the form
 * knows better than the generic problem message (return undefined for the
 * rest).
 */
export function useAction(explain?: (e: ApiError) => string | undefined): Action {
  const problem = useProblemMessage();
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string>();
  const [error, setError] = useState<string>();
  const running = useRef(false);
  const words = useRef({ problem, explain });
  words.current = { problem, explain };

  const run = useCallback(async (work: () => Promise<string | void>) => {
    if (running.current) return false;
    running.current = true;
    setBusy(true);
    setStatus(undefined);
    setError(undefined);
    try {
      const said = await work();
      setStatus(said || undefined);
      return true;
    } catch (e) {
      const err = asApiError(e);
      setError(words.current.explain?.(err) ?? words.current.problem(err));
      return false;
    } finally {
      running.current = false;
      setBusy(false);
    }
  }, []);

  const fail = useCallback((message: string) => {
    setStatus(undefined);
    setError(message);
  }, []);

  const clear = useCallback(() => {
    setStatus(undefined);
    setError(undefined);
  }, []);

  return useMemo(() => ({ busy, status, error, run, fail, clear }), [busy, status, error, run, fail, clear]);
}
