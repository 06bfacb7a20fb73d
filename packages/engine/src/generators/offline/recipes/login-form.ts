import { escapeRegExp, mentions, type PromptFacts } from "../facts"
import { bool, num, str, type Recipe, type Values } from "../recipe"

// Helpers shared by the recipes of group a (forms): they read labels and limits the facts do not name.

const QUOTE = /"([^"]+)"|“([^”]+)”|`([^`]+)`|(?<![A-Za-z])'([^']+)'(?![A-Za-z])/g

/**
 * The first quoted string the prompt ties to one of `roles`: `a "Join" button`, `button that says "Join"`,
 * `heading: "Stay in the loop"`. Only the words between the role and the quote count (no other quote in between).
 */
export function quotedFor(facts: PromptFacts, roles: readonly string[]): string | undefined {
  const words = roles.map(escapeRegExp).join("|")
  const before = new RegExp(`\\b(?:${words})s?\\b[^"“”'\`]{0,24}$`, "i")
  const after = new RegExp(`^\\s*(?:${words})s?\\b`, "i")
  for (const match of facts.text.matchAll(QUOTE)) {
    const value = (match[1] ?? match[2] ?? match[3] ?? match[4] ?? "").trim()
    if (!value) continue
    const start = match.index
    const end = start + match[0].length
    if (
      before.test(facts.text.slice(Math.max(0, start - 40), start)) ||
      after.test(facts.text.slice(end, end + 20))
    )
      return value
  }
  return undefined
}

export const BUTTON_ROLES = ["button", "cta", "submit", "action"]
export const HEADING_ROLES = ["heading", "headline", "title", "titled", "header", "called", "named"]

/** "at least 8 characters", "min 8 chars", "8+ characters", "minimum length of 10" → the number. */
export function minLengthOf(facts: PromptFacts): number | undefined {
  const match =
    /\b(?:at least|min(?:imum)?(?: length)?(?: of)?|no (?:less|fewer) than)\s*:?\s*(\d+)\s*(?:characters?|chars?|letters?|long)?/.exec(
      facts.lower,
    ) ?? /\b(\d+)\s*\+?\s*(?:characters?|chars?)\s*(?:min(?:imum)?|or more|long)\b/.exec(facts.lower)
  if (!match) return undefined
  const value = Number(match[1])
  return value > 0 && value <= 64 ? value : undefined
}

/**
 * A follow-up that turns a feature on or off: "add a remember me checkbox" → true, "remove the terms checkbox" /
 * "without remember me" → false, unset when the phrases are not mentioned.
 */
export function toggleRequest(facts: PromptFacts, ...phrases: string[]): boolean | undefined {
  if (!mentions(facts, ...phrases)) return undefined
  const names = phrases.map(escapeRegExp).join("|")
  const off = new RegExp(
    `\\b(?:remove|without|drop|hide|no|delete|get rid of|turn off|disable|don't need|do not need)\\b(?:\\s+(?:the|a|an|that|this))?\\s+(?:${names})`,
  )
  return !off.test(facts.lower)
}

/** The quoted text a follow-up gives for a button ("call the button 'Join'", "button text 'Go'"). */
export function buttonFollowUp(facts: PromptFacts): string | undefined {
  return quotedFor(facts, BUTTON_ROLES) ?? (mentions(facts, "button") ? facts.quoted[0] : undefined)
}

function submitLabelOf(facts: PromptFacts): string {
  return (
    quotedFor(facts, BUTTON_ROLES) ??
    (mentions(facts, "log in", "login", "logon", "log on") && !mentions(facts, "sign in")
      ? "Log in"
      : "Sign in")
  )
}

/** Email and password sign-in with a show/hide toggle, inline validation and an optional "Remember me". */
export const loginForm: Recipe = {
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
  params: (facts) => [
    {
      name: "title",
      type: "string",
      value: quotedFor(facts, HEADING_ROLES) ?? "Welcome back",
      description: "The form's heading.",
      control: "text",
    },
    {
      name: "description",
      type: "string",
      value: `${submitLabelOf(facts) === "Log in" ? "Log in" : "Sign in"} to your account to continue.`,
      description: "The line under the heading.",
      control: "text",
    },
    {
      name: "submitLabel",
      type: "string",
      value: submitLabelOf(facts),
      description: "The submit button's label.",
      control: "text",
    },
    {
      name: "showRememberMe",
      type: "boolean",
      value: mentions(facts, "remember me", "remember", "stay signed in", "keep me signed in"),
      description: 'Show a "Remember me" checkbox.',
      control: "boolean",
    },
    {
      name: "showForgotPassword",
      type: "boolean",
      value: mentions(
        facts,
        "forgot password",
        "forgot your password",
        "forgotten password",
        "reset password",
      ),
      description: 'Show a "Forgot password?" link button.',
      control: "boolean",
    },
    {
      name: "minPasswordLength",
      type: "number",
      value: minLengthOf(facts) ?? 0,
      description: "The shortest password accepted (0 only requires one).",
      control: "number",
    },
  ],
  summary: (values) =>
    `A sign-in form titled "${str(values, "title")}" with email and password, a show/hide password toggle and ` +
    `validation; "${str(values, "submitLabel")}" submits it.`,
  requirements: (values) => {
    const list: [string, string][] = [
      [
        "fields",
        `Shows "${str(values, "title")}" with labelled Email and Password fields and a "${str(values, "submitLabel")}" button`,
      ],
      ["toggle", 'A "Show password" button reveals the password and "Hide password" hides it again'],
      [
        "validation",
        'Refuses to submit with an invalid email ("Enter a valid email address") or an empty password ("Enter your password")',
      ],
    ]
    const min = num(values, "minPasswordLength")
    if (min > 0) list.push(["min", `Refuses passwords shorter than ${min} characters`])
    list.push(["submit", "Submitting valid values calls onSubmit with the email and password"])
    if (bool(values, "showRememberMe"))
      list.push([
        "remember",
        'A "Remember me" checkbox is sent with the values (remember: true when checked)',
      ])
    if (bool(values, "showForgotPassword"))
      list.push(["forgot", 'A "Forgot password?" button calls onForgotPassword'])
    return list
  },
  followUp: (facts, values) => {
    const next: Record<string, Values[string]> = { ...values }
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
  component: (context) => `import { useId, useState, type FormEvent } from "react"
import { Eye, EyeOff } from "lucide-react"
import { Button } from "@/components/ui/button"
import { Checkbox } from "@/components/ui/checkbox"
import { Input } from "@/components/ui/input"
import { Label } from "@/components/ui/label"
${context.lookImports}

export interface LoginValues {
  email: string
  password: string
  remember: boolean
}

${context.propsInterface}

const EMAIL_PATTERN = /^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$/

interface LoginErrors {
  email?: string
  password?: string
}

${context.signature}
  ${context.look}
  const id = useId()
  const [email, setEmail] = useState("")
  const [password, setPassword] = useState("")
  const [remember, setRemember] = useState(false)
  const [showPassword, setShowPassword] = useState(false)
  const [errors, setErrors] = useState<LoginErrors>({})

  function validate(): LoginErrors {
    const found: LoginErrors = {}
    if (!email.trim()) found.email = "Enter your email address"
    else if (!EMAIL_PATTERN.test(email.trim())) found.email = "Enter a valid email address"
    if (!password) found.password = "Enter your password"
    else if (password.length < minPasswordLength)
      found.password = "Password must be at least " + minPasswordLength + " characters"
    return found
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const found = validate()
    setErrors(found)
    if (found.email || found.password) return
    onSubmit?.({ email: email.trim(), password, remember })
  }

  return (
    <div className={cn(look.className, "w-full max-w-sm p-4")} style={look.style}>
      <form
        noValidate
        aria-labelledby={id + "-title"}
        onSubmit={handleSubmit}
        className="flex flex-col gap-6 rounded-xl border bg-card p-6 text-card-foreground shadow-sm"
      >
        <div className="flex flex-col gap-1">
          <h2 id={id + "-title"} className="text-xl font-semibold leading-tight">
            {title}
          </h2>
          {description && <p className="text-sm text-muted-foreground">{description}</p>}
        </div>
        <div className="flex flex-col gap-2">
          <Label htmlFor={id + "-email"}>Email</Label>
          <Input
            id={id + "-email"}
            type="email"
            autoComplete="email"
            placeholder="you@example.com"
            value={email}
            onChange={(event) => {
              setEmail(event.target.value)
              setErrors((current) => ({ ...current, email: undefined }))
            }}
            aria-invalid={errors.email ? true : undefined}
            aria-describedby={errors.email ? id + "-email-error" : undefined}
          />
          {errors.email && (
            <p id={id + "-email-error"} role="alert" className="text-sm text-destructive">
              {errors.email}
            </p>
          )}
        </div>
        <div className="flex flex-col gap-2">
          <Label htmlFor={id + "-password"}>Password</Label>
          <div className="relative">
            <Input
              id={id + "-password"}
              type={showPassword ? "text" : "password"}
              autoComplete="current-password"
              className="pr-10"
              value={password}
              onChange={(event) => {
                setPassword(event.target.value)
                setErrors((current) => ({ ...current, password: undefined }))
              }}
              aria-invalid={errors.password ? true : undefined}
              aria-describedby={errors.password ? id + "-password-error" : undefined}
            />
            <button
              type="button"
              aria-label={showPassword ? "Hide password" : "Show password"}
              onClick={() => setShowPassword((shown) => !shown)}
              className="absolute inset-y-0 right-0 flex w-10 items-center justify-center rounded-md text-muted-foreground transition-colors hover:text-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
            >
              {showPassword ? (
                <EyeOff className="size-4" aria-hidden="true" />
              ) : (
                <Eye className="size-4" aria-hidden="true" />
              )}
            </button>
          </div>
          {errors.password && (
            <p id={id + "-password-error"} role="alert" className="text-sm text-destructive">
              {errors.password}
            </p>
          )}
        </div>
        {(showRememberMe || showForgotPassword) && (
          <div className="flex items-center justify-between gap-2">
            {showRememberMe && (
              <div className="flex items-center gap-2">
                <Checkbox
                  id={id + "-remember"}
                  checked={remember}
                  onCheckedChange={(checked) => setRemember(checked === true)}
                />
                <Label htmlFor={id + "-remember"} className="font-normal">
                  Remember me
                </Label>
              </div>
            )}
            {showForgotPassword && (
              <Button type="button" variant="link" className="ml-auto h-auto p-0" onClick={onForgotPassword}>
                Forgot password?
              </Button>
            )}
          </div>
        )}
        <Button type="submit" className="w-full">
          {submitLabel}
        </Button>
      </form>
    </div>
  )
}
`,
  tests: (context) => {
    const { name, values, lit } = context
    const min = num(values, "minPasswordLength")
    const good = "correct-horse-battery".padEnd(min, "x")
    const submit = `screen.getByRole("button", { name: ${lit(str(values, "submitLabel"))} })`
    const tests = [
      `it("${context.id("fields")}: shows the heading, labelled fields and the submit button", () => {
  render(<${name} />)
  expect(screen.getByRole("heading", { name: ${lit(str(values, "title"))} })).toBeInTheDocument()
  expect(screen.getByLabelText("Email")).toHaveAttribute("type", "email")
  expect(screen.getByLabelText("Password")).toHaveAttribute("type", "password")
  expect(${submit}).toHaveAttribute("type", "submit")
})`,
      `it("${context.id("toggle")}: the show/hide button reveals and hides the password", async () => {
  const user = userEvent.setup()
  render(<${name} />)
  const password = screen.getByLabelText("Password")
  await user.type(password, "s3cret")
  await user.click(screen.getByRole("button", { name: "Show password" }))
  expect(password).toHaveAttribute("type", "text")
  expect(password).toHaveValue("s3cret")
  await user.click(screen.getByRole("button", { name: "Hide password" }))
  expect(password).toHaveAttribute("type", "password")
})`,
      `it("${context.id("validation")}: refuses an invalid email and an empty password", async () => {
  const user = userEvent.setup()
  const onSubmit = vi.fn()
  render(<${name} onSubmit={onSubmit} />)
  await user.click(${submit})
  expect(screen.getByText("Enter your email address")).toBeInTheDocument()
  expect(screen.getByText("Enter your password")).toBeInTheDocument()
  await user.type(screen.getByLabelText("Email"), "not-an-email")
  await user.click(${submit})
  expect(screen.getByText("Enter a valid email address")).toBeInTheDocument()
  expect(screen.getByLabelText("Email")).toHaveAttribute("aria-invalid", "true")
  expect(onSubmit).not.toHaveBeenCalled()
})`,
    ]
    if (context.has("min"))
      tests.push(`it("${context.id("min")}: refuses passwords shorter than ${min} characters", async () => {
  const user = userEvent.setup()
  const onSubmit = vi.fn()
  render(<${name} onSubmit={onSubmit} />)
  await user.click(screen.getByLabelText("Email"))
  await user.paste("ada@example.com")
  await user.click(screen.getByLabelText("Password"))
  await user.paste(${lit("x".repeat(min - 1))})
  await user.click(${submit})
  expect(screen.getByRole("alert")).toHaveTextContent("Password must be at least ${min} characters")
  expect(onSubmit).not.toHaveBeenCalled()
})`)
    tests.push(`it("${context.id("submit")}: submitting valid values calls onSubmit", async () => {
  const user = userEvent.setup()
  const onSubmit = vi.fn()
  render(<${name} onSubmit={onSubmit} />)
  await user.click(screen.getByLabelText("Email"))
  await user.paste("ada@example.com")
  await user.click(screen.getByLabelText("Password"))
  await user.paste(${lit(good)})
  await user.click(${submit})
  expect(onSubmit).toHaveBeenCalledTimes(1)
  expect(onSubmit).toHaveBeenCalledWith({ email: "ada@example.com", password: ${lit(good)}, remember: false })
  expect(screen.queryByRole("alert")).not.toBeInTheDocument()
})`)
    if (context.has("remember"))
      tests.push(`it("${context.id("remember")}: sends remember: true when Remember me is checked", async () => {
  const user = userEvent.setup()
  const onSubmit = vi.fn()
  render(<${name} onSubmit={onSubmit} />)
  await user.click(screen.getByLabelText("Email"))
  await user.paste("ada@example.com")
  await user.click(screen.getByLabelText("Password"))
  await user.paste(${lit(good)})
  await user.click(screen.getByRole("checkbox", { name: "Remember me" }))
  await user.click(${submit})
  expect(onSubmit).toHaveBeenCalledWith({ email: "ada@example.com", password: ${lit(good)}, remember: true })
})`)
    if (context.has("forgot"))
      tests.push(`it("${context.id("forgot")}: Forgot password? calls onForgotPassword", async () => {
  const user = userEvent.setup()
  const onForgotPassword = vi.fn()
  render(<${name} onForgotPassword={onForgotPassword} />)
  await user.click(screen.getByRole("button", { name: "Forgot password?" }))
  expect(onForgotPassword).toHaveBeenCalledTimes(1)
})`)
    return tests.join("\n\n")
  },
}
