// The sign-up page against a stubbed fetch: client checks, server field
// errors beside the fields, and the claim plus redirect after success.
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { assessmentTokens } from "../../api/assessmentTokens";
import SignUp from "./SignUp";
import { candidate as user, json, renderPage, session, withStubbedFetch } from "./testing";

const renderAt = (state?: unknown) => renderPage("/signup", <SignUp />, state);

describe("SignUp", () => {
  const net = withStubbedFetch();
  const stub = net.stub;

  it("checks the fields before calling the server and focuses the summary", async () => {
    stub(() => json(500, {}));
    renderAt();
    await userEvent.click(screen.getByRole("button", { name: "Create account" }));
    const summary = await screen.findByTestId("error-summary");
    expect(summary).toHaveFocus();
    expect(summary).toHaveTextContent("Display name: Enter a display name.");
    expect(screen.getByLabelText("E-mail address")).toHaveAttribute("aria-invalid", "true");
    expect(net.calls.filter((c) => c.url.includes("/auth/"))).toHaveLength(0);
  });

  it("shows the server's password policy message beside the password", async () => {
    stub((url) =>
      url.endsWith("/auth/register")
        ? json(422, {
            type: "urn:pmpath:problem:invalid",
            title: "Unprocessable Entity",
            status: 422,
            errors: [{ path: "$.password", message: "This password is one of the most common ones and easy to guess. Choose another, for example a few unrelated words." }],
          })
        : json(404, {}),
    );
    renderAt();
    await userEvent.type(screen.getByLabelText("Display name"), "Aiko");
    await userEvent.type(screen.getByLabelText("E-mail address"), "aiko@example.com");
    await userEvent.type(screen.getByLabelText("Password"), "password1234");
    await userEvent.click(screen.getByRole("button", { name: "Create account" }));
    const pw = screen.getByLabelText("Password");
    await waitFor(() => expect(pw).toHaveAttribute("aria-invalid", "true"));
    expect(pw).toHaveAccessibleDescription(expect.stringContaining("one of the most common ones"));
    expect(screen.getByTestId("error-summary")).toHaveFocus();
  });

  it("registers, claims this browser's assessments and goes to My page", async () => {
    assessmentTokens.put({ id: "a1", token: "t1", questionnaire: "pm-pmo-fit", created_at: "2026-01-01T00:00:00Z", submitted: true });
    stub((url, init) => {
      if (url.endsWith("/auth/register")) return json(201, session);
      if (url.endsWith("/me/assessments") && init?.method === "POST") return json(200, { id: "a1", questionnaire: { slug: "pm-pmo-fit", version: 1 }, status: "submitted", created_at: "", submitted_at: "", recommended_role: "pmo-analyst", lean: "pmo", fit: 90 });
      if (url.endsWith("/api/v1/me")) return json(200, user);
      return json(404, { type: "x", title: "x", status: 404 });
    });
    renderAt({ from: "/signin" });
    expect(screen.getByTestId("signup-claim-note")).toHaveTextContent("You took 1 assessment on this device");
    await userEvent.type(screen.getByLabelText("Display name"), "Aiko");
    await userEvent.type(screen.getByLabelText("E-mail address"), "aiko@example.com");
    await userEvent.type(screen.getByLabelText("Password"), "correct-horse-battery-staple-42");
    await userEvent.click(screen.getByRole("button", { name: "Create account" }));
    expect(await screen.findByTestId("where")).toHaveTextContent('/me{"welcome":true,"claimed":1}');
    const claim = net.calls.find((c) => c.url.endsWith("/me/assessments"));
    expect(JSON.parse(String(claim?.init?.body))).toEqual({ assessment_id: "a1", token: "t1" });
    expect(assessmentTokens.all()).toEqual([]);
  });
});
