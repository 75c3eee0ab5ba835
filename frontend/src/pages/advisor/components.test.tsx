import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter } from "react-router-dom";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { ApiError } from "../../api/client";
import type { CandidateDetail, CandidateRow, Result } from "../../api/types";
import i18n from "../../i18n";
import CandidateTable from "./CandidateTable";
import { CandidateOverview } from "./CandidateParts";
import FilterForm, { parseMinFit } from "./FilterForm";
import fixtureNone from "./fixtures/candidate-no-result.en.json";
import fixtureEn from "./fixtures/candidate.en.json";
import fixtureJa from "./fixtures/candidate.ja.json";
import HistoryChart from "./HistoryChart";
import { latestAttempt, previousAttempt } from "./history";
import { emptyFilters, type ListState } from "./listing";
import { NoteForm, NoteList, noteProblem } from "./Notes";
import Pager from "./Pager";
import type { RoleOption } from "./roles";

beforeAll(async () => {
  await i18n.changeLanguage("en");
});

const rows: CandidateRow[] = [
  { id: "u1", display_name: "Aiko Sato", recommended_role: "pmo-analyst", recommended_role_name: "PMO analyst", lean: "pmo", fit: 81, submitted_at: "2026-05-01T10:00:00Z", shared_at: "2026-05-02T10:00:00Z" },
  { id: "u2", display_name: "Ken Ito", recommended_role: "project-manager", recommended_role_name: "Project manager", lean: "pm", fit: 64, submitted_at: "2026-04-01T10:00:00Z", shared_at: "2026-04-03T10:00:00Z" },
];

describe("CandidateTable", () => {
  it("lists candidates with links to their pages and marks the sorted column", () => {
    render(
      <MemoryRouter>
        <CandidateTable rows={rows} sort="fit" onSort={() => {}} caption="Candidates" />
      </MemoryRouter>,
    );
    const table = screen.getByTestId("candidate-table");
    expect(within(table).getAllByTestId("candidate-row")).toHaveLength(2);
    expect(screen.getByRole("link", { name: "Aiko Sato" })).toHaveAttribute("href", "/advisor/candidates/u1");
    expect(screen.getByRole("columnheader", { name: /Fit/ })).toHaveAttribute("aria-sort", "descending");
    expect(screen.getByRole("columnheader", { name: /Latest result/ })).toHaveAttribute("aria-sort", "none");
    expect(within(table).getByText("PMO lean")).toBeInTheDocument();
  });

  it("asks for the other order when its header is pressed", async () => {
    const onSort = vi.fn();
    render(
      <MemoryRouter>
        <CandidateTable rows={rows} sort="fit" onSort={onSort} caption="Candidates" />
      </MemoryRouter>,
    );
    await userEvent.click(screen.getByRole("button", { name: /Latest result/ }));
    expect(onSort).toHaveBeenCalledWith("date");
  });
});

describe("Pager", () => {
  it("disables what cannot be done and reports presses", async () => {
    const onNext = vi.fn();
    const onPrevious = vi.fn();
    render(<Pager page={1} canPrevious={false} canNext onPrevious={onPrevious} onNext={onNext} />);
    expect(screen.getByRole("button", { name: /Previous page/ })).toBeDisabled();
    await userEvent.click(screen.getByTestId("pager-next"));
    expect(onNext).toHaveBeenCalledOnce();
    expect(screen.getByText("Page 1")).toBeInTheDocument();
  });

  it("offers the first page for a deep link and hides itself when there is one page", () => {
    const { rerender, container } = render(<Pager page={null} canPrevious canNext={false} onPrevious={() => {}} onNext={() => {}} />);
    expect(screen.getByRole("button", { name: /First page/ })).toBeEnabled();
    expect(screen.getByTestId("pager-next")).toBeDisabled();
    rerender(<Pager page={1} canPrevious={false} canNext={false} onPrevious={() => {}} onNext={() => {}} />);
    expect(container).toBeEmptyDOMElement();
  });
});

describe("FilterForm", () => {
  const value: ListState = { ...emptyFilters, sort: "fit", limit: 20, cursor: null };
  const roles: RoleOption[] = [
    { slug: "project-manager", track: "pm", level: { key: "lead", name: "Lead" }, name: "Project manager" },
    { slug: "pmo-analyst", track: "pmo", level: { key: "lead", name: "Lead" }, name: "PMO analyst" },
  ];

  it("applies the chosen filters on submit", async () => {
    const onApply = vi.fn();
    render(<FilterForm value={value} roles={roles} onApply={onApply} />);
    await userEvent.type(screen.getByLabelText("Search by name"), " Aiko ");
    await userEvent.selectOptions(screen.getByLabelText("Recommended role"), "pmo-analyst");
    await userEvent.selectOptions(screen.getByLabelText("Lean"), "pmo");
    await userEvent.type(screen.getByLabelText("Minimum fit"), "60");
    await userEvent.selectOptions(screen.getByLabelText("Rows per page"), "50");
    await userEvent.click(screen.getByRole("button", { name: "Apply filters" }));
    expect(onApply).toHaveBeenCalledWith({ q: "Aiko", role: "pmo-analyst", lean: "pmo", minFit: 60 }, { limit: 50, sort: "fit" });
  });

  it("shows an error beside the minimum fit and does not apply", async () => {
    const onApply = vi.fn();
    render(<FilterForm value={value} roles={roles} onApply={onApply} />);
    const input = screen.getByLabelText("Minimum fit");
    await userEvent.type(input, "150");
    await userEvent.click(screen.getByRole("button", { name: "Apply filters" }));
    expect(onApply).not.toHaveBeenCalled();
    expect(input).toHaveAttribute("aria-invalid", "true");
    expect(input).toHaveAccessibleDescription("Enter a whole number from 0 to 100.");
    expect(input).toHaveFocus();
  });

  it("offers clearing only when filters are set", async () => {
    const onApply = vi.fn();
    const { rerender } = render(<FilterForm value={value} roles={roles} onApply={onApply} />);
    expect(screen.queryByRole("button", { name: "Clear filters" })).toBeNull();
    rerender(<FilterForm value={{ ...value, lean: "pm", limit: 10 }} roles={roles} onApply={onApply} />);
    expect(screen.getByLabelText("Lean")).toHaveValue("pm");
    await userEvent.click(screen.getByRole("button", { name: "Clear filters" }));
    expect(onApply).toHaveBeenCalledWith({ q: "", role: "", lean: "", minFit: null }, { limit: 10, sort: "fit" });
  });

  it("parses the minimum fit", () => {
    expect(parseMinFit("")).toEqual({ ok: true, value: null });
    expect(parseMinFit(" 70 ")).toEqual({ ok: true, value: 70 });
    expect(parseMinFit("0")).toEqual({ ok: true, value: null });
    expect(parseMinFit("101")).toEqual({ ok: false });
    expect(parseMinFit("7.5")).toEqual({ ok: false });
  });
});

describe("HistoryChart", () => {
  it("carries every number in a table for screen readers", () => {
    render(
      <HistoryChart
        points={[
          { attempt: 1, at: "2026-01-10T00:00:00Z", fit: 65, pm: 45, pmo: 60, lean: "pmo", role: "pmo-administrator" },
          { attempt: 2, at: "2026-03-01T00:00:00Z", fit: 72, pm: 40, pmo: 70, lean: "pmo", role: "pmo-analyst" },
        ]}
        roleName={(s) => (s === "pmo-analyst" ? "PMO analyst" : "PMO administrator")}
      />,
    );
    const table = screen.getByRole("table", { name: "Score history (table)" });
    const cells = within(table)
      .getAllByRole("row")
      .slice(1)
      .map((r) => within(r).getAllByRole("cell").map((c) => c.textContent));
    expect(cells).toEqual([
      ["10 Jan 2026", "65", "45", "60", "PMO administrator"],
      ["1 Mar 2026", "72", "40", "70", "PMO analyst"],
    ]);
    expect(screen.getByTestId("history-chart")).toBeInTheDocument();
  });

  it("says when an attempt recommended no role", () => {
    render(
      <HistoryChart
        points={[
          { attempt: 1, at: "2026-01-10T00:00:00Z", fit: null, pm: 45, pmo: 60, lean: "balanced", role: null },
          { attempt: 2, at: "2026-03-01T00:00:00Z", fit: 72, pm: 40, pmo: 70, lean: "pmo", role: "pmo-analyst" },
        ]}
        roleName={() => "PMO analyst"}
      />,
    );
    const rows = within(screen.getByRole("table", { name: "Score history (table)" })).getAllByRole("row");
    expect(within(rows[1]).getAllByRole("cell").map((c) => c.textContent)).toEqual(["10 Jan 2026", "—", "45", "60", "No recommendation (answers not reliable)"]);
  });
});

describe("CandidateTable without a recommendation", () => {
  it("says so instead of leaving the role empty", () => {
    render(
      <MemoryRouter>
        <CandidateTable rows={[{ ...rows[0], recommended_role: null, recommended_role_name: null }]} sort="fit" onSort={() => {}} caption="Candidates" />
      </MemoryRouter>,
    );
    expect(screen.getByTestId("candidate-row")).toHaveTextContent("No recommendation");
  });
});

describe("notes", () => {
  it("checks a note before sending", () => {
    expect(noteProblem("   ")).toBe("empty");
    expect(noteProblem("a".repeat(4001))).toBe("tooLong");
    expect(noteProblem(" ok ")).toBeNull();
  });

  it("lists notes newest first", () => {
    render(
      <NoteList
        notes={[
          { id: "1", body: "first", created_at: "2026-01-01T09:00:00Z" },
          { id: "2", body: "second", created_at: "2026-02-01T09:00:00Z" },
        ]}
      />,
    );
    const items = within(screen.getByTestId("note-list")).getAllByRole("listitem");
    expect(items.map((li) => li.querySelector(".note__body")?.textContent)).toEqual(["second", "first"]);
  });

  it("shows an empty state", () => {
    render(<NoteList notes={[]} />);
    expect(within(screen.getByTestId("note-list")).getByText("No notes yet.")).toBeInTheDocument();
  });

  it("refuses an empty note with the error beside the field and in a focused summary", async () => {
    const onAdd = vi.fn();
    render(<NoteForm onAdd={onAdd} />);
    await userEvent.click(screen.getByRole("button", { name: "Add note" }));
    expect(onAdd).not.toHaveBeenCalled();
    const field = screen.getByLabelText("New note");
    expect(field).toHaveAttribute("aria-invalid", "true");
    expect(field).toHaveAccessibleDescription(/Write the note first\./);
    expect(screen.getByRole("alert")).toHaveFocus();
  });

  it("sends the trimmed note and clears the field", async () => {
    const onAdd = vi.fn().mockResolvedValue(undefined);
    render(<NoteForm onAdd={onAdd} />);
    await userEvent.type(screen.getByLabelText("New note"), "  Talked about PMP.  ");
    await userEvent.click(screen.getByRole("button", { name: "Add note" }));
    expect(onAdd).toHaveBeenCalledWith("Talked about PMP.");
    expect(screen.getByLabelText("New note")).toHaveValue("");
    expect(screen.getByText("Note added.")).toBeInTheDocument();
  });

  it("puts a server field error beside the field", async () => {
    const onAdd = vi.fn().mockRejectedValue(new ApiError({ type: "x", title: "Unprocessable", status: 422, errors: [{ path: "$.body", message: "must be 1 to 4000 characters" }] }));
    render(<NoteForm onAdd={onAdd} />);
    await userEvent.type(screen.getByLabelText("New note"), "x");
    await userEvent.click(screen.getByRole("button", { name: "Add note" }));
    expect(screen.getByLabelText("New note")).toHaveAccessibleDescription(/4000 characters or fewer/);
    expect(screen.getByLabelText("New note")).toHaveValue("x");
  });
});

describe("CandidateOverview", () => {
  // Real GET /advisor/candidates/{id} responses captured from a running server.
  const detail = fixtureEn as CandidateDetail;
  const result = detail.latest_result!;
  const latest = latestAttempt(detail.attempts);
  const previous = previousAttempt(detail.attempts);
  const certName = (slug: string) => (slug === "npmo-pjm-a" ? "PJM-A" : slug);

  function show(r: Result | null, attempts = detail.attempts.length) {
    return render(
      <MemoryRouter>
        <CandidateOverview result={r} latest={attempts ? latest : undefined} previous={attempts ? previous : undefined} attempts={attempts} certName={certName} />
      </MemoryRouter>,
    );
  }

  it("shows the three best-fitting roles as meters, each with the server's why sentences", () => {
    show(result);
    const fits = screen.getAllByTestId("role-fit");
    expect(fits).toHaveLength(3);
    const top = result.roles.slice(0, 3);
    fits.forEach((el, i) => {
      expect(within(el).getByRole("heading", { level: 3 })).toHaveTextContent(top[i].name);
      expect(within(el).getByRole("meter", { name: `Fit with ${top[i].name}: ${top[i].fit}` })).toHaveAttribute("aria-valuenow", String(top[i].fit));
      const items = within(el).getAllByRole("listitem");
      expect(items).toHaveLength(top[i].why.length);
      items.forEach((li, j) => expect(li).toHaveTextContent(top[i].why[j]));
    });
    // Strengths and gaps are told apart in words as well as by the icon.
    const first = within(fits[0]).getAllByRole("listitem");
    expect(first[0]).toHaveTextContent(/^✓Strength: Your Documentation score of 73/);
    expect(first[3]).toHaveTextContent(/^!Gap: Your Accuracy score of 58 is below what this role asks for/);
    expect(within(fits[0]).getByText("Recommended")).toBeInTheDocument();
    expect(within(fits[1]).queryByText("Recommended")).toBeNull();
    // The fourth role is left out.
    expect(screen.queryByRole("heading", { name: result.roles[3].name })).toBeNull();
  });

  it("shows the lean, the fit and its change, and the quality warning", () => {
    show(result);
    const summary = screen.getByTestId("latest-summary");
    expect(within(summary).getByTestId("recommended-role")).toHaveTextContent("PMO administrator");
    expect(within(summary).getByRole("link", { name: "See this role’s roadmap" })).toHaveAttribute("href", "/roles/pmo-administrator");
    expect(within(summary).getByTestId("lean")).toHaveTextContent("PMO lean");
    expect(within(summary).getByRole("meter", { name: "PMO orientation 67" })).toHaveAttribute("aria-valuenow", "67");
    expect(within(summary).getByRole("meter", { name: "PM orientation 47" })).toBeInTheDocument();
    expect(summary.querySelector(".latest__fit-value")).toHaveTextContent("67 / 100");
    // 73 at the second attempt, 67 now.
    expect(within(summary).getByText(/−6/)).toBeInTheDocument();
    expect(within(summary).getByText("down")).toBeInTheDocument();
    expect(within(summary).getByText("3 attempts")).toBeInTheDocument();
    expect(within(screen.getByTestId("quality-flags")).getByText(/came very quickly/)).toBeInTheDocument();
  });

  it("shows the readiness level, the next step and the plan's gaps against their targets", () => {
    show(result);
    const card = screen.getByTestId("readiness");
    expect(within(card).getByTestId("readiness-level")).toHaveTextContent("Lead");
    expect(within(card).getByText("(stage 4 of 6)")).toBeInTheDocument();
    expect(within(card).getByTestId("readiness-next")).toHaveTextContent("Move into progress and issue tracking");
    expect(within(card).getByText(/Prove PMO-specific knowledge with PMO Specialist/)).toBeInTheDocument();
    expect(within(card).getByText("PJM-A")).toBeInTheDocument();
    expect(within(card).getByRole("heading", { name: "What to develop for “PMO administrator”" })).toBeInTheDocument();
    const gaps = within(screen.getByTestId("plan-gaps")).getAllByRole("listitem");
    expect(gaps).toHaveLength(result.plan.gaps.length);
    expect(gaps[0]).toHaveTextContent("Accuracy");
    expect(gaps[0]).toHaveTextContent("58 (target 90)");
    expect(within(gaps[0]).getByRole("meter", { name: "Accuracy: 58, target 90" })).toHaveAttribute("aria-valuenow", "58");
  });

  it("says so when there are no gaps, no held certifications and no quality flags", () => {
    show({ ...result, plan: { ...result.plan, gaps: [] }, readiness: { ...result.readiness, held_certifications: [] }, quality: { flags: [], reliable: true } });
    expect(screen.getByTestId("plan-gaps")).toHaveTextContent("No dimension falls short of what this role asks for.");
    expect(within(screen.getByTestId("readiness")).getByText("None")).toBeInTheDocument();
    expect(screen.queryByTestId("quality-flags")).toBeNull();
  });

  it("recommends nothing and targets no plan for a refused sheet", () => {
    const refused: Result = {
      ...result,
      recommended_role: null,
      quality: { flags: ["inconsistent_answers"], reliable: false },
      readiness: { ...result.readiness, next_step: "", next_step_id: "" },
      plan: { ...result.plan, target_role: null, target_role_name: null, gaps: [], steps: [], certifications: [] },
    };
    show(refused);
    const summary = screen.getByTestId("latest-summary");
    expect(within(summary).getByTestId("recommended-role")).toHaveTextContent("No recommendation");
    expect(within(summary).queryByRole("link", { name: "See this role’s roadmap" })).toBeNull();
    expect(summary.querySelector(".latest__fit-value")).toBeNull();
    expect(within(screen.getByTestId("quality-flags")).getByText(/Statements and their opposites were answered alike/)).toBeInTheDocument();
    expect(screen.getByTestId("plan-gaps")).toHaveTextContent("no target role and no plan");
    expect(screen.getByTestId("readiness-next")).toHaveTextContent("—");
    expect(screen.queryByText("Recommended")).toBeNull();
  });

  it("renders the server's Japanese wording in Japanese", async () => {
    const ja = (fixtureJa as CandidateDetail).latest_result!;
    await i18n.changeLanguage("ja");
    try {
      show(ja);
      const first = within(screen.getAllByTestId("role-fit")[0]);
      expect(first.getByRole("heading", { level: 3 })).toHaveTextContent("PMOアドミニストレータ");
      expect(first.getAllByRole("listitem")[0]).toHaveTextContent(ja.roles[0].why[0]);
      expect(first.getAllByRole("listitem")[0]).toHaveTextContent(/^✓強み：「ドキュメント作成」が73点と高く/);
      expect(screen.getByTestId("readiness-level")).toHaveTextContent("リード");
      expect(screen.getByTestId("readiness-next")).toHaveTextContent("進捗・課題管理へ広げる");
      expect(screen.getByText("（6段階中4段階目）")).toBeInTheDocument();
      expect(screen.getByText("3回")).toBeInTheDocument();
    } finally {
      await i18n.changeLanguage("en");
    }
  });

  it("explains a candidate without results instead of showing empty panels", () => {
    const none = fixtureNone as CandidateDetail;
    expect(none.latest_result).toBeNull();
    show(none.latest_result, none.attempts.length);
    expect(screen.getByTestId("no-result")).toHaveTextContent("No results yet");
    expect(screen.getByTestId("no-result")).toHaveTextContent("This candidate has no submitted results yet.");
    expect(screen.queryByTestId("role-fits")).toBeNull();
    expect(screen.queryByTestId("readiness")).toBeNull();
  });
});
