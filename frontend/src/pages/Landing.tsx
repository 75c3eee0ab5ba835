import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useNavigate } from "react-router-dom";
import { listQuestionnaires } from "../api/endpoints";
import { useApi } from "../hooks/useApi";
import { noticeState } from "./auth/forms";
import { Paths, ResultPreview } from "./landing/art";
import { Difference, HowItWorks, Numbers, RoleStrip } from "./landing/sections";
import "./landing/landing.css";

/** The questionnaire the landing page describes; its length comes from the server when it answers. */
const FORM = "pm-pmo-fit";

export default function Landing() {
  const { t } = useTranslation("landing");
  const h1 = useRef<HTMLHeadingElement>(null);
  const location = useLocation();
  const navigate = useNavigate();
  const [notice] = useState(() => noticeState(location.state));
  const q = useApi(listQuestionnaires, []);
  const form = q.data?.questionnaires.find((x) => x.slug === FORM);
  const minutes = form?.minutes ?? 12;
  const items = form?.items ?? 59;

  useEffect(() => {
    document.title = `${t("meta.title")} | pmpath`;
  }, [t]);
  useEffect(() => {
    h1.current?.focus({ preventScroll: true });
  }, []);
  // A message left by another page (say, after erasing the account) shows once.
  useEffect(() => {
    if (location.state) navigate(location.pathname, { replace: true, state: null });
  }, [location.state, location.pathname, navigate]);

  return (
    <div className="lp">
      {notice && (
        <div className="lp-notice">
          <div className="alert alert--ok" role="status">
            <p>{t(`notice.${notice}`, { defaultValue: "" }) || t("notice.generic")}</p>
          </div>
        </div>
      )}
      <section className="lp-hero" aria-labelledby="lp-title">
        <Paths />
        <div className="lp-hero__inner">
          <div className="lp-hero__copy">
            <p className="lp-eyebrow">{t("hero.eyebrow")}</p>
            <h1 id="lp-title" ref={h1} tabIndex={-1} className="lp-hero__title">
              <span>{t("hero.title1")}</span> <span className="lp-hero__accent">{t("hero.title2", { minutes })}</span>
            </h1>
            <p className="lp-hero__lead">{t("hero.lead")}</p>
            <div className="lp-hero__actions">
              <Link to="/quiz" className="btn btn--primary btn--large lp-start" data-testid="landing-start">
                {t("hero.start")}
                <span aria-hidden="true">→</span>
              </Link>
              <Link to="/roles" className="btn btn--ghost btn--large">
                {t("hero.roles")}
              </Link>
            </div>
            <ul className="lp-hero__facts">
              <li>{t("hero.fact1", { minutes, items })}</li>
              <li>{t("hero.fact2")}</li>
              <li>{t("hero.fact3")}</li>
            </ul>
          </div>
          <div className="lp-hero__art">
            <ResultPreview />
          </div>
        </div>
      </section>

      <div className="lp-body">
        <Difference />
        <RoleStrip />
        <HowItWorks />
        <Numbers />
      </div>

      <section className="lp-cta" aria-labelledby="lp-cta">
        <div className="lp-cta__inner">
          <h2 id="lp-cta">{t("cta.title", { minutes })}</h2>
          <p>{t("cta.body")}</p>
          <Link to="/quiz" className="btn btn--large lp-cta__button">
            {t("cta.start")}
            <span aria-hidden="true">→</span>
          </Link>
        </div>
      </section>
    </div>
  );
}
