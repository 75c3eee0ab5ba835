// The listing results shared by the dashboard and the talent pool, driven
// by a hand-made listing state: each state shows what it should, and the
// buttons call the listing back.
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createRef } from "react";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { ApiError } from "../../api/client";
import type { CandidatePage } from "../../api/types";
import i18n from "../../i18n";
import { ListingPager, ListingResults } from "./CandidateListing";
import { emptyFilters, type ListState } from "./listing";
import type { Listing } from "./useListing";

beforeAll(async () => {
  await i18n.changeLanguage("en");
});

const page: CandidatePage = {
  candidates: [{ id: "c1", display_name: "Aiko", recommended_role: "pmo-analyst", recommended_role_name: "PMO analyst", lean: "pmo", fit: 82 }],
  next_cursor: "n2",
};

function listing(over: { state?: Partial<ListState>; data?: CandidatePage; error?: ApiError; loading?: boolean; stack?: string[] } = {}): Listing {
  const state: ListState = { ...emptyFilters, sort: "fit", limit: 20, cursor: null, ...over.state };
  return {
    state,
    paging: { cursor: state.cursor, stack: over.stack ?? [] },
    res: { data: over.data, error: over.error, loading: over.loading ?? false, reload: vi.fn(async () => {}), setData: vi.fn() },
    heading: createRef<HTMLHeadingElement>(),
    applyFilters: vi.fn(),
    setSort: vi.fn(),
    next: vi.fn(),
    previous: vi.fn(),
    firstPage: vi.fn(),
  };
}

function show(list: Listing) {
  return render(
    <ListingResults list={list} headingId="h" title="Candidates" noMatch="Nobody matches." empty={<p>Nobody has shared yet.</p>}>
      {(rows) => (
        <>
          <ul>
            {rows.map((r) => (
              <li key={r.id}>{r.display_name}</li>
            ))}
          </ul>
          <ListingPager list={list} />
        </>
      )}
    </ListingResults>,
  );
}

describe("ListingResults", () => {
  it("draws the rows under the heading, with the page number after the first page", async () => {
    const list = listing({ data: page, state: { cursor: "c2" }, stack: [""] });
    show(list);
    expect(screen.getByRole("heading", { level: 2 })).toHaveTextContent("Candidates Page 2");
    expect(screen.getByRole("listitem")).toHaveTextContent("Aiko");
    await userEvent.click(screen.getByTestId("pager-next"));
    expect(list.next).toHaveBeenCalledOnce();
    await userEvent.click(screen.getByRole("button", { name: /Previous page/ }));
    expect(list.previous).toHaveBeenCalledOnce();
  });

  it("tells an empty listing from one the filters emptied, and clears the filters", async () => {
    const { unmount } = show(listing({ data: { candidates: [], next_cursor: null } }));
    expect(screen.getByText("Nobody has shared yet.")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Clear filters" })).not.toBeInTheDocument();
    unmount();
    const filtered = listing({ data: { candidates: [], next_cursor: null }, state: { lean: "pm", q: "ai" } });
    show(filtered);
    expect(screen.getByText("Nobody matches.")).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Clear filters" }));
    expect(filtered.applyFilters).toHaveBeenCalledWith(emptyFilters);
  });

  it("offers the first page instead of a retry when the cursor went stale", async () => {
    const stale = listing({ error: new ApiError({ type: "urn:pmpath:problem:invalid", title: "Invalid", status: 422, errors: [{ path: "query.cursor", message: "is not valid" }] }), state: { cursor: "old" } });
    const { unmount } = show(stale);
    expect(screen.queryByRole("button", { name: "Try again" })).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Start again from the first page" }));
    expect(stale.firstPage).toHaveBeenCalledOnce();
    unmount();
    const down = listing({ error: new ApiError({ type: "about:blank", title: "Server error", status: 500 }) });
    show(down);
    await userEvent.click(screen.getByRole("button", { name: "Try again" }));
    expect(down.res.reload).toHaveBeenCalledOnce();
  });

  it("shows loading before the first page and a note while the next one loads", () => {
    const { unmount } = show(listing({ loading: true }));
    expect(screen.getByRole("status")).toHaveTextContent("Loading");
    unmount();
    show(listing({ data: page, loading: true }));
    expect(screen.getByRole("status")).toHaveTextContent("Updating…");
  });
});
