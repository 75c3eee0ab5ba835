// The one place a roadmap step is marked (My page and the results page):
// the step changes at once in the roadmap that was read, then takes what
// the server recorded, or goes back if the server refused.
import { useState } from "react";
import type { ApiError } from "../api/client";
import { setStepProgress } from "../api/endpoints";
import type { MyRoadmap, MyRoadmapStep, StepStatus } from "../api/types";
import { asApiError, type ApiState } from "./useApi";

export interface StepProgress {
  mark: (stepId: string, status: StepStatus) => Promise<void>;
  /** The step being saved, if any. */
  saving: string | undefined;
  /** Why the last mark failed; cleared by the next. */
  error: ApiError | undefined;
}

export function useStepProgress(roadmap: Pick<ApiState<MyRoadmap>, "data" | "setData">, onError?: (e: ApiError) => void): StepProgress {
  const [saving, setSaving] = useState<string>();
  const [error, setError] = useState<ApiError>();

  const mark = async (stepId: string, status: StepStatus) => {
    const before = roadmap.data?.steps.find((s) => s.id === stepId);
    const put = (change: Partial<MyRoadmapStep>) =>
      roadmap.setData((r) => r && { ...r, steps: r.steps.map((s) => (s.id === stepId ? { ...s, ...change } : s)) });
    put({ status });
    setSaving(stepId);
    setError(undefined);
    try {
      const saved = await setStepProgress(stepId, status);
      put({ status: saved.status, updated_at: saved.updated_at });
    } catch (e) {
      if (before) put({ status: before.status, updated_at: before.updated_at });
      const err = asApiError(e);
      setError(err);
      onError?.(err);
    } finally {
      setSaving(undefined);
    }
  };

  return { mark, saving, error };
}
