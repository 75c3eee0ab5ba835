// /results/:id — the scored assessment: lean, dimensions, role fit,
// readiness, the personal plan (roadmap, certifications, salary), sharing,
// comparison with an earlier attempt, and a printable report.
import { useCallback, useMemo, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import { assessmentTokens } from "../../api/assessmentTokens";
import { claimAssessment, getAssessment, getRole, listCertifications, myAssessments, myRoadmap, myShares, unshare } from "../../api/endpoints";
import type { StepStatus } from "../../api/types";
import { useAuth } from "../../auth/AuthContext";
import AssessmentError from "../../components/AssessmentError";
import { ErrorAlert, Loading, Page } from "../../components/ui";
import { formatDate } from "../../format";
import { useAction } from "../../hooks/useAction";
import { useApi } from "../../hooks/useApi";
import { useStepProgress } from "../../hooks/useStepProgress";
import { ShareForm } from "../me/ShareForm";
import { adoptTokenFromHash } from "../quiz/storage";
import {
  CertificationCards,
  ComparePanel,
  DimensionRadar,
  GapList,
  LeanHero,
  QualityNotes,
  ReadinessPanel,
  RoadmapTimeline,
  SalaryRangeChart,
  SharedWith,
  SignupPrompt,
} from "./components";
import { RefusedFits, RefusedNotice, RoleFitList } from "./fit";
import { dimensionDeltas, earlierAttempts, fitRange, stageIndex, topDimensions, verdict } from "./resultsLogic";
import "./results.css";

function Section({ id, title, lead, children, className }: { id: string; title: string; lead?: ReactNode; children: ReactNode; className?: string }) {
  return (
    <section className={`section results-section${className ? ` ${className}` : ""}`} aria-labelledby={`${id}-title`} id={id}>
      <h2 id={`${id}-title`}>{title}</h2>
      {lead && <p className="results-section__lead muted">{lead}</p>}
      {children}
    </section>
  );
}

export default function Results() {
  const { id = "" } = useParams();
  const { t, i18n } = useTranslation("results");
  const lang = i18n.language;
  const { user, ready } = useAuth();
  useState(() => adoptTokenFromHash(id));
  const candidate = user?.role === "candidate";

  const main = useApi(getAssessment, [id]);
  const a = main.data;
  const result = a?.result ?? null;

  const certs = useApi(listCertifications, []);
  const certName = useCallback((slug: string) => certs.data?.certifications.find((c) => c.slug === slug)?.abbreviation ?? slug, [certs.data]);
  // The plan's role: none for a refused sheet.
  const target = result?.plan.target_role ?? null;
  const role = useApi(getRole, target ? [target] : null);

  const mine = useApi(myAssessments, ready && candidate ? [] : null);
  const owned = !!mine.data?.assessments.some((x) => x.id === id);
  const earlier = useMemo(() => earlierAttempts(mine.data?.assessments ?? [], id), [mine.data, id]);

  // Roadmap progress (signed-in candidates, on their own result).
  const roadmap = useApi(myRoadmap, target && candidate && owned ? [target] : null);
  const progress = useStepProgress(roadmap);
  const status = useMemo(() => {
    if (!roadmap.data) return undefined;
    const s: Record<string, StepStatus> = {};
    for (const st of roadmap.data.steps) s[st.id] = st.status;
    return s;
  }, [roadmap.data]);
  const stepError = progress.error ? (progress.error.status === 0 ? t("roadmap.errorNetwork") : t("roadmap.error")) : null;

  // Sharing with an advisor.
  const shares = useApi(myShares, ready && candidate ? [] : null);
  const stopSharing = useAction();
  const stop = (advisorId: string) =>
    stopSharing.run(async () => {
      await unshare(advisorId);
      await shares.reload();
    });

  // A signed-in candidate looking at an anonymous result of this browser can keep it.
  const heldToken = assessmentTokens.get(id)?.token;
  const claiming = useAction();
  const claim = async () => {
    if (!heldToken) return;
    await claiming.run(async () => {
      await claimAssessment(id, heldToken);
      assessmentTokens.remove(id);
      await mine.reload();
    });
  };

  // Comparison with an earlier attempt.
  const [compareId, setCompareId] = useState("");
  const other = useApi(getAssessment, compareId ? [compareId] : null);
  const deltas = useMemo(() => (result && other.data?.result ? dimensionDeltas(result.dimensions, other.data.result.dimensions) : null), [result, other.data]);
  const roleName = useCallback((slug: string) => result?.roles.find((r) => r.slug === slug)?.name ?? slug, [result]);

  const title = t("title");
  if (main.error) {
    return (
      <Page title={title}>
        <AssessmentError error={main.error} from={`/results/${id}`} text={{ lost: t("errors.lost"), start: t("errors.takeQuiz"), signIn: t("errors.signIn") }} onRetry={main.reload} />
      </Page>
    );
  }
  if (!a) {
    return (
      <Page title={title}>
        <Loading label={t("loading")} />
      </Page>
    );
  }
  if (!result) {
    return (
      <Page title={title}>
        <div className="alert alert--info">
          <p>{t("errors.draft", { answered: a.progress.answered, total: a.progress.required })}</p>
          <Link to={`/quiz/${id}`} className="btn btn--primary">
            {t("errors.continue")}
          </Link>
        </div>
      </Page>
    );
  }

  const v = verdict(result);
  const submitted = a.submitted_at ?? a.updated_at;
  const otherResult = other.data?.result;

  return (
    <Page
      title={title}
      wide
      lead={t("lead", { date: formatDate(submitted, lang) })}
      actions={
        <>
          <button type="button" className="btn btn--ghost" onClick={() => window.print()} data-testid="print-button">
            {t("print")}
          </button>
          <Link to="/quiz" className="btn btn--ghost">
            {t("retake")}
          </Link>
        </>
      }
    >
      <div className="print-only print-header">
        <p className="print-header__brand">pmpath</p>
        <p className="print-header__title">{t("printHeader.title")}</p>
        <dl className="print-header__facts">
          <dt>{t("printHeader.name")}</dt>
          <dd>{user?.display_name || t("printHeader.guest")}</dd>
          <dt>{t("printHeader.date")}</dt>
          <dd>{formatDate(submitted, lang)}</dd>
          <dt>{t("printHeader.printed")}</dt>
          <dd>{formatDate(new Date().toISOString(), lang)}</dd>
        </dl>
      </div>

      <div className="results">
        {candidate && mine.data && !owned && heldToken && (
          <div className="alert alert--info claim no-print">
            <p>{t("claim.text")}</p>
            {claiming.error && (
              <p className="field__error" role="alert">
                {t("claim.error")}
              </p>
            )}
            <button type="button" className="btn btn--primary btn--small" onClick={() => void claim()} disabled={claiming.busy}>
              {claiming.busy ? t("claim.saving") : t("claim.button")}
            </button>
          </div>
        )}
        {v.kind === "refused" ? (
          <>
            <RefusedNotice verdict={v} />
            <RefusedFits roles={result.roles} verdict={v} />
          </>
        ) : (
          <>
            <QualityNotes flags={result.quality.flags} />
            <LeanHero orientation={result.orientation} verdict={v} strengths={topDimensions(result.dimensions, 3)} />

            <div className="results-grid">
              <Section id="dimensions" title={t("sections.dimensions", { n: result.dimensions.length })} lead={t("sections.dimensionsLead")} className="results-section--radar results-section--keep">
                <div className="card">
                  <DimensionRadar
                    dimensions={result.dimensions}
                    before={otherResult?.dimensions ?? null}
                    beforeLabel={other.data ? t("compare.beforeLabel", { date: formatDate(other.data.submitted_at ?? other.data.updated_at, lang) }) : undefined}
                  />
                </div>
              </Section>
              <Section id="readiness" title={t("sections.readiness")} lead={t("sections.readinessLead")} className="results-section--keep">
                <div className="card">
                  <ReadinessPanel readiness={result.readiness} certName={certName} />
                </div>
              </Section>
            </div>

            <Section
              id="roles"
              title={t("sections.roles")}
              lead={t(result.roles.some((r) => fitRange(r)) ? "sections.rolesLeadRange" : "sections.rolesLead", { n: result.roles.length })}
            >
              <div className="card card--flow">
                <RoleFitList roles={result.roles} verdict={v} />
              </div>
            </Section>

            <Section
              id="plan"
              title={v.kind === "tooClose" ? t("sections.planIf", { role: result.plan.target_role_name }) : t("sections.plan", { role: result.plan.target_role_name })}
              lead={v.kind === "tooClose" ? t("sections.planLeadClose", { role: v.first.name, other: v.second.name }) : (role.data?.summary ?? t("sections.planLead"))}
              className="results-section--plan"
            >
              {result.plan.now_role && result.plan.now_role_name && (
                <div className="card plan-now" data-testid="plan-now-role">
                  <p className="plan-now__title">{t("planNow.title", { role: result.plan.now_role_name })}</p>
                  <p className="plan-now__text">{t("planNow.text", { role: result.plan.now_role_name, target: result.plan.target_role_name })}</p>
                </div>
              )}
              <div className="results-grid results-grid--plan">
                <div className="card">
                  <h3>{t("sections.gaps")}</h3>
                  <p className="muted small">{t("sections.gapsLead")}</p>
                  <GapList gaps={result.plan.gaps} roleName={result.plan.target_role_name ?? ""} />
                </div>
                <div className="card card--flow">
                  <h3>{t("sections.roadmap")}</h3>
                  {!user && <p className="muted small no-print">{t("roadmap.signupHint")}</p>}
                  {candidate && !owned && mine.data && <p className="muted small no-print">{t("roadmap.notOwner")}</p>}
                  {roadmap.error && <ErrorAlert error={roadmap.error} onRetry={roadmap.reload} />}
                  {result.plan.steps.length === 0 ? (
                    <p className="empty">{t("roadmap.none")}</p>
                  ) : (
                    <RoadmapTimeline
                      steps={result.plan.steps}
                      earlier={(role.data?.roadmap ?? []).filter((st) => !result.plan.steps.some((p) => p.id === st.id) && stageIndex(st.stage.key) < stageIndex(result.readiness.level))}
                      nextStepId={result.readiness.next_step_id}
                      status={status}
                      canEdit={!!status}
                      onChange={(sid, s) => void progress.mark(sid, s)}
                      saving={progress.saving ?? null}
                      error={stepError}
                      certName={certName}
                    />
                  )}
                </div>
              </div>
            </Section>

            <Section id="certifications" title={t("sections.certs")} lead={t("sections.certsLead")} className="results-section--keep">
              <CertificationCards certs={result.plan.certifications} />
            </Section>

            <Section id="salary" title={t("sections.salary")} lead={t(result.plan.salary.now ? "sections.salaryLeadNow" : "sections.salaryLead")} className="results-section--keep">
              <div className="card card--flow">
                <SalaryRangeChart salary={result.plan.salary} />
              </div>
            </Section>
          </>
        )}

        {v.kind !== "refused" && candidate && earlier.length > 0 && (
          <Section id="compare" title={t("sections.compare")} lead={t("sections.compareLead")} className="results-section--compare results-section--keep">
            <div className="card">
              <ComparePanel
                attempts={earlier}
                selected={compareId}
                onSelect={setCompareId}
                deltas={deltas}
                before={
                  otherResult && other.data
                    ? {
                        lean: otherResult.orientation.lean,
                        pm: otherResult.orientation.pm,
                        pmo: otherResult.orientation.pmo,
                        role: otherResult.recommended_role,
                        date: formatDate(other.data.submitted_at ?? other.data.updated_at, lang),
                      }
                    : null
                }
                roleName={roleName}
                loading={other.loading}
                error={other.error ? t("compare.error") : null}
              />
            </div>
          </Section>
        )}

        {v.kind !== "refused" && (!user || candidate) && (
          <Section id="share" title={candidate ? t("sections.share") : t("sections.save")} lead={candidate ? t("sections.shareLead") : undefined} className="no-print">
            <div className="card">
              {candidate ? (
                shares.error ? (
                  <ErrorAlert error={shares.error} onRetry={shares.reload} />
                ) : (
                  <div className="share">
                    <ShareForm onShared={() => void shares.reload()} />
                    <SharedWith shares={shares.data?.shares ?? []} onStop={(x) => void stop(x)} busy={stopSharing.busy} error={stopSharing.error} />
                  </div>
                )
              ) : (
                <SignupPrompt />
              )}
            </div>
          </Section>
        )}

        <p className="results-footnote small muted">{t("footnote", { version: result.questionnaire_version, scoring: result.scoring_version })}</p>
      </div>
    </Page>
  );
}
