// /quiz/:id — the questionnaire, one step at a time, saved as you go.
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams, useSearchParams } from "react-router-dom";
import { assessmentTokens } from "../../api/assessmentTokens";
import type { ApiError } from "../../api/client";
import { getAssessment, getQuestionnaire, submitAssessment } from "../../api/endpoints";
import type { Answers, AnswerValue } from "../../api/types";
import { useAuth } from "../../auth/AuthContext";
import AssessmentError from "../../components/AssessmentError";
import { Announcement, ErrorAlert, Loading, Page } from "../../components/ui";
import { asApiError, useApi } from "../../hooks/useApi";
import { ProgressBar, ResumePanel, ReviewList, SaveIndicator, StepView } from "./components";
import {
  answeredCount,
  buildSteps,
  fieldErrorsByItem,
  firstIncompleteStep,
  isAnswered,
  itemNumbers,
  likertKey,
  mergeAnswers,
  missingItems,
  parseStep,
  resumeURL,
  retryDelay,
  scrollTopFor,
  stepOfItem,
  stepParam,
  unansweredInStep,
  withOptionOrder,
} from "./quizState";
import { adoptTokenFromHash, clearSubmitKey, pendingStore, submitIdempotencyKey } from "./storage";
import { useAutosave } from "./useAutosave";
import "./quiz.css";

type SubmitProblem = { kind: "missing" | "unsaved" | "network" | "other"; error?: ApiError };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export default function Quiz() {
  const { id = "" } = useParams();
  const { t } = useTranslation("quiz");
  const { user } = useAuth();
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  useState(() => adoptTokenFromHash(id));

  const [answers, setAnswers] = useState<Answers>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [submitting, setSubmitting] = useState(false);
  const [submitProblem, setSubmitProblem] = useState<SubmitProblem | null>(null);

  const toResults = useCallback(() => {
    assessmentTokens.markSubmitted(id);
    pendingStore.clear(id);
    clearSubmitKey(id);
    navigate(`/results/${id}`, { replace: true });
  }, [id, navigate]);

  const autosave = useAutosave({
    id,
    onConflict: toResults,
    onFieldErrors: (e) => setErrors((prev) => ({ ...prev, ...e })),
  });

  // The draft: its saved answers, with anything this browser had not sent
  // yet on top. They seed the answers once per draft; reading it again
  // (another language) leaves what the person has answered since alone.
  const loaded = useApi(getAssessment, [id]);
  const draft = loaded.data?.status === "draft" ? loaded.data : undefined;
  const seeded = useRef<string | null>(null);
  useEffect(() => {
    const a = loaded.data;
    if (!a) return;
    if (a.status === "submitted") {
      toResults();
      return;
    }
    if (seeded.current === a.id) return;
    seeded.current = a.id;
    setAnswers(mergeAnswers(a.answers ?? {}, pendingStore.get(a.id)));
  }, [loaded.data, toResults]);

  // The form, in the current language.
  const slug = draft?.questionnaire.slug;
  const questionnaire = useApi(getQuestionnaire, slug ? [slug] : null);
  const form = questionnaire.data;
  // The form's items, each scenario's options in this assessment's own order.
  const optionOrder = draft?.option_order;
  const items = useMemo(() => (form ? withOptionOrder(form.items, optionOrder) : []), [form, optionOrder]);

  const steps = useMemo(() => buildSteps(items), [items]);
  const numbers = useMemo(() => itemNumbers(items), [items]);
  const stepIndex = form ? parseStep(search.get("step"), steps.length) : null;
  const focusItem = search.get("focus");

  // Open where the person left off.
  useEffect(() => {
    if (form && draft && stepIndex === null) {
      setSearch({ step: stepParam(firstIncompleteStep(steps, answers), steps.length) }, { replace: true });
    }
    // Only on arrival (no ?step yet): later answers must not move the person.
  }, [form, draft, stepIndex, steps, setSearch]); // eslint-disable-line react-hooks/exhaustive-deps

  // Moving between steps: focus the step heading, or the question asked for.
  const firstRender = useRef(true);
  useEffect(() => {
    if (stepIndex === null) return;
    if (firstRender.current && !focusItem) {
      firstRender.current = false;
      return;
    }
    firstRender.current = false;
    const raf = requestAnimationFrame(() => {
      if (focusItem) {
        const fs = document.getElementById(`q-${focusItem}`);
        const input = (fs?.querySelector("input:checked") ?? fs?.querySelector("input")) as HTMLInputElement | null;
        fs?.scrollIntoView({ block: "center" });
        input?.focus({ preventScroll: true });
      } else {
        document.getElementById("quiz-step-title")?.focus({ preventScroll: true });
        // The progress bar and save status go just below the sticky header.
        const top = document.getElementById("quiz-top");
        if (top) {
          const header = document.querySelector(".site-header")?.getBoundingClientRect().bottom ?? 0;
          window.scrollTo?.({ top: scrollTopFor(top.getBoundingClientRect().top, window.scrollY, header) });
        }
      }
    });
    return () => cancelAnimationFrame(raf);
  }, [stepIndex, focusItem]);

  // Moving on with questions of this step unanswered asks first.
  const [skipWarning, setSkipWarning] = useState<number | null>(null);
  const skipAlert = useRef<HTMLDivElement>(null);

  const goTo = (index: number) => {
    setSubmitProblem(null);
    setSkipWarning(null);
    // Moving on is a natural moment to save, whatever the debounce says.
    void autosave.flush();
    setSearch({ step: stepParam(index, steps.length) });
  };

  const onAnswer = (itemId: string, v: AnswerValue) => {
    setAnswers((a) => ({ ...a, [itemId]: v }));
    setErrors((e) => {
      if (!(itemId in e)) return e;
      const next = { ...e };
      delete next[itemId];
      return next;
    });
    // Unticking every box takes the answer back on the server too.
    autosave.queue(itemId, Array.isArray(v) && v.length === 0 ? null : v);
  };

  const step = stepIndex !== null && stepIndex < steps.length ? steps[stepIndex] : null;
  const unanswered = step ? unansweredInStep(step, answers) : [];
  const warning = step && skipWarning === step.index && unanswered.length > 0;

  const focusItemInput = (itemId: string) => {
    const fs = document.getElementById(`q-${itemId}`);
    fs?.scrollIntoView?.({ block: "center" });
    ((fs?.querySelector("input:checked") ?? fs?.querySelector("input")) as HTMLInputElement | null)?.focus({ preventScroll: true });
  };

  /** next moves on, or warns first when questions of this step are unanswered. */
  const next = () => {
    if (!step) return;
    if (unanswered.length === 0) {
      goTo(step.index + 1);
      return;
    }
    setSkipWarning(step.index);
    requestAnimationFrame(() => skipAlert.current?.focus());
  };

  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (!step || e.altKey || e.ctrlKey || e.metaKey) return;
    const target = e.target as HTMLElement;
    if (e.key === "Enter" && target instanceof HTMLInputElement && (target.type === "radio" || target.type === "checkbox")) {
      e.preventDefault();
      next();
      return;
    }
    const v = likertKey(e.key);
    if (v === null || step.kind !== "likert") return;
    const current = target.closest<HTMLElement>("fieldset[data-item]")?.dataset.item;
    const item = step.items.find((it) => it.id === current) ?? step.items.find((it) => !isAnswered(it, answers[it.id]));
    if (!item) return;
    e.preventDefault();
    onAnswer(item.id, v);
    // Move on to the next question of the step, or to "next".
    const pos = step.items.indexOf(item);
    const nextItem = step.items[pos + 1];
    requestAnimationFrame(() => {
      if (nextItem) {
        const fs = document.getElementById(`q-${nextItem.id}`);
        ((fs?.querySelector("input:checked") ?? fs?.querySelector("input")) as HTMLInputElement | null)?.focus();
      } else {
        document.querySelector<HTMLButtonElement>("[data-testid=quiz-next]")?.focus();
      }
    });
  };

  const submitSummary = useRef<HTMLDivElement>(null);
  const showProblem = (p: SubmitProblem) => {
    setSubmitProblem(p);
    requestAnimationFrame(() => submitSummary.current?.focus());
  };

  const submit = async () => {
    if (!form || submitting) return;
    setSubmitProblem(null);
    if (missingItems(items, answers).length > 0) {
      showProblem({ kind: "missing" });
      return;
    }
    setSubmitting(true);
    try {
      if (!(await autosave.flush()) && autosave.hasUnsaved()) {
        showProblem({ kind: "unsaved" });
        return;
      }
      const key = submitIdempotencyKey(id);
      for (let attempt = 1; ; attempt++) {
        try {
          await submitAssessment(id, key);
          toResults();
          return;
        } catch (e) {
          const err = asApiError(e);
          if (err.status === 409) {
            toResults();
            return;
          }
          if (err.status === 422) {
            setErrors((prev) => ({ ...prev, ...fieldErrorsByItem(err.problem.errors) }));
            showProblem({ kind: "missing", error: err });
            return;
          }
          const transient = err.status === 0 || err.status >= 500 || err.status === 429;
          if (!transient || attempt >= 3) {
            showProblem({ kind: transient ? "network" : "other", error: err });
            return;
          }
          await sleep(retryDelay(attempt));
        }
      }
    } finally {
      setSubmitting(false);
    }
  };

  const title = form?.title ?? t("title");
  const error = loaded.error ?? questionnaire.error;
  if (error) {
    return (
      <Page title={title}>
        <AssessmentError
          error={error}
          from={`/quiz/${id}`}
          text={{ lost: t("errors.lost"), start: t("errors.startNew"), signIn: t("errors.signIn") }}
          onRetry={() => {
            void loaded.reload();
            void questionnaire.reload();
          }}
        />
      </Page>
    );
  }
  if (!form || !draft || stepIndex === null) {
    return (
      <Page title={title}>
        <Loading />
      </Page>
    );
  }

  const total = items.length;
  const answered = answeredCount(items, answers);
  const missing = missingItems(items, answers);
  const token = assessmentTokens.get(id)?.token;
  const isLast = stepIndex === steps.length - 1;

  return (
    <Page title={title}>
      <div className="quiz">
        <div className="quiz-top" id="quiz-top">
          <ProgressBar answered={answered} total={total} step={stepIndex} stepCount={steps.length} />
          <SaveIndicator status={autosave.status} savedAt={autosave.savedAt} onRetry={() => void autosave.flush()} />
        </div>
        {autosave.error && <ErrorAlert error={autosave.error} />}

        {step ? (
          <form
            className="card quiz-card"
            onSubmit={(e) => {
              e.preventDefault();
              next();
            }}
            onKeyDown={onKeyDown}
            noValidate
          >
            <StepView step={step} stepCount={steps.length} answers={answers} numbers={numbers} scale={form.scale} errors={errors} onAnswer={onAnswer} />
            {warning && (
              <div ref={skipAlert} tabIndex={-1} className="alert alert--warn quiz-skip" role="alert" data-testid="quiz-skip-warning" aria-labelledby="quiz-skip-text">
                <p id="quiz-skip-text">
                  {t("skip.text", { count: unanswered.length, questions: unanswered.map((it) => t("questionNo", { n: numbers[it.id] })).join(t("skip.sep")) })}
                </p>
                <div className="quiz-skip__actions">
                  <button
                    type="button"
                    className="btn btn--primary btn--small"
                    data-testid="quiz-skip-back"
                    onClick={() => {
                      setSkipWarning(null);
                      focusItemInput(unanswered[0].id);
                    }}
                  >
                    {t("skip.back")}
                  </button>
                  <button type="button" className="btn btn--ghost btn--small" data-testid="quiz-skip-continue" onClick={() => goTo(stepIndex + 1)}>
                    {t("skip.continue")}
                  </button>
                </div>
              </div>
            )}
            <div className="quiz-nav">
              <button type="button" className="btn btn--ghost" onClick={() => goTo(stepIndex - 1)} disabled={stepIndex === 0}>
                <span aria-hidden="true">←</span> {t("nav.back")}
              </button>
              <Link to="?step=review" className="quiz-nav__review small">
                {t("nav.reviewAll")}
              </Link>
              <button type="submit" className="btn btn--primary" data-testid="quiz-next">
                {isLast ? t("nav.toReview") : t("nav.next")} <span aria-hidden="true">→</span>
              </button>
            </div>
            <p className="quiz-keys muted small" aria-hidden="true">
              {step.kind === "likert" ? t("keys.likert") : t("keys.other")}
            </p>
          </form>
        ) : (
          <section className="card quiz-card quiz-review" data-testid="quiz-review" aria-labelledby="quiz-step-title">
            <h2 className="quiz-step__title" tabIndex={-1} id="quiz-step-title">
              {t("review.title")}
            </h2>
            <p className="muted">{t("review.lead")}</p>
            <div ref={submitSummary} tabIndex={-1} className="quiz-review__summary">
              {submitProblem ? (
                <div className={`alert ${submitProblem.kind === "missing" ? "alert--warn" : "alert--error"}`} role="alert">
                  <p>{t(`submitError.${submitProblem.kind}`)}</p>
                  {submitProblem.kind === "other" && submitProblem.error && <p className="small">{submitProblem.error.problem.detail ?? submitProblem.error.problem.title}</p>}
                  {submitProblem.error?.problem.request_id && <p className="muted small">{t("common:errors.requestId", { id: submitProblem.error.problem.request_id })}</p>}
                </div>
              ) : missing.length === 0 ? (
                <div className="alert alert--ok">
                  <p>{t("review.allDone")}</p>
                </div>
              ) : (
                <div className="alert alert--warn">
                  <p>{t("review.missing", { count: missing.length })}</p>
                </div>
              )}
              {missing.length > 0 && (
                <p>
                  <Link to={`?step=${stepOfItem(steps, missing[0].id) + 1}&focus=${missing[0].id}`} className="btn btn--ghost btn--small">
                    {t("review.firstMissing")}
                  </Link>
                </p>
              )}
            </div>
            <ReviewList items={items} answers={answers} scale={form.scale} numbers={numbers} stepOf={(itemId) => stepOfItem(steps, itemId)} errors={errors} />
            <div className="quiz-nav quiz-nav--submit">
              <button type="button" className="btn btn--ghost" onClick={() => goTo(steps.length - 1)}>
                <span aria-hidden="true">←</span> {t("nav.back")}
              </button>
              <div className="quiz-submit">
                <p className="muted small">{t("review.submitHint")}</p>
                <button type="button" className="btn btn--primary btn--large" data-testid="quiz-submit" onClick={() => void submit()} disabled={submitting} aria-describedby="quiz-submit-status">
                  {submitting ? t("review.submitting") : t("review.submit")}
                </button>
                <Announcement id="quiz-submit-status">{submitting ? t("review.submitting") : ""}</Announcement>
              </div>
            </div>
          </section>
        )}

        <ResumePanel url={resumeURL(window.location.origin, id, token)} signedIn={!!user} anonymous={!!token} />
      </div>
    </Page>
  );
}
