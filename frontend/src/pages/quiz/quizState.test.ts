import type { FormItem } from "../../api/types";
import {
  scrollTopFor,
  unansweredInStep,
  answerText,
  answeredCount,
  buildSteps,
  fieldErrorsByItem,
  firstIncompleteStep,
  isAnswered,
  itemNumbers,
  likertKey,
  mergeAnswers,
  missingItems,
  parseStep,
  requeue,
  resumeURL,
  retryDelay,
  stepOfItem,
  stepParam,
  toggleOption,
  tokenFromHash,
  withOptionOrder,
  withoutKeys,
} from "./quizState";

const likert = (id: string): FormItem => ({ id, type: "likert", required: true, text: `statement ${id}` });
const choice = (id: string): FormItem => ({ id, type: "choice", required: true, text: `scenario ${id}`, options: ["a", "b", "c", "d"].map((o) => ({ id: o, text: `option ${o}` })) });
const many: FormItem = {
  id: "e02",
  type: "experience",
  select: "many",
  required: true,
  text: "duties",
  options: [
    { id: "none", text: "None of these", exclusive: true },
    { id: "meetings", text: "Meetings" },
    { id: "tracking", text: "Tracking" },
    { id: "lead", text: "Leading" },
  ],
};
const one: FormItem = { id: "e01", type: "experience", select: "one", required: true, text: "years", options: [{ id: "y0", text: "<1" }, { id: "y1", text: "1-3" }] };

const items: FormItem[] = [...Array.from({ length: 12 }, (_, i) => likert(`q${String(i + 1).padStart(2, "0")}`)), choice("s01"), choice("s02"), one, many];
const scale = ["Not at all", "Not much", "Neither", "Somewhat", "Very much"];

describe("buildSteps", () => {
  it("groups Likert statements and gives other items their own step", () => {
    const steps = buildSteps(items, 5);
    expect(steps.map((s) => s.items.map((i) => i.id).join(","))).toEqual([
      "q01,q02,q03,q04,q05",
      "q06,q07,q08,q09,q10",
      "q11,q12",
      "s01",
      "s02",
      "e01",
      "e02",
    ]);
    expect(steps.map((s) => s.kind)).toEqual(["likert", "likert", "likert", "choice", "choice", "experience", "experience"]);
    expect(steps.map((s) => s.index)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it("starts a new Likert group after an interruption", () => {
    const steps = buildSteps([likert("a"), choice("s"), likert("b"), likert("c")], 5);
    expect(steps.map((s) => s.items.length)).toEqual([1, 1, 2]);
  });
});

describe("answers and progress", () => {
  it("recognises complete answers per item type", () => {
    expect(isAnswered(likert("q"), 3)).toBe(true);
    expect(isAnswered(likert("q"), 0)).toBe(false);
    expect(isAnswered(likert("q"), 6)).toBe(false);
    expect(isAnswered(likert("q"), "3")).toBe(false);
    expect(isAnswered(choice("s"), "b")).toBe(true);
    expect(isAnswered(choice("s"), "z")).toBe(false);
    expect(isAnswered(many, [])).toBe(false);
    expect(isAnswered(many, ["meetings"])).toBe(true);
    expect(isAnswered(one, undefined)).toBe(false);
  });

  it("counts answered items and lists missing ones in order", () => {
    const answers = { q01: 4, q03: 2, s01: "a", e02: [] as string[] };
    expect(answeredCount(items, answers)).toBe(3);
    const missing = missingItems(items, answers).map((i) => i.id);
    expect(missing[0]).toBe("q02");
    expect(missing).toContain("e02");
    expect(missing).not.toContain("q03");
    expect(missing).toHaveLength(items.length - 3);
  });

  it("resumes at the first step with an unanswered item, or the review", () => {
    const steps = buildSteps(items, 5);
    const firstFive = Object.fromEntries(["q01", "q02", "q03", "q04", "q05"].map((id) => [id, 3]));
    expect(firstIncompleteStep(steps, {})).toBe(0);
    expect(firstIncompleteStep(steps, firstFive)).toBe(1);
    const all = Object.fromEntries(items.map((it) => [it.id, it.type === "likert" ? 3 : it.id === "e02" ? ["meetings"] : it.options![0].id]));
    expect(firstIncompleteStep(steps, all)).toBe(steps.length);
    expect(stepOfItem(steps, "q12")).toBe(2);
    expect(stepOfItem(steps, "e02")).toBe(6);
  });

  it("numbers items in form order", () => {
    const n = itemNumbers(items);
    expect(n.q01).toBe(1);
    expect(n.s01).toBe(13);
    expect(n.e02).toBe(16);
  });
});

describe("toggleOption", () => {
  const opts = many.options!;
  it("adds options in the form's order", () => {
    expect(toggleOption(["lead"], opts[1], true, opts)).toEqual(["meetings", "lead"]);
  });
  it("makes the exclusive option clear the others, and be cleared by them", () => {
    expect(toggleOption(["meetings", "lead"], opts[0], true, opts)).toEqual(["none"]);
    expect(toggleOption(["none"], opts[2], true, opts)).toEqual(["tracking"]);
  });
  it("removes an unchecked option", () => {
    expect(toggleOption(["meetings", "tracking"], opts[1], false, opts)).toEqual(["tracking"]);
    expect(toggleOption(undefined, opts[1], false, opts)).toEqual([]);
  });
});

describe("answerText", () => {
  it("writes Likert answers with their number and label", () => {
    expect(answerText(likert("q"), 4, scale)).toBe("4. Somewhat");
  });
  it("writes options by their text, joined for multi-select", () => {
    expect(answerText(choice("s"), "c", scale)).toBe("option c");
    expect(answerText(many, ["meetings", "lead"], scale, ", ")).toBe("Meetings, Leading");
    expect(answerText(many, ["meetings", "lead"], scale)).toBe("Meetings、Leading");
  });
  it("is empty when unanswered", () => {
    expect(answerText(choice("s"), undefined, scale)).toBe("");
  });
});

describe("save queue helpers", () => {
  it("maps problem field paths to item ids", () => {
    expect(
      fieldErrorsByItem([
        { path: "$.answers.q01", message: "must be an integer from 1 to 5" },
        { path: "$.answers.e02", message: '"none" cannot be combined' },
        { path: "$.questionnaire", message: "unknown" },
      ]),
    ).toEqual({ q01: "must be an integer from 1 to 5", e02: '"none" cannot be combined' });
    expect(fieldErrorsByItem(undefined)).toEqual({});
  });

  it("lets unsaved local answers win over the server's copy", () => {
    expect(mergeAnswers({ q01: 1, q02: 2 }, { q02: 5, q03: 3 })).toEqual({ q01: 1, q02: 5, q03: 3 });
    // A null change (every box unticked) removes the saved answer.
    expect(mergeAnswers({ e02: ["lead"], q01: 1 }, { e02: null })).toEqual({ q01: 1 });
  });

  it("re-queues a failed batch under newer changes", () => {
    expect(requeue({ q01: 1, q02: 2 }, { q02: 4 })).toEqual({ q01: 1, q02: 4 });
    expect(withoutKeys({ q01: 1, q02: 2, q03: 3 }, ["q02"])).toEqual({ q01: 1, q03: 3 });
  });

  it("backs off between retries up to 30 seconds", () => {
    expect([1, 2, 3, 4].map(retryDelay)).toEqual([1000, 2000, 4000, 8000]);
    expect(retryDelay(20)).toBe(30000);
  });

  it("maps digit keys to Likert values", () => {
    expect(likertKey("1")).toBe(1);
    expect(likertKey("5")).toBe(5);
    expect(likertKey("6")).toBeNull();
    expect(likertKey("a")).toBeNull();
  });
});

describe("resume links and step parameters", () => {
  it("carries the token in the fragment and reads it back", () => {
    const url = resumeURL("https://pmpath.example", "abc-123", "tok/en+1");
    expect(url).toBe("https://pmpath.example/quiz/abc-123#t=tok%2Fen%2B1");
    expect(tokenFromHash(new URL(url).hash)).toBe("tok/en+1");
    expect(resumeURL("https://pmpath.example", "abc")).toBe("https://pmpath.example/quiz/abc");
    expect(tokenFromHash("")).toBeNull();
    expect(tokenFromHash("#x=1&t=abc")).toBe("abc");
  });

  it("parses ?step= as 1-based, with review after the last step", () => {
    expect(parseStep(null, 23)).toBeNull();
    expect(parseStep("1", 23)).toBe(0);
    expect(parseStep("23", 23)).toBe(22);
    expect(parseStep("24", 23)).toBeNull();
    expect(parseStep("0", 23)).toBeNull();
    expect(parseStep("x", 23)).toBeNull();
    expect(parseStep("review", 23)).toBe(23);
    expect(stepParam(0, 23)).toBe("1");
    expect(stepParam(23, 23)).toBe("review");
  });
});

describe("withOptionOrder", () => {
  it("shows each named item's options in the assessment's order", () => {
    const out = withOptionOrder(items, { s01: ["c", "a", "d", "b"], s02: ["b", "d", "a", "c"] });
    expect(out.find((i) => i.id === "s01")?.options?.map((o) => o.id)).toEqual(["c", "a", "d", "b"]);
    expect(out.find((i) => i.id === "s02")?.options?.map((o) => o.id)).toEqual(["b", "d", "a", "c"]);
    expect(out.find((i) => i.id === "s01")?.options?.[0].text).toBe("option c");
    // Items, their order and the rest of each item are untouched.
    expect(out.map((i) => i.id)).toEqual(items.map((i) => i.id));
    expect(out.find((i) => i.id === "e02")).toBe(many);
    expect(items.find((i) => i.id === "s01")?.options?.map((o) => o.id)).toEqual(["a", "b", "c", "d"]);
  });

  it("keeps the form's order without an order, and for items it does not name", () => {
    expect(withOptionOrder(items, null)).toBe(items);
    expect(withOptionOrder(items, undefined)).toBe(items);
    expect(withOptionOrder(items, { s02: ["d", "c", "b", "a"] }).find((i) => i.id === "s01")?.options?.map((o) => o.id)).toEqual(["a", "b", "c", "d"]);
  });

  it("skips ids the form does not have and keeps options the order leaves out, last", () => {
    const out = withOptionOrder(items, { s01: ["d", "x", "d", "b"] });
    expect(out.find((i) => i.id === "s01")?.options?.map((o) => o.id)).toEqual(["d", "b", "a", "c"]);
  });
});

describe("unansweredInStep and scrollTopFor", () => {
  it("lists a step's required questions still unanswered", () => {
    const items = [
      { id: "q1", type: "likert", required: true, text: "" },
      { id: "q2", type: "likert", required: true, text: "" },
      { id: "q3", type: "likert", required: false, text: "" },
    ] as FormItem[];
    const step = { index: 0, kind: "likert" as const, items };
    expect(unansweredInStep(step, { q1: 3 }).map((i) => i.id)).toEqual(["q2"]);
    expect(unansweredInStep(step, { q1: 3, q2: 1 })).toEqual([]);
  });

  it("puts an element just below the sticky header", () => {
    // 300 px down the viewport, page scrolled 1000, header 64 px tall: land at 1228.
    expect(scrollTopFor(300, 1000, 64)).toBe(1228);
    expect(scrollTopFor(-500, 1000, 120, 0)).toBe(380);
    expect(scrollTopFor(10, 0, 64)).toBe(0);
  });
});
