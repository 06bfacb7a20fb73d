import { capitalize, COLOURS, countOf, mentions, type PromptFacts } from "../facts"
import { bool, records, sentenceList, str, type Param, type Recipe, type Values } from "../recipe"

interface Swatch extends Record<string, string> {
  name: string
  hex: string
}

const PALETTE: Swatch[] = [
  { name: "Red", hex: "#dc2626" },
  { name: "Orange", hex: "#ea580c" },
  { name: "Amber", hex: "#d97706" },
  { name: "Green", hex: "#16a34a" },
  { name: "Teal", hex: "#0d9488" },
  { name: "Blue", hex: "#2563eb" },
  { name: "Violet", hex: "#7c3aed" },
  { name: "Pink", hex: "#db2777" },
  { name: "Slate", hex: "#475569" },
  { name: "Indigo", hex: "#4f46e5" },
  { name: "Black", hex: "#0a0a0a" },
  { name: "White", hex: "#ffffff" },
]

const NAMED: Record<string, string> = { ...COLOURS, white: "#ffffff" }

function normalise(value: string): string | undefined {
  const match = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(value.trim())
  if (!match) return undefined
  const digits = match[1]!.length === 3 ? [...match[1]!].map((digit) => digit + digit).join("") : match[1]!
  return `#${digits.toLowerCase()}`
}

// Names for hex values the prompt gives without names (the nearest by weighted RGB distance).
const REFERENCE: [string, string][] = [
  ["Red", "#dc2626"],
  ["Coral", "#ff6b6b"],
  ["Orange", "#f97316"],
  ["Amber", "#f59e0b"],
  ["Yellow", "#facc15"],
  ["Light yellow", "#fde68a"],
  ["Peach", "#fdba74"],
  ["Light green", "#86efac"],
  ["Light blue", "#93c5fd"],
  ["Light pink", "#f9a8d4"],
  ["Lime", "#84cc16"],
  ["Green", "#16a34a"],
  ["Mint", "#6ee7b7"],
  ["Teal", "#0d9488"],
  ["Turquoise", "#4ecdc4"],
  ["Cyan", "#06b6d4"],
  ["Sky", "#38bdf8"],
  ["Blue", "#2563eb"],
  ["Navy", "#1e3a8a"],
  ["Indigo", "#4f46e5"],
  ["Violet", "#7c3aed"],
  ["Purple", "#9333ea"],
  ["Lavender", "#c4b5fd"],
  ["Pink", "#ec4899"],
  ["Rose", "#e11d48"],
  ["Maroon", "#7f1d1d"],
  ["Brown", "#92400e"],
  ["Beige", "#e7d7b9"],
  ["Cream", "#fff7e0"],
  ["Slate", "#475569"],
  ["Gray", "#9ca3af"],
  ["Light gray", "#e5e7eb"],
  ["Charcoal", "#1f2937"],
  ["Forest", "#14532d"],
  ["Deep teal", "#1a535c"],
  ["Black", "#0a0a0a"],
  ["White", "#ffffff"],
]

function channels(hex: string): [number, number, number] {
  return [1, 3, 5].map((start) => parseInt(hex.slice(start, start + 2), 16)) as [number, number, number]
}

function nearestName(hex: string): string {
  const [r, g, b] = channels(hex)
  let best = REFERENCE[0]!
  let bestDistance = Infinity
  for (const entry of REFERENCE) {
    const [r2, g2, b2] = channels(entry[1])
    const distance = 2 * (r - r2) ** 2 + 4 * (g - g2) ** 2 + 3 * (b - b2) ** 2
    if (distance < bestDistance) {
      best = entry
      bestDistance = distance
    }
  }
  return best[0]
}

/** The prompt's own colours: hex values, or two or more colour names (in order, without repeats). */
function promptSwatches(facts: PromptFacts): Swatch[] | undefined {
  const hexes = [...facts.text.matchAll(/#(?:[0-9a-f]{6}|[0-9a-f]{3})\b/gi)].map((match) =>
    normalise(match[0])!,
  )
  const uniqueHexes = [...new Set(hexes)]
  if (uniqueHexes.length >= 2) {
    const taken = new Map<string, number>()
    return uniqueHexes.map((hex) => {
      const base = nearestName(hex)
      const seen = (taken.get(base) ?? 0) + 1
      taken.set(base, seen)
      return { name: seen > 1 ? `${base} ${seen}` : base, hex }
    })
  }
  const swatches: Swatch[] = []
  for (const word of facts.words) {
    const hex = NAMED[word]
    if (!hex || swatches.some((swatch) => swatch.hex === hex)) continue
    swatches.push({ name: capitalize(word === "grey" ? "gray" : word), hex })
  }
  return swatches.length >= 2 ? swatches : undefined
}

function swatchesOf(facts: PromptFacts): Swatch[] {
  const own = promptSwatches(facts)
  if (own) return own
  const count = countOf(facts, "swatch", "colour", "color", "option")
  return PALETTE.slice(0, Math.min(Math.max(count ?? 8, 2), PALETTE.length))
}

function labelOf(facts: PromptFacts): string {
  if (facts.quoted[0] && !normalise(facts.quoted[0])) return facts.quoted[0]
  const word = mentions(facts, "colour", "colours") ? "colour" : "color"
  for (const topic of ["brand", "theme", "label", "tag", "accent", "background", "text", "highlight"]) {
    if (mentions(facts, `${topic} ${word}`, `${topic} colour`, `${topic} color`))
      return `${capitalize(topic)} ${word}`
  }
  return capitalize(word)
}

function wantsHexInput(facts: PromptFacts): boolean | undefined {
  if (!/\bhex\b/.test(facts.lower)) return undefined
  return !/\b(?:no|without|remove|hide|drop)\b[\w\s]{0,12}\bhex\b|\bswatches only\b/.test(facts.lower)
}

const ERROR = "Enter a hex value like #2563eb"

/** Colour swatches plus a hex field, a preview chip and the selected colour's name. */
export const colorPicker: Recipe = {
  kind: "color-picker",
  title: "Colour picker",
  names: ["ColorPicker"],
  keywords: {
    strong: [
      "color picker",
      "colour picker",
      "color selector",
      "colour selector",
      "color chooser",
      "colour chooser",
      "color swatches",
      "colour swatches",
      "swatch picker",
      "hex input",
      "hex color",
      "hex colour",
      "preset colors",
      "preset colours",
      "color input",
      "colour input",
      "pick a color",
      "pick a colour",
      "choose a color",
      "choose a colour",
    ],
    weak: ["swatch", "hex", "palette", "color", "colour"],
  },
  callbacks: [
    {
      name: "onChange",
      type: "(hex: string) => void",
      description: "Called with the chosen colour (#rrggbb).",
    },
  ],
  params: (facts) => {
    const swatches = swatchesOf(facts)
    const own = promptSwatches(facts) !== undefined
    const preselected =
      /\b(?:default(?:s)?|pre-?selected|selected|starts? (?:on|with|at))\s*(?:to|is|=|:|on|with)?\s*(?:the\s+)?([a-z]+|#[0-9a-f]{3,6})\b/.exec(
        facts.lower,
      )?.[1]
    const first =
      swatches.find(
        (swatch) =>
          preselected && (swatch.name.toLowerCase() === preselected || swatch.hex === normalise(preselected)),
      )?.hex ?? swatches[0]!.hex
    const params: Param[] = [
      {
        name: "label",
        type: "string",
        value: labelOf(facts),
        description: "The picker's label.",
        control: "text",
      },
      {
        name: "swatches",
        type: "Swatch[]",
        value: swatches,
        description: "The colours to pick from, in order: a name and a hex value each.",
      },
      {
        name: "defaultColor",
        type: "string",
        value: first,
        description: "The colour selected at first (hex).",
        control: "color",
      },
      {
        name: "showHexInput",
        type: "boolean",
        value: wantsHexInput(facts) ?? true,
        description: "Show a field for typing any hex value.",
        control: "boolean",
      },
    ]
    // Colours the prompt lists are swatches, not the accent (a single colour still is the accent).
    if (own)
      params.push({
        name: "accent",
        type: "string",
        value: "",
        description: "Accent colour for primary actions and focus rings (hex); empty keeps the theme's.",
        control: "color",
      })
    return params
  },
  summary: (values) =>
    `A ${str(values, "label").toLowerCase()} picker with ${records<Swatch>(values, "swatches").length} swatches${
      bool(values, "showHexInput", true) ? ", a hex field" : ""
    } and a preview.`,
  requirements: (values) => {
    const swatches = records<Swatch>(values, "swatches")
    const initial = initialSwatch(values)
    const list: [string, string][] = [
      [
        "swatches",
        `Shows a swatch for each of ${sentenceList(swatches.map((swatch) => swatch.name))}, named by colour`,
      ],
      [
        "initial",
        `${initial ? `${initial.name} (${initial.hex})` : str(values, "defaultColor")} is selected at first and shown in the preview`,
      ],
      [
        "choose",
        "Clicking a swatch selects it, shows its name and hex value and calls onChange with the hex",
      ],
    ]
    if (bool(values, "showHexInput", true)) {
      list.push(["hex", "Typing a hex value and pressing Enter selects that colour and calls onChange"])
      list.push(["invalid", `An invalid hex value shows "${ERROR}" and keeps the colour`])
    }
    return list
  },
  component: (context) => `import { useId, useState, type FormEvent } from "react"
import { Check } from "lucide-react"
import { Button } from "@/components/ui/button"
import { Input } from "@/components/ui/input"
import { Label } from "@/components/ui/label"
import { readableOn } from "@/lib/appearance"
${context.lookImports}

export interface Swatch {
  name: string
  hex: string
}

${context.propsInterface}

${context.defaults}

/** "#ABC", "abc", "#aabbcc" → "#aabbcc"; anything else → undefined. */
function normalise(value: string): string | undefined {
  const match = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(value.trim())
  const digits = match?.[1]
  if (!digits) return undefined
  const full = digits.length === 3 ? [...digits].map((digit) => digit + digit).join("") : digits
  return \`#\${full.toLowerCase()}\`
}

${context.signature}
  ${context.look}
  const id = useId()
  const [color, setColor] = useState(() => normalise(defaultColor) ?? normalise(swatches[0]?.hex ?? "") ?? "#000000")
  const [draft, setDraft] = useState(color)
  const [error, setError] = useState("")
  const current = swatches.find((swatch) => normalise(swatch.hex) === color)

  function choose(hex: string) {
    setColor(hex)
    setDraft(hex)
    setError("")
    onChange?.(hex)
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const hex = normalise(draft)
    if (!hex) {
      setError(${context.lit(ERROR)})
      return
    }
    choose(hex)
  }

  return (
    <div className={cn(look.className, "flex w-full max-w-sm flex-col gap-5 rounded-xl border bg-card p-6 text-card-foreground shadow-sm")} style={look.style}>
      <div className="flex items-center gap-3">
        <span aria-hidden="true" className="size-12 shrink-0 rounded-lg border shadow-inner" style={{ backgroundColor: color }} />
        <div className="flex min-w-0 flex-col gap-1">
          <p id={\`\${id}-label\`} className="text-sm font-medium">
            {label}
          </p>
          <p aria-live="polite" className="truncate font-mono text-sm text-muted-foreground">
            {current ? \`\${current.name} · \${color}\` : \`Custom · \${color}\`}
          </p>
        </div>
      </div>
      <div role="group" aria-labelledby={\`\${id}-label\`} className="flex flex-wrap gap-2">
        {swatches.map((swatch) => {
          const hex = normalise(swatch.hex) ?? swatch.hex
          const selected = hex === color
          return (
            <button
              key={\`\${swatch.name}-\${hex}\`}
              type="button"
              aria-label={swatch.name}
              aria-pressed={selected}
              title={\`\${swatch.name} \${hex}\`}
              onClick={() => choose(hex)}
              className={cn(
                "grid size-8 place-items-center rounded-full border shadow-sm transition-transform hover:scale-110 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-offset-2 focus-visible:ring-offset-background",
                selected && "ring-2 ring-foreground ring-offset-2 ring-offset-background",
              )}
              style={{ backgroundColor: hex }}
            >
              {selected && <Check aria-hidden="true" className="size-4" style={{ color: readableOn(hex) }} />}
            </button>
          )
        })}
      </div>
      {showHexInput && (
        <form noValidate onSubmit={handleSubmit} className="flex flex-col gap-2">
          <Label htmlFor={\`\${id}-hex\`}>Hex</Label>
          <div className="flex gap-2">
            <Input
              id={\`\${id}-hex\`}
              value={draft}
              onChange={(event) => {
                setDraft(event.target.value)
                setError("")
              }}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? \`\${id}-error\` : undefined}
              autoComplete="off"
              spellCheck={false}
              className="font-mono"
            />
            <Button type="submit" variant="outline">
              Apply
            </Button>
          </div>
          {error && (
            <p id={\`\${id}-error\`} role="alert" className="text-sm text-destructive">
              {error}
            </p>
          )}
        </form>
      )}
    </div>
  )
}
`,
  tests: (context) => {
    const { values, name, id, lit } = context
    const swatches = records<Swatch>(values, "swatches")
    const initial = initialSwatch(values)
    const initialHex =
      normalise(str(values, "defaultColor")) ?? normalise(swatches[0]?.hex ?? "") ?? "#000000"
    const other = swatches.find((swatch) => normalise(swatch.hex) !== initialHex) ?? swatches[0]!
    const otherHex = normalise(other.hex)!
    const custom = ["#ff8800", "#123456"].find(
      (hex) => !swatches.some((swatch) => normalise(swatch.hex) === hex),
    )!
    const tests = [
      `it("${id("swatches")}: shows a swatch for each colour, named by colour", () => {
  render(<${name} />)
  const group = screen.getByRole("group", { name: ${lit(str(values, "label"))} })
  const names = within(group).getAllByRole("button").map((button) => button.getAttribute("aria-label"))
  expect(names).toEqual(${lit(swatches.map((swatch) => swatch.name))})
})`,
      `it("${id("initial")}: the first colour is selected and shown in the preview", () => {
  render(<${name} />)
  ${
    initial
      ? `expect(screen.getByRole("button", { name: ${lit(initial.name)} })).toHaveAttribute("aria-pressed", "true")
  expect(screen.getByText(${lit(`${initial.name} · ${initialHex}`)})).toBeInTheDocument()`
      : `expect(screen.getByText(${lit(`Custom · ${initialHex}`)})).toBeInTheDocument()`
  }
})`,
      `it("${id("choose")}: clicking a swatch selects it and calls onChange", async () => {
  const user = userEvent.setup()
  const onChange = vi.fn()
  render(<${name} onChange={onChange} />)
  await user.click(screen.getByRole("button", { name: ${lit(other.name)} }))
  expect(screen.getByRole("button", { name: ${lit(other.name)} })).toHaveAttribute("aria-pressed", "true")
  ${
    initial && initial.name !== other.name
      ? `expect(screen.getByRole("button", { name: ${lit(initial.name)} })).toHaveAttribute("aria-pressed", "false")\n  `
      : ""
  }expect(screen.getByText(${lit(`${other.name} · ${otherHex}`)})).toBeInTheDocument()
  expect(onChange).toHaveBeenLastCalledWith(${lit(otherHex)})
})`,
    ]
    if (context.has("hex"))
      tests.push(`it("${id("hex")}: typing a hex value and pressing Enter selects it", async () => {
  const user = userEvent.setup()
  const onChange = vi.fn()
  render(<${name} onChange={onChange} />)
  const field = screen.getByRole("textbox", { name: "Hex" })
  await user.clear(field)
  await user.type(field, "${custom.toUpperCase()}{Enter}")
  expect(screen.getByText(${lit(`Custom · ${custom}`)})).toBeInTheDocument()
  expect(onChange).toHaveBeenLastCalledWith(${lit(custom)})
  expect(screen.queryAllByRole("button", { pressed: true })).toHaveLength(0)
  await user.clear(field)
  await user.type(field, ${lit(otherHex.slice(1))})
  await user.click(screen.getByRole("button", { name: "Apply" }))
  expect(screen.getByRole("button", { name: ${lit(other.name)} })).toHaveAttribute("aria-pressed", "true")
  expect(onChange).toHaveBeenLastCalledWith(${lit(otherHex)})
})`)
    if (context.has("invalid"))
      tests.push(`it("${id("invalid")}: an invalid hex value shows an error and keeps the colour", async () => {
  const user = userEvent.setup()
  const onChange = vi.fn()
  render(<${name} onChange={onChange} />)
  const field = screen.getByRole("textbox", { name: "Hex" })
  await user.clear(field)
  await user.type(field, "#12zz{Enter}")
  expect(screen.getByRole("alert")).toHaveTextContent(${lit(ERROR)})
  expect(field).toHaveAttribute("aria-invalid", "true")
  expect(onChange).not.toHaveBeenCalled()
  expect(screen.getByText(${lit(initial ? `${initial.name} · ${initialHex}` : `Custom · ${initialHex}`)})).toBeInTheDocument()
})`)
    return tests.join("\n\n")
  },
  followUp: (facts, values) => {
    const next: Record<string, Values[string]> = { ...values }
    const applied: string[] = []
    const hex = wantsHexInput(facts)
    if (hex !== undefined && hex !== values.showHexInput) {
      next.showHexInput = hex
      applied.push(hex ? "a hex field" : "no hex field")
    }
    const count = countOf(facts, "swatch")
    if (count !== undefined) {
      const current = records<Swatch>(values, "swatches")
      const extra = PALETTE.filter((swatch) => !current.some((own) => own.hex === swatch.hex))
      const swatches = [...current, ...extra].slice(
        0,
        Math.min(Math.max(count, 2), current.length + extra.length),
      )
      next.swatches = swatches
      if (!swatches.some((swatch) => swatch.hex === values.defaultColor)) next.defaultColor = swatches[0]!.hex
      applied.push(`${swatches.length} swatches`)
    }
    return { values: next, applied }
  },
  followUpHints: ["N swatches", "with or without the hex field"],
}

function initialSwatch(values: Values): Swatch | undefined {
  const swatches = records<Swatch>(values, "swatches")
  const hex = normalise(str(values, "defaultColor"))
  return hex ? swatches.find((swatch) => normalise(swatch.hex) === hex) : swatches[0]
}
