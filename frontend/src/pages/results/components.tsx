// Presentational sections of the results page. Each takes plain data as
// props; Results.tsx fetches and passes it down.
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { PolarAngleAxis, PolarGrid, PolarRadiusAxis, Radar, RadarChart, ResponsiveContainer, Legend } from "recharts";
import {
  STAGES,
  type Dimension,
  type Gap,
  type Lean,
  type MyAssessment,
  type QualityFlag,
  type Result,
  type RoadmapStep,
  type Share,
  type StepStatus,
} from "../../api/types";
import { ColumnHeads } from "../../components/ColumnHeads";
import { Badge } from "../../components/ui";
import { formatDate, formatMan, formatNumber, formatRange } from "../../format";
import {
  biggestChanges,
  formatDelta,
  leanBar,
  leanWording,
  radarData,
  salaryChart,
  salaryGroups,
  splitLabel,
  stageIndex,
  type DimensionDelta,
  type PlanSalary,
  type Verdict,
} from "./resultsLogic";
import { RoleVerdict, trackTone } from "./fit";

/* ---------- Lean ---------- */

export function LeanHero({ orientation, verdict, strengths }: { orientation: Result["orientation"]; verdict?: Exclude<Verdict, { kind: "refused" }>; strengths: Dimension[] }) {
  const { t } = useTranslation("results");
  const wording = leanWording(orientation);
  const bar = leanBar(orientation.pm, orientation.pmo);
  const gap = Math.abs(orientation.pm - orientation.pmo);
  return (
    <section className={`card lean-hero lean-hero--${orientation.lean}`} data-testid="results-lean" data-lean={orientation.lean} aria-labelledby="lean-title">
      <p className="kicker">{t("lean.kicker")}</p>
      <h2 id="lean-title" className="lean-hero__title">
        {t(`lean.headline.${wording}`)}
      </h2>
      <p className="lean-hero__body">{t(`lean.body.${orientation.lean}`)}</p>
      <div className="lean-bar" aria-hidden="true">
        <div className="lean-bar__ends">
          <span className="lean-bar__end lean-bar__end--pm">
            {t("lean.pmSide")}
            <small>{t("lean.pmSideSub")}</small>
          </span>
          <span className="lean-bar__end lean-bar__end--pmo">
            {t("lean.pmoSide")}
            <small>{t("lean.pmoSideSub")}</small>
          </span>
        </div>
        <div className="lean-bar__track">
          <div className="lean-bar__band" style={{ left: `${50 - bar.band}%`, width: `${bar.band * 2}%` }} />
          {bar.side !== "none" && (
            <div className={`lean-bar__fill lean-bar__fill--${bar.side}`} style={bar.side === "pm" ? { right: "50%", width: `${bar.width}%` } : { left: "50%", width: `${bar.width}%` }} />
          )}
          <div className="lean-bar__centre" />
          <div className={`lean-bar__marker lean-bar__marker--${bar.side}`} style={{ left: `${bar.marker}%` }} />
        </div>
        <div className="lean-bar__scale">
          <span>{t("lean.scaleStrong")}</span>
          <span>{t("lean.scaleBalanced")}</span>
          <span>{t("lean.scaleStrong")}</span>
        </div>
      </div>
      <p className="lean-hero__scores">
        <span className="score-chip score-chip--pm">
          {t("lean.pmScore")} <strong>{orientation.pm}</strong>
        </span>
        <span className="score-chip score-chip--pmo">
          {t("lean.pmoScore")} <strong>{orientation.pmo}</strong>
        </span>
        <span className="muted small">{t("lean.gap", { count: gap })}</span>
      </p>
      <div className={`lean-hero__facts${verdict?.kind === "tooClose" ? " lean-hero__facts--stacked" : ""}`}>
        {verdict && <RoleVerdict verdict={verdict} />}
        {strengths.length > 0 && (
          <div>
            <p className="kicker">{t("lean.strengths")}</p>
            <ul className="chips">
              {strengths.map((d) => (
                <li key={d.key} className={`chip chip--${d.lean}`}>
                  {d.name} <span className="chip__n">{d.score}</span>
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
    </section>
  );
}

export function QualityNotes({ flags }: { flags: QualityFlag[] }) {
  const { t } = useTranslation("results");
  if (flags.length === 0) return null;
  return (
    <div className="alert alert--info quality-notes">
      <p>
        <strong>{t("quality.title")}</strong>
      </p>
      <ul>
        {flags.map((f) => (
          <li key={f}>{t(`quality.${f}`)}</li>
        ))}
      </ul>
    </div>
  );
}

/* ---------- Radar ---------- */

const LEAN_COLOUR: Record<string, string> = { pm: "#3149c4", pmo: "#0b7a6e", both: "#465166" };

function AxisTick(props: { x?: number | string; y?: number | string; payload?: { value: string }; textAnchor?: string; leanOf: (name: string) => string; compact: boolean }) {
  const { x = 0, y = 0, payload, textAnchor, leanOf, compact } = props;
  const name = payload?.value ?? "";
  const lean = leanOf(name);
  const wide = /[\u3000-\u9fff]/.test(name);
  const max = compact ? (wide ? 5 : 12) : wide ? 9 : 14;
  const lines = wide ? splitLabel(name, max).flatMap((l) => (l.length > max + 1 ? splitLabel(l, max) : [l])) : splitLabel(name, max);
  const fontSize = compact ? 10.5 : 12.5;
  const y0 = Number(y) - ((lines.length - 1) * fontSize * 1.15) / 2;
  return (
    <text x={Number(x)} y={y0} textAnchor={(textAnchor as "start" | "middle" | "end") ?? "middle"} dominantBaseline="central" fontSize={fontSize} fill={LEAN_COLOUR[lean] ?? "#465166"} fontWeight={600}>
      {lines.map((l, i) => (
        <tspan key={i} x={Number(x)} dy={i === 0 ? 0 : fontSize * 1.15}>
          {l}
        </tspan>
      ))}
    </text>
  );
}

/** A phone's radar has room for this many labelled axes; more are drawn as bars. */
const PHONE_AXES = 12;

export function DimensionRadar({ dimensions, before, beforeLabel }: { dimensions: Dimension[]; before?: Dimension[] | null; beforeLabel?: string }) {
  const { t } = useTranslation("results");
  const data = radarData(dimensions, before);
  const leanOf = (name: string) => dimensions.find((d) => d.name === name)?.lean ?? "both";
  const compact = typeof window !== "undefined" && window.innerWidth < 560;
  const bars = (
    <ul className="dim-list" aria-hidden="true">
      {data.map((d) => (
        <li key={d.key} className={`dim-list__item dim-list__item--${d.lean}`}>
          <span className="dim-list__name">{d.name}</span>
          <span className="dim-list__bar">
            <span style={{ width: `${d.score}%` }} />
          </span>
          <span className="dim-list__n">{d.score}</span>
        </li>
      ))}
    </ul>
  );
  const legend = (
    <figcaption className="radar__legend small">
      <span className="legend-key legend-key--pm">{t("radar.legendPm")}</span>
      <span className="legend-key legend-key--pmo">{t("radar.legendPmo")}</span>
      <span className="legend-key legend-key--both">{t("radar.legendBoth")}</span>
    </figcaption>
  );
  if (compact && data.length > PHONE_AXES) {
    return (
      <figure className="radar radar--bars" data-testid="radar-chart">
        {bars}
        {legend}
        <DimensionTable data={data} before={before} beforeLabel={beforeLabel} />
      </figure>
    );
  }
  return (
    <figure className="radar" data-testid="radar-chart">
      <div className="radar__chart" aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 520, height: 400 }}>
          <RadarChart accessibilityLayer={false} data={data} outerRadius={compact ? "52%" : "70%"} margin={compact ? { top: 10, right: 12, bottom: 10, left: 12 } : { top: 10, right: 30, bottom: 10, left: 30 }}>
            <PolarGrid stroke="#d5dae3" />
            <PolarAngleAxis dataKey="name" tick={(p: object) => <AxisTick {...(p as { x?: number; y?: number; payload?: { value: string }; textAnchor?: string })} leanOf={leanOf} compact={compact} />} />
            <PolarRadiusAxis angle={90 - 180 / Math.max(3, data.length)} domain={[0, 100]} tickCount={6} tick={{ fontSize: 9, fill: "#6b7487" }} axisLine={false} />
            {before && <Radar name={beforeLabel ?? t("radar.before")} dataKey="before" stroke="#8a93a6" strokeDasharray="5 4" fill="#8a93a6" fillOpacity={0.08} isAnimationActive={false} />}
            <Radar name={t("radar.now")} dataKey="score" stroke="#3149c4" strokeWidth={2} fill="#3149c4" fillOpacity={0.2} isAnimationActive={false} dot={{ r: 2.5 }} />
            {before && <Legend verticalAlign="bottom" height={28} iconType="plainline" />}
          </RadarChart>
        </ResponsiveContainer>
      </div>
      {legend}
      <details className="radar__numbers no-print">
        <summary>{t("radar.showNumbers")}</summary>
        {bars}
      </details>
      <DimensionTable data={data} before={before} beforeLabel={beforeLabel} />
    </figure>
  );
}

/** DimensionTable carries the chart's numbers for screen readers. */
function DimensionTable({ data, before, beforeLabel }: { data: ReturnType<typeof radarData>; before?: Dimension[] | null; beforeLabel?: string }) {
  const { t } = useTranslation("results");
  return (
    <>
      {/* Hidden in a box: a table itself grows to fit its text, whatever its width says. */}
      <div className="visually-hidden">
        <table>
          <caption>{t("radar.tableCaption")}</caption>
          <ColumnHeads columns={[{ label: t("radar.dimension") }, { label: t("radar.lean") }, { label: t("radar.score") }, !!before && { label: beforeLabel ?? t("radar.before") }]} />
          <tbody>
            {data.map((d) => (
              <tr key={d.key}>
                <th scope="row">{d.name}</th>
                <td>{t(`dimLean.${d.lean}`)}</td>
                <td>{d.score}</td>
                {before && <td>{d.before}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/* ---------- Readiness ---------- */

export function ReadinessPanel({ readiness, certName }: { readiness: Result["readiness"]; certName: (slug: string) => string }) {
  const { t } = useTranslation("results");
  const current = stageIndex(readiness.level);
  return (
    <div className="readiness">
      <ol className="ladder" aria-label={t("readiness.ladder")}>
        {STAGES.map((s, i) => (
          <li key={s} className={`ladder__rung${i < current ? " ladder__rung--past" : ""}${i === current ? " ladder__rung--now" : ""}`} aria-current={i === current ? "step" : undefined}>
            <span className="ladder__dot" aria-hidden="true">
              {i < current ? "✓" : i + 1}
            </span>
            <span className="ladder__name">{i === current ? readiness.level_name : t(`stage.${s}`)}</span>
            {i === current && <span className="ladder__you">{t("readiness.you")}</span>}
          </li>
        ))}
      </ol>
      <dl className="facts readiness__facts">
        <dt>{t("readiness.level")}</dt>
        <dd>
          <strong>{readiness.level_name}</strong> — {t(`stageDesc.${readiness.level}`)}
        </dd>
        <dt>{t("readiness.next")}</dt>
        <dd>
          <a href={`#step-${readiness.next_step_id}`}>{readiness.next_step}</a>
        </dd>
        <dt>{t("readiness.held")}</dt>
        <dd>{readiness.held_certifications.length > 0 ? readiness.held_certifications.map(certName).join(t("listSep")) : t("readiness.none")}</dd>
      </dl>
    </div>
  );
}

/* ---------- Gaps ---------- */

export function GapList({ gaps, roleName }: { gaps: Gap[]; roleName: string }) {
  const { t } = useTranslation("results");
  if (gaps.length === 0) return <p className="alert alert--ok">{t("gaps.none", { role: roleName })}</p>;
  return (
    <ul className="gaps">
      {gaps.map((g) => (
        <li key={g.dimension} className="gaps__item">
          <span className="gaps__name">{g.name}</span>
          <span className="gaps__bar" aria-hidden="true">
            <span className="gaps__score" style={{ width: `${g.score}%` }} />
            <span className="gaps__target" style={{ left: `${g.target}%` }} />
          </span>
          <span className="gaps__text small">{t("gaps.text", { score: g.score, target: g.target, gap: g.gap })}</span>
        </li>
      ))}
    </ul>
  );
}

/* ---------- Roadmap ---------- */

export function RoadmapTimeline({
  steps,
  earlier = [],
  nextStepId,
  status,
  canEdit,
  onChange,
  saving,
  error,
  certName,
}: {
  steps: RoadmapStep[];
  /** Steps of the role's roadmap below the person's stage, shown folded for context. */
  earlier?: RoadmapStep[];
  nextStepId: string;
  status?: Record<string, StepStatus>;
  canEdit: boolean;
  onChange?: (stepId: string, s: StepStatus) => void;
  saving?: string | null;
  error?: string | null;
  certName: (slug: string) => string;
}) {
  const { t } = useTranslation("results");
  const done = status ? steps.filter((s) => status[s.id] === "done").length : 0;
  return (
    <div className="roadmap" data-testid="roadmap">
      {status && steps.length > 0 && (
        <p className="roadmap__summary">
          <span>{t("roadmap.doneCount", { done, total: steps.length })}</span>
          <span className="roadmap__summary-bar" aria-hidden="true">
            <span style={{ width: `${(done / steps.length) * 100}%` }} />
          </span>
        </p>
      )}
      {error && (
        <p className="alert alert--error" role="alert">
          {error}
        </p>
      )}
      {earlier.length > 0 && (
        <details className="timeline__earlier no-print">
          <summary>{t("roadmap.earlier", { count: earlier.length })}</summary>
          <ol className="timeline timeline--earlier">
            {earlier.map((s) => (
              <li key={s.id} className="timeline__step timeline__step--past">
                <span className="timeline__dot" aria-hidden="true">
                  ✓
                </span>
                <div className="timeline__body">
                  <div className="timeline__meta">
                    <Badge>{s.stage.name}</Badge>
                  </div>
                  <h3 className="timeline__title">{s.title}</h3>
                  <p className="timeline__detail small">{s.detail}</p>
                </div>
              </li>
            ))}
          </ol>
        </details>
      )}
      <ol className="timeline">
        {steps.map((s, i) => {
          const st = status?.[s.id] ?? "pending";
          return (
            <li key={s.id} id={`step-${s.id}`} className={`timeline__step timeline__step--${st}${s.id === nextStepId ? " timeline__step--next" : ""}`}>
              <span className="timeline__dot" aria-hidden="true">
                {st === "done" ? "✓" : i + 1}
              </span>
              <div className="timeline__body">
                <div className="timeline__meta">
                  <Badge>{s.stage.name}</Badge>
                  {s.id === nextStepId && <Badge tone="pm">{t("roadmap.next")}</Badge>}
                  {s.months > 0 && <span className="muted small">{t("roadmap.months", { count: s.months })}</span>}
                  {status && st !== "pending" && <Badge tone={st === "done" ? "ok" : st === "learning" ? "warn" : "neutral"}>{t(`status.${st}`)}</Badge>}
                </div>
                <h3 className="timeline__title">{s.title}</h3>
                <p className="timeline__detail">{s.detail}</p>
                {s.experience && (
                  <p className="timeline__exp small">
                    <strong>{t("roadmap.experience")}</strong> {s.experience}
                  </p>
                )}
                {s.certifications.length > 0 && (
                  <p className="small">
                    <strong>{t("roadmap.certs")}</strong> {s.certifications.map(certName).join(t("listSep"))}
                  </p>
                )}
                {canEdit && onChange && (
                  <StepStatusControl stepId={s.id} title={s.title} value={st} busy={saving === s.id} onChange={(v) => onChange(s.id, v)} />
                )}
              </div>
            </li>
          );
        })}
      </ol>
    </div>
  );
}

/** The order the status choice offers: from not started to finished, skipping last. */
const STATUS_CHOICES: readonly StepStatus[] = ["pending", "learning", "done", "skipped"];

function StepStatusControl({ stepId, title, value, busy, onChange }: { stepId: string; title: string; value: StepStatus; busy: boolean; onChange: (s: StepStatus) => void }) {
  const { t } = useTranslation("results");
  const id = `status-${stepId}`;
  return (
    <div className="step-status no-print">
      <label htmlFor={id} className="small">
        {t("roadmap.statusLabel")}
        <span className="visually-hidden">: {title}</span>
      </label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as StepStatus)} disabled={busy} data-testid={`step-status-${stepId}`}>
        {STATUS_CHOICES.map((s) => (
          <option key={s} value={s}>
            {t(`status.${s}`)}
          </option>
        ))}
      </select>
      {busy && <span className="muted small">{t("roadmap.saving")}</span>}
    </div>
  );
}

/* ---------- Certifications ---------- */

/** PlanCertification is a plan's certification: whether the person can sit it now, and what is missing if not. */
type PlanCertification = Result["plan"]["certifications"][number];

/** CertificationCards lists the plan's certifications in the server's order (those open now first), each saying whether it can be taken now. */
export function CertificationCards({ certs }: { certs: PlanCertification[] }) {
  const { t } = useTranslation("results");
  return (
    <div data-testid="certifications">
      {certs.length === 0 ? (
        <div className="empty">
          <p>{t("certs.none")}</p>
          <Link to="/roles">{t("certs.browse")}</Link>
        </div>
      ) : (
        <ul className="cert-cards">
          {certs.map((c) => (
            <li key={c.slug} className={`card cert card--${c.track === "both" ? "pm" : c.track}${c.eligible_now ? "" : " cert--later"}`} data-testid="cert" data-eligible={c.eligible_now}>
              <p className="cert__abbr">{c.abbreviation}</p>
              <h3 className="cert__name">{c.name}</h3>
              <p className="muted small">{c.issuer}</p>
              <p className="row cert__badges">
                <Badge tone={trackTone(c.track)}>{t(`certTrack.${c.track}`)}</Badge>
                <Badge>{t("certs.stage", { stage: c.stage.name })}</Badge>
              </p>
              {c.eligible_now ? (
                <p className="cert__eligible">
                  <Badge tone="ok">{t("certs.eligibleNow")}</Badge>
                </p>
              ) : (
                <div className="cert__eligible cert__eligible--later">
                  <p>
                    <Badge tone="warn">{t("certs.notYet")}</Badge>
                  </p>
                  {c.missing.length > 0 && (
                    <>
                      <p className="small cert__missing-title">{t("certs.missingTitle")}</p>
                      <ul className="small cert__missing">
                        {c.missing.map((m) => (
                          <li key={m}>{m}</li>
                        ))}
                      </ul>
                    </>
                  )}
                </div>
              )}
              <p className="small cert__summary">{c.summary}</p>
              <a href={c.url} target="_blank" rel="noopener noreferrer" className="small">
                {t("certs.official")}
                <span className="visually-hidden"> {t("certs.newTab", { name: c.abbreviation })}</span>
                <span aria-hidden="true"> ↗</span>
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/* ---------- Salary ---------- */

export function SalaryRangeChart({ salary }: { salary: PlanSalary }) {
  const { t, i18n } = useTranslation("results");
  const lang = i18n.language;
  const chart = salaryChart(salary);
  if (chart.rows.length === 0) {
    return (
      <div className="empty" data-testid="salary-chart">
        <p>{t("salary.none")}</p>
      </div>
    );
  }
  const groups = salaryGroups(salary);
  return (
    <div className="salary" data-testid="salary-chart">
      <div className="salary__axis" aria-hidden="true">
        <span className="salary__axis-label small muted">{t("salary.axisUnit")}</span>
        <span className="salary__axis-track">
          {chart.ticks.map((v) => (
            <span key={v} className="salary__tick" style={{ left: `${(v / chart.scaleMax) * 100}%` }}>
              {lang === "ja" ? formatNumber(v / 10_000, lang) : formatMan(v, lang)}
            </span>
          ))}
        </span>
      </div>
      {groups.map(({ kind, s: g }) => (
        <section key={g.role} className={`salary__group salary__group--${kind}`} aria-label={g.name} data-kind={kind}>
          <h3 className="salary__role">
            {g.name} <span className="muted small">{t(kind === "now" ? "salary.now" : kind === "target" ? "salary.target" : "salary.nextStep")}</span>
          </h3>
          <ul className="salary__rows">
            {chart.rows
              .filter((r) => r.role === g.role && r.kind === kind)
              .map((r) => (
                <li key={r.key} className="salary__row">
                  <div className="salary__label">
                    <span className="salary__name">{r.range.label}</span>
                    <span className="salary__value">
                      {r.point ? t("salary.average", { v: formatMan(r.min, lang) }) : formatRange(r.min, r.max, lang)}
                      {r.range.estimate && (
                        <>
                          {" "}
                          <Badge tone="warn">{t("salary.estimate")}</Badge>
                        </>
                      )}
                    </span>
                  </div>
                  <div className="salary__track" aria-hidden="true">
                    {chart.ticks.map((v) => (
                      <span key={v} className="salary__grid" style={{ left: `${(v / chart.scaleMax) * 100}%` }} />
                    ))}
                    {r.point ? (
                      <span className={`salary__point salary__point--${kind}`} style={{ left: `${r.left}%` }} />
                    ) : (
                      <span className={`salary__bar salary__bar--${kind}${r.open ? " salary__bar--open" : ""}`} style={{ left: `${r.left}%`, width: `${r.width}%` }} />
                    )}
                  </div>
                  <p className="salary__source small muted">
                    {r.range.note && <span className="salary__note">{r.range.note} </span>}
                    <span>
                      {t("salary.source")}{" "}
                      {r.range.source.url ? (
                        <a href={r.range.source.url} target="_blank" rel="noopener noreferrer">
                          {r.range.source.name}
                          <span className="visually-hidden"> {t("salary.newTab")}</span>
                        </a>
                      ) : (
                        r.range.source.name
                      )}
                      {t("salary.year", { year: r.range.source.year })}
                    </span>
                  </p>
                </li>
              ))}
          </ul>
        </section>
      ))}
      <p className="salary__keys small muted">
        <span className="legend-bar" aria-hidden="true" /> {t("salary.keyRange")} <span className="legend-dot" aria-hidden="true" /> {t("salary.keyPoint")}{" "}
        <span className="legend-open" aria-hidden="true" /> {t("salary.keyOpen")}
      </p>
    </div>
  );
}

/* ---------- Share ---------- */

/** SharedWith lists the advisors who see the results, each with a button to stop. */
export function SharedWith({ shares, onStop, busy, error }: { shares: Share[]; onStop: (advisorId: string) => void; busy?: boolean; error?: string }) {
  const { t, i18n } = useTranslation("results");
  return (
    <div className="share__list">
      <h3>{t("share.current")}</h3>
      {error && (
        <p className="alert alert--error" role="alert">
          {error}
        </p>
      )}
      {shares.length === 0 ? (
        <p className="muted small">{t("share.noneYet")}</p>
      ) : (
        <ul>
          {shares.map((s) => (
            <li key={s.advisor_id} className="spread">
              <span>
                <strong>{s.display_name}</strong> <span className="muted small">{t("share.since", { date: formatDate(s.shared_at, i18n.language) })}</span>
              </span>
              <button type="button" className="btn btn--ghost btn--small" onClick={() => onStop(s.advisor_id)} disabled={busy}>
                {t("share.stop")}
                <span className="visually-hidden">: {s.display_name}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function SignupPrompt() {
  const { t } = useTranslation("results");
  return (
    <div className="signup-prompt">
      <p>{t("share.signupLead")}</p>
      <ul className="signup-prompt__list small">
        <li>{t("share.signup1")}</li>
        <li>{t("share.signup2")}</li>
        <li>{t("share.signup3")}</li>
      </ul>
      <div className="row">
        <Link to="/signup" className="btn btn--primary" data-testid="signup-cta">
          {t("share.signupButton")}
        </Link>
        <Link to="/signin">{t("share.signinLink")}</Link>
      </div>
    </div>
  );
}

/* ---------- Comparison ---------- */

export function ComparePanel({
  attempts,
  selected,
  onSelect,
  deltas,
  before,
  roleName,
  loading,
  error,
}: {
  attempts: MyAssessment[];
  selected: string;
  onSelect: (id: string) => void;
  deltas: DimensionDelta[] | null;
  /** role is null when the earlier attempt recommended none (its answers were not reliable). */
  before: { lean: Lean; pm: number; pmo: number; role: string | null; date: string } | null;
  roleName: (slug: string) => string;
  loading: boolean;
  error?: string | null;
}) {
  const { t, i18n } = useTranslation("results");
  const selectId = useId();
  const big = deltas ? biggestChanges(deltas) : null;
  return (
    <div className="compare">
      <div className="field compare__pick no-print">
        <label htmlFor={selectId}>{t("compare.pick")}</label>
        <select id={selectId} value={selected} onChange={(e) => onSelect(e.target.value)} data-testid="compare-select">
          <option value="">{t("compare.none")}</option>
          {attempts.map((a) => (
            <option key={a.id} value={a.id}>
              {t("compare.option", {
                date: formatDate(a.submitted_at ?? a.created_at, i18n.language),
                lean: a.lean ? t(`leanShort.${a.lean}`) : "—",
                role: a.recommended_role ? roleName(a.recommended_role) : "—",
              })}
            </option>
          ))}
        </select>
      </div>
      {loading && <p className="muted">{t("compare.loading")}</p>}
      {error && (
        <p className="alert alert--error" role="alert">
          {error}
        </p>
      )}
      {before && deltas && (
        <div className="compare__result" aria-live="polite">
          <p className="compare__lean">
            {before.role === null
              ? t("compare.previousNoRole", { date: before.date, lean: t(`leanShort.${before.lean}`), pm: before.pm, pmo: before.pmo })
              : t("compare.previous", { date: before.date, lean: t(`leanShort.${before.lean}`), pm: before.pm, pmo: before.pmo, role: roleName(before.role) })}
          </p>
          {big && (big.up || big.down) && (
            <p className="small">
              {big.up && t("compare.up", { name: big.up.name, d: formatDelta(big.up.delta) })} {big.down && t("compare.down", { name: big.down.name, d: formatDelta(big.down.delta) })}
            </p>
          )}
          <div className="table-wrap">
            <table className="compare__table">
              <caption className="visually-hidden">{t("compare.caption")}</caption>
              <ColumnHeads
                columns={[
                  { label: t("radar.dimension") },
                  { label: t("compare.before"), numeric: true },
                  { label: t("compare.now"), numeric: true },
                  { label: t("compare.delta"), numeric: true },
                ]}
              />
              <tbody>
                {deltas.map((d) => (
                  <tr key={d.key}>
                    <th scope="row">{d.name}</th>
                    <td className="num">{d.before ?? "—"}</td>
                    <td className="num">{d.now}</td>
                    <td className={`num delta${d.delta && d.delta > 0 ? " delta--up" : d.delta && d.delta < 0 ? " delta--down" : ""}`}>
                      <span aria-hidden="true">{d.delta && d.delta > 0 ? "▲ " : d.delta && d.delta < 0 ? "▼ " : ""}</span>
                      {formatDelta(d.delta)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </div>
  );
}
