import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useNavigate } from "react-router-dom";
import { assessmentTokens } from "../../api/assessmentTokens";
import { useAuth } from "../../auth/AuthContext";
import { Page } from "../../components/ui";
import { asApiError } from "../../hooks/useApi";
import { ErrorSummary, PasswordField, TextField } from "./fields";
import { DISPLAY_NAME_MAX, fromState, HOME_BY_ROLE, PASSWORD_MIN, redirectTarget, validateSignUp } from "./forms";
import { claimForCandidate } from "./claim";
import { useAccountForm } from "./useAccountForm";
import "./auth.css";

export default function SignUp() {
  const { t } = useTranslation("auth");
  const { user, signUp, reload } = useAuth();
  const location = useLocation();
  const navigate = useNavigate();
  const from = fromState(location.state);
  const [displayName, setDisplayName] = useState("");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [claiming, setClaiming] = useState(false);
  const form = useAccountForm();
  const pending = assessmentTokens.all().length;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (form.busy) return;
    if (form.invalid(validateSignUp({ email, password, displayName }))) return;
    form.setBusy(true);
    form.reset();
    try {
      const u = await signUp(email.trim(), password, displayName.trim());
      setClaiming(true);
      const claimed = await claimForCandidate(u, reload);
      navigate(redirectTarget(from, u?.role ?? "candidate"), { replace: true, state: { welcome: true, claimed } });
    } catch (err) {
      form.failed(asApiError(err), (p) => (p.status === 409 ? t("signup.exists") : undefined));
    } finally {
      form.setBusy(false);
      setClaiming(false);
    }
  };

  const labels: Record<string, [string, string]> = {
    display_name: ["signup-name", t("fields.displayName")],
    email: ["signup-email", t("fields.email")],
    password: ["signup-password", t("fields.password")],
  };

  return (
    <Page title={t("signup.title")} lead={t("signup.lead")}>
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
          {form.summary === t("signup.exists") && (
            <p className="small">
              <Link to="/signin" state={location.state}>
                {t("signup.existsSignIn")}
              </Link>
            </p>
          )}
          <form className="form auth-form" onSubmit={submit} noValidate data-testid="signup-form" aria-busy={form.busy}>
            <TextField
              id="signup-name"
              label={t("fields.displayName")}
              hint={t("signup.displayNameHint", { max: DISPLAY_NAME_MAX })}
              value={displayName}
              onChange={setDisplayName}
              error={form.errors.display_name}
              autoComplete="nickname"
              maxLength={DISPLAY_NAME_MAX}
              required
            />
            <TextField id="signup-email" type="email" label={t("fields.email")} hint={t("signup.emailHint")} value={email} onChange={setEmail} error={form.errors.email} autoComplete="email" inputMode="email" required />
            <PasswordField
              id="signup-password"
              label={t("fields.password")}
              hint={t("signup.passwordHint", { min: PASSWORD_MIN })}
              value={password}
              onChange={setPassword}
              error={form.errors.password}
              autoComplete="new-password"
              required
            />
            {pending > 0 && (
              <p className="alert alert--info small auth-claim-note" data-testid="signup-claim-note">
                {t("signup.claimNote", { count: pending })}
              </p>
            )}
            <p className="small muted">{t("signup.privacy")}</p>
            <button type="submit" className="btn btn--primary btn--large auth-submit" disabled={form.busy}>
              {claiming ? t("claim.working") : form.busy ? t("signup.busy") : t("signup.submit")}
            </button>
          </form>
          <p className="auth-switch">
            {t("signup.haveAccount")} <Link to="/signin" state={location.state}>{t("signup.signInLink")}</Link>
          </p>
        </div>
        <aside className="auth-aside" aria-labelledby="signup-aside">
          <h2 id="signup-aside">{t("signup.asideTitle")}</h2>
          <ul className="auth-benefits">
            <li>
              <strong>{t("signup.benefit1.title")}</strong>
              <span>{t("signup.benefit1.body")}</span>
            </li>
            <li>
              <strong>{t("signup.benefit2.title")}</strong>
              <span>{t("signup.benefit2.body")}</span>
            </li>
            <li>
              <strong>{t("signup.benefit3.title")}</strong>
              <span>{t("signup.benefit3.body")}</span>
            </li>
            <li>
              <strong>{t("signup.benefit4.title")}</strong>
              <span>{t("signup.benefit4.body")}</span>
            </li>
          </ul>
        </aside>
      </div>
    </Page>
  );
}
