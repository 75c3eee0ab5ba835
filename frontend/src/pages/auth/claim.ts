// Claiming: an account takes over the anonymous assessments this browser
// holds (their id→token pairs in localStorage), so results taken before
// signing up show on My page from any device. Dependencies come in as
// parameters so the logic is tested without a server or storage.
import { claimAssessment } from "../../api/endpoints";
import type { MyAssessment, User } from "../../api/types";
import { assessmentTokens, type StoredAssessment } from "../../api/assessmentTokens";

/** ClaimFn claims one assessment by id and token: claimAssessment of src/api/endpoints.ts. */
export type ClaimFn = (id: string, token: string) => Promise<MyAssessment>;

/** TokenStore is the part of assessmentTokens the claim needs. */
export interface TokenStore {
  all(): StoredAssessment[];
  remove(id: string): void;
}

export interface ClaimOutcome {
  /** Now the account's; their tokens were dropped from the browser. */
  claimed: MyAssessment[];
  /** The server does not know them under this token (404): left in the browser untouched. */
  missing: string[];
  /** Any other failure (network, 5xx, 401): left in the browser to try again later. */
  failed: { id: string; error: unknown }[];
}

function statusOf(e: unknown): number | undefined {
  return typeof e === "object" && e !== null && "status" in e && typeof (e as { status: unknown }).status === "number" ? (e as { status: number }).status : undefined;
}

/**
 * claimAnonymousAssessments claims every assessment the store holds (or just
 * the ids in only), one at a time. A success removes the token from the
 * store; a 404 is not an error (the token is no longer valid for it); other
 * failures are reported and the token kept for a later try.
 */
export async function claimAnonymousAssessments(claim: ClaimFn, store: TokenStore, only?: string[]): Promise<ClaimOutcome> {
  const out: ClaimOutcome = { claimed: [], missing: [], failed: [] };
  const seen = new Set<string>();
  for (const a of store.all()) {
    if (seen.has(a.id) || (only && !only.includes(a.id))) continue;
    seen.add(a.id);
    try {
      out.claimed.push(await claim(a.id, a.token));
      store.remove(a.id);
    } catch (e) {
      if (statusOf(e) === 404) out.missing.push(a.id);
      else out.failed.push({ id: a.id, error: e });
    }
  }
  return out;
}

/**
 * claimForCandidate runs right after signing up or in: a candidate's account
 * takes over this browser's anonymous assessments, and the account is
 * reloaded so its latest result shows. It never throws (signing in worked
 * either way) and returns how many were claimed.
 */
export async function claimForCandidate(
  user: Pick<User, "role"> | undefined,
  reload: () => Promise<void>,
  claim: ClaimFn = claimAssessment,
  store: TokenStore = assessmentTokens,
): Promise<number> {
  if (!user || user.role !== "candidate") return 0;
  try {
    if (store.all().length === 0) return 0;
    const out = await claimAnonymousAssessments(claim, store);
    if (out.claimed.length > 0) await reload().catch(() => undefined);
    return out.claimed.length;
  } catch {
    return 0;
  }
}
