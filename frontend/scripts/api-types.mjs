// Generates src/api/schema.gen.ts, the TypeScript types of the API, from
// api/openapi.yaml with openapi-typescript. With --check it generates into a
// temporary file instead and fails, showing the difference, when the
// committed file is not what the document gives (`make check` runs this).
//
//   npm run api:types     write src/api/schema.gen.ts
//   npm run api:check     fail if it is stale
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const web = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const spec = path.resolve(web, "../api/openapi.yaml");
const committed = path.join(web, "src/api/schema.gen.ts");
const cli = path.join(path.dirname(createRequire(import.meta.url).resolve("openapi-typescript/package.json")), "bin/cli.js");

function generate(out) {
  const run = spawnSync(process.execPath, [cli, spec, "--output", out, "--empty-objects-unknown"], { cwd: web, encoding: "utf8" });
  if (run.status !== 0) {
    process.stderr.write(run.stdout + run.stderr);
    process.exit(run.status ?? 1);
  }
}

if (!process.argv.includes("--check")) {
  generate(committed);
  console.log(`wrote ${path.relative(web, committed)} from ${path.relative(web, spec)}`);
  process.exit(0);
}

const dir = mkdtempSync(path.join(tmpdir(), "pmpath-api-types-"));
try {
  const fresh = path.join(dir, "schema.gen.ts");
  generate(fresh);
  let current = "";
  try {
    current = readFileSync(committed, "utf8");
  } catch {
    /* missing: stale too */
  }
  if (current === readFileSync(fresh, "utf8")) process.exit(0);
  spawnSync("diff", ["-u", "--label", "src/api/schema.gen.ts", "--label", "generated from api/openapi.yaml", committed, fresh], { stdio: "inherit" });
  console.error("\nsrc/api/schema.gen.ts is stale: run `npm run api:types` in frontend/ and commit it.");
  process.exit(1);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
