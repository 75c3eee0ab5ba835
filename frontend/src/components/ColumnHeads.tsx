// A table's header row from a list of columns, so every table marks its
// column headers the same way (scope="col", numbers right-aligned).
import type { ReactNode } from "react";

export interface Column {
  label: ReactNode;
  /** A column of numbers: right-aligned like its cells. */
  numeric?: boolean;
  className?: string;
  /** Only for screen readers, e.g. over a column of bars. */
  hiddenLabel?: boolean;
}

/** ColumnHeads renders the thead; a false entry leaves its column out. */
export function ColumnHeads({ columns }: { columns: (Column | false)[] }) {
  return (
    <thead>
      <tr>
        {columns.map(
          (c, i) =>
            c && (
              <th key={i} scope="col" className={[c.numeric ? "num" : "", c.className ?? ""].filter(Boolean).join(" ") || undefined}>
                {c.hiddenLabel ? <span className="visually-hidden">{c.label}</span> : c.label}
              </th>
            ),
        )}
      </tr>
    </thead>
  );
}
