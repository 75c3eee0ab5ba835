import { initialLang } from ".";

function withLanguages(langs: string[], fn: () => void) {
  const spy = vi.spyOn(navigator, "languages", "get").mockReturnValue(langs);
  try {
    fn();
  } finally {
    spy.mockRestore();
  }
}

describe("initialLang", () => {
  beforeEach(() => localStorage.clear());

  it("follows the browser on a first visit", () => {
    withLanguages(["en-US", "ja"], () => expect(initialLang()).toBe("en"));
    withLanguages(["ja-JP"], () => expect(initialLang()).toBe("ja"));
    withLanguages(["fr-FR", "en-GB"], () => expect(initialLang()).toBe("en"));
    withLanguages(["fr-FR"], () => expect(initialLang()).toBe("ja"));
  });

  it("prefers a saved choice and ignores a corrupt one", () => {
    localStorage.setItem("pmpath.lang", "en");
    withLanguages(["ja"], () => expect(initialLang()).toBe("en"));
    localStorage.setItem("pmpath.lang", "de");
    withLanguages(["ja"], () => expect(initialLang()).toBe("ja"));
  });

  it("has the same keys in both languages", async () => {
    const files = import.meta.glob<{ default: Record<string, unknown> }>("./*/*.json", { eager: true });
    const keys = (o: Record<string, unknown>, p = ""): string[] =>
      Object.entries(o).flatMap(([k, v]) => (v && typeof v === "object" ? keys(v as Record<string, unknown>, `${p}${k}.`) : [`${p}${k}`]));
    const byNs: Record<string, Record<string, string[]>> = {};
    for (const [path, mod] of Object.entries(files)) {
      const [, lang, ns] = path.match(/^\.\/(\w+)\/(\w+)\.json$/)!;
      (byNs[ns] ??= {})[lang] = keys(mod.default).sort();
    }
    for (const [ns, langs] of Object.entries(byNs)) {
      expect({ ns, keys: langs.en }).toEqual({ ns, keys: langs.ja });
    }
  });
});
