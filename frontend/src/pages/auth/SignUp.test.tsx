// The sign-up page against a stubbed fetch: client checks, server field
// errors beside the fields, and the claim plus redirect after success.
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter, Route, Routes, useLocation } from "react-router-dom";
import { assessmentTokens } from "../../api/assessmentTokens";
import { AuthProvider } from "../../auth/AuthContext";
import { setLang } from "../../i18n";
import SignUp from "./SignUp";

const user = { id: "u1", email: "aiko@example.com", display_name: "Aiko", role: "candidate", discoverable: false, created_at: "2026-01-01T00:00:00Z", latest_result: null };

function json(status: number, body: unknown) {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": status >= 400 ? "application/problem+json" : "application/json" } });
}

function Where() {
  const loc = useLocation();
  return <p data-testid="where">{loc.pathname + JSON.stringify(loc.state)}</p>;
}

function renderAt(state?: unknown) {
  return render(
    <MemoryRouter initialEntries={[{ pathname: "/signup", state }]}>
      <AuthProvider>
        <Routes>
          <Route path="/signup" element={<SignUp />} />
          <Route path="*" element={<Where />} />
        </Routes>
      </AuthProvider>
    </MemoryRouter>,
  );
}

describe("SignUp", () => {
  let calls: { url: string; init?: RequestInit }[];
  beforeEach(async () => {
    localStorage.clear();
    calls = [];
    await setLang("en");
  });
  afterEach(() => vi.unstubAllGlobals());

  function stub(handler: (url: string, init?: RequestInit) => Response) {
    vi.stubGlobal(
      "fetch",
      vi.fn(async (url: string, init?: RequestInit) => {
        calls.push({ url, init });
        return handler(url, init);
      }),
    );
  }

  it("checks the fields before calling the server and focuses the summary", async () => {
    stub(() => json(500, {}));
    renderAt();
    await userEvent.click(screen.getByRole("button", { name: "Create account" }));
    const summary = await screen.findByTestId("error-summary");
    expect(summary).toHaveFocus();
    expect(summary).toHaveTextContent("Display name: Enter a display name.");
    expect(screen.getByLabelText("E-mail address")).toHaveAttribute("aria-invalid", "true");
    expect(calls.filter((c) => c.url.includes("/auth/"))).toHaveLength(0);
  });

  it("shows the server's password policy message beside the password", async () => {
    stub((url) =>
      url.endsWith("/auth/register")
        ? json(422, {
            type: "urn:pmpath:problem:invalid",
            title: "Unprocessable Entity",
            status: 422,
            errors: [{ path: "$.password", message: "This password is one of the most common ones and easy to guess. Choose another, for example a few unrelated words." }],
          })
        : json(404, {}),
    );
    renderAt();
    await userEvent.type(screen.getByLabelText("Display name"), "Aiko");
    await userEvent.type(screen.getByLabelText("E-mail address"), "aiko@example.com");
    await userEvent.type(screen.getByLabelText("Password"), "password1234");
    await userEvent.click(screen.getByRole("button", { name: "Create account" }));
    const pw = screen.getByLabelText("Password");
    await waitFor(() => expect(pw).toHaveAttribute("aria-invalid", "true"));
    expect(pw).toHaveAccessibleDescription(expect.stringContaining("one of the most common ones"));
    expect(screen.getByTestId("error-summary")).toHaveFocus();
  });

  it("registers, claims this browser's assessments and goes to My page", async () => {
    assessmentTokens.put({ id: "a1", token: "t1", questionnaire: "pm-pmo-fit", created_at: "2026-01-01T00:00:00Z", submitted: true });
    stub((url, init) => {
      if (url.endsWith("/auth/register")) return json(201, { access_token: "at", token_type: "Bearer", expires_in: 900, refresh_token: "rt", refresh_expires_at: "2027-01-01T00:00:00Z", user });
      if (url.endsWith("/me/assessments") && init?.method === "POST") return json(200, { id: "a1", questionnaire: { slug: "pm-pmo-fit", version: 1 }, status: "submitted", created_at: "", submitted_at: "", recommended_role: "pmo-analyst", lean: "pmo", fit: 90 });
      if (url.endsWith("/api/v1/me")) return json(200, user);
      return json(404, { type: "x", title: "x", status: 404 });
    });
    renderAt({ from: "/signin" });
    expect(screen.getByTestId("signup-claim-note")).toHaveTextContent("You took 1 assessment on this device");
    await userEvent.type(screen.getByLabelText("Display name"), "Aiko");
    await userEvent.type(screen.getByLabelText("E-mail address"), "aiko@example.com");
    await userEvent.type(screen.getByLabelText("Password"), "correct-horse-battery-staple-42");
    await userEvent.click(screen.getByRole("button", { name: "Create account" }));
    expect(await screen.findByTestId("where")).toHaveTextContent('/me{"welcome":true,"claimed":1}');
    const claim = calls.find((c) => c.url.endsWith("/me/assessments"));
    expect(JSON.parse(String(claim?.init?.body))).toEqual({ assessment_id: "a1", token: "t1" });
    expect(assessmentTokens.all()).toEqual([]);
  });
});
