// /results/:id — the scored assessment: lean, dimensions, role fit,
// readiness, the personal plan (roadmap, certifications, salary), sharing,
// comparison with an earlier attempt, and a printable report.
import { useCallback, useMemo, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import { assessmentTokens } from "../../api/assessmentTokens";
import { api, type ApiError } from "../../api/client";
import type { CertificationList, MyAssessmentList, MyRoadmap, MyShares, RoleDetail, Share, StepStatus } from "../../api/types";
import { useAuth } from "../../auth/AuthContext";
import AssessmentError from "../../components/AssessmentError";
import { ErrorAlert, Loading, Page } from "../../components/ui";
import { formatDate } from "../../format";
import { asApiError, useApi } from "../../hooks/useApi";
import { useAssessment } from "../../hooks/useAssessment";
import { claimOne } from "../auth/claim";
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
  RoleFitList,
  SalaryRangeChart,
  ShareForm,
  SignupPrompt,
} from "./components";
import { dimensionDeltas, earlierAttempts, stageIndex, topDimensions } from "./resultsLogic";
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

  const main = useAssessment(id);
  const a = main.data;
  const result = a?.result ?? null;

  const certs = useApi<CertificationList>("/api/v1/certifications");
  const certName = useCallback((slug: string) => certs.data?.certifications.find((c) => c.slug === slug)?.abbreviation ?? slug, [certs.data]);
  const role = useApi<RoleDetail>(result ? `/api/v1/roles/${encodeURIComponent(result.plan.target_role)}` : null);

  const mine = useApi<MyAssessmentList>(ready && candidate ? "/api/v1/me/assessments" : null);
  const owned = !!mine.data?.assessments.some((x) => x.id === id);
  const earlier = useMemo(() => earlierAttempts(mine.data?.assessments ?? [], id), [mine.data, id]);

  // Roadmap progress (signed-in candidates, on their own result).
  const roadmap = useApi<MyRoadmap>(result && candidate && owned ? `/api/v1/me/roadmap?role=${encodeURIComponent(result.plan.target_role)}` : null);
  const [statusOverride, setStatusOverride] = useState<Record<string, StepStatus>>({});
  const [savingStep, setSavingStep] = useState<string | null>(null);
  const [stepError, setStepError] = useState<string | null>(null);
  const status = useMemo(() => {
    if (!roadmap.data) return undefined;
    const s: Record<string, StepStatus> = {};
    for (const st of roadmap.data.steps) s[st.id] = st.status;
    return { ...s, ...statusOverride };
  }, [roadmap.data, statusOverride]);
  const setStep = async (stepId: string, next: StepStatus) => {
    const prev = status?.[stepId] ?? "pending";
    setStatusOverride((o) => ({ ...o, [stepId]: next }));
    setSavingStep(stepId);
    setStepError(null);
    try {
      await api(`/api/v1/me/roadmap/${encodeURIComponent(stepId)}`, { method: "PUT", body: { status: next } });
    } catch (e) {
      setStatusOverride((o) => ({ ...o, [stepId]: prev }));
      const err = asApiError(e);
      setStepError(err.status === 0 ? t("roadmap.errorNetwork") : t("roadmap.error"));
    } finally {
      setSavingStep(null);
    }
  };

  // Sharing with an advisor.
  const shares = useApi<MyShares>(ready && candidate ? "/api/v1/me/shares" : null);
  const [shareBusy, setShareBusy] = useState(false);
  const [shareError, setShareError] = useState<ApiError | null>(null);
  const [shareDone, setShareDone] = useState<string | null>(null);
  const share = async (email: string) => {
    setShareBusy(true);
    setShareError(null);
    setShareDone(null);
    try {
      const s = await api<Share>("/api/v1/me/shares", { method: "POST", body: { advisor_email: email } });
      setShareDone(s.display_name);
      await shares.reload();
    } catch (e) {
      setShareError(asApiError(e));
    } finally {
      setShareBusy(false);
    }
  };
  const unshare = async (advisorId: string) => {
    setShareError(null);
    setShareDone(null);
    try {
      await api(`/api/v1/me/shares/${encodeURIComponent(advisorId)}`, { method: "DELETE" });
      await shares.reload();
    } catch (e) {
      setShareError(asApiError(e));
    }
  };

  // A signed-in candidate looking at an anonymous result of this browser can keep it.
  const heldToken = assessmentTokens.get(id)?.token;
  const [claiming, setClaiming] = useState(false);
  const [claimError, setClaimError] = useState(false);
  const claim = async () => {
    if (!heldToken) return;
    setClaiming(true);
    setClaimError(false);
    try {
      await claimOne(api, id, heldToken);
      assessmentTokens.remove(id);
      await mine.reload();
    } catch {
      setClaimError(true);
    } finally {
      setClaiming(false);
    }
  };

  // Comparison with an earlier attempt.
  const [compareId, setCompareId] = useState("");
  const other = useAssessment(compareId || null);
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

  const recommended = result.roles.find((r) => r.slug === result.recommended_role) ?? result.roles[0];
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
            {claimError && (
              <p className="field__error" role="alert">
                {t("claim.error")}
              </p>
            )}
            <button type="button" className="btn btn--primary btn--small" onClick={() => void claim()} disabled={claiming}>
              {claiming ? t("claim.saving") : t("claim.button")}
            </button>
          </div>
        )}
        <QualityNotes flags={result.quality.flags} />
        <LeanHero orientation={result.orientation} recommended={recommended} strengths={topDimensions(result.dimensions, 3)} />

        <div className="results-grid">
          <Section id="dimensions" title={t("sections.dimensions")} lead={t("sections.dimensionsLead")} className="results-section--radar results-section--keep">
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

        <Section id="roles" title={t("sections.roles")} lead={t("sections.rolesLead")}>
          <div className="card card--flow">
            <RoleFitList roles={result.roles} recommended={result.recommended_role} />
          </div>
        </Section>

        <Section id="plan" title={t("sections.plan", { role: result.plan.target_role_name })} lead={role.data?.summary ?? t("sections.planLead")} className="results-section--plan">
          <div className="results-grid results-grid--plan">
            <div className="card">
              <h3>{t("sections.gaps")}</h3>
              <p className="muted small">{t("sections.gapsLead")}</p>
              <GapList gaps={result.plan.gaps} roleName={result.plan.target_role_name} />
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
                  onChange={(sid, s) => void setStep(sid, s)}
                  saving={savingStep}
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

        <Section id="salary" title={t("sections.salary")} lead={t("sections.salaryLead")} className="results-section--keep">
          <div className="card card--flow">
            <SalaryRangeChart salary={result.plan.salary} />
          </div>
        </Section>

        {candidate && earlier.length > 0 && (
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

        {(!user || candidate) && (
          <Section id="share" title={candidate ? t("sections.share") : t("sections.save")} lead={candidate ? t("sections.shareLead") : undefined} className="no-print">
            <div className="card">
              {candidate ? (
                shares.error ? (
                  <ErrorAlert error={shares.error} onRetry={shares.reload} />
                ) : (
                  <ShareForm shares={shares.data?.shares ?? []} onShare={(e) => void share(e)} onUnshare={(x) => void unshare(x)} error={shareError} busy={shareBusy} done={shareDone} />
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
