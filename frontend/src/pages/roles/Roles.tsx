import { useMemo, useRef, type KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router-dom";
import { listCertifications, listRoles } from "../../api/endpoints";
import { Empty, ErrorAlert, Loading, Page } from "../../components/ui";
import { useApi } from "../../hooks/useApi";
import { RoleCard } from "./parts";
import { certLookup, filterRoles, parseTrack, type TrackFilter } from "./shape";
import "./roles.css";

const TABS: TrackFilter[] = ["all", "pm", "pmo"];

export default function Roles() {
  const { t } = useTranslation("roles");
  const [params, setParams] = useSearchParams();
  const track = parseTrack(params.get("track"));
  const roles = useApi(listRoles, []);
  const certs = useApi(listCertifications, []);
  const lookup = useMemo(() => certLookup(certs.data?.certifications), [certs.data]);
  const tabRefs = useRef<(HTMLButtonElement | null)[]>([]);

  const select = (next: TrackFilter) => {
    const p = new URLSearchParams(params);
    if (next === "all") p.delete("track");
    else p.set("track", next);
    setParams(p, { replace: true });
  };

  // Arrow keys move between tabs, as the WAI-ARIA tabs pattern expects.
  const onKey = (e: KeyboardEvent<HTMLButtonElement>, i: number) => {
    let j = -1;
    if (e.key === "ArrowRight") j = (i + 1) % TABS.length;
    else if (e.key === "ArrowLeft") j = (i - 1 + TABS.length) % TABS.length;
    else if (e.key === "Home") j = 0;
    else if (e.key === "End") j = TABS.length - 1;
    if (j < 0) return;
    e.preventDefault();
    select(TABS[j]);
    tabRefs.current[j]?.focus();
  };

  const list = roles.data ? filterRoles(roles.data.roles, track) : [];
  const sections: ("pm" | "pmo")[] = track === "all" ? ["pm", "pmo"] : [track];

  return (
    <Page title={t("list.title")} lead={t("list.lead")} wide>
      <div className="tabs" role="tablist" aria-label={t("list.tabsLabel")}>
        {TABS.map((k, i) => (
          <button
            key={k}
            ref={(el) => {
              tabRefs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`tab-${k}`}
            aria-selected={track === k}
            aria-controls="roles-panel"
            tabIndex={track === k ? 0 : -1}
            onClick={() => select(k)}
            onKeyDown={(e) => onKey(e, i)}
          >
            {t(`list.tab.${k}`)}
          </button>
        ))}
      </div>
      <div id="roles-panel" role="tabpanel" aria-labelledby={`tab-${track}`}>
        {roles.loading && !roles.data && <Loading />}
        {roles.error && <ErrorAlert error={roles.error} onRetry={() => void roles.reload()} />}
        {roles.data && list.length === 0 && <Empty>{t("list.empty")}</Empty>}
        {roles.data &&
          sections.map((tr) => {
            const group = list.filter((r) => r.track === tr);
            if (group.length === 0) return null;
            return (
              <section key={tr} className="section roles-section" aria-labelledby={`roles-${tr}`}>
                <div className={`roles-section__head roles-section__head--${tr}`}>
                  <h2 id={`roles-${tr}`}>{t(`list.section.${tr}.title`)}</h2>
                  <p className="muted">{t(`list.section.${tr}.lead`)}</p>
                </div>
                <div className="grid roles-grid">
                  {group.map((r) => (
                    <RoleCard key={r.slug} role={r} certs={lookup} />
                  ))}
                </div>
              </section>
            );
          })}
      </div>
      <aside className="card roles-cta">
        <div>
          <h2>{t("list.cta.title")}</h2>
          <p className="muted">{t("list.cta.body")}</p>
        </div>
        <div className="row">
          <Link to="/quiz" className="btn btn--primary">
            {t("list.cta.start")}
          </Link>
          <Link to="/compare?a=project-manager&b=pmo-analyst" className="btn btn--ghost">
            {t("list.cta.compare")}
          </Link>
        </div>
      </aside>
    </Page>
  );
}
