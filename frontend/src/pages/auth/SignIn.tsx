import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useLocation } from "react-router-dom";
import { useAuth } from "../../auth/AuthContext";
import AuthPage from "./AuthPage";
import { PasswordField, TextField } from "./fields";
import { noticeState, validateSignIn, type FieldLabels } from "./forms";
import { useAccountEntry } from "./useAccountEntry";

export default function SignIn() {
  const { t } = useTranslation("auth");
  const { signIn } = useAuth();
  const location = useLocation();
  const notice = noticeState(location.state);
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const { form, claiming, enter } = useAccountEntry();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void enter({
      checks: validateSignIn({ email, password }),
      request: () => signIn(email.trim(), password),
      arrival: (claimed) => (claimed > 0 ? { claimed } : undefined),
      explain: (p) => (p.status === 401 ? t("signin.wrong") : undefined),
      onFailure: () => setPassword(""),
    });
  };

  const labels: FieldLabels = {
    email: ["signin-email", t("fields.email")],
    password: ["signin-password", t("fields.password")],
  };

  return (
    <AuthPage
      title={t("signin.title")}
      lead={t("signin.lead")}
      notice={
        notice && (
          <div className="alert alert--ok" role="status">
            <p>{t(`notice.${notice}`, { defaultValue: "" }) || t("notice.generic")}</p>
          </div>
        )
      }
      form={form}
      labels={labels}
      other={{ prompt: t("signin.noAccount"), link: t("signin.signUpLink"), to: "/signup" }}
      aside={{
        id: "signin-aside",
        title: t("signin.asideTitle"),
        items: (
          <>
            <li>{t("signin.aside1")}</li>
            <li>{t("signin.aside2")}</li>
            <li>{t("signin.aside3")}</li>
          </>
        ),
      }}
    >
      <form className="form auth-form" onSubmit={submit} noValidate data-testid="signin-form" aria-busy={form.busy}>
        <TextField id="signin-email" type="email" label={t("fields.email")} value={email} onChange={setEmail} error={form.errors.email} autoComplete="email" inputMode="email" required />
        <PasswordField id="signin-password" label={t("fields.password")} value={password} onChange={setPassword} error={form.errors.password} autoComplete="current-password" required />
        <button type="submit" className="btn btn--primary btn--large auth-submit" disabled={form.busy}>
          {claiming ? t("claim.working") : form.busy ? t("signin.busy") : t("signin.submit")}
        </button>
      </form>
    </AuthPage>
  );
}
