// Locale formatting: yen in 万円 for Japanese readers and in compact yen
// for English ones, numbers and dates by Intl.

export function formatMan(jpy: number, lang: string): string {
  if (lang === "ja") {
    return `${new Intl.NumberFormat("ja-JP", { maximumFractionDigits: 1 }).format(jpy / 10000)}万円`;
  }
  return new Intl.NumberFormat("en", { style: "currency", currency: "JPY", notation: "compact", maximumFractionDigits: 1 }).format(jpy);
}

/** formatRange writes a yearly pay range; max null is an open top end. */
export function formatRange(min: number, max: number | null, lang: string): string {
  if (max === null) return lang === "ja" ? `${formatMan(min, lang)}以上` : `${formatMan(min, lang)}+`;
  if (max === min) return formatMan(min, lang);
  if (lang === "ja") {
    const n = new Intl.NumberFormat("ja-JP", { maximumFractionDigits: 1 });
    return `${n.format(min / 10000)}万〜${n.format(max / 10000)}万円`;
  }
  return `${formatMan(min, lang)}–${formatMan(max, lang)}`;
}

export function formatDate(iso: string, lang: string): string {
  return new Intl.DateTimeFormat(lang === "ja" ? "ja-JP" : "en-GB", { dateStyle: "medium" }).format(new Date(iso));
}

/** formatNumber writes a number for the reader; digits fixes the decimal places. */
export function formatNumber(n: number, lang: string, digits?: number): string {
  const fixed = digits === undefined ? {} : { minimumFractionDigits: digits, maximumFractionDigits: digits };
  return new Intl.NumberFormat(lang === "ja" ? "ja-JP" : "en", fixed).format(n);
}

/** formatDateTime writes a date with its time of day; timeStyle "medium" keeps the seconds. */
export function formatDateTime(iso: string, lang: string, timeStyle: "short" | "medium" = "short"): string {
  return new Intl.DateTimeFormat(lang === "ja" ? "ja-JP" : "en-GB", { dateStyle: "medium", timeStyle }).format(new Date(iso));
}
