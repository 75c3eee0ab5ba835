import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, NavLink, useLocation } from "react-router-dom";
import { OPENAPI_DOCUMENT } from "../api/endpoints";
import { useAuth } from "../auth/AuthContext";
import { setLang, type Lang } from "../i18n";

function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const other: Lang = i18n.language === "ja" ? "en" : "ja";
  return (
    <button type="button" className="lang-switch" onClick={() => void setLang(other)} title={t("language.switchTo")} data-testid="lang-switch">
      <svg aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="16" height="16" fill="none" stroke="currentColor" strokeWidth="1.8">
        <circle cx="12" cy="12" r="9" />
        <path d="M3 12h18M12 3c2.5 2.7 3.8 5.7 3.8 9s-1.3 6.3-3.8 9c-2.5-2.7-3.8-5.7-3.8-9S9.5 5.7 12 3z" />
      </svg>
      <span lang={other}>{other === "ja" ? "日本語" : "English"}</span>
    </button>
  );
}

export default function Layout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { user, signOut } = useAuth();
  const [open, setOpen] = useState(false);
  const location = useLocation();
  const close = () => setOpen(false);

  const links: { to: string; label: string }[] = [{ to: "/roles", label: t("nav.roles") }];
  if (!user || user.role === "candidate") links.unshift({ to: "/quiz", label: t("nav.quiz") });
  if (user?.role === "candidate") links.push({ to: "/me", label: t("nav.me") });
  if (user?.role === "advisor") links.push({ to: "/advisor", label: t("nav.advisor") });
  if (user?.role === "recruiter") links.push({ to: "/talent", label: t("nav.talent") });
  if (user?.role === "admin") links.push({ to: "/admin", label: t("nav.admin") });

  return (
    <>
      <a className="skip-link" href="#main">
        {t("skipToContent")}
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <Link to="/" className="brand" onClick={close}>
            <span className="brand__mark" aria-hidden="true">
              ◆
            </span>
            pmpath
          </Link>
          <button type="button" className="menu-toggle" aria-expanded={open} aria-controls="site-nav" onClick={() => setOpen((o) => !o)}>
            {t("nav.menu")}
          </button>
          <nav id="site-nav" className={open ? "site-nav site-nav--open" : "site-nav"} aria-label={t("nav.label")}>
            <ul>
              {links.map((l) => (
                <li key={l.to}>
                  <NavLink to={l.to} onClick={close}>
                    {l.label}
                  </NavLink>
                </li>
              ))}
            </ul>
            <div className="site-nav__end">
              <LanguageSwitch />
              {user ? (
                <>
                  <span className="muted small user-name" title={user.email}>
                    {user.display_name || user.email}
                  </span>
                  <button type="button" className="btn btn--ghost btn--small" onClick={() => void signOut().then(close)}>
                    {t("nav.signOut")}
                  </button>
                </>
              ) : (
                <>
                  <NavLink to="/signin" onClick={close} state={{ from: location.pathname }}>
                    {t("nav.signIn")}
                  </NavLink>
                  <Link to="/signup" className="btn btn--primary btn--small" onClick={close}>
                    {t("nav.signUp")}
                  </Link>
                </>
              )}
            </div>
          </nav>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <p>{t("footer.note")}</p>
        <p>
          <Link to="/roles">{t("nav.roles")}</Link> · <a href={OPENAPI_DOCUMENT}>{t("footer.api")}</a>
        </p>
      </footer>
    </>
  );
}
