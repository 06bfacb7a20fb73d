import { mentions, type PromptFacts } from "../facts"
import { bool, str, type Recipe, type Values } from "../recipe"

interface Copy {
  eyebrow: string
  headline: string
  subheading: string
  primary: string
  secondary: string
}

const CTA_CONTEXT =
  /\b(buttons?|ctas?|call[- ]to[- ]actions?|actions?|links?|primary|secondary|labelled|labeled)\b/i
const SUB_CONTEXT =
  /\b(sub-?head(?:ing|line)?|subtitle|sub-?title|tagline|subtext|description|paragraph|blurb|body|lead)\b/i
const HEAD_CONTEXT = /\b(head(?:ing|line)|title|saying|says|that reads|reads)\b/i
const EYEBROW_CONTEXT = /\b(eyebrow|badge|pill|announcement|kicker)\b/i

/** Sorts the quoted strings into headline, subheading, buttons and eyebrow by the words just before each. */
function copyOf(facts: PromptFacts): Copy {
  const copy: Partial<Copy> = {}
  const ctas: string[] = []
  const loose: string[] = []
  let from = 0
  let previousWasCta = false
  for (const quote of facts.quoted) {
    const at = facts.text.indexOf(quote, from)
    const before = facts.text.slice(Math.max(from, at - 48), Math.max(at - 1, 0))
    from = at + quote.length
    const joined = /^\s*["”'`]?\s*(?:,|and|or|&|\/)\s*["“'`]?\s*$/i.test(before)
    if (EYEBROW_CONTEXT.test(before) && !copy.eyebrow) copy.eyebrow = quote
    else if (SUB_CONTEXT.test(before) && !copy.subheading) copy.subheading = quote
    else if ((CTA_CONTEXT.test(before) || (joined && previousWasCta)) && quote.split(" ").length <= 5) {
      ctas.push(quote)
      previousWasCta = true
      continue
    } else if (HEAD_CONTEXT.test(before) && !copy.headline) copy.headline = quote
    else loose.push(quote)
    previousWasCta = false
  }
  for (const quote of loose) {
    if (!copy.headline) copy.headline = quote
    else if (!copy.subheading && quote.split(" ").length > 4) copy.subheading = quote
    else if (quote.split(" ").length <= 4) ctas.push(quote)
    else if (!copy.subheading) copy.subheading = quote
  }
  const listed = facts.lists.find(
    (list) => list.length === 2 && list.every((item) => item.split(" ").length <= 4),
  )
  if (ctas.length === 0 && listed) ctas.push(...listed)
  const topic = topicOf(facts)
  return {
    eyebrow: copy.eyebrow ?? "",
    headline: copy.headline ?? topic.headline,
    subheading: copy.subheading ?? topic.subheading,
    primary: ctas[0] ?? (mentions(facts, "waitlist", "wait list") ? "Join the waitlist" : topic.primary),
    secondary:
      ctas[1] ?? (mentions(facts, "one button", "single button", "single cta") ? "" : topic.secondary),
  }
}

interface Topic {
  words: string[]
  headline: string
  subheading: string
  primary: string
  secondary: string
}

const TOPICS: Topic[] = [
  {
    words: ["coffee", "tea", "bakery", "restaurant", "food", "meal", "recipe", "recipes", "cafe", "café"],
    headline: "Freshly made, delivered to your door",
    subheading:
      "Small-batch favourites from independent makers, shipped the day they're made. Pause or cancel anytime.",
    primary: "Start your subscription",
    secondary: "See the menu",
  },
  {
    words: ["fitness", "gym", "workout", "health", "wellness", "yoga"],
    headline: "Stronger every week, on your schedule",
    subheading: "Personal plans, 20-minute workouts and progress you can see. Cancel anytime.",
    primary: "Start free trial",
    secondary: "See the plans",
  },
  {
    words: ["travel", "trip", "trips", "hotel", "booking", "vacation"],
    headline: "Find your next great escape",
    subheading:
      "Handpicked stays and flexible bookings in 80 countries, with free cancellation on most trips.",
    primary: "Plan a trip",
    secondary: "Browse destinations",
  },
  {
    words: ["conference", "event", "summit", "meetup", "festival"],
    headline: "Two days with the people building what's next",
    subheading:
      "Talks, workshops and hallway conversations with 1,200 makers. Early-bird tickets are on sale now.",
    primary: "Get tickets",
    secondary: "See the schedule",
  },
  {
    words: ["ai", "assistant", "copilot"],
    headline: "Your AI teammate for every workflow",
    subheading: "Draft, summarise and automate the busywork, so your team can focus on what matters.",
    primary: "Try it free",
    secondary: "Watch the demo",
  },
  {
    words: ["app", "mobile", "ios", "android"],
    headline: "Everything you need, right in your pocket",
    subheading: "Plan, track and share on the go. Available on iOS and Android.",
    primary: "Download the app",
    secondary: "See features",
  },
  {
    words: ["course", "learn", "learning", "education", "school"],
    headline: "Learn the skills that move your career forward",
    subheading: "Short, practical lessons from people who do the work every day.",
    primary: "Start learning",
    secondary: "Browse courses",
  },
  {
    words: ["shop", "store", "ecommerce", "fashion", "collection"],
    headline: "The new collection has landed",
    subheading: "Timeless pieces made from responsibly sourced materials, delivered free.",
    primary: "Shop now",
    secondary: "View lookbook",
  },
  {
    words: ["agency", "studio", "portfolio", "design"],
    headline: "We design brands people remember",
    subheading: "Strategy, identity and digital products for ambitious teams.",
    primary: "Start a project",
    secondary: "See our work",
  },
  {
    words: ["finance", "fintech", "bank", "banking", "payments", "money"],
    headline: "Money management that works for you",
    subheading: "Send, save and spend across 40 currencies with no hidden fees.",
    primary: "Open an account",
    secondary: "Compare plans",
  },
]

const DEFAULT_TOPIC: Topic = {
  words: [],
  headline: "Ship better products, faster",
  subheading: "Plan, build and launch with one tool your whole team will love. Free for up to 5 people.",
  primary: "Get started",
  secondary: "Learn more",
}

function topicOf(facts: PromptFacts): Topic {
  return TOPICS.find((topic) => topic.words.some((word) => mentions(facts, word))) ?? DEFAULT_TOPIC
}

function emailCapture(facts: PromptFacts): boolean {
  return mentions(
    facts,
    "email capture",
    "email input",
    "email field",
    "email signup",
    "email sign up",
    "newsletter",
    "waitlist",
    "wait list",
    "subscribe",
    "capture emails",
    "collect emails",
    "email form",
    "email",
  )
}

export const heroSection: Recipe = {
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
  params: (facts) => {
    const copy = copyOf(facts)
    return [
      {
        name: "eyebrow",
        type: "string",
        value: copy.eyebrow,
        description: "A short label above the headline; empty for none.",
        control: "text",
      },
      {
        name: "headline",
        type: "string",
        value: copy.headline,
        description: "The main heading.",
        control: "text",
      },
      {
        name: "subheading",
        type: "string",
        value: copy.subheading,
        description: "The sentence under the headline.",
        control: "text",
      },
      {
        name: "primaryLabel",
        type: "string",
        value: copy.primary,
        description: "The primary button's label (the submit button when the email box is shown).",
        control: "text",
      },
      {
        name: "secondaryLabel",
        type: "string",
        value: copy.secondary,
        description: "The secondary button's label; empty for none.",
        control: "text",
      },
      {
        name: "showEmail",
        type: "boolean",
        value: emailCapture(facts),
        description: "Ask for an email address next to the primary button.",
        control: "boolean",
      },
      {
        name: "align",
        type: '"center" | "left"',
        value: mentions(facts, "left aligned", "left-aligned", "align left", "aligned left")
          ? "left"
          : "center",
        description: "Text alignment.",
        control: "select",
        options: ["center", "left"],
      },
    ]
  },
  summary: (values) =>
    `A hero section headed "${str(values, "headline")}" with a ${str(values, "primaryLabel")} button${str(values, "secondaryLabel") ? ` and a ${str(values, "secondaryLabel")} button` : ""}${bool(values, "showEmail") ? " and an email box" : ""}.`,
  requirements: (values) => {
    const list: [string, string][] = [
      ["headline", `Shows the headline "${str(values, "headline")}" as the page's main heading`],
      ["subheading", `Shows the subheading "${str(values, "subheading")}"`],
    ]
    if (bool(values, "showEmail")) {
      list.push(
        [
          "subscribe",
          `Submitting a valid email with "${str(values, "primaryLabel")}" calls onSubscribe with it and says thanks`,
        ],
        ["invalid", "An invalid email shows an error and does not call onSubscribe"],
      )
    } else {
      list.push(["primary", `The "${str(values, "primaryLabel")}" button calls onPrimary`])
    }
    if (str(values, "secondaryLabel"))
      list.push(["secondary", `The "${str(values, "secondaryLabel")}" button calls onSecondary`])
    return list
  },
  component: (context) => `import { useId, useState, type FormEvent } from "react"
import { ArrowRight } from "lucide-react"
import { Badge } from "@/components/ui/badge"
import { Button } from "@/components/ui/button"
import { Input } from "@/components/ui/input"
import { Label } from "@/components/ui/label"
${context.lookImports}

${context.propsInterface}

const EMAIL = /^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$/

${context.signature}
  ${context.look}
  const emailId = useId()
  const errorId = useId()
  const [email, setEmail] = useState("")
  const [error, setError] = useState("")
  const [subscribed, setSubscribed] = useState(false)
  const centred = align === "center"

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const value = email.trim()
    if (!EMAIL.test(value)) {
      setError("Enter a valid email address")
      return
    }
    setError("")
    setSubscribed(true)
    onSubscribe?.(value)
  }

  return (
    <section className={cn(look.className, "w-full px-6 py-20 sm:py-28")} style={look.style}>
      <div className={cn("mx-auto flex max-w-3xl flex-col gap-6", centred ? "items-center text-center" : "items-start text-left")}>
        {eyebrow && (
          <Badge variant="secondary" className="rounded-full px-3 py-1">
            {eyebrow}
          </Badge>
        )}
        <h1 className="text-4xl font-bold tracking-tight text-balance sm:text-5xl lg:text-6xl">{headline}</h1>
        {subheading && <p className="max-w-2xl text-lg text-muted-foreground text-pretty">{subheading}</p>}
        {showEmail ? (
          <div className={cn("flex w-full max-w-md flex-col gap-3", centred && "items-center")}>
            <form onSubmit={submit} noValidate className="flex w-full flex-col gap-2 sm:flex-row">
              <Label htmlFor={emailId} className="sr-only">
                Email address
              </Label>
              <Input
                id={emailId}
                type="email"
                autoComplete="email"
                placeholder="you@company.com"
                value={email}
                onChange={(event) => setEmail(event.target.value)}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? errorId : undefined}
                className="h-10 sm:flex-1"
              />
              <Button type="submit" size="lg">
                {primaryLabel}
              </Button>
            </form>
            {error && (
              <p id={errorId} className="text-sm text-destructive">
                {error}
              </p>
            )}
            <p aria-live="polite" className={cn("text-sm text-success", !subscribed && "sr-only")}>
              {subscribed ? "Thanks! We'll be in touch." : ""}
            </p>
            {secondaryLabel && (
              <Button type="button" variant="link" onClick={onSecondary}>
                {secondaryLabel}
                <ArrowRight aria-hidden="true" />
              </Button>
            )}
          </div>
        ) : (
          <div className={cn("flex flex-col gap-3 sm:flex-row", centred && "justify-center")}>
            <Button type="button" size="lg" onClick={onPrimary}>
              {primaryLabel}
              <ArrowRight aria-hidden="true" />
            </Button>
            {secondaryLabel && (
              <Button type="button" size="lg" variant="outline" onClick={onSecondary}>
                {secondaryLabel}
              </Button>
            )}
          </div>
        )}
      </div>
    </section>
  )
}
`,
  tests: (context) => {
    const { values, lit, id, name } = context
    const primary = str(values, "primaryLabel")
    const secondary = str(values, "secondaryLabel")
    const tests = [
      `it("${id("headline")}: shows the headline as the main heading", () => {
  render(<${name} />)
  expect(screen.getByRole("heading", { level: 1, name: ${lit(str(values, "headline"))} })).toBeInTheDocument()
})`,
      `it("${id("subheading")}: shows the subheading", () => {
  render(<${name} />)
  expect(screen.getByText(${lit(str(values, "subheading"))})).toBeInTheDocument()
})`,
    ]
    if (context.has("subscribe")) {
      tests.push(
        `it("${id("subscribe")}: a valid email is submitted with the primary button", async () => {
  const user = userEvent.setup()
  const onSubscribe = vi.fn()
  render(<${name} onSubscribe={onSubscribe} />)
  await user.type(screen.getByLabelText("Email address"), "ada@example.com")
  await user.click(screen.getByRole("button", { name: ${lit(primary)} }))
  expect(onSubscribe).toHaveBeenCalledWith("ada@example.com")
  expect(screen.getByText("Thanks! We'll be in touch.")).toBeInTheDocument()
})`,
        `it("${id("invalid")}: an invalid email shows an error", async () => {
  const user = userEvent.setup()
  const onSubscribe = vi.fn()
  render(<${name} onSubscribe={onSubscribe} />)
  const input = screen.getByLabelText("Email address")
  await user.type(input, "not-an-email")
  await user.click(screen.getByRole("button", { name: ${lit(primary)} }))
  expect(onSubscribe).not.toHaveBeenCalled()
  expect(input).toHaveAttribute("aria-invalid", "true")
  expect(input).toHaveAccessibleDescription("Enter a valid email address")
})`,
      )
    }
    if (context.has("primary")) {
      tests.push(`it("${id("primary")}: the primary button calls onPrimary", async () => {
  const user = userEvent.setup()
  const onPrimary = vi.fn()
  render(<${name} onPrimary={onPrimary} />)
  await user.click(screen.getByRole("button", { name: ${lit(primary)} }))
  expect(onPrimary).toHaveBeenCalledTimes(1)
})`)
    }
    if (context.has("secondary")) {
      tests.push(`it("${id("secondary")}: the secondary button calls onSecondary", async () => {
  const user = userEvent.setup()
  const onSecondary = vi.fn()
  render(<${name} onSecondary={onSecondary} />)
  await user.click(screen.getByRole("button", { name: ${lit(secondary)} }))
  expect(onSecondary).toHaveBeenCalledTimes(1)
})`)
    }
    return tests.join("\n\n")
  },
  followUp: (facts, values) => {
    const applied: string[] = []
    const next: Record<string, Values[string]> = { ...values }
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
}
