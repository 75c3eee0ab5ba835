// The end-to-end suite. One pmpath process on a fresh SQLite file serves
// every test; each test opens its own browser context (its own storage), so
// tests do not see each other's sessions. Run with `make e2e`.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { axeCheck, saveText, screenshot, startBrowser, startServer, watchPage } from "./harness.mjs";
import { journeySteps } from "./steps.mjs";
import { verdictSteps } from "./verdicts.mjs";

const ADVISOR = { email: "advisor@example.com", name: "佐藤 美咲", password: "quiet-lantern-harbor-e2e-1" };
const RECRUITER = { email: "recruiter@example.com", name: "Recruiter One", password: "amber-meadow-compass-e2e-2" };
const ADMIN = { email: "admin@example.com", name: "Admin", password: "silver-orchard-violin-e2e-3" };

let server;
let browser;

/** newPage opens a fresh context at a given width and language. */
async function newPage({ width = 1280, lang = "ja-JP" } = {}) {
  const context = await browser.newContext({
    viewport: { width, height: width < 600 ? 844 : 900 },
    locale: lang,
    baseURL: server.base,
    deviceScaleFactor: 1,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const problems = watchPage(page);
  return { context, page, problems };
}

function assertClean(problems) {
  assert.deepEqual(problems, [], `the page reported problems:\n${problems.join("\n")}`);
}

async function assertAccessible(page, name) {
  const violations = await axeCheck(page);
  assert.deepEqual(violations, [], `${name}: axe found serious violations:\n${JSON.stringify(violations, null, 2)}`);
}

describe("pmpath in a browser", { concurrency: false }, () => {
  before(async () => {
    server = await startServer();
    await server.createUser(ADVISOR.email, "advisor", ADVISOR.name, ADVISOR.password);
    await server.createUser(RECRUITER.email, "recruiter", RECRUITER.name, RECRUITER.password);
    await server.createUser(ADMIN.email, "admin", ADMIN.name, ADMIN.password);
    browser = await startBrowser();
  });

  after(async () => {
    await browser?.close();
    if (server) {
      await saveText("server.log", server.log());
      await server.stop();
    }
  });

  const steps = () => journeySteps({ server, newPage, assertClean, assertAccessible, screenshot, ADVISOR, RECRUITER, ADMIN });

  test("the language switch persists across reloads and follows the browser first", async () => {
    const { context, page, problems } = await newPage({ lang: "en-US" });
    await page.goto("/");
    assert.equal(await page.getAttribute("html", "lang"), "en");
    await page.getByTestId("lang-switch").click();
    await page.waitForFunction(() => document.documentElement.lang === "ja");
    await page.reload();
    assert.equal(await page.getAttribute("html", "lang"), "ja");
    assert.ok(await page.getByRole("link", { name: "適性診断" }).first().isVisible());
    assertClean(problems);
    await context.close();
  });

  test("an unknown address shows a not-found page, not a blank one", async () => {
    const { context, page, problems } = await newPage();
    const res = await page.goto("/no/such/page");
    assert.equal(res.status(), 200);
    await page.getByRole("heading", { level: 1, name: "ページが見つかりません" }).waitFor();
    await assertAccessible(page, "404");
    assertClean(problems);
    await context.close();
  });

  test("anonymous quiz ends on results with the chart", async () => {
    await steps().anonymousQuiz();
  });

  test("sign up claims the anonymous result, then shares it with the advisor", async () => {
    await steps().signUpClaimShare();
  });

  test("the advisor finds the candidate, reads the history and leaves a note", async () => {
    await steps().advisorFindsCandidate();
  });

  test("every page passes axe-core with no serious violations, in both languages and on a phone", async () => {
    await steps().accessibilitySweep();
  });

  const verdicts = () => verdictSteps({ server, newPage, assertClean, assertAccessible, screenshot });

  test("a refused sheet gets no role, plan or salary target, says why and offers a new assessment", async () => {
    await verdicts().refusedSheet();
  });

  test("a too-close result names both roles instead of a winner", async () => {
    await verdicts().tooCloseSheet();
  });
});
