// /advisor: the candidates who share their results with the signed-in
// advisor, filterable, sortable and paged, with the state in the URL.
import { useTranslation } from "react-i18next";
import { useLocation } from "react-router-dom";
import { advisorCandidates } from "../../api/endpoints";
import { useAuth } from "../../auth/AuthContext";
import { leanTone, Page } from "../../components/ui";
import { formatNumber } from "../../format";
import { ListingPager, ListingResults } from "./CandidateListing";
import CandidateTable from "./CandidateTable";
import FilterForm from "./FilterForm";
import { hasFilters, LEANS, summarize, type PageSummary } from "./listing";
import { useRoles } from "./roles";
import { useListing } from "./useListing";
import "./advisor.css";

export function SummaryStrip({ summary }: { summary: PageSummary }) {
  const { t, i18n } = useTranslation("advisor");
  const n = (v: number) => formatNumber(v, i18n.language);
  return (
    <div role="group" aria-label={t("summary.label")}>
      <dl className="summary-strip">
        <div>
          <dt>{t("summary.shown")}</dt>
          <dd>{t("summary.people", { count: summary.count, n: n(summary.count) })}</dd>
        </div>
        {LEANS.map((lean) => (
          <div key={lean}>
            <dt>
              <span className={`dot dot--${leanTone(lean)}`} aria-hidden="true" />
              {t(`lean.${lean}`)}
            </dt>
            <dd>{n(summary[lean])}</dd>
          </div>
        ))}
        <div>
          <dt>{t("summary.averageFit")}</dt>
          <dd>{summary.averageFit === null ? "—" : n(summary.averageFit)}</dd>
        </div>
      </dl>
    </div>
  );
}

export default function Dashboard() {
  const { t } = useTranslation("advisor");
  const { user } = useAuth();
  const location = useLocation();
  const roles = useRoles();
  const list = useListing(advisorCandidates);
  const { state, res } = list;
  const nobodyYet = res.data && res.data.candidates.length === 0 && !hasFilters(state) && state.cursor === null;

  return (
    <Page title={t("dashboard.title")} lead={t("dashboard.lead")} wide>
      {/* Nothing to filter until someone shares: the empty state explains how. */}
      {!nobodyYet && <FilterForm value={state} roles={roles.data?.roles} onApply={list.applyFilters} />}

      <ListingResults
        list={list}
        headingId="results-heading"
        title={t("dashboard.results")}
        noMatch={t("dashboard.noMatch")}
        empty={
          <div className="empty empty--rich">
            <p className="empty__title">{t("dashboard.emptyTitle")}</p>
            <p>{t("dashboard.emptyBody")}</p>
            {user?.email && (
              <p className="small">
                {t("dashboard.yourEmail")} <code className="email-chip">{user.email}</code>
              </p>
            )}
          </div>
        }
      >
        {(rows) => (
          <>
            <SummaryStrip summary={summarize(rows)} />
            <CandidateTable
              rows={rows}
              sort={state.sort}
              onSort={list.setSort}
              caption={t("table.caption", { sort: t(`table.sortName.${state.sort}`) })}
              from={location.pathname + location.search}
              busy={res.loading}
            />
            <ListingPager list={list} />
            <p className="muted small table-note">{t("dashboard.sortNote")}</p>
          </>
        )}
      </ListingResults>
    </Page>
  );
}
