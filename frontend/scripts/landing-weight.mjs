// Weighs the landing page (docs/performance.md): opens / in Chromium against
// the real binary, lists every same-origin file the page loaded, then asks
// the server for each again as-is, gzip and brotli and counts the bytes it
// sends. Prints a markdown table.
//
//   make build && cd frontend && PMPATH_BIN=../bin/pmpath node scripts/landing-weight.mjs
import http from "node:http";
import { startBrowser, startServer } from "../e2e/harness.mjs";

/** fetchRaw GETs url with the given Accept-Encoding and returns the bytes sent, undecoded. */
function fetchRaw(url, acceptEncoding) {
  return new Promise((resolve, reject) => {
    const headers = acceptEncoding ? { "Accept-Encoding": acceptEncoding } : {};
    http
      .get(url, { headers }, (res) => {
        let bytes = 0;
        res.on("data", (chunk) => (bytes += chunk.length));
        res.on("end", () => resolve({ status: res.statusCode, bytes, coding: res.headers["content-encoding"] ?? "" }));
        res.on("error", reject);
      })
      .on("error", reject);
  });
}

// KB are 1000 bytes.
const kb = (n) => (n / 1000).toFixed(1);

const server = await startServer();
const browser = await startBrowser();
try {
  const loaded = new Set();
  for (const locale of ["ja-JP", "en-US"]) {
    const context = await browser.newContext({ locale, baseURL: server.base });
    const page = await context.newPage();
    page.on("requestfinished", (req) => {
      const url = new URL(req.url());
      if (url.origin === server.base) loaded.add(url.pathname + url.search);
    });
    await page.goto("/", { waitUntil: "networkidle" });
    await context.close();
  }

  const rows = [];
  for (const p of [...loaded].sort()) {
    const plain = await fetchRaw(server.base + p, "");
    const gzip = await fetchRaw(server.base + p, "gzip");
    const br = await fetchRaw(server.base + p, "br");
    if (plain.status !== 200) throw new Error(`${p}: status ${plain.status}`);
    rows.push({ path: p, api: p.startsWith("/api/"), plain, gzip, br });
  }

  console.log("| file | as-is (KB) | gzip (KB) | brotli (KB) |");
  console.log("|---|---:|---:|---:|");
  const cell = (r) => kb(r.bytes) + (r.coding ? "" : " (as-is)");
  for (const r of rows) {
    console.log(`| ${r.path} | ${kb(r.plain.bytes)} | ${cell(r.gzip)} | ${cell(r.br)} |`);
  }
  for (const [label, part] of [
    ["files (HTML, JS, CSS, icon)", rows.filter((r) => !r.api)],
    ["API answers", rows.filter((r) => r.api)],
    ["everything", rows],
  ]) {
    const sum = (k) => {
      const n = part.reduce((n, r) => n + r[k].bytes, 0);
      return `**${kb(n)}** (${n} B)`;
    };
    console.log(`| **${label}, ${part.length}** | ${sum("plain")} | ${sum("gzip")} | ${sum("br")} |`);
  }
} finally {
  await browser.close();
  await server.stop();
}
