import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router-dom";
import { getRole, listRoles } from "../../api/endpoints";
import type { RoleSummary } from "../../api/types";
import { Empty, ErrorAlert, Loading, Page } from "../../components/ui";
import { useApi } from "../../hooks/useApi";
import { CompareTable, CompareRoadmaps } from "./CompareParts";
import { compareSlugs } from "./shape";
import "./roles.css";

export default function Compare() {
  const { t } = useTranslation("roles");
  const [params, setParams] = useSearchParams();
  const roles = useApi(listRoles, []);
  const known = useMemo(() => roles.data?.roles.map((r) => r.slug), [roles.data]);
  const { a, b } = compareSlugs(params, known);
  // Details wait for the list, so a stale or mistyped slug in the address is dropped rather than fetched.
  const ra = useApi(getRole, known && a ? [a] : null);
  const rb = useApi(getRole, known && b ? [b] : null);

  const set = (key: "a" | "b", value: string) => {
    const p = new URLSearchParams(params);
    if (value) p.set(key, value);
    else p.delete(key);
    setParams(p, { replace: true });
  };
  const swap = () => {
    const p = new URLSearchParams(params);
    p.set("a", b);
    p.set("b", a);
    setParams(p, { replace: true });
  };

  const options = roles.data?.roles ?? [];
  const both = Boolean(a && b && ra.data && rb.data);
  const loading = !roles.data ? roles.loading : Boolean((a && ra.loading) || (b && rb.loading));
  const error = (a && ra.error) || (b && rb.error) || undefined;

  return (
    <Page title={t("compare.title")} lead={t("compare.lead")} wide>
      {roles.error && <ErrorAlert error={roles.error} onRetry={() => void roles.reload()} />}
      <form className="card compare-pick" onSubmit={(e) => e.preventDefault()} aria-label={t("compare.pickLabel")}>
        <RolePick which="a" label={t("compare.first")} value={a} other={b} options={options} onChange={(v) => set("a", v)} disabled={!roles.data} />
        <button type="button" className="btn btn--ghost compare-pick__swap" onClick={swap} disabled={!a || !b} title={t("compare.swapLabel")}>
          <span aria-hidden="true">⇄</span>
          <span className="compare-pick__swap-text">{t("compare.swapLabel")}</span>
        </button>
        <RolePick which="b" label={t("compare.second")} value={b} other={a} options={options} onChange={(v) => set("b", v)} disabled={!roles.data} />
      </form>

      {error && <ErrorAlert error={error} onRetry={() => void (ra.error ? ra.reload() : rb.reload())} />}
      {!error && loading && !both && <Loading />}
      {!error && !loading && roles.data && (!a || !b) && (
        <Empty action={<Link to="/roles">{t("compare.browse")}</Link>}>{t("compare.empty")}</Empty>
      )}
      {both && ra.data && rb.data && (
        <div aria-busy={loading ? true : undefined}>
          <CompareTable a={ra.data} b={rb.data} />
          <section className="section" aria-labelledby="cmp-roadmaps">
            <h2 id="cmp-roadmaps">{t("compare.roadmaps")}</h2>
            <CompareRoadmaps a={ra.data} b={rb.data} />
          </section>
          <p className="row">
            <Link to={`/roles/${ra.data.slug}`}>{t("compare.detailOf", { name: ra.data.name })}</Link>
            <Link to={`/roles/${rb.data.slug}`}>{t("compare.detailOf", { name: rb.data.name })}</Link>
          </p>
        </div>
      )}
    </Page>
  );
}

/** RolePick is one of the two role choices; the role picked on the other side cannot be picked again. */
function RolePick({ which, label, value, other, options, onChange, disabled }: { which: "a" | "b"; label: string; value: string; other: string; options: RoleSummary[]; onChange: (v: string) => void; disabled: boolean }) {
  const { t } = useTranslation("roles");
  return (
    <div className="field">
      <label htmlFor={`compare-${which}`}>{label}</label>
      <select id={`compare-${which}`} data-testid={`compare-${which}`} value={value} onChange={(e) => onChange(e.target.value)} disabled={disabled}>
        <option value="">{t("compare.choose")}</option>
        {options.map((r) => (
          <option key={r.slug} value={r.slug} disabled={r.slug === other}>
            {t(`track.${r.track}`)} · {r.name}
          </option>
        ))}
      </select>
    </div>
  );
}
