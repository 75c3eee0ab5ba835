// The results of a candidate listing, shared by the advisor dashboard and
// the recruiter talent pool: the heading with the page number, and the
// error (with a way back to the first page when the cursor went stale),
// loading, no-match and empty states around the rows the page draws.
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { CandidateRow } from "../../api/types";
import { Empty, ErrorAlert, Loading } from "../../components/ui";
import { canGoBack, emptyFilters, hasFilters, pageNumber, staleCursor } from "./listing";
import Pager from "./Pager";
import type { Listing } from "./useListing";

export interface ListingResultsProps {
  list: Listing;
  headingId: string;
  title: string;
  /** Between the heading and the results. */
  intro?: ReactNode;
  /** No rows for the chosen filters. */
  noMatch: string;
  /** No rows at all, before any filter. */
  empty: ReactNode;
  /** Draws the rows of the page. */
  children: (rows: CandidateRow[]) => ReactNode;
}

export function ListingResults({ list, headingId, title, intro, noMatch, empty, children }: ListingResultsProps) {
  const { t } = useTranslation("advisor");
  const { state, res } = list;
  const page = pageNumber(list.paging);
  const rows = res.data?.candidates ?? [];
  const stale = staleCursor(res.error);

  return (
    <section className="section" aria-labelledby={headingId}>
      <div className="spread results-head">
        <h2 id={headingId} ref={list.heading} tabIndex={-1}>
          {title}
          {page !== null && page > 1 && <span className="muted small results-head__page"> {t("pager.page", { page })}</span>}
        </h2>
        {res.loading && res.data && <span className="muted small" role="status">{t("dashboard.updating")}</span>}
      </div>
      {intro}
      {res.error ? (
        <>
          <ErrorAlert error={res.error} onRetry={stale ? undefined : () => void res.reload()} />
          {stale && (
            <button type="button" className="btn btn--primary" onClick={list.firstPage}>
              {t("pager.restart")}
            </button>
          )}
        </>
      ) : !res.data ? (
        <Loading />
      ) : rows.length === 0 ? (
        hasFilters(state) ? (
          <Empty
            action={
              <button type="button" className="btn btn--ghost" onClick={() => list.applyFilters(emptyFilters)}>
                {t("filters.clear")}
              </button>
            }
          >
            {noMatch}
          </Empty>
        ) : (
          empty
        )
      ) : (
        children(rows)
      )}
    </section>
  );
}

/** ListingPager turns the listing's pages. */
export function ListingPager({ list }: { list: Listing }) {
  const { paging, res } = list;
  return <Pager page={pageNumber(paging)} canPrevious={canGoBack(paging)} canNext={Boolean(res.data?.next_cursor)} onPrevious={list.previous} onNext={list.next} busy={res.loading} />;
}
