import { readFileSync } from "node:fs";

const css = readFileSync("src/styles.css", "utf8");

// Japanese text must not break inside a word (マネージャ/ー, チ/ーム).
describe("Japanese line breaking", () => {
  it("breaks between phrases where supported, with strict kinsoku everywhere", () => {
    expect(css).toMatch(/:lang\(ja\)\s*\{\s*line-break:\s*strict;\s*\}/);
    expect(css).toMatch(/@supports \(word-break: auto-phrase\)\s*\{\s*:lang\(ja\)\s*\{\s*word-break:\s*auto-phrase;\s*\}/);
  });

  it("lets only long unbroken strings wrap anywhere", () => {
    const anywhere = css.split("\n").filter((l) => l.includes("overflow-wrap: anywhere"));
    expect(anywhere.length).toBeGreaterThan(0);
    for (const l of anywhere) expect(l).not.toMatch(/^\s*(:lang\(ja\)|body|html|\*)\s*\{/);
  });
});
