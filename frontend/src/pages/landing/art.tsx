// Decorative drawings for the landing page, inline SVG and CSS only (the
// content security policy allows nothing from elsewhere). All are hidden
// from assistive technology: the page's text says the same things.
import { useTranslation } from "react-i18next";

/** Paths: two routes branching from one start, indigo (PM) and teal (PMO). */
export function Paths() {
  return (
    <svg className="lp-paths" viewBox="0 0 600 360" aria-hidden="true" focusable="false" preserveAspectRatio="xMidYMid slice">
      <path d="M-20 300 C 120 300, 180 250, 260 200 S 420 70, 620 40" fill="none" stroke="#3149c4" strokeOpacity="0.18" strokeWidth="26" strokeLinecap="round" />
      <path d="M-20 300 C 120 300, 180 250, 260 200 S 430 250, 620 300" fill="none" stroke="#0b7a6e" strokeOpacity="0.18" strokeWidth="26" strokeLinecap="round" />
      <path d="M-20 300 C 120 300, 180 250, 260 200 S 420 70, 620 40" fill="none" stroke="#3149c4" strokeOpacity="0.55" strokeWidth="2" strokeDasharray="2 10" strokeLinecap="round" />
      <path d="M-20 300 C 120 300, 180 250, 260 200 S 430 250, 620 300" fill="none" stroke="#0b7a6e" strokeOpacity="0.55" strokeWidth="2" strokeDasharray="2 10" strokeLinecap="round" />
    </svg>
  );
}

/** ResultPreview is a miniature of the results page with made-up numbers. */
export function ResultPreview() {
  const { t } = useTranslation("landing");
  const fits: [string, number, "pm" | "pmo"][] = [
    [t("preview.role1"), 87, "pmo"],
    [t("preview.role2"), 74, "pmo"],
    [t("preview.role3"), 58, "pm"],
  ];
  return (
    <div className="lp-preview" aria-hidden="true">
      <div className="lp-preview__bar">
        <span />
        <span />
        <span />
        <em>{t("preview.label")}</em>
      </div>
      <div className="lp-preview__body">
        <p className="lp-preview__kicker">{t("preview.lean")}</p>
        <div className="lp-preview__lean">
          <span className="lp-preview__lean-pm">PM 38</span>
          <span className="lp-preview__lean-pmo">PMO 62</span>
        </div>
        <p className="lp-preview__lean-value">{t("preview.leanValue")}</p>
        <p className="lp-preview__kicker">{t("preview.fitTitle")}</p>
        <ul className="lp-preview__fits">
          {fits.map(([name, v, tone]) => (
            <li key={name}>
              <span className="lp-preview__fit-name">{name}</span>
              <span className="lp-preview__fit-track">
                <span className={`lp-preview__fit-fill lp-preview__fit-fill--${tone}`} style={{ width: `${v}%` }} />
              </span>
              <span className="lp-preview__fit-num">{v}</span>
            </li>
          ))}
        </ul>
        <div className="lp-preview__chips">
          <span>
            <small>{t("preview.stage")}</small> {t("preview.stageValue")}
          </span>
          <span>
            <small>{t("preview.next")}</small> {t("preview.nextValue")}
          </span>
        </div>
      </div>
    </div>
  );
}

/** Icons drawn with strokes in currentColor. */
export function Icon({ name }: { name: "helm" | "grid" | "compass" | "list" | "chart" | "stairs" | "route" | "scale" | "spark" }) {
  const common = { className: "lp-icon", viewBox: "0 0 24 24", fill: "none", stroke: "currentColor", strokeWidth: 1.8, strokeLinecap: "round" as const, strokeLinejoin: "round" as const, "aria-hidden": true, focusable: false };
  switch (name) {
    case "helm":
      return (
        <svg {...common}>
          <circle cx="12" cy="12" r="6" />
          <circle cx="12" cy="12" r="1.8" />
          <path d="M12 2v4M12 18v4M2 12h4M18 12h4M4.9 4.9l2.9 2.9M16.2 16.2l2.9 2.9M4.9 19.1l2.9-2.9M16.2 7.8l2.9-2.9" />
        </svg>
      );
    case "grid":
      return (
        <svg {...common}>
          <rect x="3" y="3" width="7" height="7" rx="1.5" />
          <rect x="14" y="3" width="7" height="7" rx="1.5" />
          <rect x="3" y="14" width="7" height="7" rx="1.5" />
          <path d="M14 17.5l2 2 4-4" />
        </svg>
      );
    case "compass":
      return (
        <svg {...common}>
          <circle cx="12" cy="12" r="9" />
          <path d="M15.5 8.5l-2 5-5 2 2-5z" />
        </svg>
      );
    case "list":
      return (
        <svg {...common}>
          <path d="M9 6h11M9 12h11M9 18h11" />
          <path d="M4 6h.01M4 12h.01M4 18h.01" />
        </svg>
      );
    case "chart":
      return (
        <svg {...common}>
          <path d="M4 20V10M10 20V4M16 20v-7M22 20H2" />
        </svg>
      );
    case "stairs":
      return (
        <svg {...common}>
          <path d="M3 20h5v-5h5v-5h5V5h3" />
        </svg>
      );
    case "route":
      return (
        <svg {...common}>
          <circle cx="6" cy="19" r="2" />
          <circle cx="18" cy="5" r="2" />
          <path d="M8 19h7a3.5 3.5 0 0 0 0-7H9a3.5 3.5 0 0 1 0-7h7" />
        </svg>
      );
    case "scale":
      return (
        <svg {...common}>
          <path d="M12 3v18M5 21h14M4 7h16" />
          <path d="M4 7l-2.5 6a3 3 0 0 0 5 0zM20 7l-2.5 6a3 3 0 0 0 5 0z" />
        </svg>
      );
    case "spark":
      return (
        <svg {...common}>
          <path d="M12 3v4M12 17v4M3 12h4M17 12h4M6.3 6.3l2.5 2.5M15.2 15.2l2.5 2.5M6.3 17.7l2.5-2.5M15.2 8.8l2.5-2.5" />
        </svg>
      );
  }
}
