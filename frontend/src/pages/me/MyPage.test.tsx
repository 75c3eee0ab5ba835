// My page against a stubbed API: empty history, claiming this browser's
// anonymous result, and the roadmap's "no result yet" state.
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter } from "react-router-dom";
import { assessmentTokens } from "../../api/assessmentTokens";
import { tokens } from "../../api/client";
import { AuthProvider } from "../../auth/AuthContext";
import { setLang } from "../../i18n";
import MyPage from "./MyPage";

const user = { id: "u1", email: "aiko@example.com", display_name: "Aiko", role: "candidate", discoverable: false, created_at: "2026-01-01T00:00:00Z", latest_result: null };
const claimed = { id: "a1", questionnaire: { slug: "pm-pmo-fit", version: 1 }, status: "submitted", created_at: "2026-05-01T00:00:00Z", submitted_at: "2026-05-01T00:10:00Z", recommended_role: "pmo-manager", lean: "pmo", fit: 77 };

function json(status: number, body: unknown) {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
}

describe("MyPage", () => {
  beforeEach(async () => {
    localStorage.clear();
    await setLang("en");
    tokens.set({ access_token: "at", token_type: "Bearer", expires_in: 900, refresh_token: "rt", refresh_expires_at: "2027-01-01T00:00:00Z", user: user as never });
  });
  afterEach(() => vi.unstubAllGlobals());

  it("claims this browser's anonymous result and lists it", async () => {
    assessmentTokens.put({ id: "a1", token: "t1", questionnaire: "pm-pmo-fit", created_at: "2026-05-01T00:00:00Z", submitted: true });
    let owned: unknown[] = [];
    const posted: unknown[] = [];
    vi.stubGlobal(
      "fetch",
      vi.fn(async (url: string, init?: RequestInit) => {
        if (url === "/api/v1/me") return json(200, user);
        if (url === "/api/v1/me/assessments" && init?.method === "POST") {
          posted.push(JSON.parse(String(init.body)));
          owned = [claimed];
          return json(200, claimed);
        }
        if (url === "/api/v1/me/assessments") return json(200, { assessments: owned });
        if (url === "/api/v1/roles") return json(200, { roles: [{ slug: "pmo-manager", track: "pmo", level: { key: "manager", name: "Manager" }, name: "PMO manager", summary: "", certifications: [], salary_ranges: [] }] });
        if (url === "/api/v1/me/roadmap") return json(404, { type: "urn:pmpath:problem:not-found", title: "Not Found", status: 404 });
        if (url === "/api/v1/me/shares") return json(200, { shares: [] });
        return json(404, { type: "x", title: "x", status: 404 });
      }),
    );
    render(
      <MemoryRouter>
        <AuthProvider>
          <MyPage />
        </AuthProvider>
      </MemoryRouter>,
    );
    expect(await screen.findByTestId("my-assessments")).toHaveAttribute("data-empty", "true");
    expect(screen.getByText(/Take the assessment and the roadmap/)).toBeInTheDocument();
    expect(screen.getByText("You are not sharing with anyone.")).toBeInTheDocument();

    await userEvent.click(screen.getByTestId("claim-button"));
    await waitFor(() => expect(screen.getAllByTestId("my-assessment")).toHaveLength(1));
    expect(posted).toEqual([{ assessment_id: "a1", token: "t1" }]);
    expect(within(screen.getByTestId("my-assessments")).getByText("PMO manager")).toBeInTheDocument();
    expect(screen.getByRole("status")).toHaveTextContent("1 assessment from this device is now in your account.");
    expect(screen.queryByTestId("claim-button")).not.toBeInTheDocument();
    expect(assessmentTokens.all()).toEqual([]);
  });

  it("names no role when the latest answers were not reliable", async () => {
    const refused = { ...user, latest_result: { assessment_id: "a2", recommended_role: null, lean: "balanced", fit: 70, submitted_at: "2026-05-01T00:10:00Z" } };
    tokens.set({ access_token: "at", token_type: "Bearer", expires_in: 900, refresh_token: "rt", refresh_expires_at: "2027-01-01T00:00:00Z", user: refused as never });
    vi.stubGlobal(
      "fetch",
      vi.fn(async (url: string) => {
        if (url === "/api/v1/me") return json(200, refused);
        if (url === "/api/v1/me/assessments") return json(200, { assessments: [{ ...claimed, id: "a2", recommended_role: null, lean: "balanced" }] });
        if (url === "/api/v1/roles") return json(200, { roles: [] });
        if (url === "/api/v1/me/roadmap") return json(404, { type: "urn:pmpath:problem:not-found", title: "Not Found", status: 404 });
        if (url === "/api/v1/me/shares") return json(200, { shares: [] });
        return json(404, { type: "x", title: "x", status: 404 });
      }),
    );
    render(
      <MemoryRouter>
        <AuthProvider>
          <MyPage />
        </AuthProvider>
      </MemoryRouter>,
    );
    const latest = (await screen.findByText("Best-fitting role in your latest assessment")).closest("section")!;
    expect(latest).toHaveTextContent("No recommendation");
    expect(latest).toHaveTextContent("Please take the assessment again.");
    expect(latest).not.toHaveTextContent("Fit 70");
    expect(within(latest).getByRole("link", { name: "See results and plan" })).toHaveAttribute("href", "/results/a2");
  });
});
