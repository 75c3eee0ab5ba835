import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter } from "react-router-dom";
import type { MyAssessment, MyRoadmap } from "../../api/types";
import { setLang } from "../../i18n";
import { AssessmentList, ClaimPanel, ManualClaimForm, RoadmapProgress, ShareList, StaffReads } from "./parts";

const submitted: MyAssessment = { id: "s1", questionnaire: { slug: "pm-pmo-fit", version: 1 }, status: "submitted", created_at: "2026-03-01T09:00:00Z", submitted_at: "2026-03-02T09:00:00Z", recommended_role: "pmo-analyst", lean: "pmo", fit: 91 };
const draft: MyAssessment = { id: "d1", questionnaire: { slug: "pm-pmo-fit", version: 1 }, status: "draft", created_at: "2026-04-01T09:00:00Z", submitted_at: null, recommended_role: null, lean: null, fit: null };

describe("My page components", () => {
  beforeEach(async () => {
    await setLang("en");
  });

  it("AssessmentList links results and resumes drafts", () => {
    render(
      <MemoryRouter>
        <AssessmentList items={[draft, submitted]} roleNames={{ "pmo-analyst": "PMO analyst / expert" }} />
      </MemoryRouter>,
    );
    const rows = within(screen.getByTestId("my-assessments")).getAllByTestId("my-assessment");
    expect(rows[0]).toHaveAttribute("data-status", "draft");
    expect(within(rows[0]).getByRole("link", { name: /Continue/ })).toHaveAttribute("href", "/quiz/d1");
    expect(rows[0]).toHaveTextContent("In progress");
    expect(within(rows[1]).getByRole("link", { name: /View results/ })).toHaveAttribute("href", "/results/s1");
    expect(rows[1]).toHaveTextContent("PMO analyst / expert");
    expect(rows[1]).toHaveTextContent("Leans PMO");
    expect(within(rows[1]).getByRole("meter", { name: "Fit for PMO analyst / expert" })).toHaveAttribute("aria-valuenow", "91");
    expect(rows[1]).toHaveTextContent("2 Mar 2026");
  });

  it("AssessmentList says when a submitted assessment recommended no role", () => {
    render(
      <MemoryRouter>
        <AssessmentList items={[{ ...submitted, recommended_role: null, lean: "balanced" }]} roleNames={{}} />
      </MemoryRouter>,
    );
    const row = screen.getByTestId("my-assessment");
    expect(row).toHaveTextContent("No recommendation");
    expect(row).toHaveTextContent("not reliable");
    expect(row).not.toHaveTextContent("Not finished yet");
    expect(within(row).getByRole("link", { name: /View results/ })).toHaveAttribute("href", "/results/s1");
  });

  it("ClaimPanel appears only with something to claim and calls back", async () => {
    const onClaim = vi.fn();
    const { rerender } = render(<ClaimPanel local={[]} busy={false} onClaim={onClaim} />);
    expect(screen.queryByTestId("claim-button")).not.toBeInTheDocument();
    rerender(<ClaimPanel local={[{ id: "a", token: "t", questionnaire: "pm-pmo-fit", created_at: "2026-01-05T00:00:00Z", submitted: true }]} busy={false} onClaim={onClaim} />);
    await userEvent.click(screen.getByTestId("claim-button"));
    expect(onClaim).toHaveBeenCalledOnce();
    expect(screen.getByTestId("claim-button")).toHaveTextContent("Add 1 to my account");
  });

  it("ManualClaimForm asks for both fields and clears after success", async () => {
    const onSubmit = vi.fn(async () => true);
    render(<ManualClaimForm busy={false} onSubmit={onSubmit} />);
    await userEvent.click(screen.getByText(/Add an assessment taken on another device/));
    await userEvent.click(screen.getByRole("button", { name: "Add to my account" }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByLabelText("Assessment ID")).toHaveFocus();
    expect(screen.getByLabelText("Assessment ID")).toHaveAccessibleDescription("Enter the assessment ID.");
    await userEvent.type(screen.getByLabelText("Assessment ID"), " abc ");
    await userEvent.type(screen.getByLabelText("Token"), "tok");
    await userEvent.click(screen.getByRole("button", { name: "Add to my account" }));
    expect(onSubmit).toHaveBeenCalledWith("abc", "tok");
    expect(screen.getByLabelText("Token")).toHaveValue("");
  });

  it("RoadmapProgress summarizes and lets a step be marked", async () => {
    const roadmap: MyRoadmap = {
      role: "pmo-analyst",
      role_name: "PMO analyst",
      next_step_id: "s2",
      steps: [
        { id: "s1", stage: { key: "foundation", name: "Foundation" }, title: "Learn", detail: "", experience: "", months: 12, certifications: [], status: "done", updated_at: null },
        { id: "s2", stage: { key: "coordinator", name: "Coordinator" }, title: "Templates", detail: "", experience: "", months: 6, certifications: [], status: "pending", updated_at: null },
      ],
    };
    const onMark = vi.fn();
    render(
      <MemoryRouter>
        <RoadmapProgress roadmap={roadmap} onMark={onMark} />
      </MemoryRouter>,
    );
    const card = screen.getByTestId("roadmap-summary");
    expect(card).toHaveTextContent("50%");
    expect(card).toHaveTextContent("1 of 2 steps done");
    expect(card).toHaveTextContent("Next step");
    expect(card).toHaveTextContent("Templates");
    await userEvent.selectOptions(screen.getByLabelText(/Templates/), "learning");
    expect(onMark).toHaveBeenCalledWith("s2", "learning");
  });

  it("ShareList asks before it stops sharing", async () => {
    const onStop = vi.fn();
    const share = { advisor_id: "adv1", display_name: "Sato", shared_at: "2026-02-01T00:00:00Z" };
    render(<ShareList shares={[share]} onStop={onStop} />);
    await userEvent.click(screen.getByRole("button", { name: /Stop sharing/ }));
    expect(onStop).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole("button", { name: "Stop" }));
    expect(onStop).toHaveBeenCalledWith(share);
  });

  it("StaffReads words the audit trail and says when it is empty", () => {
    const { rerender } = render(<StaffReads reads={[]} />);
    expect(screen.getByText("No staff member has looked at your data yet.")).toBeInTheDocument();
    rerender(<StaffReads reads={[{ at: "2026-02-01T10:00:00Z", actor_role: "advisor", action: "advisor.view_candidate" }, { at: "2026-02-02T10:00:00Z", actor_role: "auditor", action: "future.thing" }]} />);
    const rows = within(screen.getByTestId("staff-reads")).getAllByRole("row");
    expect(rows[1]).toHaveTextContent("Career advisor");
    expect(rows[1]).toHaveTextContent("Viewed your results and history");
    expect(rows[2]).toHaveTextContent("auditor");
    expect(rows[2]).toHaveTextContent("future.thing");
  });
});
