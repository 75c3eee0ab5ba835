// The journeys of the end-to-end suite, one function per test. State that
// one journey hands to the next (the candidate's browser, their result id)
// lives in `shared`.
import assert from "node:assert/strict";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { artifacts } from "./harness.mjs";
import { fullAnswers, login, PASSWORD, seedCandidates } from "./seed.mjs";

const CANDIDATE = { name: "田中 葵", email: "aoi.tanaka@example.com" };
const shared = {};

/** waitSettled waits until the page has its heading and no loading state. */
async function waitSettled(page) {
  await page.locator("h1").first().waitFor();
  await page.waitForLoadState("networkidle");
  await page.waitForFunction(() => !document.querySelector(".loading, [aria-busy='true']"));
}

/**
 * answerStep answers every question the current quiz step shows as the
 * person of `sheet` would, by item id: the page's own fieldsets name the
 * items, and options are found by id, whatever order the page shows them
 * in. A sheet of one answer throughout would be refused by the scoring.
 */
async function answerStep(page, sheet) {
  const fieldsets = page.locator("fieldset[data-item]");
  const n = await fieldsets.count();
  for (let i = 0; i < n; i++) {
    const fs = fieldsets.nth(i);
    const id = await fs.getAttribute("data-item");
    const answer = sheet[id];
    assert.ok(answer !== undefined, `the example sheet does not answer item ${id} of the questionnaire the page shows`);
    if (typeof answer === "number") {
      await fs.locator(`label.likert__opt--${answer}`).click();
      continue;
    }
    for (const option of [answer].flat()) {
      await fs.locator("label.option").filter({ has: page.locator(`input[value="${option}"]`) }).click();
    }
  }
}

// The shortest time per answer the scoring believes (minSecondsPerAnswer in
// internal/scoring/quality.go): pmpath times a sheet from its draft's
// creation to its submission and refuses one answered faster.
const MIN_SECONDS_PER_ANSWER = 1.5;

export function journeySteps({ server, newPage, assertClean, assertAccessible, screenshot, ADVISOR, RECRUITER, ADMIN }) {
  return {
    /** A visitor takes the whole quiz in the browser, keyboard and mouse, and sees the chart. */
    async anonymousQuiz() {
      // The visitor answers as the PMO analyst of the documented example.
      const sheet = await fullAnswers();
      const { context, page, problems } = await newPage();
      await page.goto("/");
      await page.getByTestId("landing-start").first().click();
      await page.waitForURL("**/quiz");
      await page.getByTestId("quiz-start").click();
      await page.waitForURL(/\/quiz\/[^/?]+/);
      const started = Date.now(); // the draft exists from here on
      await page.getByTestId("quiz-progress").waitFor();

      let reloaded = false;
      for (let step = 0; step < 40; step++) {
        if (await page.getByTestId("quiz-review").isVisible()) break;
        const before = await page.locator(".quiz-step[data-step]").getAttribute("data-step");
        await answerStep(page, sheet);
        if (step === 3 && !reloaded) {
          // Autosave: wait for "saved", reload, and find the answers kept.
          await page.waitForFunction(() => document.querySelector("[data-testid=autosave-status]")?.getAttribute("data-state") === "saved");
          const progress = await page.getByTestId("quiz-progress").getAttribute("aria-valuenow");
          await page.reload();
          await page.getByTestId("quiz-progress").waitFor();
          assert.equal(await page.getByTestId("quiz-progress").getAttribute("aria-valuenow"), progress, "answers survive a reload");
          reloaded = true;
        }
        await page.getByTestId("quiz-next").click();
        await page.waitForFunction(
          (prev) => document.querySelector("[data-testid=quiz-review]") || document.querySelector(".quiz-step[data-step]")?.getAttribute("data-step") !== prev,
          before,
        );
      }
      await page.getByTestId("quiz-review").waitFor();
      const valuetext = await page.getByTestId("quiz-progress").getAttribute("aria-valuetext");
      assert.match(valuetext ?? "", /^(\d+) \/ \1$/, `every question answered, progress says ${valuetext}`);
      assert.equal(await page.locator(".review-item--missing").count(), 0);
      await assertAccessible(page, "quiz review");
      // A person reads every statement: submit no sooner than the scoring
      // believes anyone can (a few seconds to spare), or the sheet is refused.
      const total = Number(/\/ (\d+)$/.exec(valuetext ?? "")?.[1]);
      const early = started + total * MIN_SECONDS_PER_ANSWER * 1000 + 5_000 - Date.now();
      if (early > 0) await page.waitForTimeout(early);
      await page.getByTestId("quiz-submit").click();
      await page.waitForURL(/\/results\/[^/?#]+/);
      await page.getByTestId("results-lean").waitFor();
      shared.resultId = new URL(page.url()).pathname.split("/").pop();

      // Scored as the person she is, not refused as careless.
      const held = await page.evaluate(() => JSON.parse(localStorage.getItem("pmpath.assessments") ?? "[]"));
      const token = held.find((a) => a.id === shared.resultId)?.token;
      assert.ok(token, "the browser keeps the anonymous result's token");
      const res = await fetch(`${server.base}/api/v1/assessments/${shared.resultId}`, { headers: { "X-Assessment-Token": token } });
      const { result } = await res.json();
      assert.equal(result?.quality?.reliable, true, `the sheet was refused: ${JSON.stringify(result?.quality)}`);
      assert.equal(result.recommended_role, "pmo-analyst", "the example PMO analyst is recommended her role");

      // The radar chart is drawn: an SVG polygon per series.
      const radar = page.getByTestId("radar-chart");
      await radar.locator("svg .recharts-polar-grid, svg polygon, svg path").first().waitFor();
      assert.ok((await radar.locator("svg").count()) > 0, "the radar chart has an SVG");
      assert.ok((await page.getByTestId("role-fit").count()) > 0, "role fits are listed");
      await page.getByTestId("salary-chart").waitFor();
      await waitSettled(page);
      await screenshot(page, "results-ja-desktop");
      await assertAccessible(page, "results");

      // The printable report: A4 PDF from the print stylesheet.
      await page.emulateMedia({ media: "print" });
      const pdf = await page.pdf({ format: "A4", printBackground: true });
      await writeFile(path.join(artifacts, "results-report.pdf"), pdf);
      assert.ok(pdf.length > 10_000, "the report PDF has content");
      assert.equal(await page.locator(".site-header").isVisible(), false, "no navigation in print");
      await page.emulateMedia({ media: "screen" });

      // The same result on a phone.
      await page.setViewportSize({ width: 390, height: 844 });
      await waitSettled(page);
      await screenshot(page, "results-ja-phone");
      await page.setViewportSize({ width: 1280, height: 900 });

      assertClean(problems);
      shared.candidate = { context, page, problems };
    },

    /** The visitor signs up; the anonymous result moves to the account; they share it. */
    async signUpClaimShare() {
      assert.ok(shared.candidate, "needs the anonymous quiz first");
      const { page, problems } = shared.candidate;
      await page.getByTestId("signup-cta").click();
      await page.waitForURL("**/signup");
      const form = page.getByTestId("signup-form");
      await form.getByLabel("表示名").fill(CANDIDATE.name);
      await form.getByLabel("メールアドレス").fill(CANDIDATE.email);
      await form.getByLabel("パスワード", { exact: true }).fill("short");
      await form.locator("button[type=submit]").click();
      await page.getByTestId("error-summary").waitFor();
      assert.equal(await page.evaluate(() => document.activeElement?.closest("[data-testid=error-summary]") !== null), true, "the error summary takes focus");
      await form.getByLabel("パスワード", { exact: true }).fill(PASSWORD);
      await form.locator("button[type=submit]").click();
      await page.waitForURL("**/me");
      await page.getByTestId("my-assessments").waitFor();
      await page.getByTestId("my-assessment").first().waitFor();
      assert.equal(await page.getByTestId("my-assessment").count(), 1, "the anonymous result was claimed");
      const stored = await page.evaluate(() => localStorage.getItem("pmpath.assessments"));
      assert.ok(!stored || !stored.includes(shared.resultId), "the claimed token is forgotten");

      await page.goto(`/results/${shared.resultId}`);
      const share = page.getByTestId("share-form");
      await share.locator("input[type=email]").fill(ADVISOR.email);
      await share.locator("button[type=submit]").click();
      await page.getByText(ADVISOR.name).first().waitFor();

      await page.goto("/me/privacy");
      await page.getByTestId("discoverable-toggle").check();
      await page.getByText("人材プールに公開しました").waitFor();
      await waitSettled(page);
      await assertAccessible(page, "privacy");
      await page.goto("/me");
      await waitSettled(page);
      await screenshot(page, "my-page-ja");
      assertClean(problems);
    },

    /** The advisor signs in, finds the candidate among others, reads the history and writes a note. */
    async advisorFindsCandidate() {
      await seedCandidates(server.base, ADVISOR.email);
      const { context, page, problems } = await newPage();
      await page.goto("/advisor");
      await page.waitForURL("**/signin");
      const form = page.getByTestId("signin-form");
      await form.getByLabel("メールアドレス").fill(ADVISOR.email);
      await form.getByLabel("パスワード", { exact: true }).fill(ADVISOR.password);
      await form.locator("button[type=submit]").click();
      await page.waitForURL("**/advisor");
      await page.getByTestId("candidate-table").waitFor();
      assert.ok((await page.getByTestId("candidate-row").count()) >= 10, "the seeded candidates and ours are listed");
      await waitSettled(page);
      await screenshot(page, "advisor-dashboard-ja");

      const search = page.getByTestId("candidate-filter").locator("input[type=search]");
      if ((await search.count()) > 0) {
        await search.fill("田中");
        await page.getByTestId("candidate-filter").locator("button[type=submit]").click();
        await page.waitForFunction(() => document.querySelectorAll("[data-testid=candidate-row]").length === 1);
      }
      await page.getByRole("link", { name: CANDIDATE.name }).click();
      await page.getByTestId("history-chart").waitFor();
      const notes = page.getByTestId("note-form");
      await notes.locator("textarea").fill("面談でPMO志向の理由を確認する。");
      await notes.locator("button[type=submit]").click();
      await page.getByTestId("note-list").getByText("面談でPMO志向の理由を確認する。").waitFor();
      await waitSettled(page);
      await screenshot(page, "advisor-candidate-ja");
      assertClean(problems);
      await context.close();

      // The same dashboard in English on a phone.
      const en = await newPage({ width: 390, lang: "en-US" });
      const s = await login(server.base, ADVISOR.email, ADVISOR.password);
      await en.page.addInitScript((session) => localStorage.setItem("pmpath.session", JSON.stringify(session)), s);
      await en.page.goto("/advisor");
      await en.page.getByTestId("candidate-table").waitFor();
      await waitSettled(en.page);
      await screenshot(en.page, "advisor-dashboard-en-phone");
      assertClean(en.problems);
      await en.context.close();
    },

    /** Every page, as the role that sees it, in both languages and at phone width. */
    async accessibilitySweep() {
      const sessions = {
        candidate: await login(server.base, CANDIDATE.email, PASSWORD),
        advisor: await login(server.base, ADVISOR.email, ADVISOR.password),
        recruiter: await login(server.base, RECRUITER.email, RECRUITER.password),
        admin: await login(server.base, ADMIN.email, ADMIN.password),
      };
      const advisorList = await (
        await fetch(`${server.base}/api/v1/advisor/candidates`, { headers: { Authorization: `Bearer ${sessions.advisor.access_token}` } })
      ).json();
      const someone = advisorList.candidates[0].id;
      const pages = [
        [null, "/"],
        [null, "/quiz"],
        [null, "/roles"],
        [null, "/roles/pmo-manager"],
        [null, "/compare?a=pmo-manager&b=project-manager"],
        [null, "/signin"],
        [null, "/signup"],
        [null, "/no-such-page"],
        ["candidate", "/me"],
        ["candidate", "/me/privacy"],
        ["candidate", `/results/${shared.resultId}`],
        ["advisor", "/advisor"],
        ["advisor", `/advisor/candidates/${someone}`],
        ["recruiter", "/talent"],
        ["admin", "/admin"],
        ["admin", "/admin?tab=questionnaires"],
        ["admin", "/admin?tab=stats"],
        ["admin", "/admin?tab=audit"],
      ];
      const failures = [];
      for (const [lang, width] of [["ja-JP", 1280], ["en-US", 1280], ["ja-JP", 390]]) {
        for (const [role, url] of pages) {
          const { context, page, problems } = await newPage({ width, lang });
          if (role) await page.addInitScript((session) => localStorage.setItem("pmpath.session", JSON.stringify(session)), sessions[role]);
          await page.goto(url);
          await waitSettled(page);
          try {
            await assertAccessible(page, `${url} (${lang}, ${width}px, ${role ?? "visitor"})`);
            // Nothing is wider than a phone screen: tables scroll inside their box.
            if (width < 600) {
              const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
              assert.ok(overflow <= 1, `${url} scrolls sideways by ${overflow}px at ${width}px`);
            }
            assertClean(problems);
          } catch (e) {
            failures.push(e.message);
          }
          await context.close();
        }
      }
      assert.deepEqual(failures, [], failures.join("\n\n"));
    },
  };
}
