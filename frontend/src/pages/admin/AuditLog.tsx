// The audit log: every staff read of candidate data, newest first.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { auditLog } from "../../api/endpoints";
import type { AuditEntry } from "../../api/types";
import { ColumnHeads } from "../../components/ColumnHeads";
import ScrollTable from "../../components/ScrollTable";
import { Badge, Empty, ErrorAlert, Loading } from "../../components/ui";
import { formatDateTime } from "../../format";
import { useApi } from "../../hooks/useApi";
import { newerPage, olderPage, shortId, type AuditPaging } from "./logic";

export const AUDIT_PAGE_SIZE = 25;

export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  const { t, i18n } = useTranslation("admin");
  return (
    <ScrollTable caption={t("audit.caption")} className="audit-table">
        <ColumnHeads columns={[{ label: t("audit.at") }, { label: t("audit.action") }, { label: t("audit.actor") }, { label: t("audit.subject") }, { label: t("audit.detail") }, { label: t("audit.request") }]} />
        <tbody>
          {entries.map((e) => (
            <tr key={e.id} data-testid="audit-row">
              <td className="nowrap">
                <time dateTime={e.at}>{formatDateTime(e.at, i18n.language, "medium")}</time>
              </td>
              <td>{t(`audit.actions.${e.action.replace(".", "_")}`, { defaultValue: e.action })}</td>
              <td>
                <Badge tone={e.actor_role === "recruiter" ? "pmo" : e.actor_role === "advisor" ? "pm" : "neutral"}>{t(`roles.${e.actor_role}`, { defaultValue: e.actor_role })}</Badge>{" "}
                <code className="id" title={e.actor_id}>
                  {shortId(e.actor_id)}
                </code>
              </td>
              <td>
                <code className="id" title={e.subject_id ?? undefined}>
                  {shortId(e.subject_id)}
                </code>
              </td>
              <td>{e.detail ? <code className="detail">{e.detail}</code> : <span className="muted">—</span>}</td>
              <td>
                <code className="id" title={e.request_id}>
                  {shortId(e.request_id)}
                </code>
              </td>
            </tr>
          ))}
        </tbody>
    </ScrollTable>
  );
}

export default function AuditLog() {
  const { t } = useTranslation("admin");
  const [paging, setPaging] = useState<AuditPaging>({ before: null, stack: [] });
  const res = useApi(auditLog, [{ limit: AUDIT_PAGE_SIZE, ...(paging.before ? { before: paging.before } : {}) }]);

  if (res.error) return <ErrorAlert error={res.error} onRetry={() => void res.reload()} />;
  if (!res.data) return <Loading />;
  const { entries, next_before } = res.data;
  return (
    <div data-testid="admin-audit" aria-busy={res.loading}>
      <div className="spread audit-head">
        <p className="muted small">{t("audit.lead")}</p>
        <button type="button" className="btn btn--ghost btn--small" onClick={() => void res.reload()} disabled={res.loading}>
          {t("audit.refresh")}
        </button>
      </div>
      {entries.length === 0 ? <Empty>{paging.before === null ? t("audit.empty") : t("audit.noOlder")}</Empty> : <AuditTable entries={entries} />}
      {(paging.before !== null || next_before !== null) && (
        <nav className="pager" aria-label={t("audit.pager")}>
          <button type="button" className="btn btn--ghost btn--small" disabled={paging.before === null || res.loading} onClick={() => setPaging(newerPage(paging))}>
            <span aria-hidden="true">←</span> {t("audit.newer")}
          </button>
          <button type="button" className="btn btn--ghost btn--small" disabled={next_before === null || res.loading} onClick={() => next_before !== null && setPaging(olderPage(paging, next_before))}>
            {t("audit.older")} <span aria-hidden="true">→</span>
          </button>
        </nav>
      )}
    </div>
  );
}
