import { boolean, defineRecipe, number, records, text } from "../../define-recipe"
import { buttonFollowUp, minLengthOf, toggleRequest } from "../../readers"
import { sentenceList } from "../../recipe"
import { code, codeLines, NO_CODE, TestCode, testCase, type TestCase } from "../../test-builder"
import { KNOWN_FIELDS, readSignupForm, type SignUpField } from "./reader"

// What the tests type into each field (a password field gets goodPassword's).
const SAMPLE: Record<string, string> = {
  firstName: "Ada",
  lastName: "Lovelace",
  name: "Ada Lovelace",
  username: "ada",
  email: "ada@example.com",
  phone: "5550100",
  company: "Analytical Engines",
}

/** A password that passes every rule at the given minimum length. */
function goodPassword(min: number): string {
  return "Correct-Horse-42".padEnd(min, "x")
}

/** Account creation: the prompt's fields, password rules, a matching confirmation and an optional terms checkbox. */
export const signupForm = defineRecipe({
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
  params: {
    title: text("The form's heading."),
    submitLabel: text("The submit button's label."),
    fields: records<SignUpField>(
      "SignUpField",
      "The fields, in order (key, label, input type, autocomplete).",
    ),
    minPasswordLength: number("The shortest password accepted."),
    requireNumber: boolean("Passwords must include a number."),
    requireUppercase: boolean("Passwords must include an uppercase letter."),
    requireSymbol: boolean("Passwords must include a symbol."),
    confirmPassword: boolean("Ask for the password twice; they must match."),
    requireTerms: boolean("A terms checkbox that must be ticked."),
    termsLabel: text("The terms checkbox's label."),
  },
  read: readSignupForm,
  summary: ({ fields, confirmPassword, requireTerms }) => {
    const extras = [
      "password rules",
      ...(confirmPassword ? ["a matching confirmation"] : []),
      ...(requireTerms ? ["a terms checkbox"] : []),
    ]
    return `A sign-up form asking for ${sentenceList(fields.map((field) => field.label.toLowerCase()))}, with ${sentenceList(extras)}.`
  },
  requirements: (values) => {
    const { fields, confirmPassword, submitLabel, minPasswordLength: min } = values
    const list: [string, string][] = [
      [
        "fields",
        `Shows labelled fields for ${sentenceList([
          ...fields.map((field) => field.label),
          ...(confirmPassword ? ["Confirm password"] : []),
        ])} and a "${submitLabel}" button`,
      ],
      ["required", 'Refuses to submit with an empty field ("… is required") or an invalid email'],
    ]
    if (min > 0) list.push(["length", `Refuses passwords shorter than ${min} characters`])
    const rules = [
      ...(values.requireNumber ? ["a number"] : []),
      ...(values.requireUppercase ? ["an uppercase letter"] : []),
      ...(values.requireSymbol ? ["a symbol"] : []),
    ]
    if (rules.length > 0) list.push(["rules", `Passwords must include ${sentenceList(rules)}`])
    if (confirmPassword)
      list.push(["confirm", 'Shows "Passwords do not match" when the confirmation differs'])
    if (values.requireTerms)
      list.push(["terms", `Cannot create the account until "${values.termsLabel}" is ticked`])
    list.push(["submit", "Submitting valid values calls onSubmit with every field's value"])
    return list
  },
  followUp: (facts, values) => {
    const next: {
      requireTerms?: boolean
      confirmPassword?: boolean
      minPasswordLength?: number
      requireNumber?: boolean
      requireUppercase?: boolean
      requireSymbol?: boolean
      fields?: readonly SignUpField[]
      submitLabel?: string
    } = {}
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
    for (const [name, phrases, rule] of [
      ["requireNumber", ["number", "digit"], "a number"],
      ["requireUppercase", ["uppercase", "upper case", "capital letter"], "an uppercase letter"],
      ["requireSymbol", ["symbol", "special character"], "a symbol"],
    ] as const) {
      const wanted = toggleRequest(rulesFacts, ...phrases)
      if (wanted !== undefined) {
        next[name] = wanted
        applied.push(wanted ? `passwords must include ${rule}` : `passwords need not include ${rule}`)
      }
    }
    if (/\b(?:add|with|also|include)\b/.test(facts.lower)) {
      const fields = [...values.fields]
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
  testSetup: ({ values: { fields, minPasswordLength, confirmPassword } }) => {
    const password = goodPassword(minPasswordLength)
    const entries: [string, string][] = [
      ...fields.map((field): [string, string] => [
        field.label,
        field.type === "password" ? password : (SAMPLE[field.key] ?? "Sample"),
      ]),
      ...(confirmPassword ? [["Confirm password", password] as [string, string]] : []),
    ]
    return code`
      async function fillValid(user: ReturnType<typeof userEvent.setup>) {
        ${codeLines(
          entries.map(
            ([label, value]) => code`
              await user.click(screen.getByLabelText(${label}))
              await user.paste(${value})
            `,
          ),
        )}
      }
    `
  },
  tests: ({ Component, values, has }) => {
    const { fields, minPasswordLength: min, submitLabel, confirmPassword, termsLabel } = values
    const password = goodPassword(min)
    const valueOf = (field: SignUpField) =>
      field.type === "password" ? password : (SAMPLE[field.key] ?? "Sample")
    const submit = code`screen.getByRole("button", { name: ${submitLabel} })`
    const labels = fields.map((field) => field.label)
    const passwordLabel = fields.find((field) => field.type === "password")?.label ?? "Password"
    const email = fields.find((field) => field.type === "email")
    const expected = new TestCode(
      JSON.stringify(Object.fromEntries(fields.map((field) => [field.key, valueOf(field)]))),
    )
    const terms = code`screen.getByRole("checkbox", { name: ${termsLabel} })`
    const tests: TestCase[] = [
      testCase(
        "fields",
        `shows a labelled field for each of ${sentenceList(labels)}`,
        code`
          render(<${Component} />)
          for (const label of ${labels}) expect(screen.getByLabelText(label)).toBeInTheDocument()
          ${confirmPassword ? code`expect(screen.getByLabelText("Confirm password")).toHaveAttribute("type", "password")` : NO_CODE}
          expect(${submit}).toHaveAttribute("type", "submit")
        `,
      ),
      testCase(
        "required",
        "refuses empty fields and an invalid email",
        code`
          const user = userEvent.setup()
          const onSubmit = vi.fn()
          render(<${Component} onSubmit={onSubmit} />)
          await user.click(${submit})
          expect(screen.getByText(${`${fields[0]?.label ?? "Email"} is required`})).toBeInTheDocument()
          ${
            email
              ? code`
                  await user.type(screen.getByLabelText(${email.label}), "ada@")
                  await user.click(${submit})
                  expect(screen.getByText("Enter a valid email address")).toBeInTheDocument()
                `
              : NO_CODE
          }
          expect(onSubmit).not.toHaveBeenCalled()
        `,
      ),
    ]
    if (has("length"))
      tests.push(
        testCase(
          "length",
          `refuses passwords shorter than ${min} characters`,
          code`
            const user = userEvent.setup()
            const onSubmit = vi.fn()
            render(<${Component} onSubmit={onSubmit} />)
            await fillValid(user)
            await user.clear(screen.getByLabelText(${passwordLabel}))
            await user.paste(${password.slice(0, Math.max(min - 1, 0))})
            await user.click(${submit})
            expect(screen.getByText(${`Password must be at least ${min} characters`})).toBeInTheDocument()
            expect(onSubmit).not.toHaveBeenCalled()
          `,
        ),
      )
    if (has("rules")) {
      const checks: [string, string][] = [
        ...(values.requireNumber
          ? [["Correct-Horse-xx".padEnd(min, "x"), "Password must include a number"] as [string, string]]
          : []),
        ...(values.requireUppercase
          ? [
              ["correct-horse-42".padEnd(min, "x"), "Password must include an uppercase letter"] as [
                string,
                string,
              ],
            ]
          : []),
        ...(values.requireSymbol
          ? [["CorrectHorse42".padEnd(min, "x"), "Password must include a symbol"] as [string, string]]
          : []),
      ]
      tests.push(
        testCase(
          "rules",
          "refuses passwords that break a rule",
          code`
            const user = userEvent.setup()
            const onSubmit = vi.fn()
            render(<${Component} onSubmit={onSubmit} />)
            await fillValid(user)
            const password = screen.getByLabelText(${passwordLabel})
            ${codeLines(
              checks.map(
                ([bad, message]) => code`
                  await user.clear(password)
                  await user.paste(${bad})
                  await user.click(${submit})
                  expect(screen.getByText(${message})).toBeInTheDocument()
                `,
              ),
            )}
            expect(onSubmit).not.toHaveBeenCalled()
          `,
        ),
      )
    }
    if (has("confirm"))
      tests.push(
        testCase(
          "confirm",
          "shows an error when the passwords do not match",
          code`
            const user = userEvent.setup()
            const onSubmit = vi.fn()
            render(<${Component} onSubmit={onSubmit} />)
            await fillValid(user)
            await user.type(screen.getByLabelText("Confirm password"), "typo")
            await user.click(${submit})
            expect(screen.getByText("Passwords do not match")).toBeInTheDocument()
            expect(onSubmit).not.toHaveBeenCalled()
          `,
        ),
      )
    if (has("terms"))
      tests.push(
        testCase(
          "terms",
          "cannot submit until the terms are accepted",
          code`
            const user = userEvent.setup()
            const onSubmit = vi.fn()
            render(<${Component} onSubmit={onSubmit} />)
            await fillValid(user)
            await user.click(${submit})
            expect(screen.getByText("You must accept the terms to continue")).toBeInTheDocument()
            expect(onSubmit).not.toHaveBeenCalled()
            await user.click(${terms})
            await user.click(${submit})
            expect(onSubmit).toHaveBeenCalledTimes(1)
          `,
        ),
      )
    tests.push(
      testCase(
        "submit",
        "submitting valid values calls onSubmit with every field",
        code`
          const user = userEvent.setup()
          const onSubmit = vi.fn()
          render(<${Component} onSubmit={onSubmit} />)
          await fillValid(user)
          ${has("terms") ? code`await user.click(${terms})` : NO_CODE}
          await user.click(${submit})
          expect(onSubmit).toHaveBeenCalledWith(${expected})
          expect(screen.queryByRole("alert")).not.toBeInTheDocument()
        `,
      ),
    )
    return tests
  },
})
