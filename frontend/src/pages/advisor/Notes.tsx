// An advisor's private notes about a candidate: the list and the add form.
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { ApiError } from "../../api/client";
import type { Note } from "../../api/types";
import { Announcement, Empty, useProblemMessage } from "../../components/ui";
import { formatDateTime } from "../../format";
import { asApiError } from "../../hooks/useApi";

export const MAX_NOTE = 4000;

/** noteProblem checks a note before sending it; null when it may be sent. */
export function noteProblem(body: string): "empty" | "tooLong" | null {
  const trimmed = body.trim();
  if (trimmed === "") return "empty";
  if ([...trimmed].length > MAX_NOTE) return "tooLong";
  return null;
}

export function NoteList({ notes }: { notes: Note[] }) {
  const { t, i18n } = useTranslation("advisor");
  if (notes.length === 0) {
    return (
      <div data-testid="note-list">
        <Empty>{t("notes.empty")}</Empty>
      </div>
    );
  }
  // Newest first: the latest conversation matters most.
  const sorted = [...notes].sort((a, b) => Date.parse(b.created_at) - Date.parse(a.created_at));
  return (
    <ol className="note-list" data-testid="note-list" reversed>
      {sorted.map((n) => (
        <li key={n.id} className="note">
          <p className="note__meta muted small">
            <time dateTime={n.created_at}>{formatDateTime(n.created_at, i18n.language)}</time>
          </p>
          <p className="note__body">{n.body}</p>
        </li>
      ))}
    </ol>
  );
}

export function NoteForm({ onAdd }: { onAdd: (body: string) => Promise<void> }) {
  const { t } = useTranslation("advisor");
  const problemMessage = useProblemMessage();
  const id = useId();
  const [body, setBody] = useState("");
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [formError, setFormError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  const textarea = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (fieldError || formError) summary.current?.focus();
  }, [fieldError, formError]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    setFormError(null);
    const p = noteProblem(body);
    if (p) {
      setFieldError(t(`notes.errors.${p}`, { max: MAX_NOTE }));
      return;
    }
    setFieldError(null);
    setSaving(true);
    try {
      await onAdd(body.trim());
      setBody("");
      setSaved(true);
      textarea.current?.focus();
    } catch (err) {
      const ae = asApiError(err);
      if (ae.fieldError("$.body") || ae.fieldError("/body")) setFieldError(t("notes.errors.tooLong", { max: MAX_NOTE }));
      else setFormError(ae);
    } finally {
      setSaving(false);
    }
  };

  const length = [...body].length;
  const errId = `${id}-err`;
  const hintId = `${id}-hint`;
  return (
    <form className="note-form" onSubmit={(e) => void submit(e)} noValidate data-testid="note-form">
      {(fieldError || formError) && (
        <div className="alert alert--error" role="alert" tabIndex={-1} ref={summary}>
          <p>{t("notes.errors.summary")}</p>
          <ul>
            {fieldError && (
              <li>
                <a href={`#${id}-body`}>{fieldError}</a>
              </li>
            )}
            {formError && <li>{problemMessage(formError)}</li>}
          </ul>
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-body`}>{t("notes.label")}</label>
        <span id={hintId} className="field__hint">
          {t("notes.hint")}
        </span>
        <textarea
          id={`${id}-body`}
          ref={textarea}
          value={body}
          onChange={(e) => {
            setBody(e.target.value);
            setSaved(false);
          }}
          rows={4}
          aria-invalid={fieldError ? true : undefined}
          aria-describedby={fieldError ? `${errId} ${hintId}` : hintId}
        />
        {fieldError && (
          <span id={errId} className="field__error">
            {fieldError}
          </span>
        )}
      </div>
      <div className="spread">
        <span className={length > MAX_NOTE ? "field__error small" : "muted small"}>{t("notes.count", { n: length, max: MAX_NOTE })}</span>
        <button type="submit" className="btn btn--primary" disabled={saving}>
          {saving ? t("notes.saving") : t("notes.add")}
        </button>
      </div>
      <Announcement>{saved ? t("notes.saved") : ""}</Announcement>
    </form>
  );
}
