// Presentational pieces of My page and the privacy page; data comes in as props.
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import type { StoredAssessment } from "../../api/assessmentTokens";
import { STEP_STATUSES, type MyAssessment, type MyRoadmap, type Share, type StaffRead, type StepStatus } from "../../api/types";
import { ColumnHeads } from "../../components/ColumnHeads";
import { Badge, leanTone, Meter } from "../../components/ui";
import { formatDate, formatDateTime } from "../../format";
import { TextField } from "../auth/fields";
import { summarizeRoadmap } from "./shape";

export function AssessmentList({ items, roleNames }: { items: MyAssessment[]; roleNames: Record<string, string> }) {
  const { t, i18n } = useTranslation("me");
  const lang = i18n.language;
  return (
    <ul className="me-assessments" data-testid="my-assessments">
      {items.map((a) => {
        const done = a.status === "submitted";
        const when = done && a.submitted_at ? a.submitted_at : a.created_at;
        const role = a.recommended_role ? (roleNames[a.recommended_role] ?? a.recommended_role) : undefined;
        return (
          <li key={a.id} className="me-assessment" data-testid="my-assessment" data-status={a.status}>
            <div className="me-assessment__when">
              <span className="small muted">{done ? t("assessments.takenOn") : t("assessments.startedOn")}</span>
              <span className="me-assessment__date">{formatDate(when, lang)}</span>
              <Badge tone={done ? "ok" : "warn"}>{t(`assessments.status.${a.status}`)}</Badge>
            </div>
            <div className="me-assessment__body">
              {done && role ? (
                <>
                  <span className="small muted">{t("assessments.recommended")}</span>
                  <strong className="me-assessment__role">{role}</strong>
                  <span className="row me-assessment__lean">
                    {a.lean && <Badge tone={leanTone(a.lean)}>{t(`lean.${a.lean}`, { defaultValue: a.lean })}</Badge>}
                    {a.fit !== null && <span className="small">{t("assessments.fit", { fit: a.fit })}</span>}
                  </span>
                  {a.fit !== null && <Meter value={a.fit} label={t("assessments.fitLabel", { role })} tone={leanTone(a.lean)} />}
                </>
              ) : done ? (
                <>
                  <span className="small muted">{t("assessments.recommended")}</span>
                  <strong className="me-assessment__role">{t("assessments.noRole")}</strong>
                  <span className="small muted">{t("assessments.noRoleWhy")}</span>
                </>
              ) : (
                <span className="muted">{t("assessments.draftNote")}</span>
              )}
            </div>
            <div className="me-assessment__action">
              {done ? (
                <Link to={`/results/${a.id}`} className="btn btn--ghost btn--small">
                  {t("assessments.view")}
                  <span className="visually-hidden">{t("assessments.ofDate", { date: formatDate(when, lang) })}</span>
                </Link>
              ) : (
                <Link to={`/quiz/${a.id}`} className="btn btn--primary btn--small">
                  {t("assessments.resume")}
                  <span className="visually-hidden">{t("assessments.ofDate", { date: formatDate(when, lang) })}</span>
                </Link>
              )}
            </div>
          </li>
        );
      })}
    </ul>
  );
}

/** ClaimPanel offers to move this browser's anonymous assessments into the account. */
export function ClaimPanel({ local, busy, onClaim }: { local: StoredAssessment[]; busy: boolean; onClaim: () => void }) {
  const { t, i18n } = useTranslation("me");
  if (local.length === 0) return null;
  return (
    <div className="card me-claim" data-testid="claim-panel">
      <div>
        <h3>{t("claim.title", { count: local.length })}</h3>
        <p className="muted small">{t("claim.body")}</p>
        <ul className="small me-claim__list">
          {local.map((a) => (
            <li key={a.id}>
              {formatDate(a.created_at, i18n.language)} · {a.submitted ? t("assessments.status.submitted") : t("assessments.status.draft")}
            </li>
          ))}
        </ul>
      </div>
      <button type="button" className="btn btn--primary" onClick={onClaim} disabled={busy} data-testid="claim-button">
        {busy ? t("claim.busy") : t("claim.button", { count: local.length })}
      </button>
    </div>
  );
}

/** ManualClaimForm claims an assessment taken elsewhere, by its id and token. */
export function ManualClaimForm({ busy, error, onSubmit }: { busy: boolean; error?: string; onSubmit: (id: string, token: string) => Promise<boolean> }) {
  const { t } = useTranslation("me");
  const [id, setId] = useState("");
  const [token, setToken] = useState("");
  const [missing, setMissing] = useState<{ id?: boolean; token?: boolean }>({});
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const m = { id: !id.trim(), token: !token.trim() };
    setMissing(m);
    if (m.id || m.token) {
      document.getElementById(m.id ? "claim-id" : "claim-token")?.focus();
      return;
    }
    if (await onSubmit(id.trim(), token.trim())) {
      setId("");
      setToken("");
    }
  };
  return (
    <details className="me-manual">
      <summary>{t("claim.manual.summary")}</summary>
      <form className="form me-manual__form" onSubmit={submit} noValidate>
        <p className="small muted">{t("claim.manual.help")}</p>
        <TextField id="claim-id" label={t("claim.manual.id")} value={id} onChange={setId} error={missing.id ? t("claim.manual.idRequired") : undefined} autoComplete="off" spellCheck={false} />
        <TextField id="claim-token" label={t("claim.manual.token")} value={token} onChange={setToken} error={missing.token ? t("claim.manual.tokenRequired") : undefined} autoComplete="off" spellCheck={false} />
        {error && (
          <p className="alert alert--error" role="alert">
            {error}
          </p>
        )}
        <div>
          <button type="submit" className="btn btn--ghost" disabled={busy}>
            {t("claim.manual.submit")}
          </button>
        </div>
      </form>
    </details>
  );
}

/** RoadmapProgress summarizes the roadmap and lets each step be marked. */
export function RoadmapProgress({ roadmap, onMark, saving }: { roadmap: MyRoadmap; onMark?: (stepId: string, status: StepStatus) => void; saving?: string }) {
  const { t } = useTranslation("me");
  const s = summarizeRoadmap(roadmap.steps);
  return (
    <div className="card card--pmo me-roadmap" data-testid="roadmap-summary">
      <div className="me-roadmap__head">
        <div>
          <p className="small muted me-roadmap__kicker">{t("roadmap.target")}</p>
          <h3 className="me-roadmap__role">
            <Link to={`/roles/${roadmap.role}`}>{roadmap.role_name}</Link>
          </h3>
        </div>
        <p className="me-roadmap__percent">
          <span className="me-roadmap__big">{s.percent}%</span>
          <span className="small muted">{t("roadmap.doneOf", { done: s.counts.done, total: s.total - s.counts.skipped })}</span>
        </p>
      </div>
      <Meter value={s.percent} label={t("roadmap.meter")} tone="pmo" />
      <ul className="row me-roadmap__counts small" aria-label={t("roadmap.countsLabel")}>
        {STEP_STATUSES.map((st) => (
          <li key={st}>
            <Badge tone={st === "done" ? "ok" : st === "learning" ? "pmo" : "neutral"}>{t(`roadmap.status.${st}`)}</Badge> {s.counts[st]}
          </li>
        ))}
      </ul>
      {s.next ? (
        <div className="me-roadmap__next">
          <p className="small muted">{s.next.status === "learning" ? t("roadmap.nowLearning") : t("roadmap.nextStep")}</p>
          <p>
            <strong>{s.next.title}</strong> <span className="small muted">({s.next.stage.name})</span>
          </p>
        </div>
      ) : (
        <p className="alert alert--ok">{t("roadmap.allDone")}</p>
      )}
      {onMark && (
        <details className="me-roadmap__steps">
          <summary>{t("roadmap.allSteps")}</summary>
          <ol>
            {roadmap.steps.map((step) => (
              <li key={step.id} className="me-roadmap__step">
                <label htmlFor={`step-status-${step.id}`}>
                  <span className="small muted">{step.stage.name}</span> {step.title}
                </label>
                <select id={`step-status-${step.id}`} value={step.status} disabled={saving === step.id} onChange={(e) => onMark(step.id, e.target.value as StepStatus)}>
                  {STEP_STATUSES.map((st) => (
                    <option key={st} value={st}>
                      {t(`roadmap.status.${st}`)}
                    </option>
                  ))}
                </select>
              </li>
            ))}
          </ol>
        </details>
      )}
    </div>
  );
}

/** ShareList shows the advisors who can see the results, with a two-step stop. */
export function ShareList({ shares, busyId, onStop }: { shares: Share[]; busyId?: string; onStop: (s: Share) => void }) {
  const { t, i18n } = useTranslation("me");
  const [confirming, setConfirming] = useState<string>();
  return (
    <ul className="me-shares" data-testid="my-shares">
      {shares.map((s) => (
        <li key={s.advisor_id} className="me-share">
          <div>
            <strong>{s.display_name}</strong>
            <span className="small muted"> · {t("shares.since", { date: formatDate(s.shared_at, i18n.language) })}</span>
          </div>
          {confirming === s.advisor_id ? (
            <div className="row" role="group" aria-label={t("shares.confirmLabel", { name: s.display_name })}>
              <span className="small">{t("shares.confirm")}</span>
              <button type="button" className="btn btn--danger btn--small" disabled={busyId === s.advisor_id} onClick={() => onStop(s)}>
                {t("shares.stopYes")}
              </button>
              <button type="button" className="btn btn--ghost btn--small" onClick={() => setConfirming(undefined)}>
                {t("common:cancel")}
              </button>
            </div>
          ) : (
            <button type="button" className="btn btn--ghost btn--small" onClick={() => setConfirming(s.advisor_id)}>
              {t("shares.stop")}
              <span className="visually-hidden">{t("shares.withName", { name: s.display_name })}</span>
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}

const ACTIONS = ["advisor.list_candidates", "advisor.view_candidate", "advisor.read_notes", "advisor.write_note", "recruiter.list_talent"];

/** StaffReads is the audit trail: when staff looked at the person's data. */
export function StaffReads({ reads }: { reads: StaffRead[] }) {
  const { t, i18n } = useTranslation("me");
  if (reads.length === 0) return <p className="muted">{t("privacy.reads.none")}</p>;
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={t("privacy.reads.caption")}>
      <table data-testid="staff-reads" className="me-reads">
        <caption className="visually-hidden">{t("privacy.reads.caption")}</caption>
        <ColumnHeads columns={[{ label: t("privacy.reads.when") }, { label: t("privacy.reads.who") }, { label: t("privacy.reads.what") }]} />
        <tbody>
          {reads.map((r, i) => (
            <tr key={i}>
              <td className="nowrap">{formatDateTime(r.at, i18n.language)}</td>
              <td>{t(`privacy.reads.role.${r.actor_role}`, { defaultValue: r.actor_role })}</td>
              <td>{ACTIONS.includes(r.action) ? t(`privacy.reads.action.${r.action.replace(".", "_")}`) : r.action}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
