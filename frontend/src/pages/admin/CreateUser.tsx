// Staff accounts: create an advisor, recruiter or admin. The page makes a
// strong password, sends it with the account and shows it exactly once.
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { ApiError } from "../../api/client";
import { createStaff } from "../../api/endpoints";
import type { Input, User, UserRole } from "../../api/types";
import { useProblemMessage } from "../../components/ui";
import { asApiError } from "../../hooks/useApi";
import { generatePassword } from "./logic";

export type StaffRole = Exclude<UserRole, "candidate">;
export const STAFF_ROLES: StaffRole[] = ["advisor", "recruiter", "admin"];

/** NewStaff is what the form asks for; the password is generated. */
export type NewStaff = Omit<Input<"createStaff">, "password">;

type Field = "email" | "display_name" | "role";
type FieldErrors = Partial<Record<Field, string>>;

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** checkStaff validates the form before it is sent; keys are the fields. */
export function checkStaff(v: NewStaff): Partial<Record<Field, "required" | "email" | "tooLong">> {
  const out: Partial<Record<Field, "required" | "email" | "tooLong">> = {};
  const email = v.email.trim();
  if (!email) out.email = "required";
  else if (!emailPattern.test(email) || email.length > 254) out.email = "email";
  const name = v.display_name.trim();
  if (!name) out.display_name = "required";
  else if ([...name].length > 60) out.display_name = "tooLong";
  if (!STAFF_ROLES.includes(v.role)) out.role = "required";
  return out;
}

/** fieldOf maps a problem path ("$.email" or "/email") to a form field. */
export function fieldOf(path: string): Field | "password" | null {
  const key = path.replace(/^\$\.|^\//, "");
  return key === "email" || key === "display_name" || key === "role" || key === "password" ? key : null;
}

export interface Created {
  user: User;
  password: string;
}

/** OneTimePassword shows a new account's password once, with a copy button. */
export function OneTimePassword({ created, onDone }: { created: Created; onDone: () => void }) {
  const { t } = useTranslation("admin");
  const [copied, setCopied] = useState<"" | "ok" | "failed">("");
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    box.current?.focus();
  }, []);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(created.password);
      setCopied("ok");
    } catch {
      setCopied("failed");
    }
  };
  return (
    <div className="otp card" ref={box} tabIndex={-1} aria-labelledby="otp-title" role="region">
      <h3 id="otp-title" className="otp__title">
        <span className="otp__check" aria-hidden="true">
          ✓
        </span>
        {t("users.created", { name: created.user.display_name })}
      </h3>
      <dl className="facts small">
        <dt>{t("users.email")}</dt>
        <dd>{created.user.email}</dd>
        <dt>{t("users.role")}</dt>
        <dd>{t(`roles.${created.user.role}`)}</dd>
      </dl>
      <div className="alert alert--warn">
        <p>
          <strong>{t("users.onceTitle")}</strong>
        </p>
        <p>{t("users.onceBody")}</p>
      </div>
      <p className="otp__label" id="otp-label">
        {t("users.password")}
      </p>
      <div className="otp__row">
        <code className="otp__password" aria-labelledby="otp-label" data-testid="one-time-password">
          {created.password}
        </code>
        <button type="button" className="btn btn--primary btn--small" onClick={() => void copy()}>
          {t("users.copy")}
        </button>
      </div>
      <p className="small" role="status" aria-live="polite">
        {copied === "ok" ? t("users.copied") : copied === "failed" ? t("users.copyFailed") : ""}
      </p>
      <button type="button" className="btn btn--ghost" onClick={onDone}>
        {t("users.another")}
      </button>
    </div>
  );
}

export interface CreateUserFormProps {
  /** submit creates the account; injected so tests need no network. */
  submit?: (body: NewStaff & { password: string }) => Promise<User>;
  makePassword?: (email: string) => string;
}

export default function CreateUser({ submit = createStaff, makePassword = generatePassword }: CreateUserFormProps) {
  const { t } = useTranslation("admin");
  const problemMessage = useProblemMessage();
  const id = useId();
  const [v, setV] = useState<NewStaff>({ email: "", display_name: "", role: "advisor" });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<Created | null>(null);
  const summary = useRef<HTMLDivElement>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (attempt > 0) summary.current?.focus();
  }, [attempt]);

  const fail = (fe: FieldErrors, ae: ApiError | null) => {
    setErrors(fe);
    setFormError(ae);
    setAttempt((n) => n + 1);
  };

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const local = checkStaff(v);
    if (Object.keys(local).length > 0) {
      const fe: FieldErrors = {};
      for (const [k, code] of Object.entries(local)) fe[k as Field] = t(`users.errors.${k}.${code}`);
      fail(fe, null);
      return;
    }
    setBusy(true);
    const password = makePassword(v.email.trim());
    try {
      const user = await submit({ email: v.email.trim(), display_name: v.display_name.trim(), role: v.role, password });
      setErrors({});
      setFormError(null);
      setCreated({ user, password });
      setV({ email: "", display_name: "", role: v.role });
    } catch (err) {
      const ae = asApiError(err);
      if (ae.status === 409) {
        fail({ email: t("users.errors.email.taken") }, null);
      } else if (ae.status === 422 && ae.problem.errors?.length) {
        const fe: FieldErrors = {};
        let other = false;
        // The server words field errors in the language the app sends.
        for (const x of ae.problem.errors) {
          const f = fieldOf(x.path);
          if (f === "email" || f === "display_name" || f === "role") fe[f] ??= x.message;
          else other = true;
        }
        fail(fe, other ? ae : null);
      } else {
        fail({}, ae);
      }
    } finally {
      setBusy(false);
    }
  };

  if (created) {
    return (
      <div data-testid="admin-create-user">
        <OneTimePassword created={created} onDone={() => setCreated(null)} />
      </div>
    );
  }

  const fieldIds: Record<Field, string> = { email: `${id}-email`, display_name: `${id}-name`, role: `${id}-role` };
  const errorList = (Object.entries(errors) as [Field, string][]).filter(([, m]) => m);
  const describedBy = (f: Field, hint?: string) => [errors[f] ? `${fieldIds[f]}-err` : "", hint ?? ""].filter(Boolean).join(" ") || undefined;

  return (
    <form className="form staff-form" onSubmit={(e) => void onSubmit(e)} noValidate data-testid="admin-create-user">
      {(errorList.length > 0 || formError) && (
        <div className="alert alert--error" role="alert" tabIndex={-1} ref={summary}>
          <p>{t("users.errors.summary")}</p>
          <ul>
            {errorList.map(([f, m]) => (
              <li key={f}>
                <a href={`#${fieldIds[f]}`}>{m}</a>
              </li>
            ))}
            {formError && <li>{problemMessage(formError)}</li>}
          </ul>
        </div>
      )}
      <div className="field">
        <label htmlFor={fieldIds.email}>{t("users.email")}</label>
        <input
          id={fieldIds.email}
          type="email"
          autoComplete="off"
          spellCheck={false}
          value={v.email}
          onChange={(e) => setV({ ...v, email: e.target.value })}
          aria-invalid={errors.email ? true : undefined}
          aria-describedby={describedBy("email")}
        />
        {errors.email && (
          <span id={`${fieldIds.email}-err`} className="field__error">
            {errors.email}
          </span>
        )}
      </div>
      <div className="field">
        <label htmlFor={fieldIds.display_name}>{t("users.name")}</label>
        <input
          id={fieldIds.display_name}
          type="text"
          autoComplete="off"
          maxLength={80}
          value={v.display_name}
          onChange={(e) => setV({ ...v, display_name: e.target.value })}
          aria-invalid={errors.display_name ? true : undefined}
          aria-describedby={describedBy("display_name", `${id}-name-hint`)}
        />
        <span id={`${id}-name-hint`} className="field__hint">
          {t("users.nameHint")}
        </span>
        {errors.display_name && (
          <span id={`${fieldIds.display_name}-err`} className="field__error">
            {errors.display_name}
          </span>
        )}
      </div>
      <div className="field">
        <label htmlFor={fieldIds.role}>{t("users.role")}</label>
        <select
          id={fieldIds.role}
          value={v.role}
          onChange={(e) => setV({ ...v, role: e.target.value as StaffRole })}
          aria-invalid={errors.role ? true : undefined}
          aria-describedby={describedBy("role", `${id}-role-hint`)}
        >
          {STAFF_ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`roles.${r}`)}
            </option>
          ))}
        </select>
        <span id={`${id}-role-hint`} className="field__hint">
          {t(`users.roleHint.${v.role}`)}
        </span>
        {errors.role && (
          <span id={`${fieldIds.role}-err`} className="field__error">
            {errors.role}
          </span>
        )}
      </div>
      <p className="muted small">{t("users.passwordNote")}</p>
      <div>
        <button type="submit" className="btn btn--primary" disabled={busy}>
          {busy ? t("users.creating") : t("users.create")}
        </button>
      </div>
    </form>
  );
}
