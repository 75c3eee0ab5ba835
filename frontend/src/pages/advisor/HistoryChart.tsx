// Score history: fit, PM and PMO orientation over a candidate's attempts.
// The lines differ in dash pattern as well as colour, and a visually
// hidden table carries the same numbers for screen readers.
import { useTranslation } from "react-i18next";
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ColumnHeads } from "../../components/ColumnHeads";
import { formatDate } from "../../format";
import type { HistoryPoint } from "./history";

export const SERIES = [
  { key: "fit", color: "#c2410c", dash: undefined, width: 3 },
  { key: "pm", color: "#3149c4", dash: "7 4", width: 2 },
  { key: "pmo", color: "#0b7a6e", dash: "2 4", width: 2.5 },
] as const;

export interface HistoryChartProps {
  points: HistoryPoint[];
  roleName: (slug: string) => string;
}

export default function HistoryChart({ points, roleName }: HistoryChartProps) {
  const { t, i18n } = useTranslation("advisor");
  const lang = i18n.language;
  const label = (p: HistoryPoint) => t("history.attemptShort", { n: p.attempt });
  const role = (p: HistoryPoint) => (p.role === null ? t("history.noRole") : roleName(p.role));
  const data = points.map((p) => ({ ...p, label: label(p) }));

  return (
    <figure className="history" data-testid="history-chart">
      <figcaption className="visually-hidden">{t("history.caption")}</figcaption>
      <div className="history__chart" aria-hidden="true">
        <ResponsiveContainer width="100%" height={points.length > 1 ? 280 : 200}>
          <LineChart accessibilityLayer={false} data={data} margin={{ top: 12, right: 20, bottom: 4, left: -12 }}>
            <CartesianGrid stroke="#e6e9f0" vertical={false} />
            <XAxis dataKey="label" tick={{ fill: "#465166", fontSize: 12 }} tickLine={false} axisLine={{ stroke: "#c9ced8" }} padding={{ left: 24, right: 24 }} />
            <YAxis domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} tick={{ fill: "#465166", fontSize: 12 }} tickLine={false} axisLine={false} />
            <Tooltip
              formatter={(value, name) => [String(value), t(`history.series.${String(name)}`)]}
              labelFormatter={(_, payload) => {
                const p = payload?.[0]?.payload as (HistoryPoint & { label: string }) | undefined;
                return p ? `${p.label} · ${formatDate(p.at, lang)} · ${role(p)}` : "";
              }}
            />
            <Legend formatter={(value) => t(`history.series.${String(value)}`)} wrapperStyle={{ fontSize: 13 }} />
            {SERIES.map((s) => (
              <Line
                key={s.key}
                type="monotone"
                dataKey={s.key}
                name={s.key}
                stroke={s.color}
                strokeWidth={s.width}
                strokeDasharray={s.dash}
                dot={{ r: 4, strokeWidth: 2, fill: "#fff" }}
                activeDot={{ r: 6 }}
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
      <div className="visually-hidden">
      <table>
        <caption>{t("history.tableCaption")}</caption>
        <ColumnHeads
          columns={[
            { label: t("history.attempt") },
            { label: t("history.date") },
            { label: t("history.series.fit") },
            { label: t("history.series.pm") },
            { label: t("history.series.pmo") },
            { label: t("history.role") },
          ]}
        />
        <tbody>
          {points.map((p) => (
            <tr key={p.attempt}>
              <th scope="row">{label(p)}</th>
              <td>{formatDate(p.at, lang)}</td>
              <td>{p.fit ?? "—"}</td>
              <td>{p.pm}</td>
              <td>{p.pmo}</td>
              <td>{role(p)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      </div>
    </figure>
  );
}
