// The one form that shares the caller's results with a career advisor, on
// My page and under a result: it checks the address, posts it, says who
// now sees the results and hands the new share to the page's list.
import { useId, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { shareWithAdvisor } from "../../api/endpoints";
import type { Share } from "../../api/types";
import { useAction } from "../../hooks/useAction";
import { checkEmail } from "../auth/forms";
import "./me.css";

export function ShareForm({ onShared }: { onShared: (s: Share) => void }) {
  const { t } = useTranslation("me");
  const { t: ta } = useTranslation("auth");
  const [email, setEmail] = useState("");
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  const [inputId, hintId, errorId] = [`${id}-email`, `${id}-hint`, `${id}-error`];
  const share = useAction((e) =>
    e.status === 404 ? t("shares.noAdvisor") : e.status === 422 ? (e.fieldError("$.advisor_email") ?? ta("validation.emailInvalid")) : undefined,
  );

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const bad = checkEmail(email);
    if (bad) {
      share.fail(ta(`validation.${bad}`));
      input.current?.focus();
      return;
    }
    const ok = await share.run(async () => {
      const s = await shareWithAdvisor(email.trim());
      onShared(s);
      setEmail("");
      return t("shares.added", { name: s.display_name });
    });
    if (!ok) input.current?.focus();
  };

  return (
    <form className="me-share-form" onSubmit={submit} noValidate data-testid="share-form">
      <div className="field">
        <label htmlFor={inputId}>{t("shares.email")}</label>
        <p id={hintId} className="field__hint">
          {t("shares.emailHint")}
        </p>
        <div className="me-share-form__row">
          <input
            ref={input}
            id={inputId}
            type="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            autoComplete="off"
            aria-invalid={share.error ? true : undefined}
            aria-describedby={share.error ? `${hintId} ${errorId}` : hintId}
          />
          <button type="submit" className="btn btn--ghost" disabled={share.busy}>
            {share.busy ? t("shares.sending") : t("shares.add")}
          </button>
        </div>
        {share.error && (
          <p id={errorId} className="field__error">
            {share.error}
          </p>
        )}
        <div aria-live="polite">
          {share.status && <p className="small me-share-form__done">{share.status}</p>}
        </div>
      </div>
    </form>
  );
}
