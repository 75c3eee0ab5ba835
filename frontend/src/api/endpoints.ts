// One typed function per API operation, named by its operationId in
// api/openapi.yaml. Pages call these (directly, or through useApi) and never
// write an endpoint's address: each function names a path template of the
// generated schema, so the compiler checks the path, the method, the path
// parameters, the body and the reply against the document.
import { assessmentTokens } from "./assessmentTokens";
import { api } from "./client";
import type { paths } from "./schema.gen";
import type { AnswerChanges, Input, ListingQuery, Query, StepStatus } from "./types";

type Method = "get" | "post" | "put" | "patch" | "delete";
type Op<P extends keyof paths, M extends Method> = Exclude<paths[P][M], undefined>;
type JsonOf<T> = T extends { content: { "application/json": infer B } } ? B : never;
type SuccessOf<R> = 200 extends keyof R ? JsonOf<R[200]> : 201 extends keyof R ? JsonOf<R[201]> : undefined;

/** Call is what a request of operation O sends; path parameters are required when it has any. */
type Call<O> = (O extends { parameters: { path: infer X } } ? { path: X } : { path?: undefined }) & {
  query?: O extends { parameters: { query?: infer X } } ? X : never;
  body?: O extends { requestBody?: infer B } ? JsonOf<NonNullable<B>> : never;
  headers?: Record<string, string>;
  /** false sends no bearer token (signing in and up). */
  auth?: boolean;
  keepalive?: boolean;
};
type CallArgs<O> = object extends Call<O> ? [req?: Call<O>] : [req: Call<O>];

/** url fills a path template and appends the query's set values, in order. */
export function url(template: string, path?: object, query?: object): string {
  const params = (path ?? {}) as Record<string, string | number>;
  const filled = template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(String(params[name])));
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v !== undefined && v !== null && v !== "") q.set(k, String(v));
  }
  const s = q.toString();
  return s ? `${filled}?${s}` : filled;
}

function call<P extends keyof paths, M extends Method>(method: M, template: P, ...[req]: CallArgs<Op<P, M>>): Promise<SuccessOf<Op<P, M>["responses"]>> {
  const r: Partial<Call<Op<P, M>>> = req ?? {};
  return api(url(template, r.path, r.query), {
    method: method.toUpperCase(),
    ...(r.body !== undefined && { body: r.body }),
    ...(r.headers && { headers: r.headers }),
    ...(r.auth !== undefined && { auth: r.auth }),
    ...(r.keepalive && { keepalive: true }),
  });
}

/** OPENAPI_DOCUMENT is where the server serves api/openapi.yaml; the footer links to it. */
export const OPENAPI_DOCUMENT = "/api/v1/openapi.yaml" satisfies keyof paths;

// ---------------------------------------------------------------------------
// Catalog.

export const listRoles = () => call("get", "/api/v1/roles");
export const getRole = (slug: string) => call("get", "/api/v1/roles/{slug}", { path: { slug } });
export const listCertifications = () => call("get", "/api/v1/certifications");
export const getCertification = (slug: string) => call("get", "/api/v1/certifications/{slug}", { path: { slug } });

// ---------------------------------------------------------------------------
// Questionnaires and assessments. An anonymous assessment is read and
// written with the token this browser holds for it (assessmentTokens); an
// account's own need none, the bearer token does.

export const listQuestionnaires = () => call("get", "/api/v1/questionnaires");
export const getQuestionnaire = (slug: string) => call("get", "/api/v1/questionnaires/{slug}", { path: { slug } });

/** createAssessment starts a draft; retries of one start reuse its idempotency key. */
export const createAssessment = (body: Input<"createAssessment">, idempotencyKey: string) =>
  call("post", "/api/v1/assessments", { body, headers: { "Idempotency-Key": idempotencyKey } });

export const getAssessment = (id: string) => call("get", "/api/v1/assessments/{id}", { path: { id }, headers: assessmentTokens.headers(id) });

/** patchAssessment saves answers; null takes one back. keepalive lets it outlive the page. */
export const patchAssessment = (id: string, answers: AnswerChanges, opts: { keepalive?: boolean } = {}) =>
  call("patch", "/api/v1/assessments/{id}", { path: { id }, body: { answers }, headers: assessmentTokens.headers(id), keepalive: opts.keepalive });

export const submitAssessment = (id: string, idempotencyKey: string) =>
  call("post", "/api/v1/assessments/{id}/submit", { path: { id }, headers: { ...assessmentTokens.headers(id), "Idempotency-Key": idempotencyKey } });

// ---------------------------------------------------------------------------
// Accounts and the caller's own data. (Refreshing the session is the
// client's own business: src/api/client.ts.)

export const register = (body: Input<"register">) => call("post", "/api/v1/auth/register", { body, auth: false });
export const login = (body: Input<"login">) => call("post", "/api/v1/auth/login", { body, auth: false });
export const logout = () => call("post", "/api/v1/auth/logout");

export const getMe = () => call("get", "/api/v1/me");
export const patchMe = (body: Input<"patchMe">) => call("patch", "/api/v1/me", { body });
export const deleteMe = () => call("delete", "/api/v1/me");
export const changePassword = (body: Input<"changePassword">) => call("put", "/api/v1/me/password", { body });

export const myAssessments = () => call("get", "/api/v1/me/assessments");
/** claimAssessment moves an anonymous assessment, known by its id and token, to the account. */
export const claimAssessment = (id: string, token: string) => call("post", "/api/v1/me/assessments", { body: { assessment_id: id, token } });

export const myShares = () => call("get", "/api/v1/me/shares");
export const shareWithAdvisor = (advisorEmail: string) => call("post", "/api/v1/me/shares", { body: { advisor_email: advisorEmail } });
export const unshare = (advisorId: string) => call("delete", "/api/v1/me/shares/{advisor_id}", { path: { advisor_id: advisorId } });

/** myRoadmap is the roadmap of role (else of the latest result's role) with the caller's progress. */
export const myRoadmap = (role?: string) => call("get", "/api/v1/me/roadmap", { query: { role } });
export const setStepProgress = (stepId: string, status: StepStatus) => call("put", "/api/v1/me/roadmap/{step_id}", { path: { step_id: stepId }, body: { status } });
export const exportMe = () => call("get", "/api/v1/me/export");

// ---------------------------------------------------------------------------
// Advisors and recruiters.

export const advisorCandidates = (query: ListingQuery) => call("get", "/api/v1/advisor/candidates", { query });
export const advisorCandidate = (id: string) => call("get", "/api/v1/advisor/candidates/{id}", { path: { id } });
export const advisorNotes = (id: string) => call("get", "/api/v1/advisor/candidates/{id}/notes", { path: { id } });
export const addAdvisorNote = (id: string, body: string) => call("post", "/api/v1/advisor/candidates/{id}/notes", { path: { id }, body: { body } });
export const talentPool = (query: ListingQuery) => call("get", "/api/v1/recruiter/talent", { query });

// ---------------------------------------------------------------------------
// Admin.

export const createStaff = (body: Input<"createStaff">) => call("post", "/api/v1/admin/users", { body });
export const adminQuestionnaires = () => call("get", "/api/v1/admin/questionnaires");
/** uploadQuestionnaire publishes a new version from its YAML definition. */
export const uploadQuestionnaire = (definition: string) => call("post", "/api/v1/admin/questionnaires", { body: { definition } });
export const questionnaireStats = (slug: string, version: number) =>
  call("get", "/api/v1/admin/questionnaires/{slug}/stats", { path: { slug }, query: { version } });
export const auditLog = (query: Query<"auditLog">) => call("get", "/api/v1/admin/audit", { query });
