import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { setLang } from "../../i18n";
import { ErrorSummary, PasswordField, TextField } from "./fields";

function Controlled({ error }: { error?: string }) {
  const [v, setV] = useState("");
  return <PasswordField id="pw" label="Password" hint="At least 10 characters" value={v} onChange={setV} error={error} />;
}

describe("form fields", () => {
  beforeEach(async () => {
    await setLang("en");
  });

  it("labels a text field and ties its hint and error to it", () => {
    render(<TextField id="email" label="E-mail" hint="For signing in" value="" onChange={() => {}} error="Enter your e-mail address." />);
    const input = screen.getByLabelText("E-mail");
    expect(input).toHaveAttribute("aria-invalid", "true");
    expect(input).toHaveAccessibleDescription("For signing in Enter your e-mail address.");
  });

  it("shows and hides the password with a button", async () => {
    render(<Controlled />);
    const input = screen.getByLabelText("Password");
    expect(input).toHaveAttribute("type", "password");
    await userEvent.type(input, "secret words");
    await userEvent.click(screen.getByRole("button", { name: /^Show\s*\(Password\)$/ }));
    expect(input).toHaveAttribute("type", "text");
    expect(input).toHaveValue("secret words");
    await userEvent.click(screen.getByRole("button", { name: /^Hide\s*\(Password\)$/ }));
    expect(input).toHaveAttribute("type", "password");
    expect(input).not.toHaveAttribute("aria-invalid");
  });

  it("focuses the error summary on each failed attempt and links to the fields", async () => {
    const items = [{ id: "pw", label: "Password", message: "Too short" }];
    const { rerender } = render(
      <>
        <ErrorSummary title="Please check the form" items={[]} attempt={0} />
        <Controlled />
      </>,
    );
    expect(screen.queryByTestId("error-summary")).not.toBeInTheDocument();
    rerender(
      <>
        <ErrorSummary title="Please check the form" items={items} attempt={1} />
        <Controlled error="Too short" />
      </>,
    );
    const summary = screen.getByTestId("error-summary");
    expect(summary).toHaveFocus();
    await userEvent.click(screen.getByRole("link", { name: "Password: Too short" }));
    expect(screen.getByLabelText("Password")).toHaveFocus();
  });

  it("shows a message without field items", () => {
    render(<ErrorSummary title="Please check the form" message="The e-mail address or the password is wrong." items={[]} attempt={1} />);
    expect(screen.getByTestId("error-summary")).toHaveTextContent("The e-mail address or the password is wrong.");
  });
});
