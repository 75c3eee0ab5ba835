import { fireEvent, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter } from "react-router-dom";
import type { FormItem } from "../../api/types";
import i18n from "../../i18n";
import { LikertQuestion, OptionQuestion, ProgressBar, ResumePanel, ReviewList, SaveIndicator } from "./components";
import { ResumeCard } from "./QuizStart";

const scale = ["Not at all like me", "Not much like me", "Neither", "Somewhat like me", "Very much like me"];
const q: FormItem = { id: "q01", type: "likert", required: true, text: "I make the call when a deadline arrives." };
const duties: FormItem = {
  id: "e02",
  type: "experience",
  select: "many",
  required: true,
  text: "Select every duty you have held.",
  options: [
    { id: "none", text: "None of these", exclusive: true },
    { id: "meetings", text: "Running meetings" },
    { id: "tracking", text: "Tracking progress" },
  ],
};
const scenario: FormItem = { id: "s01", type: "choice", required: true, text: "The release is at risk.", options: [{ id: "a", text: "Decide myself" }, { id: "b", text: "Call the client" }] };

beforeEach(async () => {
  await i18n.changeLanguage("en");
});

describe("ProgressBar", () => {
  it("exposes answered / total as a progressbar", () => {
    render(<ProgressBar answered={12} total={59} step={2} stepCount={23} />);
    const bar = screen.getByRole("progressbar");
    expect(bar).toHaveAttribute("aria-valuenow", "12");
    expect(bar).toHaveAttribute("aria-valuemax", "59");
    expect(bar).toHaveAttribute("aria-valuetext", "12 / 59");
    expect(screen.getByText("Step 3 of 23")).toBeInTheDocument();
    expect(screen.getByText(/12 \/ 59/)).toBeInTheDocument();
  });

  it("reads in Japanese", async () => {
    await i18n.changeLanguage("ja");
    render(<ProgressBar answered={0} total={59} step={0} stepCount={23} />);
    expect(screen.getByText("ステップ 1 / 23")).toBeInTheDocument();
  });
});

describe("SaveIndicator", () => {
  it("announces the state in a live region and offers a retry when offline", async () => {
    const retry = vi.fn();
    const { rerender } = render(<SaveIndicator status="saving" savedAt={null} onRetry={retry} />);
    const live = screen.getByTestId("autosave-status");
    expect(live).toHaveAttribute("aria-live", "polite");
    expect(live).toHaveTextContent("Saving…");
    expect(screen.queryByRole("button")).not.toBeInTheDocument();
    rerender(<SaveIndicator status="offline" savedAt={null} onRetry={retry} />);
    expect(live).toHaveTextContent(/kept on this device/);
    await userEvent.click(screen.getByRole("button", { name: "Try now" }));
    expect(retry).toHaveBeenCalled();
  });
});

describe("LikertQuestion", () => {
  it("is a labelled radio group that reports the chosen value", async () => {
    const onChange = vi.fn();
    render(<LikertQuestion item={q} number={1} scale={scale} value={undefined} onChange={onChange} />);
    const group = screen.getByRole("group", { name: /I make the call/ });
    const radios = within(group).getAllByRole("radio");
    expect(radios).toHaveLength(5);
    await userEvent.click(screen.getByLabelText(/Somewhat like me/));
    expect(onChange).toHaveBeenCalledWith(4);
  });

  it("shows a field error at the question", () => {
    render(<LikertQuestion item={q} number={1} scale={scale} value={3} error="must be an integer from 1 to 5" onChange={() => {}} />);
    expect(screen.getByRole("alert")).toHaveTextContent("must be an integer from 1 to 5");
    expect(screen.getByRole("group")).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByLabelText(/Neither/)).toBeChecked();
  });
});

describe("OptionQuestion", () => {
  it("uses checkboxes for select-all items, with the exclusive option clearing the rest", () => {
    const onChange = vi.fn();
    render(<OptionQuestion item={duties} number={57} value={["meetings", "tracking"]} onChange={onChange} />);
    expect(screen.getAllByRole("checkbox")).toHaveLength(3);
    expect(screen.getByText(/can't be combined/)).toBeInTheDocument();
    fireEvent.click(screen.getByLabelText("None of these"));
    expect(onChange).toHaveBeenLastCalledWith(["none"]);
  });

  it("uses radios for scenarios", async () => {
    const onChange = vi.fn();
    render(<OptionQuestion item={scenario} number={46} value="a" onChange={onChange} />);
    expect(screen.getAllByRole("radio")).toHaveLength(2);
    expect(screen.getByLabelText("Decide myself")).toBeChecked();
    await userEvent.click(screen.getByLabelText("Call the client"));
    expect(onChange).toHaveBeenCalledWith("b");
  });
});

describe("ReviewList", () => {
  it("lists every answer with a change link and flags unanswered ones", () => {
    const items = [q, scenario, duties];
    render(
      <MemoryRouter>
        <ReviewList items={items} answers={{ q01: 5, s01: "b" }} scale={scale} numbers={{ q01: 1, s01: 46, e02: 57 }} stepOf={(id) => ({ q01: 0, s01: 9, e02: 20 })[id] ?? 0} errors={{}} />
      </MemoryRouter>,
    );
    expect(screen.getByText("5. Very much like me")).toBeInTheDocument();
    expect(screen.getByText("Call the client")).toBeInTheDocument();
    const missing = document.querySelector("[data-item=e02]")!;
    expect(missing).toHaveAttribute("data-answered", "false");
    expect(within(missing as HTMLElement).getByText("Unanswered")).toBeInTheDocument();
    const links = screen.getAllByRole("link");
    expect(links).toHaveLength(3);
    expect(links[0]).toHaveAttribute("href", "/?step=1&focus=q01");
    expect(links[2]).toHaveAccessibleName("Answer: Q57");
    expect(links[1]).toHaveAccessibleName("Change: Q46");
  });
});

describe("ResumePanel", () => {
  it("offers a copyable link for anonymous drafts", () => {
    render(
      <MemoryRouter>
        <ResumePanel url="https://x.test/quiz/1#t=abc" signedIn={false} anonymous />
      </MemoryRouter>,
    );
    expect(screen.getByLabelText("Resume link")).toHaveValue("https://x.test/quiz/1#t=abc");
    expect(screen.getByRole("button", { name: "Copy link" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Sign up free" })).toHaveAttribute("href", "/signup");
  });

  it("explains that a signed-in account resumes anywhere", () => {
    render(
      <MemoryRouter>
        <ResumePanel url="https://x.test/quiz/1" signedIn anonymous={false} />
      </MemoryRouter>,
    );
    expect(screen.queryByLabelText("Resume link")).not.toBeInTheDocument();
    expect(screen.getByText(/You're signed in/)).toBeInTheDocument();
  });
});

describe("ResumeCard", () => {
  it("links to the draft and shows how far it got", () => {
    render(
      <MemoryRouter>
        <ResumeCard draft={{ id: "d1", created_at: "2026-01-05T10:00:00Z", answered: 23, total: 59 }} />
      </MemoryRouter>,
    );
    expect(screen.getByTestId("quiz-resume")).toHaveAttribute("href", "/quiz/d1");
    expect(screen.getByRole("heading", { name: "You have an assessment in progress" })).toBeInTheDocument();
    expect(screen.getByText(/23 of 59 questions answered/)).toBeInTheDocument();
  });
});
