// Reading one assessment with the token this browser holds for it (an
// account's own assessments need none: the bearer token does).
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { api, type ApiError } from "../api/client";
import { assessmentTokens } from "../api/assessmentTokens";
import type { Assessment } from "../api/types";
import { asApiError } from "./useApi";

/** fetchAssessment GETs an assessment, sending this browser's X-Assessment-Token when it has one. */
export function fetchAssessment(id: string): Promise<Assessment> {
  return api<Assessment>(`/api/v1/assessments/${encodeURIComponent(id)}`, { headers: assessmentTokens.headers(id) });
}

/** useAssessment loads one assessment (null skips), again when the language changes. */
export function useAssessment(id: string | null) {
  const { i18n } = useTranslation();
  const [data, setData] = useState<Assessment>();
  const [error, setError] = useState<ApiError>();
  const [seq, setSeq] = useState(0);
  useEffect(() => {
    if (!id) {
      setData(undefined);
      setError(undefined);
      return;
    }
    let live = true;
    setError(undefined);
    fetchAssessment(id)
      .then((a) => live && setData(a))
      .catch((e) => live && setError(asApiError(e)));
    return () => {
      live = false;
    };
  }, [id, i18n.language, seq]);
  const reload = useCallback(() => setSeq((n) => n + 1), []);
  return { data, error, loading: !!id && !data && !error, reload };
}
