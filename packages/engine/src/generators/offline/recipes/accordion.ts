import { countOf, mentions, type PromptFacts } from "../facts"
import { bool, records, sentenceList, str, type Recipe, type Values } from "../recipe"
import { quotedWith, readItems, tlit } from "./navbar"

interface Faq extends Record<string, string> {
  question: string
  answer: string
}

type Topic = "shipping" | "returns" | "billing" | "account" | "product"

const BANK: Record<Topic, [string, string][]> = {
  shipping: [
    [
      "How long does shipping take?",
      "Standard orders arrive in 3–5 business days; express orders in 1–2 business days.",
    ],
    [
      "Do you ship internationally?",
      "Yes, we ship to more than 40 countries. Duties and taxes are calculated at checkout.",
    ],
    [
      "How much does shipping cost?",
      "Standard shipping is free on orders over $50. Below that it's a flat $5.",
    ],
    [
      "How can I track my order?",
      "As soon as your order ships we email you a tracking link. You can also find it under Orders.",
    ],
    [
      "Can I change my shipping address after ordering?",
      "Yes, as long as the order hasn't shipped. Contact us within 12 hours of placing it.",
    ],
    [
      "What if my package is lost or damaged?",
      "Tell us within 14 days of delivery and we'll send a replacement or refund you in full.",
    ],
  ],
  returns: [
    [
      "What is your return policy?",
      "You can return unused items within 30 days of delivery for a full refund.",
    ],
    [
      "How do I start a return?",
      "Go to Orders, choose the item and select Return. We'll email you a prepaid label.",
    ],
    [
      "When will I get my refund?",
      "Refunds go back to your original payment method within 5–7 business days of us receiving the item.",
    ],
    [
      "Can I exchange an item for a different size?",
      "Yes. Choose Exchange instead of Return and we'll ship the new size right away.",
    ],
    [
      "Are there items I can't return?",
      "Gift cards, final-sale items and personalised products can't be returned.",
    ],
  ],
  billing: [
    ["Is there a free trial?", "Every plan starts with a 14-day free trial. No credit card required."],
    [
      "Can I change my plan later?",
      "Yes, upgrade or downgrade at any time. Changes are prorated on your next invoice.",
    ],
    [
      "Which payment methods do you accept?",
      "All major credit cards and PayPal, plus bank transfer on annual plans.",
    ],
    [
      "How do I cancel my subscription?",
      "Cancel from Settings → Billing. You keep access until the end of the current billing period.",
    ],
    [
      "Do you offer refunds?",
      "If you're not happy within the first 30 days, we'll refund your payment in full.",
    ],
    [
      "Do you offer discounts for nonprofits or education?",
      "Yes, verified nonprofits and schools get 50% off any plan.",
    ],
  ],
  account: [
    [
      "How do I reset my password?",
      'Click "Forgot password" on the sign-in page and we\'ll email you a reset link.',
    ],
    [
      "Can I change the email on my account?",
      "Yes, from Settings → Profile. We'll ask you to confirm the new address.",
    ],
    [
      "Is my data secure?",
      "Your data is encrypted in transit and at rest, and we never sell it to third parties.",
    ],
    [
      "How do I turn on two-factor authentication?",
      "Go to Settings → Security and follow the steps to link an authenticator app.",
    ],
    [
      "How do I delete my account?",
      "Go to Settings → Account and choose Delete account. This can't be undone.",
    ],
  ],
  product: [
    [
      "How does it work?",
      "Create an account, connect your tools and invite your team. Most teams are up and running in minutes.",
    ],
    ["Who is it for?", "Small and growing teams who want one place to plan, track and ship their work."],
    [
      "Can I use it on my phone?",
      "Yes. It works in any modern browser, and our iOS and Android apps stay in sync.",
    ],
    [
      "Does it integrate with the tools we already use?",
      "Yes: Slack, Google Drive, GitHub and more than 50 other apps, plus an open API.",
    ],
    ["Can I invite my team?", "Yes. Invite as many teammates as your plan allows from Settings → Members."],
    [
      "How do I contact support?",
      "Email support@example.com or use the chat in the app. We reply within one business day.",
    ],
  ],
}

const TOPICS: [Topic, RegExp][] = [
  ["shipping", /\b(?:shipping|ship|delivery|deliveries|store|shop|e-?commerce|orders?)\b/],
  ["returns", /\b(?:returns?|refunds?|exchanges?)\b/],
  ["billing", /\b(?:pricing|billing|payments?|subscriptions?|plans?|trial|saas)\b/],
  ["account", /\b(?:accounts?|security|password|privacy|login|sign in)\b/],
]

/** Section bodies for a details accordion ("Description, Specifications and Reviews"). */
const SECTIONS: [RegExp, string][] = [
  [
    /description|overview|about|details/i,
    "A lightweight everyday piece made from soft organic cotton, cut for a relaxed fit.",
  ],
  [/spec|dimension|size/i, "Weight 180 g · Fits true to size · Model is 1.80 m and wears a medium."],
  [/material|care|fabric/i, "100% organic cotton. Machine wash cold, tumble dry low, do not bleach."],
  [/shipping|delivery/i, "Free standard shipping on orders over $50. Express delivery in 1–2 business days."],
  [/return|refund/i, "Return unused items within 30 days of delivery for a full refund."],
  [/review|rating/i, "Rated 4.8 out of 5 by 1,204 customers. 96% would recommend it to a friend."],
  [/warranty|guarantee/i, "Covered by a 2-year warranty against manufacturing defects."],
  [/contact|support|help/i, "Email support@example.com or call +1 555 0100, Monday to Friday, 9am–5pm."],
]

/** The topics the prompt is about ("for our online store" → shipping and returns); product questions otherwise. */
function topicsOf(facts: PromptFacts): Topic[] {
  const found = TOPICS.filter(([, pattern]) => pattern.test(facts.lower)).map(([topic]) => topic)
  if (
    found.includes("shipping") &&
    !found.includes("returns") &&
    /\b(?:store|shop|e-?commerce)\b/.test(facts.lower)
  )
    found.push("returns")
  return found.length > 0 ? found : ["product"]
}

/** Questions on the prompt's topics first (interleaved), then the other topics' as a reserve. */
function bankFor(facts: PromptFacts): [string, string][] {
  return bankOf(topicsOf(facts))
}

function bankOf(topics: readonly Topic[]): [string, string][] {
  const entries: [string, string][] = []
  const longest = Math.max(...topics.map((topic) => BANK[topic].length))
  for (let index = 0; index < longest; index += 1)
    for (const topic of topics) {
      const entry = BANK[topic][index]
      if (entry) entries.push(entry)
    }
  for (const topic of ["product", "billing", "account", "shipping", "returns"] as const)
    if (!topics.includes(topic)) entries.push(...BANK[topic])
  return entries
}

function words(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/[a-z]{4,}/g) ?? [])
}

function answerFor(question: string): string {
  const asked = words(question)
  let best: [number, string] = [0, ""]
  for (const entries of Object.values(BANK))
    for (const [known, answer] of entries) {
      const overlap = [...words(known)].filter((word) => asked.has(word)).length
      if (overlap > best[0]) best = [overlap, answer]
    }
  return best[0] >= 1
    ? best[1]
    : "Our support team can help: email support@example.com and we'll reply within one business day."
}

function isDetails(facts: PromptFacts): boolean {
  return (
    !mentions(facts, "faq", "question", "questions", "q&a", "q and a", "help center", "help centre") &&
    readItems(facts) !== undefined
  )
}

function itemsOf(facts: PromptFacts): Faq[] {
  const asked = facts.quoted.filter((value) => value.trim().endsWith("?"))
  if (asked.length > 0) return asked.map((question) => ({ question, answer: answerFor(question) }))
  if (isDetails(facts)) {
    const sections = readItems(facts) ?? []
    return sections.map((section) => ({
      question: section,
      answer:
        SECTIONS.find(([pattern]) => pattern.test(section))?.[1] ??
        `Everything you need to know about ${section.toLowerCase()}, in one place.`,
    }))
  }
  const count = Math.min(
    Math.max(countOf(facts, "question", "faq", "item", "entry", "q", "section") ?? 4, 1),
    12,
  )
  return bankFor(facts)
    .slice(0, count)
    .map(([question, answer]) => ({ question, answer }))
}

const MULTIPLE =
  /\b(?:several|multiple|many|more than one|any number|both|independent(?:ly)?)\b[^.]{0,30}\b(?:open|expanded)\b|\b(?:open|expand)\b[^.]{0,20}\b(?:several|multiple|more than one|independently|at once|at the same time)\b|\ballow(?:s|ing)? (?:several|multiple)\b/
const SINGLE =
  /\b(?:only one|one at a time|single|one open)\b|\bclos(?:e|es|ing) the others?\b|\bothers? close\b/
const FIRST_OPEN =
  /\bfirst\b[^.]{0,25}\b(?:open|opened|expanded)\b|\b(?:open|expand)(?:s|ed)?\b[^.]{0,20}\bfirst\b|\b(?:open|expanded)\b[^.]{0,20}\bby default\b|\bstarts? with the first\b/

/** An accordion from the kit: N questions (or sections) with real answers, single or multiple open. */
export const accordion: Recipe = {
  kind: "accordion",
  title: "Accordion",
  names: ["FaqAccordion", "Faq", "DetailsAccordion"],
  keywords: {
    strong: [
      "accordion",
      "accordion with",
      "accordion for",
      "faq",
      "faqs",
      "faq section",
      "faq page",
      "faq with",
      "faq for",
      "frequently asked questions",
      "questions and answers",
      "collapsible sections",
      "expandable sections",
      "collapsible panels",
      "q&a section",
    ],
    weak: ["questions", "collapsible", "expandable", "expand and collapse", "answers"],
  },
  callbacks: [
    {
      name: "onOpenChange",
      type: "(openItems: string[]) => void",
      description: "Called with the titles of the open items whenever one opens or closes.",
    },
  ],
  name: (facts) =>
    isDetails(facts) ? "DetailsAccordion" : mentions(facts, "accordion") ? "FaqAccordion" : "Faq",
  params: (facts) => {
    const details = isDetails(facts)
    return [
      {
        name: "title",
        type: "string",
        value:
          quotedWith(facts, /\b(?:title|heading|titled|header|called)\b[^"“”`]*$/i) ??
          (details ? "" : "Frequently asked questions"),
        description: "The heading above the accordion; empty for none.",
        control: "text",
      },
      {
        name: "items",
        type: "FaqItem[]",
        value: itemsOf(facts),
        description: "The questions (or section titles) and their answers, in order.",
      },
      {
        name: "allowMultiple",
        type: "boolean",
        value: MULTIPLE.test(facts.lower) && !SINGLE.test(facts.lower),
        description: "Let several items be open at once (otherwise opening one closes the others).",
        control: "boolean",
      },
      {
        name: "defaultOpenFirst",
        type: "boolean",
        value: FIRST_OPEN.test(facts.lower),
        description: "Open the first item at first.",
        control: "boolean",
      },
    ]
  },
  summary: (values) => {
    const items = records<Faq>(values, "items")
    return `An accordion of ${items.length} ${items.length === 1 ? "item" : "items"}${str(values, "title") ? ` titled "${str(values, "title")}"` : ""}, ${bool(values, "allowMultiple") ? "several open at once" : "one open at a time"}.`
  },
  requirements: (values) => {
    const items = records<Faq>(values, "items")
    const first = items[0]?.question ?? ""
    const requirements: [string, string][] = []
    if (str(values, "title")) requirements.push(["title", `Shows the heading "${str(values, "title")}"`])
    requirements.push(
      [
        "items",
        `Shows ${items.length} ${items.length === 1 ? "item" : "items"}: ${sentenceList(items.map((item) => `"${item.question}"`))}`,
      ],
      [
        "initial",
        bool(values, "defaultOpenFirst")
          ? `"${first}" is open at first, showing its answer; the others are closed`
          : "All items are closed at first, their answers hidden",
      ],
      [
        "toggle",
        "Clicking an item's header opens it to show its answer, clicking again closes it, and onOpenChange reports the open items",
      ],
      [
        "mode",
        bool(values, "allowMultiple")
          ? "Several items can be open at the same time"
          : "Only one item is open at a time: opening another closes the previous one",
      ],
      ["keyboard", "Arrow keys move between headers; Enter and Space open and close them"],
    )
    return requirements
  },
  component: (
    context,
  ) => `import { Accordion, AccordionContent, AccordionItem, AccordionTrigger } from "@/components/ui/accordion"
${context.lookImports}

export interface FaqItem {
  question: string
  answer: string
}

${context.propsInterface}

${context.defaults}

${context.signature}
  ${context.look}
  const initial = defaultOpenFirst && items.length > 0 ? ["item-0"] : []
  const questionOf = (value: string) => items[Number(value.replace("item-", ""))]?.question ?? value
  const report = (open: string[]) => onOpenChange?.(open.map(questionOf))
  const content = items.map((item, index) => (
    <AccordionItem key={\`\${index}-\${item.question}\`} value={\`item-\${index}\`}>
      <AccordionTrigger className="text-base">{item.question}</AccordionTrigger>
      <AccordionContent className="text-muted-foreground">{item.answer}</AccordionContent>
    </AccordionItem>
  ))
  return (
    <section className={cn(look.className, "w-full max-w-2xl p-6")} style={look.style}>
      {title ? <h2 className="mb-4 text-2xl font-semibold tracking-tight">{title}</h2> : null}
      <div className="rounded-lg border bg-card px-4 text-card-foreground">
        {allowMultiple ? (
          <Accordion type="multiple" defaultValue={initial} onValueChange={report}>
            {content}
          </Accordion>
        ) : (
          <Accordion
            type="single"
            collapsible
            defaultValue={initial[0]}
            onValueChange={(value) => report(value ? [value] : [])}
          >
            {content}
          </Accordion>
        )}
      </div>
    </section>
  )
}
`,
  tests: (context) => {
    const lit = tlit
    const items = records<Faq>(context.values, "items")
    const questions = items.map((item) => item.question)
    const first = items[0] ?? { question: "", answer: "" }
    const second = items[1]
    const openFirst = bool(context.values, "defaultOpenFirst")
    const multiple = bool(context.values, "allowMultiple")
    const header = (question: string) => `screen.getByRole("button", { name: ${lit(question)} })`
    // The item the toggle test opens: the second when the first starts open.
    const target = openFirst && second ? second : first
    const tests: string[] = []
    if (context.has("title"))
      tests.push(`it("${context.id("title")}: shows the heading", () => {
  render(<${context.name} />)
  expect(screen.getByRole("heading", { name: ${lit(str(context.values, "title"))} })).toBeInTheDocument()
})`)
    tests.push(
      `it("${context.id("items")}: shows ${items.length} items in order", () => {
  render(<${context.name} />)
  expect(screen.getAllByRole("button").map((button) => button.textContent)).toEqual(${lit(questions)})
})`,
      `it("${context.id("initial")}: ${openFirst ? "the first item is open at first" : "all items are closed at first"}", () => {
  render(<${context.name} />)
  ${
    openFirst
      ? `expect(${header(first.question)}).toHaveAttribute("aria-expanded", "true")
  expect(screen.getByRole("region", { name: ${lit(first.question)} })).toHaveTextContent(${lit(first.answer)})
  expect(screen.getAllByRole("button", { expanded: true })).toHaveLength(1)`
      : `for (const button of screen.getAllByRole("button")) expect(button).toHaveAttribute("aria-expanded", "false")
  expect(screen.queryByText(${lit(first.answer)})).not.toBeInTheDocument()`
  }
})`,
      `it("${context.id("toggle")}: clicking a header opens and closes its answer", async () => {
  const user = userEvent.setup()
  const onOpenChange = vi.fn()
  render(<${context.name} onOpenChange={onOpenChange} />)
  const header = ${header(target.question)}
  await user.click(header)
  expect(header).toHaveAttribute("aria-expanded", "true")
  expect(screen.getByRole("region", { name: ${lit(target.question)} })).toHaveTextContent(${lit(target.answer)})
  expect(onOpenChange).toHaveBeenLastCalledWith(${
    multiple && openFirst && target !== first
      ? lit([first.question, target.question])
      : lit([target.question])
  })
  await user.click(header)
  expect(header).toHaveAttribute("aria-expanded", "false")
  expect(screen.queryByText(${lit(target.answer)})).not.toBeInTheDocument()
})`,
    )
    if (second) {
      tests.push(`it("${context.id("mode")}: ${multiple ? "several items can be open at once" : "opening an item closes the previous one"}", async () => {
  const user = userEvent.setup()
  render(<${context.name} />)
  ${openFirst ? "" : `await user.click(${header(first.question)})\n  `}await user.click(${header(second.question)})
  expect(${header(second.question)}).toHaveAttribute("aria-expanded", "true")
  expect(${header(first.question)}).toHaveAttribute("aria-expanded", "${multiple ? "true" : "false"}")
})`)
    } else {
      tests.push(`it("${context.id("mode")}: the only item opens and closes", async () => {
  const user = userEvent.setup()
  render(<${context.name} />)
  await user.click(${header(first.question)})
  expect(${header(first.question)}).toHaveAttribute("aria-expanded", "${openFirst ? "false" : "true"}")
})`)
    }
    tests.push(`it("${context.id("keyboard")}: arrow keys move between headers and Enter toggles", async () => {
  const user = userEvent.setup()
  render(<${context.name} />)
  await user.tab()
  expect(${header(first.question)}).toHaveFocus()${
    second
      ? `
  await user.keyboard("{ArrowDown}")
  expect(${header(second.question)}).toHaveFocus()
  await user.keyboard("{Enter}")
  expect(${header(second.question)}).toHaveAttribute("aria-expanded", "true")
  await user.keyboard("{ArrowUp}")
  expect(${header(first.question)}).toHaveFocus()`
      : `
  await user.keyboard("{Enter}")
  expect(${header(first.question)}).toHaveAttribute("aria-expanded", "${openFirst ? "false" : "true"}")`
  }
})`)
    return tests.join("\n\n")
  },
  followUp: (facts, values) => {
    const next: Record<string, Values[string]> = { ...values }
    const applied: string[] = []
    if (
      MULTIPLE.test(facts.lower) &&
      !/\b(?:not|don't|no)\b[^.]{0,10}\b(?:several|multiple)/.test(facts.lower)
    ) {
      next.allowMultiple = true
      applied.push("several items open at once")
    } else if (SINGLE.test(facts.lower)) {
      next.allowMultiple = false
      applied.push("one item open at a time")
    }
    if (
      /\b(?:all|everything)\b[^.]{0,15}\bclosed\b|\bclosed by default\b|\bnothing open\b/.test(facts.lower)
    ) {
      next.defaultOpenFirst = false
      applied.push("all items closed at first")
    } else if (FIRST_OPEN.test(facts.lower)) {
      next.defaultOpenFirst = true
      applied.push("the first item open at first")
    }
    const count = countOf(facts, "question", "faq", "item", "entry", "q")
    const items = records<Faq>(values, "items")
    if (count !== undefined && count > 0 && count !== items.length) {
      // More questions on the topics already there ("6 questions instead" on a shipping FAQ).
      const present = (Object.keys(BANK) as Topic[]).filter((topic) =>
        BANK[topic].some(([question]) => items.some((item) => item.question === question)),
      )
      const pool = [...items]
      for (const [question, answer] of present.length > 0 ? bankOf(present) : bankFor(facts))
        if (!pool.some((item) => item.question === question)) pool.push({ question, answer })
      next.items = pool.slice(0, Math.min(count, 12))
      applied.push(`${Math.min(count, 12)} questions`)
    }
    const title = quotedWith(facts, /\b(?:title|heading)\b[^"“”`]*$/i)
    if (title) {
      next.title = title
      applied.push(`heading "${title}"`)
    }
    return { values: next, applied }
  },
  followUpHints: ["allow several open", "only one open at a time", "open the first one", "6 questions"],
}
