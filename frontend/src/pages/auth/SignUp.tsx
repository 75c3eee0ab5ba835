import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router-dom";
import { assessmentTokens } from "../../api/assessmentTokens";
import { useAuth } from "../../auth/AuthContext";
import AuthPage from "./AuthPage";
import { PasswordField, TextField } from "./fields";
import { DISPLAY_NAME_MAX, PASSWORD_MIN, validateSignUp, type FieldLabels } from "./forms";
import { useAccountEntry } from "./useAccountEntry";

const BENEFITS = ["benefit1", "benefit2", "benefit3", "benefit4"] as const;

export default function SignUp() {
  const { t } = useTranslation("auth");
  const { signUp } = useAuth();
  const location = useLocation();
  const [displayName, setDisplayName] = useState("");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const { form, claiming, enter } = useAccountEntry();
  const pending = assessmentTokens.all().length;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void enter({
      checks: validateSignUp({ email, password, displayName }),
      request: () => signUp(email.trim(), password, displayName.trim()),
      arrival: (claimed) => ({ welcome: true, claimed }),
      explain: (p) => (p.status === 409 ? t("signup.exists") : undefined),
    });
  };

  const labels: FieldLabels = {
    display_name: ["signup-name", t("fields.displayName")],
    email: ["signup-email", t("fields.email")],
    password: ["signup-password", t("fields.password")],
  };

  return (
    <AuthPage
      title={t("signup.title")}
      lead={t("signup.lead")}
      form={form}
      labels={labels}
      other={{ prompt: t("signup.haveAccount"), link: t("signup.signInLink"), to: "/signin" }}
      aside={{
        id: "signup-aside",
        title: t("signup.asideTitle"),
        items: BENEFITS.map((b) => (
          <li key={b}>
            <strong>{t(`signup.${b}.title`)}</strong>
            <span>{t(`signup.${b}.body`)}</span>
          </li>
        )),
      }}
    >
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
    </AuthPage>
  );
}
