import { boolean, defineRecipe, number, text } from "../../define-recipe"
import { buttonFollowUp, quotedFor, toggleRequest } from "../../readers"
import { code, codeLines, testCase, type TestCase } from "../../test-builder"
import { limitOf, readContactForm, SUCCESS_ROLES } from "./reader"

/** Name, email and message (with an optional subject, phone and a character limit); thanks the person after sending. */
export const contactForm = defineRecipe({
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
  params: {
    title: text("The form's heading."),
    description: text("The line under the heading."),
    submitLabel: text("The submit button's label."),
    showSubject: boolean("Ask for a subject line."),
    showPhone: boolean("Ask for an optional phone number."),
    maxLength: number("The most characters the message may have (0: no limit)."),
    successMessage: text("Shown after the message is sent."),
  },
  read: readContactForm,
  summary: ({ title, showPhone, showSubject, maxLength }) =>
    `A contact form titled "${title}" asking for name, email${showPhone ? ", phone" : ""}` +
    `${showSubject ? ", subject" : ""} and a message` +
    `${maxLength > 0 ? ` of up to ${maxLength} characters` : ""}, with a thank-you message after sending.`,
  requirements: ({ title, submitLabel, showPhone, showSubject, maxLength: limit, successMessage }) => {
    const fields = [
      "Name",
      "Email",
      ...(showPhone ? ["Phone"] : []),
      ...(showSubject ? ["Subject"] : []),
      "Message",
    ]
    const list: [string, string][] = [
      ["fields", `Shows "${title}" with labelled ${fields.join(", ")} fields and a "${submitLabel}" button`],
      ["validation", "Refuses to send without a name, a valid email and a message, and says what is missing"],
    ]
    if (limit > 0)
      list.push(["limit", `Limits the message to ${limit} characters and shows the count as "n/${limit}"`])
    list.push([
      "success",
      `Sending calls onSubmit with the values and shows "${successMessage}" instead of the form`,
    ])
    list.push(["again", 'A "Send another message" button brings back an empty form'])
    return list
  },
  followUp: (facts) => {
    const next: {
      showSubject?: boolean
      showPhone?: boolean
      maxLength?: number
      submitLabel?: string
      successMessage?: string
    } = {}
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
  tests: ({
    Component,
    values: { title, submitLabel, showPhone, showSubject, maxLength: limit, successMessage },
    has,
  }) => {
    const submit = code`screen.getByRole("button", { name: ${submitLabel} })`
    const labels = [
      "Name",
      "Email",
      ...(showPhone ? ["Phone (optional)"] : []),
      ...(showSubject ? ["Subject"] : []),
      "Message",
    ]
    const entries: [string, string][] = [
      ["Name", "Jane Cooper"],
      ["Email", "jane@example.com"],
      ...(showSubject ? [["Subject", "Partnership"] as [string, string]] : []),
      ["Message", "Hello there"],
    ]
    const fill = codeLines(
      entries.map(
        ([label, value]) => code`
          await user.click(screen.getByLabelText(${label}))
          await user.paste(${value})
        `,
      ),
    )
    const tests: TestCase[] = [
      testCase(
        "fields",
        "shows the heading, labelled fields and the send button",
        code`
          render(<${Component} />)
          expect(screen.getByRole("heading", { name: ${title} })).toBeInTheDocument()
          for (const label of ${labels}) expect(screen.getByLabelText(label)).toBeInTheDocument()
          expect(screen.getByLabelText("Message").tagName).toBe("TEXTAREA")
          expect(${submit}).toHaveAttribute("type", "submit")
        `,
      ),
      testCase(
        "validation",
        "says what is missing and does not send",
        code`
          const user = userEvent.setup()
          const onSubmit = vi.fn()
          render(<${Component} onSubmit={onSubmit} />)
          await user.click(${submit})
          expect(screen.getByText("Enter your name")).toBeInTheDocument()
          expect(screen.getByText("Enter your email address")).toBeInTheDocument()
          expect(screen.getByText("Enter a message")).toBeInTheDocument()
          await user.type(screen.getByLabelText("Email"), "jane@")
          await user.click(${submit})
          expect(screen.getByText("Enter a valid email address")).toBeInTheDocument()
          expect(onSubmit).not.toHaveBeenCalled()
        `,
      ),
    ]
    if (has("limit"))
      tests.push(
        testCase(
          "limit",
          `limits the message to ${limit} characters and shows the count`,
          code`
            const user = userEvent.setup()
            render(<${Component} />)
            const message = screen.getByLabelText("Message")
            await user.type(message, "Hello")
            expect(screen.getByText(${`5/${limit}`})).toBeInTheDocument()
            await user.clear(message)
            await user.click(message)
            await user.paste("a".repeat(${limit + 25}))
            expect(message).toHaveValue("a".repeat(${limit}))
            expect(screen.getByText(${`${limit}/${limit}`})).toBeInTheDocument()
          `,
        ),
      )
    tests.push(
      testCase(
        "success",
        "sending calls onSubmit and shows the thank-you message",
        code`
          const user = userEvent.setup()
          const onSubmit = vi.fn()
          render(<${Component} onSubmit={onSubmit} />)
          ${fill}
          await user.click(${submit})
          expect(onSubmit).toHaveBeenCalledWith({
            name: "Jane Cooper",
            email: "jane@example.com",
            phone: "",
            subject: ${showSubject ? "Partnership" : ""},
            message: "Hello there",
          })
          expect(within(screen.getByRole("status")).getByText(${successMessage})).toBeInTheDocument()
          expect(screen.queryByLabelText("Message")).not.toBeInTheDocument()
        `,
      ),
      testCase(
        "again",
        "Send another message brings back an empty form",
        code`
          const user = userEvent.setup()
          render(<${Component} />)
          ${fill}
          await user.click(${submit})
          await user.click(screen.getByRole("button", { name: "Send another message" }))
          expect(screen.getByLabelText("Message")).toHaveValue("")
          expect(screen.getByLabelText("Name")).toHaveValue("")
        `,
      ),
    )
    return tests
  },
})
