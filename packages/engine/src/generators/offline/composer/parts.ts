import { lit, sentenceList, type Param, type Values } from "../recipe"
import type { LineItem, Part, Row } from "./types"

/**
 * What one part adds to the component: its imports, state, JSX, requirements and tests. Every prompt-derived
 * string reaches the code through `lit` (JSON, the one escaping the offline generator uses) or a prop: never
 * spliced into JSX or a test as raw text.
 */
export interface PartBuild {
  imports: readonly (readonly [module: string, name: string])[]
  state: readonly string[]
  jsx: string
  requirements: readonly (readonly [key: string, text: string])[]
  /** One test per requirement key: (id) => `it(...)`. */
  tests: Readonly<Record<string, (id: string) => string>>
}

/** What a builder knows about the rest of the component. */
export interface PartScope {
  name: string
  values: Values
  /** The prop that carries this part's value. */
  prop: string
  /** A short identifier unique to this part, for its state ("p3"). */
  key: string
  /** The state variable of the first password input, for a strength meter. */
  password?: string
  /** The first counting button (its key, the prop of its label, its floor), for a button that lowers its count. */
  counter?: { key: string; prop: string; min?: number }
}

const BUTTON = ["@/components/ui/button", "Button"] as const
const INPUT = ["@/components/ui/input", "Input"] as const
const LABEL = ["@/components/ui/label", "Label"] as const
const TEXTAREA = ["@/components/ui/textarea", "Textarea"] as const
const BADGE = ["@/components/ui/badge", "Badge"] as const
const PROGRESS = ["@/components/ui/progress", "Progress"] as const
const TABS = ["@/components/ui/tabs", "Tabs"] as const
const TABS_LIST = ["@/components/ui/tabs", "TabsList"] as const
const TABS_TRIGGER = ["@/components/ui/tabs", "TabsTrigger"] as const
const TABS_CONTENT = ["@/components/ui/tabs", "TabsContent"] as const

/** A test with its title escaped once. */
export function testCase(id: string, title: string, body: string, async = false): string {
  return `it(${lit(`${id}: ${title}`)}, ${async ? "async " : ""}() => {\n${body
    .trim()
    .split("\n")
    .map((line) => `  ${line}`)
    .join("\n")}\n})`
}

function text(values: Values, prop: string): string {
  const value = values[prop]
  return typeof value === "string" ? value : ""
}
function list(values: Values, prop: string): string[] {
  const value = values[prop]
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : []
}
function number(values: Values, prop: string): number {
  const value = values[prop]
  return typeof value === "number" && Number.isFinite(value) ? value : 0
}
function rows(values: Values, prop: string): Row[] {
  const value = values[prop]
  return Array.isArray(value)
    ? (value as unknown[]).filter(
        (row): row is Row =>
          typeof row === "object" &&
          row !== null &&
          typeof (row as Row).label === "string" &&
          typeof (row as Row).value === "string",
      )
    : []
}
function lines(values: Values, prop: string): LineItem[] {
  const value = values[prop]
  return Array.isArray(value)
    ? (value as unknown[]).filter(
        (line): line is LineItem =>
          typeof line === "object" &&
          line !== null &&
          typeof (line as LineItem).item === "string" &&
          typeof (line as LineItem).quantity === "number" &&
          typeof (line as LineItem).price === "number",
      )
    : []
}

/** The prop a part's value becomes: its TypeScript type and what it means. */
export function partParam(part: Part, prop: string): Omit<Param, "description"> & { description: string } {
  switch (part.kind) {
    case "heading":
      return { name: prop, type: "string", value: part.value, description: "The heading.", control: "text" }
    case "text":
      return {
        name: prop,
        type: "string",
        value: part.value,
        description: "A line of text.",
        control: "text",
      }
    case "button":
      return {
        name: prop,
        type: "string",
        value: part.value,
        description: `The label of a button that ${ACTION_WORDS[part.action]}.`,
        control: "text",
      }
    case "input":
      return {
        name: prop,
        type: "string",
        value: part.value,
        description: `The label of a ${part.switch ? "switch" : part.type === "radio" ? "radio group" : `${part.type} input`}.`,
        control: "text",
      }
    case "list":
      return {
        name: prop,
        type: "string[]",
        value: [...part.value],
        description: `The items of the ${part.label} list, in order.`,
      }
    case "table":
      return {
        name: prop,
        type: "string[]",
        value: [...part.value],
        description: "The table's column headings, in order.",
      }
    case "totals":
      return {
        name: prop,
        type: "{ item: string; quantity: number; price: number }[]",
        value: part.value.map((line) => ({ ...line })),
        description: "The line items: name, quantity and unit price.",
      }
    case "badge":
      return {
        name: prop,
        type: "number",
        value: part.value,
        description: `The ${part.label} count on the badge.`,
        control: "number",
      }
    case "progress":
      return {
        name: prop,
        type: "number",
        value: part.value,
        description: "How far along, 0 to 100.",
        control: "number",
      }
    case "meter":
      return part.strengthOf
        ? {
            name: prop,
            type: "string",
            value: part.label,
            description: "The strength meter's name.",
            control: "text",
          }
        : {
            name: prop,
            type: "number",
            value: part.value,
            description: "The meter's level, 0 to 100.",
            control: "number",
          }
    case "image":
      return {
        name: prop,
        type: "string",
        value: part.value,
        description: "What the image shows (its alt text).",
        control: "text",
      }
    case "avatar":
      return {
        name: prop,
        type: "string",
        value: part.value,
        description: "Whose avatar it is.",
        control: "text",
      }
    case "steps":
      return {
        name: prop,
        type: "string[]",
        value: [...part.value],
        description: `The ${part.style === "timeline" ? "timeline's entries" : "steps"}, in order.`,
      }
    case "tabs":
      return {
        name: prop,
        type: "string[]",
        value: [...part.value],
        description: "The tab labels, in order.",
      }
    case "timer":
      return {
        name: prop,
        type: "number",
        value: part.value,
        description: "The timer's length in seconds.",
        control: "number",
      }
    case "values":
      return {
        name: prop,
        type: "{ label: string; value: string }[]",
        value: part.value.map((row) => ({ ...row })),
        description: "The values shown, each with its label.",
      }
  }
}

const ACTION_WORDS = {
  toggle: "turns on and off",
  dismiss: "dismisses the component",
  count: "counts its presses",
  decrement: "lowers the count",
  select: "selects its option",
  submit: "submits",
  copy: "copies to the clipboard",
  press: "says it was pressed",
} as const

export function buildPart(part: Part, scope: PartScope): PartBuild {
  const { values, prop, key, name } = scope
  const render = `render(<${name} />)`
  switch (part.kind) {
    case "heading": {
      const value = text(values, prop)
      return {
        imports: [],
        state: [],
        jsx: `<h2 className="text-lg font-semibold leading-tight">{${prop}}</h2>`,
        requirements: [[key, `Shows the heading "${value}"`]],
        tests: {
          [key]: (id) =>
            testCase(
              id,
              `shows the heading ${value}`,
              `${render}\nexpect(screen.getByRole("heading", { name: ${lit(value)} })).toBeInTheDocument()`,
            ),
        },
      }
    }
    case "text": {
      const value = text(values, prop)
      return {
        imports: [],
        state: [],
        jsx: `<p className="text-sm text-muted-foreground">{${prop}}</p>`,
        requirements: [[key, `Shows "${value}"`]],
        tests: {
          [key]: (id) =>
            testCase(
              id,
              `shows ${value}`,
              `${render}\nexpect(screen.getByText(${lit(value)})).toBeInTheDocument()`,
            ),
        },
      }
    }
    case "button":
      return buttonPart(part, scope)
    case "input":
      return inputPart(part, scope)
    case "list": {
      // The list's name is a label, not a heading: it is often the thing's own name ("a changelog feed with …"),
      // and a second heading of that name would make the title's heading ambiguous.
      const items = list(values, prop)
      return {
        imports: [],
        state: [],
        jsx: `<div className="flex flex-col gap-2">
  <p id={\`\${id}-${key}\`} className="text-sm font-medium">{${lit(part.label)}}</p>
  <ul aria-labelledby={\`\${id}-${key}\`} className="flex flex-col gap-1 text-sm">
    {${prop}.map((item, index) => (
      <li key={\`\${index}-\${item}\`} className="rounded-md border px-3 py-2">{item}</li>
    ))}
  </ul>
</div>`,
        requirements: [[key, `Shows the ${part.label} list: ${sentenceList(items)}, in that order`]],
        tests: {
          [key]: (id) =>
            testCase(
              id,
              `shows the ${part.label} list in order`,
              `${render}\nconst list = screen.getByRole("list", { name: ${lit(part.label)} })\nexpect(within(list).getAllByRole("listitem").map((item) => item.textContent)).toEqual(${lit(items)})`,
            ),
        },
      }
    }
    case "table": {
      const columns = list(values, prop)
      return {
        imports: [],
        state: [],
        jsx: `<table className="w-full text-left text-sm">
  <caption className="mb-2 text-left font-medium">{${lit(part.label)}}</caption>
  <thead>
    <tr className="border-b">
      {${prop}.map((column) => (
        <th key={column} scope="col" className="px-2 py-1 font-medium">{column}</th>
      ))}
    </tr>
  </thead>
  <tbody>
    <tr>
      <td colSpan={${prop}.length} className="px-2 py-3 text-muted-foreground">No rows yet</td>
    </tr>
  </tbody>
</table>`,
        requirements: [[key, `Shows a table with the columns ${sentenceList(columns)}`]],
        tests: {
          [key]: (id) =>
            testCase(
              id,
              "shows the table's columns in order",
              `${render}\nconst table = screen.getByRole("table", { name: ${lit(part.label)} })\nexpect(within(table).getAllByRole("columnheader").map((cell) => cell.textContent)).toEqual(${lit(columns)})`,
            ),
        },
      }
    }
    case "totals":
      return totalsPart(part, scope)
    case "badge": {
      const count = number(values, prop)
      return {
        imports: [BADGE],
        state: [],
        jsx: `<Badge className="self-start">{${prop}} {${lit(part.label)}}</Badge>`,
        requirements: [[key, `Shows a badge with the ${part.label} count (${count})`]],
        tests: {
          [key]: (id) =>
            testCase(
              id,
              `shows the ${part.label} count on a badge`,
              `${render}\nexpect(screen.getByText(${lit(`${count} ${part.label}`)})).toBeInTheDocument()`,
            ),
        },
      }
    }
    case "progress": {
      const value = number(values, prop)
      const bar = `<Progress value={${prop}} aria-label={${lit(part.label || "Progress")}} />`
      // "3 of 10 pages": the count the bar stands for, in the prompt's words, follows the value the panel sets.
      const of = part.of
      const suffix = of ? ` of ${of.total}${of.unit ? ` ${of.unit}` : ""}` : ""
      const counted = of ? `${Math.round((value / 100) * of.total)}${suffix}` : ""
      // A bar the prompt names ("progress bars for Design and Code") shows its name and level above it.
      const named = part.label && part.label !== "Progress" ? part.label : undefined
      const caption = named
        ? `<div className="flex justify-between text-sm"><span>{${lit(named)}}</span>${of ? "" : `<span>{${prop}}%</span>`}</div>`
        : ""
      return {
        imports: [PROGRESS],
        state: [],
        jsx:
          of || named
            ? `<div className="space-y-1">
  ${caption}
  ${bar}
  ${of ? `<p className="text-sm text-muted-foreground">{String(Math.round((${prop} / 100) * ${of.total})) + ${lit(suffix)}}</p>` : ""}
</div>`
            : bar,
        requirements: [
          [
            key,
            `Shows ${named ? `the "${named}" progress bar` : "a progress bar"} at ${value}%${of ? `, with "${counted}" beside it` : ""}`,
          ],
        ],
        tests: {
          [key]: (id) =>
            testCase(
              id,
              `shows ${named ? `the ${named} progress bar` : "a progress bar"} at ${value}%${of ? ` (${counted})` : ""}`,
              `${render}\nexpect(screen.getByRole("progressbar", { name: ${lit(part.label || "Progress")} })).toHaveAttribute("aria-valuenow", ${lit(String(value))})` +
                (named ? `\nexpect(screen.getByText(${lit(named)})).toBeInTheDocument()` : "") +
                (of ? `\nexpect(screen.getByText(${lit(counted)})).toBeInTheDocument()` : ""),
            ),
        },
      }
    }
    case "meter":
      return meterPart(part, scope)
    case "image": {
      const value = text(values, prop)
      return {
        imports: [],
        state: [],
        jsx: `<div role="img" aria-label={${prop}} className="flex aspect-video w-full items-center justify-center rounded-lg bg-muted text-sm text-muted-foreground">
  <span aria-hidden="true">{${prop}}</span>
</div>`,
        requirements: [[key, `Shows an image of ${value}`]],
        tests: {
          [key]: (id) =>
            testCase(
              id,
              `shows an image of ${value}`,
              `${render}\nexpect(screen.getByRole("img", { name: ${lit(value)} })).toBeInTheDocument()`,
            ),
        },
      }
    }
    case "avatar": {
      const value = text(values, prop)
      return {
        imports: [],
        state: [],
        jsx: `<div role="img" aria-label={${prop}} className="flex size-12 items-center justify-center rounded-full bg-muted font-medium">
  <span aria-hidden="true">{${prop}.split(" ").map((word) => word.charAt(0)).join("").slice(0, 2).toUpperCase()}</span>
</div>`,
        requirements: [[key, `Shows the avatar of ${value}`]],
        tests: {
          [key]: (id) =>
            testCase(
              id,
              `shows the avatar of ${value}`,
              `${render}\nexpect(screen.getByRole("img", { name: ${lit(value)} })).toBeInTheDocument()`,
            ),
        },
      }
    }
    case "steps":
      return stepsPart(part, scope)
    case "tabs": {
      const tabs = list(values, prop)
      const other = tabs[1] ?? tabs[0] ?? ""
      return {
        imports: [TABS, TABS_LIST, TABS_TRIGGER, TABS_CONTENT],
        state: [],
        jsx: `<Tabs defaultValue="0" className="gap-3">
  <TabsList aria-label="Sections">
    {${prop}.map((label, index) => (
      <TabsTrigger key={label} value={String(index)}>{label}</TabsTrigger>
    ))}
  </TabsList>
  {${prop}.map((label, index) => (
    <TabsContent key={label} value={String(index)} className="rounded-lg border p-4 text-sm">{label}</TabsContent>
  ))}
</Tabs>`,
        requirements: [
          [key, `Shows a tab for each of ${sentenceList(tabs)}, the first selected`],
          [`${key}-select`, "Clicking a tab selects it and shows its panel"],
        ],
        tests: {
          [key]: (id) =>
            testCase(
              id,
              "shows a tab for each label, the first selected",
              `${render}\nexpect(screen.getAllByRole("tab").map((tab) => tab.textContent)).toEqual(${lit(tabs)})\nexpect(screen.getAllByRole("tab")[0]).toHaveAttribute("aria-selected", "true")`,
            ),
          [`${key}-select`]: (id) =>
            testCase(
              id,
              "clicking a tab selects it",
              `const user = userEvent.setup()\n${render}\nawait user.click(screen.getByRole("tab", { name: ${lit(other)} }))\nexpect(screen.getByRole("tab", { name: ${lit(other)} })).toHaveAttribute("aria-selected", "true")\nexpect(screen.getByRole("tabpanel")).toHaveTextContent(${lit(other)})`,
              true,
            ),
        },
      }
    }
    case "timer":
      return timerPart(part, scope)
    case "values": {
      const shown = rows(values, prop)
      return {
        imports: [],
        state: [],
        jsx: `<dl className="flex flex-col gap-1 text-sm">
  {${prop}.map((row) => (
    <div key={row.label} className="flex justify-between gap-4 border-b py-1">
      <dt className="text-muted-foreground">{row.label}</dt>
      <dd className="font-medium tabular-nums">{row.value}</dd>
    </div>
  ))}
</dl>`,
        requirements: [
          [
            key,
            `Shows the labelled values ${sentenceList(shown.map((row) => (row.value === "—" ? row.label : `${row.label}: ${row.value}`)))}${shown.some((row) => row.value === "—") ? ', a value not given showing "—"' : ""}`,
          ],
        ],
        tests: {
          [key]: (id) =>
            testCase(
              id,
              `shows ${sentenceList(shown.map((row) => row.label))}, each with its value`,
              `${render}\n${shown
                .map(
                  (row) =>
                    `expect(screen.getByText(${lit(row.label)}, { selector: "dt" }).nextElementSibling?.textContent).toBe(${lit(row.value)})`,
                )
                .join("\n")}`,
            ),
        },
      }
    }
  }
}

function buttonPart(part: Extract<Part, { kind: "button" }>, scope: PartScope): PartBuild {
  const { values, prop, key, name } = scope
  const label = text(values, prop)
  const setup = `const user = userEvent.setup()\nrender(<${name} />)\nconst button = screen.getByRole("button", { name: ${lit(label)} })`
  const click = "await user.click(button)"
  const on = `${key}On`
  switch (part.action) {
    case "toggle":
      return {
        imports: [BUTTON],
        state: [`const [${on}, set${cap(on)}] = useState(false)`],
        jsx: `<Button type="button" variant={${on} ? "default" : "outline"} aria-pressed={${on}} onClick={() => set${cap(on)}((value) => !value)}>{${prop}}</Button>`,
        requirements: [[key, `The "${label}" button turns on when pressed and off when pressed again`]],
        tests: {
          [key]: (id) =>
            testCase(
              id,
              `the ${label} button toggles`,
              `${setup}\nexpect(button).toHaveAttribute("aria-pressed", "false")\n${click}\nexpect(button).toHaveAttribute("aria-pressed", "true")\n${click}\nexpect(button).toHaveAttribute("aria-pressed", "false")`,
              true,
            ),
        },
      }
    case "dismiss":
      return {
        imports: [BUTTON],
        state: [],
        jsx: `<Button type="button" variant="outline" onClick={() => setDismissed(${prop})}>{${prop}}</Button>`,
        requirements: [[key, `Pressing "${label}" dismisses it and says "${label}" was chosen`]],
        tests: {
          [key]: (id) =>
            testCase(
              id,
              `pressing ${label} dismisses it`,
              `${setup}\n${click}\nexpect(screen.queryByRole("button", { name: ${lit(label)} })).not.toBeInTheDocument()\nexpect(screen.getByRole("status")).toHaveTextContent(${lit(label)})`,
              true,
            ),
        },
      }
    case "count": {
      const count = `${key}Count`
      const start = startOf(part.min)
      return {
        imports: [BUTTON],
        state: [`const [${count}, set${cap(count)}] = useState(${start})`],
        jsx: `<div className="flex items-center gap-2">
  <Button type="button" variant="outline" onClick={() => set${cap(count)}((value) => value + 1)}>{${prop}}</Button>
  <output aria-label={\`\${${prop}} count\`} className="text-sm tabular-nums">{${count}}</output>
</div>`,
        requirements: [[key, `Each press of "${label}" adds one to its count, which starts at ${start}`]],
        tests: {
          [key]: (id) =>
            testCase(
              id,
              `pressing ${label} counts`,
              `${setup}\nconst count = screen.getByRole("status", { name: ${lit(`${label} count`)} })\nexpect(count).toHaveTextContent(${lit(String(start))})\n${click}\n${click}\nexpect(count).toHaveTextContent(${lit(String(start + 2))})`,
              true,
            ),
        },
      }
    }
    case "decrement":
      return decrementPart(part, scope)
    case "select":
      return {
        imports: [BUTTON],
        state: [],
        jsx: `<Button type="button" variant={selected === ${prop} ? "default" : "outline"} aria-pressed={selected === ${prop}} onClick={() => setSelected(${prop})}>{${prop}}</Button>`,
        requirements: [[key, `Pressing "${label}" selects it`]],
        tests: {
          [key]: (id) =>
            testCase(
              id,
              `pressing ${label} selects it`,
              `${setup}\n${click}\nexpect(button).toHaveAttribute("aria-pressed", "true")`,
              true,
            ),
        },
      }
    case "submit":
    case "copy":
    case "press": {
      const said = part.action === "submit" ? "sent" : part.action === "copy" ? "copied" : "pressed"
      const effect =
        part.action === "copy"
          ? `void navigator.clipboard?.writeText(${prop}).catch(() => undefined); setStatus(\`\${${prop}}: copied\`)`
          : `setStatus(\`\${${prop}}: ${said}\`)`
      return {
        imports: [BUTTON],
        state: [],
        jsx: `<Button type="button" onClick={() => { ${effect} }}>{${prop}}</Button>`,
        requirements: [[key, `Pressing "${label}" says it was ${said}`]],
        tests: {
          [key]: (id) =>
            testCase(
              id,
              `pressing ${label} says it was ${said}`,
              `${setup}\n${click}\nexpect(screen.getByText(${lit(`${label}: ${said}`)})).toHaveAttribute("role", "status")`,
              true,
            ),
        },
      }
    }
  }
}

/** Where a count starts: at its stated minimum when that is above zero, else at zero. */
function startOf(min: number | undefined): number {
  return min !== undefined && min > 0 ? min : 0
}

/**
 * A button that takes one from the count of the first counting button ("a plus button and a minus button"), never
 * below the stated minimum; with no counting button it keeps (and shows) a count of its own.
 */
function decrementPart(part: Extract<Part, { kind: "button" }>, scope: PartScope): PartBuild {
  const { values, prop, key, name, counter } = scope
  const label = text(values, prop)
  const own = counter === undefined
  const count = `${counter?.key ?? key}Count`
  const countLabel = own ? label : text(values, counter.prop)
  const min = part.min
  // The count starts where its counting button starts it.
  const start = startOf(own ? min : counter.min)
  const lowered = min === undefined ? "value - 1" : `Math.max(${min}, value - 1)`
  const button = `<Button type="button" variant="outline" onClick={() => set${cap(count)}((value) => ${lowered})}>{${prop}}</Button>`
  const floor = min === undefined ? "" : `, never below ${min}`
  const setup = `const user = userEvent.setup()\nrender(<${name} />)\nconst count = screen.getByRole("status", { name: ${lit(`${countLabel} count`)} })\nconst lower = screen.getByRole("button", { name: ${lit(label)} })`
  const raise = own ? "" : `await user.click(screen.getByRole("button", { name: ${lit(countLabel)} }))\n`
  const raised = own ? start : start + 1
  // Down by one from where it was; then, with a floor, pressed past it, it stays at the floor.
  const body = [
    setup,
    `expect(count).toHaveTextContent(${lit(String(start))})`,
    `${raise}await user.click(lower)`,
    `expect(count).toHaveTextContent(${lit(String(min === undefined ? raised - 1 : Math.max(min, raised - 1)))})`,
    ...(min === undefined
      ? []
      : [
          ...Array.from({ length: Math.max(0, raised - 1 - min) + 1 }, () => "await user.click(lower)"),
          `expect(count).toHaveTextContent(${lit(String(min))})`,
        ]),
  ].join("\n")
  return {
    imports: [BUTTON],
    state: own ? [`const [${count}, set${cap(count)}] = useState(${start})`] : [],
    jsx: own
      ? `<div className="flex items-center gap-2">
  ${button}
  <output aria-label={\`\${${prop}} count\`} className="text-sm tabular-nums">{${count}}</output>
</div>`
      : button,
    requirements: [
      [
        key,
        own
          ? `Each press of "${label}" takes one from its count, which starts at ${start}${floor}`
          : `Each press of "${label}" takes one from the "${countLabel}" count${floor}`,
      ],
    ],
    tests: {
      [key]: (id) =>
        testCase(
          id,
          `pressing ${label} lowers the count${min === undefined ? "" : ` to no less than ${min}`}`,
          body,
          true,
        ),
    },
  }
}

const SAMPLE: Record<string, string> = {
  text: "Hello there",
  email: "ada@example.com",
  password: "Secret-pass1",
  search: "lamp",
  number: "42",
  textarea: "A few words",
}

function inputPart(part: Extract<Part, { kind: "input" }>, scope: PartScope): PartBuild {
  const { values, prop, key, name } = scope
  const label = text(values, prop)
  const value = `${key}Value`
  const setter = `set${cap(value)}`
  const inputId = `{\`\${id}-${key}\`}`
  const labelled = (control: string) => `<div className="flex flex-col gap-1.5">
  <Label htmlFor=${inputId}>{${prop}}</Label>
  ${control}
</div>`
  const field = `screen.getByLabelText(${lit(label)})`
  if (part.type === "checkbox" && part.switch) {
    return {
      imports: [],
      state: [`const [${value}, ${setter}] = useState(false)`],
      jsx: `<label className="flex items-center gap-3 text-sm">
  <input type="checkbox" role="switch" aria-checked={${value}} className="peer sr-only" checked={${value}} onChange={(event) => ${setter}(event.target.checked)} />
  <span aria-hidden="true" className={\`relative inline-flex h-6 w-11 shrink-0 rounded-full transition-colors peer-focus-visible:ring-2 peer-focus-visible:ring-ring \${${value} ? "bg-primary" : "bg-muted"}\`}>
    <span className={\`absolute top-0.5 left-0.5 size-5 rounded-full bg-background shadow transition-transform \${${value} ? "translate-x-5" : ""}\`} />
  </span>
  {${prop}}
</label>`,
      requirements: [[key, `A "${label}" switch, off at first, turns on when clicked and off again`]],
      tests: {
        [key]: (id) =>
          testCase(
            id,
            `the ${label} switch turns on and off`,
            `const user = userEvent.setup()\nrender(<${name} />)\nconst toggle = screen.getByRole("switch", { name: ${lit(label)} })\nexpect(toggle).not.toBeChecked()\nawait user.click(toggle)\nexpect(toggle).toBeChecked()\nawait user.click(toggle)\nexpect(toggle).not.toBeChecked()`,
            true,
          ),
      },
    }
  }
  if (part.type === "checkbox") {
    return {
      imports: [],
      state: [`const [${value}, ${setter}] = useState(false)`],
      jsx: `<label className="flex items-center gap-2 text-sm">
  <input type="checkbox" className="size-4 accent-primary" checked={${value}} onChange={(event) => ${setter}(event.target.checked)} />
  {${prop}}
</label>`,
      requirements: [[key, `A "${label}" checkbox, unchecked at first, checks when clicked`]],
      tests: {
        [key]: (id) =>
          testCase(
            id,
            `the ${label} checkbox checks when clicked`,
            `const user = userEvent.setup()\nrender(<${name} />)\nconst box = screen.getByRole("checkbox", { name: ${lit(label)} })\nexpect(box).not.toBeChecked()\nawait user.click(box)\nexpect(box).toBeChecked()`,
            true,
          ),
      },
    }
  }
  if (part.type === "select") {
    const options =
      part.options && part.options.length > 0 ? [...part.options] : ["Option 1", "Option 2", "Option 3"]
    const last = options[options.length - 1]!
    return {
      imports: [LABEL],
      state: [`const [${value}, ${setter}] = useState(${lit(options[0]!)})`],
      jsx: labelled(`<select id=${inputId} value={${value}} onChange={(event) => ${setter}(event.target.value)} className="h-9 rounded-md border bg-transparent px-3 text-sm">
    {${lit(options)}.map((option) => (
      <option key={option} value={option}>{option}</option>
    ))}
  </select>`),
      requirements: [[key, `A "${label}" select offers ${sentenceList(options)}`]],
      tests: {
        [key]: (id) =>
          testCase(
            id,
            `the ${label} select offers its options`,
            `const user = userEvent.setup()\nrender(<${name} />)\nconst select = ${field}\nexpect(within(select).getAllByRole("option").map((option) => option.textContent)).toEqual(${lit(options)})\nawait user.selectOptions(select, ${lit(last)})\nexpect(select).toHaveValue(${lit(last)})`,
            true,
          ),
      },
    }
  }
  if (part.type === "radio") {
    const options =
      part.options && part.options.length > 0 ? [...part.options] : ["Option 1", "Option 2", "Option 3"]
    const first = options[0]!
    const last = options[options.length - 1]!
    return {
      imports: [],
      state: [`const [${value}, ${setter}] = useState("")`],
      jsx: `<fieldset className="flex flex-col gap-2">
  <legend className="mb-1 text-sm font-medium">{${prop}}</legend>
  {${lit(options)}.map((option) => (
    <label key={option} className="flex items-center gap-2 text-sm">
      <input type="radio" name={\`\${id}-${key}\`} value={option} checked={${value} === option} onChange={() => ${setter}(option)} className="size-4 accent-primary" />
      {option}
    </label>
  ))}
</fieldset>`,
      requirements: [
        [
          key,
          `A "${label}" radio group of ${sentenceList(options)}, none chosen at first; choosing one unchooses the rest`,
        ],
      ],
      tests: {
        [key]: (id) =>
          testCase(
            id,
            `the ${label} choice takes one of its options`,
            `const user = userEvent.setup()\nrender(<${name} />)\nconst group = screen.getByRole("group", { name: ${lit(label)} })\nconst radios = within(group).getAllByRole("radio")\nexpect(radios.map((radio) => radio.getAttribute("value"))).toEqual(${lit(options)})\nexpect(radios.filter((radio) => (radio as HTMLInputElement).checked)).toHaveLength(0)\nawait user.click(within(group).getByRole("radio", { name: ${lit(last)} }))\nexpect(within(group).getByRole("radio", { name: ${lit(last)} })).toBeChecked()\nawait user.click(within(group).getByRole("radio", { name: ${lit(first)} }))\nexpect(within(group).getByRole("radio", { name: ${lit(first)} })).toBeChecked()\n${options.length > 1 ? `expect(within(group).getByRole("radio", { name: ${lit(last)} })).not.toBeChecked()` : ""}`,
            true,
          ),
      },
    }
  }
  if (part.type === "range") {
    return {
      imports: [LABEL],
      state: [`const [${value}, ${setter}] = useState(50)`],
      jsx: labelled(`<div className="flex items-center gap-3">
    <input id=${inputId} type="range" min={0} max={100} value={${value}} onChange={(event) => ${setter}(Number(event.target.value))} className="w-full accent-primary" />
    <output htmlFor=${inputId} className="w-10 text-right text-sm tabular-nums">{${value}}</output>
  </div>`),
      requirements: [[key, `A "${label}" slider from 0 to 100 shows its value`]],
      tests: {
        [key]: (id) =>
          testCase(
            id,
            `the ${label} slider shows its value`,
            `render(<${name} />)\nconst slider = screen.getByRole("slider", { name: ${lit(label)} })\nfireEvent.change(slider, { target: { value: "70" } })\nexpect(slider).toHaveValue("70")\nexpect(screen.getByText("70")).toBeInTheDocument()`,
          ),
      },
    }
  }
  const sample = SAMPLE[part.type] ?? "Hello there"
  const control =
    part.type === "textarea"
      ? `<Textarea id=${inputId} value={${value}} onChange={(event) => ${setter}(event.target.value)} />`
      : `<Input id=${inputId} type="${part.type}" value={${value}} onChange={(event) => ${setter}(event.target.value)} />`
  const expected = part.type === "number" ? Number(sample) : sample
  return {
    imports: [LABEL, part.type === "textarea" ? TEXTAREA : INPUT],
    state: [`const [${value}, ${setter}] = useState("")`],
    jsx: labelled(control),
    requirements: [
      [key, `A ${part.type === "text" ? "text" : part.type} input labelled "${label}" takes what is typed`],
    ],
    tests: {
      [key]: (id) =>
        testCase(
          id,
          `the ${label} input takes what is typed`,
          `const user = userEvent.setup()\nrender(<${name} />)\nconst field = ${field}\n${part.type === "textarea" ? "" : `expect(field).toHaveAttribute("type", "${part.type}")\n`}await user.type(field, ${lit(sample)})\nexpect(field).toHaveValue(${lit(expected)})`,
          true,
        ),
    },
  }
}

function meterPart(part: Extract<Part, { kind: "meter" }>, scope: PartScope): PartBuild {
  const { values, prop, key, name, password } = scope
  if (part.strengthOf && password) {
    const label = text(values, prop)
    return {
      imports: [],
      state: [
        `const ${key}Score = [${password}.length >= 8, /[A-Z]/.test(${password}), /\\d/.test(${password}), /[^A-Za-z0-9]/.test(${password})].filter(Boolean).length`,
      ],
      jsx: `<div className="flex flex-col gap-1">
  <div role="meter" aria-label={${prop}} aria-valuemin={0} aria-valuemax={4} aria-valuenow={${key}Score} aria-valuetext={STRENGTH[${key}Score]} className="flex gap-1">
    {[1, 2, 3, 4].map((step) => (
      <span key={step} className={cn("h-1.5 flex-1 rounded-full", step <= ${key}Score ? "bg-primary" : "bg-muted")} />
    ))}
  </div>
  <p className="text-xs text-muted-foreground">{STRENGTH[${key}Score]}</p>
</div>`,
      requirements: [
        [
          key,
          `A "${label}" meter rates the password from 0 to 4: one point each for 8+ characters, a capital, a digit and a symbol`,
        ],
      ],
      tests: {
        [key]: (id) =>
          testCase(
            id,
            `the ${label} meter rates the password`,
            `const user = userEvent.setup()\nrender(<${name} />)\nconst meter = screen.getByRole("meter", { name: ${lit(label)} })\nexpect(meter).toHaveAttribute("aria-valuenow", "0")\nconst field = document.querySelector('input[type="password"]') as HTMLInputElement\nawait user.type(field, "abcdefgh")\nexpect(meter).toHaveAttribute("aria-valuenow", "1")\nawait user.type(field, "A1!")\nexpect(meter).toHaveAttribute("aria-valuenow", "4")\nexpect(meter).toHaveAttribute("aria-valuetext", "Strong")`,
            true,
          ),
      },
    }
  }
  const level = number(values, prop)
  return {
    imports: [],
    state: [],
    // The level is also said in words beside its name: a meter is read at a glance, not only by a screen reader.
    jsx: `<div className="space-y-1">
  <div className="flex justify-between text-sm"><span>{${lit(part.label)}}</span><span>{${prop}}%</span></div>
  <div role="meter" aria-label={${lit(part.label)}} aria-valuemin={0} aria-valuemax={100} aria-valuenow={${prop}} className="h-2 w-full overflow-hidden rounded-full bg-muted">
    <div className="h-full bg-primary" style={{ width: \`\${Math.min(Math.max(${prop}, 0), 100)}%\` }} />
  </div>
</div>`,
    requirements: [[key, `Shows the ${part.label} meter at ${level} of 100, with "${level}%" beside it`]],
    tests: {
      [key]: (id) =>
        testCase(
          id,
          `shows the ${part.label} meter`,
          `render(<${name} />)\nconst meter = screen.getByRole("meter", { name: ${lit(part.label)} })\nexpect(meter).toHaveAttribute("aria-valuenow", ${lit(String(level))})\nexpect(meter.parentElement).toHaveTextContent(${lit(`${level}%`)})`,
        ),
    },
  }
}

function money(value: number): string {
  return value.toFixed(2)
}

function totalsPart(part: Extract<Part, { kind: "totals" }>, scope: PartScope): PartBuild {
  const { values, prop, key, name } = scope
  const items = lines(values, prop)
  const tax = part.tax ?? 0
  const discount = part.discount ?? 0
  const compute = (quantities: number[]) => {
    const subtotal = items.reduce(
      (sum, line, index) => sum + (quantities[index] ?? line.quantity) * line.price,
      0,
    )
    const off = (subtotal * discount) / 100
    const taxed = ((subtotal - off) * tax) / 100
    return { subtotal, off, taxed, total: subtotal - off + taxed }
  }
  const start = compute([])
  const bumped = compute([(items[0]?.quantity ?? 0) + 1])
  const rows: string[] = []
  if (part.subtotal || tax || discount)
    rows.push(`<div className="flex justify-between"><dt>Subtotal</dt><dd>{money(${key}Subtotal)}</dd></div>`)
  if (discount)
    rows.push(
      `<div className="flex justify-between"><dt>{${lit(`Discount (${discount}%)`)}}</dt><dd>{\`-\${money(${key}Discount)}\`}</dd></div>`,
    )
  if (tax)
    rows.push(
      `<div className="flex justify-between"><dt>{${lit(`Tax (${tax}%)`)}}</dt><dd>{money(${key}Tax)}</dd></div>`,
    )
  rows.push(
    `<div className="flex justify-between font-semibold"><dt>Total</dt><dd>{money(${key}Total)}</dd></div>`,
  )
  const requirements: [string, string][] = [
    [key, `Lists each line item with its quantity and price, and the quantity can be changed`],
  ]
  const tests: Record<string, (id: string) => string> = {}
  const first = items[0]
  tests[key] = (id) =>
    testCase(
      id,
      "lists the line items with editable quantities",
      `render(<${name} />)\n${items
        .map(
          (line) =>
            `expect(screen.getByRole("spinbutton", { name: ${lit(`Quantity of ${line.item}`)} })).toHaveValue(${line.quantity})`,
        )
        .join("\n")}`,
    )
  const valueOf = (label: string) => `screen.getByText(${lit(label)}).nextElementSibling`
  if (part.subtotal || tax || discount) {
    requirements.push([`${key}-subtotal`, "The subtotal is the sum of quantity times price"])
    tests[`${key}-subtotal`] = (id) =>
      testCase(
        id,
        "the subtotal sums quantity times price",
        `render(<${name} />)\nexpect(${valueOf("Subtotal")}).toHaveTextContent(${lit(money(start.subtotal))})`,
      )
  }
  if (discount) {
    requirements.push([`${key}-discount`, `A ${discount}% discount comes off the subtotal`])
    tests[`${key}-discount`] = (id) =>
      testCase(
        id,
        `a ${discount}% discount comes off`,
        `render(<${name} />)\nexpect(${valueOf(`Discount (${discount}%)`)}).toHaveTextContent(${lit(`-${money(start.off)}`)})`,
      )
  }
  if (tax) {
    requirements.push([`${key}-tax`, `Tax is ${tax}% of the ${discount ? "discounted " : ""}subtotal`])
    tests[`${key}-tax`] = (id) =>
      testCase(
        id,
        `tax is ${tax}%`,
        `render(<${name} />)\nexpect(${valueOf(`Tax (${tax}%)`)}).toHaveTextContent(${lit(money(start.taxed))})`,
      )
  }
  requirements.push([`${key}-total`, "The total updates when a quantity changes"])
  tests[`${key}-total`] = (id) =>
    testCase(
      id,
      "the total updates when a quantity changes",
      `render(<${name} />)\nexpect(${valueOf("Total")}).toHaveTextContent(${lit(money(start.total))})\n${
        first
          ? `fireEvent.change(screen.getByRole("spinbutton", { name: ${lit(`Quantity of ${first.item}`)} }), { target: { value: ${lit(String(first.quantity + 1))} } })\nexpect(${valueOf("Total")}).toHaveTextContent(${lit(money(bumped.total))})`
          : ""
      }`,
    )
  return {
    imports: [INPUT],
    state: [
      `const [${key}Quantities, set${cap(key)}Quantities] = useState(() => ${prop}.map((line) => line.quantity))`,
      `const ${key}Subtotal = ${prop}.reduce((sum, line, index) => sum + (${key}Quantities[index] ?? line.quantity) * line.price, 0)`,
      `const ${key}Discount = (${key}Subtotal * ${discount}) / 100`,
      `const ${key}Tax = ((${key}Subtotal - ${key}Discount) * ${tax}) / 100`,
      `const ${key}Total = ${key}Subtotal - ${key}Discount + ${key}Tax`,
    ],
    jsx: `<div className="flex flex-col gap-3 text-sm">
  <table className="w-full text-left">
    <thead>
      <tr className="border-b">
        <th scope="col" className="py-1 font-medium">Item</th>
        <th scope="col" className="py-1 font-medium">Quantity</th>
        <th scope="col" className="py-1 text-right font-medium">Price</th>
      </tr>
    </thead>
    <tbody>
      {${prop}.map((line, index) => (
        <tr key={line.item} className="border-b">
          <td className="py-1">{line.item}</td>
          <td className="py-1">
            <Input
              type="number"
              min={0}
              aria-label={\`Quantity of \${line.item}\`}
              className="h-8 w-20"
              value={${key}Quantities[index] ?? line.quantity}
              onChange={(event) => {
                const next = Math.max(0, Number(event.target.value) || 0)
                set${cap(key)}Quantities((quantities) => quantities.map((quantity, at) => (at === index ? next : quantity)))
              }}
            />
          </td>
          <td className="py-1 text-right tabular-nums">{money(line.price)}</td>
        </tr>
      ))}
    </tbody>
  </table>
  <dl className="flex flex-col gap-1 tabular-nums">
    ${rows.join("\n    ")}
  </dl>
</div>`,
    requirements,
    tests,
  }
}

function stepsPart(part: Extract<Part, { kind: "steps" }>, scope: PartScope): PartBuild {
  const { values, prop, key, name } = scope
  const items = list(values, prop)
  if (part.style === "timeline") {
    return {
      imports: [],
      state: [],
      jsx: `<ol aria-label={${lit(part.label)}} className="flex flex-col gap-2 border-l pl-4 text-sm">
  {${prop}.map((entry, index) => (
    <li key={\`\${index}-\${entry}\`}>{entry}</li>
  ))}
</ol>`,
      requirements: [[key, `Shows the timeline: ${sentenceList(items)}, in order`]],
      tests: {
        [key]: (id) =>
          testCase(
            id,
            "shows the timeline in order",
            `render(<${name} />)\nconst list = screen.getByRole("list", { name: ${lit(part.label)} })\nexpect(within(list).getAllByRole("listitem").map((item) => item.textContent)).toEqual(${lit(items)})`,
          ),
      },
    }
  }
  const step = `${key}Step`
  return {
    imports: [BUTTON],
    state: [`const [${step}, set${cap(step)}] = useState(0)`],
    jsx: `<div className="flex flex-col gap-3">
  <ol aria-label={${lit(part.label)}} className="flex flex-wrap gap-2 text-sm">
    {${prop}.map((label, index) => (
      <li key={\`\${index}-\${label}\`} aria-current={index === ${step} ? "step" : undefined} className={cn("rounded-full border px-3 py-1", index === ${step} && "border-primary font-medium")}>{label}</li>
    ))}
  </ol>
  <div className="flex gap-2">
    <Button type="button" variant="outline" disabled={${step} === 0} onClick={() => set${cap(step)}((value) => Math.max(0, value - 1))}>Back</Button>
    <Button type="button" disabled={${step} >= ${prop}.length - 1} onClick={() => set${cap(step)}((value) => Math.min(${prop}.length - 1, value + 1))}>Next</Button>
  </div>
</div>`,
    requirements: [
      [key, `Shows the steps ${sentenceList(items)}, the first one current`],
      [`${key}-next`, "Next moves to the following step and Back returns"],
    ],
    tests: {
      [key]: (id) =>
        testCase(
          id,
          "shows the steps, the first current",
          `render(<${name} />)\nconst steps = within(screen.getByRole("list", { name: ${lit(part.label)} })).getAllByRole("listitem")\nexpect(steps.map((item) => item.textContent)).toEqual(${lit(items)})\nexpect(steps[0]).toHaveAttribute("aria-current", "step")`,
        ),
      [`${key}-next`]: (id) =>
        testCase(
          id,
          "Next and Back move between steps",
          `const user = userEvent.setup()\nrender(<${name} />)\nconst steps = within(screen.getByRole("list", { name: ${lit(part.label)} })).getAllByRole("listitem")\nawait user.click(screen.getByRole("button", { name: "Next" }))\n${
            items.length > 1 ? `expect(steps[1]).toHaveAttribute("aria-current", "step")\n` : ""
          }await user.click(screen.getByRole("button", { name: "Back" }))\nexpect(steps[0]).toHaveAttribute("aria-current", "step")`,
          true,
        ),
    },
  }
}

function timerPart(part: Extract<Part, { kind: "timer" }>, scope: PartScope): PartBuild {
  const { values, prop, key, name } = scope
  const seconds = Math.max(1, Math.round(number(values, prop)))
  const clock = (total: number) => `${Math.floor(total / 60)}:${String(total % 60).padStart(2, "0")}`
  const left = `${key}Left`
  const running = `${key}Running`
  const after = Math.min(3, seconds)
  return {
    imports: [BUTTON],
    state: [
      `const [${left}, set${cap(left)}] = useState(${prop})`,
      `const [${running}, set${cap(running)}] = useState(false)`,
      `useEffect(() => {
    if (!${running}) return
    const tick = setInterval(() => {
      set${cap(left)}((value) => {
        if (value <= 1) {
          set${cap(running)}(false)
          return 0
        }
        return value - 1
      })
    }, 1000)
    return () => clearInterval(tick)
  }, [${running}])`,
    ],
    jsx: `<div className="flex items-center gap-3">
  <p role="timer" aria-label={${lit(part.label)}} className="text-2xl font-semibold tabular-nums">
    {\`\${Math.floor(${left} / 60)}:\${String(${left} % 60).padStart(2, "0")}\`}
  </p>
  <Button type="button" onClick={() => set${cap(running)}((value) => !value)}>{${running} ? "Pause" : "Start"}</Button>
</div>`,
    requirements: [
      [key, `A timer shows ${clock(seconds)} and counts down by the second once started`],
      [`${key}-pause`, "Pause stops the countdown"],
    ],
    tests: {
      [key]: (id) =>
        testCase(
          id,
          `the timer counts down from ${clock(seconds)}`,
          `vi.useFakeTimers()\ntry {\n  render(<${name} />)\n  const timer = screen.getByRole("timer", { name: ${lit(part.label)} })\n  expect(timer).toHaveTextContent(${lit(clock(seconds))})\n  fireEvent.click(screen.getByRole("button", { name: "Start" }))\n  act(() => {\n    vi.advanceTimersByTime(${after * 1000})\n  })\n  expect(timer).toHaveTextContent(${lit(clock(seconds - after))})\n} finally {\n  vi.useRealTimers()\n}`,
        ),
      [`${key}-pause`]: (id) =>
        testCase(
          id,
          "pause stops the countdown",
          `vi.useFakeTimers()\ntry {\n  render(<${name} />)\n  const timer = screen.getByRole("timer", { name: ${lit(part.label)} })\n  fireEvent.click(screen.getByRole("button", { name: "Start" }))\n  act(() => {\n    vi.advanceTimersByTime(1000)\n  })\n  fireEvent.click(screen.getByRole("button", { name: "Pause" }))\n  act(() => {\n    vi.advanceTimersByTime(5000)\n  })\n  expect(timer).toHaveTextContent(${lit(clock(seconds - 1))})\n} finally {\n  vi.useRealTimers()\n}`,
        ),
    },
  }
}

function cap(identifier: string): string {
  return identifier.charAt(0).toUpperCase() + identifier.slice(1)
}
