// The quiz against a stubbed API: a scenario's options appear in the
// assessment's own order, in the step and in the review, and in the form's
// order when the assessment has none. Moving on past unanswered questions
// asks first.
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
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

function draft(order: Record<string, string[]> | null, answers: Assessment["answers"] = { q01: 4, s01: "b" }): Assessment {
  return {
    id: "a1",
    questionnaire: { slug: "pm-pmo-fit", version: 2 },
    status: "draft",
    answers,
    progress: { answered: 2, required: 2, missing: [] },
    created_at: "2026-05-01T00:00:00Z",
    updated_at: "2026-05-01T00:01:00Z",
    submitted_at: null,
    result: null,
    option_order: order,
  };
}

async function show(order: Record<string, string[]> | null, step: string, answers?: Assessment["answers"], theForm: QuestionnaireForm = form) {
  vi.stubGlobal(
    "fetch",
    vi.fn(async (url: string) => {
      if (url === "/api/v1/assessments/a1") return json(200, draft(order, answers));
      if (url === "/api/v1/questionnaires/pm-pmo-fit") return json(200, theForm);
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

describe("Quiz moving on with unanswered questions", () => {
  const threeStatements: QuestionnaireForm = {
    ...form,
    items: [
      { id: "q01", type: "likert", required: true, text: "I like to decide." },
      { id: "q02", type: "likert", required: true, text: "I keep the plan up to date." },
      { id: "q03", type: "likert", required: true, text: "I chase open issues." },
      form.items[1],
    ],
  };
  const stepShown = () => document.querySelector(".quiz-step[data-step]")?.getAttribute("data-step");

  beforeEach(async () => {
    localStorage.clear();
    tokens.set(null);
    await setLang("en");
  });
  afterEach(() => vi.unstubAllGlobals());

  it("warns on Next, naming how many and which questions are unanswered, and stays on the step", async () => {
    const user = userEvent.setup();
    await show(null, "1", { q02: 3 }, threeStatements);
    await screen.findByText("I like to decide.");
    expect(screen.queryByTestId("quiz-skip-warning")).toBeNull();
    await user.click(screen.getByTestId("quiz-next"));
    const warning = await screen.findByRole("alert");
    expect(warning).toHaveAttribute("data-testid", "quiz-skip-warning");
    expect(warning).toHaveTextContent("2 questions on this step are unanswered (Q1, Q3). Go on without answering them?");
    expect(warning).toHaveAccessibleName(/2 questions on this step are unanswered/);
    await waitFor(() => expect(warning).toHaveFocus());
    expect(stepShown()).toBe("1");
  });

  it("goes back to the first unanswered question", async () => {
    const user = userEvent.setup();
    await show(null, "1", { q02: 3 }, threeStatements);
    await screen.findByText("I like to decide.");
    await user.click(screen.getByTestId("quiz-next"));
    await user.click(await screen.findByRole("button", { name: "Go back to them" }));
    expect(screen.queryByTestId("quiz-skip-warning")).toBeNull();
    expect(within(document.getElementById("q-q01")!).getAllByRole("radio")[0]).toHaveFocus();
    expect(stepShown()).toBe("1");
  });

  it("continues anyway when asked to", async () => {
    const user = userEvent.setup();
    await show(null, "1", { q02: 3 }, threeStatements);
    await screen.findByText("I like to decide.");
    await user.click(screen.getByTestId("quiz-next"));
    await user.click(await screen.findByRole("button", { name: "Continue anyway" }));
    await screen.findByText("A project is late. What do you do first?");
    expect(stepShown()).toBe("2");
    expect(screen.queryByTestId("quiz-skip-warning")).toBeNull();
  });

  it("warns on Enter in a question too, and drops the warning once the step is answered", async () => {
    const user = userEvent.setup();
    await show(null, "1", { q01: 4, q02: 3 }, threeStatements);
    await screen.findByText("I like to decide.");
    fireEvent.keyDown(within(document.getElementById("q-q01")!).getAllByRole("radio")[3], { key: "Enter" });
    expect(await screen.findByTestId("quiz-skip-warning")).toHaveTextContent("1 question on this step is unanswered (Q3). Go on without answering it?");
    expect(stepShown()).toBe("1");
    await user.click(within(document.getElementById("q-q03")!).getByRole("radio", { name: /Somewhat/ }));
    expect(screen.queryByTestId("quiz-skip-warning")).toBeNull();
    await user.click(screen.getByTestId("quiz-next"));
    await screen.findByText("A project is late. What do you do first?");
    expect(stepShown()).toBe("2");
  });

  it("moves on without a word when the step is answered", async () => {
    const user = userEvent.setup();
    await show(null, "1", { q01: 4, q02: 3, q03: 5 }, threeStatements);
    await screen.findByText("I like to decide.");
    await user.click(screen.getByTestId("quiz-next"));
    await screen.findByText("A project is late. What do you do first?");
    expect(screen.queryByTestId("quiz-skip-warning")).toBeNull();
  });

  it("shows the 1-5 key beside each point of the scale", async () => {
    await show(null, "1", {}, threeStatements);
    await screen.findByText("I like to decide.");
    const keys = [...document.getElementById("q-q01")!.querySelectorAll(".likert__key")].map((k) => k.textContent);
    expect(keys).toEqual(["1", "2", "3", "4", "5"]);
  });
});
