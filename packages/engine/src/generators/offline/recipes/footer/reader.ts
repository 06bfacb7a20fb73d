import { capitalize, mentions, type PromptFacts } from "../../facts"

/** A link in one of the footer's columns, flat so it can live in a contract's JSON default. */
export interface FooterLink extends Record<string, string> {
  column: string
  label: string
  href: string
}

const LINKS: [RegExp, string[]][] = [
  [/product|platform|features/, ["Features", "Pricing", "Integrations", "Changelog"]],
  [/company|about/, ["About", "Careers", "Blog", "Press"]],
  [/resource|learn|docs|documentation/, ["Documentation", "Guides", "Community", "Webinars"]],
  [/support|help/, ["Help center", "Contact us", "System status", "Report a bug"]],
  [/legal|policies|policy/, ["Privacy policy", "Terms of service", "Cookie policy", "Licenses"]],
  [/developer|api/, ["API reference", "SDKs", "Status", "Open source"]],
  [/solution|use case/, ["Startups", "Enterprise", "Agencies", "Education"]],
  [/shop|store/, ["New arrivals", "Best sellers", "Gift cards", "Sale"]],
  [/customer|service/, ["Shipping", "Returns", "Order tracking", "FAQ"]],
  [/community|social/, ["Forum", "Events", "Discord", "Newsletter"]],
]

/** The social networks the footer knows, as it writes their names. */
export const SOCIALS = [
  "GitHub",
  "X",
  "Twitter",
  "LinkedIn",
  "YouTube",
  "Instagram",
  "Facebook",
  "Discord",
  "TikTok",
  "Mastodon",
]

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
}

/** The usual links of a column called this ("Company": About, Careers, Blog, Press), each with its address. */
export function linksFor(column: string): FooterLink[] {
  const labels = LINKS.find(([pattern]) => pattern.test(column.toLowerCase()))?.[1] ?? [
    "Overview",
    "Getting started",
    "FAQ",
  ]
  return labels.map((label) => ({ column, label, href: `/${slug(column)}/${slug(label)}` }))
}

function isSocial(item: string): boolean {
  return SOCIALS.some((social) => social.toLowerCase() === item.toLowerCase())
}

// Items that describe the footer rather than name a link column.
const NOT_A_COLUMN = /newsletter|social|copyright|icons?\b|sign ?up|subscribe|logo|brand|©|\d/i

function columnsOf(facts: PromptFacts): string[] {
  // "columns Product, Company and Legal, newsletter …": the item after "and" ends the list.
  const phrase =
    /\b(?:columns?|sections?|link groups?)\b\s*(?:for|:|like|including|of|with|called|named)?\s*([^.;!?()]+)/i.exec(
      facts.text,
    )
  if (phrase) {
    const parts = phrase[1]!.split(/\s*(,|\band\b|\/|\||&)\s*/)
    const items: string[] = []
    for (let index = 0; index < parts.length; index += 2) {
      const item = (parts[index] ?? "").replace(/^(?:the|a|an)\s+/i, "").trim()
      if (
        !item ||
        item.length > 24 ||
        item.split(" ").length > 3 ||
        NOT_A_COLUMN.test(item) ||
        isSocial(item)
      )
        break
      items.push(item)
      if (parts[index - 1] === "and" || parts[index - 1] === "&") break
    }
    if (items.length >= 2) return items.map(capitalize)
  }
  const listed = facts.lists.find(
    (list) => list.length >= 2 && list.every((item) => item.length <= 24) && !list.every(isSocial),
  )
  const titles = listed?.filter((item) => !isSocial(item) && !NOT_A_COLUMN.test(item)) ?? []
  if (titles.length >= 2) return titles.map(capitalize)
  return ["Product", "Company", "Resources", "Legal"]
}

function socialsOf(facts: PromptFacts): string[] {
  if (mentions(facts, "no social", "without social")) return []
  const found: string[] = []
  // Networks in the order written; "X" only as a capital letter on its own.
  for (const match of facts.text.matchAll(
    /\b(github|twitter|linkedin|youtube|instagram|facebook|discord|tiktok|mastodon)\b|(?<![\w-])X(?![\w-])/gi,
  )) {
    if (!match[1] && match[0] !== "X") continue
    const word = match[1] ?? "X"
    const name = SOCIALS.find((social) => social.toLowerCase() === word.toLowerCase()) ?? capitalize(word)
    if (!found.includes(name)) found.push(name)
  }
  return found.length > 0 ? found : ["GitHub", "X", "LinkedIn", "YouTube"]
}

function brandOf(facts: PromptFacts): string {
  if (facts.quoted[0]) return facts.quoted[0]
  const named = /\b(?:for|called|named|brand)\s+([A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*)?)/.exec(facts.text)
  return named?.[1] ?? "Acme"
}

/** The brand (the first quoted text, or the name after "for"/"called"), the columns and their links, the socials. */
export function readFooter(facts: PromptFacts): {
  brand: string
  tagline: string
  columns: string[]
  links: FooterLink[]
  socials: string[]
  showNewsletter: boolean
  year: number
} {
  const columns = columnsOf(facts)
  const year = /\b(20\d\d)\b/.exec(facts.text)
  return {
    brand: brandOf(facts),
    tagline: facts.quoted[1] ?? "Tools for teams who ship.",
    columns,
    links: columns.flatMap(linksFor),
    socials: socialsOf(facts),
    showNewsletter: mentions(
      facts,
      "newsletter",
      "subscribe",
      "email signup",
      "email sign up",
      "mailing list",
    ),
    year: year ? Number(year[1]) : 2025,
  }
}
