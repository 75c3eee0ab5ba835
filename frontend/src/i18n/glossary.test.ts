import glossary from "../../../docs/glossary.md?raw";

// The retired Japanese variants live in one table in docs/glossary.md, which
// the catalog's Go test (internal/catalog TestGlossary) reads as well: each
// row names the variant, the term to use instead and a pattern.
type Retired = { retired: string; use: string; pattern: RegExp };

function retiredVariants(doc: string): Retired[] {
  const section = doc.split("## Retired variants")[1] ?? "";
  const out: Retired[] = [];
  for (const line of section.split("\n")) {
    const cells = line.replaceAll("\\|", "\u0000").replace(/^\|\s*|\s*\|$/g, "").split("|");
    if (cells.length !== 3 || !cells[2].trim().startsWith("`")) continue;
    const unescape = (s: string) => s.trim().replaceAll("\u0000", "|");
    out.push({ retired: unescape(cells[0]), use: unescape(cells[1]), pattern: new RegExp(unescape(cells[2]).replace(/^`|`$/g, "")) });
  }
  return out;
}

function strings(value: unknown, where: string, out: [string, string][]) {
  if (typeof value === "string") out.push([where, value]);
  else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) strings(v, where ? `${where}.${k}` : k, out);
  }
}

describe("the glossary", () => {
  const variants = retiredVariants(glossary);

  it("parses the retired variants", () => {
    expect(variants.length).toBeGreaterThanOrEqual(10);
    const matches = (s: string) => variants.some((v) => v.pattern.test(s));
    for (const s of ["相性のよい役割", "PMO志向", "推奨ロール", "8つの職種", "採用担当", "PMOアドミニストレータ", "PM 寄り", "目安 {{count}} か月"]) {
      expect({ s, retired: matches(s) }).toEqual({ s, retired: true });
    }
    for (const s of ["適合度の高い役割", "PMO寄り", "おすすめの役割", "採用担当者", "PMOアドミニストレーター", "目安{{count}}か月", "支援志向"]) {
      expect({ s, retired: matches(s) }).toEqual({ s, retired: false });
    }
  });

  it("is followed by the web app's Japanese texts", () => {
    const files = import.meta.glob<{ default: Record<string, unknown> }>("./ja/*.json", { eager: true });
    const found: string[] = [];
    for (const [path, mod] of Object.entries(files)) {
      const texts: [string, string][] = [];
      strings(mod.default, "", texts);
      for (const [key, text] of texts) {
        for (const v of variants) {
          if (v.pattern.test(text)) found.push(`${path.slice(2)} ${key}: retired ${v.retired} (use ${v.use}): ${text}`);
        }
      }
    }
    expect(found).toEqual([]);
  });
});
