// The candidate page against a stubbed API that answers with a response
// captured from a real server: it renders the server's reasons and asks for
// nothing it does not need (no role profile to re-derive them).
import { render, screen, within } from "@testing-library/react";
import { MemoryRouter, Route, Routes } from "react-router-dom";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import i18n from "../../i18n";
import Candidate from "./Candidate";
import fixtureNone from "./fixtures/candidate-no-result.en.json";
import fixtureEn from "./fixtures/candidate.en.json";

beforeAll(async () => {
  await i18n.changeLanguage("en");
});

afterEach(() => {
  vi.unstubAllGlobals();
});

function serve(candidate: unknown) {
  const calls: string[] = [];
  const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { "Content-Type": "application/json" } });
  vi.stubGlobal(
    "fetch",
    vi.fn(async (input: RequestInfo | URL) => {
      const url = String(input);
      calls.push(url);
      if (url.endsWith("/notes")) return json({ notes: [{ id: "n1", body: "Talked about PMO-S.", created_at: "2026-11-25T20:00:00Z" }] });
      if (url === "/api/v1/certifications") return json({ certifications: [{ slug: "npmo-pjm-a", abbreviation: "PJM-A", name: "NPMO PJM-A" }] });
      if (url.startsWith("/api/v1/advisor/candidates/")) return json(candidate);
      return new Response(JSON.stringify({ type: "about:blank", title: "Not Found", status: 404 }), { status: 404 });
    }),
  );
  return calls;
}

function open(id: string) {
  return render(
    <MemoryRouter initialEntries={[`/advisor/candidates/${id}`]}>
      <Routes>
        <Route path="/advisor/candidates/:id" element={<Candidate />} />
      </Routes>
    </MemoryRouter>,
  );
}

describe("Candidate page", () => {
  it("renders the latest result from the API response, the history and the notes", async () => {
    const calls = serve(fixtureEn);
    open(fixtureEn.id);
    expect(await screen.findByRole("heading", { level: 1, name: fixtureEn.display_name })).toBeInTheDocument();
    const fits = screen.getAllByTestId("role-fit");
    expect(fits).toHaveLength(3);
    expect(within(fits[1]).getByText(fixtureEn.latest_result.roles[1].why[0])).toBeInTheDocument();
    expect(screen.getByTestId("readiness-level")).toHaveTextContent("Lead");
    expect(await screen.findByText("PJM-A")).toBeInTheDocument();
    expect(screen.getByTestId("history-chart")).toBeInTheDocument();
    // History names roles from the result, not from the catalog.
    expect(within(screen.getByRole("table", { name: "Score history (table)" })).getAllByText("PMO administrator")).toHaveLength(2);
    expect(screen.getByRole("table", { name: "Score and change per dimension" })).toBeInTheDocument();
    expect(await screen.findByText("Talked about PMO-S.")).toBeInTheDocument();
    expect(calls.some((u) => u.startsWith("/api/v1/roles"))).toBe(false);
    expect([...new Set(calls)].sort()).toEqual([`/api/v1/advisor/candidates/${fixtureEn.id}`, `/api/v1/advisor/candidates/${fixtureEn.id}/notes`, "/api/v1/certifications"]);
  });

  it("shows a sensible state for a candidate without results and still offers notes", async () => {
    const calls = serve(fixtureNone);
    open(fixtureNone.id);
    expect(await screen.findByTestId("no-result")).toHaveTextContent("This candidate has no submitted results yet.");
    expect(screen.queryByTestId("history-chart")).toBeNull();
    expect(screen.getByLabelText("New note")).toBeInTheDocument();
    expect(calls.some((u) => u.includes("/certifications") || u.startsWith("/api/v1/roles"))).toBe(false);
  });
});
