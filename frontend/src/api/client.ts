// The API client: JSON over fetch, RFC 9457 problem documents turned into
// ApiError, bearer tokens refreshed once on a 401, and the chosen language
// sent with every request.
import type { components, paths } from "./schema.gen";
import type { Session } from "./types";

/** Problem is an RFC 9457 problem document, as every error response carries. */
export type Problem = components["schemas"]["Problem"];
export type FieldError = NonNullable<Problem["errors"]>[number];

export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(problem.detail || problem.title);
    this.status = problem.status;
    this.problem = problem;
  }
  /** fieldError returns the message for one JSON path, if any. */
  fieldError(path: string): string | undefined {
    return this.problem.errors?.find((e) => e.path === path)?.message;
  }
}

const SESSION_KEY = "pmpath.session";

/** TokenStore keeps the session in localStorage so a reload stays signed in. */
export const tokens = {
  get(): Session | null {
    try {
      const raw = localStorage.getItem(SESSION_KEY);
      return raw ? (JSON.parse(raw) as Session) : null;
    } catch {
      return null;
    }
  },
  set(s: Session | null) {
    if (s) localStorage.setItem(SESSION_KEY, JSON.stringify(s));
    else localStorage.removeItem(SESSION_KEY);
    window.dispatchEvent(new Event("pmpath:session"));
  },
};

let currentLang = "ja";
export function setApiLanguage(lang: string) {
  currentLang = lang;
}

export interface RequestOptions {
  method?: string;
  body?: unknown;
  headers?: Record<string, string>;
  auth?: boolean;
  /** The browser delivers the request even as the page goes away. */
  keepalive?: boolean;
}

async function send(path: string, opts: RequestOptions, token?: string): Promise<Response> {
  const headers: Record<string, string> = { Accept: "application/json", "Accept-Language": currentLang, ...opts.headers };
  if (opts.body !== undefined) headers["Content-Type"] = "application/json";
  if (token) headers.Authorization = `Bearer ${token}`;
  return fetch(path, {
    method: opts.method ?? "GET",
    headers,
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    ...(opts.keepalive ? { keepalive: true } : {}),
  });
}

const REFRESH_PATH = "/api/v1/auth/refresh" satisfies keyof paths;
let refreshing: Promise<boolean> | null = null;

/** refresh trades the refresh token for a new pair, once at a time. */
async function refresh(): Promise<boolean> {
  const s = tokens.get();
  if (!s) return false;
  refreshing ??= (async () => {
    try {
      const res = await send(REFRESH_PATH, { method: "POST", body: { refresh_token: s.refresh_token } });
      if (!res.ok) {
        tokens.set(null);
        return false;
      }
      const next = (await res.json()) as Session;
      tokens.set({ ...next, user: s.user });
      return true;
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

async function problemOf(res: Response): Promise<ApiError> {
  try {
    const p = (await res.json()) as Problem;
    if (p && typeof p.status === "number") return new ApiError(p);
  } catch {
    /* not a problem document */
  }
  return new ApiError({ type: "about:blank", title: res.statusText || "Error", status: res.status });
}

/** api performs a request and returns the decoded JSON body. */
export async function api<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const withAuth = opts.auth ?? true;
  let res = await send(path, opts, withAuth ? tokens.get()?.access_token : undefined);
  if (res.status === 401 && withAuth && tokens.get()) {
    if (await refresh()) res = await send(path, opts, tokens.get()?.access_token);
  }
  if (!res.ok) throw await problemOf(res);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}
