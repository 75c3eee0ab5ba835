// Shared building blocks: the page frame (title, heading focus), loading and
// error states, and small presentational pieces every page uses.
import { useEffect, useRef, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import type { ApiError } from "../api/client";

/** Page sets the document title and moves focus to the heading on navigation. */
export function Page({ title, lead, actions, children, wide }: { title: string; lead?: ReactNode; actions?: ReactNode; children: ReactNode; wide?: boolean }) {
  const h1 = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} | pmpath`;
  }, [title]);
  useEffect(() => {
    h1.current?.focus({ preventScroll: true });
  }, []);
  return (
    <div className={wide ? "page page--wide" : "page"}>
      <header className="page__head">
        <div>
          <h1 ref={h1} tabIndex={-1}>
            {title}
          </h1>
          {lead && <p className="page__lead">{lead}</p>}
        </div>
        {actions && <div className="page__actions">{actions}</div>}
      </header>
      {children}
    </div>
  );
}

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <div className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <span>{label ?? t("loading")}</span>
    </div>
  );
}

/** problemMessage words an API error for a person, in the current language. */
export function useProblemMessage() {
  const { t } = useTranslation();
  return (e: ApiError): string => {
    if (e.status === 0) return t("errors.network");
    if (e.status === 401) return t("errors.unauthenticated");
    if (e.status === 403) return t("errors.forbidden");
    if (e.status === 404) return t("errors.notFound");
    if (e.status === 429) return t("errors.tooMany");
    if (e.status >= 500) return t("errors.server");
    return e.problem.detail || e.problem.title;
  };
}

export function ErrorAlert({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  const { t } = useTranslation();
  const message = useProblemMessage();
  return (
    <div className="alert alert--error" role="alert">
      <p>{message(error)}</p>
      {error.problem.errors && error.problem.errors.length > 0 && (
        <ul>
          {error.problem.errors.map((fe) => (
            <li key={fe.path}>{fe.message}</li>
          ))}
        </ul>
      )}
      {error.status === 401 && (
        <p>
          <Link to="/signin">{t("nav.signIn")}</Link>
        </p>
      )}
      {onRetry && (
        <button type="button" className="btn btn--ghost" onClick={onRetry}>
          {t("retry")}
        </button>
      )}
      {error.problem.request_id && <p className="muted small">{t("errors.requestId", { id: error.problem.request_id })}</p>}
    </div>
  );
}

export function Empty({ children, action }: { children: ReactNode; action?: ReactNode }) {
  return (
    <div className="empty">
      <p>{children}</p>
      {action}
    </div>
  );
}

/** Meter is a labelled horizontal bar for a 0–100 score. */
export function Meter({ value, label, tone = "pm" }: { value: number; label: string; tone?: "pm" | "pmo" | "neutral" }) {
  const v = Math.max(0, Math.min(100, Math.round(value)));
  return (
    <div className="meter" role="meter" aria-valuemin={0} aria-valuemax={100} aria-valuenow={v} aria-label={label}>
      <div className={`meter__fill meter__fill--${tone}`} style={{ width: `${v}%` }} />
    </div>
  );
}

/** leanTone is the colour of a lean: PM and PMO their own, balanced (or none) neutral. */
export function leanTone(lean: string | null): "pm" | "pmo" | "neutral" {
  return lean === "pm" || lean === "pmo" ? lean : "neutral";
}

export function Badge({ children, tone = "neutral" }: { children: ReactNode; tone?: "pm" | "pmo" | "neutral" | "ok" | "warn" }) {
  return <span className={`badge badge--${tone}`}>{children}</span>;
}

/** Announcement is an unseen polite live region: screen readers read its text out whenever it changes. */
export function Announcement({ id, children }: { id?: string; children: ReactNode }) {
  return (
    <span id={id} className="visually-hidden" role="status" aria-live="polite">
      {children}
    </span>
  );
}
