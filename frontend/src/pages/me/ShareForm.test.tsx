// The one share form, on My page and under a result: it checks the
// address, posts it and says who now sees the results.
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { json, withStubbedFetch } from "../auth/testing";
import { ShareForm } from "./ShareForm";

const sato = { advisor_id: "adv1", display_name: "Sato", shared_at: "2026-02-01T00:00:00Z" };

describe("ShareForm", () => {
  const net = withStubbedFetch();

  it("posts the address and hands the share to the page", async () => {
    net.stub(() => json(201, sato));
    const onShared = vi.fn();
    render(<ShareForm onShared={onShared} />);
    const form = screen.getByTestId("share-form");
    const input = within(form).getByLabelText("Advisor's e-mail address");
    await userEvent.type(input, " advisor@example.com ");
    await userEvent.click(within(form).getByRole("button", { name: "Share" }));
    expect(await screen.findByText("Your results are now shared with Sato.")).toBeInTheDocument();
    expect(net.calls).toHaveLength(1);
    expect(net.calls[0].url).toBe("/api/v1/me/shares");
    expect(net.calls[0].init?.method).toBe("POST");
    expect(JSON.parse(String(net.calls[0].init?.body))).toEqual({ advisor_email: "advisor@example.com" });
    expect(onShared).toHaveBeenCalledWith(sato);
    expect(input).toHaveValue("");
  });

  it("checks the address before sending it", async () => {
    net.stub(() => json(201, sato));
    render(<ShareForm onShared={() => {}} />);
    const input = screen.getByLabelText("Advisor's e-mail address");
    await userEvent.type(input, "not-an-address");
    await userEvent.click(screen.getByRole("button", { name: "Share" }));
    expect(input).toHaveAttribute("aria-invalid", "true");
    expect(input).toHaveFocus();
    expect(net.calls).toHaveLength(0);
  });

  it("shows an unknown advisor at the field", async () => {
    net.stub(() => json(404, { type: "urn:pmpath:problem:not-found", title: "Not Found", status: 404 }));
    const onShared = vi.fn();
    render(<ShareForm onShared={onShared} />);
    const input = screen.getByLabelText("Advisor's e-mail address");
    await userEvent.type(input, "nobody@example.com");
    await userEvent.click(screen.getByRole("button", { name: "Share" }));
    expect(await screen.findByText("No advisor has this e-mail address. Please check it.")).toBeInTheDocument();
    expect(input).toHaveAttribute("aria-invalid", "true");
    expect(input).toHaveValue("nobody@example.com");
    expect(onShared).not.toHaveBeenCalled();
  });

  it("shows the server's reason for a refused address", async () => {
    net.stub(() => json(422, { type: "x", title: "Unprocessable", status: 422, errors: [{ path: "$.advisor_email", message: "is not an e-mail address" }] }));
    render(<ShareForm onShared={() => {}} />);
    await userEvent.type(screen.getByLabelText("Advisor's e-mail address"), "a@b.example");
    await userEvent.click(screen.getByRole("button", { name: "Share" }));
    expect(await screen.findByText("is not an e-mail address")).toBeInTheDocument();
  });
});
