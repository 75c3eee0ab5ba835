// Questionnaire versions: what is published, and a form to publish a new
// version from its YAML (or JSON) definition.
import { useEffect, useId, useRef, useState, type ChangeEvent, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { ApiError } from "../../api/client";
import { uploadQuestionnaire } from "../../api/endpoints";
import type { QuestionnaireSummary } from "../../api/types";
import { ColumnHeads } from "../../components/ColumnHeads";
import ScrollTable from "../../components/ScrollTable";
import { Badge, useProblemMessage } from "../../components/ui";
import { formatNumber } from "../../format";
import { asApiError } from "../../hooks/useApi";
import { currentVersions, definitionProblem, MAX_DEFINITION_CHARS, sortVersions } from "./logic";

export function VersionTable({ versions }: { versions: QuestionnaireSummary[] }) {
  const { t, i18n } = useTranslation("admin");
  const current = currentVersions(versions);
  return (
    <ScrollTable caption={t("questionnaires.caption")} testId="admin-questionnaires">
        <ColumnHeads
          columns={[
            { label: t("questionnaires.title") },
            { label: t("questionnaires.slug") },
            { label: t("questionnaires.version"), numeric: true },
            { label: t("questionnaires.items"), numeric: true },
            { label: t("questionnaires.minutes"), numeric: true },
            { label: t("questionnaires.status") },
          ]}
        />
        <tbody>
          {sortVersions(versions).map((q) => (
            <tr key={`${q.slug}@${q.version}`}>
              <th scope="row" className="row-head">
                {q.title}
              </th>
              <td>
                <code>{q.slug}</code>
              </td>
              <td className="num">{t("questionnaires.versionValue", { v: q.version })}</td>
              <td className="num">{formatNumber(q.items, i18n.language)}</td>
              <td className="num">{t("questionnaires.minutesValue", { n: q.minutes })}</td>
              <td>{current.get(q.slug) === q.version ? <Badge tone="ok">{t("questionnaires.current")}</Badge> : <Badge>{t("questionnaires.past")}</Badge>}</td>
            </tr>
          ))}
        </tbody>
    </ScrollTable>
  );
}

export interface UploadFormProps {
  onUploaded: (q: QuestionnaireSummary) => void;
  submit?: (definition: string) => Promise<QuestionnaireSummary>;
}

export function UploadForm({ onUploaded, submit = uploadQuestionnaire }: UploadFormProps) {
  const { t } = useTranslation("admin");
  const problemMessage = useProblemMessage();
  const id = useId();
  const [text, setText] = useState("");
  const [fileName, setFileName] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [serverError, setServerError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<QuestionnaireSummary | null>(null);
  const [attempt, setAttempt] = useState(0);
  const summary = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (attempt > 0) summary.current?.focus();
  }, [attempt]);

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const f = e.target.files?.[0];
    if (!f) return;
    setFileName(f.name);
    setText(await f.text());
    setError(null);
    setServerError(null);
  };

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    const p = definitionProblem(text);
    if (p) {
      setError(t(`upload.errors.${p}`, { max: formatNumber(MAX_DEFINITION_CHARS, "en") }));
      setServerError(null);
      setAttempt((n) => n + 1);
      return;
    }
    setBusy(true);
    try {
      const q = await submit(text);
      setDone(q);
      setText("");
      setFileName("");
      setError(null);
      setServerError(null);
      onUploaded(q);
    } catch (err) {
      const ae = asApiError(err);
      setError(ae.status === 409 ? t("upload.errors.conflict") : ae.status === 422 || ae.status === 400 ? t("upload.errors.invalid") : null);
      setServerError(ae);
      setAttempt((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };

  const textId = `${id}-definition`;
  // Validation messages from the server list every problem, one a line.
  const details = serverError && (serverError.status === 422 || serverError.status === 409) ? serverError.problem.detail : null;
  return (
    <form className="upload-form" onSubmit={(e) => void onSubmit(e)} noValidate data-testid="admin-upload">
      {done && (
        <div className="alert alert--ok" role="status">
          <p>{t("upload.done", { title: done.title, v: done.version })}</p>
        </div>
      )}
      {(error || serverError) && (
        <div className="alert alert--error" role="alert" tabIndex={-1} ref={summary}>
          <p>{t("upload.errors.summary")}</p>
          <ul>
            <li>
              <a href={`#${textId}`}>{error ?? problemMessage(serverError!)}</a>
            </li>
          </ul>
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-file`}>{t("upload.file")}</label>
        <input id={`${id}-file`} type="file" accept=".yaml,.yml,.json,application/json,application/yaml,text/yaml,text/plain" onChange={(e) => void onFile(e)} aria-describedby={`${id}-file-hint`} />
        <span id={`${id}-file-hint`} className="field__hint">
          {fileName ? t("upload.loaded", { name: fileName }) : t("upload.fileHint")}
        </span>
      </div>
      <div className="field">
        <label htmlFor={textId}>{t("upload.definition")}</label>
        <textarea
          id={textId}
          className="code-input"
          rows={12}
          spellCheck={false}
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={[error ? `${textId}-err` : "", `${textId}-hint`].filter(Boolean).join(" ")}
          placeholder={"slug: pm-pmo-fit\nversion: 2\ntitle:\n  ja: …\n  en: …"}
        />
        <span id={`${textId}-hint`} className="field__hint">
          {t("upload.definitionHint")}
        </span>
        {error && (
          <span id={`${textId}-err`} className="field__error">
            {error}
          </span>
        )}
        {details && (
          <pre className="upload-details" tabIndex={0} role="region" aria-label={t("upload.details")}>
            {details}
          </pre>
        )}
      </div>
      <div>
        <button type="submit" className="btn btn--primary" disabled={busy}>
          {busy ? t("upload.publishing") : t("upload.publish")}
        </button>
      </div>
    </form>
  );
}
