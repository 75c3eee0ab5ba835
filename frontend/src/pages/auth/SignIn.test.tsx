// The sign-in page against a stubbed fetch: a wrong password, and the way
// on after signing in (claim, then back where the person came from).
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { assessmentTokens } from "../../api/assessmentTokens";
import SignIn from "./SignIn";
import { candidate as user, json, renderPage, session, withStubbedFetch } from "./testing";

const renderAt = (state?: unknown) => renderPage("/signin", <SignIn />, state);

describe("SignIn", () => {
  const net = withStubbedFetch();
  const stub = net.stub;

  it("shows a notice another page left, and links to sign-up", async () => {
    stub(() => json(404, {}));
    renderAt({ notice: "passwordChanged", from: "/me/privacy" });
    expect(await screen.findByRole("status")).toHaveTextContent("Your password has been changed.");
    expect(screen.getByRole("link", { name: "Sign up free" })).toHaveAttribute("href", "/signup");
  });

  it("says the e-mail or password is wrong, clears the password and focuses the summary", async () => {
    stub((url) => (url.endsWith("/auth/login") ? json(401, { type: "urn:pmpath:problem:unauthenticated", title: "Unauthorized", status: 401 }) : json(404, {})));
    renderAt();
    await userEvent.type(screen.getByLabelText("E-mail address"), "aiko@example.com");
    await userEvent.type(screen.getByLabelText("Password"), "not-the-password");
    await userEvent.click(screen.getByRole("button", { name: "Sign in" }));
    const summary = await screen.findByTestId("error-summary");
    expect(summary).toHaveTextContent("The e-mail address or the password is wrong.");
    expect(summary).toHaveFocus();
    expect(screen.getByLabelText("Password")).toHaveValue("");
    expect(screen.getByLabelText("E-mail address")).toHaveValue("aiko@example.com");
  });

  it("signs in, claims this browser's assessments and goes back where the person came from", async () => {
    assessmentTokens.put({ id: "a1", token: "t1", questionnaire: "pm-pmo-fit", created_at: "2026-01-01T00:00:00Z", submitted: true });
    stub((url, init) => {
      if (url.endsWith("/auth/login")) return json(200, session);
      if (url.endsWith("/me/assessments") && init?.method === "POST") return json(200, { id: "a1", questionnaire: { slug: "pm-pmo-fit", version: 1 }, status: "submitted", created_at: "", submitted_at: "", recommended_role: "pmo-analyst", lean: "pmo", fit: 90 });
      if (url.endsWith("/api/v1/me")) return json(200, user);
      return json(404, { type: "x", title: "x", status: 404 });
    });
    renderAt({ from: "/results/a1" });
    await userEvent.type(screen.getByLabelText("E-mail address"), "aiko@example.com");
    await userEvent.type(screen.getByLabelText("Password"), "correct-horse-battery-staple-42");
    await userEvent.click(screen.getByRole("button", { name: "Sign in" }));
    expect(await screen.findByTestId("where")).toHaveTextContent('/results/a1{"claimed":1}');
    const login = net.calls.find((c) => c.url.endsWith("/auth/login"));
    expect(JSON.parse(String(login?.init?.body))).toEqual({ email: "aiko@example.com", password: "correct-horse-battery-staple-42" });
    await waitFor(() => expect(assessmentTokens.all()).toEqual([]));
  });
});
