// The frame of the sign-in and sign-up pages: a note for someone already
// signed in, the card with the error summary, the form and the link to the
// other page, and an aside on what an account gives.
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router-dom";
import { useAuth } from "../../auth/AuthContext";
import { Page } from "../../components/ui";
import { FormErrorSummary } from "./fields";
import { HOME_BY_ROLE, type FieldLabels } from "./forms";
import type { AccountForm } from "./useAccountForm";
import "./auth.css";

export interface AuthPageProps {
  title: string;
  lead: string;
  /** Above everything else, e.g. a notice another page left. */
  notice?: ReactNode;
  form: AccountForm;
  labels: FieldLabels;
  /** The form, and anything to show between the error summary and it. */
  children: ReactNode;
  /** The line under the card that leads to the other page. */
  other: { prompt: string; link: string; to: string };
  aside: { id: string; title: string; items: ReactNode };
}

export default function AuthPage({ title, lead, notice, form, labels, children, other, aside }: AuthPageProps) {
  const { t } = useTranslation("auth");
  const { user } = useAuth();
  const location = useLocation();
  return (
    <Page title={title} lead={lead}>
      {notice}
      {user && !form.busy && (
        <div className="alert alert--info">
          <p>{t("signin.already", { name: user.display_name || user.email })}</p>
          <Link to={HOME_BY_ROLE[user.role]}>{t("signin.goHome")}</Link>
        </div>
      )}
      <div className="auth-layout">
        <div className="card auth-card">
          <FormErrorSummary form={form} labels={labels} />
          {children}
          <p className="auth-switch">
            {other.prompt}{" "}
            <Link to={other.to} state={location.state}>
              {other.link}
            </Link>
          </p>
        </div>
        <aside className="auth-aside" aria-labelledby={aside.id}>
          <h2 id={aside.id}>{aside.title}</h2>
          <ul className="auth-benefits">{aside.items}</ul>
        </aside>
      </div>
    </Page>
  );
}
