import { render, screen, within } from "@testing-library/react";
import { MemoryRouter } from "react-router-dom";
import { setLang } from "../../i18n";
import { CompareTable } from "./CompareParts";
import { analyst, cert, pm } from "./fixtures";
import { RoadmapByStage, RoleCard, SalaryTable } from "./parts";
import { certLookup } from "./shape";

describe("role components", () => {
  beforeEach(async () => {
    await setLang("en");
  });

  it("RoleCard links to the role and shows its first pay range and certificates", () => {
    const summary = { ...pm, certifications: ["capm", "pmp", "unknown"] };
    render(
      <MemoryRouter>
        <RoleCard role={summary} certs={certLookup([cert("capm", "coordinator"), cert("pmp", "lead")])} />
      </MemoryRouter>,
    );
    const card = screen.getByTestId("role-card");
    expect(within(card).getByRole("link", { name: "Project manager" })).toHaveAttribute("href", "/roles/project-manager");
    expect(within(card).getByRole("link", { name: /Compare/ })).toHaveAttribute("href", "/compare?a=project-manager");
    expect(card).toHaveTextContent("¥5M–¥9M");
    expect(card).toHaveTextContent("Estimate");
    expect(card).toHaveTextContent("CAPM / PMP / unknown");
  });

  it("RoleCard shows pay in 万円 in Japanese", async () => {
    await setLang("ja");
    render(
      <MemoryRouter>
        <RoleCard role={{ ...analyst, certifications: [] }} />
      </MemoryRouter>,
    );
    expect(screen.getByTestId("role-card")).toHaveTextContent("625万〜850万円");
    expect(screen.getByTestId("role-card")).not.toHaveTextContent("推定");
  });

  it("SalaryTable names each source, linked only when it is online", () => {
    render(<SalaryTable ranges={pm.salary_ranges} caption="Pay for PM" />);
    const table = screen.getByRole("table", { name: "Pay for PM" });
    const rows = within(table).getAllByRole("row");
    expect(rows).toHaveLength(3);
    expect(within(rows[1]).getByRole("link", { name: /Survey \(2024\)/ })).toHaveAttribute("href", "https://example.com/survey");
    expect(within(rows[1]).getByText("Derived from averages")).toBeInTheDocument();
    expect(within(rows[2]).queryByRole("link")).not.toBeInTheDocument();
    expect(rows[2]).toHaveTextContent("METI (2017)");
    expect(rows[2]).toHaveTextContent("¥8.9M");
  });

  it("RoadmapByStage numbers steps across stages and links certificates", () => {
    render(<RoadmapByStage steps={pm.roadmap} certs={certLookup(pm.certifications)} />);
    expect(screen.getAllByRole("heading", { level: 3 }).map((h) => h.textContent)).toEqual(["Stage Foundation", "Stage Practitioner", "Stage Lead"]);
    const lists = screen.getAllByRole("list");
    expect(lists.map((l) => l.getAttribute("start"))).toEqual(["1", "2", "4"]);
    expect(screen.getByRole("link", { name: "Certification: CAPM" })).toHaveAttribute("href", "#cert-capm");
    expect(screen.getByText("About 18 months")).toBeInTheDocument();
  });

  it("CompareTable puts both roles side by side with paired profile bars", () => {
    render(
      <MemoryRouter>
        <CompareTable a={pm} b={analyst} />
      </MemoryRouter>,
    );
    const table = screen.getByTestId("compare-table");
    expect(within(table).getByRole("columnheader", { name: "Project manager" })).toBeInTheDocument();
    expect(within(table).getByRole("columnheader", { name: "PMO analyst" })).toBeInTheDocument();
    const analysis = within(table).getByRole("row", { name: /^Analysis/ });
    expect(analysis).toHaveTextContent("Not a focus");
    expect(analysis).toHaveTextContent("Central (5/5)");
    const pmp = within(table).getByRole("row", { name: /^PMP/ });
    expect(within(pmp).getAllByText("On the roadmap")).toHaveLength(2);
    expect(within(table).getByRole("row", { name: /^Roadmap/ })).toHaveTextContent("4 steps");
  });
});
