// Presentational pieces of the role pages. They take data as props; the
// page components fetch.
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import type { CertificationSummary, ProfileEntry, RoadmapStep, RoleSummary, SalaryRange, Track } from "../../api/types";
import { ColumnHeads } from "../../components/ColumnHeads";
import { Badge } from "../../components/ui";
import { formatRange } from "../../format";
import { groupByStage, primaryRange } from "./shape";

export function TrackBadge({ track }: { track: Track | "both" }) {
  const { t } = useTranslation("roles");
  return <Badge tone={track === "both" ? "neutral" : track}>{t(`track.${track}`)}</Badge>;
}

/** RangeText writes one salary range with an "estimate" mark when pmpath derived it. */
export function RangeText({ range }: { range: SalaryRange }) {
  const { t, i18n } = useTranslation("roles");
  return (
    <>
      <span className="nowrap">{formatRange(range.min_jpy, range.max_jpy, i18n.language)}</span>
      {range.estimate && (
        <>
          {" "}
          <Badge tone="warn">{t("salary.estimate")}</Badge>
        </>
      )}
    </>
  );
}

export function RoleCard({ role, certs }: { role: RoleSummary; certs?: Map<string, CertificationSummary> }) {
  const { t } = useTranslation("roles");
  const range = primaryRange(role.salary_ranges);
  const abbr = role.certifications.map((s) => certs?.get(s)?.abbreviation ?? s);
  return (
    <article className={`card role-card card--${role.track}`} data-testid="role-card" data-slug={role.slug}>
      <div className="row role-card__meta">
        <TrackBadge track={role.track} />
        <Badge>{t("card.level", { level: role.level.name })}</Badge>
      </div>
      <h3 className="role-card__name">
        <Link to={`/roles/${role.slug}`}>{role.name}</Link>
      </h3>
      <p className="role-card__summary">{role.summary}</p>
      <dl className="facts role-card__facts">
        <dt>{t("card.salary")}</dt>
        <dd>{range ? <RangeText range={range} /> : <span className="muted">{t("salary.none")}</span>}</dd>
        <dt>{t("card.certifications")}</dt>
        <dd>{abbr.length > 0 ? abbr.join(" / ") : <span className="muted">{t("card.noCertifications")}</span>}</dd>
      </dl>
      <div className="role-card__actions">
        <Link to={`/roles/${role.slug}`} className="btn btn--ghost btn--small">
          {t("card.more")}
          <span className="visually-hidden">{t("card.moreAbout", { name: role.name })}</span>
        </Link>
        <Link to={`/compare?a=${encodeURIComponent(role.slug)}`} className="btn btn--ghost btn--small">
          {t("card.compare")}
          <span className="visually-hidden">{t("card.moreAbout", { name: role.name })}</span>
        </Link>
      </div>
    </article>
  );
}

/** Weight shows an importance of 1–5 as five pips and words; the pips are decoration. */
export function Weight({ weight, track }: { weight: number; track: Track }) {
  const { t } = useTranslation("roles");
  return (
    <span className="rl-weight">
      <span className={`rl-weight__pips rl-weight__pips--${track}`} aria-hidden="true">
        {[1, 2, 3, 4, 5].map((i) => (
          <span key={i} className={i <= weight ? "rl-weight__pip rl-weight__pip--on" : "rl-weight__pip"} />
        ))}
      </span>
      <span className="rl-weight__text">{t("weight.text", { weight, label: t(`weight.${weight}`) })}</span>
    </span>
  );
}

export function ProfileList({ profile, track }: { profile: ProfileEntry[]; track: Track }) {
  return (
    <ul className="rl-profile">
      {profile.map((p) => (
        <li key={p.dimension} className="rl-profile__item">
          <div className="spread">
            <strong>{p.name}</strong>
            <Weight weight={p.weight} track={track} />
          </div>
          <p className="muted small">{p.rationale}</p>
        </li>
      ))}
    </ul>
  );
}

/** RoadmapByStage lists the steps in order under their stage; certificate chips jump to the certifications section. */
export function RoadmapByStage({ steps, certs, anchorCerts = true }: { steps: RoadmapStep[]; certs: Map<string, CertificationSummary>; anchorCerts?: boolean }) {
  const { t } = useTranslation("roles");
  let n = 0;
  return (
    <div className="rl-roadmap">
      {groupByStage(steps).map((g, gi) => (
        <section key={`${g.stage.key}-${gi}`} className={`rl-roadmap__stage rl-roadmap__stage--${g.stage.key}`} aria-labelledby={`stage-${gi}`}>
          <h3 id={`stage-${gi}`} className="rl-roadmap__stage-name">
            <span className="rl-roadmap__stage-kicker">{t("roadmap.stage")}</span> {g.stage.name}
          </h3>
          <ol className="rl-roadmap__steps" start={n + 1}>
            {g.steps.map((s) => {
              n++;
              return (
                <li key={s.id} className="rl-roadmap__step" id={`step-${s.id}`}>
                  <h4 className="rl-roadmap__title">{s.title}</h4>
                  <p>{s.detail}</p>
                  <p className="small rl-roadmap__experience">
                    <strong>{t("roadmap.experience")}</strong> {s.experience}
                  </p>
                  <p className="row small rl-roadmap__meta">
                    {s.months > 0 && <Badge>{t("roadmap.months", { count: s.months })}</Badge>}
                    {s.certifications.map((slug) => {
                      const c = certs.get(slug);
                      const label = c?.abbreviation ?? slug;
                      return anchorCerts && c ? (
                        <a key={slug} href={`#cert-${slug}`} className="rl-chip" title={c.name}>
                          {t("roadmap.cert", { name: label })}
                        </a>
                      ) : (
                        <span key={slug} className="rl-chip" title={c?.name}>
                          {t("roadmap.cert", { name: label })}
                        </span>
                      );
                    })}
                  </p>
                </li>
              );
            })}
          </ol>
        </section>
      ))}
    </div>
  );
}

export function CertificationCards({ certs }: { certs: CertificationSummary[] }) {
  const { t } = useTranslation("roles");
  return (
    <div className="grid grid--2">
      {certs.map((c) => (
        <article key={c.slug} className="card cert-card" id={`cert-${c.slug}`} tabIndex={-1}>
          <div className="row">
            <Badge tone={c.track === "both" ? "neutral" : c.track}>{c.abbreviation}</Badge>
            <span className="muted small">{t("cert.stage", { stage: c.stage.name })}</span>
          </div>
          <h3 className="cert-card__name">{c.name}</h3>
          <p className="muted small">{c.issuer}</p>
          <p>{c.summary}</p>
          <a href={c.url} target="_blank" rel="noopener noreferrer" className="small">
            {t("cert.official")}
            <span className="visually-hidden">
              {" "}
              {c.name} {t("newWindow")}
            </span>
          </a>
        </article>
      ))}
    </div>
  );
}

/** SourceLink names where a figure comes from, linked when the source is online. */
export function SourceLink({ source }: { source: SalaryRange["source"] }) {
  const { t } = useTranslation("roles");
  const text = t("salary.sourceYear", { name: source.name, year: source.year });
  return source.url ? (
    <a href={source.url} target="_blank" rel="noopener noreferrer">
      {text}
      <span className="visually-hidden"> {t("newWindow")}</span>
    </a>
  ) : (
    <span>{text}</span>
  );
}

export function SalaryTable({ ranges, caption }: { ranges: SalaryRange[]; caption: string }) {
  const { t } = useTranslation("roles");
  if (ranges.length === 0) return <p className="muted">{t("salary.none")}</p>;
  return (
    // Focusable so keyboard users can scroll it on a narrow screen.
    <div className="table-wrap" tabIndex={0} role="region" aria-label={caption}>
      <table className="salary-table">
        <caption className="visually-hidden">{caption}</caption>
        <ColumnHeads columns={[{ label: t("salary.label") }, { label: t("salary.range") }, { label: t("salary.source") }]} />
        <tbody>
          {ranges.map((r, i) => (
            <tr key={i}>
              <th scope="row" className="salary-table__label">
                {r.label}
                {r.note && <p className="muted small salary-table__note">{r.note}</p>}
              </th>
              <td className="salary-table__range">
                <RangeText range={r} />
              </td>
              <td className="small">
                <SourceLink source={r.source} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
