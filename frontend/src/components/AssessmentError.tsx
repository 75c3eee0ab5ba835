// Why an assessment (or its result) would not open. A 401 or 404 means this
// browser holds no token the server takes for it (it was started on another
// device, or an account has claimed it): the way on is a new assessment or
// signing in. Anything else is an ordinary error with a retry.
import { Link } from "react-router-dom";
import type { ApiError } from "../api/client";
import { useAuth } from "../auth/AuthContext";
import { ErrorAlert } from "./ui";

export interface AssessmentErrorProps {
  error: ApiError;
  /** The page to come back to after signing in. */
  from: string;
  text: { lost: string; start: string; signIn: string };
  onRetry: () => void;
}

export default function AssessmentError({ error, from, text, onRetry }: AssessmentErrorProps) {
  const { user } = useAuth();
  const lost = error.status === 401 || error.status === 404;
  if (!lost) return <ErrorAlert error={error} onRetry={onRetry} />;
  return (
    <div className="alert alert--warn" role="alert">
      <p>{text.lost}</p>
      <p className="row">
        <Link to="/quiz" className="btn btn--primary">
          {text.start}
        </Link>
        {!user && (
          <Link to="/signin" state={{ from }}>
            {text.signIn}
          </Link>
        )}
      </p>
    </div>
  );
}
