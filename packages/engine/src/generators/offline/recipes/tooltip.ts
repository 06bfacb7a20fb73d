import { mentions, type PromptFacts } from "../facts"
import { str, type Recipe, type Values } from "../recipe"
import { quotedWith, tlit } from "./navbar"

const ICONS = [
  "info",
  "help",
  "copy",
  "trash",
  "share",
  "edit",
  "download",
  "settings",
  "bell",
  "heart",
  "bookmark",
  "plus",
] as const
type Icon = (typeof ICONS)[number]

const SIDES = ["top", "right", "bottom", "left"] as const

/** Icon buttons a tooltip usually explains: what the prompt says, its icon, its name and its tooltip. */
const ACTIONS: [RegExp, Icon, string, string][] = [
  [/\bcop(?:y|ies|ied)\b|\bclipboard\b/, "copy", "Copy link", "Copy to clipboard"],
  [/\b(?:delete|trash|bin|remove)\b/, "trash", "Delete", "Delete permanently"],
  [/\bshar(?:e|ing)\b/, "share", "Share", "Share with your team"],
  [/\b(?:edit|pencil|rename)\b/, "edit", "Edit", "Edit details"],
  [/\bdownload\w*\b|\bexport\b/, "download", "Download", "Download as PDF"],
  [/\b(?:settings?|gear|cog|preferences)\b/, "settings", "Settings", "Open settings"],
  [/\b(?:bell|notifications?)\b/, "bell", "Notifications", "View notifications"],
  [/\b(?:heart|like|favou?rites?)\b/, "heart", "Add to favorites", "Add to favorites"],
  [/\b(?:bookmark|save for later)\b/, "bookmark", "Bookmark", "Save for later"],
  [/\b(?:plus|add|new|create)\b/, "plus", "Add item", "Create a new item"],
]

/** Terms an info tooltip often explains, and a real explanation for each. */
const TERMS: [RegExp, string, string][] = [
  [/\b(?:cvv|cvc|security code)\b/, "CVV", "The 3-digit code on the back of your card."],
  [
    /\bapr\b|\binterest rate\b/,
    "APR",
    "Annual percentage rate: the yearly cost of borrowing, including fees.",
  ],
  [/\bapi key\b/, "API key", "Keep this key secret: anyone who has it can access your account."],
  [/\bpassword\b/, "Password", "Use at least 8 characters, including a number and a symbol."],
  [/\busername\b/, "Username", "This is how other people see you. You can change it once every 30 days."],
  [/\b(?:vat|sales tax|tax)\b/, "Tax", "Calculated at checkout from your shipping address."],
  [
    /\bshipping\b/,
    "Shipping",
    "Free standard shipping on orders over $50. Express arrives in 1–2 business days.",
  ],
  [/\bstorage\b/, "Storage used", "Includes files, backups and version history across all your projects."],
  [/\bseats?\b/, "Seats", "Each member of your workspace uses one seat. Guests are free."],
  [/\buptime\b/, "Uptime", "The share of the last 30 days the service was available."],
]

function isInfo(facts: PromptFacts): boolean {
  if (
    mentions(
      facts,
      "info icon",
      "information icon",
      "help icon",
      "question mark",
      "info tooltip",
      "help tooltip",
    )
  )
    return true
  if (ACTIONS.some(([pattern]) => pattern.test(facts.lower)) || mentions(facts, "icon button", "button"))
    return false
  return true
}

function sideOf(facts: PromptFacts): (typeof SIDES)[number] | undefined {
  const match =
    /\b(?:on the |to the |at the )?(top|right|bottom|left|above|below|under|underneath)\b(?! corner)/.exec(
      facts.lower,
    )
  if (!match) return undefined
  if (
    !/\b(?:on the|to the|at the|above|below|under|underneath|side|appear|show|place|position)/.test(
      facts.lower,
    )
  )
    return undefined
  const word = match[1]!
  if (word === "above") return "top"
  if (word === "below" || word === "under" || word === "underneath") return "bottom"
  return word as (typeof SIDES)[number]
}

function tooltipText(facts: PromptFacts, exclude?: string): string | undefined {
  return (
    quotedWith(
      facts,
      /\b(?:says?|saying|text|reads?|reading|shows?|showing|displays?|tooltip|explains?|explaining|hint|with|message|content)\b[^"“”`]*$/i,
    ) ?? facts.quoted.find((value) => value !== exclude)
  )
}

function tooltipValues(facts: PromptFacts, info: boolean) {
  if (info) {
    const term = TERMS.find(([pattern]) => pattern.test(facts.lower))
    const labelled = quotedWith(
      facts,
      /\b(?:label|labelled|labeled|field|term|next to|beside|for|heading|called|named)\b[^"“”`]*$/i,
      /^\s*(?:label|field|heading|term)\b/i,
    )
    const named =
      /\b(?:next to|beside|for|explain(?:s|ing)?|about|on)\s+(?:the\s+|a\s+|an\s+|our\s+|my\s+)?([A-Z][\w&'-]*(?: [A-Za-z][\w&'-]*){0,2}?)(?=\s+(?:label|field|heading|term|input|column|setting)\b|[.,;!?]|$)/.exec(
        facts.text,
      )
    const label = labelled ?? named?.[1] ?? term?.[1] ?? "Storage used"
    const text =
      tooltipText(facts, label) ??
      term?.[2] ??
      TERMS.find(([pattern]) => pattern.test(label.toLowerCase()))?.[2] ??
      `What ${label} means and how it is calculated.`
    return {
      term: label,
      label: `About ${label}`,
      text,
      icon: mentions(facts, "question mark", "help") ? ("help" as Icon) : ("info" as Icon),
    }
  }
  const action = ACTIONS.find(([pattern]) => pattern.test(facts.lower))
  const labelled = quotedWith(
    facts,
    /\b(?:labelled|labeled|named|called|aria-label|label)\b[^"“”`]*$/i,
    /^\s*(?:button|icon)\b/i,
  )
  const label = labelled ?? action?.[2] ?? "More information"
  return {
    term: "",
    label,
    text: tooltipText(facts, label) ?? action?.[3] ?? label,
    icon: action?.[1] ?? ("info" as Icon),
  }
}

/** A tooltip from the kit on an icon button (TooltipButton) or on an info icon next to a term (InfoTooltip). */
export const tooltip: Recipe = {
  kind: "tooltip",
  title: "Tooltip",
  names: ["TooltipButton", "InfoTooltip"],
  keywords: {
    // "tool tip" also finds "tooltip" and "tool-tip".
    strong: ["tool tip", "tooltip with", "hover hint", "hover text", "info tooltip"],
    weak: ["on hover", "when hovering", "hint", "info icon", "help icon", "question mark icon"],
  },
  callbacks: [
    {
      name: "onClick",
      type: "() => void",
      description: "Called when the icon button is clicked (TooltipButton).",
    },
  ],
  name: (facts) => (isInfo(facts) ? "InfoTooltip" : "TooltipButton"),
  params: (facts) => {
    const values = tooltipValues(facts, isInfo(facts))
    return [
      {
        name: "term",
        type: "string",
        value: values.term,
        description:
          "The term shown next to the icon that the tooltip explains; empty for an icon button alone.",
        control: "text",
      },
      {
        name: "label",
        type: "string",
        value: values.label,
        description: "The icon button's accessible name.",
        control: "text",
      },
      {
        name: "text",
        type: "string",
        value: values.text,
        description: "The tooltip's text.",
        control: "text",
      },
      {
        name: "icon",
        type: ICONS.map((icon) => `"${icon}"`).join(" | "),
        value: values.icon,
        description: "The icon of the trigger.",
        control: "select",
        options: [...ICONS],
      },
      {
        name: "side",
        type: '"top" | "right" | "bottom" | "left"',
        value: sideOf(facts) ?? "top",
        description: "Where the tooltip appears relative to its trigger.",
        control: "select",
        options: [...SIDES],
      },
    ]
  },
  summary: (values) =>
    str(values, "term")
      ? `"${str(values, "term")}" with an info icon whose tooltip says "${str(values, "text")}".`
      : `A "${str(values, "label")}" icon button with the tooltip "${str(values, "text")}".`,
  requirements: (values) => {
    const text = str(values, "text")
    return [
      [
        "trigger",
        str(values, "term")
          ? `Shows "${str(values, "term")}" with an icon button labelled "${str(values, "label")}"`
          : `Shows an icon button labelled "${str(values, "label")}" that calls onClick`,
      ],
      ["hover", `Hovering the icon shows the tooltip "${text}", which describes the button`],
      ["leave", "Moving the pointer away hides the tooltip"],
      ["focus", "Keyboard focus shows the tooltip; Escape and moving focus away hide it"],
      ["side", `The tooltip is placed on the ${str(values, "side", "top")} side`],
    ]
  },
  component: (context) => `import {
  Bell,
  Bookmark,
  CircleHelp,
  Copy,
  Download,
  Heart,
  Info,
  Pencil,
  Plus,
  Settings,
  Share2,
  Trash2,
  type LucideIcon,
} from "lucide-react"
import { Button } from "@/components/ui/button"
import { Tooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip"
${context.lookImports}

${context.propsInterface}

const ICONS: Record<NonNullable<${context.name}Props["icon"]>, LucideIcon> = {
  info: Info,
  help: CircleHelp,
  copy: Copy,
  trash: Trash2,
  share: Share2,
  edit: Pencil,
  download: Download,
  settings: Settings,
  bell: Bell,
  heart: Heart,
  bookmark: Bookmark,
  plus: Plus,
}

${context.signature}
  ${context.look}
  const Icon = ICONS[icon]
  return (
    <div className={cn(look.className, "flex items-center justify-center gap-1 p-6")} style={look.style}>
      {term ? <span className="text-sm font-medium">{term}</span> : null}
      <Tooltip>
        <TooltipTrigger asChild>
          <Button
            variant={term ? "ghost" : "outline"}
            size={term ? "icon-sm" : "icon"}
            className={cn(term && "size-6 rounded-full text-muted-foreground hover:text-foreground")}
            aria-label={label}
            onClick={onClick}
          >
            <Icon aria-hidden="true" />
          </Button>
        </TooltipTrigger>
        {/* The tooltip renders in a portal, outside the root: it takes the theme and accent again. */}
        <TooltipContent side={side} sideOffset={6} className={cn(dark && "dark", "max-w-xs")} style={look.style}>
          {text}
        </TooltipContent>
      </Tooltip>
    </div>
  )
}
`,
  tests: (context) => {
    const lit = tlit
    const label = str(context.values, "label")
    const name = lit(label)
    const text = lit(str(context.values, "text"))
    const trigger = `screen.getByRole("button", { name: ${name} })`
    const term = str(context.values, "term")
    const side = SIDES.find((candidate) => candidate === str(context.values, "side")) ?? "top"
    return `it("${context.id("trigger")}: shows ${term ? "the term with " : ""}the icon button, which calls onClick", async () => {
  const user = userEvent.setup()
  const onClick = vi.fn()
  render(<${context.name} onClick={onClick} />)
  ${term ? `expect(screen.getByText(${lit(term)})).toBeInTheDocument()\n  ` : ""}expect(screen.queryByRole("tooltip")).not.toBeInTheDocument()
  await user.click(${trigger})
  expect(onClick).toHaveBeenCalledTimes(1)
})

it("${context.id("hover")}: hovering shows the tooltip, which describes the button", async () => {
  const user = userEvent.setup()
  render(<${context.name} />)
  await user.hover(${trigger})
  expect(await screen.findByRole("tooltip")).toHaveTextContent(${text})
  expect(${trigger}).toHaveAccessibleDescription(${text})
})

it("${context.id("leave")}: moving the pointer away hides the tooltip", async () => {
  const user = userEvent.setup()
  render(
    <>
      <${context.name} />
      <p>Elsewhere</p>
    </>,
  )
  const trigger = ${trigger}
  await user.hover(trigger)
  await screen.findByRole("tooltip")
  await user.unhover(trigger)
  await user.pointer({ target: screen.getByText("Elsewhere"), coords: { clientX: 400, clientY: 400 } })
  expect(screen.queryByRole("tooltip")).not.toBeInTheDocument()
})

it("${context.id("focus")}: keyboard focus shows the tooltip; Escape and blur hide it", async () => {
  const user = userEvent.setup()
  render(<${context.name} />)
  await user.tab()
  expect(${trigger}).toHaveFocus()
  expect(await screen.findByRole("tooltip")).toHaveTextContent(${text})
  await user.keyboard("{Escape}")
  expect(screen.queryByRole("tooltip")).not.toBeInTheDocument()

  await user.tab()
  await user.tab({ shift: true })
  expect(${trigger}).toHaveFocus()
  expect(await screen.findByRole("tooltip")).toBeInTheDocument()
  await user.tab()
  expect(${trigger}).not.toHaveFocus()
  expect(screen.queryByRole("tooltip")).not.toBeInTheDocument()
})

it("${context.id("side")}: the tooltip is placed on the ${side} side", async () => {
  const user = userEvent.setup()
  render(<${context.name} />)
  await user.hover(${trigger})
  await screen.findByRole("tooltip")
  expect(document.querySelector('[data-slot="tooltip-content"]')).toHaveAttribute("data-side", ${lit(side)})
})`
  },
  followUp: (facts, values) => {
    const next: Record<string, Values[string]> = { ...values }
    const applied: string[] = []
    const side = sideOf(facts)
    if (side) {
      next.side = side
      applied.push(`shown on the ${side}`)
    }
    const text = tooltipText(facts)
    if (text) {
      next.text = text
      applied.push(`text "${text}"`)
    }
    const action = ACTIONS.find(([pattern]) => pattern.test(facts.lower))
    if (action && /\bicon\b/.test(facts.lower)) {
      next.icon = action[1]
      applied.push(`${action[1]} icon`)
    }
    return { values: next, applied }
  },
  followUpHints: ["put it on the right / below", 'say "…"', "use a copy icon"],
}
