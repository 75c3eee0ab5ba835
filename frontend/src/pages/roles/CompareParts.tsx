// The side-by-side view of two roles: one table (overview, profile as
// paired bars, certifications) and the two roadmaps next to each other.
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import type { RoleDetail, Track } from "../../api/types";
import { Badge } from "../../components/ui";
import { formatNumber } from "../../format";
import { RangeText, SourceLink, TrackBadge } from "./parts";
import { compareCertifications, compareProfiles, totalMonths } from "./shape";

function PairBar({ weight, track }: { weight: number; track: Track }) {
  const { t } = useTranslation("roles");
  if (weight === 0) return <span className="muted small">{t("compare.notInProfile")}</span>;
  return (
    <span className="rl-pair-bar">
      <span className="rl-pair-bar__track" aria-hidden="true">
        <span className={`rl-pair-bar__fill rl-pair-bar__fill--${track}`} style={{ width: `${weight * 20}%` }} />
      </span>
      <span className="rl-pair-bar__text small">{t("weight.text", { weight, label: t(`weight.${weight}`) })}</span>
    </span>
  );
}

function Has({ yes }: { yes: boolean }) {
  const { t } = useTranslation("roles");
  return yes ? (
    <span className="rl-has rl-has--yes">
      <span aria-hidden="true">✓ </span>
      {t("compare.included")}
    </span>
  ) : (
    <span className="rl-has rl-has--no muted">
      <span aria-hidden="true">– </span>
      {t("compare.notIncluded")}
    </span>
  );
}

/** GroupHead opens a group of rows across the whole table. */
function GroupHead({ children }: { children: ReactNode }) {
  return (
    <tr className="compare-table__group">
      <th scope="rowgroup" colSpan={3}>
        {children}
      </th>
    </tr>
  );
}

function Years({ role }: { role: RoleDetail }) {
  const { t, i18n } = useTranslation("roles");
  const months = totalMonths(role.roadmap);
  return (
    <>
      {t("detail.facts.steps", { count: role.roadmap.length })}
      {months > 0 && <span className="muted"> · {t("detail.facts.years", { years: formatNumber(Math.round(months / 6) / 2, i18n.language) })}</span>}
    </>
  );
}

export function CompareTable({ a, b }: { a: RoleDetail; b: RoleDetail }) {
  const { t } = useTranslation("roles");
  const profile = compareProfiles(a.profile, b.profile);
  const certs = compareCertifications(a.certifications, b.certifications);
  const pair = [a, b];
  return (
    <div className="table-wrap compare-wrap" tabIndex={0} role="region" aria-label={t("compare.caption", { a: a.name, b: b.name })}>
      <table className="compare-table" data-testid="compare-table">
        <caption>{t("compare.caption", { a: a.name, b: b.name })}</caption>
        <thead>
          <tr>
            <th scope="col" className="compare-table__item">
              {t("compare.item")}
            </th>
            {pair.map((r) => (
              <th key={r.slug} scope="col" className={`compare-table__role compare-table__role--${r.track}`}>
                <Link to={`/roles/${r.slug}`}>{r.name}</Link>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{t("detail.facts.track")}</th>
            {pair.map((r) => (
              <td key={r.slug}>
                <TrackBadge track={r.track} /> <Badge>{r.level.name}</Badge>
              </td>
            ))}
          </tr>
          <tr>
            <th scope="row">{t("compare.summary")}</th>
            {pair.map((r) => (
              <td key={r.slug} className="small">
                {r.summary}
              </td>
            ))}
          </tr>
          <tr>
            <th scope="row">{t("detail.facts.salary")}</th>
            {pair.map((r) => (
              <td key={r.slug}>
                {r.salary_ranges.length === 0 ? (
                  <span className="muted">{t("salary.none")}</span>
                ) : (
                  <ul className="rl-plain">
                    {r.salary_ranges.map((s, i) => (
                      <li key={i}>
                        <strong>
                          <RangeText range={s} />
                        </strong>
                        <br />
                        <span className="small">{s.label}</span>
                        <br />
                        <span className="small muted">
                          <SourceLink source={s.source} />
                        </span>
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            ))}
          </tr>
          <tr>
            <th scope="row">{t("detail.facts.roadmap")}</th>
            {pair.map((r) => (
              <td key={r.slug}>
                <Years role={r} />
              </td>
            ))}
          </tr>
        </tbody>
        <tbody>
          <GroupHead>
            {t("compare.profile")}
            <span className="muted small compare-table__group-note"> {t("compare.profileNote")}</span>
          </GroupHead>
          {profile.map((p) => (
            <tr key={p.dimension}>
              <th scope="row">{p.name}</th>
              <td>
                <PairBar weight={p.a} track={a.track} />
              </td>
              <td>
                <PairBar weight={p.b} track={b.track} />
              </td>
            </tr>
          ))}
        </tbody>
        <tbody>
          <GroupHead>{t("detail.certifications")}</GroupHead>
          {certs.length === 0 && (
            <tr>
              <td colSpan={3} className="muted">
                {t("detail.noCertifications")}
              </td>
            </tr>
          )}
          {certs.map(({ cert, inA, inB }) => (
            <tr key={cert.slug}>
              <th scope="row">
                {cert.abbreviation}
                <br />
                <span className="small muted compare-table__cert-name">{cert.name}</span>
              </th>
              <td>
                <Has yes={inA} />
              </td>
              <td>
                <Has yes={inB} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function CompareRoadmaps({ a, b }: { a: RoleDetail; b: RoleDetail }) {
  const { t } = useTranslation("roles");
  return (
    <div className="grid grid--2 compare-roadmaps">
      {[a, b].map((r) => (
        <article key={r.slug} className={`card card--${r.track}`} aria-labelledby={`cmp-rm-${r.slug}`}>
          <h3 id={`cmp-rm-${r.slug}`}>{r.name}</h3>
          <ol className="rl-mini-roadmap">
            {r.roadmap.map((s) => (
              <li key={s.id}>
                <span className="rl-mini-roadmap__stage small">{s.stage.name}</span>
                <span className="rl-mini-roadmap__title">{s.title}</span>
                {s.months > 0 && <span className="muted small"> ({t("roadmap.months", { count: s.months })})</span>}
              </li>
            ))}
          </ol>
        </article>
      ))}
    </div>
  );
}
