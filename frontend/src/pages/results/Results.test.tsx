// The results page against a stubbed API, for an anonymous visitor: what
// it says for each confidence level, for a refused sheet and for a result
// of the first scoring model; the role for now and whether each
// certification can be taken yet.
import { render, screen, within } from "@testing-library/react";
import { MemoryRouter, Route, Routes } from "react-router-dom";
import type { Assessment, Result } from "../../api/types";
import { tokens } from "../../api/client";
import { AuthProvider } from "../../auth/AuthContext";
import { setLang } from "../../i18n";
import { likelyResult, nowRoleResult, refusedResult, result, resultV2, tooCloseResult } from "./fixtures";
import Results from "./Results";

function json(status: number, body: unknown) {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
}

function assessment(r: Result): Assessment {
  return {
    id: "a1",
    questionnaire: { slug: "pm-pmo-fit", version: r.questionnaire_version },
    status: "submitted",
    answers: {},
    progress: { answered: 76, required: 76, missing: [] },
    created_at: "2026-05-01T00:00:00Z",
    updated_at: "2026-05-01T00:14:00Z",
    submitted_at: "2026-05-01T00:14:00Z",
    result: r,
    option_order: null,
  };
}

/** show renders /results/a1 with the API answering r, and returns the URLs the page asked for. */
async function show(r: Result) {
  const asked: string[] = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (url: string) => {
      asked.push(url);
      if (url === "/api/v1/assessments/a1") return json(200, assessment(r));
      if (url === "/api/v1/certifications") return json(200, { certifications: [] });
      if (url.startsWith("/api/v1/roles/")) return json(404, { type: "x", title: "Not Found", status: 404 });
      return json(404, { type: "x", title: "x", status: 404 });
    }),
  );
  render(
    <MemoryRouter initialEntries={["/results/a1"]}>
      <AuthProvider>
        <Routes>
          <Route path="/results/:id" element={<Results />} />
        </Routes>
      </AuthProvider>
    </MemoryRouter>,
  );
  await screen.findByTestId("role-fit");
  return asked;
}

describe("Results", () => {
  beforeEach(async () => {
    localStorage.clear();
    tokens.set(null);
    await setLang("en");
  });
  afterEach(() => vi.unstubAllGlobals());

  it("gives a refused sheet no role, no plan and no salary target, says why and offers a new assessment", async () => {
    const asked = await show(refusedResult);
    const box = screen.getByTestId("results-refused");
    expect(box).toHaveTextContent("Nearly every statement got the same answer");
    expect(box).toHaveTextContent("Statements and their opposites were answered alike");
    expect(box).toHaveTextContent("so we are giving no advice this time");
    expect(within(box).getByRole("link", { name: "Take the assessment again" })).toHaveAttribute("href", "/quiz");
    for (const gone of ["results-lean", "results-verdict", "salary-chart", "roadmap", "certifications", "radar-chart", "signup-cta"]) {
      expect(screen.queryByTestId(gone)).toBeNull();
    }
    expect(document.getElementById("plan")).toBeNull();
    expect(document.getElementById("salary")).toBeNull();
    expect(screen.getByTestId("refused-fits")).not.toHaveAttribute("open");
    expect(document.body).not.toHaveTextContent(/Recommended|Best-fitting role|Your plan/);
    // No role is fetched for a plan that does not exist.
    expect(asked.some((u) => u.startsWith("/api/v1/roles/"))).toBe(false);
  });

  it("names both roles of a too-close result and frames the plan as one of the two", async () => {
    await show(tooCloseResult);
    const v = screen.getByTestId("results-verdict");
    expect(within(v).getByRole("heading", { level: 3 })).toHaveTextContent("Project manager and Program manager are too close to call");
    expect(screen.queryByText("Best-fitting role")).toBeNull();
    expect(screen.getByRole("heading", { level: 2, name: "If you aim for Project manager: your plan" })).toBeInTheDocument();
    expect(document.getElementById("plan")).toHaveTextContent("A plan towards Project manager, one of your two closest roles. The path into Program manager is on that role’s page.");
    expect(screen.getByTestId("salary-chart")).toBeInTheDocument();
    expect(document.getElementById("roles")).toHaveTextContent("The range after each fit is where it probably lies");
  });

  it("calls a likely result likely, with the runner-up", async () => {
    await show(likelyResult);
    const v = screen.getByTestId("results-verdict");
    expect(v).toHaveTextContent("Likely best fit");
    expect(v).toHaveTextContent("The runner-up, Program manager, is 4 points behind");
    expect(screen.getByRole("heading", { level: 2, name: "Your plan towards Project manager" })).toBeInTheDocument();
  });

  it("names the best-fitting role of a clear result, with its interval", async () => {
    await show(resultV2);
    const v = screen.getByTestId("results-verdict");
    expect(v).toHaveTextContent("Best-fitting role");
    expect(v).toHaveTextContent("Fit 78 / 100 (74–82)");
    expect(screen.getByRole("heading", { level: 2, name: "Your plan towards Project manager" })).toBeInTheDocument();
  });

  it("shows a first-model result as before: its role, its flags as notes, no intervals", async () => {
    await show({ ...result, quality: { flags: ["too_fast"], reliable: false } });
    expect(screen.queryByTestId("results-refused")).toBeNull();
    expect(screen.getByTestId("results-verdict")).toHaveTextContent("Best-fitting role");
    expect(screen.getByTestId("results-verdict")).toHaveTextContent(/^Best-fitting roleProject manager PMFit 78 \/ 100$/);
    expect(screen.getByText(/You answered very quickly/)).toBeInTheDocument();
    expect(document.getElementById("roles")).not.toHaveTextContent("The range after each fit");
    expect(screen.getByRole("heading", { level: 2, name: "You across 4 aspects" })).toBeInTheDocument();
    expect(screen.getByTestId("salary-chart")).toBeInTheDocument();
  });

  it("says a refused sheet in Japanese", async () => {
    await setLang("ja");
    await show(refusedResult);
    const box = screen.getByTestId("results-refused");
    expect(within(box).getByRole("heading", { level: 2 })).toHaveTextContent("今回の回答からは、診断結果をお出しできません");
    expect(within(box).getByRole("link", { name: "新しく診断を受け直す" })).toHaveAttribute("href", "/quiz");
  });

  it("starts the plan at the role for now, with its pay beside the target's", async () => {
    await show(nowRoleResult);
    const now = screen.getByTestId("plan-now-role");
    expect(now).toHaveTextContent("Start as PM assistant");
    expect(now).toHaveTextContent("With your experience today you are ready for PM assistant. The plan builds from there towards Project manager.");
    expect(document.getElementById("plan")).toContainElement(now);
    const groups = [...screen.getByTestId("salary-chart").querySelectorAll<HTMLElement>(".salary__group")];
    expect(groups.map((g) => [g.dataset.kind, g.getAttribute("aria-label")])).toEqual([
      ["now", "PM assistant"],
      ["target", "Project manager"],
      ["next", "Program manager"],
    ]);
    expect(within(groups[0]).getByRole("heading", { level: 3 })).toHaveTextContent("PM assistant Start here");
    expect(groups[0]).toHaveTextContent("¥4M–¥5.5M");
    expect(document.getElementById("salary")).toHaveTextContent("Yearly pay for the role you are ready for now");
  });

  it("has no role for now when the person is ready for the target", async () => {
    await show(resultV2);
    expect(screen.queryByTestId("plan-now-role")).toBeNull();
    expect([...screen.getByTestId("salary-chart").querySelectorAll<HTMLElement>(".salary__group")].map((g) => g.dataset.kind)).toEqual(["target", "next"]);
  });

  it("keeps a too-close result's framing with a role for now", async () => {
    await show({ ...nowRoleResult, roles: tooCloseResult.roles, confidence: tooCloseResult.confidence });
    expect(within(screen.getByTestId("results-verdict")).getByRole("heading", { level: 3 })).toHaveTextContent("too close to call");
    expect(screen.getByRole("heading", { level: 2, name: "If you aim for Project manager: your plan" })).toBeInTheDocument();
    expect(screen.getByTestId("plan-now-role")).toHaveTextContent("Start as PM assistant");
  });

  it("says which certifications can be taken now and what the others still need, in the server's order", async () => {
    await show(nowRoleResult);
    const cards = within(screen.getByTestId("certifications")).getAllByTestId("cert");
    expect(cards.map((c) => [c.querySelector(".cert__abbr")?.textContent, c.dataset.eligible])).toEqual([
      ["CAPM", "true"],
      ["PMP", "false"],
    ]);
    expect(cards[0]).toHaveTextContent("You can sit it now");
    expect(cards[0]).not.toHaveTextContent("Not yet");
    expect(cards[1]).toHaveTextContent("Not yet");
    expect(cards[1]).not.toHaveTextContent("You can sit it now");
    expect(within(cards[1]).getAllByRole("listitem").map((li) => li.textContent)).toEqual([
      "36 months leading projects (with a degree; 60 without)",
      "35 hours of project management training",
    ]);
  });

  it("says the role for now and a certification not open yet in Japanese", async () => {
    await setLang("ja");
    await show(nowRoleResult);
    expect(screen.getByTestId("plan-now-role")).toHaveTextContent("まずは「PM assistant」から");
    const cards = within(screen.getByTestId("certifications")).getAllByTestId("cert");
    expect(cards[0]).toHaveTextContent("今すぐ受験できます");
    expect(cards[1]).toHaveTextContent("まだ受験できません");
    expect(cards[1]).toHaveTextContent("受験するには、次の条件を満たす必要があります");
  });
});
