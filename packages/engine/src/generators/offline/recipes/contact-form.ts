import { mentions, type PromptFacts } from "../facts"
import { bool, num, str, type Recipe, type Values } from "../recipe"
import { BUTTON_ROLES, buttonFollowUp, HEADING_ROLES, quotedFor, toggleRequest } from "../readers"

const SUCCESS_ROLES = [
  "success",
  "confirmation",
  "thank you",
  "thanks",
  "afterwards",
  "after submit",
  "after submitting",
  "after sending",
  "once sent",
  "when sent",
  "on submit",
  "message says",
]

function limitOf(facts: PromptFacts): number {
  const limit =
    facts.maxChars ?? (mentions(facts, "character", "characters", "chars") ? facts.max : undefined)
  return limit !== undefined && limit > 0 && limit <= 10_000 ? limit : 0
}

/** Name, email and message (with an optional subject, phone and a character limit); thanks the person after sending. */
export const contactForm: Recipe = {
  kind: "contact-form",
  title: "Contact form",
  names: ["ContactForm"],
  keywords: {
    strong: [
      "contact form",
      "contact us",
      "get in touch",
      "contact me",
      "contact page",
      "enquiry form",
      "inquiry form",
    ],
    weak: ["contact", "message", "enquiry", "inquiry", "reach out", "send us"],
  },
  callbacks: [
    {
      name: "onSubmit",
      type: "(values: ContactValues) => void",
      description: "Called with the name, email, subject, phone and message when the form is valid.",
    },
  ],
  params: (facts) => [
    {
      name: "title",
      type: "string",
      value: quotedFor(facts, HEADING_ROLES) ?? "Get in touch",
      description: "The form's heading.",
      control: "text",
    },
    {
      name: "description",
      type: "string",
      value: "Send us a message and we'll reply within one business day.",
      description: "The line under the heading.",
      control: "text",
    },
    {
      name: "submitLabel",
      type: "string",
      value: quotedFor(facts, BUTTON_ROLES) ?? "Send message",
      description: "The submit button's label.",
      control: "text",
    },
    {
      name: "showSubject",
      type: "boolean",
      value: mentions(facts, "subject", "topic"),
      description: "Ask for a subject line.",
      control: "boolean",
    },
    {
      name: "showPhone",
      type: "boolean",
      value: mentions(facts, "phone", "telephone", "mobile"),
      description: "Ask for an optional phone number.",
      control: "boolean",
    },
    {
      name: "maxLength",
      type: "number",
      value: limitOf(facts),
      description: "The most characters the message may have (0: no limit).",
      control: "number",
    },
    {
      name: "successMessage",
      type: "string",
      value: quotedFor(facts, SUCCESS_ROLES) ?? "Thanks for reaching out! We'll get back to you soon.",
      description: "Shown after the message is sent.",
      control: "text",
    },
  ],
  summary: (values) =>
    `A contact form titled "${str(values, "title")}" asking for name, email${bool(values, "showPhone") ? ", phone" : ""}` +
    `${bool(values, "showSubject") ? ", subject" : ""} and a message` +
    `${num(values, "maxLength") > 0 ? ` of up to ${num(values, "maxLength")} characters` : ""}, with a thank-you message after sending.`,
  requirements: (values) => {
    const fields = [
      "Name",
      "Email",
      ...(bool(values, "showPhone") ? ["Phone"] : []),
      ...(bool(values, "showSubject") ? ["Subject"] : []),
      "Message",
    ]
    const list: [string, string][] = [
      [
        "fields",
        `Shows "${str(values, "title")}" with labelled ${fields.join(", ")} fields and a "${str(values, "submitLabel")}" button`,
      ],
      ["validation", "Refuses to send without a name, a valid email and a message, and says what is missing"],
    ]
    const limit = num(values, "maxLength")
    if (limit > 0)
      list.push(["limit", `Limits the message to ${limit} characters and shows the count as "n/${limit}"`])
    list.push([
      "success",
      `Sending calls onSubmit with the values and shows "${str(values, "successMessage")}" instead of the form`,
    ])
    list.push(["again", 'A "Send another message" button brings back an empty form'])
    return list
  },
  followUp: (facts, values) => {
    const next: Record<string, Values[string]> = { ...values }
    const applied: string[] = []
    const subject = toggleRequest(facts, "subject", "subject line", "topic")
    if (subject !== undefined) {
      next.showSubject = subject
      applied.push(subject ? "a subject field" : "no subject field")
    }
    const phone = toggleRequest(facts, "phone", "phone number", "telephone")
    if (phone !== undefined) {
      next.showPhone = phone
      applied.push(phone ? "a phone field" : "no phone field")
    }
    if (/\b(?:no|remove the|without a?|drop the) (?:character )?(?:limit|counter)\b/.test(facts.lower)) {
      next.maxLength = 0
      applied.push("no character limit")
    } else {
      const limit = limitOf(facts)
      if (limit > 0) {
        next.maxLength = limit
        applied.push(`a ${limit}-character limit on the message`)
      }
    }
    const label = buttonFollowUp(facts)
    if (label) {
      next.submitLabel = label
      applied.push(`the button reads "${label}"`)
    }
    const success = quotedFor(facts, SUCCESS_ROLES)
    if (success && success !== label) {
      next.successMessage = success
      applied.push(`the thank-you message "${success}"`)
    }
    return { values: next, applied }
  },
  followUpHints: [
    "add a subject / phone field",
    "limit the message to N characters",
    'button text "…"',
    'success message "…"',
  ],
  component: (context) => `import { useId, useState, type FormEvent } from "react"
import { CheckCircle2 } from "lucide-react"
import { Button } from "@/components/ui/button"
import { Input } from "@/components/ui/input"
import { Label } from "@/components/ui/label"
import { Textarea } from "@/components/ui/textarea"
${context.lookImports}

export interface ContactValues {
  name: string
  email: string
  phone: string
  subject: string
  message: string
}

${context.propsInterface}

const EMAIL_PATTERN = /^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$/

const EMPTY: ContactValues = { name: "", email: "", phone: "", subject: "", message: "" }

type ContactErrors = Partial<Record<keyof ContactValues, string>>

${context.signature}
  ${context.look}
  const id = useId()
  const [values, setValues] = useState<ContactValues>(EMPTY)
  const [errors, setErrors] = useState<ContactErrors>({})
  const [sent, setSent] = useState(false)

  function update(key: keyof ContactValues, value: string) {
    setValues((current) => ({ ...current, [key]: value }))
    setErrors((current) => ({ ...current, [key]: undefined }))
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const found: ContactErrors = {}
    if (!values.name.trim()) found.name = "Enter your name"
    if (!values.email.trim()) found.email = "Enter your email address"
    else if (!EMAIL_PATTERN.test(values.email.trim())) found.email = "Enter a valid email address"
    if (showSubject && !values.subject.trim()) found.subject = "Enter a subject"
    if (!values.message.trim()) found.message = "Enter a message"
    setErrors(found)
    if (Object.values(found).some(Boolean)) return
    onSubmit?.({
      name: values.name.trim(),
      email: values.email.trim(),
      phone: values.phone.trim(),
      subject: values.subject.trim(),
      message: values.message.trim(),
    })
    setSent(true)
  }

  function field(key: keyof ContactValues) {
    return {
      id: id + "-" + key,
      value: values[key],
      "aria-invalid": errors[key] ? true : undefined,
      "aria-describedby": errors[key] ? id + "-" + key + "-error" : undefined,
    }
  }

  function errorText(key: keyof ContactValues) {
    return errors[key] ? (
      <p id={id + "-" + key + "-error"} role="alert" className="text-sm text-destructive">
        {errors[key]}
      </p>
    ) : null
  }

  return (
    <div className={cn(look.className, "w-full max-w-lg p-4")} style={look.style}>
      <section
        aria-labelledby={id + "-title"}
        className="flex flex-col gap-6 rounded-xl border bg-card p-6 text-card-foreground shadow-sm"
      >
        <div className="flex flex-col gap-1">
          <h2 id={id + "-title"} className="text-xl font-semibold leading-tight">
            {title}
          </h2>
          {description && <p className="text-sm text-muted-foreground">{description}</p>}
        </div>
        <div role="status" aria-live="polite">
          {sent && (
            <div className="flex flex-col items-start gap-4 rounded-lg border bg-muted/40 p-4">
              <p className="flex items-start gap-2 text-sm font-medium">
                <CheckCircle2 className="mt-0.5 size-4 shrink-0 text-primary" aria-hidden="true" />
                {successMessage}
              </p>
              <Button
                type="button"
                variant="outline"
                onClick={() => {
                  setValues(EMPTY)
                  setSent(false)
                }}
              >
                Send another message
              </Button>
            </div>
          )}
        </div>
        {!sent && (
          <form noValidate onSubmit={handleSubmit} className="flex flex-col gap-4">
            <div className="grid gap-4 sm:grid-cols-2">
              <div className="flex flex-col gap-2">
                <Label htmlFor={id + "-name"}>Name</Label>
                <Input
                  {...field("name")}
                  autoComplete="name"
                  placeholder="Jane Cooper"
                  onChange={(event) => update("name", event.target.value)}
                />
                {errorText("name")}
              </div>
              <div className="flex flex-col gap-2">
                <Label htmlFor={id + "-email"}>Email</Label>
                <Input
                  {...field("email")}
                  type="email"
                  autoComplete="email"
                  placeholder="jane@example.com"
                  onChange={(event) => update("email", event.target.value)}
                />
                {errorText("email")}
              </div>
            </div>
            {showPhone && (
              <div className="flex flex-col gap-2">
                <Label htmlFor={id + "-phone"}>
                  Phone <span className="font-normal text-muted-foreground">(optional)</span>
                </Label>
                <Input
                  {...field("phone")}
                  type="tel"
                  autoComplete="tel"
                  onChange={(event) => update("phone", event.target.value)}
                />
              </div>
            )}
            {showSubject && (
              <div className="flex flex-col gap-2">
                <Label htmlFor={id + "-subject"}>Subject</Label>
                <Input {...field("subject")} onChange={(event) => update("subject", event.target.value)} />
                {errorText("subject")}
              </div>
            )}
            <div className="flex flex-col gap-2">
              <div className="flex items-baseline justify-between gap-2">
                <Label htmlFor={id + "-message"}>Message</Label>
                {maxLength > 0 && (
                  <span id={id + "-count"} aria-live="polite" className="text-xs tabular-nums text-muted-foreground">
                    {values.message.length}/{maxLength}
                  </span>
                )}
              </div>
              <Textarea
                {...field("message")}
                rows={5}
                maxLength={maxLength > 0 ? maxLength : undefined}
                placeholder="How can we help?"
                onChange={(event) => update("message", event.target.value)}
              />
              {errorText("message")}
            </div>
            <Button type="submit" className="self-end">
              {submitLabel}
            </Button>
          </form>
        )}
      </section>
    </div>
  )
}
`,
  tests: (context) => {
    const { name, values, lit } = context
    const limit = num(values, "maxLength")
    const submit = `screen.getByRole("button", { name: ${lit(str(values, "submitLabel"))} })`
    const fields = [
      "Name",
      "Email",
      ...(bool(values, "showPhone") ? ["Phone (optional)"] : []),
      ...(bool(values, "showSubject") ? ["Subject"] : []),
      "Message",
    ]
    const fill = [
      ["Name", "Jane Cooper"],
      ["Email", "jane@example.com"],
      ...(bool(values, "showSubject") ? [["Subject", "Partnership"]] : []),
      ["Message", "Hello there"],
    ]
      .map(
        ([label, value]) =>
          `  await user.click(screen.getByLabelText("${label}"))\n  await user.paste("${value}")`,
      )
      .join("\n")
    const tests = [
      `it("${context.id("fields")}: shows the heading, labelled fields and the send button", () => {
  render(<${name} />)
  expect(screen.getByRole("heading", { name: ${lit(str(values, "title"))} })).toBeInTheDocument()
  for (const label of ${JSON.stringify(fields)}) expect(screen.getByLabelText(label)).toBeInTheDocument()
  expect(screen.getByLabelText("Message").tagName).toBe("TEXTAREA")
  expect(${submit}).toHaveAttribute("type", "submit")
})`,
      `it("${context.id("validation")}: says what is missing and does not send", async () => {
  const user = userEvent.setup()
  const onSubmit = vi.fn()
  render(<${name} onSubmit={onSubmit} />)
  await user.click(${submit})
  expect(screen.getByText("Enter your name")).toBeInTheDocument()
  expect(screen.getByText("Enter your email address")).toBeInTheDocument()
  expect(screen.getByText("Enter a message")).toBeInTheDocument()
  await user.type(screen.getByLabelText("Email"), "jane@")
  await user.click(${submit})
  expect(screen.getByText("Enter a valid email address")).toBeInTheDocument()
  expect(onSubmit).not.toHaveBeenCalled()
})`,
    ]
    if (context.has("limit"))
      tests.push(`it("${context.id("limit")}: limits the message to ${limit} characters and shows the count", async () => {
  const user = userEvent.setup()
  render(<${name} />)
  const message = screen.getByLabelText("Message")
  await user.type(message, "Hello")
  expect(screen.getByText("5/${limit}")).toBeInTheDocument()
  await user.clear(message)
  await user.click(message)
  await user.paste("a".repeat(${limit + 25}))
  expect(message).toHaveValue("a".repeat(${limit}))
  expect(screen.getByText("${limit}/${limit}")).toBeInTheDocument()
})`)
    tests.push(`it("${context.id("success")}: sending calls onSubmit and shows the thank-you message", async () => {
  const user = userEvent.setup()
  const onSubmit = vi.fn()
  render(<${name} onSubmit={onSubmit} />)
${fill}
  await user.click(${submit})
  expect(onSubmit).toHaveBeenCalledWith({
    name: "Jane Cooper",
    email: "jane@example.com",
    phone: "",
    subject: ${bool(values, "showSubject") ? '"Partnership"' : '""'},
    message: "Hello there",
  })
  expect(within(screen.getByRole("status")).getByText(${lit(str(values, "successMessage"))})).toBeInTheDocument()
  expect(screen.queryByLabelText("Message")).not.toBeInTheDocument()
})`)
    tests.push(`it("${context.id("again")}: Send another message brings back an empty form", async () => {
  const user = userEvent.setup()
  render(<${name} />)
${fill}
  await user.click(${submit})
  await user.click(screen.getByRole("button", { name: "Send another message" }))
  expect(screen.getByLabelText("Message")).toHaveValue("")
  expect(screen.getByLabelText("Name")).toHaveValue("")
})`)
    return tests.join("\n\n")
  },
}
