// The landing page's content sections; text comes from the landing namespace.
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { formatMan, formatRange } from "../../format";
import { Icon } from "./art";

export const PMO_ROLES = ["pmo-administrator", "pmo-analyst", "pmo-manager", "pmo-director"] as const;
export const PM_ROLES = ["pm-assistant", "project-manager", "program-manager", "portfolio-manager"] as const;

function TrackCard({ track }: { track: "pm" | "pmo" }) {
  const { t } = useTranslation("landing");
  const k = (s: string) => t(`diff.${track}.${s}`);
  return (
    <article className={`lp-track lp-track--${track}`} aria-labelledby={`lp-track-${track}`}>
      <div className="lp-track__head">
        <span className={`lp-track__icon lp-track__icon--${track}`}>
          <Icon name={track === "pm" ? "helm" : "grid"} />
        </span>
        <div>
          <p className="lp-track__motto">{k("motto")}</p>
          <h3 id={`lp-track-${track}`} className="lp-track__name">
            {k("name")}
          </h3>
        </div>
      </div>
      <p className="lp-track__metaphor">{k("metaphor")}</p>
      <p>{k("body")}</p>
      <h4 className="lp-track__fit-title">{k("fitTitle")}</h4>
      <ul className="lp-track__fit">
        <li>{k("fit1")}</li>
        <li>{k("fit2")}</li>
        <li>{k("fit3")}</li>
      </ul>
      <Link to={`/roles?track=${track}`} className="lp-track__link">
        {k("link")} <span aria-hidden="true">→</span>
      </Link>
    </article>
  );
}

export function Difference() {
  const { t } = useTranslation("landing");
  return (
    <section className="lp-section" aria-labelledby="lp-diff">
      <div className="lp-section__head">
        <h2 id="lp-diff">{t("diff.title")}</h2>
        <p>{t("diff.lead")}</p>
      </div>
      <div className="lp-tracks">
        <TrackCard track="pm" />
        <div className="lp-tracks__vs" aria-hidden="true">
          vs
        </div>
        <TrackCard track="pmo" />
      </div>
      <p className="lp-summary">{t("diff.summary")}</p>
    </section>
  );
}

export function RoleStrip() {
  const { t } = useTranslation("landing");
  return (
    <section className="lp-section lp-roles" aria-labelledby="lp-roles">
      <div className="lp-section__head">
        <h2 id="lp-roles">{t("roles.title")}</h2>
        <p>{t("roles.lead")}</p>
      </div>
      <ol className="lp-ladder">
        {PMO_ROLES.map((slug, i) => (
          <li key={slug} className="lp-ladder__item">
            <p className="lp-ladder__step">
              <span className="lp-ladder__level" aria-hidden="true">
                {[0, 1, 2, 3].map((j) => (
                  <i key={j} className={j <= i ? "on" : undefined} />
                ))}
              </span>
              {t("roles.step", { n: i + 1 })}
            </p>
            <h3 className="lp-ladder__name">
              <Link to={`/roles/${slug}`}>{t(`roles.${slug}.name`)}</Link>
            </h3>
            <p className="lp-ladder__does">{t(`roles.${slug}.does`)}</p>
            <p className="lp-ladder__fit">
              <strong>{t("roles.fitLabel")}</strong>
              {t(`roles.${slug}.fit`)}
            </p>
          </li>
        ))}
      </ol>
      <h3 className="lp-pm-title">{t("roles.pmTitle")}</h3>
      <ol className="lp-pmpath">
        {PM_ROLES.map((slug) => (
          <li key={slug}>
            <Link to={`/roles/${slug}`} className="lp-pmpath__name">
              {t(`roles.${slug}.name`)}
            </Link>
            <span className="lp-pmpath__does">{t(`roles.${slug}.does`)}</span>
          </li>
        ))}
      </ol>
      <p className="lp-more">
        <Link to="/roles">
          {t("roles.more")} <span aria-hidden="true">→</span>
        </Link>
      </p>
    </section>
  );
}

export function HowItWorks() {
  const { t } = useTranslation("landing");
  const steps = ["step1", "step2", "step3"] as const;
  const gets: [string, Parameters<typeof Icon>[0]["name"]][] = [
    ["get1", "scale"],
    ["get2", "list"],
    ["get3", "stairs"],
    ["get4", "route"],
  ];
  return (
    <section className="lp-section" aria-labelledby="lp-how">
      <div className="lp-section__head">
        <h2 id="lp-how">{t("how.title")}</h2>
        <p>{t("how.lead")}</p>
      </div>
      <ol className="lp-steps">
        {steps.map((s, i) => (
          <li key={s} className="lp-steps__item">
            <span className="lp-steps__num" aria-hidden="true">
              {i + 1}
            </span>
            <h3>{t(`how.${s}.title`)}</h3>
            <p>{t(`how.${s}.body`)}</p>
          </li>
        ))}
      </ol>
      <h3 className="lp-get-title">{t("how.getTitle")}</h3>
      <ul className="lp-get">
        {gets.map(([k, icon]) => (
          <li key={k}>
            <span className="lp-get__icon">
              <Icon name={icon} />
            </span>
            <strong>{t(`how.${k}.title`)}</strong>
            <span>{t(`how.${k}.body`)}</span>
          </li>
        ))}
      </ul>
      <p className="lp-note">{t("how.note")}</p>
    </section>
  );
}

export function Numbers() {
  const { t, i18n } = useTranslation("landing");
  const lang = i18n.language;
  const items: [string, string, string][] = [
    [t("numbers.shortage"), t("numbers.shortageLabel"), t("numbers.shortageSource")],
    [formatRange(6_250_000, 8_500_000, lang), t("numbers.pmoLabel"), t("numbers.pmoSource")],
    [formatMan(6_930_000, lang), t("numbers.pmLabel"), t("numbers.pmSource")],
  ];
  return (
    <section className="lp-section lp-numbers" aria-labelledby="lp-numbers">
      <h2 id="lp-numbers">{t("numbers.title")}</h2>
      <dl className="lp-numbers__list">
        {items.map(([value, label, source]) => (
          <div key={label} className="lp-numbers__item">
            <dt>{label}</dt>
            <dd className="lp-numbers__value">{value}</dd>
            <dd className="lp-numbers__source">{source}</dd>
          </div>
        ))}
      </dl>
      <p className="lp-note">{t("numbers.note")}</p>
    </section>
  );
}
