// Shapes of the /api/v1/me endpoints (api/openapi.yaml).
import type { User } from "../../api/client";
import type { MyAssessment } from "../auth/claim";
import type { Stage } from "../roles/types";

export type { MyAssessment };

export type StepStatus = "done" | "learning" | "pending" | "skipped";
export const STEP_STATUSES: readonly StepStatus[] = ["done", "learning", "pending", "skipped"];

export interface MyRoadmapStep {
  id: string;
  stage: Stage;
  title: string;
  detail: string;
  experience: string;
  months: number;
  certifications: string[];
  status: StepStatus;
  updated_at: string | null;
}

export interface MyRoadmap {
  role: string;
  role_name: string;
  steps: MyRoadmapStep[];
}

export interface Share {
  advisor_id: string;
  display_name: string;
  shared_at: string;
}

export interface StaffRead {
  at: string;
  actor_role: string;
  action: string;
}

export interface Export {
  exported_at: string;
  account: User;
  assessments: unknown[];
  shares: Share[];
  roadmap_progress: unknown[];
  staff_reads: StaffRead[];
}
