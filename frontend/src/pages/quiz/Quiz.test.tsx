// The quiz against a stubbed API: a scenario's options appear in the
// assessment's own order, in the step and in the review, and in the form's
// order when the assessment has none.
import { render, screen, within } from "@testing-library/react";
import { MemoryRouter, Route, Routes } from "react-router-dom";
import type { Assessment, QuestionnaireForm } from "../../api/types";
import { tokens } from "../../api/client";
import { AuthProvider } from "../../auth/AuthContext";
import { setLang } from "../../i18n";
import Quiz from "./Quiz";

function json(status: number, body: unknown) {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
}

const form: QuestionnaireForm = {
  slug: "pm-pmo-fit",
  version: 2,
  title: "PM/PMO fit",
  description: "",
  minutes: 14,
  scale: ["Not at all", "Not much", "Neither", "Somewhat", "Very much"],
  items: [
    { id: "q01", type: "likert", required: true, text: "I like to decide." },
    {
      id: "s01",
      type: "choice",
      required: true,
      text: "A project is late. What do you do first?",
      options: [
        { id: "a", text: "Decide on a recovery plan" },
        { id: "b", text: "Update the tracking sheet" },
        { id: "c", text: "Analyse where the time went" },
        { id: "d", text: "Ask the PM what they need" },
      ],
    },
  ],
};

function draft(order: Record<string, string[]> | null): Assessment {
  return {
    id: "a1",
    questionnaire: { slug: "pm-pmo-fit", version: 2 },
    status: "draft",
    answers: { q01: 4, s01: "b" },
    progress: { answered: 2, required: 2, missing: [] },
    created_at: "2026-05-01T00:00:00Z",
    updated_at: "2026-05-01T00:01:00Z",
    submitted_at: null,
    result: null,
    option_order: order,
  };
}

async function show(order: Record<string, string[]> | null, step: string) {
  vi.stubGlobal(
    "fetch",
    vi.fn(async (url: string) => {
      if (url === "/api/v1/assessments/a1") return json(200, draft(order));
      if (url === "/api/v1/questionnaires/pm-pmo-fit") return json(200, form);
      return json(404, { type: "x", title: "x", status: 404 });
    }),
  );
  render(
    <MemoryRouter initialEntries={[`/quiz/a1?step=${step}`]}>
      <AuthProvider>
        <Routes>
          <Route path="/quiz/:id" element={<Quiz />} />
        </Routes>
      </AuthProvider>
    </MemoryRouter>,
  );
}

const optionTexts = () =>
  within(document.querySelector<HTMLElement>("fieldset[data-item=s01]")!)
    .getAllByRole("radio")
    .map((r) => r.closest("label")?.textContent);

describe("Quiz option order", () => {
  beforeEach(async () => {
    localStorage.clear();
    tokens.set(null);
    await setLang("en");
  });
  afterEach(() => vi.unstubAllGlobals());

  it("shows a scenario's options in the assessment's order, keeping the answer", async () => {
    await show({ s01: ["c", "a", "d", "b"] }, "2");
    await screen.findByText("A project is late. What do you do first?");
    expect(optionTexts()).toEqual(["Analyse where the time went", "Decide on a recovery plan", "Ask the PM what they need", "Update the tracking sheet"]);
    expect(screen.getByRole("radio", { name: "Update the tracking sheet" })).toBeChecked();
  });

  it("falls back to the form's order when the assessment has none", async () => {
    await show(null, "2");
    await screen.findByText("A project is late. What do you do first?");
    expect(optionTexts()).toEqual(["Decide on a recovery plan", "Update the tracking sheet", "Analyse where the time went", "Ask the PM what they need"]);
  });

  it("names the chosen option in the review", async () => {
    await show({ s01: ["c", "a", "d", "b"] }, "review");
    expect(await screen.findByTestId("quiz-review")).toHaveTextContent("Update the tracking sheet");
  });
});
