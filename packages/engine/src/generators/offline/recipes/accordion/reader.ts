import { countOf, mentions, type PromptFacts } from "../../facts"
import { quotedWith, readItems } from "../../readers"

/** A question (or section title) and its answer. */
export interface Faq extends Record<string, string> {
  question: string
  answer: string
}

export type Topic = "shipping" | "returns" | "billing" | "account" | "product"

/** Questions and real answers by topic, for a prompt that names a topic but not its questions. */
export const BANK: Record<Topic, [string, string][]> = {
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
export function bankFor(facts: PromptFacts): [string, string][] {
  return bankOf(topicsOf(facts))
}

/** The questions of these topics, in turn. */
export function bankOf(topics: readonly Topic[]): [string, string][] {
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

/** Whether the prompt lists sections to expand rather than asking for questions. */
export function isDetails(facts: PromptFacts): boolean {
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

/** "several open at once", "allow multiple". */
export const MULTIPLE =
  /\b(?:several|multiple|many|more than one|any number|both|independent(?:ly)?)\b[^.]{0,30}\b(?:open|expanded)\b|\b(?:open|expand)\b[^.]{0,20}\b(?:several|multiple|more than one|independently|at once|at the same time)\b|\ballow(?:s|ing)? (?:several|multiple)\b/
/** "only one open", "close the others". */
export const SINGLE =
  /\b(?:only one|one at a time|single|one open)\b|\bclos(?:e|es|ing) the others?\b|\bothers? close\b/
/** "the first one open", "expanded by default". */
export const FIRST_OPEN =
  /\bfirst\b[^.]{0,25}\b(?:open|opened|expanded)\b|\b(?:open|expand)(?:s|ed)?\b[^.]{0,20}\bfirst\b|\b(?:open|expanded)\b[^.]{0,20}\bby default\b|\bstarts? with the first\b/

/** The heading, the questions (or sections) with their answers, and how items open. */
export function readAccordion(facts: PromptFacts): {
  title: string
  items: Faq[]
  allowMultiple: boolean
  defaultOpenFirst: boolean
} {
  return {
    title:
      quotedWith(facts, /\b(?:title|heading|titled|header|called)\b[^"“”`]*$/i) ??
      (isDetails(facts) ? "" : "Frequently asked questions"),
    items: itemsOf(facts),
    allowMultiple: MULTIPLE.test(facts.lower) && !SINGLE.test(facts.lower),
    defaultOpenFirst: FIRST_OPEN.test(facts.lower),
  }
}
