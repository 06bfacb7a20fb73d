import { mentions, type PromptFacts } from "../facts"
import { bool, num, records, sentenceList, str, type Recipe, type Values } from "../recipe"
import {
  BUTTON_ROLES,
  buttonFollowUp,
  HEADING_ROLES,
  minLengthOf,
  quotedFor,
  toggleRequest,
} from "../readers"

interface SignUpField extends Record<string, string> {
  key: string
  label: string
  type: string
  autoComplete: string
}

// The fields a sign-up form may ask for, with the words that name them (matched in the prompt, in its order).
const KNOWN_FIELDS: readonly { pattern: RegExp; field: SignUpField }[] = [
  {
    pattern: /\bfirst name\b|\bgiven name\b/,
    field: { key: "firstName", label: "First name", type: "text", autoComplete: "given-name" },
  },
  {
    pattern: /\blast name\b|\bsurname\b|\bfamily name\b/,
    field: { key: "lastName", label: "Last name", type: "text", autoComplete: "family-name" },
  },
  {
    pattern: /\b(?:full )?name\b(?<!(?:first|last|user|company|family|given) name)/,
    field: { key: "name", label: "Full name", type: "text", autoComplete: "name" },
  },
  {
    pattern: /\buser ?names?\b|\bhandle\b/,
    field: { key: "username", label: "Username", type: "text", autoComplete: "username" },
  },
  {
    pattern: /\be-?mail\b/,
    field: { key: "email", label: "Email", type: "email", autoComplete: "email" },
  },
  {
    pattern: /\bphone\b|\bmobile\b|\btelephone\b/,
    field: { key: "phone", label: "Phone number", type: "tel", autoComplete: "tel" },
  },
  {
    pattern: /\bcompany\b|\borgani[sz]ation\b/,
    field: { key: "company", label: "Company", type: "text", autoComplete: "organization" },
  },
  {
    pattern: /\bpassword\b/,
    field: { key: "password", label: "Password", type: "password", autoComplete: "new-password" },
  },
]

const SAMPLE: Record<string, string> = {
  firstName: "Ada",
  lastName: "Lovelace",
  name: "Ada Lovelace",
  username: "ada",
  email: "ada@example.com",
  phone: "5550100",
  company: "Analytical Engines",
}

function fieldsOf(facts: PromptFacts): SignUpField[] {
  const found = KNOWN_FIELDS.map(({ pattern, field }) => ({
    field,
    at: pattern.exec(facts.lower)?.index ?? -1,
  }))
    .filter(({ at }) => at >= 0)
    .sort((a, b) => a.at - b.at)
    .map(({ field }) => field)
  const byKey = (key: string) => KNOWN_FIELDS.find(({ field }) => field.key === key)!.field
  if (found.length === 0) return [byKey("name"), byKey("email"), byKey("password")]
  if (!found.some((field) => field.key === "email")) {
    const at = found.findIndex((field) => field.key === "password")
    found.splice(at < 0 ? found.length : at, 0, byKey("email"))
  }
  if (!found.some((field) => field.key === "password")) found.push(byKey("password"))
  return found
}

export function goodPassword(min: number): string {
  return "Correct-Horse-42".padEnd(min, "x")
}

/** Account creation: the prompt's fields, password rules, a matching confirmation and an optional terms checkbox. */
export const signupForm: Recipe = {
  kind: "signup-form",
  title: "Sign-up form",
  names: ["SignUpForm"],
  keywords: {
    strong: [
      "sign up form",
      "sign up",
      "registration form",
      "registration",
      "register form",
      "create account",
      "create an account",
      "account creation",
    ],
    weak: ["register", "confirm password", "terms and conditions", "new account", "join"],
  },
  callbacks: [
    {
      name: "onSubmit",
      type: "(values: Record<string, string>) => void",
      description: "Called with the values by field key (without the confirmation) when the form is valid.",
    },
  ],
  params: (facts) => [
    {
      name: "title",
      type: "string",
      value: quotedFor(facts, HEADING_ROLES) ?? "Create your account",
      description: "The form's heading.",
      control: "text",
    },
    {
      name: "submitLabel",
      type: "string",
      value: quotedFor(facts, BUTTON_ROLES) ?? "Create account",
      description: "The submit button's label.",
      control: "text",
    },
    {
      name: "fields",
      type: "SignUpField[]",
      value: fieldsOf(facts),
      description: "The fields, in order (key, label, input type, autocomplete).",
    },
    {
      name: "minPasswordLength",
      type: "number",
      value: minLengthOf(facts) ?? 8,
      description: "The shortest password accepted.",
      control: "number",
    },
    {
      name: "requireNumber",
      type: "boolean",
      value:
        /\b(?:a|one|1|include|includes|including|contain|contains|with|needs?)\s+(?:a\s+|one\s+|at least one\s+)?(?:number|digit|numeral)s?\b/.test(
          facts.lower,
        ),
      description: "Passwords must include a number.",
      control: "boolean",
    },
    {
      name: "requireUppercase",
      type: "boolean",
      value: mentions(facts, "uppercase", "upper case", "capital letter", "capital"),
      description: "Passwords must include an uppercase letter.",
      control: "boolean",
    },
    {
      name: "requireSymbol",
      type: "boolean",
      value: mentions(facts, "symbol", "special character", "special char", "punctuation"),
      description: "Passwords must include a symbol.",
      control: "boolean",
    },
    {
      name: "confirmPassword",
      type: "boolean",
      value: !/\b(?:no|without) (?:a )?(?:confirm|confirmation|repeat)/.test(facts.lower),
      description: "Ask for the password twice; they must match.",
      control: "boolean",
    },
    {
      name: "requireTerms",
      type: "boolean",
      value: mentions(facts, "terms", "terms of service", "privacy policy", "agree", "tos", "t&c", "consent"),
      description: "A terms checkbox that must be ticked.",
      control: "boolean",
    },
    {
      name: "termsLabel",
      type: "string",
      value:
        quotedFor(facts, ["checkbox", "tick box", "consent"]) ??
        "I agree to the Terms of Service and Privacy Policy",
      description: "The terms checkbox's label.",
      control: "text",
    },
  ],
  summary: (values) => {
    const fields = records<SignUpField>(values, "fields").map((field) => field.label.toLowerCase())
    const extras = [
      "password rules",
      bool(values, "confirmPassword") && "a matching confirmation",
      bool(values, "requireTerms") && "a terms checkbox",
    ].filter((extra): extra is string => typeof extra === "string")
    return `A sign-up form asking for ${sentenceList(fields)}, with ${sentenceList(extras)}.`
  },
  requirements: (values) => {
    const fields = records<SignUpField>(values, "fields")
    const list: [string, string][] = [
      [
        "fields",
        `Shows labelled fields for ${sentenceList([
          ...fields.map((field) => field.label),
          ...(bool(values, "confirmPassword") ? ["Confirm password"] : []),
        ])} and a "${str(values, "submitLabel")}" button`,
      ],
      ["required", 'Refuses to submit with an empty field ("… is required") or an invalid email'],
    ]
    if (num(values, "minPasswordLength") > 0)
      list.push(["length", `Refuses passwords shorter than ${num(values, "minPasswordLength")} characters`])
    const rules = [
      bool(values, "requireNumber") && "a number",
      bool(values, "requireUppercase") && "an uppercase letter",
      bool(values, "requireSymbol") && "a symbol",
    ].filter((rule): rule is string => typeof rule === "string")
    if (rules.length > 0) list.push(["rules", `Passwords must include ${sentenceList(rules)}`])
    if (bool(values, "confirmPassword"))
      list.push(["confirm", 'Shows "Passwords do not match" when the confirmation differs'])
    if (bool(values, "requireTerms"))
      list.push(["terms", `Cannot create the account until "${str(values, "termsLabel")}" is ticked`])
    list.push(["submit", "Submitting valid values calls onSubmit with every field's value"])
    return list
  },
  followUp: (facts, values) => {
    const next: Record<string, Values[string]> = { ...values }
    const applied: string[] = []
    const terms = toggleRequest(
      facts,
      "terms",
      "terms checkbox",
      "terms of service",
      "privacy policy",
      "agree",
    )
    if (terms !== undefined) {
      next.requireTerms = terms
      applied.push(terms ? "a terms checkbox" : "no terms checkbox")
    }
    const confirm = toggleRequest(
      facts,
      "confirm password",
      "password confirmation",
      "confirmation",
      "confirm",
    )
    if (confirm !== undefined) {
      next.confirmPassword = confirm
      applied.push(confirm ? "a confirm password field" : "no confirm password field")
    }
    const min = minLengthOf(facts)
    if (min !== undefined) {
      next.minPasswordLength = min
      applied.push(`passwords of at least ${min} characters`)
    }
    // "add a phone number field" asks for a field, not for passwords with numbers.
    const rulesFacts = { ...facts, lower: facts.lower.replace(/\bphone numbers?\b/g, "phone") }
    for (const [name, phrases, text] of [
      ["requireNumber", ["number", "digit"], "a number"],
      ["requireUppercase", ["uppercase", "upper case", "capital letter"], "an uppercase letter"],
      ["requireSymbol", ["symbol", "special character"], "a symbol"],
    ] as const) {
      const wanted = toggleRequest(rulesFacts, ...phrases)
      if (wanted !== undefined) {
        next[name] = wanted
        applied.push(wanted ? `passwords must include ${text}` : `passwords need not include ${text}`)
      }
    }
    const fields = records<SignUpField>(values, "fields")
    if (/\b(?:add|with|also|include)\b/.test(facts.lower)) {
      const added = KNOWN_FIELDS.filter(
        ({ pattern, field }) =>
          pattern.test(facts.lower) && !fields.some((existing) => existing.key === field.key),
      ).map(({ field }) => field)
      if (added.length > 0) {
        const at = fields.findIndex((field) => field.type === "password")
        fields.splice(at < 0 ? fields.length : at, 0, ...added)
        next.fields = fields
        applied.push(`added ${sentenceList(added.map((field) => field.label.toLowerCase()))}`)
      }
    }
    const label = buttonFollowUp(facts)
    if (label) {
      next.submitLabel = label
      applied.push(`the button reads "${label}"`)
    }
    return { values: next, applied }
  },
  followUpHints: [
    "add or remove the terms checkbox",
    "password at least N characters",
    "require a number / uppercase / symbol",
    "add a phone / username / company field",
    'button text "…"',
  ],
  component: (context) => `import { useId, useState, type FormEvent } from "react"
import { Eye, EyeOff } from "lucide-react"
import { Button } from "@/components/ui/button"
import { Checkbox } from "@/components/ui/checkbox"
import { Input } from "@/components/ui/input"
import { Label } from "@/components/ui/label"
${context.lookImports}

export interface SignUpField {
  key: string
  label: string
  type: string
  autoComplete: string
}

${context.propsInterface}

${context.defaults}

const EMAIL_PATTERN = /^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$/

function listWords(items: string[]): string {
  if (items.length <= 1) return items.join("")
  return items.slice(0, -1).join(", ") + " and " + items[items.length - 1]
}

${context.signature}
  ${context.look}
  const id = useId()
  const [values, setValues] = useState<Record<string, string>>({})
  const [confirmation, setConfirmation] = useState("")
  const [accepted, setAccepted] = useState(false)
  const [showPassword, setShowPassword] = useState(false)
  const [errors, setErrors] = useState<Record<string, string>>({})

  const rules = [
    minPasswordLength > 0 ? "at least " + minPasswordLength + " characters" : "",
    requireNumber ? "a number" : "",
    requireUppercase ? "an uppercase letter" : "",
    requireSymbol ? "a symbol" : "",
  ].filter(Boolean)

  function passwordProblem(password: string): string {
    if (password.length < minPasswordLength) return "Password must be at least " + minPasswordLength + " characters"
    if (requireNumber && !/\\d/.test(password)) return "Password must include a number"
    if (requireUppercase && !/[A-Z]/.test(password)) return "Password must include an uppercase letter"
    if (requireSymbol && !/[^A-Za-z0-9]/.test(password)) return "Password must include a symbol"
    return ""
  }

  function validate(): Record<string, string> {
    const found: Record<string, string> = {}
    for (const field of fields) {
      const value = (values[field.key] ?? "").trim()
      if (!value) found[field.key] = field.label + " is required"
      else if (field.type === "email" && !EMAIL_PATTERN.test(value)) found[field.key] = "Enter a valid email address"
      else if (field.type === "password") {
        const problem = passwordProblem(values[field.key] ?? "")
        if (problem) found[field.key] = problem
      }
    }
    const password = fields.find((field) => field.type === "password")
    if (confirmPassword && password && confirmation !== (values[password.key] ?? ""))
      found.confirmation = "Passwords do not match"
    if (requireTerms && !accepted) found.terms = "You must accept the terms to continue"
    return found
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const found = validate()
    setErrors(found)
    if (Object.keys(found).length > 0) return
    const result: Record<string, string> = {}
    for (const field of fields)
      result[field.key] = field.type === "password" ? (values[field.key] ?? "") : (values[field.key] ?? "").trim()
    onSubmit?.(result)
  }

  function clearError(key: string) {
    setErrors((current) => {
      const rest = { ...current }
      delete rest[key]
      return rest
    })
  }

  function describedBy(key: string, hint?: string): string | undefined {
    const ids = [hint, errors[key] ? id + "-" + key + "-error" : ""].filter(Boolean)
    return ids.length > 0 ? ids.join(" ") : undefined
  }

  function errorText(key: string) {
    return errors[key] ? (
      <p id={id + "-" + key + "-error"} role="alert" className="text-sm text-destructive">
        {errors[key]}
      </p>
    ) : null
  }

  const toggle = (
    <button
      type="button"
      aria-label={showPassword ? "Hide password" : "Show password"}
      onClick={() => setShowPassword((shown) => !shown)}
      className="absolute inset-y-0 right-0 flex w-10 items-center justify-center rounded-md text-muted-foreground transition-colors hover:text-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
    >
      {showPassword ? <EyeOff className="size-4" aria-hidden="true" /> : <Eye className="size-4" aria-hidden="true" />}
    </button>
  )

  return (
    <div className={cn(look.className, "w-full max-w-md p-4")} style={look.style}>
      <form
        noValidate
        aria-labelledby={id + "-title"}
        onSubmit={handleSubmit}
        className="flex flex-col gap-5 rounded-xl border bg-card p-6 text-card-foreground shadow-sm"
      >
        <h2 id={id + "-title"} className="text-xl font-semibold leading-tight">
          {title}
        </h2>
        {fields.map((field) => {
          const isPassword = field.type === "password"
          const inputId = id + "-" + field.key
          return (
            <div key={field.key} className="flex flex-col gap-2">
              <Label htmlFor={inputId}>{field.label}</Label>
              <div className="relative">
                <Input
                  id={inputId}
                  type={isPassword && showPassword ? "text" : field.type}
                  autoComplete={field.autoComplete}
                  className={isPassword ? "pr-10" : undefined}
                  value={values[field.key] ?? ""}
                  onChange={(event) => {
                    const value = event.target.value
                    setValues((current) => ({ ...current, [field.key]: value }))
                    clearError(field.key)
                  }}
                  aria-invalid={errors[field.key] ? true : undefined}
                  aria-describedby={describedBy(field.key, isPassword && rules.length > 0 ? id + "-rules" : undefined)}
                />
                {isPassword && toggle}
              </div>
              {isPassword && rules.length > 0 && (
                <p id={id + "-rules"} className="text-xs text-muted-foreground">
                  Use {listWords(rules)}.
                </p>
              )}
              {errorText(field.key)}
            </div>
          )
        })}
        {confirmPassword && (
          <div className="flex flex-col gap-2">
            <Label htmlFor={id + "-confirmation"}>Confirm password</Label>
            <Input
              id={id + "-confirmation"}
              type={showPassword ? "text" : "password"}
              autoComplete="new-password"
              value={confirmation}
              onChange={(event) => {
                setConfirmation(event.target.value)
                clearError("confirmation")
              }}
              aria-invalid={errors.confirmation ? true : undefined}
              aria-describedby={describedBy("confirmation")}
            />
            {errorText("confirmation")}
          </div>
        )}
        {requireTerms && (
          <div className="flex flex-col gap-2">
            <div className="flex items-start gap-2">
              <Checkbox
                id={id + "-terms"}
                checked={accepted}
                onCheckedChange={(checked) => {
                  setAccepted(checked === true)
                  clearError("terms")
                }}
                aria-invalid={errors.terms ? true : undefined}
                aria-describedby={describedBy("terms")}
              />
              <Label htmlFor={id + "-terms"} className="font-normal leading-snug">
                {termsLabel}
              </Label>
            </div>
            {errorText("terms")}
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
    const fields = records<SignUpField>(values, "fields")
    const min = num(values, "minPasswordLength")
    const password = goodPassword(min)
    const valueOf = (field: SignUpField) =>
      field.type === "password" ? password : (SAMPLE[field.key] ?? "Sample")
    const submit = `screen.getByRole("button", { name: ${lit(str(values, "submitLabel"))} })`
    const fill = [
      ...fields.map(
        (field) =>
          `  await user.click(screen.getByLabelText(${lit(field.label)}))\n  await user.paste(${lit(valueOf(field))})`,
      ),
      ...(bool(values, "confirmPassword")
        ? [
            `  await user.click(screen.getByLabelText("Confirm password"))\n  await user.paste(${lit(password)})`,
          ]
        : []),
    ].join("\n")
    const passwordField = fields.find((field) => field.type === "password")
    const passwordLabel = lit(passwordField?.label ?? "Password")
    const expected = Object.fromEntries(fields.map((field) => [field.key, valueOf(field)]))
    const first = fields[0]
    const tests = [
      `async function fillValid(user: ReturnType<typeof userEvent.setup>) {
${fill}
}`,
      `it("${context.id("fields")}: shows a labelled field for each of ${sentenceList(fields.map((field) => field.label))}", () => {
  render(<${name} />)
  for (const label of ${lit(fields.map((field) => field.label))}) expect(screen.getByLabelText(label)).toBeInTheDocument()
${bool(values, "confirmPassword") ? `  expect(screen.getByLabelText("Confirm password")).toHaveAttribute("type", "password")\n` : ""}  expect(${submit}).toHaveAttribute("type", "submit")
})`,
      `it("${context.id("required")}: refuses empty fields and an invalid email", async () => {
  const user = userEvent.setup()
  const onSubmit = vi.fn()
  render(<${name} onSubmit={onSubmit} />)
  await user.click(${submit})
  expect(screen.getByText(${lit(`${first?.label ?? "Email"} is required`)})).toBeInTheDocument()
${
  fields.some((field) => field.type === "email")
    ? `  await user.type(screen.getByLabelText(${lit(fields.find((field) => field.type === "email")!.label)}), "ada@")
  await user.click(${submit})
  expect(screen.getByText("Enter a valid email address")).toBeInTheDocument()
`
    : ""
}  expect(onSubmit).not.toHaveBeenCalled()
})`,
    ]
    if (context.has("length"))
      tests.push(`it("${context.id("length")}: refuses passwords shorter than ${min} characters", async () => {
  const user = userEvent.setup()
  const onSubmit = vi.fn()
  render(<${name} onSubmit={onSubmit} />)
  await fillValid(user)
  await user.clear(screen.getByLabelText(${passwordLabel}))
  await user.paste(${lit(password.slice(0, Math.max(min - 1, 0)) || "")})
  await user.click(${submit})
  expect(screen.getByText(${lit(`Password must be at least ${min} characters`)})).toBeInTheDocument()
  expect(onSubmit).not.toHaveBeenCalled()
})`)
    if (context.has("rules")) {
      const checks: [string, string][] = []
      if (bool(values, "requireNumber"))
        checks.push(["Correct-Horse-xx".padEnd(min, "x"), "Password must include a number"])
      if (bool(values, "requireUppercase"))
        checks.push(["correct-horse-42".padEnd(min, "x"), "Password must include an uppercase letter"])
      if (bool(values, "requireSymbol"))
        checks.push(["CorrectHorse42".padEnd(min, "x"), "Password must include a symbol"])
      tests.push(`it("${context.id("rules")}: refuses passwords that break a rule", async () => {
  const user = userEvent.setup()
  const onSubmit = vi.fn()
  render(<${name} onSubmit={onSubmit} />)
  await fillValid(user)
  const password = screen.getByLabelText(${passwordLabel})
${checks
  .map(
    ([bad, message]) => `  await user.clear(password)
  await user.paste(${lit(bad)})
  await user.click(${submit})
  expect(screen.getByText(${lit(message)})).toBeInTheDocument()`,
  )
  .join("\n")}
  expect(onSubmit).not.toHaveBeenCalled()
})`)
    }
    if (context.has("confirm"))
      tests.push(`it("${context.id("confirm")}: shows an error when the passwords do not match", async () => {
  const user = userEvent.setup()
  const onSubmit = vi.fn()
  render(<${name} onSubmit={onSubmit} />)
  await fillValid(user)
  await user.type(screen.getByLabelText("Confirm password"), "typo")
  await user.click(${submit})
  expect(screen.getByText("Passwords do not match")).toBeInTheDocument()
  expect(onSubmit).not.toHaveBeenCalled()
})`)
    if (context.has("terms"))
      tests.push(`it("${context.id("terms")}: cannot submit until the terms are accepted", async () => {
  const user = userEvent.setup()
  const onSubmit = vi.fn()
  render(<${name} onSubmit={onSubmit} />)
  await fillValid(user)
  await user.click(${submit})
  expect(screen.getByText("You must accept the terms to continue")).toBeInTheDocument()
  expect(onSubmit).not.toHaveBeenCalled()
  await user.click(screen.getByRole("checkbox", { name: ${lit(str(values, "termsLabel"))} }))
  await user.click(${submit})
  expect(onSubmit).toHaveBeenCalledTimes(1)
})`)
    tests.push(`it("${context.id("submit")}: submitting valid values calls onSubmit with every field", async () => {
  const user = userEvent.setup()
  const onSubmit = vi.fn()
  render(<${name} onSubmit={onSubmit} />)
  await fillValid(user)
${context.has("terms") ? `  await user.click(screen.getByRole("checkbox", { name: ${lit(str(values, "termsLabel"))} }))\n` : ""}  await user.click(${submit})
  expect(onSubmit).toHaveBeenCalledWith(${JSON.stringify(expected)})
  expect(screen.queryByRole("alert")).not.toBeInTheDocument()
})`)
    return tests.join("\n\n")
  },
}
