// Presentational pieces of the advisor's candidate page; they take data as
// props so they can be tested without the API.
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { Badge, Meter } from "../../components/ui";
import { formatDate } from "../../format";
import { change, signed, type Attempt, type DimensionMove, type FitReason } from "./history";
import { leanTone } from "./listing";
import ScrollTable from "./ScrollTable";

/** Change shows a signed difference with words, not colour alone. */
export function Change({ value }: { value: number | null }) {
  const { t } = useTranslation("advisor");
  if (value === null) return <span className="muted">—</span>;
  const dir = value > 0 ? "up" : value < 0 ? "down" : "same";
  return (
    <span className={`change change--${dir}`}>
      <span aria-hidden="true">{dir === "up" ? "▲" : dir === "down" ? "▼" : "■"}</span> {signed(value)}
      <span className="visually-hidden"> {t(`change.${dir}`)}</span>
    </span>
  );
}

export interface LatestSummaryProps {
  latest: Attempt;
  previous?: Attempt;
  attempts: number;
  roleName: string;
}

export function LatestSummary({ latest, previous, attempts, roleName }: LatestSummaryProps) {
  const { t, i18n } = useTranslation("advisor");
  const lang = i18n.language;
  const tone = leanTone(latest.lean);
  return (
    <section className={`card latest card--${tone === "neutral" ? "plain" : tone}`} aria-labelledby="latest-heading">
      <h2 id="latest-heading" className="card__title">
        {t("candidate.latest")}
      </h2>
      <div className="latest__role">
        <p className="muted small">{t("candidate.recommended")}</p>
        <p className="latest__role-name">{roleName}</p>
        <Link to={`/roles/${encodeURIComponent(latest.recommended_role)}`} className="small">
          {t("candidate.roadmap")}
        </Link>
      </div>
      <div className="latest__fit">
        <div>
          <p className="muted small">{t("candidate.fit")}</p>
          <p className="latest__fit-value">
            <strong>{latest.fit}</strong>
            <span className="muted"> / 100</span>
          </p>
        </div>
        {previous && (
          <p className="small">
            {t("candidate.sincePrevious")} <Change value={change(latest.fit, previous.fit)} />
          </p>
        )}
      </div>
      <div className="latest__lean">
        <p className="muted small">
          {t("candidate.lean")} <Badge tone={tone}>{t(`lean.${latest.lean}`, { defaultValue: latest.lean })}</Badge>
        </p>
        <div className="orientation">
          <span className="orientation__label">PM</span>
          <Meter value={latest.pm} label={t("candidate.pmScore", { n: latest.pm })} tone="pm" />
          <span className="orientation__value">{latest.pm}</span>
          <span className="orientation__label">PMO</span>
          <Meter value={latest.pmo} label={t("candidate.pmoScore", { n: latest.pmo })} tone="pmo" />
          <span className="orientation__value">{latest.pmo}</span>
        </div>
      </div>
      <dl className="facts small">
        <dt>{t("candidate.submitted")}</dt>
        <dd>{formatDate(latest.submitted_at, lang)}</dd>
        <dt>{t("candidate.attempts")}</dt>
        <dd>{t("candidate.attemptCount", { count: attempts })}</dd>
        <dt>{t("candidate.version")}</dt>
        <dd>{t("candidate.versionValue", { v: latest.questionnaire_version })}</dd>
      </dl>
      {latest.quality_flags.length > 0 && (
        <div className="alert alert--warn small">
          <p>
            <strong>{t("candidate.qualityTitle")}</strong>
          </p>
          <ul>
            {latest.quality_flags.map((f) => (
              <li key={f}>{t(`quality.${f}`, { defaultValue: f })}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

export function FitReasons({ reasons, roleName }: { reasons: FitReason[]; roleName: string }) {
  const { t } = useTranslation("advisor");
  const strengths = reasons.filter((r) => r.kind === "strength");
  const gaps = reasons.filter((r) => r.kind === "gap");
  return (
    <section className="card reasons" aria-labelledby="reasons-heading">
      <h2 id="reasons-heading" className="card__title">
        {t("reasons.title")}
      </h2>
      <p className="muted small">{t("reasons.lead", { role: roleName })}</p>
      <h3 className="reasons__h">
        <span className="reasons__icon reasons__icon--ok" aria-hidden="true">
          ✓
        </span>
        {t("reasons.strengths")}
      </h3>
      {strengths.length === 0 ? (
        <p className="muted small">{t("reasons.noStrengths")}</p>
      ) : (
        <ul className="reason-list">
          {strengths.map((r) => (
            <li key={r.dimension}>
              <span className="reason-list__name">{r.name}</span>
              <span className="reason-list__score">{t("reasons.score", { score: r.score })}</span>
              <span className="reason-list__weight muted small">{t("reasons.weight", { w: r.weight })}</span>
            </li>
          ))}
        </ul>
      )}
      <h3 className="reasons__h">
        <span className="reasons__icon reasons__icon--gap" aria-hidden="true">
          !
        </span>
        {t("reasons.gaps")}
      </h3>
      {gaps.length === 0 ? (
        <p className="muted small">{t("reasons.noGaps")}</p>
      ) : (
        <ul className="reason-list">
          {gaps.map((r) => (
            <li key={r.dimension}>
              <span className="reason-list__name">{r.name}</span>
              <span className="reason-list__score">{t("reasons.scoreVsTarget", { score: r.score, target: r.target })}</span>
              <span className="reason-list__weight muted small">{t("reasons.weight", { w: r.weight })}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function DimensionTable({ dims, hasPrevious }: { dims: DimensionMove[]; hasPrevious: boolean }) {
  const { t } = useTranslation("advisor");
  return (
    <ScrollTable caption={t("dimensions.caption")} className="dimension-table">
        <thead>
          <tr>
            <th scope="col">{t("dimensions.name")}</th>
            <th scope="col" className="num">
              {t("dimensions.score")}
            </th>
            <th scope="col" className="dimension-table__bar">
              <span className="visually-hidden">{t("dimensions.bar")}</span>
            </th>
            {hasPrevious && (
              <th scope="col" className="num">
                {t("dimensions.change")}
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {dims.map((d) => (
            <tr key={d.key}>
              <th scope="row">{d.name}</th>
              <td className="num">{d.score}</td>
              <td className="dimension-table__bar">
                <Meter value={d.score} label={t("dimensions.meter", { name: d.name, n: d.score })} tone="neutral" />
              </td>
              {hasPrevious && (
                <td className="num">
                  <Change value={d.change} />
                </td>
              )}
            </tr>
          ))}
        </tbody>
    </ScrollTable>
  );
}
