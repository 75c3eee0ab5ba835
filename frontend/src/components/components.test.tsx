// The small shared pieces: column headers, the assessment error, the live
// announcement and the lean colour.
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter } from "react-router-dom";
import { ApiError } from "../api/client";
import { AuthProvider } from "../auth/AuthContext";
import { setLang } from "../i18n";
import AssessmentError from "./AssessmentError";
import { ColumnHeads } from "./ColumnHeads";
import { Announcement, leanTone } from "./ui";

describe("ColumnHeads", () => {
  it("marks every column header, right-aligns numbers, hides a label on request and leaves out false columns", () => {
    render(
      <table>
        <ColumnHeads columns={[{ label: "Name" }, { label: "Score", numeric: true }, { label: "Bar", className: "bar", hiddenLabel: true }, false]} />
      </table>,
    );
    const heads = screen.getAllByRole("columnheader");
    expect(heads.map((h) => h.textContent)).toEqual(["Name", "Score", "Bar"]);
    for (const h of heads) expect(h).toHaveAttribute("scope", "col");
    expect(heads[0]).not.toHaveAttribute("class");
    expect(heads[1]).toHaveClass("num");
    expect(heads[2]).toHaveClass("bar");
    expect(heads[2].querySelector(".visually-hidden")).toHaveTextContent("Bar");
  });
});

describe("AssessmentError", () => {
  const text = { lost: "We couldn't open this.", start: "Start anew", signIn: "Sign in" };
  beforeEach(async () => {
    localStorage.clear();
    await setLang("en");
  });

  function show(error: ApiError, onRetry = vi.fn()) {
    render(
      <MemoryRouter>
        <AuthProvider>
          <AssessmentError error={error} from="/quiz/a1" text={text} onRetry={onRetry} />
        </AuthProvider>
      </MemoryRouter>,
    );
    return onRetry;
  }

  it("offers a new assessment and signing in when this browser may not open it", async () => {
    show(new ApiError({ type: "urn:pmpath:problem:not-found", title: "Not Found", status: 404 }));
    expect(await screen.findByRole("alert")).toHaveTextContent("We couldn't open this.");
    expect(screen.getByRole("link", { name: "Start anew" })).toHaveAttribute("href", "/quiz");
    expect(screen.getByRole("link", { name: "Sign in" })).toHaveAttribute("href", "/signin");
    expect(screen.queryByRole("button", { name: "Try again" })).not.toBeInTheDocument();
  });

  it("shows any other error with a retry", async () => {
    const onRetry = show(new ApiError({ type: "about:blank", title: "Server error", status: 503 }));
    await userEvent.click(await screen.findByRole("button", { name: "Try again" }));
    expect(onRetry).toHaveBeenCalledOnce();
    expect(screen.queryByRole("link", { name: "Start anew" })).not.toBeInTheDocument();
  });
});

describe("Announcement and leanTone", () => {
  it("announces politely without showing", () => {
    render(<Announcement id="a">Saved</Announcement>);
    const region = screen.getByRole("status");
    expect(region).toHaveTextContent("Saved");
    expect(region).toHaveAttribute("aria-live", "polite");
    expect(region).toHaveClass("visually-hidden");
    expect(region).toHaveAttribute("id", "a");
  });

  it("colours PM and PMO and leaves anything else neutral", () => {
    expect(leanTone("pm")).toBe("pm");
    expect(leanTone("pmo")).toBe("pmo");
    expect(leanTone("balanced")).toBe("neutral");
    expect(leanTone(null)).toBe("neutral");
  });
});
