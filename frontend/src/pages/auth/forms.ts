// Form helpers shared by sign-in, sign-up and the account pages: client-side
// checks (returning i18n keys), turning an API problem into per-field
// messages in the reader's language, and where to go after signing in.
import type { User } from "../../api/types";

/** Errors by field name; values are i18n keys (client checks) or messages (server). */
export type FieldErrors = Record<string, string>;

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 256;
export const DISPLAY_NAME_MAX = 60;

// Deliberately loose: the server has the final say; this catches typos early.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function checkEmail(v: string): string | undefined {
  const s = v.trim();
  if (!s) return "emailRequired";
  if (s.length > 254 || !EMAIL.test(s)) return "emailInvalid";
  return undefined;
}

export function checkDisplayName(v: string): string | undefined {
  const s = v.trim();
  if (!s) return "displayNameRequired";
  if ([...s].length > DISPLAY_NAME_MAX) return "displayNameLong";
  return undefined;
}

/**
 * checkNewPassword mirrors the server's policy where the browser can: length
 * in characters (not bytes) and the e-mail's local part. The common-password
 * check stays on the server, which explains itself in problem.errors.
 */
export function checkNewPassword(pw: string, email = ""): string | undefined {
  const n = [...pw].length;
  if (n === 0) return "passwordRequired";
  if (n < PASSWORD_MIN) return "passwordShort";
  if (n > PASSWORD_MAX) return "passwordLong";
  const e = email.trim().toLowerCase();
  const local = e.split("@")[0] ?? "";
  const lower = pw.toLowerCase();
  if (e && (lower.includes(e) || (local.length >= 4 && lower.includes(local)))) return "passwordEmail";
  return undefined;
}

function collect(entries: [string, string | undefined][]): FieldErrors {
  const out: FieldErrors = {};
  for (const [k, v] of entries) if (v) out[k] = v;
  return out;
}

export function validateSignIn(v: { email: string; password: string }): FieldErrors {
  return collect([
    ["email", checkEmail(v.email)],
    ["password", v.password ? undefined : "passwordRequired"],
  ]);
}

export function validateSignUp(v: { email: string; password: string; displayName: string }): FieldErrors {
  return collect([
    ["display_name", checkDisplayName(v.displayName)],
    ["email", checkEmail(v.email)],
    ["password", checkNewPassword(v.password, v.email)],
  ]);
}

export function validatePasswordChange(v: { current: string; next: string; confirm: string }, email = ""): FieldErrors {
  return collect([
    ["current_password", v.current ? undefined : "currentRequired"],
    ["new_password", checkNewPassword(v.next, email) ?? (v.next === v.current ? "passwordSame" : undefined)],
    ["confirm", v.confirm === v.next ? undefined : "confirmMismatch"],
  ]);
}

/** fieldName turns a problem path ("$.email", "/email", "email") into a form field name. */
export function fieldName(path: string): string {
  return path.replace(/^\$\.?/, "").replace(/^\//, "").replace(/\//g, ".");
}

type Translate = (key: string, opts?: Record<string, unknown>) => string;

/**
 * serverFieldErrors turns problem.errors into messages by field. The server
 * words them in the language the app sends, so they are shown as written.
 * The first message of a field wins.
 */
export function serverFieldErrors(errors: { path: string; message: string }[] | undefined): FieldErrors {
  const out: FieldErrors = {};
  for (const e of errors ?? []) {
    const name = fieldName(e.path);
    if (!out[name]) out[name] = e.message;
  }
  return out;
}

/** FieldLabels names the input of each form field: field name → [input id, label]. */
export type FieldLabels = Record<string, [id: string, label: string]>;

/**
 * summaryItems lists the field errors for the error summary, in the order
 * they came, leaving out fields the form does not show.
 */
export function summaryItems(errors: FieldErrors, labels: FieldLabels): { id: string; label: string; message: string }[] {
  return Object.entries(errors)
    .filter(([k]) => labels[k])
    .map(([k, m]) => ({ id: labels[k][0], label: labels[k][1], message: m }));
}

/** translateKeys turns client-check keys into messages. */
export function translateKeys(errors: FieldErrors, t: Translate): FieldErrors {
  const out: FieldErrors = {};
  for (const [k, v] of Object.entries(errors)) out[k] = t(`validation.${v}`, { min: PASSWORD_MIN, max: PASSWORD_MAX });
  return out;
}

export const HOME_BY_ROLE: Record<User["role"], string> = {
  candidate: "/me",
  advisor: "/advisor",
  recruiter: "/talent",
  admin: "/admin",
};

// Paths only some roles may open; anything else is open to every signed-in user.
const AREA_ROLES: [string, User["role"][]][] = [
  ["/advisor", ["advisor"]],
  ["/talent", ["recruiter"]],
  ["/admin", ["admin"]],
];

/**
 * redirectTarget picks where to go after signing in: back where the person
 * came from when that is a page of this app they may open, else their home.
 */
export function redirectTarget(from: unknown, role: User["role"]): string {
  const home = HOME_BY_ROLE[role];
  if (typeof from !== "string" || !from.startsWith("/") || from.startsWith("//") || from.includes("\\")) return home;
  const path = from.split(/[?#]/)[0];
  // The start page and the sign-in pages lead nowhere useful after signing in.
  if (path === "/" || path === "/signin" || path === "/signup") return home;
  for (const [prefix, roles] of AREA_ROLES) {
    if ((path === prefix || path.startsWith(prefix + "/")) && !roles.includes(role)) return home;
  }
  // Staff have no assessments; their account settings (/me/privacy) are fine.
  if (path === "/me" && role !== "candidate") return home;
  return from;
}

/** fromState reads location.state.from, whatever shape the state has. */
export function fromState(state: unknown): unknown {
  return typeof state === "object" && state !== null && "from" in state ? (state as { from: unknown }).from : undefined;
}

/** noticeState reads location.state.notice: a message key another page left for this one. */
export function noticeState(state: unknown): string | undefined {
  const n = typeof state === "object" && state !== null && "notice" in state ? (state as { notice: unknown }).notice : undefined;
  return typeof n === "string" ? n : undefined;
}
