// useAutosave sends changed answers to the draft with PATCH, a moment after
// the last change. Unsaved answers are also kept in localStorage, so a
// reload, a closed tab or a dropped connection never loses them; failed
// saves are retried with a growing wait and at once when the browser comes
// back online.
import { useCallback, useEffect, useRef, useState } from "react";
import type { ApiError } from "../../api/client";
import { patchAssessment } from "../../api/endpoints";
import type { AnswerChanges, AnswerValue, Assessment } from "../../api/types";
import { asApiError } from "../../hooks/useApi";
import { fieldErrorsByItem, requeue, retryDelay, withoutKeys } from "./quizState";
import { pendingStore } from "./storage";

export type SaveStatus = "idle" | "pending" | "saving" | "saved" | "retrying" | "offline" | "failed";

export interface AutosaveOptions {
  id: string;
  delay?: number;
  /** The draft was submitted meanwhile (409). */
  onConflict?: () => void;
  /** The server refused some answers (422): item id → message. */
  onFieldErrors?: (errors: Record<string, string>) => void;
  /** A save went through; the server's view of the draft. */
  onSaved?: (a: Assessment) => void;
}

export interface Autosave {
  status: SaveStatus;
  savedAt: Date | null;
  /** The last error that stopped saving for good (401/403/404), if any. */
  error: ApiError | null;
  /** queue saves an answer; null takes it back. */
  queue: (itemId: string, value: AnswerValue | null) => void;
  /** flush saves everything now; resolves true when nothing is left unsaved. */
  flush: () => Promise<boolean>;
  hasUnsaved: () => boolean;
}

export function useAutosave({ id, delay = 700, onConflict, onFieldErrors, onSaved }: AutosaveOptions): Autosave {
  const [status, setStatus] = useState<SaveStatus>("idle");
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const pending = useRef<AnswerChanges>(pendingStore.get(id));
  const inflight = useRef<Promise<boolean> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const attempts = useRef(0);
  const stopped = useRef(false);
  const cb = useRef({ onConflict, onFieldErrors, onSaved });
  cb.current = { onConflict, onFieldErrors, onSaved };

  const persist = useCallback(() => pendingStore.set(id, pending.current), [id]);

  const sendRef = useRef<() => Promise<boolean>>(async () => true);

  const schedule = useCallback((ms: number) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void sendRef.current(), ms);
  }, []);

  sendRef.current = async () => {
    if (inflight.current) return inflight.current;
    if (timer.current) {
      clearTimeout(timer.current);
      timer.current = null;
    }
    const batch = pending.current;
    if (Object.keys(batch).length === 0) return true;
    if (stopped.current) return false;
    pending.current = {};
    setStatus("saving");
    const run = (async (): Promise<boolean> => {
      try {
        const a = await patchAssessment(id, batch);
        attempts.current = 0;
        persist();
        setSavedAt(new Date());
        cb.current.onSaved?.(a);
        const more = Object.keys(pending.current).length > 0;
        setStatus(more ? "pending" : "saved");
        if (more) schedule(delay);
        return !more;
      } catch (e) {
        const err = asApiError(e);
        if (err.status === 422) {
          const bad = fieldErrorsByItem(err.problem.errors);
          cb.current.onFieldErrors?.(bad);
          const keys = Object.keys(bad);
          // Send the rest again; the refused answers wait for a new choice.
          pending.current = requeue(withoutKeys(batch, keys.length ? keys : Object.keys(batch)), pending.current);
          persist();
          const more = Object.keys(pending.current).length > 0;
          setStatus(more ? "pending" : "failed");
          if (more) schedule(0);
          return false;
        }
        if (err.status === 409) {
          stopped.current = true;
          pending.current = {};
          pendingStore.clear(id);
          setStatus("idle");
          cb.current.onConflict?.();
          return false;
        }
        pending.current = requeue(batch, pending.current);
        persist();
        if (err.status === 401 || err.status === 403 || err.status === 404) {
          stopped.current = true;
          setError(err);
          setStatus("failed");
          return false;
        }
        attempts.current += 1;
        setStatus(attempts.current >= 3 ? "offline" : "retrying");
        schedule(retryDelay(attempts.current));
        return false;
      } finally {
        inflight.current = null;
      }
    })();
    inflight.current = run;
    return run;
  };

  const queue = useCallback(
    (itemId: string, value: AnswerValue | null) => {
      pending.current = { ...pending.current, [itemId]: value };
      persist();
      setStatus((s) => (s === "saving" || s === "retrying" || s === "offline" ? s : "pending"));
      if (attempts.current === 0) schedule(delay);
    },
    [delay, persist, schedule],
  );

  const flush = useCallback(async () => {
    if (inflight.current) await inflight.current;
    if (Object.keys(pending.current).length === 0) return true;
    attempts.current = 0;
    return sendRef.current();
  }, []);

  const hasUnsaved = useCallback(() => Object.keys(pending.current).length > 0 || inflight.current !== null, []);

  // Start with whatever an earlier visit left unsaved.
  useEffect(() => {
    if (Object.keys(pending.current).length > 0) schedule(0);
    const online = () => {
      attempts.current = 0;
      if (Object.keys(pending.current).length > 0) schedule(0);
    };
    window.addEventListener("online", online);
    return () => {
      window.removeEventListener("online", online);
      if (timer.current) clearTimeout(timer.current);
    };
  }, [schedule]);

  // Leaving the page: hand what is unsaved to the browser to deliver even
  // as the page goes away (it also stays in localStorage for next time).
  useEffect(() => {
    const leave = () => {
      const batch = pending.current;
      if (Object.keys(batch).length === 0 || stopped.current) return;
      // The next visit sends them if this does not arrive.
      patchAssessment(id, batch, { keepalive: true }).catch(() => undefined);
    };
    window.addEventListener("pagehide", leave);
    return () => window.removeEventListener("pagehide", leave);
  }, [id]);

  return { status, savedAt, error, queue, flush, hasUnsaved };
}
