import { analyst, pm, range } from "./fixtures";
import { certLookup, compareCertifications, compareProfiles, compareSlugs, filterRoles, groupByStage, parseTrack, primaryRange, salarySpan, totalMonths } from "./shape";

describe("role list shaping", () => {
  it("reads the track filter, defaulting to all", () => {
    expect(parseTrack("pm")).toBe("pm");
    expect(parseTrack("pmo")).toBe("pmo");
    expect(parseTrack("PMO")).toBe("all");
    expect(parseTrack(null)).toBe("all");
  });

  it("filters by track in catalog order", () => {
    const roles = [pm, analyst, { ...pm, slug: "program-manager" }];
    expect(filterRoles(roles, "pm").map((r) => r.slug)).toEqual(["project-manager", "program-manager"]);
    expect(filterRoles(roles, "pmo").map((r) => r.slug)).toEqual(["pmo-analyst"]);
    expect(filterRoles(roles, "all")).toHaveLength(3);
  });

  it("shows the catalog's first range on a card", () => {
    expect(primaryRange(pm.salary_ranges)?.min_jpy).toBe(4_970_000);
    expect(primaryRange([])).toBeUndefined();
  });
});

describe("roadmap shaping", () => {
  it("groups consecutive steps by stage, keeping order", () => {
    const groups = groupByStage(pm.roadmap);
    expect(groups.map((g) => [g.stage.key, g.steps.map((s) => s.id)])).toEqual([
      ["foundation", ["pm-1"]],
      ["practitioner", ["pm-2", "pm-3"]],
      ["lead", ["pm-4"]],
    ]);
  });

  it("adds up durations, ignoring untimed steps", () => {
    expect(totalMonths(pm.roadmap)).toBe(42);
    expect(totalMonths([])).toBe(0);
  });

  it("indexes certifications, earlier lists first", () => {
    const m = certLookup(pm.certifications, [{ ...analyst.certifications[1], name: "other pmp" }], undefined);
    expect(m.get("pmp")?.name).toBe("pmp certificate");
    expect([...m.keys()]).toEqual(["capm", "pmp"]);
  });
});

describe("compare shaping", () => {
  it("lines up two profiles on the union of dimensions, most important first", () => {
    const rows = compareProfiles(pm.profile, analyst.profile);
    expect(rows.map((r) => [r.dimension, r.a, r.b])).toEqual([
      ["analysis", 0, 5],
      ["decision_making", 5, 0],
      ["communication", 4, 3],
      ["strategy", 3, 0],
    ]);
    expect(rows.find((r) => r.dimension === "communication")).toMatchObject({ rationaleA: "Talk", rationaleB: "Explain" });
  });

  it("is symmetric: swapping the roles swaps the columns", () => {
    const ab = compareProfiles(pm.profile, analyst.profile);
    const ba = compareProfiles(analyst.profile, pm.profile);
    expect(ba.map((r) => [r.dimension, r.b, r.a])).toEqual(ab.map((r) => [r.dimension, r.a, r.b]));
  });

  it("lists certifications of either role by stage and marks whose they are", () => {
    const rows = compareCertifications(pm.certifications, analyst.certifications);
    expect(rows.map((r) => [r.cert.slug, r.inA, r.inB])).toEqual([
      ["npmo-pjm-a", false, true],
      ["capm", true, false],
      ["pmp", true, true],
    ]);
    expect(compareCertifications([], [])).toEqual([]);
  });

  it("spans salary ranges, open at the top when any range is", () => {
    expect(salarySpan(pm.salary_ranges)).toEqual({ min: 4_970_000, max: 8_970_000 });
    expect(salarySpan([range(7_000_000, null), range(12_000_000, null)])).toEqual({ min: 7_000_000, max: null });
    expect(salarySpan([])).toBeUndefined();
  });

  it("reads ?a and ?b, dropping slugs that name no role once the list is known", () => {
    const p = new URLSearchParams("a=project-manager&b=nope");
    expect(compareSlugs(p, undefined)).toEqual({ a: "project-manager", b: "nope" });
    expect(compareSlugs(p, ["project-manager", "pmo-analyst"])).toEqual({ a: "project-manager", b: "" });
    expect(compareSlugs(new URLSearchParams(""), ["x"])).toEqual({ a: "", b: "" });
  });
});
