// Presentational pieces of the quiz. They get data and callbacks as props;
// the page component does the fetching and saving.
import { useId, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import type { Answers, AnswerValue, FormItem } from "../../api/types";
import { Announcement } from "../../components/ui";
import { answerText, isAnswered, isExclusive, isMulti, toggleOption, type Step } from "./quizState";
import type { SaveStatus } from "./useAutosave";

export function ProgressBar({ answered, total, step, stepCount }: { answered: number; total: number; step: number; stepCount: number }) {
  const { t } = useTranslation("quiz");
  const pct = total > 0 ? Math.round((answered / total) * 100) : 0;
  const text = t("progress.text", { answered, total });
  return (
    <div className="quiz-progress">
      <div className="quiz-progress__labels">
        <span className="quiz-progress__count">
          <span className="visually-hidden">{t("progress.answered")} </span>
          {text}
        </span>
        <span className="muted small">{step < stepCount ? t("progress.step", { n: step + 1, total: stepCount }) : t("review.title")}</span>
      </div>
      <div
        className="quiz-progress__track"
        role="progressbar"
        aria-label={t("progress.label")}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={answered}
        aria-valuetext={text}
        data-testid="quiz-progress"
      >
        <div className="quiz-progress__fill" style={{ width: `${pct}%` }} />
      </div>
    </div>
  );
}

export function SaveIndicator({ status, savedAt, onRetry }: { status: SaveStatus; savedAt: Date | null; onRetry: () => void }) {
  const { t, i18n } = useTranslation("quiz");
  let text = "";
  if (status === "saved" && savedAt) {
    text = t("save.savedAt", { time: new Intl.DateTimeFormat(i18n.language === "ja" ? "ja-JP" : "en-GB", { timeStyle: "short" }).format(savedAt) });
  } else if (status !== "idle") {
    text = t(`save.${status}`);
  }
  const tone = status === "offline" || status === "failed" ? "warn" : status === "retrying" ? "warn" : status === "saved" ? "ok" : "neutral";
  return (
    <div className={`save-status save-status--${tone}`}>
      <span role="status" aria-live="polite" data-testid="autosave-status" data-state={status}>
        {text && (
          <>
            <span className="save-status__dot" aria-hidden="true" />
            {text}
          </>
        )}
      </span>
      {(status === "offline" || status === "retrying") && (
        <button type="button" className="link-button small" onClick={onRetry}>
          {t("save.retryNow")}
        </button>
      )}
    </div>
  );
}

function QuestionError({ id, message }: { id: string; message?: string }) {
  const { t } = useTranslation("quiz");
  if (!message) return null;
  return (
    <p className="field__error quiz-q__error" id={id} role="alert">
      {t("fieldError", { message })}
    </p>
  );
}

interface QuestionProps {
  item: FormItem;
  number: number;
  value: AnswerValue | undefined;
  error?: string;
  onChange: (value: AnswerValue) => void;
}

/** LikertQuestion is a five-point radio group: arrow keys move, 1–5 answer (handled by the step). */
export function LikertQuestion({ item, number, value, error, onChange, scale }: QuestionProps & { scale: string[] }) {
  const { t } = useTranslation("quiz");
  const errId = useId();
  return (
    <fieldset
      className={`quiz-q quiz-q--likert${isAnswered(item, value) ? " quiz-q--done" : ""}`}
      id={`q-${item.id}`}
      data-item={item.id}
      aria-describedby={error ? errId : undefined}
      aria-invalid={error ? true : undefined}
    >
      <legend className="quiz-q__legend">
        <span className="quiz-q__no">{t("questionNo", { n: number })}</span>
        <span className="quiz-q__text">{item.text}</span>
      </legend>
      <div className="likert" role="presentation">
        {scale.map((label, i) => {
          const v = i + 1;
          return (
            <label key={v} className={`likert__opt likert__opt--${v}`}>
              <input type="radio" name={item.id} value={v} checked={value === v} onChange={() => onChange(v)} />
              <span className="likert__dot" aria-hidden="true" />
              <span className="likert__label">
                <span className="likert__key" aria-hidden="true">
                  {v}
                </span>
                {label}
              </span>
            </label>
          );
        })}
      </div>
      <QuestionError id={errId} message={error} />
    </fieldset>
  );
}

/** OptionQuestion is a scenario or experience question: radios, or checkboxes for "select all". */
export function OptionQuestion({ item, number, value, error, onChange }: QuestionProps) {
  const { t } = useTranslation("quiz");
  const errId = useId();
  const hintId = useId();
  const multi = isMulti(item);
  const options = item.options ?? [];
  const exclusive = options.find(isExclusive);
  // The step heading already says "choose one" / "choose all"; the hint adds what it does not.
  const hint = item.type === "choice" ? t("hint.choice") : multi && exclusive ? t("hint.exclusive", { option: exclusive.text }) : "";
  return (
    <fieldset
      className={`quiz-q quiz-q--options${isAnswered(item, value) ? " quiz-q--done" : ""}`}
      id={`q-${item.id}`}
      data-item={item.id}
      aria-describedby={[hint ? hintId : "", error ? errId : ""].filter(Boolean).join(" ") || undefined}
      aria-invalid={error ? true : undefined}
    >
      <legend className="quiz-q__legend">
        <span className="quiz-q__no">{t("questionNo", { n: number })}</span>
        <span className="quiz-q__text">{item.text}</span>
      </legend>
      {hint && (
        <p className="field__hint quiz-q__hint" id={hintId}>
          {hint}
        </p>
      )}
      <div className="options">
        {options.map((o) => {
          const checked = multi ? Array.isArray(value) && value.includes(o.id) : value === o.id;
          return (
            <label key={o.id} className={`option${checked ? " option--checked" : ""}`}>
              <input
                type={multi ? "checkbox" : "radio"}
                name={item.id}
                value={o.id}
                checked={checked}
                onChange={(e) => onChange(multi ? toggleOption(value, o, e.target.checked, options) : o.id)}
              />
              <span>{o.text}</span>
            </label>
          );
        })}
      </div>
      <QuestionError id={errId} message={error} />
    </fieldset>
  );
}

export function StepView({
  step,
  stepCount,
  answers,
  numbers,
  scale,
  errors,
  onAnswer,
}: {
  step: Step;
  stepCount: number;
  answers: Answers;
  numbers: Record<string, number>;
  scale: string[];
  errors: Record<string, string>;
  onAnswer: (itemId: string, v: AnswerValue) => void;
}) {
  const { t } = useTranslation("quiz");
  const multi = step.items.some(isMulti);
  return (
    <div className="quiz-step" data-step={step.index + 1}>
      <p className="quiz-step__kicker">{t(`section.${step.kind}`)}</p>
      <h2 className="quiz-step__title" tabIndex={-1} id="quiz-step-title">
        {step.kind === "likert" ? t("stepTitle.likert") : step.kind === "choice" ? t("stepTitle.choice") : multi ? t("stepTitle.experienceMany") : t("stepTitle.experienceOne")}
      </h2>
      {step.kind === "likert" && <p className="muted small quiz-step__hint">{t("hint.likert")}</p>}
      <div className="stack">
        {step.items.map((item) =>
          item.type === "likert" ? (
            <LikertQuestion key={item.id} item={item} number={numbers[item.id]} scale={scale} value={answers[item.id]} error={errors[item.id]} onChange={(v) => onAnswer(item.id, v)} />
          ) : (
            <OptionQuestion key={item.id} item={item} number={numbers[item.id]} value={answers[item.id]} error={errors[item.id]} onChange={(v) => onAnswer(item.id, v)} />
          ),
        )}
      </div>
      <span className="visually-hidden">{t("progress.step", { n: step.index + 1, total: stepCount })}</span>
    </div>
  );
}

/** ReviewList lists every answer with a link back to its step; unanswered ones are flagged. */
export function ReviewList({
  items,
  answers,
  scale,
  numbers,
  stepOf,
  errors,
}: {
  items: FormItem[];
  answers: Answers;
  scale: string[];
  numbers: Record<string, number>;
  stepOf: (itemId: string) => number;
  errors: Record<string, string>;
}) {
  const { t, i18n } = useTranslation("quiz");
  const sep = i18n.language === "ja" ? "、" : ", ";
  const groups: { kind: FormItem["type"]; items: FormItem[] }[] = [];
  for (const item of items) {
    const last = groups[groups.length - 1];
    if (last && last.kind === item.type) last.items.push(item);
    else groups.push({ kind: item.type, items: [item] });
  }
  return (
    <div className="review-groups">
      {groups.map((g) => (
        <section key={`${g.kind}-${g.items[0].id}`} className="review-group" aria-labelledby={`review-${g.items[0].id}`}>
          <h3 className="review-group__title" id={`review-${g.items[0].id}`}>
            {t(`section.${g.kind}`)}
          </h3>
          <ol className="review-list">
            {g.items.map((item) => {
              const v = answers[item.id];
              const done = isAnswered(item, v);
              const err = errors[item.id];
              return (
                <li key={item.id} className={`review-item${done ? "" : " review-item--missing"}`} data-item={item.id} data-answered={done}>
                  <div className="review-item__q">
                    <span className="quiz-q__no">{t("questionNo", { n: numbers[item.id] })}</span>
                    <span className="review-item__text">{item.text}</span>
                  </div>
                  <div className="review-item__a">
                    {done ? (
                      <span>
                        <span className="visually-hidden">{t("review.answer")}: </span>
                        {answerText(item, v, scale, sep)}
                      </span>
                    ) : (
                      <span className="badge badge--warn">
                        <span aria-hidden="true">! </span>
                        {t("review.unanswered")}
                      </span>
                    )}
                    {err && <span className="field__error">{t("fieldError", { message: err })}</span>}
                  </div>
                  <Link className="review-item__change" to={`?step=${stepOf(item.id) + 1}&focus=${encodeURIComponent(item.id)}`}>
                    {done ? t("review.change") : t("review.answerNow")}
                    <span className="visually-hidden">{`: ${t("questionNo", { n: numbers[item.id] })}`}</span>
                  </Link>
                </li>
              );
            })}
          </ol>
        </section>
      ))}
    </div>
  );
}

/** ResumePanel shows how to continue elsewhere: a copyable link for anonymous drafts, the account for signed-in ones. */
export function ResumePanel({ url, signedIn, anonymous }: { url: string; signedIn: boolean; anonymous: boolean }) {
  const { t } = useTranslation("quiz");
  const [copied, setCopied] = useState(false);
  const inputId = useId();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      const el = document.getElementById(inputId) as HTMLInputElement | null;
      el?.select();
      setCopied(document.execCommand?.("copy") ?? false);
    }
    window.setTimeout(() => setCopied(false), 4000);
  };
  let body: ReactNode;
  if (anonymous) {
    body = (
      <>
        <p className="small">{t("resume.anonymous")}</p>
        <div className="field">
          <label htmlFor={inputId}>{t("resume.label")}</label>
          <div className="resume-link">
            <input id={inputId} type="text" readOnly value={url} onFocus={(e) => e.currentTarget.select()} />
            <button type="button" className="btn btn--ghost btn--small" onClick={() => void copy()}>
              {copied ? t("resume.copied") : t("resume.copy")}
            </button>
          </div>
          <Announcement>{copied ? t("resume.copied") : ""}</Announcement>
        </div>
        {!signedIn && (
          <p className="small muted">
            {t("resume.signupHint")} <Link to="/signup">{t("resume.signup")}</Link>
          </p>
        )}
      </>
    );
  } else {
    body = <p className="small">{t("resume.signedIn")}</p>;
  }
  return (
    <details className="resume-panel card no-print">
      <summary>{t("resume.title")}</summary>
      {body}
    </details>
  );
}
