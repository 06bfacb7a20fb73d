import { boolean, defineRecipe, select, text } from "../../define-recipe"
import { mentions } from "../../facts"
import { code, testCase, type TestCase } from "../../test-builder"
import { emailCapture, readHero } from "./reader"

/** A landing page's hero: an optional eyebrow, the headline, a subheading, and buttons or an email box. */
export const heroSection = defineRecipe({
  kind: "hero-section",
  title: "Hero section",
  names: ["Hero"],
  keywords: {
    strong: [
      "hero",
      "hero section",
      "hero banner",
      "hero header",
      "landing hero",
      "landing page hero",
      "above the fold",
      "splash section",
      "jumbotron",
      // These tie with the newsletter recipe, so "a hero with a waitlist signup" stays a hero ("hero" decides).
      "newsletter",
      "newsletter signup",
      "newsletter sign up",
      "waitlist",
      "wait list",
      "email capture",
      "email signup",
    ],
    weak: ["headline", "call to action", "cta", "landing page", "tagline", "subheading"],
  },
  callbacks: [
    { name: "onPrimary", type: "() => void", description: "Called when the primary button is clicked." },
    { name: "onSecondary", type: "() => void", description: "Called when the secondary button is clicked." },
    {
      name: "onSubscribe",
      type: "(email: string) => void",
      description: "Called with the address when a valid email is submitted.",
    },
  ],
  params: {
    eyebrow: text("A short label above the headline; empty for none."),
    headline: text("The main heading."),
    subheading: text("The sentence under the headline."),
    primaryLabel: text("The primary button's label (the submit button when the email box is shown)."),
    secondaryLabel: text("The secondary button's label; empty for none."),
    showEmail: boolean("Ask for an email address next to the primary button."),
    align: select(["center", "left"], "Text alignment."),
  },
  read: readHero,
  summary: ({ headline, primaryLabel, secondaryLabel, showEmail }) =>
    `A hero section headed "${headline}" with a ${primaryLabel} button${secondaryLabel ? ` and a ${secondaryLabel} button` : ""}${showEmail ? " and an email box" : ""}.`,
  requirements: ({ headline, subheading, primaryLabel, secondaryLabel, showEmail }) => {
    const list: [string, string][] = [
      ["headline", `Shows the headline "${headline}" as the page's main heading`],
      ["subheading", `Shows the subheading "${subheading}"`],
    ]
    if (showEmail) {
      list.push(
        [
          "subscribe",
          `Submitting a valid email with "${primaryLabel}" calls onSubscribe with it and says thanks`,
        ],
        ["invalid", "An invalid email shows an error and does not call onSubscribe"],
      )
    } else {
      list.push(["primary", `The "${primaryLabel}" button calls onPrimary`])
    }
    if (secondaryLabel) list.push(["secondary", `The "${secondaryLabel}" button calls onSecondary`])
    return list
  },
  tests: ({ Component, values: { headline, subheading, primaryLabel, secondaryLabel }, has }) => {
    const primary = code`screen.getByRole("button", { name: ${primaryLabel} })`
    const tests: TestCase[] = [
      testCase(
        "headline",
        "shows the headline as the main heading",
        code`
          render(<${Component} />)
          expect(screen.getByRole("heading", { level: 1, name: ${headline} })).toBeInTheDocument()
        `,
      ),
      testCase(
        "subheading",
        "shows the subheading",
        code`
          render(<${Component} />)
          expect(screen.getByText(${subheading})).toBeInTheDocument()
        `,
      ),
    ]
    if (has("subscribe"))
      tests.push(
        testCase(
          "subscribe",
          "a valid email is submitted with the primary button",
          code`
            const user = userEvent.setup()
            const onSubscribe = vi.fn()
            render(<${Component} onSubscribe={onSubscribe} />)
            await user.type(screen.getByLabelText("Email address"), "ada@example.com")
            await user.click(${primary})
            expect(onSubscribe).toHaveBeenCalledWith("ada@example.com")
            expect(screen.getByText("Thanks! We'll be in touch.")).toBeInTheDocument()
          `,
        ),
        testCase(
          "invalid",
          "an invalid email shows an error",
          code`
            const user = userEvent.setup()
            const onSubscribe = vi.fn()
            render(<${Component} onSubscribe={onSubscribe} />)
            const input = screen.getByLabelText("Email address")
            await user.type(input, "not-an-email")
            await user.click(${primary})
            expect(onSubscribe).not.toHaveBeenCalled()
            expect(input).toHaveAttribute("aria-invalid", "true")
            expect(input).toHaveAccessibleDescription("Enter a valid email address")
          `,
        ),
      )
    if (has("primary"))
      tests.push(
        testCase(
          "primary",
          "the primary button calls onPrimary",
          code`
            const user = userEvent.setup()
            const onPrimary = vi.fn()
            render(<${Component} onPrimary={onPrimary} />)
            await user.click(${primary})
            expect(onPrimary).toHaveBeenCalledTimes(1)
          `,
        ),
      )
    if (has("secondary"))
      tests.push(
        testCase(
          "secondary",
          "the secondary button calls onSecondary",
          code`
            const user = userEvent.setup()
            const onSecondary = vi.fn()
            render(<${Component} onSecondary={onSecondary} />)
            await user.click(screen.getByRole("button", { name: ${secondaryLabel} }))
            expect(onSecondary).toHaveBeenCalledTimes(1)
          `,
        ),
      )
    return tests
  },
  followUp: (facts) => {
    const applied: string[] = []
    const next: {
      showEmail?: boolean
      align?: "center" | "left"
      secondaryLabel?: string
      primaryLabel?: string
      subheading?: string
      eyebrow?: string
      headline?: string
    } = {}
    if (
      mentions(facts, "remove the email", "no email", "without email", "hide the email", "drop the email")
    ) {
      next.showEmail = false
      applied.push("no email box")
    } else if (emailCapture(facts)) {
      next.showEmail = true
      applied.push("an email box")
    }
    if (mentions(facts, "left aligned", "left-aligned", "align left", "aligned left", "to the left")) {
      next.align = "left"
      applied.push("left-aligned text")
    } else if (mentions(facts, "centered", "centred", "center it", "centre it")) {
      next.align = "center"
      applied.push("centred text")
    }
    if (mentions(facts, "remove the secondary", "one button", "single button", "no secondary")) {
      next.secondaryLabel = ""
      applied.push("a single button")
    }
    const quoted = facts.quoted[0]
    if (quoted) {
      if (/\b(button|cta)\b/i.test(facts.text)) {
        next.primaryLabel = quoted
        applied.push(`the button "${quoted}"`)
      } else if (/\b(sub-?heading|subtitle|tagline)\b/i.test(facts.text)) {
        next.subheading = quoted
        applied.push(`the subheading "${quoted}"`)
      } else if (/\b(eyebrow|badge|pill)\b/i.test(facts.text)) {
        next.eyebrow = quoted
        applied.push(`the badge "${quoted}"`)
      } else {
        next.headline = quoted
        applied.push(`the headline "${quoted}"`)
      }
    }
    return { values: next, applied }
  },
  followUpHints: [
    'a new headline "…"',
    'the button "…"',
    "add or remove the email box",
    "left-aligned or centred",
    "a single button",
  ],
})
