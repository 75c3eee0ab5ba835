// Friendly names for the shapes the API sends and takes. Each points into
// schema.gen.ts, which `npm run api:types` generates from api/openapi.yaml
// (`make check` fails when it is stale): change the document, regenerate,
// and the compiler finds every page the change touches. Page folders keep
// only the view models they derive.
import type { components, operations } from "./schema.gen";

type Schemas = components["schemas"];
type JsonOf<T> = T extends { content: { "application/json": infer B } } ? B : never;
type SuccessOf<R> = 200 extends keyof R ? JsonOf<R[200]> : 201 extends keyof R ? JsonOf<R[201]> : undefined;

/** Operation names an operation of the document by its operationId. */
export type Operation = keyof operations;
/** Reply is the JSON an operation answers with on success; undefined for a 204. */
export type Reply<O extends Operation> = SuccessOf<operations[O]["responses"]>;
/** Input is the JSON body an operation takes. */
export type Input<O extends Operation> = operations[O] extends { requestBody?: infer B } ? JsonOf<NonNullable<B>> : never;
/** Query is the query string an operation takes. */
export type Query<O extends Operation> = NonNullable<operations[O]["parameters"]["query"]>;

/**
 * everyMember checks at compile time that a list names every member of a
 * union from the document, spelled as the document spells it, so an enum
 * that changes in openapi.yaml breaks the build here rather than a page.
 */
function everyMember<U extends string>() {
  return <const L extends readonly U[]>(list: L & ([U] extends [L[number]] ? unknown : { missing: Exclude<U, L[number]> })): readonly U[] => list;
}

// ---------------------------------------------------------------------------
// Catalog: roles, roadmaps, certifications, salary ranges.

export type Stage = Schemas["Stage"];
export type StageKey = Stage["key"];
export type Track = Schemas["RoleSummary"]["track"];
export type Source = Schemas["Source"];
/** SalaryRange is yen per year; max_jpy is null for an open top end. */
export type SalaryRange = Schemas["SalaryRange"];
export type RoadmapStep = Schemas["RoadmapStep"];
export type CertificationSummary = Schemas["CertificationSummary"];
export type RoleSummary = Schemas["RoleSummary"];
export type RoleDetail = Schemas["RoleDetail"];
/** ProfileEntry is a dimension that matters for a role, weighted 1 (a little) to 5 (central). */
export type ProfileEntry = RoleDetail["profile"][number];
export type RoleList = Reply<"listRoles">;
export type CertificationList = Reply<"listCertifications">;

/** STAGES lists the readiness stages from first to last. */
export const STAGES = everyMember<StageKey>()(["foundation", "coordinator", "practitioner", "lead", "manager", "executive"]);

// ---------------------------------------------------------------------------
// Questionnaires and assessments.

export type QuestionnaireSummary = Schemas["QuestionnaireSummary"];
export type QuestionnaireList = Reply<"listQuestionnaires">;
/** QuestionnaireForm is the public form of a questionnaire's current version. */
export type QuestionnaireForm = Schemas["QuestionnaireForm"];
export type FormItem = QuestionnaireForm["items"][number];
export type FormOption = NonNullable<FormItem["options"]>[number];

export type Answers = Schemas["Answers"];
export type AnswerValue = Answers[string];
/** Changes waiting to be saved: null takes an answer back. */
export type AnswerChanges = Input<"patchAssessment">["answers"];

export type Assessment = Schemas["Assessment"];
export type Progress = Assessment["progress"];
export type Result = Schemas["Result"];
export type Lean = Result["orientation"]["lean"];
/** Dimension is one scored dimension of a result. */
export type Dimension = Result["dimensions"][number];
/** Reason is one strength or gap behind a role's fit. */
export type Reason = Schemas["Reason"];
export type RoleFit = Result["roles"][number];
export type Gap = Result["plan"]["gaps"][number];
export type RoleSalary = Schemas["RoleSalary"];
export type QualityFlag = Result["quality"]["flags"][number];

// ---------------------------------------------------------------------------
// Accounts: sessions, the caller's own data.

export type User = Schemas["User"];
export type UserRole = User["role"];
export type LatestResult = Schemas["LatestResult"];
export type Session = Schemas["Session"];
/** MyAssessment is one entry of GET/POST /api/v1/me/assessments. */
export type MyAssessment = Schemas["MyAssessment"];
export type MyAssessmentList = Reply<"myAssessments">;
export type Share = Schemas["Share"];
export type MyShares = Reply<"myShares">;
/** MyRoadmap is a role's roadmap with the caller's progress. */
export type MyRoadmap = Reply<"myRoadmap">;
export type MyRoadmapStep = MyRoadmap["steps"][number];
export type StepStatus = MyRoadmapStep["status"];
/** StepProgress is what marking a step records. */
export type StepProgress = Reply<"setStepProgress">;
export type Export = Reply<"exportMe">;
/** StaffRead is when staff read the caller's data, and in which role. */
export type StaffRead = Export["staff_reads"][number];

/** STEP_STATUSES lists the roadmap step statuses. */
export const STEP_STATUSES = everyMember<StepStatus>()(["done", "learning", "pending", "skipped"]);

// ---------------------------------------------------------------------------
// Advisors and recruiters.

/** CandidatePage is a page of a candidate listing (advisors and recruiters). */
export type CandidatePage = Reply<"advisorCandidates">;
/** CandidateRow is one entry of a CandidatePage; the dates are sent to advisors only. */
export type CandidateRow = CandidatePage["candidates"][number];
/** ListingQuery is the filters, sort and cursor a candidate listing takes. */
export type ListingQuery = Query<"advisorCandidates">;
export type CandidateDetail = Reply<"advisorCandidate">;
export type Attempt = CandidateDetail["attempts"][number];
/** DimensionMove is a dimension's score in one attempt and its change since the previous one. */
export type DimensionMove = Attempt["dimensions"][number];
export type Note = Schemas["Note"];
export type CandidateNotes = Reply<"advisorNotes">;

// ---------------------------------------------------------------------------
// Admin.

export type QuestionnaireStats = Reply<"questionnaireStats">;
export type ItemStat = QuestionnaireStats["items"][number];
export type DimensionStat = QuestionnaireStats["dimensions"][number];
export type AuditPage = Reply<"auditLog">;
export type AuditEntry = AuditPage["entries"][number];
