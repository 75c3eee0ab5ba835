import { lazy, Suspense, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, Navigate, Route, Routes, useLocation } from "react-router-dom";
import type { User } from "./api/types";
import { useAuth } from "./auth/AuthContext";
import Layout from "./components/Layout";
import { Loading, Page } from "./components/ui";

const Landing = lazy(() => import("./pages/Landing"));
const QuizStart = lazy(() => import("./pages/quiz/QuizStart"));
const Quiz = lazy(() => import("./pages/quiz/Quiz"));
const Results = lazy(() => import("./pages/results/Results"));
const Roles = lazy(() => import("./pages/roles/Roles"));
const RoleDetail = lazy(() => import("./pages/roles/RoleDetail"));
const Compare = lazy(() => import("./pages/roles/Compare"));
const SignIn = lazy(() => import("./pages/auth/SignIn"));
const SignUp = lazy(() => import("./pages/auth/SignUp"));
const MyPage = lazy(() => import("./pages/me/MyPage"));
const Privacy = lazy(() => import("./pages/me/Privacy"));
const AdvisorDashboard = lazy(() => import("./pages/advisor/Dashboard"));
const AdvisorCandidate = lazy(() => import("./pages/advisor/Candidate"));
const TalentPool = lazy(() => import("./pages/talent/TalentPool"));
const Admin = lazy(() => import("./pages/admin/Admin"));

/** RequireRole sends visitors to sign in and other roles to the start page. */
function RequireRole({ roles, children }: { roles: User["role"][]; children: ReactNode }) {
  const { user, ready } = useAuth();
  const location = useLocation();
  if (!ready) return <Loading />;
  if (!user) return <Navigate to="/signin" replace state={{ from: location.pathname + location.search }} />;
  if (!roles.includes(user.role)) return <Forbidden />;
  return <>{children}</>;
}

function Forbidden() {
  const { t } = useTranslation();
  return (
    <Page title={t("errors.forbiddenTitle")}>
      <p>{t("errors.forbidden")}</p>
      <Link to="/">{t("backHome")}</Link>
    </Page>
  );
}

function NotFound() {
  const { t } = useTranslation();
  return (
    <Page title={t("errors.notFoundTitle")}>
      <p>{t("errors.notFoundPage")}</p>
      <Link to="/" className="btn btn--primary">
        {t("backHome")}
      </Link>
    </Page>
  );
}

export default function App() {
  const signedIn: User["role"][] = ["candidate", "advisor", "recruiter", "admin"];
  return (
    <Layout>
      <Suspense fallback={<Loading />}>
        <Routes>
          <Route path="/" element={<Landing />} />
          <Route path="/quiz" element={<QuizStart />} />
          <Route path="/quiz/:id" element={<Quiz />} />
          <Route path="/results/:id" element={<Results />} />
          <Route path="/roles" element={<Roles />} />
          <Route path="/roles/:slug" element={<RoleDetail />} />
          <Route path="/compare" element={<Compare />} />
          <Route path="/signin" element={<SignIn />} />
          <Route path="/signup" element={<SignUp />} />
          <Route path="/me" element={<RequireRole roles={signedIn}><MyPage /></RequireRole>} />
          <Route path="/me/privacy" element={<RequireRole roles={signedIn}><Privacy /></RequireRole>} />
          <Route path="/advisor" element={<RequireRole roles={["advisor"]}><AdvisorDashboard /></RequireRole>} />
          <Route path="/advisor/candidates/:id" element={<RequireRole roles={["advisor"]}><AdvisorCandidate /></RequireRole>} />
          <Route path="/talent" element={<RequireRole roles={["recruiter"]}><TalentPool /></RequireRole>} />
          <Route path="/admin" element={<RequireRole roles={["admin"]}><Admin /></RequireRole>} />
          <Route path="*" element={<NotFound />} />
        </Routes>
      </Suspense>
    </Layout>
  );
}
