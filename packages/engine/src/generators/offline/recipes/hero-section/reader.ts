import { mentions, type PromptFacts } from "../../facts"

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

/** Whether the text asks for an email box (a waitlist, a newsletter, "email capture"). */
export function emailCapture(facts: PromptFacts): boolean {
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

/** The copy (quoted text sorted by the words before it, else the topic's), the email box and the alignment. */
export function readHero(facts: PromptFacts): {
  eyebrow: string
  headline: string
  subheading: string
  primaryLabel: string
  secondaryLabel: string
  showEmail: boolean
  align: "center" | "left"
} {
  const copy = copyOf(facts)
  return {
    eyebrow: copy.eyebrow,
    headline: copy.headline,
    subheading: copy.subheading,
    primaryLabel: copy.primary,
    secondaryLabel: copy.secondary,
    showEmail: emailCapture(facts),
    align: mentions(facts, "left aligned", "left-aligned", "align left", "aligned left") ? "left" : "center",
  }
}
