// The shapes the API sends and takes, as api/openapi.yaml declares them
// (components/schemas and the inline response bodies). Every page imports
// them from here; page folders keep only the view models they derive.

// ---------------------------------------------------------------------------
// Catalog: roles, roadmaps, certifications, salary ranges.

export type Track = "pm" | "pmo";
export type Lean = "pm" | "pmo" | "balanced";
export type StageKey = "foundation" | "coordinator" | "practitioner" | "lead" | "manager" | "executive";

/** STAGES lists the readiness stages from first to last (the schema's enum order). */
export const STAGES: readonly StageKey[] = ["foundation", "coordinator", "practitioner", "lead", "manager", "executive"];

export interface Stage {
  key: StageKey;
  name: string;
}

export interface Source {
  name: string;
  url: string | null;
  year: number;
}

/** SalaryRange is yen per year; max_jpy is null for an open top end. */
export interface SalaryRange {
  label: string;
  min_jpy: number;
  max_jpy: number | null;
  estimate: boolean;
  note: string | null;
  source: Source;
}

export interface RoadmapStep {
  id: string;
  stage: Stage;
  title: string;
  detail: string;
  experience: string;
  months: number;
  certifications: string[];
}

export interface CertificationSummary {
  slug: string;
  abbreviation: string;
  name: string;
  issuer: string;
  track: Track | "both";
  stage: Stage;
  url: string;
  summary: string;
}

export interface RoleSummary {
  slug: string;
  track: Track;
  level: Stage;
  name: string;
  summary: string;
  /** Slugs of the certifications its roadmap involves. */
  certifications: string[];
  salary_ranges: SalaryRange[];
}

/** ProfileEntry is a dimension that matters for a role, weighted 1 (a little) to 5 (central). */
export interface ProfileEntry {
  dimension: string;
  name: string;
  weight: number;
  rationale: string;
}

export interface RoleDetail extends Omit<RoleSummary, "certifications"> {
  responsibilities: string[];
  profile: ProfileEntry[];
  roadmap: RoadmapStep[];
  certifications: CertificationSummary[];
}

/** GET /api/v1/roles */
export interface RoleList {
  roles: RoleSummary[];
}

/** GET /api/v1/certifications */
export interface CertificationList {
  certifications: CertificationSummary[];
}

// ---------------------------------------------------------------------------
// Questionnaires and assessments.

export interface QuestionnaireSummary {
  slug: string;
  version: number;
  title: string;
  description: string;
  /** Expected minutes to finish. */
  minutes: number;
  /** Number of items. */
  items: number;
}

/** GET /api/v1/questionnaires and /api/v1/admin/questionnaires */
export interface QuestionnaireList {
  questionnaires: QuestionnaireSummary[];
}

export interface FormOption {
  id: string;
  text: string;
  /** "None of these": choosing it clears the other options. */
  exclusive?: boolean;
}

export interface FormItem {
  id: string;
  type: "likert" | "choice" | "experience";
  select?: "one" | "many";
  required: boolean;
  text: string;
  options?: FormOption[];
}

/** QuestionnaireForm is the public form of a questionnaire's current version. */
export interface QuestionnaireForm {
  slug: string;
  version: number;
  title: string;
  description: string;
  minutes: number;
  /** Labels of the Likert answers 1 to 5. */
  scale: string[];
  items: FormItem[];
}

export type AnswerValue = number | string | string[];
export type Answers = Record<string, AnswerValue>;
/** Changes waiting to be saved: null takes an answer back. */
export type AnswerChanges = Record<string, AnswerValue | null>;

export interface Progress {
  answered: number;
  required: number;
  /** Required items not answered yet. */
  missing: string[];
}

export interface Assessment {
  id: string;
  questionnaire: { slug: string; version: number };
  status: "draft" | "submitted";
  answers: Answers;
  progress: Progress;
  created_at: string;
  updated_at: string;
  submitted_at: string | null;
  /** Only in the response that created the assessment. */
  token?: string;
  result: Result | null;
}

/** Dimension is one scored dimension of a result. */
export interface Dimension {
  key: string;
  name: string;
  lean: Track | "both";
  score: number;
}

/** Reason is one strength or gap behind a role's fit. */
export interface Reason {
  kind: "strength" | "gap";
  dimension: string;
  weight: number;
  score: number;
  /** The answers that drove it. */
  items?: string[];
}

export interface RoleFit {
  slug: string;
  name: string;
  track: Track;
  fit: number;
  /** Localised sentences, one per entry of reasons, in the same order. */
  why: string[];
  reasons: Reason[];
}

export interface Gap {
  dimension: string;
  name: string;
  score: number;
  target: number;
  gap: number;
}

export interface RoleSalary {
  role: string;
  name: string;
  ranges: SalaryRange[];
}

export type QualityFlag = "straight_lining" | "inconsistent_reverse_pairs" | "too_fast";

export interface Result {
  questionnaire_version: number;
  scoring_version: string;
  orientation: { pm: number; pmo: number; lean: Lean };
  dimensions: Dimension[];
  /** Every catalog role, best fit first. */
  roles: RoleFit[];
  recommended_role: string;
  readiness: {
    level: StageKey;
    level_name: string;
    next_step: string;
    next_step_id: string;
    held_certifications: string[];
  };
  quality: { flags: QualityFlag[] };
  plan: {
    target_role: string;
    target_role_name: string;
    /** Largest first. */
    gaps: Gap[];
    steps: RoadmapStep[];
    certifications: CertificationSummary[];
    salary: { target: RoleSalary; next_step: RoleSalary | null };
  };
}

// ---------------------------------------------------------------------------
// Accounts: sessions, the caller's own data.

export type UserRole = "candidate" | "advisor" | "recruiter" | "admin";

export interface LatestResult {
  assessment_id: string;
  recommended_role: string;
  lean: string;
  fit: number;
  submitted_at: string;
}

export interface User {
  id: string;
  email: string;
  display_name: string;
  role: UserRole;
  discoverable: boolean;
  created_at: string;
  latest_result: LatestResult | null;
}

export interface Session {
  access_token: string;
  token_type: "Bearer";
  /** Seconds the access token lives. */
  expires_in: number;
  /** Opaque; works once. */
  refresh_token: string;
  refresh_expires_at: string;
  user?: User;
}

/** MyAssessment is one entry of GET/POST /api/v1/me/assessments. */
export interface MyAssessment {
  id: string;
  questionnaire: { slug: string; version: number };
  status: "draft" | "submitted";
  created_at: string;
  submitted_at: string | null;
  recommended_role: string | null;
  lean: string | null;
  fit: number | null;
}

/** GET /api/v1/me/assessments */
export interface MyAssessmentList {
  assessments: MyAssessment[];
}

export interface Share {
  advisor_id: string;
  display_name: string;
  shared_at: string;
}

/** GET /api/v1/me/shares */
export interface MyShares {
  shares: Share[];
}

export type StepStatus = "done" | "learning" | "pending" | "skipped";
/** STEP_STATUSES lists the roadmap step statuses in the schema's enum order. */
export const STEP_STATUSES: readonly StepStatus[] = ["done", "learning", "pending", "skipped"];

export interface MyRoadmapStep extends RoadmapStep {
  status: StepStatus;
  updated_at: string | null;
}

/** GET /api/v1/me/roadmap: a role's roadmap with the caller's progress. */
export interface MyRoadmap {
  role: string;
  role_name: string;
  steps: MyRoadmapStep[];
}

/** StaffRead is when staff read the caller's data, and in which role. */
export interface StaffRead {
  at: string;
  actor_role: string;
  action: string;
}

/** GET /api/v1/me/export */
export interface Export {
  exported_at: string;
  account: User;
  assessments: unknown[];
  shares: Share[];
  roadmap_progress: unknown[];
  staff_reads: StaffRead[];
}

// ---------------------------------------------------------------------------
// Advisors and recruiters.

/** CandidateRow is one entry of a CandidatePage; the dates are sent to advisors only. */
export interface CandidateRow {
  id: string;
  display_name: string;
  recommended_role: string;
  recommended_role_name: string;
  lean: string;
  fit: number;
  submitted_at?: string;
  shared_at?: string;
}

/** GET /api/v1/advisor/candidates and /api/v1/recruiter/talent */
export interface CandidatePage {
  candidates: CandidateRow[];
  next_cursor: string | null;
}

/** DimensionMove is a dimension's score in one attempt and its change since the previous one. */
export interface DimensionMove {
  key: string;
  name: string;
  score: number;
  change: number | null;
}

export interface Attempt {
  assessment_id: string;
  submitted_at: string;
  questionnaire_version: number;
  recommended_role: string;
  fit: number;
  lean: string;
  pm: number;
  pmo: number;
  quality_flags: string[];
  dimensions: DimensionMove[];
}

/** GET /api/v1/advisor/candidates/{id} */
export interface CandidateDetail {
  id: string;
  display_name: string;
  email: string;
  shared_at: string;
  attempts: Attempt[];
  /** The newest attempt's full result; null before any. */
  latest_result: Result | null;
}

export interface Note {
  id: string;
  body: string;
  created_at: string;
}

/** GET /api/v1/advisor/candidates/{id}/notes */
export interface CandidateNotes {
  notes: Note[];
}

// ---------------------------------------------------------------------------
// Admin.

export interface ItemStat {
  id: string;
  dimension: string;
  reverse: boolean;
  n: number;
  mean: number;
  sd: number;
}

export interface DimensionStat {
  dimension: string;
  items: number;
  /** Responses that answered every item of the dimension. */
  n: number;
  /** Cronbach's alpha; null when it cannot be computed. */
  alpha: number | null;
}

/** GET /api/v1/admin/questionnaires/{slug}/stats */
export interface QuestionnaireStats {
  slug: string;
  version: number;
  responses: number;
  items: ItemStat[];
  dimensions: DimensionStat[];
}

export interface AuditEntry {
  id: number;
  at: string;
  actor_id: string;
  actor_role: string;
  action: string;
  subject_id: string | null;
  detail: string;
  request_id: string;
}

/** GET /api/v1/admin/audit */
export interface AuditPage {
  entries: AuditEntry[];
  next_before: number | null;
}
