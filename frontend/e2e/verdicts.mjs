// Results the scoring will not stand behind as a single answer: a refused
// sheet (every statement answered 3) and a result whose two best roles are
// too close to call. Both are submitted through the API of the running
// server, then opened in the browser with the assessment's token in the
// address's fragment, as a results link carries it.
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const ARCHETYPES = path.join(here, "..", "..", "internal", "validity", "archetypes");

/**
 * Pairs of validity archetypes (consistent people of neighbouring roles)
 * between which a too-close sheet is looked for, in order.
 */
const PAIRS = [
  ["project-manager-a", "program-manager-a"],
  ["pmo-administrator-a", "pmo-analyst-a"],
  ["pmo-manager-a", "pmo-director-a"],
  ["program-manager-b", "portfolio-manager-b"],
];

/** The two views each result is checked in: Japanese on a desktop, English on a phone. */
const VIEWS = [
  { lang: "ja-JP", short: "ja", width: 1280 },
  { lang: "en-US", short: "en", width: 390 },
];

const TEXT = {
  ja: {
    refusedTitle: "今回の回答からは、診断結果をお出しできません",
    straightLining: "ほとんどすべての文に同じ答えを選んでいました",
    noAdvice: "アドバイスをお出ししていません",
    retake: "新しく診断を受け直す",
    close: (a, b) => `${a}と${b}が僅差です`,
  },
  en: {
    refusedTitle: "We can’t give you a result from these answers",
    straightLining: "Nearly every statement got the same answer",
    noAdvice: "we are giving no advice this time",
    retake: "Take the assessment again",
    close: (a, b) => `${a} and ${b} are too close to call`,
  },
};

/**
 * archetypeSheet reads the version 2 answers of an archetype file: its
 * `qNN: N`, `sNN: [first, second]` (the first choice is taken) and
 * `eNN: value` or `eNN: [a, b]` lines under `answers:` > `v2:`.
 */
export function archetypeSheet(text) {
  const sheet = {};
  let inV2 = false;
  for (const raw of text.split("\n")) {
    const line = raw.replace(/\s+#.*$/, "");
    if (/^ {2}v2:\s*$/.test(line)) {
      inV2 = true;
      continue;
    }
    if (!inV2) continue;
    if (/^ {0,2}\S/.test(line)) break;
    const m = line.match(/^\s+([qse]\d+):\s*(.+?)\s*$/);
    if (!m) continue;
    const [, id, value] = m;
    if (value.startsWith("[")) {
      const list = value
        .slice(1, -1)
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean);
      sheet[id] = id.startsWith("s") ? list[0] : list;
    } else {
      sheet[id] = id.startsWith("q") ? Number(value) : value;
    }
  }
  return sheet;
}

async function archetype(name) {
  const sheet = archetypeSheet(await readFile(path.join(ARCHETYPES, `${name}.yaml`), "utf8"));
  assert.ok(Object.keys(sheet).length > 60, `archetype ${name} has version 2 answers`);
  return sheet;
}

async function call(base, method, p, { body, headers = {} } = {}) {
  const res = await fetch(base + "/api/v1" + p, {
    method,
    headers: { "Content-Type": "application/json", "Accept-Language": "ja", ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${p}: ${res.status} ${text}`);
  return JSON.parse(text);
}

/** submit creates and scores an anonymous assessment in one request. */
function submit(base, answers) {
  return call(base, "POST", "/assessments", { body: { questionnaire: "pm-pmo-fit", answers, submit: true }, headers: { "Idempotency-Key": crypto.randomUUID() } });
}

/** refusedSheet answers every statement 3, and everything else as the form first offers. */
async function refusedSheet(base) {
  const form = await call(base, "GET", "/questionnaires/pm-pmo-fit");
  const answers = {};
  for (const item of form.items) {
    if (item.type === "likert") answers[item.id] = 3;
    else {
      const option = item.options.find((o) => !o.exclusive) ?? item.options[0];
      answers[item.id] = item.type === "experience" && item.select === "many" ? [option.id] : option.id;
    }
  }
  return answers;
}

/**
 * mix is the sheet a fraction t of the way from person a to person b:
 * statements answered in between, scenarios switching one by one, the
 * experience of whichever is nearer.
 */
function mix(a, b, t) {
  const out = {};
  const scenarios = Object.keys(a).filter((k) => k.startsWith("s"));
  for (const [k, v] of Object.entries(a)) {
    if (k.startsWith("q")) out[k] = Math.round((1 - t) * v + t * b[k]);
    else if (k.startsWith("s")) out[k] = t > (scenarios.indexOf(k) + 0.5) / scenarios.length ? b[k] : v;
    else out[k] = t < 0.5 ? v : b[k];
  }
  return out;
}

/** findTooClose submits sheets between consistent people until the scoring calls one too close. */
async function findTooClose(base) {
  let tries = 0;
  for (const [x, y] of PAIRS) {
    const [a, b] = [await archetype(x), await archetype(y)];
    // From the middle outwards: the closest sheets are near half way.
    for (let i = 0; i <= 20; i++) {
      for (const t of i === 0 ? [0.5] : [0.5 - i / 40, 0.5 + i / 40]) {
        tries++;
        const created = await submit(base, mix(a, b, t));
        const r = created.result;
        if (r.quality.reliable && r.recommended_role && r.confidence?.level === "too_close") return { created, tries };
      }
    }
  }
  throw new Error(`no too-close sheet among ${tries} sheets between ${PAIRS.map((p) => p.join("/")).join(", ")}`);
}

async function waitSettled(page) {
  await page.locator("h1").first().waitFor();
  await page.waitForLoadState("networkidle");
  await page.waitForFunction(() => !document.querySelector(".loading, [aria-busy='true']"));
}

export function verdictSteps({ server, newPage, assertClean, assertAccessible, screenshot }) {
  /** open shows a result in one view and checks what every view must: its language, no sideways scrolling, axe. */
  async function open(created, view, check) {
    const { context, page, problems } = await newPage({ width: view.width, lang: view.lang });
    await page.goto(`/results/${created.id}#t=${encodeURIComponent(created.token)}`);
    await page.getByTestId("role-fit").first().waitFor({ state: "attached" });
    await waitSettled(page);
    assert.equal(await page.getAttribute("html", "lang"), view.short);
    assert.equal(new URL(page.url()).hash, "", "the token leaves the address bar");
    await check(page, TEXT[view.short]);
    if (view.width < 600) {
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 1, `the result scrolls sideways by ${overflow}px at ${view.width}px`);
    }
    await assertAccessible(page, `${page.url()} (${view.lang}, ${view.width}px)`);
    return { context, page, problems };
  }

  return {
    /** A sheet of 3s throughout: refused, explained, no advice, and a way to start again. */
    async refusedSheet() {
      const created = await submit(server.base, await refusedSheet(server.base));
      assert.equal(created.result.quality.reliable, false);
      assert.ok(created.result.quality.flags.includes("straight_lining"), `flags: ${created.result.quality.flags}`);
      assert.equal(created.result.recommended_role, null);
      for (const view of VIEWS) {
        const { context, page, problems } = await open(created, view, async (page, text) => {
          const box = page.getByTestId("results-refused");
          await box.getByRole("heading", { level: 2, name: text.refusedTitle }).waitFor();
          assert.match(await box.innerText(), new RegExp(text.straightLining));
          assert.match(await box.innerText(), new RegExp(text.noAdvice));
          const retake = box.getByRole("link", { name: text.retake });
          assert.equal(await retake.getAttribute("href"), "/quiz");
          // No role, no plan, no salary target; the fits stay folded.
          for (const id of ["results-verdict", "results-lean", "salary-chart", "roadmap"]) {
            assert.equal(await page.getByTestId(id).count(), 0, `a refused sheet shows no ${id}`);
          }
          assert.equal(await page.locator("#plan, #salary").count(), 0);
          assert.equal(await page.getByTestId("refused-fits").getAttribute("open"), null);
        });
        await screenshot(page, `results-refused-${view.short}-${view.width}`);
        if (view.short === "ja") {
          // The retake action starts a new assessment.
          await page.getByTestId("results-refused").getByRole("link", { name: TEXT.ja.retake }).click();
          await page.waitForURL("**/quiz");
          await page.getByTestId("quiz-start").waitFor();
        }
        assertClean(problems);
        await context.close();
      }
    },

    /** Two roles within the margin's own error: both named, neither the winner. */
    async tooCloseSheet() {
      const { created } = await findTooClose(server.base);
      const names = {};
      for (const view of VIEWS) {
        const a = await call(server.base, "GET", `/assessments/${created.id}`, { headers: { "X-Assessment-Token": created.token, "Accept-Language": view.short } });
        const first = a.result.roles.find((r) => r.slug === a.result.recommended_role);
        names[view.short] = { first, second: { slug: a.result.confidence.runner_up, name: a.result.confidence.runner_up_name } };
      }
      for (const view of VIEWS) {
        const { first, second } = names[view.short];
        const { context, page, problems } = await open(created, view, async (page, text) => {
          const verdict = page.getByTestId("results-verdict");
          assert.equal(await verdict.getAttribute("data-level"), "too_close");
          await verdict.getByRole("heading", { level: 3, name: text.close(first.name, second.name) }).waitFor();
          for (const r of [first, second]) {
            assert.equal(await verdict.locator(`a[href="/roles/${r.slug}"]`).count(), 1, `a link to ${r.slug}`);
          }
          // Both roles carry the same mark in the list; none is "recommended".
          const marked = await page.locator(".role-fit__item--best").evaluateAll((els) => els.map((e) => e.getAttribute("data-role")));
          assert.deepEqual(marked.sort(), [first.slug, second.slug].sort());
        });
        await screenshot(page, `results-too-close-${view.short}-${view.width}`);
        assertClean(problems);
        await context.close();
      }
    },
  };
}
