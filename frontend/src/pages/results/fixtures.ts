// Realistic results (shape of components/schemas/Result) for tests: one
// scored by the first model (no confidence, no intervals) and one by the
// profile model, with variants for each confidence level and a refusal.
import type { Result } from "../../api/types";

export const salary: Result["plan"]["salary"] = {
  target: {
    role: "project-manager",
    name: "Project manager",
    ranges: [
      { label: "PM pay range (20s–40s averages)", min_jpy: 4_970_000, max_jpy: 8_970_000, estimate: true, note: "Derived from age-band averages.", source: { name: "doda salary ranking", url: "https://doda.jp/guide/heikin/", year: 2024 } },
      { label: "PM average pay", min_jpy: 8_915_000, max_jpy: 8_915_000, estimate: false, note: null, source: { name: "METI survey", url: "https://www.meti.go.jp/", year: 2017 } },
    ],
  },
  next_step: {
    role: "program-manager",
    name: "Program manager",
    ranges: [{ label: "Program manager floor", min_jpy: 12_000_000, max_jpy: null, estimate: true, note: null, source: { name: "ITSS reference pay", url: null, year: 2002 } }],
  },
  now: null,
};

export const result: Result = {
  questionnaire_version: 1,
  scoring_version: "1",
  orientation: { pm: 64, pmo: 41, lean: "pm" },
  dimensions: [
    { key: "decision_making", name: "Decision making", lean: "pm", score: 80 },
    { key: "ownership", name: "Ownership", lean: "pm", score: 70 },
    { key: "organizing", name: "Organizing", lean: "pmo", score: 40 },
    { key: "communication", name: "Communication", lean: "both", score: 55 },
  ],
  roles: [
    { slug: "project-manager", name: "Project manager", track: "pm", fit: 78, fit_low: null, fit_high: null, why: ["Decision making is 80, which the role values (weight 5/5)."], reasons: [{ kind: "strength", dimension: "decision_making", weight: 5, score: 80 }] },
    { slug: "pmo-analyst", name: "PMO analyst", track: "pmo", fit: 52, fit_low: null, fit_high: null, why: ["Organizing is 40, below what the role asks (weight 4/5)."], reasons: [{ kind: "gap", dimension: "organizing", weight: 4, score: 40 }] },
    { slug: "pm-assistant", name: "PM assistant", track: "pm", fit: 50, fit_low: null, fit_high: null, why: [], reasons: [] },
    { slug: "pmo-director", name: "PMO director", track: "pmo", fit: 31, fit_low: null, fit_high: null, why: ["Hidden reason"], reasons: [{ kind: "gap", dimension: "governance", weight: 5, score: 20 }] },
  ],
  recommended_role: "project-manager",
  confidence: null,
  scales: null,
  administration: null,
  readiness: { level: "practitioner", level_name: "Practitioner", next_step: "Lead a small project", next_step_id: "pm-small", held_certifications: ["ipa-ap"] },
  quality: { flags: [], reliable: true },
  plan: {
    target_role: "project-manager",
    target_role_name: "Project manager",
    now_role: null,
    now_role_name: null,
    gaps: [{ dimension: "organizing", name: "Organizing", score: 40, target: 72, gap: 32 }],
    steps: [
      { id: "pm-small", stage: { key: "practitioner", name: "Practitioner" }, title: "Lead a small project", detail: "Run a project of a few people end to end.", experience: "Owning a plan.", months: 12, certifications: ["pmp"] },
      { id: "pm-mid", stage: { key: "lead", name: "Lead" }, title: "Debut as PM on a mid-size project", detail: "Take the lead.", experience: "", months: 0, certifications: [] },
    ],
    certifications: [
      { slug: "pmp", abbreviation: "PMP", name: "Project Management Professional", issuer: "PMI", track: "both", stage: { key: "lead", name: "Lead" }, url: "https://www.pmi.org/", summary: "International PM certification.", eligible_now: true, missing: [] },
    ],
    salary,
  },
};

/** resultV2 is a profile-model result whose best role stands out (confidence "clear"). */
export const resultV2: Result = {
  ...result,
  questionnaire_version: 2,
  scoring_version: "2",
  roles: [
    { ...result.roles[0], fit: 78, fit_low: 74, fit_high: 82 },
    { slug: "program-manager", name: "Program manager", track: "pm", fit: 66, fit_low: 62, fit_high: 70, why: [], reasons: [] },
    { ...result.roles[1], fit: 52, fit_low: 48, fit_high: 56 },
    { ...result.roles[3], fit: 31, fit_low: 27, fit_high: 35 },
  ],
  confidence: { level: "clear", margin: 12, runner_up: "program-manager", runner_up_name: "Program manager" },
  scales: [
    { key: "lead", name: "Decide and lead", score: 76, shared: false },
    { key: "shared", name: "Shared skills", score: 60, shared: true },
  ],
  administration: { mode: "full", asked: 76, total: 76 },
};

/** likelyResult leads with the project manager, four points ahead of the program manager. */
export const likelyResult: Result = {
  ...resultV2,
  roles: [{ ...resultV2.roles[0], fit: 72, fit_low: 68, fit_high: 76 }, { ...resultV2.roles[1], fit: 68, fit_low: 64, fit_high: 71 }, ...resultV2.roles.slice(2)],
  confidence: { level: "likely", margin: 4, runner_up: "program-manager", runner_up_name: "Program manager" },
};

/** tooCloseResult has the project and program manager a point apart. */
export const tooCloseResult: Result = {
  ...resultV2,
  roles: [{ ...resultV2.roles[0], fit: 70, fit_low: 66, fit_high: 74 }, { ...resultV2.roles[1], fit: 69, fit_low: 65, fit_high: 73 }, ...resultV2.roles.slice(2)],
  confidence: { level: "too_close", margin: 1, runner_up: "program-manager", runner_up_name: "Program manager" },
};

/** refusedResult is a straight-lined, inconsistent sheet: no role, no plan. */
export const refusedResult: Result = {
  ...tooCloseResult,
  recommended_role: null,
  quality: { flags: ["straight_lining", "inconsistent_answers"], reliable: false },
  readiness: { ...result.readiness, next_step: "", next_step_id: "" },
  plan: {
    target_role: null,
    target_role_name: null,
    now_role: null,
    now_role_name: null,
    gaps: [],
    steps: [],
    certifications: [],
    salary: { target: { role: "", name: "", ranges: [] }, next_step: null, now: null },
  },
};

/**
 * nowRoleResult is a developer with no PM duty aiming at project manager:
 * ready today for PM assistant, with the pay of both, and a plan whose
 * certifications open now come first, then one not open yet.
 */
export const nowRoleResult: Result = {
  ...resultV2,
  plan: {
    ...resultV2.plan,
    now_role: "pm-assistant",
    now_role_name: "PM assistant",
    certifications: [
      { slug: "capm", abbreviation: "CAPM", name: "Certified Associate in Project Management", issuer: "PMI", track: "pm", stage: { key: "coordinator", name: "Coordinator" }, url: "https://www.pmi.org/certifications/capm", summary: "Entry-level PM certification.", eligible_now: true, missing: [] },
      {
        ...result.plan.certifications[0],
        eligible_now: false,
        missing: ["36 months leading projects (with a degree; 60 without)", "35 hours of project management training"],
      },
    ],
    salary: {
      ...salary,
      now: {
        role: "pm-assistant",
        name: "PM assistant",
        ranges: [{ label: "PM assistant pay", min_jpy: 4_000_000, max_jpy: 5_500_000, estimate: true, note: null, source: { name: "Job listings survey", url: "https://example.org/pay", year: 2025 } }],
      },
    },
  },
};
