// The filter form of a candidate listing. It edits a draft and applies it
// on submit, so screen-reader and keyboard users are not moved around while
// they choose; the URL (and so the table) changes only on "apply".
import { useEffect, useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { hasFilters, LEANS, MAX_QUERY, PAGE_SIZES, type Filters, type ListState, type SortKey } from "./listing";
import type { RoleOption } from "./roles";

export interface FilterFormProps {
  value: ListState;
  roles: RoleOption[] | undefined;
  onApply: (f: Filters, extra: { limit: number; sort: SortKey }) => void;
  /** showSort shows the order choice at every width, for views without sortable headers. */
  showSort?: boolean;
  testId?: string;
}

interface Draft {
  q: string;
  role: string;
  lean: string;
  minFit: string;
  limit: string;
  sort: SortKey;
}

function draftOf(v: ListState): Draft {
  return { q: v.q, role: v.role, lean: v.lean, minFit: v.minFit === null ? "" : String(v.minFit), limit: String(v.limit), sort: v.sort };
}

/** parseMinFit reads the minimum-fit field: empty is no minimum. */
export function parseMinFit(raw: string): { ok: true; value: number | null } | { ok: false } {
  const s = raw.trim();
  if (s === "") return { ok: true, value: null };
  if (!/^\d{1,3}$/.test(s)) return { ok: false };
  const n = Number(s);
  if (n > 100) return { ok: false };
  return { ok: true, value: n === 0 ? null : n };
}

export default function FilterForm({ value, roles, onApply, showSort = false, testId = "candidate-filter" }: FilterFormProps) {
  const { t } = useTranslation("advisor");
  const id = useId();
  const [draft, setDraft] = useState<Draft>(() => draftOf(value));
  const [minFitError, setMinFitError] = useState(false);
  // On phones the form folds away behind a toggle; wider screens always show it.
  const [open, setOpen] = useState(false);
  const active = [value.q, value.role, value.lean, value.minFit].filter((x) => x !== "" && x !== null).length;

  // The URL is the source of truth: back/forward resets the draft.
  useEffect(() => {
    setDraft(draftOf(value));
    setMinFitError(false);
  }, [value]);

  const set = (k: keyof Draft) => (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [k]: e.target.value }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const mf = parseMinFit(draft.minFit);
    if (!mf.ok) {
      setMinFitError(true);
      document.getElementById(`${id}-minfit`)?.focus();
      return;
    }
    setMinFitError(false);
    onApply(
      { q: draft.q.trim(), role: draft.role, lean: draft.lean as Filters["lean"], minFit: mf.value },
      { limit: Number(draft.limit), sort: draft.sort },
    );
  };

  const clear = () => {
    setMinFitError(false);
    onApply({ q: "", role: "", lean: "", minFit: null }, { limit: value.limit, sort: value.sort });
  };

  const pm = roles?.filter((r) => r.track === "pm") ?? [];
  const pmo = roles?.filter((r) => r.track === "pmo") ?? [];

  return (
    <form className={open ? "filters card" : "filters filters--closed card"} role="search" aria-label={t("filters.label")} onSubmit={submit} noValidate data-testid={testId}>
      <button type="button" className="filters__toggle" aria-expanded={open} aria-controls={`${id}-body`} onClick={() => setOpen((o) => !o)}>
        <span>
          <span aria-hidden="true">{open ? "▾" : "▸"} </span>
          {t("filters.toggle")}
        </span>
        <span className="filters__toggle-state">{active > 0 ? t("filters.active", { count: active }) : t("filters.none")}</span>
      </button>
      <div className="filters__body" id={`${id}-body`}>
        <div className="filters__grid">
          <div className="field filters__q">
            <label htmlFor={`${id}-q`}>{t("filters.q")}</label>
            <input id={`${id}-q`} type="search" value={draft.q} onChange={set("q")} maxLength={MAX_QUERY} placeholder={t("filters.qPlaceholder")} autoComplete="off" />
          </div>
          <div className="field filters__role">
            <label htmlFor={`${id}-role`}>{t("filters.role")}</label>
            <select id={`${id}-role`} value={draft.role} onChange={set("role")}>
              <option value="">{t("filters.any")}</option>
              {pm.length > 0 && (
                <optgroup label={t("filters.pmRoles")}>
                  {pm.map((r) => (
                    <option key={r.slug} value={r.slug}>
                      {r.name}
                    </option>
                  ))}
                </optgroup>
              )}
              {pmo.length > 0 && (
                <optgroup label={t("filters.pmoRoles")}>
                  {pmo.map((r) => (
                    <option key={r.slug} value={r.slug}>
                      {r.name}
                    </option>
                  ))}
                </optgroup>
              )}
              {/* A role in the URL that the catalog no longer lists stays selectable. */}
              {draft.role && roles && !roles.some((r) => r.slug === draft.role) && <option value={draft.role}>{draft.role}</option>}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-lean`}>{t("filters.lean")}</label>
            <select id={`${id}-lean`} value={draft.lean} onChange={set("lean")}>
              <option value="">{t("filters.any")}</option>
              {LEANS.map((l) => (
                <option key={l} value={l}>
                  {t(`lean.${l}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-minfit`}>{t("filters.minFit")}</label>
            <input
              id={`${id}-minfit`}
              type="number"
              inputMode="numeric"
              min={0}
              max={100}
              step={1}
              value={draft.minFit}
              onChange={set("minFit")}
              aria-invalid={minFitError || undefined}
              aria-describedby={minFitError ? `${id}-minfit-err` : `${id}-minfit-hint`}
            />
            {minFitError ? (
              <span id={`${id}-minfit-err`} className="field__error">
                {t("filters.minFitError")}
              </span>
            ) : (
              <span id={`${id}-minfit-hint`} className="field__hint">
                {t("filters.minFitHint")}
              </span>
            )}
          </div>
          {/* Without sortable headers (or on phones, where the table becomes cards) the order is chosen here. */}
          <div className={showSort ? "field" : "field filters__sort-narrow"}>
            <label htmlFor={`${id}-sort`}>{t("filters.sort")}</label>
            <select id={`${id}-sort`} value={draft.sort} onChange={(e) => setDraft((d) => ({ ...d, sort: e.target.value === "date" ? "date" : "fit" }))}>
              <option value="fit">{t("filters.sortFit")}</option>
              <option value="date">{t("filters.sortDate")}</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-limit`}>{t("filters.limit")}</label>
            <select id={`${id}-limit`} value={draft.limit} onChange={set("limit")}>
              {PAGE_SIZES.map((n) => (
                <option key={n} value={n}>
                  {t("filters.perPage", { count: n })}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="filters__actions">
          <button type="submit" className="btn btn--primary">
            {t("filters.apply")}
          </button>
          {hasFilters(value) && (
            <button type="button" className="btn btn--ghost" onClick={clear}>
              {t("filters.clear")}
            </button>
          )}
        </div>
      </div>
    </form>
  );
}
