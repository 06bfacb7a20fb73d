import { capitalize, countOf, mentions, type PromptFacts } from "../facts"
import { lit, sentenceList, str, strings, type ParamValue, type Recipe, type Values } from "../recipe"

// Helpers shared by the group-c recipes (navigation and overlays).

/** Nouns that end an enumerated item ("Blog links"): the enumeration stops there. */
const ITEM_TAIL =
  /\s+(?:links?|pages?|items?|tabs?|sections?|options?|entries|actions?|buttons?|menu items?|nav items?|questions?|(?:(?:is|as|being)\s+)?(?:active|current|selected|highlighted|open(?:ed)?|expanded))$/i

/**
 * Cleans an enumeration read by facts: drops a trailing noun ("Blog links" → "Blog") and ends the list there (what
 * follows belonged to the sentence: "… and Blog links and a Sign in button"), capitalises and de-duplicates.
 */
export function cleanList(items: readonly string[]): string[] {
  const cleaned: string[] = []
  for (const item of items) {
    const trimmed = item.trim()
    const stripped = trimmed.replace(ITEM_TAIL, "").trim()
    const label = capitalize(stripped)
    if (label && !cleaned.some((seen) => seen.toLowerCase() === label.toLowerCase())) cleaned.push(label)
    if (stripped !== trimmed) break
  }
  return cleaned
}

/**
 * The first quoted string whose surroundings say what it is: `button "Sign in"` (before) or `"Sign in" button`
 * (after). `before` is tested against the text just before the opening quote, `after` against the text just after
 * the closing one.
 */
export function quotedWith(facts: PromptFacts, before: RegExp, after?: RegExp): string | undefined {
  let from = 0
  for (const value of facts.quoted) {
    const at = facts.text.indexOf(value, from)
    if (at < 0) continue
    from = at + value.length
    const prefix = facts.text.slice(Math.max(0, at - 40), Math.max(0, at - 1))
    const suffix = facts.text.slice(at + value.length + 1, at + value.length + 24)
    if (before.test(prefix) || after?.test(suffix)) return value
  }
  return undefined
}

/**
 * A literal for a test body. The test file's imports are chosen by the words its body uses, string literals included,
 * so a default such as "We reply within a day" would import an unused \`within\`: those words are written with a
 * unicode escape (the same string at run time).
 */
export function tlit(value: ParamValue): string {
  return lit(value).replace(
    /\b(?:within|act|waitFor|fireEvent|beforeEach|afterEach|vi)\b/g,
    (word) =>
      `${word.slice(0, -1)}\\u${word
        .charCodeAt(word.length - 1)
        .toString(16)
        .padStart(4, "0")}`,
  )
}

// Words that end an enumeration's last item ("… and Delete where delete is red").
const ITEM_END =
  /^(?:in|on|at|with|that|which|where|when|for|using|each|per|plus|below|above|so|as|if|should|must|is|are|will|would|can|could|be|being|has|have)$/i

/**
 * The enumeration after a lead word, read more literally than facts.lists so that items of several words survive:
 * "actions menu with Edit, Duplicate, Move to folder and Delete" → Edit, Duplicate, Move to folder, Delete.
 * Items must start with a capital letter (or be quoted); the list stops at the first that does not.
 */
export function listAfter(text: string): string[] | undefined {
  for (const clause of text.split(/[.;!?\n]|\s[-–—]\s/)) {
    const leads = clause.matchAll(
      /(?:\b(?:with|including|containing|featuring|listing|having|shows?|showing|has|links?|items?|options?)\b|:)\s*/gi,
    )
    for (const lead of leads) {
      const items = itemsFrom(clause.slice(lead.index + lead[0].length))
      if (items.length >= 2) return items
    }
  }
  return undefined
}

function itemsFrom(rest: string): string[] {
  const parts = rest.split(/\s*,\s*(?:and\s+|or\s+|&\s+)?|\s+and\s+|\s+or\s+|\s*\|\s*/)
  const items: string[] = []
  for (const raw of parts) {
    const part = raw.trim().replace(/^(?:the|a|an)\s+(?=["“A-Z])/, "")
    const quoted = /^["“']([^"”']+)["”']\s*(.*)$/.exec(part)
    if (quoted) {
      // 'a "Start free trial" button' belongs to the sentence, not the list.
      if (quoted[2]) break
      items.push(quoted[1]!.trim())
      continue
    }
    if (!/^[A-Z0-9]/.test(part)) break
    const words = part.split(/\s+/)
    const cut = words.findIndex((word, index) => index > 0 && ITEM_END.test(word))
    const kept = (cut > 0 ? words.slice(0, cut) : words).slice(0, 4)
    items.push(kept.join(" ").replace(/[,:]+$/, ""))
    if (cut > 0) break
  }
  return items
}

/** The prompt's enumeration for a list of items: the literal reading first, then facts.lists; cleaned. */
export function readItems(facts: PromptFacts, exclude: readonly string[] = []): string[] | undefined {
  const candidates = [listAfter(facts.text), ...facts.lists].filter((list): list is string[] => Boolean(list))
  for (const candidate of candidates) {
    const items = cleanList(candidate).filter(
      (item) => !exclude.some((excluded) => excluded.toLowerCase() === item.toLowerCase()),
    )
    if (items.length >= 2) return items
  }
  return undefined
}

/** A list value from a follow-up: "add a Careers link" → ["Careers"]. */
export function addedItems(facts: PromptFacts, nouns: string): string[] {
  const quoted = facts.quoted.filter((value) => value.length <= 40)
  if (/\b(?:add|include|append|plus)\b/.test(facts.lower) && quoted.length > 0) return quoted
  const lead = String.raw`\b(?:add|include|append)\s+(?:an?\s+|another\s+|one more\s+|the\s+)?(?:(?:${nouns})\s+(?:for|called|named|labell?ed)\s+)?`
  const word = String.raw`[\w&'-]+`
  // "add a Careers link and …", "add Help": capitalised words up to the noun, a conjunction or the end.
  const named = new RegExp(
    String.raw`${lead}([A-Z]${word}(?:\s+${word}){0,2}?)(?=\s+(?:${nouns})\b|\s+(?:and|to|at|in|on|with|please)\b|\s*[.,!;]|\s*$)`,
  ).exec(facts.text)
  // "add a help item": any words, when the noun follows.
  const plain = new RegExp(String.raw`${lead}(${word}(?:\s+${word}){0,2}?)(?=\s+(?:${nouns})\b)`, "i").exec(
    facts.text,
  )
  const label = (named ?? plain)?.[1]?.trim()
  if (!label || new RegExp(`^(?:${nouns})$`, "i").test(label)) return []
  return [capitalize(label)]
}

/** A list value from a follow-up: "remove Blog", "drop the Blog link" → "Blog" when it is one of `items`. */
export function removedItem(facts: PromptFacts, items: readonly string[]): string | undefined {
  if (!/\b(?:remove|drop|delete|without|get rid of|no)\b/.test(facts.lower)) return undefined
  return items.find((item) =>
    new RegExp(
      String.raw`\b(?:remove|drop|delete|without|get rid of|no)\s+(?:the\s+)?["“]?${item.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\b`,
      "i",
    ).test(facts.text),
  )
}

const DEFAULT_LINKS = ["Home", "Features", "Pricing", "Blog", "Contact"]

const CTA_PHRASES: [RegExp, string][] = [
  [/\bsign[ -]?in\b/, "Sign in"],
  [/\blog[ -]?in\b/, "Log in"],
  [/\bsign[ -]?up\b/, "Sign up"],
  [/\bget started\b/, "Get started"],
  [/\b(?:book|request) a demo\b/, "Book a demo"],
  [/\bstart (?:a |your )?free trial\b|\btry (?:it )?(?:for )?free\b/, "Start free trial"],
  [/\bcontact sales\b/, "Contact sales"],
  [/\bsubscribe\b/, "Subscribe"],
  [/\bdonate\b/, "Donate"],
  [/\bjoin (?:now|us)\b/, "Join now"],
]

function ctaOf(facts: PromptFacts): string {
  const quoted = quotedWith(facts, /\b(?:button|cta|call to action)\b[^"“”`]*$/i, /^\s*(?:button|cta)\b/i)
  if (quoted) return quoted
  for (const [pattern, label] of CTA_PHRASES) if (pattern.test(facts.lower)) return label
  if (mentions(facts, "cta", "call to action", "button")) return "Get started"
  return ""
}

function brandOf(facts: PromptFacts, cta: string): string {
  const listed = new Set([...facts.lists.flat(), ...(listAfter(facts.text) ?? [])])
  const quoted = facts.quoted.find((value) => value !== cta && value.length <= 30 && !listed.has(value))
  const named =
    /\b(?:for|called|named|brand(?:ed)?(?: name)?|logo|company|startup)\s+(?:is\s+|as\s+|of\s+)?["“]?([A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*){0,2})/.exec(
      facts.text,
    )
  const candidates = [quoted, named?.[1]].filter((value): value is string => Boolean(value))
  return candidates[0] ?? "Acme"
}

function linksOf(facts: PromptFacts, brand: string, cta: string): string[] {
  const ctaWords = cta.toLowerCase()
  const list = readItems(facts, [brand, cta, "Logo", "Brand", "Brand name", "Search", "Search bar"])?.filter(
    (item, index, items) => !(ctaWords.startsWith(`${item.toLowerCase()} `) && index === items.length - 1),
  )
  if (list && list.length >= 2) return list
  const count = countOf(facts, "link", "page", "item")
  return DEFAULT_LINKS.slice(0, Math.min(Math.max(count ?? 5, 2), DEFAULT_LINKS.length))
}

/** The item the prompt marks as current: "Pricing active", "Orders should be selected", "highlight Docs". */
export function activeItemOf(facts: PromptFacts, items: readonly string[]): string | undefined {
  const patterns = [
    /\b([A-Za-z][\w&'-]*)\s+(?:link\s+|page\s+|tab\s+|item\s+)?(?:(?:is|as|be|being|should be|must be|will be|to be|shown as|marked as)\s+)?(?:the\s+)?(?:active|current|selected|highlighted)\b/gi,
    /\b(?:active|current|selected|highlight(?:ed)?|mark)\s+(?:link|page|item|one)?\s*(?:is|=|:|being|should be)?\s*["“]?([A-Za-z][\w&'-]*)/gi,
  ]
  for (const pattern of patterns) {
    for (const match of facts.text.matchAll(pattern)) {
      const found = items.find((item) => item.toLowerCase() === match[1]!.toLowerCase())
      if (found) return found
    }
  }
  return undefined
}

function activeOf(facts: PromptFacts, links: readonly string[]): string {
  return activeItemOf(facts, links) ?? links[0] ?? ""
}

function navbarValues(facts: PromptFacts): { brand: string; links: string[]; active: string; cta: string } {
  const cta = ctaOf(facts)
  const brand = brandOf(facts, cta)
  const links = linksOf(facts, brand, cta)
  return { brand, links, active: activeOf(facts, links), cta }
}

/** A responsive top navigation bar: brand, links with the current page marked, a mobile menu and a CTA. */
export const navbar: Recipe = {
  kind: "navbar",
  title: "Navbar",
  names: ["Navbar"],
  keywords: {
    // Phrases match with or without a space or hyphen between words: "nav bar" also finds "navbar".
    strong: [
      "nav bar",
      "navbar with",
      "navbar for",
      "navigation bar",
      "nav with links",
      "header with links",
      "header with navigation",
      "responsive header",
      "top nav",
      "top navigation",
      "site header",
      "header nav",
      "header navigation",
      "main navigation",
      "app bar",
      "menu bar",
    ],
    weak: [
      "header",
      "hamburger",
      "mobile menu",
      "nav links",
      "navigation links",
      "logo",
      "sign in button",
      "log in button",
      "login button",
    ],
  },
  callbacks: [
    {
      name: "onNavigate",
      type: "(link: string) => void",
      description: "Called with the link that was clicked.",
    },
    {
      name: "onCtaClick",
      type: "() => void",
      description: "Called when the call-to-action button is clicked.",
    },
  ],
  params: (facts) => {
    const { brand, links, active, cta } = navbarValues(facts)
    return [
      {
        name: "brand",
        type: "string",
        value: brand,
        description: "The brand name at the left.",
        control: "text",
      },
      { name: "links", type: "string[]", value: links, description: "The navigation links, in order." },
      {
        name: "activeLink",
        type: "string",
        value: active,
        description: "The link marked as the current page at first.",
        control: "text",
      },
      {
        name: "ctaLabel",
        type: "string",
        value: cta,
        description: "The call-to-action button's label; empty for none.",
        control: "text",
      },
    ]
  },
  summary: (values) =>
    `A responsive navbar for ${str(values, "brand")} with ${sentenceList(strings(values, "links"))}` +
    (str(values, "ctaLabel") ? ` and a "${str(values, "ctaLabel")}" button.` : "."),
  requirements: (values) => {
    const links = strings(values, "links")
    const cta = str(values, "ctaLabel")
    const requirements: [string, string][] = [
      ["brand", `Shows the brand name "${str(values, "brand")}"`],
      ["links", `Shows links for ${sentenceList(links)}, in that order`],
      ["active", `${str(values, "activeLink")} is marked as the current page (aria-current) at first`],
      ["navigate", "Clicking a link marks it as the current page and calls onNavigate with it"],
      [
        "menu",
        "On small screens a menu button (aria-expanded, aria-controls) shows and hides the links; choosing a link closes it",
      ],
    ]
    if (cta) requirements.push(["cta", `The "${cta}" button calls onCtaClick`])
    return requirements
  },
  component: (context) => `import { useId, useState } from "react"
import { Menu, X } from "lucide-react"
import { Button } from "@/components/ui/button"
${context.lookImports}

${context.propsInterface}

${context.defaults}

function slug(label: string): string {
  return label.toLowerCase().replace(/[^a-z0-9]+/g, "-")
}

${context.signature}
  ${context.look}
  const [current, setCurrent] = useState(links.includes(activeLink) ? activeLink : (links[0] ?? ""))
  const [open, setOpen] = useState(false)
  const menuId = useId()

  function navigate(link: string) {
    setCurrent(link)
    setOpen(false)
    onNavigate?.(link)
  }

  function linkClass(link: string) {
    return cn(
      "rounded-md px-3 py-2 text-sm font-medium transition-colors focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring",
      link === current
        ? "bg-muted text-foreground"
        : "text-muted-foreground hover:bg-muted hover:text-foreground",
    )
  }

  return (
    <header className={cn(look.className, "w-full border-b")} style={look.style}>
      <nav aria-label="Main" className="mx-auto max-w-5xl px-4">
        <div className="flex h-16 items-center gap-6">
          <span className="flex items-center gap-2 text-base font-semibold">
            <span
              aria-hidden="true"
              className="flex size-8 items-center justify-center rounded-md bg-primary text-sm font-bold text-primary-foreground"
            >
              {brand.charAt(0)}
            </span>
            {brand}
          </span>
          <ul className="hidden items-center gap-1 md:flex">
            {links.map((link) => (
              <li key={link}>
                <a
                  href={\`#\${slug(link)}\`}
                  aria-current={link === current ? "page" : undefined}
                  className={linkClass(link)}
                  onClick={() => navigate(link)}
                >
                  {link}
                </a>
              </li>
            ))}
          </ul>
          <div className="ml-auto flex items-center gap-2">
            {ctaLabel ? (
              <Button className="hidden md:inline-flex" onClick={onCtaClick}>
                {ctaLabel}
              </Button>
            ) : null}
            <Button
              variant="ghost"
              size="icon"
              className="md:hidden"
              aria-label="Menu"
              aria-expanded={open}
              aria-controls={menuId}
              onClick={() => setOpen((value) => !value)}
            >
              {open ? <X aria-hidden="true" /> : <Menu aria-hidden="true" />}
            </Button>
          </div>
        </div>
        <div id={menuId} hidden={!open} className="border-t py-3 md:hidden">
          <ul className="flex flex-col gap-1">
            {links.map((link) => (
              <li key={link} className="flex flex-col">
                <a
                  href={\`#\${slug(link)}\`}
                  aria-current={link === current ? "page" : undefined}
                  className={linkClass(link)}
                  onClick={() => navigate(link)}
                >
                  {link}
                </a>
              </li>
            ))}
          </ul>
          {ctaLabel ? (
            <Button
              className="mt-3 w-full"
              onClick={() => {
                setOpen(false)
                onCtaClick?.()
              }}
            >
              {ctaLabel}
            </Button>
          ) : null}
        </div>
      </nav>
    </header>
  )
}
`,
  tests: (context) => {
    const links = strings(context.values, "links")
    const active = str(context.values, "activeLink")
    const other = links.find((link) => link !== active) ?? active
    const cta = str(context.values, "ctaLabel")
    const lit = tlit
    const ctaTest = context.has("cta")
      ? `

it("${context.id("cta")}: the call-to-action button calls onCtaClick", async () => {
  const user = userEvent.setup()
  const onCtaClick = vi.fn()
  render(<${context.name} onCtaClick={onCtaClick} />)
  await user.click(screen.getByRole("button", { name: ${lit(cta)} }))
  expect(onCtaClick).toHaveBeenCalledTimes(1)
})`
      : ""
    return `it("${context.id("brand")}: shows the brand name", () => {
  render(<${context.name} />)
  expect(screen.getByText(${lit(str(context.values, "brand"))})).toBeInTheDocument()
})

it("${context.id("links")}: shows a link for each page, in order", () => {
  render(<${context.name} />)
  const nav = screen.getByRole("navigation", { name: "Main" })
  expect(within(nav).getAllByRole("link").map((link) => link.textContent)).toEqual(${lit(links)})
})

it("${context.id("active")}: the active link is marked as the current page", () => {
  render(<${context.name} />)
  expect(screen.getByRole("link", { name: ${lit(active)} })).toHaveAttribute("aria-current", "page")
  for (const link of screen.getAllByRole("link").filter((link) => link.textContent !== ${lit(active)}))
    expect(link).not.toHaveAttribute("aria-current")
})

it("${context.id("navigate")}: clicking a link marks it current and calls onNavigate", async () => {
  const user = userEvent.setup()
  const onNavigate = vi.fn()
  render(<${context.name} onNavigate={onNavigate} />)
  await user.click(screen.getByRole("link", { name: ${lit(other)} }))
  expect(onNavigate).toHaveBeenCalledWith(${lit(other)})
  expect(screen.getByRole("link", { name: ${lit(other)} })).toHaveAttribute("aria-current", "page")
  ${other !== active ? `expect(screen.getByRole("link", { name: ${lit(active)} })).not.toHaveAttribute("aria-current")` : ""}
})

it("${context.id("menu")}: the menu button shows and hides the links on small screens", async () => {
  const user = userEvent.setup()
  render(<${context.name} />)
  const button = screen.getByRole("button", { name: "Menu" })
  expect(button).toHaveAttribute("aria-expanded", "false")
  const panel = document.getElementById(button.getAttribute("aria-controls") ?? "") as HTMLElement
  expect(panel).not.toBeVisible()

  await user.click(button)
  expect(button).toHaveAttribute("aria-expanded", "true")
  expect(panel).toBeVisible()
  expect(within(panel).getAllByRole("link").map((link) => link.textContent)).toEqual(${lit(links)})

  await user.click(within(panel).getByRole("link", { name: ${lit(other)} }))
  expect(button).toHaveAttribute("aria-expanded", "false")
  expect(panel).not.toBeVisible()
})${ctaTest}`
  },
  followUp: (facts, values) => {
    const next: Record<string, Values[string]> = { ...values }
    const applied: string[] = []
    const links = strings(values, "links")
    if (/\b(?:remove|drop|no|without|get rid of)\b.*\b(?:button|cta|call to action)\b/.test(facts.lower)) {
      next.ctaLabel = ""
      applied.push("no call-to-action button")
    } else if (/\b(?:button|cta|call to action)\b/.test(facts.lower)) {
      const cta = ctaOf(facts)
      if (cta) {
        next.ctaLabel = cta
        applied.push(`a "${cta}" button`)
      }
    }
    const removed = removedItem(facts, links)
    if (removed) {
      next.links = links.filter((link) => link !== removed)
      applied.push(`no ${removed} link`)
    } else if (/\blinks?\b/.test(facts.lower)) {
      const added = addedItems(facts, "link|links|page|pages").filter((item) => !links.includes(item))
      if (added.length > 0) {
        next.links = [...links, ...added]
        applied.push(`${sentenceList(added)} ${added.length > 1 ? "links" : "link"}`)
      }
    }
    const active = activeItemOf(facts, strings(next, "links"))
    if (active) {
      next.activeLink = active
      applied.push(`${active} as the current page`)
    }
    const brand =
      /\b(?:brand|logo|company|name)\b.*?\b(?:to|is|as)\s+["“]?([A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*){0,2})/.exec(
        facts.text,
      )
    if (brand) {
      next.brand = brand[1]!
      applied.push(`brand ${brand[1]!}`)
    }
    return { values: next, applied }
  },
  followUpHints: ["add a Sign in button", "remove the button", "add a Careers link", "make Pricing active"],
}
