// The end-to-end harness: the real pmpath binary on a fresh SQLite file and
// Debian's Chromium driven by playwright-core. Nothing is mocked.
import { spawn, execFile } from "node:child_process";
import { mkdtemp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { chromium } from "playwright-core";

const here = path.dirname(fileURLToPath(import.meta.url));
export const artifacts = path.join(here, "artifacts");

const CHROMIUM = process.env.PMPATH_CHROMIUM ?? "/usr/bin/chromium";
// Chromium as a well-behaved guest on a closed network: no background
// fetches, no first-run work, no sandbox (CI runs as root).
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
];

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function waitReady(base, proc, log) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (proc.exitCode !== null) throw new Error(`pmpath exited with ${proc.exitCode}:\n${log()}`);
    try {
      const res = await fetch(`${base}/readyz`);
      if (res.ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`pmpath did not become ready in 60s:\n${log()}`);
}

/** startServer runs the binary on a fresh database and returns its address. */
export async function startServer() {
  const bin = process.env.PMPATH_BIN;
  if (!bin) throw new Error("PMPATH_BIN must name the pmpath binary (make e2e sets it)");
  const dir = await mkdtemp(path.join(tmpdir(), "pmpath-e2e-"));
  const port = await freePort();
  const env = {
    ...process.env,
    PMPATH_ADDR: `127.0.0.1:${port}`,
    PMPATH_SQLITE_PATH: path.join(dir, "e2e.db"),
    PMPATH_DATABASE_URL: "",
    PMPATH_LOG_FORMAT: "text",
    PMPATH_LOG_LEVEL: "warn",
  };
  let output = "";
  const proc = spawn(bin, ["serve"], { env, stdio: ["ignore", "pipe", "pipe"] });
  proc.stdout.on("data", (d) => (output += d));
  proc.stderr.on("data", (d) => (output += d));
  const base = `http://127.0.0.1:${port}`;
  await waitReady(base, proc, () => output);

  const run = promisify(execFile);
  /** createUser makes a staff account from the shell, as an operator would. */
  async function createUser(email, role, name, password) {
    const child = run(bin, ["user", "create", "--email", email, "--role", role, "--name", name, "--password-stdin"], { env });
    child.child.stdin.end(password + "\n");
    await child;
  }

  return {
    base,
    createUser,
    log: () => output,
    async stop() {
      proc.kill("SIGTERM");
      await new Promise((r) => (proc.exitCode !== null ? r() : proc.once("exit", r)));
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** startBrowser launches headless Chromium with a fresh profile. */
export async function startBrowser() {
  await mkdir(artifacts, { recursive: true });
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

/**
 * watchPage fails the test on any uncaught page error, console error
 * (a CSP violation shows up there) or 5xx answer.
 */
export function watchPage(page) {
  const problems = [];
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error" && !/status of 4\d\d/.test(m.text())) problems.push(`console error: ${m.text()}`);
  });
  page.on("response", (r) => {
    if (r.status() >= 500) problems.push(`${r.status()} from ${r.request().method()} ${r.url()}`);
  });
  return problems;
}

let axeSource;
/** axeCheck runs axe-core on the page and returns serious and critical violations. */
export async function axeCheck(page) {
  axeSource ??= await readFile(path.join(here, "..", "node_modules", "axe-core", "axe.min.js"), "utf8");
  // Evaluated through the debugging protocol, so the page's CSP (script-src
  // 'self') does not apply and the app needs no exception for the tests.
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await window.axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")) }));
  });
  return result.filter((v) => v.impact === "serious" || v.impact === "critical");
}

/** screenshot saves the whole page, and the first screenful as <name>-top. */
export async function screenshot(page, name) {
  const file = path.join(artifacts, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  await page.screenshot({ path: path.join(artifacts, `${name}-top.png`) });
  return file;
}

export async function saveText(name, text) {
  await mkdir(artifacts, { recursive: true });
  await writeFile(path.join(artifacts, name), text);
}
