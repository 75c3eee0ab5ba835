// useListing drives a candidate listing from the URL: filters, sort and the
// current cursor live in the query string (so reload and back work), the
// cursors of earlier pages in the history entry's state.
import { useCallback, useEffect, useMemo, useRef } from "react";
import { useLocation, useNavigate, useSearchParams } from "react-router-dom";
import type { CandidatePage, ListingQuery } from "../../api/types";
import { useApi } from "../../hooks/useApi";
import {
  apiQuery,
  back,
  forward,
  parseListState,
  readStack,
  toSearchParams,
  withFilters,
  withSort,
  type Filters,
  type ListState,
  type Paging,
  type SortKey,
} from "./listing";

export type Listing = ReturnType<typeof useListing>;

/** useListing reads a listing through its endpoint (advisorCandidates or talentPool). */
export function useListing(list: (query: ListingQuery) => Promise<CandidatePage>) {
  const [params] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const state = useMemo(() => parseListState(params), [params]);
  const stack = useMemo(() => readStack(location.state), [location.state]);
  const paging: Paging = useMemo(() => ({ cursor: state.cursor, stack }), [state.cursor, stack]);
  const res = useApi(list, [apiQuery(state)]);
  /** pagedBy says the last navigation was a page turn, for focus handling. */
  const pagedBy = useRef(false);
  /** heading is the results heading, focused after a page turn. */
  const heading = useRef<HTMLHeadingElement>(null);

  // After a page turn, move focus to the results heading so keyboard and
  // screen-reader users start reading the new page from its top.
  useEffect(() => {
    if (pagedBy.current && !res.loading) {
      pagedBy.current = false;
      heading.current?.focus();
    }
  }, [res.loading]);

  const go = useCallback(
    (s: ListState, cursors: string[], paged = false) => {
      pagedBy.current = paged;
      const search = toSearchParams(s).toString();
      navigate({ pathname: location.pathname, search: search ? `?${search}` : "" }, { state: { cursors } });
    },
    [navigate, location.pathname],
  );

  return {
    state,
    paging,
    res,
    heading,
    applyFilters: (f: Filters, extra?: { limit?: number; sort?: SortKey }) =>
      go({ ...withFilters(state, f), limit: extra?.limit ?? state.limit, sort: extra?.sort ?? state.sort }, []),
    setSort: (sort: SortKey) => {
      if (sort !== state.sort) go(withSort(state, sort), []);
    },
    next: () => {
      const n = res.data?.next_cursor;
      if (!n) return;
      const p = forward(paging, n);
      go({ ...state, cursor: p.cursor }, p.stack, true);
    },
    previous: () => {
      const p = back(paging);
      go({ ...state, cursor: p.cursor }, p.stack, true);
    },
    firstPage: () => go({ ...state, cursor: null }, []),
  };
}
