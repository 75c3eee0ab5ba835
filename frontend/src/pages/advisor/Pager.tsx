// Previous/next page buttons for a cursor-paginated listing.
import { useTranslation } from "react-i18next";

export interface PagerProps {
  page: number | null;
  canPrevious: boolean;
  canNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
  busy?: boolean;
}

export default function Pager({ page, canPrevious, canNext, onPrevious, onNext, busy = false }: PagerProps) {
  const { t } = useTranslation("advisor");
  if (!canPrevious && !canNext) return null;
  return (
    <nav className="pager" aria-label={t("pager.label")}>
      <button type="button" className="btn btn--ghost btn--small" onClick={onPrevious} disabled={!canPrevious || busy}>
        <span aria-hidden="true">←</span> {page === null ? t("pager.first") : t("pager.previous")}
      </button>
      <span className="muted small" aria-live="polite">
        {page === null ? "" : t("pager.page", { page })}
      </span>
      <button type="button" className="btn btn--ghost btn--small" onClick={onNext} disabled={!canNext || busy} data-testid="pager-next">
        {t("pager.next")} <span aria-hidden="true">→</span>
      </button>
    </nav>
  );
}
