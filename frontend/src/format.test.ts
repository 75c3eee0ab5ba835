import { formatDate, formatMan, formatRange } from "./format";

describe("formatMan", () => {
  it.each([
    [6250000, "ja", "625万円"],
    [8915000, "ja", "891.5万円"],
    [12000000, "ja", "1,200万円"],
    [6250000, "en", "¥6.3M"],
  ])("%d in %s is %s", (jpy, lang, want) => {
    expect(formatMan(jpy, lang)).toBe(want);
  });
});

describe("formatRange", () => {
  it("writes a Japanese range once with 万円", () => {
    expect(formatRange(6250000, 8500000, "ja")).toBe("625万〜850万円");
  });
  it("marks an open top end", () => {
    expect(formatRange(12000000, null, "ja")).toBe("1,200万円以上");
    expect(formatRange(12000000, null, "en")).toBe("¥12M+");
  });
  it("shows an average as one figure", () => {
    expect(formatRange(8915000, 8915000, "ja")).toBe("891.5万円");
  });
});

describe("formatDate", () => {
  it("follows the locale", () => {
    expect(formatDate("2026-11-23T10:00:00Z", "ja")).toBe("2026/11/23");
    expect(formatDate("2026-11-23T10:00:00Z", "en")).toBe("23 Nov 2026");
  });
});
