import { capitalize, countOf, mentions, NUMBER_WORDS, type PromptFacts } from "../facts"
import { num, records, sentenceList, str, type Recipe, type Values } from "../recipe"

interface Feature extends Record<string, string> {
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

const DEFAULT_FEATURES: Feature[] = [
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

function featureFor(title: string, index = 0): Feature {
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

function featuresFrom(values: Values): Feature[] {
  return records<Feature>(values, "features")
}

export const featureGrid: Recipe = {
  kind: "feature-grid",
  title: "Feature grid",
  names: ["FeatureGrid"],
  keywords: {
    strong: [
      "feature grid",
      "features grid",
      "features section",
      "feature section",
      "features",
      "feature list",
      "feature cards",
      "feature highlights",
      "benefits section",
      "why choose us",
    ],
    weak: ["benefits", "icons", "grid", "selling points", "landing page", "usps"],
  },
  params: (facts) => {
    const features = featuresOf(facts)
    const written = /\b(one|two|three|four|1|2|3|4)[ -]columns?\b/i.exec(facts.text)?.[1]?.toLowerCase()
    const columns = written ? (NUMBER_WORDS[written] ?? Number(written)) : 3
    return [
      {
        name: "heading",
        type: "string",
        value: headingOf(facts, features),
        description: "The section heading.",
        control: "text",
      },
      {
        name: "subheading",
        type: "string",
        value: "Powerful building blocks that fit the way your team already works.",
        description: "The sentence under the heading; empty for none.",
        control: "text",
      },
      {
        name: "features",
        type: "Feature[]",
        value: features,
        description:
          "The features: a title, a sentence and an icon (zap, shield, lock, chart, users, plug, headphones, cloud, smartphone, workflow, globe, palette, code, card, bell, search, clock, database, sparkles, rocket).",
      },
      {
        name: "columns",
        type: "number",
        value: columns,
        description: "Columns on wide screens (1 to 4); narrow screens show one, then two.",
        control: "number",
      },
    ]
  },
  summary: (values) =>
    `A feature grid, "${str(values, "heading")}", with ${sentenceList(featuresFrom(values).map((feature) => feature.title))}, each with an icon.`,
  requirements: (values) => {
    const features = featuresFrom(values)
    return [
      ["heading", `Shows the heading "${str(values, "heading")}"`],
      [
        "features",
        `Shows ${features.length} features, ${sentenceList(features.map((feature) => feature.title))}, each with a sentence and an icon`,
      ],
      [
        "columns",
        `Lays the features out in a responsive grid: one column on phones, up to ${num(values, "columns", 3)} on wide screens`,
      ],
    ]
  },
  component: (context) => `import { useId } from "react"
import {
  Bell,
  ChartColumn,
  Clock,
  Cloud,
  Code,
  CreditCard,
  Database,
  Globe,
  Headphones,
  Lock,
  Palette,
  Plug,
  Rocket,
  Search,
  ShieldCheck,
  Smartphone,
  Sparkles,
  Users,
  Workflow,
  Zap,
  type LucideIcon,
} from "lucide-react"
${context.lookImports}

/** One feature: a short title, a sentence and the name of its icon. */
export interface Feature {
  title: string
  description: string
  icon: string
}

${context.propsInterface}

${context.defaults}

const ICONS: Record<string, LucideIcon> = {
  zap: Zap,
  shield: ShieldCheck,
  lock: Lock,
  chart: ChartColumn,
  users: Users,
  plug: Plug,
  headphones: Headphones,
  cloud: Cloud,
  smartphone: Smartphone,
  workflow: Workflow,
  globe: Globe,
  palette: Palette,
  code: Code,
  card: CreditCard,
  bell: Bell,
  search: Search,
  clock: Clock,
  database: Database,
  sparkles: Sparkles,
  rocket: Rocket,
}

const COLUMNS: Record<number, string> = {
  1: "",
  2: "sm:grid-cols-2",
  3: "sm:grid-cols-2 lg:grid-cols-3",
  4: "sm:grid-cols-2 lg:grid-cols-4",
}

${context.signature}
  ${context.look}
  const headingId = useId()
  const wide = COLUMNS[Math.min(Math.max(Math.round(columns), 1), 4)] ?? COLUMNS[3]
  return (
    <section aria-labelledby={headingId} className={cn(look.className, "w-full px-6 py-16")} style={look.style}>
      <div className="mx-auto flex max-w-5xl flex-col gap-10">
        <div className="mx-auto flex max-w-2xl flex-col gap-3 text-center">
          <h2 id={headingId} className="text-3xl font-bold tracking-tight text-balance sm:text-4xl">
            {heading}
          </h2>
          {subheading && <p className="text-lg text-muted-foreground text-pretty">{subheading}</p>}
        </div>
        <ul className={cn("grid grid-cols-1 gap-6", wide)}>
          {features.map((feature) => {
            const Icon = ICONS[feature.icon] ?? Sparkles
            return (
              <li key={feature.title} className="flex flex-col gap-3 rounded-xl border bg-card p-6 text-card-foreground shadow-sm">
                <span className="flex size-10 items-center justify-center rounded-lg bg-primary/10 text-primary">
                  <Icon aria-hidden="true" className="size-5" />
                </span>
                <h3 className="font-semibold leading-tight">{feature.title}</h3>
                <p className="text-sm text-muted-foreground">{feature.description}</p>
              </li>
            )
          })}
        </ul>
      </div>
    </section>
  )
}
`,
  tests: (context) => {
    const { values, lit, id, name } = context
    const features = featuresFrom(values)
    const columns = Math.min(Math.max(Math.round(num(values, "columns", 3)), 1), 4)
    const classes =
      columns === 1 ? [] : columns === 2 ? ["sm:grid-cols-2"] : ["sm:grid-cols-2", `lg:grid-cols-${columns}`]
    return `it("${id("heading")}: shows the heading", () => {
  render(<${name} />)
  expect(screen.getByRole("heading", { level: 2, name: ${lit(str(values, "heading"))} })).toBeInTheDocument()
})

it("${id("features")}: shows each feature with its sentence and an icon", () => {
  render(<${name} />)
  const titles = screen.getAllByRole("heading", { level: 3 }).map((heading) => heading.textContent)
  expect(titles).toEqual(${lit(features.map((feature) => feature.title))})
  const items = screen.getAllByRole("listitem")
  const descriptions = ${lit(features.map((feature) => feature.description))}
  items.forEach((item, index) => {
    expect(item).toHaveTextContent(descriptions[index]!)
    expect(item.querySelector("svg")).toHaveAttribute("aria-hidden", "true")
  })
})

it("${id("columns")}: lays the features out in a responsive grid", () => {
  render(<${name} />)
  const grid = screen.getByRole("list")
  expect(grid).toHaveClass("grid", "grid-cols-1"${classes.map((cls) => `, ${lit(cls)}`).join("")})
})`
  },
  followUp: (facts, values) => {
    const applied: string[] = []
    const next: Record<string, Values[string]> = { ...values }
    const features = featuresFrom(values)
    const add =
      /\badd (?:an? |the )?(?:feature (?:for |called |named |about )?)?["“]?([A-Za-z0-9][\w /&+-]{1,30}?)["”]?(?: feature)?(?=$|[.,;!?])/i.exec(
        facts.text,
      )
    if (add && /feature/i.test(facts.text)) {
      const title = capitalize(add[1]!.replace(/\s*feature$/i, "").trim())
      if (!features.some((feature) => feature.title.toLowerCase() === title.toLowerCase())) {
        next.features = [...features, featureFor(title)]
        applied.push(`the ${title} feature`)
      }
    } else {
      const count = countOf(facts, "feature", "item", "card")
      if (count !== undefined && count > 0 && count !== features.length) {
        const extra = DEFAULT_FEATURES.filter(
          (candidate) => !features.some((feature) => feature.title === candidate.title),
        )
        next.features = [...features.slice(0, count), ...extra.slice(0, Math.max(count - features.length, 0))]
        applied.push(`${count} features`)
      }
    }
    const columns = /\b(one|two|three|four|1|2|3|4)[ -]columns?\b/i.exec(facts.text)
    if (columns) {
      const value = NUMBER_WORDS[columns[1]!.toLowerCase()] ?? Number(columns[1])
      next.columns = value
      applied.push(`${value} columns`)
    }
    return { values: next, applied }
  },
  followUpHints: ['add a feature "…"', "N features", "2, 3 or 4 columns"],
}
