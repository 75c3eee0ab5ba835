// /admin: staff accounts, questionnaire versions, instrument statistics and
// the audit log, one tab each (?tab= keeps the choice across reloads).
import { useRef, type KeyboardEvent, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router-dom";
import { adminQuestionnaires } from "../../api/endpoints";
import type { QuestionnaireSummary } from "../../api/types";
import { ErrorAlert, Loading, Page } from "../../components/ui";
import { useApi } from "../../hooks/useApi";
import AuditLog from "./AuditLog";
import CreateUser from "./CreateUser";
import { UploadForm, VersionTable } from "./Questionnaires";
import StatsPanel from "./Stats";
import "./admin.css";

export const TABS = ["accounts", "questionnaires", "stats", "audit"] as const;
export type Tab = (typeof TABS)[number];

export function tabOf(v: string | null): Tab {
  return (TABS as readonly string[]).includes(v ?? "") ? (v as Tab) : "accounts";
}

export default function Admin() {
  const { t } = useTranslation("admin");
  const [params, setParams] = useSearchParams();
  const tab = tabOf(params.get("tab"));
  const refs = useRef<Record<string, HTMLButtonElement | null>>({});
  const versions = useApi(adminQuestionnaires, tab === "questionnaires" || tab === "stats" ? [] : null);

  const select = (next: Tab, focus = false) => {
    setParams(next === "accounts" ? {} : { tab: next });
    if (focus) refs.current[next]?.focus();
  };

  const onKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    const i = TABS.indexOf(tab);
    let next: Tab | null = null;
    if (e.key === "ArrowRight") next = TABS[(i + 1) % TABS.length];
    else if (e.key === "ArrowLeft") next = TABS[(i - 1 + TABS.length) % TABS.length];
    else if (e.key === "Home") next = TABS[0];
    else if (e.key === "End") next = TABS[TABS.length - 1];
    if (next) {
      e.preventDefault();
      select(next, true);
    }
  };

  const versionsBlock = (render: (v: QuestionnaireSummary[]) => ReactNode) =>
    versions.error ? <ErrorAlert error={versions.error} onRetry={() => void versions.reload()} /> : !versions.data ? <Loading /> : render(versions.data.questionnaires);

  return (
    <Page title={t("title")} lead={t("lead")} wide>
      <div className="tabs admin-tabs" role="tablist" aria-label={t("tabs.label")}>
        {TABS.map((k) => (
          <button
            key={k}
            type="button"
            role="tab"
            id={`tab-${k}`}
            aria-selected={tab === k}
            aria-controls={`panel-${k}`}
            tabIndex={tab === k ? 0 : -1}
            ref={(el) => {
              refs.current[k] = el;
            }}
            onClick={() => select(k)}
            onKeyDown={onKey}
          >
            {t(`tabs.${k}`)}
          </button>
        ))}
      </div>

      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} tabIndex={0} className="admin-panel">
        {tab === "accounts" && (
          <div className="admin-split">
            <section className="card" aria-labelledby="accounts-heading">
              <h2 id="accounts-heading">{t("users.title")}</h2>
              <p className="muted small">{t("users.lead")}</p>
              <CreateUser />
            </section>
            <aside className="admin-aside" aria-labelledby="roles-heading">
              <h2 id="roles-heading" className="admin-aside__title">
                {t("users.rolesTitle")}
              </h2>
              <dl className="role-guide">
                {(["advisor", "recruiter", "admin"] as const).map((r) => (
                  <div key={r}>
                    <dt>{t(`roles.${r}`)}</dt>
                    <dd>{t(`users.roleHint.${r}`)}</dd>
                  </div>
                ))}
              </dl>
              <p className="muted small">{t("users.cli")}</p>
            </aside>
          </div>
        )}

        {tab === "questionnaires" && (
          <div className="stack">
            <section aria-labelledby="versions-heading">
              <h2 id="versions-heading">{t("questionnaires.heading")}</h2>
              <p className="muted small">{t("questionnaires.lead")}</p>
              {versionsBlock((v) => (
                <VersionTable versions={v} />
              ))}
            </section>
            <section className="card" aria-labelledby="upload-heading">
              <h2 id="upload-heading">{t("upload.title")}</h2>
              <p className="muted small">{t("upload.lead")}</p>
              <UploadForm onUploaded={() => void versions.reload()} />
            </section>
          </div>
        )}

        {tab === "stats" && (
          <section aria-labelledby="stats-heading">
            <h2 id="stats-heading">{t("stats.title")}</h2>
            <p className="muted small">{t("stats.lead")}</p>
            {versionsBlock((v) => (
              <StatsPanel versions={v} />
            ))}
          </section>
        )}

        {tab === "audit" && (
          <section aria-labelledby="audit-heading">
            <h2 id="audit-heading">{t("audit.title")}</h2>
            <AuditLog />
          </section>
        )}
      </div>
    </Page>
  );
}
