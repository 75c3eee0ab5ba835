import { startTransition, useEffect, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, type NavigateFunction } from "react-router-dom";
import { tokens } from "../../api/client";
import { changePassword, deleteMe, exportMe, patchMe } from "../../api/endpoints";
import type { User } from "../../api/types";
import { useAuth } from "../../auth/AuthContext";
import { ErrorAlert, Loading, Page } from "../../components/ui";
import { useAction } from "../../hooks/useAction";
import { asApiError, useApi } from "../../hooks/useApi";
import { FormErrorSummary, PasswordField, TextField } from "../auth/fields";
import { checkDisplayName, DISPLAY_NAME_MAX, PASSWORD_MIN, validatePasswordChange, type FieldLabels } from "../auth/forms";
import { useAccountForm } from "../auth/useAccountForm";
import { StaffReads } from "./parts";
import { confirmMatches, exportFileName } from "./shape";
import "../auth/auth.css";
import "./me.css";

/**
 * leaveSignedOut goes to another page and forgets the session in the same
 * render. The router navigates inside a transition; clearing the tokens in
 * one too keeps the route guard of this page from redirecting first.
 */
function leaveSignedOut(navigate: NavigateFunction, to: string, notice: string) {
  navigate(to, { replace: true, state: { notice } });
  startTransition(() => tokens.set(null));
}

export default function Privacy() {
  const { t } = useTranslation("me");
  const { user } = useAuth();
  const exp = useApi(exportMe, []);
  if (!user) return <Loading />;
  const candidate = user.role === "candidate";
  return (
    <Page title={t("privacy.title")} lead={t("privacy.lead")}>
      <nav className="me-toc card" aria-label={t("privacy.toc")}>
        <ul>
          <li>
            <a href="#profile">{t("privacy.profile.title")}</a>
          </li>
          {candidate && (
            <li>
              <a href="#pool">{t("privacy.pool.title")}</a>
            </li>
          )}
          <li>
            <a href="#visibility">{t("privacy.reads.title")}</a>
          </li>
          <li>
            <a href="#export">{t("privacy.export.title")}</a>
          </li>
          <li>
            <a href="#password">{t("privacy.password.title")}</a>
          </li>
          <li>
            <a href="#erase">{t("privacy.erase.title")}</a>
          </li>
        </ul>
      </nav>
      <ProfileSection user={user} />
      {candidate && <PoolSection user={user} />}
      <section className="card me-section" id="visibility" aria-labelledby="visibility-h">
        <h2 id="visibility-h">{t("privacy.reads.title")}</h2>
        {exp.loading && !exp.data && <Loading />}
        {exp.error && <ErrorAlert error={exp.error} onRetry={() => void exp.reload()} />}
        {exp.data && (
          <>
            {candidate && (
              <div className="me-plain-card">
                <h3>{t("privacy.reads.sharesTitle")}</h3>
                {exp.data.shares.length === 0 ? (
                  <p className="muted">{t("shares.none")}</p>
                ) : (
                  <ul>
                    {exp.data.shares.map((s) => (
                      <li key={s.advisor_id}>{s.display_name}</li>
                    ))}
                  </ul>
                )}
                <p className="small">
                  <Link to="/me">{t("privacy.reads.manageShares")}</Link>
                </p>
              </div>
            )}
            <h3 className="me-subhead">{t("privacy.reads.logTitle")}</h3>
            <p className="small muted">{t("privacy.reads.lead")}</p>
            <StaffReads reads={exp.data.staff_reads} />
          </>
        )}
      </section>
      <ExportSection />
      <PasswordSection email={user.email} />
      <EraseSection />
    </Page>
  );
}

function Status({ text, tone = "ok" }: { text?: string; tone?: "ok" | "error" }) {
  return (
    <div aria-live="polite" className="me-status">
      {text && <p className={`alert alert--${tone}`}>{text}</p>}
    </div>
  );
}

function ProfileSection({ user }: { user: User }) {
  const { t } = useTranslation("me");
  const { t: ta } = useTranslation("auth");
  const { reload } = useAuth();
  const [name, setName] = useState(user.display_name);
  const save = useAction((e) => (e.status === 422 ? ta("validation.displayNameLong") : undefined));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const bad = checkDisplayName(name);
    if (bad) {
      save.fail(ta(`validation.${bad}`));
      document.getElementById("profile-name")?.focus();
      return;
    }
    const saved = await save.run(async () => {
      await patchMe({ display_name: name.trim() });
      await reload();
      return t("privacy.profile.saved");
    });
    if (!saved) document.getElementById("profile-name")?.focus();
  };
  return (
    <section className="card me-section" id="profile" aria-labelledby="profile-h">
      <h2 id="profile-h">{t("privacy.profile.title")}</h2>
      <dl className="facts me-facts">
        <dt>{ta("fields.email")}</dt>
        <dd>{user.email}</dd>
      </dl>
      <form className="form" onSubmit={submit} noValidate>
        <TextField id="profile-name" label={ta("fields.displayName")} hint={t("privacy.profile.hint", { max: DISPLAY_NAME_MAX })} value={name} onChange={setName} error={save.error} maxLength={DISPLAY_NAME_MAX} autoComplete="nickname" />
        <div>
          <button type="submit" className="btn btn--primary" disabled={save.busy || name.trim() === user.display_name}>
            {t("privacy.profile.save")}
          </button>
        </div>
      </form>
      <Status text={save.status} />
    </section>
  );
}

function PoolSection({ user }: { user: User }) {
  const { t } = useTranslation("me");
  const { reload } = useAuth();
  const [on, setOn] = useState(user.discoverable);
  const change = useAction();
  useEffect(() => setOn(user.discoverable), [user.discoverable]);

  const toggle = (next: boolean) =>
    change.run(async () => {
      setOn(next);
      try {
        const u = await patchMe({ discoverable: next });
        setOn(u.discoverable);
        await reload();
        return u.discoverable ? t("privacy.pool.nowOn") : t("privacy.pool.nowOff");
      } catch (err) {
        setOn(!next);
        throw err;
      }
    });

  return (
    <section className="card me-section" id="pool" aria-labelledby="pool-h">
      <h2 id="pool-h">{t("privacy.pool.title")}</h2>
      <p>{t("privacy.pool.lead")}</p>
      <div className="grid grid--2 me-pool-grid">
        <div>
          <h3 className="small me-pool__h">{t("privacy.pool.seesTitle")}</h3>
          <ul className="me-pool__list me-pool__list--yes">
            <li>{t("privacy.pool.sees1")}</li>
            <li>{t("privacy.pool.sees2")}</li>
            <li>{t("privacy.pool.sees3")}</li>
          </ul>
        </div>
        <div>
          <h3 className="small me-pool__h">{t("privacy.pool.hiddenTitle")}</h3>
          <ul className="me-pool__list me-pool__list--no">
            <li>{t("privacy.pool.hidden1")}</li>
            <li>{t("privacy.pool.hidden2")}</li>
            <li>{t("privacy.pool.hidden3")}</li>
          </ul>
        </div>
      </div>
      <div className="me-switch">
        <input id="discoverable" type="checkbox" role="switch" checked={on} disabled={change.busy} onChange={(e) => void toggle(e.target.checked)} data-testid="discoverable-toggle" aria-describedby="discoverable-hint" />
        <label htmlFor="discoverable">
          <span className="me-switch__track" aria-hidden="true">
            <span className="me-switch__thumb" />
          </span>
          <span>
            <strong>{t("privacy.pool.label")}</strong>
            <span className="me-switch__state">{on ? t("privacy.pool.stateOn") : t("privacy.pool.stateOff")}</span>
          </span>
        </label>
      </div>
      <p id="discoverable-hint" className="small muted">
        {user.latest_result ? t("privacy.pool.hint") : t("privacy.pool.hintNoResult")}
      </p>
      <Status text={change.error ?? change.status} tone={change.error ? "error" : "ok"} />
    </section>
  );
}

function ExportSection() {
  const { t } = useTranslation("me");
  const [file, setFile] = useState<{ url: string; name: string }>();
  const download = useAction();
  const link = useRef<HTMLAnchorElement>(null);
  useEffect(() => () => {
    if (file) URL.revokeObjectURL(file.url);
  }, [file]);

  const run = () =>
    download.run(async () => {
      const data = await exportMe();
      const blob = new Blob([JSON.stringify(data, null, 2)], { type: "application/json" });
      setFile({ url: URL.createObjectURL(blob), name: exportFileName(data.exported_at) });
    });
  // Start the download as soon as the file is ready; the link stays for a second try.
  useEffect(() => {
    if (file) link.current?.click();
  }, [file]);

  return (
    <section className="card me-section" id="export" aria-labelledby="export-h">
      <h2 id="export-h">{t("privacy.export.title")}</h2>
      <p>{t("privacy.export.lead")}</p>
      <div className="row">
        <button type="button" className="btn btn--ghost" onClick={() => void run()} disabled={download.busy} data-testid="export-button">
          {download.busy ? t("privacy.export.busy") : t("privacy.export.button")}
        </button>
        {file && (
          <a ref={link} href={file.url} download={file.name} data-testid="export-link">
            {t("privacy.export.again", { name: file.name })}
          </a>
        )}
      </div>
      <Status text={download.error} tone="error" />
      {file && <Status text={t("privacy.export.ready")} />}
    </section>
  );
}

function PasswordSection({ email }: { email: string }) {
  const { t } = useTranslation("me");
  const { t: ta } = useTranslation("auth");
  const navigate = useNavigate();
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [confirm, setConfirm] = useState("");
  const form = useAccountForm();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (form.busy) return;
    if (form.invalid(validatePasswordChange({ current, next, confirm }, email))) return;
    form.setBusy(true);
    form.reset();
    try {
      await changePassword({ current_password: current, new_password: next });
      // Every session has ended on the server: sign in again.
      leaveSignedOut(navigate, "/signin", "passwordChanged");
    } catch (err) {
      form.failed(asApiError(err));
      form.setBusy(false);
    }
  };
  const labels: FieldLabels = {
    current_password: ["pw-current", t("privacy.password.current")],
    new_password: ["pw-new", t("privacy.password.new")],
    confirm: ["pw-confirm", t("privacy.password.confirm")],
  };
  return (
    <section className="card me-section" id="password" aria-labelledby="password-h">
      <h2 id="password-h">{t("privacy.password.title")}</h2>
      <p>{t("privacy.password.lead")}</p>
      <FormErrorSummary form={form} labels={labels} />
      <form className="form" onSubmit={submit} noValidate data-testid="password-form">
        <PasswordField id="pw-current" label={t("privacy.password.current")} value={current} onChange={setCurrent} error={form.errors.current_password} autoComplete="current-password" />
        <PasswordField id="pw-new" label={t("privacy.password.new")} hint={ta("signup.passwordHint", { min: PASSWORD_MIN })} value={next} onChange={setNext} error={form.errors.new_password} autoComplete="new-password" />
        <PasswordField id="pw-confirm" label={t("privacy.password.confirm")} value={confirm} onChange={setConfirm} error={form.errors.confirm} autoComplete="new-password" />
        <div>
          <button type="submit" className="btn btn--primary" disabled={form.busy}>
            {t("privacy.password.submit")}
          </button>
        </div>
      </form>
    </section>
  );
}

function EraseSection() {
  const { t } = useTranslation("me");
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState("");
  const erasing = useAction();
  const input = useRef<HTMLInputElement>(null);
  const word = t("privacy.erase.word");
  const ok = confirmMatches(typed, word);

  useEffect(() => {
    if (open) input.current?.focus();
  }, [open]);

  const erase = async (e: FormEvent) => {
    e.preventDefault();
    if (!ok) {
      erasing.fail(t("privacy.erase.mismatch", { word }));
      input.current?.focus();
      return;
    }
    await erasing.run(async () => {
      await deleteMe();
      leaveSignedOut(navigate, "/", "accountErased");
    });
  };

  return (
    <section className="card me-section me-danger" id="erase" aria-labelledby="erase-h">
      <h2 id="erase-h">{t("privacy.erase.title")}</h2>
      <p>{t("privacy.erase.lead")}</p>
      <div className="grid grid--2">
        <div>
          <h3 className="small me-pool__h">{t("privacy.erase.goneTitle")}</h3>
          <ul className="small">
            <li>{t("privacy.erase.gone1")}</li>
            <li>{t("privacy.erase.gone2")}</li>
            <li>{t("privacy.erase.gone3")}</li>
          </ul>
        </div>
        <div>
          <h3 className="small me-pool__h">{t("privacy.erase.keptTitle")}</h3>
          <ul className="small">
            <li>{t("privacy.erase.kept1")}</li>
            <li>{t("privacy.erase.kept2")}</li>
          </ul>
        </div>
      </div>
      {!open ? (
        <button type="button" className="btn btn--danger" onClick={() => setOpen(true)} data-testid="erase-button" aria-expanded={false}>
          {t("privacy.erase.button")}
        </button>
      ) : (
        <form className="form me-erase-form" onSubmit={erase} noValidate>
          <p className="alert alert--warn">{t("privacy.erase.warning")}</p>
          <div className="field">
            <label htmlFor="erase-confirm">{t("privacy.erase.confirmLabel", { word })}</label>
            <input
              ref={input}
              id="erase-confirm"
              type="text"
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              autoComplete="off"
              data-testid="erase-confirm"
              aria-invalid={erasing.error ? true : undefined}
              aria-describedby={erasing.error ? "erase-error" : undefined}
            />
            {erasing.error && (
              <p id="erase-error" className="field__error" role="alert">
                {erasing.error}
              </p>
            )}
          </div>
          <div className="row">
            <button type="submit" className="btn btn--danger" disabled={erasing.busy} data-testid="erase-confirm-button">
              {erasing.busy ? t("privacy.erase.busy") : t("privacy.erase.confirm")}
            </button>
            <button
              type="button"
              className="btn btn--ghost"
              onClick={() => {
                setOpen(false);
                setTyped("");
                erasing.clear();
              }}
            >
              {t("common:cancel")}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
