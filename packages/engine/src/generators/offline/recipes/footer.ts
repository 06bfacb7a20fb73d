import { capitalize, mentions, type PromptFacts } from "../facts"
import { bool, num, records, sentenceList, str, strings, type Recipe, type Values } from "../recipe"

interface FooterLink extends Record<string, string> {
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

const SOCIALS = [
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

function linksFor(column: string): FooterLink[] {
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

function linksFrom(values: Values): FooterLink[] {
  return records<FooterLink>(values, "links")
}

export const footer: Recipe = {
  kind: "footer",
  title: "Footer",
  names: ["Footer"],
  keywords: {
    // The newsletter phrases are here too so "a footer with a newsletter signup" stays a footer (they tie with the
    // newsletter recipe, and "footer" decides).
    strong: [
      "footer",
      "site footer",
      "page footer",
      "website footer",
      "footer section",
      "footer with",
      "footer for",
      "newsletter",
      "newsletter signup",
      "newsletter sign up",
    ],
    weak: ["copyright", "social links", "social icons", "link columns", "sitemap", "bottom of the page"],
  },
  callbacks: [
    {
      name: "onSubscribe",
      type: "(email: string) => void",
      description: "Called with the address when the newsletter form is submitted.",
    },
  ],
  params: (facts) => {
    const columns = columnsOf(facts)
    const year = /\b(20\d\d)\b/.exec(facts.text)
    return [
      {
        name: "brand",
        type: "string",
        value: brandOf(facts),
        description: "The brand name.",
        control: "text",
      },
      {
        name: "tagline",
        type: "string",
        value: facts.quoted[1] ?? "Tools for teams who ship.",
        description: "A short line under the brand.",
        control: "text",
      },
      {
        name: "columns",
        type: "string[]",
        value: columns,
        description: "The link column titles, in order.",
      },
      {
        name: "links",
        type: "FooterLink[]",
        value: columns.flatMap(linksFor),
        description: "The links: the column each belongs to, its label and its address.",
      },
      {
        name: "socials",
        type: "string[]",
        value: socialsOf(facts),
        description:
          "Social networks linked with icons (GitHub, X, LinkedIn, YouTube, Instagram, Facebook, …).",
      },
      {
        name: "showNewsletter",
        type: "boolean",
        value: mentions(facts, "newsletter", "subscribe", "email signup", "email sign up", "mailing list"),
        description: "Show a newsletter sign-up box.",
        control: "boolean",
      },
      {
        name: "year",
        type: "number",
        value: year ? Number(year[1]) : 2025,
        description: "The copyright year (a prop, so the footer renders the same everywhere).",
        control: "number",
      },
    ]
  },
  summary: (values) =>
    `A site footer for ${str(values, "brand")} with ${sentenceList(strings(values, "columns"))} link columns, social links${bool(values, "showNewsletter") ? ", a newsletter box" : ""} and the copyright for ${num(values, "year")}.`,
  requirements: (values) => {
    const list: [string, string][] = [
      [
        "columns",
        `Shows the link columns ${sentenceList(strings(values, "columns"))}, each a navigation list with its links`,
      ],
    ]
    if (strings(values, "socials").length > 0)
      list.push([
        "socials",
        `Links to ${sentenceList(strings(values, "socials"))} with icons named for screen readers`,
      ])
    list.push(["copyright", `Shows "© ${num(values, "year")} ${str(values, "brand")}" from the year prop`])
    if (bool(values, "showNewsletter"))
      list.push(["newsletter", "Submitting an email in the newsletter box calls onSubscribe and says thanks"])
    return list
  },
  component: (context) => `import { useId, useState, type FormEvent } from "react"
import {
  AtSign,
  Bird,
  BriefcaseBusiness,
  Camera,
  GitFork,
  Globe,
  MessageCircle,
  Music,
  SquarePlay,
  ThumbsUp,
  type LucideIcon,
} from "lucide-react"
import { Button } from "@/components/ui/button"
import { Input } from "@/components/ui/input"
import { Label } from "@/components/ui/label"
${context.lookImports}

/** A link in one of the footer's columns. */
export interface FooterLink {
  column: string
  label: string
  href: string
}

${context.propsInterface}

${context.defaults}

const SOCIAL_ICONS: Record<string, LucideIcon> = {
  github: GitFork,
  x: AtSign,
  twitter: Bird,
  linkedin: BriefcaseBusiness,
  youtube: SquarePlay,
  instagram: Camera,
  facebook: ThumbsUp,
  discord: MessageCircle,
  tiktok: Music,
}

const SOCIAL_URLS: Record<string, string> = {
  github: "https://github.com",
  x: "https://x.com",
  twitter: "https://twitter.com",
  linkedin: "https://www.linkedin.com",
  youtube: "https://www.youtube.com",
  instagram: "https://www.instagram.com",
  facebook: "https://www.facebook.com",
  discord: "https://discord.com",
  tiktok: "https://www.tiktok.com",
}

const EMAIL = /^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$/

${context.signature}
  ${context.look}
  const baseId = useId()
  const [email, setEmail] = useState("")
  const [status, setStatus] = useState<"idle" | "invalid" | "done">("idle")

  function subscribe(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const value = email.trim()
    if (!EMAIL.test(value)) {
      setStatus("invalid")
      return
    }
    setStatus("done")
    setEmail("")
    onSubscribe?.(value)
  }

  return (
    <footer className={cn(look.className, "w-full border-t px-6 py-12")} style={look.style}>
      <div className="mx-auto flex max-w-6xl flex-col gap-10">
        <div className="grid gap-10 lg:grid-cols-[1.5fr_3fr]">
          <div className="flex flex-col gap-4">
            <p className="text-lg font-semibold">{brand}</p>
            {tagline && <p className="max-w-xs text-sm text-muted-foreground">{tagline}</p>}
            {showNewsletter && (
              <form onSubmit={subscribe} noValidate className="flex max-w-sm flex-col gap-2">
                <Label htmlFor={baseId + "-email"}>Subscribe to our newsletter</Label>
                <div className="flex gap-2">
                  <Input
                    id={baseId + "-email"}
                    type="email"
                    autoComplete="email"
                    placeholder="you@company.com"
                    value={email}
                    onChange={(event) => setEmail(event.target.value)}
                    aria-invalid={status === "invalid" ? true : undefined}
                    aria-describedby={baseId + "-status"}
                  />
                  <Button type="submit">Subscribe</Button>
                </div>
                <p
                  id={baseId + "-status"}
                  aria-live="polite"
                  className={cn("text-sm", status === "invalid" ? "text-destructive" : "text-muted-foreground")}
                >
                  {status === "invalid" ? "Enter a valid email address" : status === "done" ? "Thanks for subscribing!" : ""}
                </p>
              </form>
            )}
          </div>
          <div className="grid grid-cols-2 gap-8 sm:grid-cols-4">
            {columns.map((column, index) => (
              <nav key={column} aria-labelledby={baseId + "-column-" + index} className="flex flex-col gap-3">
                <h2 id={baseId + "-column-" + index} className="text-sm font-semibold">
                  {column}
                </h2>
                <ul className="flex flex-col gap-2">
                  {links
                    .filter((link) => link.column === column)
                    .map((link) => (
                      <li key={link.label}>
                        <a
                          href={link.href}
                          className="rounded-sm text-sm text-muted-foreground hover:text-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
                        >
                          {link.label}
                        </a>
                      </li>
                    ))}
                </ul>
              </nav>
            ))}
          </div>
        </div>
        <div className="flex flex-col-reverse items-start justify-between gap-4 border-t pt-6 sm:flex-row sm:items-center">
          <p className="text-sm text-muted-foreground">
            © {year} {brand}. All rights reserved.
          </p>
          {socials.length > 0 && (
            <ul aria-label="Social media" className="flex items-center gap-1">
              {socials.map((social) => {
                const key = social.toLowerCase()
                const Icon = SOCIAL_ICONS[key] ?? Globe
                return (
                  <li key={social}>
                    <a
                      href={SOCIAL_URLS[key] ?? "https://" + key + ".com"}
                      aria-label={social}
                      className="flex size-9 items-center justify-center rounded-md text-muted-foreground hover:bg-muted hover:text-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
                    >
                      <Icon aria-hidden="true" className="size-4" />
                    </a>
                  </li>
                )
              })}
            </ul>
          )}
        </div>
      </div>
    </footer>
  )
}
`,
  tests: (context) => {
    const { values, lit, id, name } = context
    const columns = strings(values, "columns")
    const links = linksFrom(values)
    const socials = strings(values, "socials")
    const year = num(values, "year")
    const brand = str(values, "brand")
    const tests = [
      `it("${id("columns")}: shows each link column as a navigation list", () => {
  render(<${name} />)
  const expected = ${lit(
    columns.map((column) => ({
      column,
      labels: links
        .filter((link) => link.column === column)
        .map((link) => link.label)
        .join("|"),
    })),
  )}
  for (const { column, labels } of expected) {
    const nav = screen.getByRole("navigation", { name: column })
    const names = within(nav).queryAllByRole("link").map((link) => link.textContent)
    expect(names.join("|")).toBe(labels)
  }
})`,
    ]
    if (context.has("socials")) {
      tests.push(`it("${id("socials")}: links to each social network with a named icon", () => {
  render(<${name} />)
  const list = screen.getByRole("list", { name: "Social media" })
  const names = within(list).getAllByRole("link").map((link) => link.getAttribute("aria-label"))
  expect(names).toEqual(${lit(socials)})
  for (const link of within(list).getAllByRole("link")) expect(link.querySelector("svg")).toHaveAttribute("aria-hidden", "true")
})`)
    }
    tests.push(`it("${id("copyright")}: shows the copyright for the year prop", () => {
  const { rerender } = render(<${name} />)
  expect(screen.getByText(${lit(`© ${year} ${brand}. All rights reserved.`)})).toBeInTheDocument()
  rerender(<${name} year={${year + 1}} />)
  expect(screen.getByText(${lit(`© ${year + 1} ${brand}. All rights reserved.`)})).toBeInTheDocument()
})`)
    if (context.has("newsletter")) {
      tests.push(`it("${id("newsletter")}: the newsletter box calls onSubscribe and says thanks", async () => {
  const user = userEvent.setup()
  const onSubscribe = vi.fn()
  render(<${name} onSubscribe={onSubscribe} />)
  const input = screen.getByLabelText("Subscribe to our newsletter")
  await user.type(input, "oops")
  await user.click(screen.getByRole("button", { name: "Subscribe" }))
  expect(onSubscribe).not.toHaveBeenCalled()
  expect(input).toHaveAttribute("aria-invalid", "true")
  await user.clear(input)
  await user.type(input, "ada@example.com")
  await user.click(screen.getByRole("button", { name: "Subscribe" }))
  expect(onSubscribe).toHaveBeenCalledWith("ada@example.com")
  expect(screen.getByText("Thanks for subscribing!")).toBeInTheDocument()
})`)
    }
    return tests.join("\n\n")
  },
  followUp: (facts, values) => {
    const applied: string[] = []
    const next: Record<string, Values[string]> = { ...values }
    if (
      mentions(facts, "no newsletter", "remove the newsletter", "without newsletter", "without a newsletter")
    ) {
      next.showNewsletter = false
      applied.push("no newsletter box")
    } else if (mentions(facts, "newsletter", "subscribe", "mailing list", "email signup")) {
      next.showNewsletter = true
      applied.push("a newsletter box")
    }
    const add = /\badd (?:an? |the )?["“]?([A-Za-z][\w &-]{1,24}?)["”]? column\b/i.exec(facts.text)
    const columns = strings(values, "columns")
    if (add && !columns.some((column) => column.toLowerCase() === add[1]!.trim().toLowerCase())) {
      const column = capitalize(add[1]!.trim())
      next.columns = [...columns, column]
      next.links = [...linksFrom(values), ...linksFor(column)]
      applied.push(`the ${column} column`)
    }
    const socials = SOCIALS.filter(
      (social) => social !== "X" && mentions(facts, social) && !strings(values, "socials").includes(social),
    )
    if (socials.length > 0 && !mentions(facts, "no social", "remove")) {
      next.socials = [...strings(values, "socials"), ...socials]
      applied.push(`${sentenceList(socials)} links`)
    }
    const year = /\b(20\d\d)\b/.exec(facts.text)
    if (year) {
      next.year = Number(year[1])
      applied.push(`copyright ${year[1]}`)
    }
    return { values: next, applied }
  },
  followUpHints: [
    "add or remove the newsletter",
    'add a "…" column',
    "add Instagram/Discord links",
    "the year 2026",
  ],
}
