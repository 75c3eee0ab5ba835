// Instrument statistics: per dimension the responses and Cronbach's alpha
// (flagged below 0.7), and per item the mean and spread.
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { questionnaireStats } from "../../api/endpoints";
import type { QuestionnaireStats, QuestionnaireSummary } from "../../api/types";
import { ColumnHeads } from "../../components/ColumnHeads";
import ScrollTable from "../../components/ScrollTable";
import { Badge, Empty, ErrorAlert, Loading } from "../../components/ui";
import { formatNumber } from "../../format";
import { useApi } from "../../hooks/useApi";
import {
  ALPHA_THRESHOLD,
  alphaLevel,
  currentVersions,
  FEW_RESPONSES,
  flaggedDimensions,
  formatAlpha,
  parseVersionKey,
  sortVersions,
  versionKey,
  type AlphaLevel,
} from "./logic";

export function AlphaBadge({ alpha }: { alpha: number | null }) {
  const { t } = useTranslation("admin");
  const level: AlphaLevel = alphaLevel(alpha);
  const tone = level === "low" ? "warn" : level === "good" || level === "acceptable" ? "ok" : "neutral";
  return (
    <Badge tone={tone}>
      {level === "low" && <span aria-hidden="true">! </span>}
      {t(`stats.level.${level}`)}
    </Badge>
  );
}

export function StatsView({ stats }: { stats: QuestionnaireStats }) {
  const { t, i18n } = useTranslation("admin");
  const lang = i18n.language;
  const dimName = (k: string) => t(`dimensions.${k}`, { defaultValue: k });
  const flagged = flaggedDimensions(stats.dimensions);
  if (stats.responses === 0) {
    return (
      <div className="stats" data-testid="admin-stats">
        <Empty>{t("stats.noResponses", { v: stats.version })}</Empty>
      </div>
    );
  }
  return (
    <div className="stats" data-testid="admin-stats">
      <div className="stat-cards">
        <div className="stat-card">
          <p className="stat-card__label">{t("stats.responses")}</p>
          <p className="stat-card__value">{formatNumber(stats.responses, lang)}</p>
        </div>
        <div className="stat-card">
          <p className="stat-card__label">{t("stats.dimensionCount")}</p>
          <p className="stat-card__value">{formatNumber(stats.dimensions.length, lang)}</p>
        </div>
        <div className={flagged.length > 0 ? "stat-card stat-card--warn" : "stat-card"}>
          <p className="stat-card__label">{t("stats.flaggedCount")}</p>
          <p className="stat-card__value">{formatNumber(flagged.length, lang)}</p>
        </div>
      </div>

      <div className="alert alert--info alpha-hint">
        <p>
          <strong>{t("stats.hintTitle")}</strong>
        </p>
        <p>{t("stats.hint", { threshold: formatNumber(ALPHA_THRESHOLD, lang, 1) })}</p>
      </div>
      {stats.responses < FEW_RESPONSES && <p className="alert alert--warn">{t("stats.few", { n: stats.responses, min: FEW_RESPONSES })}</p>}
      {flagged.length > 0 && (
        <div className="alert alert--warn">
          <p>{t("stats.flaggedList", { list: flagged.map((d) => dimName(d.dimension)).join(lang === "ja" ? "、" : ", "), threshold: formatNumber(ALPHA_THRESHOLD, lang, 1) })}</p>
          {flagged.some((d) => d.alpha !== null && d.alpha < 0) && <p>{t("stats.negative")}</p>}
        </div>
      )}

      <h3>{t("stats.dimensionsTitle")}</h3>
      <ScrollTable caption={t("stats.dimensionsCaption", { slug: stats.slug, v: stats.version })}>
          <ColumnHeads
            columns={[
              { label: t("stats.dimension") },
              { label: t("stats.items"), numeric: true },
              { label: t("stats.n"), numeric: true },
              { label: t("stats.alpha"), numeric: true },
              { label: t("stats.judgement") },
            ]}
          />
          <tbody>
            {stats.dimensions.map((d) => (
              <tr key={d.dimension} className={alphaLevel(d.alpha) === "low" ? "row--flagged" : undefined} data-testid="stats-dimension">
                <th scope="row" className="row-head">
                  {dimName(d.dimension)}
                  <span className="muted small dim-key"> {d.dimension}</span>
                </th>
                <td className="num">{formatNumber(d.items, lang)}</td>
                <td className="num">{formatNumber(d.n, lang)}</td>
                <td className="num">
                  <strong>{formatAlpha(d.alpha, lang)}</strong>
                </td>
                <td>
                  <AlphaBadge alpha={d.alpha} />
                </td>
              </tr>
            ))}
          </tbody>
      </ScrollTable>

      <details className="item-stats">
        <summary>{t("stats.itemsTitle", { n: stats.items.length })}</summary>
        <p className="muted small">{t("stats.itemsLead")}</p>
        <ScrollTable caption={t("stats.itemsCaption")}>
            <ColumnHeads
              columns={[
                { label: t("stats.item") },
                { label: t("stats.dimension") },
                { label: t("stats.reverse") },
                { label: t("stats.n"), numeric: true },
                { label: t("stats.mean"), numeric: true },
                { label: t("stats.meanBar"), className: "mean-bar-col", hiddenLabel: true },
                { label: t("stats.sd"), numeric: true },
              ]}
            />
            <tbody>
              {stats.items.map((it) => (
                <tr key={it.id}>
                  <th scope="row" className="row-head">
                    <code>{it.id}</code>
                  </th>
                  <td>{dimName(it.dimension)}</td>
                  <td>{it.reverse ? t("stats.reverseYes") : <span className="muted">—</span>}</td>
                  <td className="num">{formatNumber(it.n, lang)}</td>
                  <td className="num">{formatNumber(it.mean, lang, 2)}</td>
                  <td className="mean-bar-col" aria-hidden="true">
                    <span className="mean-bar">
                      <span className="mean-bar__fill" style={{ width: `${Math.max(0, Math.min(100, ((it.mean - 1) / 4) * 100))}%` }} />
                    </span>
                  </td>
                  <td className="num">{formatNumber(it.sd, lang, 2)}</td>
                </tr>
              ))}
            </tbody>
        </ScrollTable>
      </details>
    </div>
  );
}

export default function StatsPanel({ versions }: { versions: QuestionnaireSummary[] }) {
  const { t } = useTranslation("admin");
  const id = useId();
  const current = currentVersions(versions);
  const firstSlug = sortVersions(versions)[0]?.slug;
  const [key, setKey] = useState(() => (firstSlug ? versionKey(firstSlug, current.get(firstSlug) ?? 1) : ""));
  const chosen = parseVersionKey(key);
  const stats = useApi(questionnaireStats, chosen ? [chosen.slug, chosen.version] : null);

  if (versions.length === 0) return <p className="muted">{t("stats.noQuestionnaires")}</p>;
  return (
    <div className="stack">
      <div className="field stats-choose">
        <label htmlFor={`${id}-q`}>{t("stats.choose")}</label>
        <select id={`${id}-q`} value={key} onChange={(e) => setKey(e.target.value)}>
          {sortVersions(versions).map((q) => (
            <option key={versionKey(q.slug, q.version)} value={versionKey(q.slug, q.version)}>
              {t("stats.option", { title: q.title, v: q.version })}
              {current.get(q.slug) === q.version ? ` — ${t("questionnaires.current")}` : ""}
            </option>
          ))}
        </select>
      </div>
      {stats.error ? <ErrorAlert error={stats.error} onRetry={() => void stats.reload()} /> : !stats.data ? <Loading /> : <StatsView stats={stats.data} />}
    </div>
  );
}
