// The submit flow sign-in and sign-up share: client checks, the request,
// then this browser's anonymous assessments claimed for a candidate and the
// way on to where the person was heading (or their home).
import { useState } from "react";
import { useLocation, useNavigate } from "react-router-dom";
import type { ApiError } from "../../api/client";
import type { User } from "../../api/types";
import { useAuth } from "../../auth/AuthContext";
import { asApiError } from "../../hooks/useApi";
import { claimForCandidate } from "./claim";
import { fromState, redirectTarget, type FieldErrors } from "./forms";
import { useAccountForm } from "./useAccountForm";

export interface Entry {
  /** Client-check keys by field; any stops the request. */
  checks: FieldErrors;
  /** Signs in or up and returns the account. */
  request: () => Promise<User | undefined>;
  /** The router state the next page gets, given how many assessments were claimed. */
  arrival: (claimed: number) => unknown;
  /** Words a failure the form knows better (a 401 or 409), else the problem's message shows. */
  explain?: (e: ApiError) => string | undefined;
  /** Runs before a failure shows, e.g. to clear the password. */
  onFailure?: () => void;
}

export function useAccountEntry() {
  const { reload } = useAuth();
  const location = useLocation();
  const navigate = useNavigate();
  const form = useAccountForm();
  const [claiming, setClaiming] = useState(false);

  const enter = async ({ checks, request, arrival, explain, onFailure }: Entry) => {
    if (form.busy) return;
    if (form.invalid(checks)) return;
    form.setBusy(true);
    form.reset();
    try {
      const u = await request();
      setClaiming(true);
      const claimed = await claimForCandidate(u, reload);
      navigate(redirectTarget(fromState(location.state), u?.role ?? "candidate"), { replace: true, state: arrival(claimed) });
    } catch (err) {
      onFailure?.();
      form.failed(asApiError(err), explain);
    } finally {
      form.setBusy(false);
      setClaiming(false);
    }
  };

  return { form, claiming, enter };
}
