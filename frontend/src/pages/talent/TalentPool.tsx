// /talent: candidates who opted in to the recruiter talent pool.
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Empty, ErrorAlert, Loading, Page } from "../../components/ui";
import FilterForm from "../advisor/FilterForm";
import { canGoBack, hasFilters, pageNumber } from "../advisor/listing";
import Pager from "../advisor/Pager";
import { useRoles } from "../advisor/roles";
import { useListing } from "../advisor/useListing";
import TalentCards from "./TalentCards";
import "../advisor/advisor.css";
import "./talent.css";

export default function TalentPool() {
  const { t } = useTranslation("talent");
  const roles = useRoles();
  const list = useListing("/api/v1/recruiter/talent");
  const { state, paging, res } = list;
  const heading = useRef<HTMLHeadingElement>(null);
  const page = pageNumber(paging);

  useEffect(() => {
    if (list.pagedBy.current && !res.loading) {
      list.pagedBy.current = false;
      heading.current?.focus();
    }
  }, [res.loading, list.pagedBy]);

  const rows = res.data?.candidates ?? [];
  const badCursor = res.error?.status === 422 && res.error.problem.errors?.some((e) => e.path === "query.cursor");

  return (
    <Page title={t("title")} lead={t("lead")} wide>
      <FilterForm value={state} roles={roles.data?.roles} onApply={list.applyFilters} showSort testId="talent-filter" />
      <section className="section" aria-labelledby="talent-heading">
        <div className="spread results-head">
          <h2 id="talent-heading" ref={heading} tabIndex={-1}>
            {t("results")}
            {page !== null && page > 1 && <span className="muted small results-head__page"> {t("advisor:pager.page", { page })}</span>}
          </h2>
          {res.loading && res.data && <span className="muted small" role="status">{t("advisor:dashboard.updating")}</span>}
        </div>
        <p className="muted small privacy-note">{t("privacy")}</p>
        {res.error ? (
          <>
            <ErrorAlert error={res.error} onRetry={badCursor ? undefined : () => void res.reload()} />
            {badCursor && (
              <button type="button" className="btn btn--primary" onClick={list.firstPage}>
                {t("advisor:pager.restart")}
              </button>
            )}
          </>
        ) : !res.data ? (
          <Loading />
        ) : rows.length === 0 ? (
          hasFilters(state) ? (
            <Empty
              action={
                <button type="button" className="btn btn--ghost" onClick={() => list.applyFilters({ q: "", role: "", lean: "", minFit: null })}>
                  {t("advisor:filters.clear")}
                </button>
              }
            >
              {t("noMatch")}
            </Empty>
          ) : (
            <Empty>{t("empty")}</Empty>
          )
        ) : (
          <div aria-busy={res.loading} className={res.loading ? "is-busy" : undefined}>
            <TalentCards rows={rows} />
            <Pager page={page} canPrevious={canGoBack(paging)} canNext={Boolean(res.data.next_cursor)} onPrevious={list.previous} onNext={list.next} busy={res.loading} />
          </div>
        )}
      </section>
    </Page>
  );
}
