// Helpers of the account-page tests: a candidate account, JSON responses, a
// stubbed fetch that records its calls, and a router that shows where the
// page sent the person (path and state).
import { render } from "@testing-library/react";
import type { ReactElement } from "react";
import { MemoryRouter, Route, Routes, useLocation } from "react-router-dom";
import { afterEach, beforeEach, vi } from "vitest";
import { AuthProvider } from "../../auth/AuthContext";
import { setLang } from "../../i18n";

export const candidate = { id: "u1", email: "aiko@example.com", display_name: "Aiko", role: "candidate", discoverable: false, created_at: "2026-01-01T00:00:00Z", latest_result: null };

/** session is what /auth/login and /auth/register answer for the candidate. */
export const session = { access_token: "at", token_type: "Bearer", expires_in: 900, refresh_token: "rt", refresh_expires_at: "2027-01-01T00:00:00Z", user: candidate };

export function json(status: number, body: unknown) {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": status >= 400 ? "application/problem+json" : "application/json" } });
}

export interface Call {
  url: string;
  init?: RequestInit;
}

/** stubFetch answers every request with handler and returns the list the calls are recorded in. */
export function stubFetch(handler: (url: string, init?: RequestInit) => Response): Call[] {
  const calls: Call[] = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (url: string, init?: RequestInit) => {
      calls.push({ url, init });
      return handler(url, init);
    }),
  );
  return calls;
}

/**
 * withStubbedFetch sets each test of the surrounding describe up with a
 * clean localStorage and English, and undoes the fetch stub after it.
 * stub() installs the handler; calls lists the requests of the test.
 */
export function withStubbedFetch() {
  const net = {
    calls: [] as Call[],
    stub(handler: (url: string, init?: RequestInit) => Response) {
      net.calls = stubFetch(handler);
    },
  };
  beforeEach(async () => {
    localStorage.clear();
    net.calls = [];
    await setLang("en");
  });
  afterEach(() => vi.unstubAllGlobals());
  return net;
}

function Where() {
  const loc = useLocation();
  return <p data-testid="where">{loc.pathname + JSON.stringify(loc.state)}</p>;
}

/** renderPage shows page at path; any other path renders its pathname and state in data-testid="where". */
export function renderPage(path: string, page: ReactElement, state?: unknown) {
  return render(
    <MemoryRouter initialEntries={[{ pathname: path, state }]}>
      <AuthProvider>
        <Routes>
          <Route path={path} element={page} />
          <Route path="*" element={<Where />} />
        </Routes>
      </AuthProvider>
    </MemoryRouter>,
  );
}
