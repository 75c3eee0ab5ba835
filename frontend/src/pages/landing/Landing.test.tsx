import { render, screen, within } from "@testing-library/react";
import { MemoryRouter } from "react-router-dom";
import { setLang } from "../../i18n";
import Landing from "../Landing";
import { PM_ROLES, PMO_ROLES } from "./sections";

function stubQuestionnaires(minutes: number, items: number) {
  vi.stubGlobal(
    "fetch",
    vi.fn(async () => new Response(JSON.stringify({ questionnaires: [{ slug: "pm-pmo-fit", version: 1, title: "", description: "", minutes, items }] }), { status: 200, headers: { "Content-Type": "application/json" } })),
  );
}

describe("Landing", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("leads to the quiz and to every role, with the length from the server", async () => {
    await setLang("en");
    stubQuestionnaires(15, 61);
    render(
      <MemoryRouter>
        <Landing />
      </MemoryRouter>,
    );
    expect(screen.getByTestId("landing-start")).toHaveAttribute("href", "/quiz");
    expect(screen.getByRole("heading", { level: 1 })).toHaveFocus();
    expect(await screen.findByText("About 15 minutes, 61 questions")).toBeInTheDocument();
    for (const slug of [...PMO_ROLES, ...PM_ROLES]) {
      expect(screen.getAllByRole("link").some((a) => a.getAttribute("href") === `/roles/${slug}`)).toBe(true);
    }
    const ladder = screen.getByRole("heading", { name: "The four PMO roles" }).closest("section")!;
    expect(within(ladder).getByRole("link", { name: "PMO director" })).toHaveAttribute("href", "/roles/pmo-director");
    expect(document.title).toBe("Find out whether PM or PMO suits you | pmpath");
  });

  it("reads in Japanese and shows a message left by another page once", async () => {
    await setLang("ja");
    stubQuestionnaires(12, 59);
    render(
      <MemoryRouter initialEntries={[{ pathname: "/", state: { notice: "accountErased" } }]}>
        <Landing />
      </MemoryRouter>,
    );
    expect(screen.getByRole("status")).toHaveTextContent("アカウントを削除しました");
    expect(screen.getByTestId("landing-start")).toHaveTextContent("無料で診断をはじめる");
    expect(screen.getByText("625万〜850万円")).toBeInTheDocument();
    expect(await screen.findByText("約12分・59問")).toBeInTheDocument();
  });
});
