import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter } from "react-router-dom";
import type { MyAssessment } from "../../api/types";
import i18n from "../../i18n";
import {
  CertificationCards,
  ComparePanel,
  DimensionRadar,
  GapList,
  LeanHero,
  QualityNotes,
  ReadinessPanel,
  RoadmapTimeline,
  SalaryRangeChart,
  SharedWith,
  SignupPrompt,
} from "./components";
import { result, salary } from "./fixtures";
import { dimensionDeltas } from "./resultsLogic";

const wrap = (ui: React.ReactElement) => render(<MemoryRouter>{ui}</MemoryRouter>);

beforeEach(async () => {
  await i18n.changeLanguage("en");
});

describe("LeanHero", () => {
  it("states the lean in words and numbers", () => {
    wrap(<LeanHero orientation={result.orientation} verdict={{ kind: "clear", best: result.roles[0] }} strengths={result.dimensions.slice(0, 2)} />);
    const hero = screen.getByTestId("results-lean");
    expect(hero).toHaveAttribute("data-lean", "pm");
    expect(screen.getByRole("heading", { level: 2 })).toHaveTextContent("You clearly lean towards PM");
    expect(hero).toHaveTextContent("23 points apart");
    expect(within(hero).getByRole("link", { name: "Project manager" })).toHaveAttribute("href", "/roles/project-manager");
    expect(hero).toHaveTextContent("Decision making 80");
  });

  it("words a balanced result in Japanese", async () => {
    await i18n.changeLanguage("ja");
    wrap(<LeanHero orientation={{ pm: 50, pmo: 47, lean: "balanced" }} strengths={[]} />);
    expect(screen.getByRole("heading", { level: 2 })).toHaveTextContent("PMとPMOのバランス型です");
  });
});

describe("QualityNotes", () => {
  it("explains each flag and renders nothing without flags", () => {
    const { container, rerender } = render(<QualityNotes flags={[]} />);
    expect(container).toBeEmptyDOMElement();
    rerender(<QualityNotes flags={["too_fast", "straight_lining"]} />);
    expect(screen.getAllByRole("listitem")).toHaveLength(2);
    expect(screen.getByText(/answered very quickly/)).toBeInTheDocument();
  });
});

describe("DimensionRadar", () => {
  it("has a table with the same numbers as the chart", () => {
    render(<DimensionRadar dimensions={result.dimensions} />);
    const table = screen.getByRole("table", { name: /Score for each aspect/ });
    const rows = within(table).getAllByRole("row");
    expect(rows).toHaveLength(result.dimensions.length + 1);
    expect(within(rows[1]).getByRole("rowheader")).toHaveTextContent("Decision making");
    expect(rows[1]).toHaveTextContent("80");
    expect(rows[3]).toHaveTextContent("PMO");
  });

  it("draws many aspects as bars on a phone, with the same table", () => {
    vi.stubGlobal("innerWidth", 390);
    try {
      const many = Array.from({ length: 20 }, (_, i) => ({ key: `d${i}`, name: `Aspect ${i}`, lean: "both" as const, score: 40 + i }));
      const { container } = render(<DimensionRadar dimensions={many} />);
      expect(container.querySelector(".radar__chart")).toBeNull();
      expect(container.querySelectorAll(".radar--bars .dim-list__item")).toHaveLength(20);
      expect(within(screen.getByRole("table", { name: /Score for each aspect/ })).getAllByRole("row")).toHaveLength(21);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it("keeps the radar on a phone for a few aspects", () => {
    vi.stubGlobal("innerWidth", 390);
    try {
      const { container } = render(<DimensionRadar dimensions={result.dimensions} />);
      expect(container.querySelector(".radar__chart")).not.toBeNull();
      expect(container.querySelector(".radar--bars")).toBeNull();
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it("adds the earlier scores when comparing", () => {
    render(<DimensionRadar dimensions={result.dimensions} before={[{ key: "decision_making", name: "Decision making", lean: "pm", score: 61 }]} beforeLabel="Earlier (1 Jan)" />);
    expect(screen.getByRole("columnheader", { name: "Earlier (1 Jan)" })).toBeInTheDocument();
    expect(screen.getAllByRole("row")[1]).toHaveTextContent("61");
  });
});

describe("ReadinessPanel", () => {
  it("marks the current stage and links the next step", () => {
    wrap(<ReadinessPanel readiness={result.readiness} certName={(s) => (s === "ipa-ap" ? "IPA AP" : s)} />);
    const ladder = screen.getByRole("list", { name: "Career stages" });
    const current = within(ladder).getAllByRole("listitem").find((li) => li.getAttribute("aria-current") === "step");
    expect(current).toHaveTextContent("Practitioner");
    expect(current).toHaveTextContent("You are here");
    expect(screen.getByRole("link", { name: "Lead a small project" })).toHaveAttribute("href", "#step-pm-small");
    expect(screen.getByText("IPA AP")).toBeInTheDocument();
  });
});

describe("GapList", () => {
  it("shows the score against the target", () => {
    render(<GapList gaps={result.plan.gaps} roleName="Project manager" />);
    expect(screen.getByText("Now 40 / target 72 (32 to go)")).toBeInTheDocument();
  });
  it("says so when there is no gap", () => {
    render(<GapList gaps={[]} roleName="Project manager" />);
    expect(screen.getByText(/already meet/)).toBeInTheDocument();
  });
});

describe("RoadmapTimeline", () => {
  it("is read-only without progress", () => {
    render(<RoadmapTimeline steps={result.plan.steps} nextStepId="pm-small" canEdit={false} certName={(s) => s.toUpperCase()} />);
    expect(screen.getByTestId("roadmap")).toHaveTextContent("Lead a small project");
    expect(screen.getByText("About 12 months")).toBeInTheDocument();
    expect(screen.getByText("PMP")).toBeInTheDocument();
    expect(screen.queryByRole("combobox")).not.toBeInTheDocument();
  });

  it("folds the steps below the person's stage", () => {
    const earlier = [{ id: "pm-first", stage: { key: "foundation" as const, name: "Foundation" }, title: "Learn how projects run", detail: "Work in testing.", experience: "", months: 24, certifications: [] }];
    render(<RoadmapTimeline steps={result.plan.steps} earlier={earlier} nextStepId="pm-small" canEdit={false} certName={(s) => s} />);
    expect(screen.getByText("Show the 1 step behind you")).toBeInTheDocument();
    expect(screen.getByText("Learn how projects run").closest("details")).not.toHaveAttribute("open");
  });

  it("lets the owner mark progress", async () => {
    const onChange = vi.fn();
    render(<RoadmapTimeline steps={result.plan.steps} nextStepId="pm-small" status={{ "pm-small": "done" }} canEdit onChange={onChange} certName={(s) => s} />);
    expect(screen.getByText("1 of 2 steps done")).toBeInTheDocument();
    const select = screen.getByRole("combobox", { name: /Progress: Debut as PM/ });
    await userEvent.selectOptions(select, "learning");
    expect(onChange).toHaveBeenCalledWith("pm-mid", "learning");
  });
});

describe("CertificationCards", () => {
  it("shows each certification with a link to its issuer", () => {
    wrap(<CertificationCards certs={result.plan.certifications} />);
    const box = screen.getByTestId("certifications");
    expect(box).toHaveTextContent("PMP");
    expect(within(box).getByRole("link", { name: /Official site/ })).toHaveAttribute("href", "https://www.pmi.org/");
  });
  it("has an empty state", () => {
    wrap(<CertificationCards certs={[]} />);
    expect(screen.getByText(/no new certifications/)).toBeInTheDocument();
  });
});

describe("SalaryRangeChart", () => {
  it("writes every range as text with its source", () => {
    render(<SalaryRangeChart salary={salary} />);
    const chart = screen.getByTestId("salary-chart");
    expect(chart).toHaveTextContent("Program manager");
    expect(chart).toHaveTextContent("Average");
    expect(within(chart).getAllByText("Estimate")).toHaveLength(2);
    expect(within(chart).getByRole("link", { name: /doda salary ranking/ })).toHaveAttribute("href", "https://doda.jp/guide/heikin/");
    // a source without an address is named, not linked
    expect(chart).toHaveTextContent("ITSS reference pay");
    expect(within(chart).queryByRole("link", { name: /ITSS/ })).not.toBeInTheDocument();
  });
  it("uses 万円 in Japanese", async () => {
    await i18n.changeLanguage("ja");
    render(<SalaryRangeChart salary={salary} />);
    expect(screen.getByTestId("salary-chart")).toHaveTextContent("497万〜897万円");
    expect(screen.getByTestId("salary-chart")).toHaveTextContent("1,200万円以上");
  });
});

describe("SharedWith", () => {
  it("lists current shares and stops one", async () => {
    const onStop = vi.fn();
    render(<SharedWith shares={[{ advisor_id: "adv1", display_name: "Sato", shared_at: "2026-02-01T00:00:00Z" }]} onStop={onStop} />);
    expect(screen.getByText("Sato")).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Stop sharing: Sato" }));
    expect(onStop).toHaveBeenCalledWith("adv1");
  });

  it("says when nobody sees the results, and why stopping failed", () => {
    render(<SharedWith shares={[]} onStop={() => {}} error="Could not stop sharing." />);
    expect(screen.getByText("You aren't sharing with anyone yet.")).toBeInTheDocument();
    expect(screen.getByRole("alert")).toHaveTextContent("Could not stop sharing.");
  });
});

describe("SignupPrompt", () => {
  it("leads to sign-up", () => {
    wrap(<SignupPrompt />);
    expect(screen.getByTestId("signup-cta")).toHaveAttribute("href", "/signup");
  });
});

describe("ComparePanel", () => {
  const attempts: MyAssessment[] = [
    { id: "old", status: "submitted", questionnaire: { slug: "pm-pmo-fit", version: 1 }, created_at: "2026-01-01T00:00:00Z", submitted_at: "2026-01-01T00:10:00Z", recommended_role: "pmo-analyst", lean: "pmo", fit: 60 },
  ];
  it("offers earlier attempts and shows per-dimension deltas", async () => {
    const onSelect = vi.fn();
    const before = result.dimensions.map((d) => ({ ...d, score: d.score - 10 }));
    wrap(
      <ComparePanel
        attempts={attempts}
        selected="old"
        onSelect={onSelect}
        deltas={dimensionDeltas(result.dimensions, before)}
        before={{ lean: "pmo", pm: 40, pmo: 58, role: "pmo-analyst", date: "1 Jan 2026" }}
        roleName={(s) => (s === "pmo-analyst" ? "PMO analyst" : s)}
        loading={false}
      />,
    );
    const select = screen.getByTestId("compare-select");
    expect(within(select).getAllByRole("option")).toHaveLength(2);
    expect(within(select).getAllByRole("option")[1]).toHaveTextContent("leans PMO, PMO analyst");
    expect(screen.getByText(/On 1 Jan 2026 you were leans PMO \(PM 40 \/ PMO 58\)/)).toBeInTheDocument();
    const rows = within(screen.getByRole("table")).getAllByRole("row");
    expect(rows[1]).toHaveTextContent("+10");
    await userEvent.selectOptions(select, "");
    expect(onSelect).toHaveBeenCalledWith("");
  });
});
