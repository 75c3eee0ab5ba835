// The advisor's candidate table: one row per sharing candidate, sortable by
// fit or by the date of the latest result.
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import type { CandidateRow } from "../../api/types";
import ScrollTable from "../../components/ScrollTable";
import { Badge, leanTone } from "../../components/ui";
import { formatDate } from "../../format";
import { ariaSort, nextSort, type SortKey } from "./listing";

export interface CandidateTableProps {
  rows: CandidateRow[];
  sort: SortKey;
  onSort: (s: SortKey) => void;
  caption: string;
  /** from is the listing's URL, so the detail page can link back to it. */
  from?: string;
  busy?: boolean;
}

function SortHeader({ column, sort, onSort, label, className }: { column: SortKey; sort: SortKey; onSort: (s: SortKey) => void; label: string; className?: string }) {
  const { t } = useTranslation("advisor");
  const active = sort === column;
  return (
    <th scope="col" aria-sort={ariaSort(sort, column)} className={className}>
      <button type="button" className="sort-button" onClick={() => onSort(nextSort(sort, column))}>
        {label}
        <span className="sort-button__icon" aria-hidden="true">
          {active ? "▼" : "↕"}
        </span>
        <span className="visually-hidden">{active ? t(`table.sortedBy.${column}`) : t(`table.sortBy.${column}`)}</span>
      </button>
    </th>
  );
}

export default function CandidateTable({ rows, sort, onSort, caption, from, busy = false }: CandidateTableProps) {
  const { t, i18n } = useTranslation("advisor");
  const lang = i18n.language;
  return (
    <div className={busy ? "is-busy" : undefined} aria-busy={busy}>
      <ScrollTable caption={caption} className="candidate-table" testId="candidate-table">
        <thead>
          <tr>
            <th scope="col">{t("table.name")}</th>
            <th scope="col">{t("table.role")}</th>
            <th scope="col">{t("table.lean")}</th>
            <SortHeader column="fit" sort={sort} onSort={onSort} label={t("table.fit")} className="num" />
            <SortHeader column="date" sort={sort} onSort={onSort} label={t("table.submitted")} />
            <th scope="col">{t("table.shared")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} data-testid="candidate-row">
              <th scope="row" className="candidate-table__name">
                <Link to={`/advisor/candidates/${encodeURIComponent(r.id)}`} state={from ? { from } : undefined}>
                  {r.display_name}
                </Link>
              </th>
              <td className="candidate-table__role" data-label={t("table.role")}>
                {r.recommended_role ? r.recommended_role_name || r.recommended_role : <span className="muted">{t("table.noRole")}</span>}
              </td>
              <td className="candidate-table__lean">
                <Badge tone={leanTone(r.lean)}>{t(`lean.${r.lean}`, { defaultValue: r.lean })}</Badge>
              </td>
              <td className="num candidate-table__fit" data-label={t("table.fit")}>
                <span className="fit-cell">
                  <span className="fit-cell__bar" aria-hidden="true">
                    <span className={`fit-cell__fill fit-cell__fill--${leanTone(r.lean)}`} style={{ width: `${Math.max(0, Math.min(100, r.fit))}%` }} />
                  </span>
                  <strong>{r.fit}</strong>
                </span>
              </td>
              <td className="nowrap candidate-table__date candidate-table__submitted" data-label={t("table.submitted")}>
                {r.submitted_at ? formatDate(r.submitted_at, lang) : "—"}
              </td>
              <td className="nowrap candidate-table__date candidate-table__shared" data-label={t("table.shared")}>
                {r.shared_at ? formatDate(r.shared_at, lang) : "—"}
              </td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
    </div>
  );
}
