// Catalog shapes as the API returns them (api/openapi.yaml: RoleSummary,
// RoleDetail, RoadmapStep, CertificationSummary, SalaryRange).

export type Track = "pm" | "pmo";
export type StageKey = "foundation" | "coordinator" | "practitioner" | "lead" | "manager" | "executive";

/** STAGES lists the readiness stages from first to last. */
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

export interface SalaryRange {
  label: string;
  min_jpy: number;
  max_jpy: number | null;
  estimate: boolean;
  note: string | null;
  source: Source;
}

export interface RoleSummary {
  slug: string;
  track: Track;
  level: Stage;
  name: string;
  summary: string;
  certifications: string[];
  salary_ranges: SalaryRange[];
}

export interface ProfileEntry {
  dimension: string;
  name: string;
  weight: number;
  rationale: string;
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

export interface RoleDetail extends Omit<RoleSummary, "certifications"> {
  responsibilities: string[];
  profile: ProfileEntry[];
  roadmap: RoadmapStep[];
  certifications: CertificationSummary[];
}

export interface RoleList {
  roles: RoleSummary[];
}

export interface CertificationList {
  certifications: CertificationSummary[];
}
