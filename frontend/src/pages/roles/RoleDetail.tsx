import { useMemo, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router-dom";
import { getRole, listCertifications, listRoles } from "../../api/endpoints";
import type { RoleDetail as Role } from "../../api/types";
import { ErrorAlert, Loading, Page } from "../../components/ui";
import { formatNumber } from "../../format";
import { useApi } from "../../hooks/useApi";
import { CertificationCards, ProfileList, RangeText, RoadmapByStage, SalaryTable, TrackBadge } from "./parts";
import { certLookup, primaryRange, totalMonths } from "./shape";
import "./roles.css";

export default function RoleDetail() {
  const { slug = "" } = useParams();
  const { t } = useTranslation("roles");
  const role = useApi(getRole, [slug]);

  if (role.loading && !role.data) {
    return (
      <Page title={t("detail.loadingTitle")}>
        <Loading />
      </Page>
    );
  }
  if (role.error || !role.data) {
    return (
      <Page title={role.error?.status === 404 ? t("detail.notFoundTitle") : t("detail.errorTitle")}>
        {role.error && <ErrorAlert error={role.error} onRetry={role.error.status === 404 ? undefined : () => void role.reload()} />}
        <Link to="/roles">{t("detail.backToList")}</Link>
      </Page>
    );
  }
  return <RoleView role={role.data} />;
}

function RoleView({ role }: { role: Role }) {
  const { t, i18n } = useTranslation("roles");
  const certs = useApi(listCertifications, []);
  const lookup = useMemo(() => certLookup(role.certifications, certs.data?.certifications), [role.certifications, certs.data]);
  const months = totalMonths(role.roadmap);
  const range = primaryRange(role.salary_ranges);

  return (
    <Page title={role.name} lead={role.summary} wide actions={<CompareWith slug={role.slug} />}>
      <nav aria-label={t("detail.breadcrumb")} className="rl-breadcrumb small">
        <ol>
          <li>
            <Link to="/roles">{t("list.title")}</Link>
          </li>
          <li>
            <Link to={`/roles?track=${role.track}`}>{t(`list.tab.${role.track}`)}</Link>
          </li>
          <li aria-current="page">{role.name}</li>
        </ol>
      </nav>

      <div className={`card role-facts card--${role.track}`}>
        <dl className="role-facts__list">
          <div>
            <dt>{t("detail.facts.track")}</dt>
            <dd>
              <TrackBadge track={role.track} />
            </dd>
          </div>
          <div>
            <dt>{t("detail.facts.level")}</dt>
            <dd>{role.level.name}</dd>
          </div>
          <div>
            <dt>{t("detail.facts.salary")}</dt>
            <dd>{range ? <RangeText range={range} /> : t("salary.none")}</dd>
          </div>
          <div>
            <dt>{t("detail.facts.roadmap")}</dt>
            <dd>
              {t("detail.facts.steps", { count: role.roadmap.length })}
              {months > 0 && <span className="muted"> · {t("detail.facts.years", { years: formatNumber(Math.round(months / 6) / 2, i18n.language) })}</span>}
            </dd>
          </div>
        </dl>
      </div>

      <div className="detail-grid">
        <section className="section" aria-labelledby="sec-work">
          <h2 id="sec-work">{t("detail.responsibilities")}</h2>
          <ul className="rl-checks">
            {role.responsibilities.map((r, i) => (
              <li key={i}>{r}</li>
            ))}
          </ul>
        </section>
        <section className="section" aria-labelledby="sec-profile">
          <h2 id="sec-profile">{t("detail.profile")}</h2>
          <p className="muted small">{t("detail.profileLead")}</p>
          <ProfileList profile={role.profile} track={role.track} />
        </section>
      </div>

      <section className="section" aria-labelledby="sec-roadmap">
        <h2 id="sec-roadmap">{t("detail.roadmap")}</h2>
        <p className="muted">{t("detail.roadmapLead")}</p>
        <RoadmapByStage steps={role.roadmap} certs={lookup} />
      </section>

      <section className="section" aria-labelledby="sec-certs">
        <h2 id="sec-certs">{t("detail.certifications")}</h2>
        {role.certifications.length > 0 ? (
          <>
            <p className="muted">{t("detail.certificationsLead")}</p>
            <CertificationCards certs={role.certifications} />
          </>
        ) : (
          <p className="muted">{t("detail.noCertifications")}</p>
        )}
      </section>

      <section className="section" aria-labelledby="sec-salary">
        <h2 id="sec-salary">{t("detail.salary")}</h2>
        <p className="muted">{t("detail.salaryLead")}</p>
        <SalaryTable ranges={role.salary_ranges} caption={t("detail.salaryCaption", { name: role.name })} />
      </section>

      <aside className="card roles-cta">
        <div>
          <h2>{t("detail.cta.title")}</h2>
          <p className="muted">{t("detail.cta.body", { name: role.name })}</p>
        </div>
        <div className="row">
          <Link to="/quiz" className="btn btn--primary">
            {t("list.cta.start")}
          </Link>
          <Link to={`/compare?a=${encodeURIComponent(role.slug)}`} className="btn btn--ghost">
            {t("detail.compareWith")}
          </Link>
        </div>
      </aside>
    </Page>
  );
}

/** CompareWith picks another role and opens the compare view with both. */
function CompareWith({ slug }: { slug: string }) {
  const { t } = useTranslation("roles");
  const navigate = useNavigate();
  const roles = useApi(listRoles, []);
  const [other, setOther] = useState("");
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const q = new URLSearchParams({ a: slug });
    if (other) q.set("b", other);
    navigate(`/compare?${q.toString()}`);
  };
  return (
    <form className="compare-with" onSubmit={submit}>
      <label htmlFor="compare-with" className="small">
        {t("detail.compareWith")}
      </label>
      <div className="row">
        <select id="compare-with" value={other} onChange={(e) => setOther(e.target.value)}>
          <option value="">{t("detail.compareChoose")}</option>
          {roles.data?.roles
            .filter((r) => r.slug !== slug)
            .map((r) => (
              <option key={r.slug} value={r.slug}>
                {t(`track.${r.track}`)} · {r.name}
              </option>
            ))}
        </select>
        <button type="submit" className="btn btn--ghost">
          {t("detail.compareGo")}
        </button>
      </div>
      {roles.error && <p className="field__error">{t("detail.compareListError")}</p>}
    </form>
  );
}

