// Form fields with their label, hint and error wired up for assistive
// technology, a password field with a show/hide toggle, and the error
// summary that takes focus when a submit fails.
import { useEffect, useRef, useState, type InputHTMLAttributes, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { summaryItems, type FieldLabels } from "./forms";
import type { AccountForm } from "./useAccountForm";

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "value" | "onChange" | "type">;

interface FieldProps extends InputProps {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  hint?: ReactNode;
  error?: string;
  type?: "text" | "email";
}

function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

/** FieldFrame puts a field's label, hint and error around its control (whose ids describedBy names). */
function FieldFrame({ id, label, hint, error, children }: Pick<FieldProps, "id" | "label" | "hint" | "error"> & { children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      )}
      {children}
      {error && (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      )}
    </div>
  );
}

export function TextField({ id, label, value, onChange, hint, error, type = "text", ...rest }: FieldProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <input {...rest} id={id} type={type} value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} />
    </FieldFrame>
  );
}

export function PasswordField({ id, label, value, onChange, hint, error, ...rest }: Omit<FieldProps, "type">) {
  const { t } = useTranslation("auth");
  const [shown, setShown] = useState(false);
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <div className="pw-input">
        <input
          {...rest}
          id={id}
          type={shown ? "text" : "password"}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, hint, error)}
          autoCapitalize="off"
          autoCorrect="off"
          spellCheck={false}
        />
        <button type="button" className="pw-input__toggle" aria-controls={id} onClick={() => setShown((s) => !s)}>
          {shown ? t("password.hide") : t("password.show")}
          <span className="visually-hidden">{t("password.which", { label })}</span>
        </button>
      </div>
    </FieldFrame>
  );
}

export interface SummaryItem {
  /** The id of the input the message is about; the link moves focus there. */
  id: string;
  label: string;
  message: string;
}

/**
 * ErrorSummary lists what to fix and takes focus whenever attempt changes,
 * so a screen reader hears the problems right after a failed submit.
 */
export function ErrorSummary({ title, message, items, attempt }: { title: string; message?: string; items: SummaryItem[]; attempt: number }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (attempt > 0) ref.current?.focus();
  }, [attempt]);
  if (!message && items.length === 0) return null;
  return (
    <div ref={ref} className="alert alert--error error-summary" tabIndex={-1} aria-labelledby="error-summary-title" data-testid="error-summary">
      <p id="error-summary-title" className="error-summary__title">
        <strong>{title}</strong>
      </p>
      {message && <p>{message}</p>}
      {items.length > 0 && (
        <ul>
          {items.map((it) => (
            <li key={it.id}>
              <a
                href={`#${it.id}`}
                onClick={(e) => {
                  e.preventDefault();
                  document.getElementById(it.id)?.focus();
                }}
              >
                {it.label}: {it.message}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** FormErrorSummary is the ErrorSummary of an account form: its message and its field errors, linked to the inputs. */
export function FormErrorSummary({ form, labels }: { form: Pick<AccountForm, "summary" | "attempt" | "errors">; labels: FieldLabels }) {
  const { t } = useTranslation("auth");
  return <ErrorSummary title={t("form.summaryTitle")} message={form.summary} attempt={form.attempt} items={summaryItems(form.errors, labels)} />;
}
