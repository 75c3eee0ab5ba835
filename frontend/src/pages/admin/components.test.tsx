import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { ApiError } from "../../api/client";
import type { User } from "../../api/types";
import i18n from "../../i18n";
import { tabOf } from "./Admin";
import { AuditTable } from "./AuditLog";
import CreateUser, { checkStaff, fieldOf } from "./CreateUser";
import { UploadForm, VersionTable } from "./Questionnaires";
import { AlphaBadge, StatsView } from "./Stats";

beforeAll(async () => {
  await i18n.changeLanguage("en");
});

const user = (over: Partial<User> = {}): User => ({
  id: "u9",
  email: "mika@example.com",
  display_name: "Mika",
  role: "advisor",
  discoverable: false,
  created_at: "2026-01-01T00:00:00Z",
  latest_result: null,
  ...over,
});

describe("CreateUser", () => {
  it("checks the form before sending", () => {
    expect(checkStaff({ email: "", display_name: "", role: "advisor" })).toEqual({ email: "required", display_name: "required" });
    expect(checkStaff({ email: "nope", display_name: "x".repeat(61), role: "advisor" })).toEqual({ email: "email", display_name: "tooLong" });
    expect(checkStaff({ email: "a@b.co", display_name: "A", role: "candidate" as never })).toEqual({ role: "required" });
    expect(checkStaff({ email: "a@b.co", display_name: "A", role: "recruiter" })).toEqual({});
  });

  it("maps problem paths to fields", () => {
    expect(fieldOf("$.email")).toBe("email");
    expect(fieldOf("/display_name")).toBe("display_name");
    expect(fieldOf("$.other")).toBeNull();
  });

  it("shows errors beside the fields and focuses the summary", async () => {
    const submit = vi.fn();
    render(<CreateUser submit={submit} />);
    await userEvent.click(screen.getByRole("button", { name: "Create account" }));
    expect(submit).not.toHaveBeenCalled();
    expect(screen.getByRole("alert")).toHaveFocus();
    expect(screen.getByLabelText("E-mail address")).toHaveAccessibleDescription("Enter an e-mail address.");
    expect(screen.getByLabelText("Display name")).toHaveAttribute("aria-invalid", "true");
  });

  it("sends the generated password with the account and shows it once", async () => {
    const submit = vi.fn().mockImplementation(async (b: { email: string; display_name: string; role: User["role"] }) => user({ email: b.email, display_name: b.display_name, role: b.role }));
    render(<CreateUser submit={submit} makePassword={() => "Abcde-Fghjk-Mnpqr-Stuvw"} />);
    await userEvent.type(screen.getByLabelText("E-mail address"), " mika@example.com ");
    await userEvent.type(screen.getByLabelText("Display name"), "Mika");
    await userEvent.selectOptions(screen.getByLabelText("Role"), "recruiter");
    await userEvent.click(screen.getByRole("button", { name: "Create account" }));
    expect(submit).toHaveBeenCalledWith({ email: "mika@example.com", display_name: "Mika", role: "recruiter", password: "Abcde-Fghjk-Mnpqr-Stuvw" });
    expect(screen.getByTestId("one-time-password")).toHaveTextContent("Abcde-Fghjk-Mnpqr-Stuvw");
    expect(screen.getByText("This password is shown only this once")).toBeInTheDocument();
    expect(screen.getByText("Recruiter")).toBeInTheDocument();
    // Leaving the confirmation forgets the password.
    await userEvent.click(screen.getByRole("button", { name: "Create another account" }));
    expect(screen.queryByTestId("one-time-password")).toBeNull();
    expect(screen.getByLabelText("E-mail address")).toHaveValue("");
  });

  it("copies the password", async () => {
    const user_ = userEvent.setup();
    const writeText = vi.spyOn(navigator.clipboard, "writeText");
    render(<CreateUser submit={async () => user()} makePassword={() => "Pw123-Pw123-Pw123-Pw123"} />);
    await user_.type(screen.getByLabelText("E-mail address"), "mika@example.com");
    await user_.type(screen.getByLabelText("Display name"), "Mika");
    await user_.click(screen.getByRole("button", { name: "Create account" }));
    await user_.click(screen.getByRole("button", { name: "Copy" }));
    expect(writeText).toHaveBeenCalledWith("Pw123-Pw123-Pw123-Pw123");
    expect(await screen.findByText("Password copied.")).toBeInTheDocument();
  });

  it("puts a taken e-mail beside the e-mail field", async () => {
    const submit = vi.fn().mockRejectedValue(new ApiError({ type: "urn:pmpath:problem:conflict", title: "Conflict", status: 409, detail: "an account with this e-mail already exists" }));
    render(<CreateUser submit={submit} />);
    await userEvent.type(screen.getByLabelText("E-mail address"), "mika@example.com");
    await userEvent.type(screen.getByLabelText("Display name"), "Mika");
    await userEvent.click(screen.getByRole("button", { name: "Create account" }));
    expect(screen.getByLabelText("E-mail address")).toHaveAccessibleDescription("An account with this e-mail address already exists.");
    expect(screen.queryByTestId("one-time-password")).toBeNull();
  });
});

describe("StatsView", () => {
  const stats = {
    slug: "pm-pmo-fit",
    version: 1,
    responses: 12,
    items: [{ id: "q01", dimension: "decision_making", reverse: false, n: 12, mean: 3.5, sd: 1.1 }],
    dimensions: [
      { dimension: "decision_making", items: 3, n: 12, alpha: 0.84 },
      { dimension: "communication", items: 3, n: 12, alpha: 0.3 },
      { dimension: "it_literacy", items: 3, n: 1, alpha: null },
    ],
  };

  it("shows n and alpha per dimension and flags those below 0.7 in words", () => {
    render(<StatsView stats={stats} />);
    const rows = within(screen.getByTestId("admin-stats")).getAllByTestId("stats-dimension");
    expect(rows).toHaveLength(3);
    expect(within(rows[0]).getByRole("rowheader")).toHaveTextContent("Decision making");
    expect(within(rows[0]).getByText("0.84")).toBeInTheDocument();
    expect(within(rows[0]).getByText("Good")).toBeInTheDocument();
    expect(within(rows[1]).getByText("Review (below 0.7)")).toBeInTheDocument();
    expect(rows[1]).toHaveClass("row--flagged");
    expect(within(rows[2]).getByText("Cannot be computed")).toBeInTheDocument();
    expect(screen.getByText(/Dimensions with alpha below 0.7: Communication/)).toBeInTheDocument();
    expect(screen.getByText("Reading alpha")).toBeInTheDocument();
    expect(screen.getByText(/Only 12 responses so far/)).toBeInTheDocument();
    expect(screen.getByText("3.50")).toBeInTheDocument();
  });

  it("says so when a version has no responses yet", () => {
    render(<StatsView stats={{ ...stats, version: 2, responses: 0, dimensions: stats.dimensions.map((d) => ({ ...d, n: 0, alpha: null })) }} />);
    expect(within(screen.getByTestId("admin-stats")).getByText(/Version 2 has no submitted responses yet/)).toBeInTheDocument();
    expect(screen.queryAllByTestId("stats-dimension")).toHaveLength(0);
  });

  it("has a badge for each level", () => {
    const { rerender } = render(<AlphaBadge alpha={0.75} />);
    expect(screen.getByText("Acceptable")).toBeInTheDocument();
    rerender(<AlphaBadge alpha={0.2} />);
    expect(screen.getByText(/Review/)).toHaveClass("badge--warn");
  });
});

describe("questionnaires", () => {
  it("marks the current version", () => {
    render(
      <VersionTable
        versions={[
          { slug: "pm-pmo-fit", version: 1, title: "Fit", description: "", minutes: 12, items: 59 },
          { slug: "pm-pmo-fit", version: 2, title: "Fit", description: "", minutes: 12, items: 60 },
        ]}
      />,
    );
    const rows = within(screen.getByTestId("admin-questionnaires")).getAllByRole("row").slice(1);
    expect(within(rows[0]).getByText("v2")).toBeInTheDocument();
    expect(within(rows[0]).getByText("Current")).toBeInTheDocument();
    expect(within(rows[1]).getByText("Earlier")).toBeInTheDocument();
  });

  it("refuses an empty upload and publishes a pasted one", async () => {
    const submit = vi.fn().mockResolvedValue({ slug: "pm-pmo-fit", version: 2, title: "Fit", description: "", minutes: 12, items: 59 });
    const onUploaded = vi.fn();
    render(<UploadForm submit={submit} onUploaded={onUploaded} />);
    await userEvent.click(screen.getByRole("button", { name: "Publish this version" }));
    expect(submit).not.toHaveBeenCalled();
    expect(screen.getByLabelText("Definition")).toHaveAccessibleDescription(/Choose a definition file or paste its content\./);
    await userEvent.type(screen.getByLabelText("Definition"), "slug: pm-pmo-fit{enter}version: 2");
    await userEvent.click(screen.getByRole("button", { name: "Publish this version" }));
    expect(submit).toHaveBeenCalledWith("slug: pm-pmo-fit\nversion: 2");
    expect(onUploaded).toHaveBeenCalled();
    expect(screen.getByText("Published “Fit” version 2.")).toBeInTheDocument();
  });

  it("shows the server's list of problems", async () => {
    const submit = vi.fn().mockRejectedValue(new ApiError({ type: "x", title: "Unprocessable", status: 422, detail: "invalid data files:\n  upload: minutes: fails min=1" }));
    render(<UploadForm submit={submit} onUploaded={() => {}} />);
    await userEvent.type(screen.getByLabelText("Definition"), "slug: x");
    await userEvent.click(screen.getByRole("button", { name: "Publish this version" }));
    expect(screen.getByRole("region", { name: "Problems the server found" })).toHaveTextContent("upload: minutes: fails min=1");
  });

  it("reads a chosen file into the definition", async () => {
    render(<UploadForm submit={vi.fn()} onUploaded={() => {}} />);
    const file = new File(["slug: pm-pmo-fit\nversion: 3\n"], "v3.yaml", { type: "text/yaml" });
    await userEvent.upload(screen.getByLabelText("Definition file"), file);
    expect(await screen.findByText(/Loaded v3.yaml/)).toBeInTheDocument();
    expect(screen.getByLabelText("Definition")).toHaveValue("slug: pm-pmo-fit\nversion: 3\n");
  });
});

describe("audit and tabs", () => {
  it("words actions and roles", () => {
    render(
      <AuditTable
        entries={[{ id: 3, at: "2026-05-01T10:00:00Z", actor_id: "21b682b5-d649-4053-8154-43872d36cdcf", actor_role: "advisor", action: "advisor.view_candidate", subject_id: "a4460a75-f97b-48fa-96ec-89aeccf6efd9", detail: "", request_id: "r1" }]}
      />,
    );
    const row = screen.getByTestId("audit-row");
    expect(within(row).getByText("Viewed a candidate")).toBeInTheDocument();
    expect(within(row).getByText("Career advisor")).toBeInTheDocument();
    expect(within(row).getByText("a4460a75…")).toBeInTheDocument();
  });

  it("falls back to the first tab", () => {
    expect(tabOf("stats")).toBe("stats");
    expect(tabOf("bogus")).toBe("accounts");
    expect(tabOf(null)).toBe("accounts");
  });
});
