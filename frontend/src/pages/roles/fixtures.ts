// Small catalog records for the role pages' tests.
import type { CertificationSummary, RoleDetail, SalaryRange } from "../../api/types";

export function cert(slug: string, stage: CertificationSummary["stage"]["key"], track: CertificationSummary["track"] = "both"): CertificationSummary {
  return { slug, abbreviation: slug.toUpperCase(), name: `${slug} certificate`, issuer: "Issuer", track, stage: { key: stage, name: stage }, url: `https://example.com/${slug}`, summary: `About ${slug}` };
}

export function range(min: number, max: number | null, extra: Partial<SalaryRange> = {}): SalaryRange {
  return { label: "Typical", min_jpy: min, max_jpy: max, estimate: false, note: null, source: { name: "Survey", url: "https://example.com/survey", year: 2024 }, ...extra };
}

export const pm: RoleDetail = {
  slug: "project-manager",
  track: "pm",
  level: { key: "lead", name: "Lead" },
  name: "Project manager",
  summary: "Owns a project.",
  responsibilities: ["Decide"],
  profile: [
    { dimension: "decision_making", name: "Decision making", weight: 5, rationale: "Calls" },
    { dimension: "communication", name: "Communication", weight: 4, rationale: "Talk" },
    { dimension: "strategy", name: "Strategy", weight: 3, rationale: "Wide view" },
  ],
  roadmap: [
    { id: "pm-1", stage: { key: "foundation", name: "Foundation" }, title: "Learn IT", detail: "d", experience: "e", months: 12, certifications: [] },
    { id: "pm-2", stage: { key: "practitioner", name: "Practitioner" }, title: "Track progress", detail: "d", experience: "e", months: 12, certifications: ["capm"] },
    { id: "pm-3", stage: { key: "practitioner", name: "Practitioner" }, title: "Assist a PM", detail: "d", experience: "e", months: 18, certifications: [] },
    { id: "pm-4", stage: { key: "lead", name: "Lead" }, title: "Lead a project", detail: "d", experience: "e", months: 0, certifications: ["pmp"] },
  ],
  certifications: [cert("capm", "coordinator"), cert("pmp", "lead")],
  salary_ranges: [range(4_970_000, 8_970_000, { estimate: true, note: "Derived from averages" }), range(8_915_000, 8_915_000, { source: { name: "METI", url: null, year: 2017 } })],
};

export const analyst: RoleDetail = {
  slug: "pmo-analyst",
  track: "pmo",
  level: { key: "lead", name: "Lead" },
  name: "PMO analyst",
  summary: "Analyses data.",
  responsibilities: ["Analyse"],
  profile: [
    { dimension: "analysis", name: "Analysis", weight: 5, rationale: "Numbers" },
    { dimension: "communication", name: "Communication", weight: 3, rationale: "Explain" },
  ],
  roadmap: [{ id: "pa-1", stage: { key: "coordinator", name: "Coordinator" }, title: "PMO-like work", detail: "d", experience: "e", months: 6, certifications: ["npmo-pjm-a"] }],
  certifications: [cert("npmo-pjm-a", "foundation", "pmo"), cert("pmp", "lead")],
  salary_ranges: [range(6_250_000, 8_500_000)],
};
