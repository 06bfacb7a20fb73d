import { capitalize, countOf, mentions, NUMBER_WORDS, type PromptFacts } from "../../facts"

/** One feature, flat so it can live in a contract's JSON default. */
export interface Feature extends Record<string, string> {
  title: string
  description: string
  icon: string
}

/** Icons the component knows (lucide), and the words that pick each, with a description for a bare title. */
const CATALOG: { icon: string; pattern: RegExp; description: string }[] = [
  {
    icon: "cloud",
    pattern: /cloud|sync|backup|storage|hosting/,
    description: "Everything syncs across devices and is backed up hourly.",
  },
  {
    icon: "zap",
    pattern: /fast|speed|quick|instant|performance|lightning/,
    description: "Pages load in under a second, on any connection.",
  },
  {
    icon: "shield",
    pattern: /secur|safe|protect|privacy|compliance|gdpr|soc/,
    description: "SSO, audit logs and encryption at rest, on every plan.",
  },
  {
    icon: "lock",
    pattern: /encrypt|password|auth|login|access/,
    description: "End-to-end encryption keeps your data yours.",
  },
  {
    icon: "chart",
    pattern: /analytic|insight|report|metric|dashboard|track/,
    description: "See what's working with real-time dashboards and reports.",
  },
  {
    icon: "users",
    pattern: /team|collaborat|share|together|multiplayer|people/,
    description: "Invite your team and work on the same page, live.",
  },
  {
    icon: "plug",
    pattern: /integrat|connect|plugin|api|webhook|zapier/,
    description: "Connect the 100+ tools you already use in a click.",
  },
  {
    icon: "headphones",
    pattern: /support|help|service|24\/7|customer success/,
    description: "Real people ready to help, around the clock.",
  },
  {
    icon: "smartphone",
    pattern: /mobile|phone|app|ios|android|offline/,
    description: "Native apps for iOS and Android that work offline too.",
  },
  {
    icon: "workflow",
    pattern: /automat|workflow|pipeline|schedul/,
    description: "Automate the repetitive work with no-code workflows.",
  },
  {
    icon: "globe",
    pattern: /global|international|language|translat|worldwide|cdn|edge/,
    description: "Served from 30 regions and available in 12 languages.",
  },
  {
    icon: "palette",
    pattern: /design|custom|theme|brand|style/,
    description: "Make it yours with themes, custom domains and your brand.",
  },
  {
    icon: "code",
    pattern: /developer|code|sdk|open source|cli/,
    description: "A typed SDK, a CLI and docs developers actually enjoy.",
  },
  {
    icon: "card",
    pattern: /billing|payment|pricing|invoice|checkout/,
    description: "Simple, transparent billing with no surprise fees.",
  },
  {
    icon: "bell",
    pattern: /notif|alert|remind/,
    description: "Smart alerts reach the right person at the right time.",
  },
  {
    icon: "search",
    pattern: /search|find|discover/,
    description: "Find anything in milliseconds with instant search.",
  },
  {
    icon: "clock",
    pattern: /time|history|version|uptime|availability/,
    description: "Version history and 99.99% uptime you can count on.",
  },
  {
    icon: "database",
    pattern: /data|database|import|export/,
    description: "Import and export your data any time, in open formats.",
  },
  {
    icon: "sparkles",
    pattern: /\bai\b|smart|magic|intelligen/,
    description: "AI suggestions that learn how your team works.",
  },
  {
    icon: "rocket",
    pattern: /launch|deploy|ship|scale|grow/,
    description: "Go from idea to production in minutes, then scale.",
  },
]

function describe(icon: string): string {
  return CATALOG.find((entry) => entry.icon === icon)?.description ?? ""
}

/** The features a prompt that names none gets, the first six by default. */
export const DEFAULT_FEATURES: Feature[] = [
  { title: "Lightning fast", description: describe("zap"), icon: "zap" },
  { title: "Secure by default", description: describe("shield"), icon: "shield" },
  { title: "Real-time analytics", description: describe("chart"), icon: "chart" },
  { title: "Built for teams", description: describe("users"), icon: "users" },
  { title: "Works with your tools", description: describe("plug"), icon: "plug" },
  { title: "24/7 support", description: describe("headphones"), icon: "headphones" },
  { title: "Automations", description: describe("workflow"), icon: "workflow" },
  { title: "Mobile apps", description: describe("smartphone"), icon: "smartphone" },
  { title: "Global by design", description: describe("globe"), icon: "globe" },
]

// Sentences for a feature the catalogue does not know, taken in turn.
const GENERIC: ((title: string) => string)[] = [
  (title) => `${capitalize(title)} built in, ready from day one with nothing to configure.`,
  (title) => `${capitalize(title)} designed around how your team already works.`,
  (title) => `Everything you need for ${title.toLowerCase()}, in one place.`,
]

/** A feature with this title: the catalogue's icon and sentence for its words, or a generic sentence. */
export function featureFor(title: string, index = 0): Feature {
  const lower = title.toLowerCase()
  const known = CATALOG.find((entry) => entry.pattern.test(lower))
  return {
    title,
    description: known?.description ?? GENERIC[index % GENERIC.length]!(title),
    icon: known?.icon ?? "sparkles",
  }
}

const NOT_A_TITLE_WORD =
  /^(?:in|on|at|with|that|which|where|for|to|using|and|or|each|per|plus|when|below|above|as|features?|items?|cards?|columns?|sections?|tiles?|icons?|benefits?)$/

/** The shared facts drop a trailing word of the last item ("Offline mode" → "Offline"): put it back. */
function completeLast(text: string, items: string[]): string[] {
  const last = items[items.length - 1]
  if (!last) return items
  const at = text.lastIndexOf(last)
  const next = /^\s+([a-z][a-z-]*)(?=$|[\s.,;!?)])/.exec(text.slice(at + last.length))
  if (at < 0 || !next || NOT_A_TITLE_WORD.test(next[1]!)) return items
  return [...items.slice(0, -1), `${last} ${next[1]}`]
}

function featuresOf(facts: PromptFacts): Feature[] {
  const listed = facts.lists.find((list) => list.length >= 2 && list.every((item) => item.length <= 40))
  if (listed)
    return completeLast(facts.text, listed).map((title, index) => featureFor(capitalize(title), index))
  const quoted = facts.quoted.filter((item) => item.split(" ").length <= 5)
  if (quoted.length >= 2) return quoted.map((title, index) => featureFor(title, index))
  const count = countOf(facts, "feature", "benefit", "card", "item", "reason", "point")
  return DEFAULT_FEATURES.slice(0, Math.min(Math.max(count ?? 6, 1), DEFAULT_FEATURES.length))
}

function headingOf(facts: PromptFacts, features: readonly Feature[]): string {
  const long = facts.quoted.find(
    (item) => item.split(" ").length > 2 && !features.some((f) => f.title === item),
  )
  if (long) return capitalize(long)
  if (mentions(facts, "why choose us", "why us")) return "Why teams choose us"
  if (mentions(facts, "benefits")) return "Benefits that add up"
  return "Everything you need to ship faster"
}

/** The features (listed, quoted or a count of the usual ones), the heading, and the columns ("2 columns"). */
export function readFeatureGrid(facts: PromptFacts): {
  heading: string
  subheading: string
  features: Feature[]
  columns: number
} {
  const features = featuresOf(facts)
  return {
    heading: headingOf(facts, features),
    subheading: "Powerful building blocks that fit the way your team already works.",
    features,
    columns: columnsOf(facts.text) ?? 3,
  }
}

/** The columns a text asks for ("two columns", "4-column"). */
export function columnsOf(text: string): number | undefined {
  const written = /\b(one|two|three|four|1|2|3|4)[ -]columns?\b/i.exec(text)?.[1]?.toLowerCase()
  return written ? (NUMBER_WORDS[written] ?? Number(written)) : undefined
}
