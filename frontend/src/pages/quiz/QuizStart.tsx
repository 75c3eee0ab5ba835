// /quiz — what the assessment is, and a button that starts (or resumes) it.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router-dom";
import { assessmentTokens } from "../../api/assessmentTokens";
import type { ApiError } from "../../api/client";
import { createAssessment, getAssessment, listQuestionnaires, myAssessments } from "../../api/endpoints";
import { useAuth } from "../../auth/AuthContext";
import { Announcement, ErrorAlert, Loading, Page } from "../../components/ui";
import { formatDate } from "../../format";
import { asApiError, useApi } from "../../hooks/useApi";
import { DEFAULT_QUESTIONNAIRE, retryDelay } from "./quizState";
import { newKey } from "./storage";
import "./quiz.css";

const ICONS: Record<string, string> = {
  clock: "M12 7v5l3 2M21 12a9 9 0 1 1-18 0 9 9 0 0 1 18 0Z",
  user: "M16 8a4 4 0 1 1-8 0 4 4 0 0 1 8 0ZM4 20c1.5-3.5 4.5-5 8-5s6.5 1.5 8 5",
  save: "M5 4h11l3 3v13H5zM8 4v5h8V4M8 20v-6h8v6",
};

function Icon({ name }: { name: keyof typeof ICONS }) {
  return (
    <svg viewBox="0 0 24 24" width="20" height="20" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" focusable="false">
      <path d={ICONS[name]} />
    </svg>
  );
}

export interface Unfinished {
  id: string;
  created_at: string;
  answered: number | null;
  total: number | null;
}

/** ResumeCard offers to continue a draft; it is the first thing on the page when there is one. */
export function ResumeCard({ draft }: { draft: Unfinished }) {
  const { t, i18n } = useTranslation("quiz");
  const pct = draft.answered !== null && draft.total ? Math.round((draft.answered / draft.total) * 100) : null;
  return (
    <section className="card card--pm resume-card" aria-labelledby="resume-title">
      <h2 id="resume-title">{t("start.resumeTitle")}</h2>
      <p>
        {t("start.resumeLead", { date: formatDate(draft.created_at, i18n.language) })}
        {draft.answered !== null && draft.total !== null && t("start.resumeProgress", { answered: draft.answered, total: draft.total })}
      </p>
      {pct !== null && (
        <div className="quiz-progress__track resume-card__bar" aria-hidden="true">
          <div className="quiz-progress__fill" style={{ width: `${pct}%` }} />
        </div>
      )}
      <div className="row">
        <Link to={`/quiz/${draft.id}`} className="btn btn--primary btn--large" data-testid="quiz-resume">
          {t("start.resume")}
        </Link>
      </div>
    </section>
  );
}

/**
 * findUnfinished finds a draft to resume: the candidate's own (candidateId
 * is the signed-in candidate, if any), else this browser's anonymous one.
 * Tokens the server no longer knows are forgotten on the way.
 */
export async function findUnfinished(candidateId: string | null): Promise<Unfinished | null> {
  let found: Unfinished | null = null;
  if (candidateId) {
    try {
      const mine = await myAssessments();
      const d = mine.assessments.find((a) => a.status === "draft");
      if (d) found = { id: d.id, created_at: d.created_at, answered: null, total: null };
    } catch {
      /* the anonymous store below still works */
    }
  }
  for (let local = assessmentTokens.unfinished(); !found && local; local = assessmentTokens.unfinished()) {
    try {
      const a = await getAssessment(local.id);
      if (a.status === "submitted") assessmentTokens.markSubmitted(local.id);
      else found = { id: a.id, created_at: a.created_at, answered: a.progress.answered, total: a.progress.required };
    } catch (e) {
      const err = asApiError(e);
      if (err.status === 404 || err.status === 401) assessmentTokens.remove(local.id);
      else {
        found = { id: local.id, created_at: local.created_at, answered: null, total: null };
      }
    }
  }
  if (found && found.answered === null) {
    try {
      const a = await getAssessment(found.id);
      found = { ...found, answered: a.progress.answered, total: a.progress.required };
    } catch {
      /* show it without progress */
    }
  }
  return found;
}

export default function QuizStart() {
  const { t } = useTranslation("quiz");
  const { user, ready } = useAuth();
  const navigate = useNavigate();
  const list = useApi(listQuestionnaires, []);
  const q = list.data?.questionnaires.find((x) => x.slug === DEFAULT_QUESTIONNAIRE) ?? list.data?.questionnaires[0];
  const resume = useApi(findUnfinished, ready ? [user?.role === "candidate" ? user.id : null] : null);
  const unfinished = resume.data ?? null;
  const checking = !ready || (resume.loading && resume.data === undefined);
  const [starting, setStarting] = useState(false);
  const [startError, setStartError] = useState<ApiError>();

  const start = async () => {
    if (starting) return;
    setStarting(true);
    setStartError(undefined);
    const key = newKey();
    const slug = q?.slug ?? DEFAULT_QUESTIONNAIRE;
    for (let attempt = 1; ; attempt++) {
      try {
        const a = await createAssessment({ questionnaire: slug }, key);
        if (a.token) assessmentTokens.put({ id: a.id, token: a.token, questionnaire: a.questionnaire.slug, created_at: a.created_at });
        navigate(`/quiz/${a.id}`);
        return;
      } catch (e) {
        const err = asApiError(e);
        if ((err.status === 0 || err.status >= 500) && attempt < 3) {
          await new Promise((r) => setTimeout(r, retryDelay(attempt)));
          continue;
        }
        setStartError(err);
        setStarting(false);
        return;
      }
    }
  };

  const staff = user && user.role !== "candidate";

  return (
    <Page title={q?.title ?? t("start.title")} lead={t("start.lead")}>
      {checking || list.loading ? (
        <Loading />
      ) : (
        <div className="quiz-start stack">
          {unfinished && <ResumeCard draft={unfinished} />}
          {list.error && <ErrorAlert error={list.error} onRetry={list.reload} />}
          {startError && <ErrorAlert error={startError} onRetry={() => void start()} />}
          {staff && (
            <div className="alert alert--info">
              <p>{t("start.staffNote")}</p>
            </div>
          )}
          <section className="card quiz-intro" aria-labelledby="intro-title">
            <h2 id="intro-title" className="visually-hidden">
              {t("start.aboutTitle")}
            </h2>
            <ul className="quiz-facts">
              <li>
                <span className="quiz-facts__icon" aria-hidden="true">
                  <Icon name="clock" />
                </span>
                <span>
                  <strong>{q ? t("start.minutes", { n: q.minutes }) : t("start.minutesUnknown")}</strong>
                  <span className="muted small">{q ? t("start.items", { n: q.items }) : ""}</span>
                </span>
              </li>
              <li>
                <span className="quiz-facts__icon" aria-hidden="true">
                  <Icon name="user" />
                </span>
                <span>
                  <strong>{t("start.anonymous")}</strong>
                  <span className="muted small">{user ? t("start.anonymousSignedIn") : t("start.anonymousDetail")}</span>
                </span>
              </li>
              <li>
                <span className="quiz-facts__icon" aria-hidden="true">
                  <Icon name="save" />
                </span>
                <span>
                  <strong>{t("start.autosave")}</strong>
                  <span className="muted small">{t("start.autosaveDetail")}</span>
                </span>
              </li>
            </ul>
            <div className="quiz-intro__cta">
              <button type="button" className={`btn ${unfinished ? "btn--ghost" : "btn--primary"} btn--large`} onClick={() => void start()} disabled={starting} data-testid="quiz-start">
                {starting ? t("start.starting") : unfinished ? t("start.startNew") : t("start.start")}
              </button>
              <Announcement>{starting ? t("start.starting") : ""}</Announcement>
            </div>
          </section>
          <section className="quiz-parts" aria-labelledby="parts-title">
            <h2 id="parts-title">{t("start.partsTitle")}</h2>
            {q && <p className="quiz-intro__desc">{q.description}</p>}
            <ol className="quiz-parts__list">
              <li className="card">
                <h3>{t("start.part1Title")}</h3>
                <p className="small">{t("start.part1")}</p>
              </li>
              <li className="card">
                <h3>{t("start.part2Title")}</h3>
                <p className="small">{t("start.part2")}</p>
              </li>
              <li className="card">
                <h3>{t("start.part3Title")}</h3>
                <p className="small">{t("start.part3")}</p>
              </li>
            </ol>
          </section>
          <section aria-labelledby="get-title">
            <h2 id="get-title">{t("start.getTitle")}</h2>
            <ul className="quiz-get">
              <li>{t("start.get1")}</li>
              <li>{t("start.get2")}</li>
              <li>{t("start.get3")}</li>
              <li>{t("start.get4")}</li>
            </ul>
            <p className="muted small">{t("start.privacy")}</p>
          </section>
        </div>
      )}
    </Page>
  );
}
