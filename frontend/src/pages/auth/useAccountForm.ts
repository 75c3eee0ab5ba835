// Shared state of the account forms: field errors (client or server), the
// summary message, and the attempt counter that refocuses the summary.
import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ApiError } from "../../api/client";
import { useProblemMessage } from "../../components/ui";
import { serverFieldErrors, translateKeys, type FieldErrors } from "./forms";

export type AccountForm = ReturnType<typeof useAccountForm>;

export function useAccountForm() {
  const { t } = useTranslation("auth");
  const problemMessage = useProblemMessage();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [summary, setSummary] = useState<string>();
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);

  /** invalid shows client-check keys; it returns true when there were any. */
  const invalid = useCallback(
    (keys: FieldErrors): boolean => {
      if (Object.keys(keys).length === 0) return false;
      setErrors(translateKeys(keys, t));
      setSummary(undefined);
      setAttempt((a) => a + 1);
      return true;
    },
    [t],
  );

  /** failed shows a server problem; override words it for a status the form knows better. */
  const failed = useCallback(
    (e: ApiError, override?: (e: ApiError) => string | undefined) => {
      const fields = serverFieldErrors(e.problem.errors);
      setErrors(fields);
      const hasFields = Object.keys(fields).length > 0;
      setSummary(override?.(e) ?? (e.status === 422 && hasFields ? undefined : problemMessage(e)));
      setAttempt((a) => a + 1);
    },
    [t, problemMessage],
  );

  const reset = useCallback(() => {
    setErrors({});
    setSummary(undefined);
  }, []);

  return { errors, summary, attempt, busy, setBusy, invalid, failed, reset, setErrors };
}
