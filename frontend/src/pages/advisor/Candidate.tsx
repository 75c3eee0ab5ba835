// /advisor/candidates/:id — one sharing candidate: the latest result as the
// server words it (lean, best-fitting roles and why, readiness, the plan's
// gaps), the score history and the advisor's notes.
import { useTranslation } from "react-i18next";
import { Link, useLocation, useParams } from "react-router-dom";
import { addAdvisorNote, advisorCandidate, advisorNotes, listCertifications } from "../../api/endpoints";
import { ErrorAlert, Loading, Page } from "../../components/ui";
import { formatDate } from "../../format";
import { useApi } from "../../hooks/useApi";
import { CandidateOverview, DimensionTable } from "./CandidateParts";
import { latestAttempt, previousAttempt, roleNamer, shapeHistory } from "./history";
import HistoryChart from "./HistoryChart";
import { NoteForm, NoteList } from "./Notes";
import "./advisor.css";

function backTarget(state: unknown): string {
  if (state && typeof state === "object" && "from" in state) {
    const from = (state as { from: unknown }).from;
    if (typeof from === "string" && from.startsWith("/advisor")) return from;
  }
  return "/advisor";
}

export default function Candidate() {
  const { t, i18n } = useTranslation("advisor");
  const { id = "" } = useParams();
  const location = useLocation();
  const detail = useApi(advisorCandidate, [id]);
  const notes = useApi(advisorNotes, [id]);
  const result = detail.data?.latest_result ?? null;
  const latest = detail.data ? latestAttempt(detail.data.attempts) : undefined;
  const previous = detail.data ? previousAttempt(detail.data.attempts) : undefined;
  // Held certifications come as slugs; the public catalog names them. Asked
  // only when there is something to name.
  const certs = useApi(listCertifications, result && result.readiness.held_certifications.length > 0 ? [] : null);
  const certName = (slug: string) => (certs.data?.certifications ?? result?.plan.certifications)?.find((x) => x.slug === slug)?.abbreviation ?? slug;
  const nameOf = roleNamer(result);
  const back = (
    <Link to={backTarget(location.state)} className="btn btn--ghost btn--small">
      <span aria-hidden="true">←</span> {t("candidate.back")}
    </Link>
  );

  if (detail.error) {
    return (
      <Page title={t("candidate.errorTitle")} actions={back}>
        <ErrorAlert error={detail.error} onRetry={detail.error.status === 404 ? undefined : () => void detail.reload()} />
      </Page>
    );
  }
  if (!detail.data) {
    return (
      <Page title={t("candidate.loadingTitle")} actions={back}>
        <Loading />
      </Page>
    );
  }

  const c = detail.data;
  const addNote = async (body: string) => {
    const n = await addAdvisorNote(id, body);
    notes.setData((list) => ({ notes: [...(list?.notes ?? []), n] }));
  };

  return (
    <Page
      title={c.display_name}
      wide
      lead={
        <span className="candidate-lead">
          <span>{c.email}</span>
          <span aria-hidden="true"> · </span>
          <span>{t("candidate.sharedOn", { date: formatDate(c.shared_at, i18n.language) })}</span>
        </span>
      }
      actions={back}
    >
      <CandidateOverview result={result} latest={latest} previous={previous} attempts={c.attempts.length} certName={certName} />

      {latest && (
        <>
          <section className="section" aria-labelledby="history-heading">
            <h2 id="history-heading">{t("history.title")}</h2>
            <div className="card">
              <p className="muted small">{c.attempts.length > 1 ? t("history.lead") : t("history.single")}</p>
              <HistoryChart points={shapeHistory(c.attempts)} roleName={nameOf} />
            </div>
          </section>

          <section className="section" aria-labelledby="dims-heading">
            <h2 id="dims-heading">{t("dimensions.title")}</h2>
            <p className="muted small">{previous ? t("dimensions.leadChange") : t("dimensions.lead")}</p>
            <DimensionTable dims={latest.dimensions} hasPrevious={Boolean(previous)} />
          </section>
        </>
      )}

      <section className="section" aria-labelledby="notes-heading">
        <h2 id="notes-heading">{t("notes.title")}</h2>
        <p className="muted small">{t("notes.private")}</p>
        <div className="notes-grid">
          <div className="card">
            <NoteForm onAdd={addNote} />
          </div>
          <div>
            {notes.error ? (
              <ErrorAlert error={notes.error} onRetry={() => void notes.reload()} />
            ) : !notes.data ? (
              <Loading />
            ) : (
              <NoteList notes={notes.data.notes} />
            )}
          </div>
        </div>
      </section>
    </Page>
  );
}
