import {
  checkEmail,
  checkNewPassword,
  fieldName,
  fromState,
  noticeState,
  redirectTarget,
  serverFieldErrors,
  summaryItems,
  translateKeys,
  validatePasswordChange,
  validateSignIn,
  validateSignUp,
} from "./forms";

describe("client checks", () => {
  it("checks e-mail addresses loosely", () => {
    expect(checkEmail("")).toBe("emailRequired");
    expect(checkEmail("   ")).toBe("emailRequired");
    expect(checkEmail("aiko")).toBe("emailInvalid");
    expect(checkEmail("aiko@example")).toBe("emailInvalid");
    expect(checkEmail(" aiko@example.com ")).toBeUndefined();
  });

  it("mirrors the password policy the browser can check", () => {
    expect(checkNewPassword("")).toBe("passwordRequired");
    expect(checkNewPassword("short pw")).toBe("passwordShort");
    // Ten characters counted as characters, not bytes.
    expect(checkNewPassword("ながいぱすわーどです")).toBeUndefined();
    expect(checkNewPassword("x".repeat(257))).toBe("passwordLong");
    expect(checkNewPassword("aiko-loves-pm-2026", "Aiko@example.com")).toBe("passwordEmail");
    expect(checkNewPassword("my aiko@example.com pw", "aiko@example.com")).toBe("passwordEmail");
    // A short local part ("jo") is not looked for.
    expect(checkNewPassword("jo-jo-banana-split", "jo@example.com")).toBeUndefined();
    expect(checkNewPassword("correct-horse-battery-staple-42", "aiko@example.com")).toBeUndefined();
  });

  it("validates the sign-up form field by field", () => {
    expect(validateSignUp({ email: "", password: "", displayName: "" })).toEqual({
      display_name: "displayNameRequired",
      email: "emailRequired",
      password: "passwordRequired",
    });
    expect(validateSignUp({ email: "aiko@example.com", password: "correct-horse-battery-staple-42", displayName: "あ".repeat(61) })).toEqual({ display_name: "displayNameLong" });
    expect(validateSignUp({ email: "aiko@example.com", password: "correct-horse-battery-staple-42", displayName: "Aiko" })).toEqual({});
  });

  it("validates sign-in without judging the password's strength", () => {
    expect(validateSignIn({ email: "aiko@example.com", password: "x" })).toEqual({});
    expect(validateSignIn({ email: "nope", password: "" })).toEqual({ email: "emailInvalid", password: "passwordRequired" });
  });

  it("validates a password change", () => {
    expect(validatePasswordChange({ current: "", next: "correct-horse-battery-staple-42", confirm: "different" })).toEqual({
      current_password: "currentRequired",
      confirm: "confirmMismatch",
    });
    expect(validatePasswordChange({ current: "old-passphrase-1", next: "old-passphrase-1", confirm: "old-passphrase-1" })).toEqual({ new_password: "passwordSame" });
    expect(validatePasswordChange({ current: "old-passphrase-1", next: "new passphrase two", confirm: "new passphrase two" })).toEqual({});
  });
});

describe("server field errors", () => {
  const t = (key: string, opts?: Record<string, unknown>) => `${key}${opts?.min ? `:${String(opts.min)}` : ""}`;

  it("reads every path style as a field name", () => {
    expect(fieldName("$.email")).toBe("email");
    expect(fieldName("/email")).toBe("email");
    expect(fieldName("display_name")).toBe("display_name");
    expect(fieldName("$.answers.q01")).toBe("answers.q01");
  });

  it("maps problem.errors to fields in the reader's language, first message winning", () => {
    const out = serverFieldErrors([
      { path: "$.email", message: "メールアドレスの形式で入力してください" },
      { path: "$.password", message: "パスワードは10文字以上にしてください。" },
      { path: "$.password", message: "second" },
      { path: "$.display_name", message: "a brand-new rule" },
    ]);
    expect(out).toEqual({ email: "メールアドレスの形式で入力してください", password: "パスワードは10文字以上にしてください。", display_name: "a brand-new rule" });
    expect(serverFieldErrors(undefined)).toEqual({});
  });

  it("translates client-check keys", () => {
    expect(translateKeys({ email: "emailRequired" }, t)).toEqual({ email: "validation.emailRequired:10" });
  });

  it("lists the summary's items by input, leaving out fields the form does not show", () => {
    const labels = { email: ["signin-email", "E-mail"] as [string, string], password: ["signin-password", "Password"] as [string, string] };
    expect(summaryItems({ password: "Too short", email: "Enter an e-mail", role: "Pick one" }, labels)).toEqual([
      { id: "signin-password", label: "Password", message: "Too short" },
      { id: "signin-email", label: "E-mail", message: "Enter an e-mail" },
    ]);
    expect(summaryItems({}, labels)).toEqual([]);
  });
});

describe("redirectTarget", () => {
  it("sends each role home by default", () => {
    expect(redirectTarget(undefined, "candidate")).toBe("/me");
    expect(redirectTarget(undefined, "advisor")).toBe("/advisor");
    expect(redirectTarget(undefined, "recruiter")).toBe("/talent");
    expect(redirectTarget(undefined, "admin")).toBe("/admin");
  });

  it("goes back where the person came from when they may open it", () => {
    expect(redirectTarget("/results/123?print=1", "candidate")).toBe("/results/123?print=1");
    expect(redirectTarget("/advisor/candidates/9", "advisor")).toBe("/advisor/candidates/9");
    expect(redirectTarget("/me/privacy", "admin")).toBe("/me/privacy");
    expect(redirectTarget("/roles/pmo-manager", "recruiter")).toBe("/roles/pmo-manager");
  });

  it("refuses other roles' areas, other sites and pages that lead nowhere", () => {
    expect(redirectTarget("/admin", "candidate")).toBe("/me");
    expect(redirectTarget("/talent", "advisor")).toBe("/advisor");
    expect(redirectTarget("/me", "recruiter")).toBe("/talent");
    expect(redirectTarget("//evil.example.com/x", "candidate")).toBe("/me");
    expect(redirectTarget("https://evil.example.com", "candidate")).toBe("/me");
    expect(redirectTarget("/\\evil.example.com", "candidate")).toBe("/me");
    expect(redirectTarget("/signin", "candidate")).toBe("/me");
    expect(redirectTarget("/", "advisor")).toBe("/advisor");
    expect(redirectTarget(42, "candidate")).toBe("/me");
  });

  it("reads from and notice out of any router state", () => {
    expect(fromState({ from: "/me" })).toBe("/me");
    expect(fromState(null)).toBeUndefined();
    expect(fromState("x")).toBeUndefined();
    expect(noticeState({ notice: "passwordChanged" })).toBe("passwordChanged");
    expect(noticeState({ notice: 3 })).toBeUndefined();
  });
});
