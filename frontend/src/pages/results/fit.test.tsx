import { render, screen, within } from "@testing-library/react";
import { MemoryRouter } from "react-router-dom";
import i18n from "../../i18n";
import { RefusedFits, RefusedNotice, RoleFitList, RoleVerdict } from "./fit";
import { likelyResult, refusedResult, result, resultV2, tooCloseResult } from "./fixtures";
import { verdict, type Verdict } from "./resultsLogic";

const wrap = (ui: React.ReactElement) => render(<MemoryRouter>{ui}</MemoryRouter>);
type Said = Exclude<Verdict, { kind: "refused" }>;
type Refused = Extract<Verdict, { kind: "refused" }>;

beforeEach(async () => {
  await i18n.changeLanguage("en");
});

function rows() {
  return within(screen.getByTestId("role-fit"))
    .getAllByRole("listitem")
    .filter((li) => li.hasAttribute("data-role"));
}

describe("RoleFitList", () => {
  it("lists each role of a first-model result with its fit, track and reasons, and no interval", () => {
    wrap(<RoleFitList roles={result.roles} verdict={verdict(result)} />);
    const items = rows();
    expect(items).toHaveLength(4);
    expect(items[0]).toHaveTextContent("Recommended");
    const meter = within(items[0]).getByRole("meter");
    expect(meter).toHaveAttribute("aria-valuenow", "78");
    expect(meter).not.toHaveAttribute("aria-valuetext");
    expect(items[0].querySelector(".role-fit__score")).toHaveTextContent(/^Fit 78$/);
    expect(items[0]).toHaveTextContent("Strength");
    expect(items[1]).toHaveTextContent("Gap");
    expect(items[2]).toHaveTextContent("No notable strengths");
    // beyond the top three the reasons fold away
    expect(within(items[3]).getByText("Show why")).toBeInTheDocument();
  });

  it("shows each fit's interval, in numbers, on the bar and in words", () => {
    const { container } = wrap(<RoleFitList roles={resultV2.roles} verdict={verdict(resultV2)} />);
    const first = rows()[0];
    const score = first.querySelector(".role-fit__score")!;
    expect(score.querySelector("[aria-hidden=true]")).toHaveTextContent("(74–82)");
    expect(score).toHaveTextContent("Fit 78(74–82), probably between 74 and 82");
    expect(within(first).getByRole("meter", { name: "Fit with Project manager: 78 out of 100" })).toHaveAttribute("aria-valuetext", "78, probably between 74 and 82");
    const band = container.querySelector<HTMLElement>(".fit-meter__range");
    expect(band?.style.left).toBe("74%");
    expect(band?.style.width).toBe("8%");
  });

  it("marks both roles of a too-close pair and neither as the winner", () => {
    wrap(<RoleFitList roles={tooCloseResult.roles} verdict={verdict(tooCloseResult)} />);
    const items = rows();
    expect(items[0]).toHaveTextContent("Too close to call");
    expect(items[1]).toHaveTextContent("Too close to call");
    expect(items[2]).not.toHaveTextContent("Too close to call");
    expect(screen.queryByText("Recommended")).toBeNull();
  });

  it("marks a likely fit as likely", () => {
    wrap(<RoleFitList roles={likelyResult.roles} verdict={verdict(likelyResult)} />);
    const items = rows();
    expect(items[0]).toHaveTextContent("Likely fit");
    expect(items[1]).not.toHaveTextContent("Likely fit");
    expect(screen.queryByText("Recommended")).toBeNull();
  });
});

describe("RoleVerdict", () => {
  it("names the best-fitting role of a clear result with its interval", () => {
    wrap(<RoleVerdict verdict={verdict(resultV2) as Said} />);
    const v = screen.getByTestId("results-verdict");
    expect(v).toHaveAttribute("data-level", "clear");
    expect(v).toHaveTextContent("Best-fitting role");
    expect(within(v).getByRole("link", { name: "Project manager" })).toHaveAttribute("href", "/roles/project-manager");
    expect(v).toHaveTextContent("Fit 78 / 100 (74–82)");
    expect(v).not.toHaveTextContent("runner-up");
  });

  it("words a first-model result as before", () => {
    wrap(<RoleVerdict verdict={verdict(result) as Said} />);
    const v = screen.getByTestId("results-verdict");
    expect(v).toHaveTextContent("Best-fitting role");
    expect(v).toHaveTextContent("Fit 78 / 100");
    expect(v).not.toHaveTextContent("(");
  });

  it("calls a likely fit likely and names the runner-up", () => {
    wrap(<RoleVerdict verdict={verdict(likelyResult) as Said} />);
    const v = screen.getByTestId("results-verdict");
    expect(v).toHaveAttribute("data-level", "likely");
    expect(v).toHaveTextContent("Likely best fit");
    expect(within(v).getByRole("link", { name: "Project manager" })).toBeInTheDocument();
    expect(v).toHaveTextContent("The runner-up, Program manager, is 4 points behind");
    expect(v).not.toHaveTextContent("Best-fitting role");
  });

  it("names both roles of a too-close pair as the headline, and links to both and to the comparison", () => {
    wrap(<RoleVerdict verdict={verdict(tooCloseResult) as Said} />);
    const v = screen.getByTestId("results-verdict");
    expect(within(v).getByRole("heading", { level: 3 })).toHaveTextContent("Project manager and Program manager are too close to call");
    expect(v).toHaveTextContent("Your answers fit both roles about equally well: they are 1 point apart");
    expect(v).toHaveTextContent("look at both roles’ pages");
    expect(v).toHaveTextContent("Best-fitting roles");
    expect(within(v).getByRole("link", { name: "See the work and roadmap of Project manager" })).toHaveAttribute("href", "/roles/project-manager");
    expect(within(v).getByRole("link", { name: "See the work and roadmap of Program manager" })).toHaveAttribute("href", "/roles/program-manager");
    expect(within(v).getByRole("link", { name: "Compare the two roles side by side" })).toHaveAttribute("href", "/compare?a=project-manager&b=program-manager");
    expect(v).not.toHaveTextContent(/Best-fitting role(?!s)|Likely/);
  });

  it("says it in natural Japanese", async () => {
    await i18n.changeLanguage("ja");
    const { unmount } = wrap(<RoleVerdict verdict={{ ...(verdict(tooCloseResult) as Said), first: { ...tooCloseResult.roles[0], name: "プロジェクトマネージャー" }, second: { slug: "program-manager", name: "プログラムマネージャー" } } as Said} />);
    expect(screen.getByRole("heading", { level: 3 })).toHaveTextContent("プロジェクトマネージャーとプログラムマネージャーが僅差です");
    expect(screen.getByTestId("results-verdict")).toHaveTextContent("どちらにもほぼ同じくらい当てはまりました");
    unmount();
    wrap(<RoleVerdict verdict={verdict(likelyResult) as Said} />);
    expect(screen.getByTestId("results-verdict")).toHaveTextContent("いちばん適合度が高いと考えられる役割");
    expect(screen.getByTestId("results-verdict")).toHaveTextContent("次点の「Program manager」とは4ポイント差です");
  });
});

describe("RefusedNotice", () => {
  it("explains each reason in plain words, gives no advice and offers a new assessment", () => {
    wrap(<RefusedNotice verdict={verdict(refusedResult) as Refused} />);
    const box = screen.getByTestId("results-refused");
    expect(within(box).getByRole("heading", { level: 2 })).toHaveTextContent("We can’t give you a result from these answers");
    const reasons = within(box).getAllByRole("listitem");
    expect(reasons).toHaveLength(2);
    expect(reasons[0]).toHaveTextContent("Nearly every statement got the same answer");
    expect(reasons[1]).toHaveTextContent("Statements and their opposites were answered alike");
    expect(box).toHaveTextContent("so we are giving no advice this time");
    expect(within(box).getByRole("link", { name: "Take the assessment again" })).toHaveAttribute("href", "/quiz");
  });

  it("words every flag once, the old name of the consistency flag too", () => {
    wrap(<RefusedNotice verdict={{ kind: "refused", flags: ["too_fast", "inconsistent_reverse_pairs", "inconsistent_answers"] }} />);
    const reasons = within(screen.getByTestId("results-refused")).getAllByRole("listitem");
    expect(reasons.map((r) => r.textContent)).toEqual(["Statements and their opposites were answered alike, so we can’t tell which of the two is closer to you.", "You answered faster than the statements can be read."]);
  });

  it("says it in Japanese", async () => {
    await i18n.changeLanguage("ja");
    wrap(<RefusedNotice verdict={{ kind: "refused", flags: ["straight_lining", "inconsistent_answers", "too_fast"] }} />);
    const box = screen.getByTestId("results-refused");
    expect(box).toHaveTextContent("今回の回答からは、診断結果をお出しできません");
    expect(box).toHaveTextContent("ほとんどすべての文に同じ答えを選んでいました");
    expect(box).toHaveTextContent("その反対のことを言う文に、同じような答えをしていました");
    expect(box).toHaveTextContent("文を読むのにかかる時間よりも速いペースで答えていました");
    expect(box).toHaveTextContent("アドバイスをお出ししていません");
    expect(within(box).getByRole("link", { name: "新しく診断を受け直す" })).toHaveAttribute("href", "/quiz");
  });
});

describe("RefusedFits", () => {
  it("keeps the fits folded, marked as not reliable, with no role singled out", () => {
    wrap(<RefusedFits roles={refusedResult.roles} verdict={verdict(refusedResult) as Refused} />);
    const box = screen.getByTestId("refused-fits");
    expect(box.tagName).toBe("DETAILS");
    expect(box).not.toHaveAttribute("open");
    expect(within(box).getByText("For reference: the fits these answers give (not reliable)").tagName).toBe("SUMMARY");
    expect(box).toHaveTextContent("cannot be relied on");
    expect(within(box).getByTestId("role-fit")).toHaveClass("role-fit--unreliable");
    expect(box).not.toHaveTextContent(/Recommended|Too close to call|Likely fit/);
  });
});
