import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter } from "react-router-dom";
import i18n, { setLang } from "../i18n";
import { AuthProvider } from "../auth/AuthContext";
import Layout from "./Layout";

function renderLayout() {
  return render(
    <MemoryRouter>
      <AuthProvider>
        <Layout>
          <p>content</p>
        </Layout>
      </AuthProvider>
    </MemoryRouter>,
  );
}

describe("Layout", () => {
  beforeEach(async () => {
    localStorage.clear();
    await setLang("ja");
  });

  it("offers the quiz and sign-in to visitors, with a skip link first", () => {
    renderLayout();
    const links = screen.getAllByRole("link");
    expect(links[0]).toHaveTextContent("本文へ移動");
    expect(screen.getByRole("link", { name: "適性診断" })).toHaveAttribute("href", "/quiz");
    expect(screen.getByRole("link", { name: "ログイン" })).toBeInTheDocument();
    expect(screen.queryByRole("link", { name: "管理" })).not.toBeInTheDocument();
  });

  it("switches the language, remembers it and sets <html lang>", async () => {
    renderLayout();
    await userEvent.click(screen.getByTestId("lang-switch"));
    expect(await screen.findByRole("link", { name: "Take the assessment" })).toBeInTheDocument();
    expect(localStorage.getItem("pmpath.lang")).toBe("en");
    expect(document.documentElement.lang).toBe("en");
    expect(i18n.language).toBe("en");
  });
});
