// Role fit on the results page and what may be said about it: the list of
// roles with their fits and intervals, the verdict on the best-fitting role
// (clear, likely, or two roles too close to call), and the refusal of a
// sheet that cannot be trusted (docs/scoring.md, "Confidence" and
// "Response quality and refusals").
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import type { RoleFit } from "../../api/types";
import { Badge } from "../../components/ui";
import { fitRange, flagReasons, type Verdict } from "./resultsLogic";

export function trackTone(track: string): "pm" | "pmo" | "neutral" {
  return track === "pm" ? "pm" : track === "pmo" ? "pmo" : "neutral";
}

/** FitMeter is a fit's bar with its interval drawn over it; the interval is also in the meter's text. */
export function FitMeter({ role, muted }: { role: RoleFit; muted?: boolean }) {
  const { t } = useTranslation("results");
  const v = Math.max(0, Math.min(100, Math.round(role.fit)));
  const range = fitRange(role);
  const tone = muted ? "neutral" : trackTone(role.track);
  return (
    <div
      className="meter fit-meter"
      role="meter"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={v}
      aria-label={t("roleFit.meter", { role: role.name, n: v })}
      aria-valuetext={range ? t("roleFit.rangeText", { n: v, low: range.low, high: range.high }) : undefined}
    >
      <div className={`meter__fill meter__fill--${tone}`} style={{ width: `${v}%` }} />
      {range && <div className="fit-meter__range" style={{ left: `${range.low}%`, width: `${Math.max(range.high - range.low, 1)}%` }} />}
    </div>
  );
}

/** FitScore writes a fit and, when the result has one, its interval: 72 (65–79). */
export function FitScore({ role }: { role: RoleFit }) {
  const { t } = useTranslation("results");
  const range = fitRange(role);
  return (
    <span className="role-fit__score">
      <span className="visually-hidden">{t("roleFit.fitLabel")} </span>
      {role.fit}
      {range && (
        <span className="role-fit__range">
          <span aria-hidden="true">{t("roleFit.range", { low: range.low, high: range.high })}</span>
          <span className="visually-hidden">{t("roleFit.rangeSpoken", { low: range.low, high: range.high })}</span>
        </span>
      )}
    </span>
  );
}

/** RoleFitList lists every role with its fit and reasons, marking the role or roles the verdict names. */
export function RoleFitList({ roles, verdict }: { roles: RoleFit[]; verdict: Verdict }) {
  const { t } = useTranslation("results");
  const refused = verdict.kind === "refused";
  const mark = (slug: string): string | null => {
    if (verdict.kind === "tooClose") return slug === verdict.first.slug || slug === verdict.second.slug ? t("roleFit.close") : null;
    if (verdict.kind === "likely") return slug === verdict.best.slug ? t("roleFit.likely") : null;
    if (verdict.kind === "clear") return slug === verdict.best.slug ? t("roleFit.best") : null;
    return null;
  };
  return (
    <ol className={`role-fit${refused ? " role-fit--unreliable" : ""}`} data-testid="role-fit">
      {roles.map((r, i) => {
        const badge = mark(r.slug);
        const why =
          r.why.length > 0 ? (
            <ul className="role-fit__why">
              {r.why.map((w, j) => (
                <li key={j} className={`why why--${r.reasons[j]?.kind ?? "strength"}`}>
                  <span className="why__kind">{t(`why.${r.reasons[j]?.kind ?? "strength"}`)}</span>
                  <span>{w}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted small">{t("roleFit.noReasons")}</p>
          );
        return (
          <li key={r.slug} className={`role-fit__item${badge ? " role-fit__item--best" : ""}`} data-role={r.slug}>
            <div className="role-fit__head">
              <span className="role-fit__rank" aria-hidden="true">
                {i + 1}
              </span>
              <h3 className="role-fit__name">
                <Link to={`/roles/${r.slug}`}>{r.name}</Link>
              </h3>
              <Badge tone={trackTone(r.track)}>{t(`track.${r.track}`)}</Badge>
              {badge && <Badge tone="ok">{badge}</Badge>}
              <FitScore role={r} />
            </div>
            <FitMeter role={r} muted={refused} />
            {i < 3 && !refused ? (
              why
            ) : (
              <details className="role-fit__more">
                <summary>{t("roleFit.showWhy")}</summary>
                {why}
              </details>
            )}
          </li>
        );
      })}
    </ol>
  );
}

/** RoleVerdict says which role fits, as surely as the result allows. */
export function RoleVerdict({ verdict: v }: { verdict: Exclude<Verdict, { kind: "refused" }> }) {
  const { t } = useTranslation("results");
  if (v.kind === "tooClose") {
    return (
      <div className="verdict verdict--close" data-testid="results-verdict" data-level="too_close">
        <p className="kicker">{t("verdict.closeKicker")}</p>
        <h3 className="verdict__title">{t("verdict.closeTitle", { a: v.first.name, b: v.second.name })}</h3>
        <p className="verdict__body">{t("verdict.closeBody", { count: v.margin })}</p>
        <ul className="verdict__links">
          <li>
            <Link to={`/roles/${v.first.slug}`}>{t("verdict.seeRole", { role: v.first.name })}</Link>
          </li>
          <li>
            <Link to={`/roles/${v.second.slug}`}>{t("verdict.seeRole", { role: v.second.name })}</Link>
          </li>
          <li>
            <Link to={`/compare?a=${encodeURIComponent(v.first.slug)}&b=${encodeURIComponent(v.second.slug)}`}>{t("verdict.compare")}</Link>
          </li>
        </ul>
      </div>
    );
  }
  const best = v.best;
  const range = fitRange(best);
  return (
    <div className={`verdict verdict--${v.kind}`} data-testid="results-verdict" data-level={v.kind}>
      <p className="kicker">{v.kind === "likely" ? t("verdict.likelyKicker") : t("lean.bestRole")}</p>
      <p className="lean-hero__role">
        <Link to={`/roles/${best.slug}`}>{best.name}</Link> <Badge tone={trackTone(best.track)}>{t(`track.${best.track}`)}</Badge>
      </p>
      <p className="muted small">
        {range ? (
          <>
            <span aria-hidden="true">{t("lean.fitRange", { n: best.fit, low: range.low, high: range.high })}</span>
            <span className="visually-hidden">{t("roleFit.rangeText", { n: best.fit, low: range.low, high: range.high })}</span>
          </>
        ) : (
          t("lean.fit", { n: best.fit })
        )}
      </p>
      {v.kind === "likely" && <p className="small verdict__runner-up">{t("verdict.likelyRunnerUp", { role: v.runnerUp.name, count: v.margin })}</p>}
    </div>
  );
}

/** RefusedNotice explains, per reason, why a sheet gets no advice, and offers to take the assessment again. */
export function RefusedNotice({ verdict: v }: { verdict: Extract<Verdict, { kind: "refused" }> }) {
  const { t } = useTranslation("results");
  const reasons = flagReasons(v.flags);
  return (
    <section className="card refused" data-testid="results-refused" aria-labelledby="refused-title">
      <p className="kicker">{t("refused.kicker")}</p>
      <h2 id="refused-title" className="refused__title">
        {t("refused.title")}
      </h2>
      {reasons.length > 0 && (
        <>
          <p>{t("refused.because")}</p>
          <ul className="refused__reasons">
            {reasons.map((r) => (
              <li key={r}>{t(`refused.reason.${r}`)}</li>
            ))}
          </ul>
        </>
      )}
      <p>{t("refused.noAdvice")}</p>
      <p>{t("refused.again")}</p>
      <p className="refused__actions">
        <Link to="/quiz" className="btn btn--primary" data-testid="results-retake">
          {t("refused.retake")}
        </Link>
      </p>
    </section>
  );
}

/** RefusedFits shows the fits of a refused sheet folded away, each marked as not to be relied on. */
export function RefusedFits({ roles, verdict }: { roles: RoleFit[]; verdict: Extract<Verdict, { kind: "refused" }> }) {
  const { t } = useTranslation("results");
  return (
    <details className="card refused-fits" data-testid="refused-fits">
      <summary>{t("refused.fitsSummary")}</summary>
      <p className="muted small">{t("refused.fitsNote")}</p>
      <RoleFitList roles={roles} verdict={verdict} />
    </details>
  );
}
