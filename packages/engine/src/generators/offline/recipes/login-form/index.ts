import { boolean, defineRecipe, number, text } from "../../define-recipe"
import { buttonFollowUp, HEADING_ROLES, minLengthOf, quotedFor, toggleRequest } from "../../readers"
import { code, testCase, type TestCase } from "../../test-builder"
import { readLoginForm } from "./reader"

/** Email and password sign-in with a show/hide toggle, inline validation and an optional "Remember me". */
export const loginForm = defineRecipe({
  kind: "login-form",
  title: "Login form",
  names: ["LoginForm"],
  keywords: {
    strong: ["login form", "log in", "sign in", "login screen", "login page", "signin form"],
    weak: ["password", "remember me", "forgot password", "credentials", "authentication", "auth"],
  },
  callbacks: [
    {
      name: "onSubmit",
      type: "(values: LoginValues) => void",
      description: "Called with the email, password and remember-me choice when the form is valid.",
    },
    {
      name: "onForgotPassword",
      type: "() => void",
      description: 'Called when "Forgot password?" is clicked.',
    },
  ],
  params: {
    title: text("The form's heading."),
    description: text("The line under the heading."),
    submitLabel: text("The submit button's label."),
    showRememberMe: boolean('Show a "Remember me" checkbox.'),
    showForgotPassword: boolean('Show a "Forgot password?" link button.'),
    minPasswordLength: number("The shortest password accepted (0 only requires one)."),
  },
  read: readLoginForm,
  summary: ({ title, submitLabel }) =>
    `A sign-in form titled "${title}" with email and password, a show/hide password toggle and ` +
    `validation; "${submitLabel}" submits it.`,
  requirements: ({ title, submitLabel, minPasswordLength: min, showRememberMe, showForgotPassword }) => {
    const list: [string, string][] = [
      ["fields", `Shows "${title}" with labelled Email and Password fields and a "${submitLabel}" button`],
      ["toggle", 'A "Show password" button reveals the password and "Hide password" hides it again'],
      [
        "validation",
        'Refuses to submit with an invalid email ("Enter a valid email address") or an empty password ("Enter your password")',
      ],
    ]
    if (min > 0) list.push(["min", `Refuses passwords shorter than ${min} characters`])
    list.push(["submit", "Submitting valid values calls onSubmit with the email and password"])
    if (showRememberMe)
      list.push([
        "remember",
        'A "Remember me" checkbox is sent with the values (remember: true when checked)',
      ])
    if (showForgotPassword) list.push(["forgot", 'A "Forgot password?" button calls onForgotPassword'])
    return list
  },
  followUp: (facts) => {
    const next: {
      showRememberMe?: boolean
      showForgotPassword?: boolean
      minPasswordLength?: number
      submitLabel?: string
      title?: string
    } = {}
    const applied: string[] = []
    const remember = toggleRequest(facts, "remember me", "remember", "stay signed in", "keep me signed in")
    if (remember !== undefined) {
      next.showRememberMe = remember
      applied.push(remember ? 'a "Remember me" checkbox' : 'no "Remember me" checkbox')
    }
    const forgot = toggleRequest(facts, "forgot password", "forgot your password", "reset password", "forgot")
    if (forgot !== undefined) {
      next.showForgotPassword = forgot
      applied.push(forgot ? 'a "Forgot password?" link' : 'no "Forgot password?" link')
    }
    const min = minLengthOf(facts)
    if (min !== undefined) {
      next.minPasswordLength = min
      applied.push(`passwords of at least ${min} characters`)
    }
    const label = buttonFollowUp(facts)
    if (label) {
      next.submitLabel = label
      applied.push(`the button reads "${label}"`)
    }
    const title = quotedFor(facts, HEADING_ROLES)
    if (title) {
      next.title = title
      applied.push(`the heading "${title}"`)
    }
    return { values: next, applied }
  },
  followUpHints: [
    "add or remove remember me",
    "add a forgot password link",
    "password at least N characters",
    'button text "…"',
    'heading "…"',
  ],
  tests: ({ Component, values: { title, submitLabel, minPasswordLength: min }, has }) => {
    const good = "correct-horse-battery".padEnd(min, "x")
    const submit = code`screen.getByRole("button", { name: ${submitLabel} })`
    const fillIn = (password: string) => code`
      await user.click(screen.getByLabelText("Email"))
      await user.paste("ada@example.com")
      await user.click(screen.getByLabelText("Password"))
      await user.paste(${password})
    `
    const tests: TestCase[] = [
      testCase(
        "fields",
        "shows the heading, labelled fields and the submit button",
        code`
          render(<${Component} />)
          expect(screen.getByRole("heading", { name: ${title} })).toBeInTheDocument()
          expect(screen.getByLabelText("Email")).toHaveAttribute("type", "email")
          expect(screen.getByLabelText("Password")).toHaveAttribute("type", "password")
          expect(${submit}).toHaveAttribute("type", "submit")
        `,
      ),
      testCase(
        "toggle",
        "the show/hide button reveals and hides the password",
        code`
          const user = userEvent.setup()
          render(<${Component} />)
          const password = screen.getByLabelText("Password")
          await user.type(password, "s3cret")
          await user.click(screen.getByRole("button", { name: "Show password" }))
          expect(password).toHaveAttribute("type", "text")
          expect(password).toHaveValue("s3cret")
          await user.click(screen.getByRole("button", { name: "Hide password" }))
          expect(password).toHaveAttribute("type", "password")
        `,
      ),
      testCase(
        "validation",
        "refuses an invalid email and an empty password",
        code`
          const user = userEvent.setup()
          const onSubmit = vi.fn()
          render(<${Component} onSubmit={onSubmit} />)
          await user.click(${submit})
          expect(screen.getByText("Enter your email address")).toBeInTheDocument()
          expect(screen.getByText("Enter your password")).toBeInTheDocument()
          await user.type(screen.getByLabelText("Email"), "not-an-email")
          await user.click(${submit})
          expect(screen.getByText("Enter a valid email address")).toBeInTheDocument()
          expect(screen.getByLabelText("Email")).toHaveAttribute("aria-invalid", "true")
          expect(onSubmit).not.toHaveBeenCalled()
        `,
      ),
    ]
    if (has("min"))
      tests.push(
        testCase(
          "min",
          `refuses passwords shorter than ${min} characters`,
          code`
            const user = userEvent.setup()
            const onSubmit = vi.fn()
            render(<${Component} onSubmit={onSubmit} />)
            ${fillIn("x".repeat(min - 1))}
            await user.click(${submit})
            expect(screen.getByRole("alert")).toHaveTextContent(${`Password must be at least ${min} characters`})
            expect(onSubmit).not.toHaveBeenCalled()
          `,
        ),
      )
    tests.push(
      testCase(
        "submit",
        "submitting valid values calls onSubmit",
        code`
          const user = userEvent.setup()
          const onSubmit = vi.fn()
          render(<${Component} onSubmit={onSubmit} />)
          ${fillIn(good)}
          await user.click(${submit})
          expect(onSubmit).toHaveBeenCalledTimes(1)
          expect(onSubmit).toHaveBeenCalledWith({ email: "ada@example.com", password: ${good}, remember: false })
          expect(screen.queryByRole("alert")).not.toBeInTheDocument()
        `,
      ),
    )
    if (has("remember"))
      tests.push(
        testCase(
          "remember",
          "sends remember: true when Remember me is checked",
          code`
            const user = userEvent.setup()
            const onSubmit = vi.fn()
            render(<${Component} onSubmit={onSubmit} />)
            ${fillIn(good)}
            await user.click(screen.getByRole("checkbox", { name: "Remember me" }))
            await user.click(${submit})
            expect(onSubmit).toHaveBeenCalledWith({ email: "ada@example.com", password: ${good}, remember: true })
          `,
        ),
      )
    if (has("forgot"))
      tests.push(
        testCase(
          "forgot",
          "Forgot password? calls onForgotPassword",
          code`
            const user = userEvent.setup()
            const onForgotPassword = vi.fn()
            render(<${Component} onForgotPassword={onForgotPassword} />)
            await user.click(screen.getByRole("button", { name: "Forgot password?" }))
            expect(onForgotPassword).toHaveBeenCalledTimes(1)
          `,
        ),
      )
    return tests
  },
})
