import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter, useLocation } from "react-router-dom";
import { setLang } from "../../i18n";
import { analyst, pm } from "./fixtures";
import Roles from "./Roles";

function Search() {
  return <p data-testid="search">{useLocation().search}</p>;
}

describe("Roles", () => {
  beforeEach(async () => {
    await setLang("en");
    const summary = (r: typeof pm) => ({ ...r, certifications: r.certifications.map((c) => c.slug) });
    vi.stubGlobal(
      "fetch",
      vi.fn(async (url: string) => {
        const body = url === "/api/v1/roles" ? { roles: [summary(pm), summary(analyst)] } : { certifications: [...pm.certifications, analyst.certifications[0]] };
        return new Response(JSON.stringify(body), { status: 200, headers: { "Content-Type": "application/json" } });
      }),
    );
  });
  afterEach(() => vi.unstubAllGlobals());

  it("filters by track with tabs that follow the keyboard and the address", async () => {
    render(
      <MemoryRouter initialEntries={["/roles?track=pmo"]}>
        <Roles />
        <Search />
      </MemoryRouter>,
    );
    expect(await screen.findAllByTestId("role-card")).toHaveLength(1);
    expect(screen.getByTestId("role-card")).toHaveAttribute("data-slug", "pmo-analyst");
    const pmoTab = screen.getByRole("tab", { name: "PMO roles" });
    expect(pmoTab).toHaveAttribute("aria-selected", "true");
    pmoTab.focus();
    await userEvent.keyboard("{ArrowRight}");
    expect(screen.getByRole("tab", { name: "All" })).toHaveFocus();
    expect(screen.getAllByTestId("role-card")).toHaveLength(2);
    expect(screen.getByTestId("search")).toHaveTextContent(/^$/);
    await userEvent.click(screen.getByRole("tab", { name: "PM roles" }));
    expect(screen.getByTestId("search")).toHaveTextContent("?track=pm");
    expect(screen.getByTestId("role-card")).toHaveAttribute("data-slug", "project-manager");
    expect(screen.getByTestId("role-card")).toHaveTextContent("CAPM / PMP");
  });
});
