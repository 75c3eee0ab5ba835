import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useNavigate } from "react-router-dom";
import { assessmentTokens } from "../../api/assessmentTokens";
import { claimAssessment, listRoles, myAssessments, myRoadmap, myShares, unshare } from "../../api/endpoints";
import type { Share, User } from "../../api/types";
import { useAuth } from "../../auth/AuthContext";
import { Empty, ErrorAlert, Loading, Page, useProblemMessage } from "../../components/ui";
import { asApiError, useApi } from "../../hooks/useApi";
import { useStepProgress } from "../../hooks/useStepProgress";
import { claimAnonymousAssessments } from "../auth/claim";
import { HOME_BY_ROLE } from "../auth/forms";
import { AssessmentList, ClaimPanel, ManualClaimForm, RoadmapProgress, ShareList } from "./parts";
import { ShareForm } from "./ShareForm";
import { claimableLocal } from "./shape";
import "./me.css";

export default function MyPage() {
  const { user } = useAuth();
  if (user && user.role !== "candidate") return <StaffPage user={user} />;
  return <CandidatePage />;
}

function StaffPage({ user }: { user: User }) {
  const { t } = useTranslation("me");
  return (
    <Page title={t("title")} lead={t("staff.lead", { role: t(`staff.role.${user.role}`) })}>
      <div className="row">
        <Link to={HOME_BY_ROLE[user.role]} className="btn btn--primary">
          {t("staff.home")}
        </Link>
        <Link to="/me/privacy" className="btn btn--ghost">
          {t("privacyLink")}
        </Link>
      </div>
    </Page>
  );
}

interface Flash {
  tone: "ok" | "info" | "error";
  text: string;
}

function CandidatePage() {
  const { t } = useTranslation("me");
  const { user, reload: reloadUser } = useAuth();
  const location = useLocation();
  const problem = useProblemMessage();
  const mine = useApi(myAssessments, []);
  const roles = useApi(listRoles, []);
  const roadmap = useApi(myRoadmap, []);
  const shares = useApi(myShares, []);
  const [local, setLocal] = useState(() => assessmentTokens.all());
  const [claiming, setClaiming] = useState(false);
  const [manualError, setManualError] = useState<string>();
  const [flash, setFlash] = useState<Flash | undefined>(() => {
    const st = location.state as { welcome?: boolean; claimed?: number } | null;
    if (!st) return undefined;
    const parts = [st.welcome ? t("flash.welcome") : "", st.claimed ? t("flash.claimed", { count: st.claimed }) : ""].filter(Boolean);
    return parts.length ? { tone: "ok", text: parts.join(" ") } : undefined;
  });
  const navigate = useNavigate();
  // The welcome message is read once; clear it so a reload does not repeat it.
  useEffect(() => {
    if (location.state) navigate(location.pathname, { replace: true, state: null });
  }, [location.state, location.pathname, navigate]);
  const [stopping, setStopping] = useState<string>();
  const progress = useStepProgress(roadmap, (e) => setFlash({ tone: "error", text: problem(e) }));

  const roleNames = useMemo(() => Object.fromEntries((roles.data?.roles ?? []).map((r) => [r.slug, r.name])), [roles.data]);
  const claimable = claimableLocal(local, mine.data?.assessments);

  const afterClaim = async () => {
    setLocal(assessmentTokens.all());
    await Promise.all([mine.reload(), roadmap.reload(), reloadUser()]);
  };

  const claimAll = async () => {
    setClaiming(true);
    try {
      const out = await claimAnonymousAssessments(claimAssessment, assessmentTokens, claimable.map((a) => a.id));
      const msgs: string[] = [];
      if (out.claimed.length) msgs.push(t("flash.claimed", { count: out.claimed.length }));
      if (out.missing.length) msgs.push(t("flash.missing", { count: out.missing.length }));
      if (out.failed.length) msgs.push(t("flash.failed", { count: out.failed.length }));
      setFlash({ tone: out.failed.length || (out.missing.length && !out.claimed.length) ? "error" : "ok", text: msgs.join(" ") });
      // Tokens the server no longer knows are of no use here; drop them so the offer does not come back.
      for (const id of out.missing) assessmentTokens.remove(id);
      await afterClaim();
    } finally {
      setClaiming(false);
    }
  };

  const claimManual = async (id: string, token: string): Promise<boolean> => {
    setClaiming(true);
    setManualError(undefined);
    try {
      await claimAssessment(id, token);
      assessmentTokens.remove(id);
      setFlash({ tone: "ok", text: t("flash.claimed", { count: 1 }) });
      await afterClaim();
      return true;
    } catch (e) {
      const err = asApiError(e);
      setManualError(err.status === 404 || err.status === 422 ? t("claim.manual.notFound") : problem(err));
      return false;
    } finally {
      setClaiming(false);
    }
  };

  const stopSharing = async (s: Share) => {
    setStopping(s.advisor_id);
    try {
      await unshare(s.advisor_id);
      shares.setData((list) => list && { shares: list.shares.filter((x) => x.advisor_id !== s.advisor_id) });
      setFlash({ tone: "ok", text: t("shares.stopped", { name: s.display_name }) });
    } catch (e) {
      const err = asApiError(e);
      if (err.status === 404) void shares.reload();
      else setFlash({ tone: "error", text: problem(err) });
    } finally {
      setStopping(undefined);
    }
  };

  const items = mine.data?.assessments ?? [];
  const latest = user?.latest_result;

  return (
    <Page
      title={t("title")}
      lead={user ? t("lead", { name: user.display_name || user.email }) : undefined}
      wide
      actions={
        <>
          <Link to="/quiz" className="btn btn--primary">
            {items.length ? t("retake") : t("takeFirst")}
          </Link>
          <Link to="/me/privacy" className="btn btn--ghost">
            {t("privacyLink")}
          </Link>
        </>
      }
    >
      <div aria-live="polite">
        {flash && (
          <div className={`alert alert--${flash.tone} me-flash`} role={flash.tone === "error" ? "alert" : "status"}>
            <p>{flash.text}</p>
            <button type="button" className="link-button small" onClick={() => setFlash(undefined)}>
              {t("common:close")}
            </button>
          </div>
        )}
      </div>

      {latest && (
        <section className="card card--pm me-latest" aria-labelledby="me-latest">
          <div>
            <p className="small muted" id="me-latest">
              {t("latest.title")}
            </p>
            {latest.recommended_role ? (
              <>
                <p className="me-latest__role">{roleNames[latest.recommended_role] ?? latest.recommended_role}</p>
                <p className="small muted">{t("latest.meta", { fit: latest.fit, lean: t(`lean.${latest.lean}`, { defaultValue: latest.lean }) })}</p>
              </>
            ) : (
              <>
                <p className="me-latest__role">{t("latest.noRole")}</p>
                <p className="small muted">{t("latest.noRoleWhy")}</p>
              </>
            )}
          </div>
          <Link to={`/results/${latest.assessment_id}`} className="btn btn--ghost">
            {t("latest.open")}
          </Link>
        </section>
      )}

      <div className="me-grid">
        <div className="me-main">
          <section className="section" aria-labelledby="me-assessments">
            <h2 id="me-assessments">{t("assessments.title")}</h2>
            <ClaimPanel local={claimable} busy={claiming} onClaim={() => void claimAll()} />
            {mine.loading && !mine.data && <Loading />}
            {mine.error && <ErrorAlert error={mine.error} onRetry={() => void mine.reload()} />}
            {mine.data && items.length === 0 && (
              <div data-testid="my-assessments" data-empty="true">
                <Empty
                  action={
                    <Link to="/quiz" className="btn btn--primary">
                      {t("takeFirst")}
                    </Link>
                  }
                >
                  {t("assessments.empty")}
                </Empty>
              </div>
            )}
            {mine.data && items.length > 0 && <AssessmentList items={items} roleNames={roleNames} />}
            <ManualClaimForm busy={claiming} error={manualError} onSubmit={claimManual} />
          </section>
        </div>

        <div className="me-side">
          <section className="section" aria-labelledby="me-roadmap">
            <h2 id="me-roadmap">{t("roadmap.title")}</h2>
            {roadmap.loading && !roadmap.data && <Loading />}
            {roadmap.error && roadmap.error.status === 404 && <Empty>{t("roadmap.empty")}</Empty>}
            {roadmap.error && roadmap.error.status !== 404 && <ErrorAlert error={roadmap.error} onRetry={() => void roadmap.reload()} />}
            {roadmap.data && !roadmap.error && <RoadmapProgress roadmap={roadmap.data} onMark={(id, s) => void progress.mark(id, s)} saving={progress.saving} />}
          </section>

          <section className="section" aria-labelledby="me-shares">
            <h2 id="me-shares">{t("shares.title")}</h2>
            <p className="small muted">{t("shares.lead")}</p>
            {shares.loading && !shares.data && <Loading />}
            {shares.error && <ErrorAlert error={shares.error} onRetry={() => void shares.reload()} />}
            {shares.data && shares.data.shares.length === 0 && <p className="muted">{t("shares.none")}</p>}
            {shares.data && shares.data.shares.length > 0 && <ShareList shares={shares.data.shares} busyId={stopping} onStop={(s) => void stopSharing(s)} />}
            <ShareForm onShared={(s) => shares.setData((list) => ({ shares: [...(list?.shares ?? []).filter((x) => x.advisor_id !== s.advisor_id), s] }))} />
          </section>
        </div>
      </div>

      <aside className="card me-cta">
        <div>
          <h2>{t("cta.title")}</h2>
          <p className="muted">{t("cta.body")}</p>
        </div>
        <div className="row">
          <Link to="/quiz" className="btn btn--primary">
            {t("retake")}
          </Link>
          <Link to="/roles" className="btn btn--ghost">
            {t("cta.roles")}
          </Link>
        </div>
      </aside>
    </Page>
  );
}
