// Presentational pieces of the advisor's candidate page; they take data as
// props so they can be tested without the API.
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { STAGES, type Attempt, type DimensionMove, type Result } from "../../api/types";
import { ColumnHeads } from "../../components/ColumnHeads";
import ScrollTable from "../../components/ScrollTable";
import { Badge, leanTone, Meter } from "../../components/ui";
import { formatDate } from "../../format";
import { change, nextStep, recommendedFit, signed, topFits, whyLines } from "./history";

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
  result: Result;
  /** The newest attempt from the history, for its date and the change in fit. */
  latest?: Attempt;
  previous?: Attempt;
  attempts: number;
}

export function LatestSummary({ result, latest, previous, attempts }: LatestSummaryProps) {
  const { t, i18n } = useTranslation("advisor");
  const lang = i18n.language;
  const lean = result.orientation.lean;
  const tone = leanTone(lean);
  const recommended = recommendedFit(result);
  // Without a recommended role (answers not reliable) there is no fit to show.
  const role = result.recommended_role;
  const fit = role === null ? undefined : (recommended?.fit ?? latest?.fit);
  const flags = result.quality.flags;
  return (
    <section className={`card latest card--${tone === "neutral" ? "plain" : tone}`} aria-labelledby="latest-heading" data-testid="latest-summary">
      <h2 id="latest-heading" className="card__title">
        {t("candidate.latest")}
      </h2>
      <div className="latest__role">
        <p className="muted small">{t("candidate.recommended")}</p>
        {role === null ? (
          <>
            <p className="latest__role-name latest__role-name--none" data-testid="recommended-role">
              {t("candidate.noRole")}
            </p>
            <p className="muted small">{t("candidate.noRoleWhy")}</p>
          </>
        ) : (
          <>
            <p className="latest__role-name" data-testid="recommended-role">
              {recommended?.name ?? result.plan.target_role_name ?? role}
            </p>
            <Link to={`/roles/${encodeURIComponent(role)}`} className="small">
              {t("candidate.roadmap")}
            </Link>
          </>
        )}
      </div>
      <div className="latest__fit">
        {fit !== undefined && (
          <div>
            <p className="muted small">{t("candidate.fit")}</p>
            <p className="latest__fit-value">
              <strong>{fit}</strong>
              <span className="muted"> / 100</span>
            </p>
          </div>
        )}
        {fit !== undefined && latest && previous && (
          <p className="small">
            {t("candidate.sincePrevious")} <Change value={change(latest.fit, previous.fit)} />
          </p>
        )}
      </div>
      <div className="latest__lean">
        <p className="muted small">
          {t("candidate.lean")}{" "}
          <Badge tone={tone}>
            <span data-testid="lean">{t(`lean.${lean}`, { defaultValue: lean })}</span>
          </Badge>
        </p>
        <div className="orientation">
          <span className="orientation__label">PM</span>
          <Meter value={result.orientation.pm} label={t("candidate.pmScore", { n: result.orientation.pm })} tone="pm" />
          <span className="orientation__value">{result.orientation.pm}</span>
          <span className="orientation__label">PMO</span>
          <Meter value={result.orientation.pmo} label={t("candidate.pmoScore", { n: result.orientation.pmo })} tone="pmo" />
          <span className="orientation__value">{result.orientation.pmo}</span>
        </div>
      </div>
      <dl className="facts small">
        {latest && (
          <>
            <dt>{t("candidate.submitted")}</dt>
            <dd>{formatDate(latest.submitted_at, lang)}</dd>
          </>
        )}
        <dt>{t("candidate.attempts")}</dt>
        <dd>{t("candidate.attemptCount", { count: attempts })}</dd>
        <dt>{t("candidate.version")}</dt>
        <dd>{t("candidate.versionValue", { v: result.questionnaire_version })}</dd>
      </dl>
      {flags.length > 0 && (
        <div className="alert alert--warn small" data-testid="quality-flags">
          <p>
            <strong>{t("candidate.qualityTitle")}</strong>
          </p>
          <ul>
            {flags.map((f) => (
              <li key={f}>{t(`quality.${f}`, { defaultValue: f })}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

/** ReadinessCard shows where the candidate stands, the next step and the plan's gaps. */
export function ReadinessCard({ result, certName }: { result: Result; certName: (slug: string) => string }) {
  const { t } = useTranslation("advisor");
  const { readiness, plan } = result;
  const stage = STAGES.indexOf(readiness.level);
  const step = nextStep(result);
  return (
    <section className="card readiness-card" aria-labelledby="readiness-heading" data-testid="readiness">
      <h2 id="readiness-heading" className="card__title">
        {t("readiness.title")}
      </h2>
      <dl className="readiness-card__facts">
        <div>
          <dt>{t("readiness.level")}</dt>
          <dd>
            <strong data-testid="readiness-level">{readiness.level_name}</strong>
            {stage >= 0 && <span className="muted small"> {t("readiness.stageOf", { n: stage + 1, total: STAGES.length })}</span>}
          </dd>
        </div>
        <div>
          <dt>{t("readiness.next")}</dt>
          <dd>
            <strong data-testid="readiness-next">{readiness.next_step || "—"}</strong>
            {step?.detail && <span className="readiness-card__detail small">{step.detail}</span>}
          </dd>
        </div>
        <div>
          <dt>{t("readiness.held")}</dt>
          <dd>{readiness.held_certifications.length > 0 ? readiness.held_certifications.map(certName).join(t("listSep")) : t("readiness.none")}</dd>
        </div>
      </dl>

      <PlanGaps plan={plan} />
    </section>
  );
}

/** PlanGaps lists what to develop for the plan's role; a result without a targeted plan says why. */
function PlanGaps({ plan }: { plan: Result["plan"] }) {
  const { t } = useTranslation("advisor");
  if (plan.target_role_name === null) {
    return (
      <p className="muted small" data-testid="plan-gaps">
        {t("gaps.noTarget")}
      </p>
    );
  }
  return (
    <>
      <h3 className="readiness-card__h">{t("gaps.title", { role: plan.target_role_name })}</h3>
      {plan.gaps.length === 0 ? (
        <p className="muted small" data-testid="plan-gaps">
          {t("gaps.none")}
        </p>
      ) : (
        <>
          <p className="muted small">{t("gaps.lead")}</p>
          <ul className="gap-list" data-testid="plan-gaps">
            {plan.gaps.map((g) => (
              <li key={g.dimension}>
                <span className="gap-list__name">{g.name}</span>
                <span className="gap-list__score">{t("gaps.scoreVsTarget", { score: g.score, target: g.target })}</span>
                <span className="gap-list__bar">
                  <Meter value={g.score} label={t("gaps.meter", { name: g.name, score: g.score, target: g.target })} tone="neutral" />
                  <span className="gap-list__target" style={{ left: `${Math.max(0, Math.min(100, g.target))}%` }} aria-hidden="true" />
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

/** RoleFits lists the best-fitting roles with the server's sentences on why. */
export function RoleFits({ result, count = 3 }: { result: Result; count?: number }) {
  const { t } = useTranslation("advisor");
  const fits = topFits(result, count);
  return (
    <section className="section" aria-labelledby="fits-heading" data-testid="role-fits">
      <h2 id="fits-heading">{t("fits.title", { count: fits.length })}</h2>
      <p className="muted small">{t("fits.lead")}</p>
      <ol className="role-fits">
        {fits.map((r) => {
          const lines = whyLines(r);
          return (
            <li key={r.slug} className={`card role-fit role-fit--${r.track}`} data-testid="role-fit">
              <div className="role-fit__head">
                <h3 className="role-fit__name">{r.name}</h3>
                <p className="role-fit__badges">
                  <Badge tone={r.track}>{t(`track.${r.track}`)}</Badge>
                  {r.slug === result.recommended_role && <Badge tone="ok">{t("fits.recommended")}</Badge>}
                </p>
                <div className="role-fit__meter">
                  <Meter value={r.fit} label={t("fits.meter", { role: r.name, n: r.fit })} tone={r.track} />
                  <span className="role-fit__value">
                    <strong>{r.fit}</strong>
                    <span className="muted small"> / 100</span>
                  </span>
                </div>
              </div>
              {lines.length === 0 ? (
                <p className="muted small">{t("fits.noWhy")}</p>
              ) : (
                <ul className="why-list">
                  {lines.map((l, i) => (
                    <li key={i} className={`why-list__item${l.kind ? ` why-list__item--${l.kind}` : ""}`}>
                      <span className="why-list__icon" aria-hidden="true">
                        {l.kind === "strength" ? "✓" : l.kind === "gap" ? "!" : "•"}
                      </span>
                      <span>
                        {l.kind && <span className="visually-hidden">{t(`fits.${l.kind}`) + t("fits.labelSep")}</span>}
                        {l.text}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

export interface CandidateOverviewProps {
  result: Result | null;
  latest?: Attempt;
  previous?: Attempt;
  attempts: number;
  certName: (slug: string) => string;
}

/** CandidateOverview is the latest result at a glance, or why there is none. */
export function CandidateOverview({ result, latest, previous, attempts, certName }: CandidateOverviewProps) {
  const { t } = useTranslation("advisor");
  if (!result) {
    return (
      <div className="empty" data-testid="no-result">
        <p className="empty__title">{t("candidate.noResultTitle")}</p>
        <p>{attempts > 0 ? t("candidate.noResult") : t("candidate.noAttempts")}</p>
      </div>
    );
  }
  return (
    <>
      <div className="candidate-grid">
        <LatestSummary result={result} latest={latest} previous={previous} attempts={attempts} />
        <ReadinessCard result={result} certName={certName} />
      </div>
      <RoleFits result={result} />
    </>
  );
}

export function DimensionTable({ dims, hasPrevious }: { dims: DimensionMove[]; hasPrevious: boolean }) {
  const { t } = useTranslation("advisor");
  return (
    <ScrollTable caption={t("dimensions.caption")} className="dimension-table">
        <ColumnHeads
          columns={[
            { label: t("dimensions.name") },
            { label: t("dimensions.score"), numeric: true },
            { label: t("dimensions.bar"), className: "dimension-table__bar", hiddenLabel: true },
            hasPrevious && { label: t("dimensions.change"), numeric: true },
          ]}
        />
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
