// Seeds realistic candidates through the public API, as people would make
// them: register, take the quiz (varied answers), share with the advisor,
// some opt in to the talent pool. Deterministic: the same run every time.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));

export const PASSWORD = "e2e-correct-horse-battery-staple";

/** mulberry32 is a tiny seeded PRNG, so the seeded data never changes. */
function mulberry32(seed) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function call(base, method, p, body, token) {
  const headers = { "Content-Type": "application/json", "Accept-Language": "ja" };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (p.endsWith("/submit")) headers["Idempotency-Key"] = crypto.randomUUID();
  const res = await fetch(base + "/api/v1" + p, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${p}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

/**
 * fullAnswers returns a complete answer sheet for the current questionnaire
 * (version 2): the documented example of a PMO analyst, with the two items
 * it leaves open answered as she would.
 */
export async function fullAnswers() {
  const { answers } = JSON.parse(await readFile(path.join(here, "..", "..", "docs", "examples", "pmo-analyst-draft-v2.json"), "utf8"));
  return { ...answers, q44: 2, s08: "b" };
}

const PEOPLE = [
  ["高橋 健太", "kenta.takahashi"],
  ["鈴木 花子", "hanako.suzuki"],
  ["伊藤 大輔", "daisuke.ito"],
  ["渡辺 彩", "aya.watanabe"],
  ["山本 翔", "sho.yamamoto"],
  ["中村 優子", "yuko.nakamura"],
  ["小林 拓海", "takumi.kobayashi"],
  ["加藤 里奈", "rina.kato"],
  ["吉田 誠", "makoto.yoshida"],
];

/** seedCandidates registers people who share with advisorEmail. */
export async function seedCandidates(base, advisorEmail) {
  const base_ = await fullAnswers();
  const rand = mulberry32(20261125);
  const made = [];
  for (const [i, [name, local]] of PEOPLE.entries()) {
    const session = await call(base, "POST", "/auth/register", { email: `${local}@example.com`, password: PASSWORD, display_name: name });
    const attempts = 1 + (i % 3);
    for (let a = 0; a < attempts; a++) {
      const answers = { ...base_ };
      // A third of the people answer the statements the other way round
      // (a PM-leaning profile); everyone's answers drift between attempts
      // and their scenario choices differ. The drift is an honest person's
      // (about a third of the statements one step either way): the scoring
      // refuses sheets whose antonym pairs disagree as random ones do.
      const mirror = i % 3 === 0;
      for (const k of Object.keys(answers)) {
        if (/^q\d+$/.test(k)) {
          const v = mirror ? 6 - answers[k] : answers[k];
          const nudge = rand() < 0.15 ? 1 : rand() < 0.2 ? -1 : 0;
          answers[k] = Math.min(5, Math.max(1, v + nudge));
        } else if (/^s\d+$/.test(k) && rand() < 0.5) {
          answers[k] = "abcd"[Math.floor(rand() * 4)];
        }
      }
      await call(base, "POST", "/assessments", { questionnaire: "pm-pmo-fit", answers, submit: true }, session.access_token);
    }
    await call(base, "POST", "/me/shares", { advisor_email: advisorEmail }, session.access_token);
    if (i % 3 !== 2) await call(base, "PATCH", "/me", { discoverable: true }, session.access_token);
    made.push({ name, email: `${local}@example.com` });
  }
  return made;
}

/** login signs in through the API and returns the session the app stores. */
export async function login(base, email, password) {
  const s = await call(base, "POST", "/auth/login", { email, password });
  return s;
}
