import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useNavigate } from "react-router-dom";
import { useAuth } from "../../auth/AuthContext";
import { Page } from "../../components/ui";
import { asApiError } from "../../hooks/useApi";
import { claimForCandidate } from "./claim";
import { ErrorSummary, PasswordField, TextField } from "./fields";
import { fromState, HOME_BY_ROLE, noticeState, redirectTarget, validateSignIn } from "./forms";
import { useAccountForm } from "./useAccountForm";
import "./auth.css";

export default function SignIn() {
  const { t } = useTranslation("auth");
  const { user, signIn, reload } = useAuth();
  const location = useLocation();
  const navigate = useNavigate();
  const notice = noticeState(location.state);
  const from = fromState(location.state);
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [claiming, setClaiming] = useState(false);
  const form = useAccountForm();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (form.busy) return;
    if (form.invalid(validateSignIn({ email, password }))) return;
    form.setBusy(true);
    form.reset();
    try {
      const u = await signIn(email.trim(), password);
      setClaiming(true);
      const claimed = await claimForCandidate(u, reload);
      const role = u?.role ?? "candidate";
      navigate(redirectTarget(from, role), { replace: true, state: claimed > 0 ? { claimed } : undefined });
    } catch (err) {
      setPassword("");
      form.failed(asApiError(err), (p) => (p.status === 401 ? t("signin.wrong") : undefined));
    } finally {
      form.setBusy(false);
      setClaiming(false);
    }
  };

  const labels: Record<string, [string, string]> = {
    email: ["signin-email", t("fields.email")],
    password: ["signin-password", t("fields.password")],
  };

  return (
    <Page title={t("signin.title")} lead={t("signin.lead")}>
      {notice && (
        <div className="alert alert--ok" role="status">
          <p>{t(`notice.${notice}`, { defaultValue: "" }) || t("notice.generic")}</p>
        </div>
      )}
      {user && !form.busy && (
        <div className="alert alert--info">
          <p>{t("signin.already", { name: user.display_name || user.email })}</p>
          <Link to={HOME_BY_ROLE[user.role]}>{t("signin.goHome")}</Link>
        </div>
      )}
      <div className="auth-layout">
        <div className="card auth-card">
          <ErrorSummary
            title={t("form.summaryTitle")}
            message={form.summary}
            attempt={form.attempt}
            items={Object.entries(form.errors)
              .filter(([k]) => labels[k])
              .map(([k, m]) => ({ id: labels[k][0], label: labels[k][1], message: m }))}
          />
          <form className="form auth-form" onSubmit={submit} noValidate data-testid="signin-form" aria-busy={form.busy}>
            <TextField id="signin-email" type="email" label={t("fields.email")} value={email} onChange={setEmail} error={form.errors.email} autoComplete="email" inputMode="email" required />
            <PasswordField id="signin-password" label={t("fields.password")} value={password} onChange={setPassword} error={form.errors.password} autoComplete="current-password" required />
            <button type="submit" className="btn btn--primary btn--large auth-submit" disabled={form.busy}>
              {claiming ? t("claim.working") : form.busy ? t("signin.busy") : t("signin.submit")}
            </button>
          </form>
          <p className="auth-switch">
            {t("signin.noAccount")} <Link to="/signup" state={location.state}>{t("signin.signUpLink")}</Link>
          </p>
        </div>
        <aside className="auth-aside" aria-labelledby="signin-aside">
          <h2 id="signin-aside">{t("signin.asideTitle")}</h2>
          <ul className="auth-benefits">
            <li>{t("signin.aside1")}</li>
            <li>{t("signin.aside2")}</li>
            <li>{t("signin.aside3")}</li>
          </ul>
        </aside>
      </div>
    </Page>
  );
}
