import { render, screen, within } from "@testing-library/react";
import { MemoryRouter } from "react-router-dom";
import { beforeAll, describe, expect, it } from "vitest";
import i18n from "../../i18n";
import TalentCards from "./TalentCards";

beforeAll(async () => {
  await i18n.changeLanguage("ja");
});

describe("TalentCards", () => {
  it("shows each candidate with the recommended role's roadmap link, lean and fit", () => {
    render(
      <MemoryRouter>
        <TalentCards
          rows={[
            { id: "u1", display_name: "山田 花子", recommended_role: "pmo-analyst", recommended_role_name: "PMOアナリスト", lean: "pmo", fit: 73 },
            { id: "u2", display_name: "鈴木 一郎", recommended_role: "project-manager", recommended_role_name: "プロジェクトマネージャー", lean: "balanced", fit: 58 },
          ]}
        />
      </MemoryRouter>,
    );
    const list = screen.getByTestId("talent-list");
    const cards = within(list).getAllByRole("listitem");
    expect(cards).toHaveLength(2);
    expect(within(cards[0]).getByRole("heading", { name: "山田 花子" })).toBeInTheDocument();
    expect(within(cards[0]).getByRole("link", { name: /PMOアナリスト/ })).toHaveAttribute("href", "/roles/pmo-analyst");
    expect(within(cards[0]).getByText("PMO寄り")).toBeInTheDocument();
    expect(within(cards[1]).getByText("バランス型")).toBeInTheDocument();
    expect(within(cards[1]).getByRole("meter", { name: "鈴木 一郎さんの適合度 58" })).toHaveAttribute("aria-valuenow", "58");
    // Recruiters never see dates or e-mail addresses.
    expect(list.textContent).not.toMatch(/@|2026/);
  });

  it("says there is no recommendation when the latest answers were refused", () => {
    render(
      <MemoryRouter>
        <TalentCards rows={[{ id: "u3", display_name: "佐藤 次郎", recommended_role: null, recommended_role_name: null, lean: "balanced", fit: 61 }]} />
      </MemoryRouter>,
    );
    const card = screen.getByTestId("talent-card");
    expect(card).toHaveTextContent("推奨なし");
    expect(within(card).queryByRole("link")).toBeNull();
  });
});
