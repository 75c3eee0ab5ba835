// Shapes of the assessment API (api/openapi.yaml: Assessment, Result and the
// catalog pieces a result carries). Shared by the quiz and results pages.

export type Track = "pm" | "pmo";
export type Lean = "pm" | "pmo" | "balanced";
export type StageKey = "foundation" | "coordinator" | "practitioner" | "lead" | "manager" | "executive";
export const STAGES: StageKey[] = ["foundation", "coordinator", "practitioner", "lead", "manager", "executive"];

export type AnswerValue = number | string | string[];
export type Answers = Record<string, AnswerValue>;
/** Changes waiting to be saved: null takes an answer back. */
export type AnswerChanges = Record<string, AnswerValue | null>;

export interface Stage {
  key: StageKey;
  name: string;
}

export interface Source {
  name: string;
  url: string | null;
  year: number;
}

export interface SalaryRange {
  label: string;
  min_jpy: number;
  max_jpy: number | null;
  estimate: boolean;
  note: string | null;
  source: Source;
}

export interface RoleSalary {
  role: string;
  name: string;
  ranges: SalaryRange[];
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

export type StepStatus = "done" | "learning" | "pending" | "skipped";
export const STEP_STATUSES: StepStatus[] = ["pending", "learning", "done", "skipped"];

export interface ProgressStep extends RoadmapStep {
  status: StepStatus;
  updated_at: string | null;
}

export interface MyRoadmap {
  role: string;
  role_name: string;
  steps: ProgressStep[];
}

export interface CertificationSummary {
  slug: string;
  abbreviation: string;
  name: string;
  issuer: string;
  track: "pm" | "pmo" | "both";
  stage: Stage;
  url: string;
  summary: string;
}

export interface Dimension {
  key: string;
  name: string;
  lean: "pm" | "pmo" | "both";
  score: number;
}

export interface Reason {
  kind: "strength" | "gap";
  dimension: string;
  weight: number;
  score: number;
  items?: string[];
}

export interface RoleFit {
  slug: string;
  name: string;
  track: Track;
  fit: number;
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

export type QualityFlag = "straight_lining" | "inconsistent_reverse_pairs" | "too_fast";

export interface Result {
  questionnaire_version: number;
  scoring_version: string;
  orientation: { pm: number; pmo: number; lean: Lean };
  dimensions: Dimension[];
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
    gaps: Gap[];
    steps: RoadmapStep[];
    certifications: CertificationSummary[];
    salary: { target: RoleSalary; next_step: RoleSalary | null };
  };
}

export interface Progress {
  answered: number;
  required: number;
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
  token?: string;
  result: Result | null;
}

export interface MyAssessment {
  id: string;
  questionnaire: { slug: string; version: number };
  status: "draft" | "submitted";
  created_at: string;
  submitted_at: string | null;
  recommended_role: string | null;
  lean: Lean | null;
  fit: number | null;
}

export interface Share {
  advisor_id: string;
  display_name: string;
  shared_at: string;
}

export interface RoleDetail {
  slug: string;
  track: Track;
  level: Stage;
  name: string;
  summary: string;
  responsibilities: string[];
  roadmap: RoadmapStep[];
  certifications: CertificationSummary[];
  salary_ranges: SalaryRange[];
}
