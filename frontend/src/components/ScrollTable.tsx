// A horizontally scrollable table frame that keyboard users can scroll: it
// is a focusable region named by the table's caption.
import { useId, type ReactNode } from "react";
import "./ScrollTable.css";

export default function ScrollTable({ caption, children, className = "", testId, captionVisible = false }: { caption: string; children: ReactNode; className?: string; testId?: string; captionVisible?: boolean }) {
  const id = useId();
  return (
    <div className="table-wrap staff-table-wrap" role="region" aria-labelledby={id} tabIndex={0}>
      <table className={className} data-testid={testId}>
        <caption id={id} className={captionVisible ? undefined : "visually-hidden"}>
          {caption}
        </caption>
        {children}
      </table>
    </div>
  );
}
