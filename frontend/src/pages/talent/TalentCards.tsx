// The talent pool as cards: name, recommended role (with a link to its
// roadmap), lean and fit. Recruiters see nothing more.
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { Badge, leanTone, Meter } from "../../components/ui";
import type { CandidateRow } from "../../api/types";

export default function TalentCards({ rows }: { rows: CandidateRow[] }) {
  const { t } = useTranslation("talent");
  return (
    <ul className="talent-list" data-testid="talent-list">
      {rows.map((r) => {
        const tone = leanTone(r.lean);
        return (
          <li key={r.id} className={`talent-card talent-card--${tone}`} data-testid="talent-card">
            <div className="talent-card__head">
              <h3 className="talent-card__name">{r.display_name}</h3>
              <Badge tone={tone}>{t(`advisor:lean.${r.lean}`, { defaultValue: r.lean })}</Badge>
            </div>
            <p className="talent-card__label muted small">{t("card.recommended")}</p>
            <p className="talent-card__role">
              {r.recommended_role ? (
                <Link to={`/roles/${encodeURIComponent(r.recommended_role)}`}>
                  {r.recommended_role_name || r.recommended_role}
                  <span className="visually-hidden">{t("card.roadmapSuffix")}</span>
                </Link>
              ) : (
                <span className="muted">{t("card.noRole")}</span>
              )}
            </p>
            <div className="talent-card__fit">
              <span className="muted small">{t("card.fit")}</span>
              <Meter value={r.fit} label={t("card.fitLabel", { name: r.display_name, n: r.fit })} tone={tone} />
              <strong>{r.fit}</strong>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
