// i18n: Japanese and English, one JSON file per area and language. The
// choice persists in localStorage; the first visit follows the browser.
import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import { setApiLanguage } from "../api/client";

const files = import.meta.glob<{ default: Record<string, unknown> }>("./*/*.json", { eager: true });
const resources: Record<string, Record<string, Record<string, unknown>>> = {};
for (const [path, mod] of Object.entries(files)) {
  const [, lang, ns] = path.match(/^\.\/(\w+)\/(\w+)\.json$/) ?? [];
  if (lang && ns) (resources[lang] ??= {})[ns] = mod.default;
}

export const LANGS = ["ja", "en"] as const;
export type Lang = (typeof LANGS)[number];
const KEY = "pmpath.lang";

export function initialLang(): Lang {
  try {
    const saved = localStorage.getItem(KEY);
    if (saved === "ja" || saved === "en") return saved;
  } catch {
    /* storage unavailable */
  }
  const nav = typeof navigator !== "undefined" ? navigator.languages ?? [navigator.language] : [];
  for (const l of nav) {
    if (l?.toLowerCase().startsWith("ja")) return "ja";
    if (l?.toLowerCase().startsWith("en")) return "en";
  }
  return "ja";
}

function apply(lang: string) {
  setApiLanguage(lang);
  if (typeof document !== "undefined") document.documentElement.lang = lang;
}

/** setLang switches the language and remembers the choice. */
export async function setLang(lang: Lang) {
  try {
    localStorage.setItem(KEY, lang);
  } catch {
    /* storage unavailable */
  }
  apply(lang);
  await i18n.changeLanguage(lang);
}

const lang = initialLang();
apply(lang);
void i18n.use(initReactI18next).init({
  resources,
  lng: lang,
  fallbackLng: "ja",
  defaultNS: "common",
  interpolation: { escapeValue: false },
  returnNull: false,
});

export default i18n;
