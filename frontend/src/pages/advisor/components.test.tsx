import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter } from "react-router-dom";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { ApiError } from "../../api/client";
import i18n from "../../i18n";
import CandidateTable from "./CandidateTable";
import { FitReasons, LatestSummary } from "./CandidateParts";
import FilterForm, { parseMinFit } from "./FilterForm";
import HistoryChart from "./HistoryChart";
import type { Attempt } from "./history";
import { emptyFilters, type CandidateRow, type ListState } from "./listing";
import { NoteForm, NoteList, noteProblem } from "./Notes";
import Pager from "./Pager";

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
  const roles = [
    { slug: "project-manager", track: "pm" as const, level: { key: "lead", name: "Lead" }, name: "Project manager" },
    { slug: "pmo-analyst", track: "pmo" as const, level: { key: "lead", name: "Lead" }, name: "PMO analyst" },
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

describe("LatestSummary and FitReasons", () => {
  const latest: Attempt = {
    assessment_id: "a2",
    submitted_at: "2026-03-01T00:00:00Z",
    questionnaire_version: 1,
    recommended_role: "pmo-analyst",
    fit: 72,
    lean: "pmo",
    pm: 40,
    pmo: 70,
    quality_flags: ["too_fast"],
    dimensions: [],
  };

  it("shows the role, the fit with its change, the lean and quality warnings", () => {
    render(
      <MemoryRouter>
        <LatestSummary latest={latest} previous={{ ...latest, fit: 65 }} attempts={2} roleName="PMO analyst" />
      </MemoryRouter>,
    );
    expect(screen.getByText("PMO analyst")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "See this role’s roadmap" })).toHaveAttribute("href", "/roles/pmo-analyst");
    expect(screen.getByText("72")).toBeInTheDocument();
    expect(screen.getByText(/\+7/)).toBeInTheDocument();
    expect(screen.getByText("up")).toBeInTheDocument();
    expect(screen.getByText("PMO lean")).toBeInTheDocument();
    expect(screen.getByRole("meter", { name: "PMO orientation 70" })).toHaveAttribute("aria-valuenow", "70");
    expect(screen.getByText(/came very quickly/)).toBeInTheDocument();
    expect(screen.getByText("2 attempts")).toBeInTheDocument();
  });

  it("lists strengths and gaps, saying so when there are none", () => {
    render(<FitReasons roleName="PMO analyst" reasons={[{ kind: "strength", dimension: "analysis", name: "Analysis", weight: 5, score: 80, target: 90 }]} />);
    expect(screen.getByText("Analysis")).toBeInTheDocument();
    expect(screen.getByText("No large gaps for this role.")).toBeInTheDocument();
  });
});
