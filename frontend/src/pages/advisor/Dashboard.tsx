// /advisor: the candidates who share their results with the signed-in
// advisor, filterable, sortable and paged, with the state in the URL.
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { useLocation } from "react-router-dom";
import { useAuth } from "../../auth/AuthContext";
import { Empty, ErrorAlert, Loading, Page } from "../../components/ui";
import { formatNumber } from "../../format";
import CandidateTable from "./CandidateTable";
import FilterForm from "./FilterForm";
import { canGoBack, hasFilters, pageNumber, summarize, type PageSummary } from "./listing";
import Pager from "./Pager";
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
      <div>
        <dt>
          <span className="dot dot--pm" aria-hidden="true" />
          {t("lean.pm")}
        </dt>
        <dd>{n(summary.pm)}</dd>
      </div>
      <div>
        <dt>
          <span className="dot dot--pmo" aria-hidden="true" />
          {t("lean.pmo")}
        </dt>
        <dd>{n(summary.pmo)}</dd>
      </div>
      <div>
        <dt>
          <span className="dot dot--neutral" aria-hidden="true" />
          {t("lean.balanced")}
        </dt>
        <dd>{n(summary.balanced)}</dd>
      </div>
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
  const list = useListing("/api/v1/advisor/candidates");
  const { state, paging, res } = list;
  const heading = useRef<HTMLHeadingElement>(null);
  const page = pageNumber(paging);

  // After a page turn, move focus to the results heading so keyboard and
  // screen-reader users start reading the new page from its top.
  useEffect(() => {
    if (list.pagedBy.current && !res.loading) {
      list.pagedBy.current = false;
      heading.current?.focus();
    }
  }, [res.loading, list.pagedBy]);

  const rows = res.data?.candidates ?? [];
  const filtered = hasFilters(state);
  const badCursor = res.error?.status === 422 && res.error.problem.errors?.some((e) => e.path === "query.cursor");

  return (
    <Page title={t("dashboard.title")} lead={t("dashboard.lead")} wide>
      {/* Nothing to filter until someone shares: the empty state explains how. */}
      {!(res.data && rows.length === 0 && !filtered && state.cursor === null) && <FilterForm value={state} roles={roles.data?.roles} onApply={list.applyFilters} />}

      <section className="section" aria-labelledby="results-heading">
        <div className="spread results-head">
          <h2 id="results-heading" ref={heading} tabIndex={-1}>
            {t("dashboard.results")}
            {page !== null && page > 1 && <span className="muted small results-head__page"> {t("pager.page", { page })}</span>}
          </h2>
          {res.loading && res.data && <span className="muted small" role="status">{t("dashboard.updating")}</span>}
        </div>

        {res.error ? (
          <>
            <ErrorAlert error={res.error} onRetry={badCursor ? undefined : () => void res.reload()} />
            {badCursor && (
              <button type="button" className="btn btn--primary" onClick={list.firstPage}>
                {t("pager.restart")}
              </button>
            )}
          </>
        ) : !res.data ? (
          <Loading />
        ) : rows.length === 0 ? (
          filtered ? (
            <Empty
              action={
                <button type="button" className="btn btn--ghost" onClick={() => list.applyFilters({ q: "", role: "", lean: "", minFit: null })}>
                  {t("filters.clear")}
                </button>
              }
            >
              {t("dashboard.noMatch")}
            </Empty>
          ) : (
            <div className="empty empty--rich">
              <p className="empty__title">{t("dashboard.emptyTitle")}</p>
              <p>{t("dashboard.emptyBody")}</p>
              {user?.email && (
                <p className="small">
                  {t("dashboard.yourEmail")} <code className="email-chip">{user.email}</code>
                </p>
              )}
            </div>
          )
        ) : (
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
            <Pager page={page} canPrevious={canGoBack(paging)} canNext={Boolean(res.data.next_cursor)} onPrevious={list.previous} onNext={list.next} busy={res.loading} />
            <p className="muted small table-note">{t("dashboard.sortNote")}</p>
          </>
        )}
      </section>
    </Page>
  );
}
