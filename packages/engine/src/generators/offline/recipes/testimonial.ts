import { countOf, mentions, type PromptFacts } from "../facts"
import { records, sentenceList, str, type Recipe, type Values } from "../recipe"

interface Testimonial extends Record<string, string> {
  quote: string
  author: string
  role: string
}

const DEFAULTS: Testimonial[] = [
  {
    quote:
      "We replaced three tools with this one and cut our release time in half. The team actually enjoys using it.",
    author: "Priya Raman",
    role: "VP Engineering, Northwind",
  },
  {
    quote:
      "Onboarding took an afternoon. Support answered every question in under an hour, even on a Sunday.",
    author: "Marcus Chen",
    role: "Founder, Brightside Studio",
  },
  {
    quote: "The reporting alone paid for the subscription in the first month. I can't imagine going back.",
    author: "Elena García",
    role: "Head of Operations, Fieldwork",
  },
  {
    quote: "Our customers noticed the difference before we told them anything had changed.",
    author: "Tom Okafor",
    role: "Product Lead, Lumen Health",
  },
  {
    quote: "Clean, fast and thoughtfully designed. It's the rare tool that gets out of your way.",
    author: "Hannah Berg",
    role: "Design Director, Nordlys",
  },
  {
    quote: "We scaled from 10 to 200 people without changing a single workflow.",
    author: "Daniel Kim",
    role: "COO, Parcel",
  },
]

const AUTHORS = DEFAULTS.map(({ author, role }) => ({ author, role }))

/** Quotes from the prompt ("…" by Name, Role), else realistic defaults. */
function testimonialsOf(facts: PromptFacts): Testimonial[] {
  const quotes = facts.quoted.filter((item) => item.split(" ").length >= 4)
  if (quotes.length > 0) {
    return quotes.map((quote, index) => {
      const at = facts.text.indexOf(quote)
      const after = facts.text.slice(at + quote.length + 1, at + quote.length + 80)
      const by =
        /^\s*(?:[-—–]|by|from)\s*([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2})(?:\s*[,(]\s*([^,)"“.;]{2,40}))?/.exec(
          after,
        )
      const fallback = AUTHORS[index % AUTHORS.length]!
      return {
        quote,
        author: by?.[1] ?? fallback.author,
        role: by ? (by[2]?.trim() ?? "") : fallback.role,
      }
    })
  }
  const ofThem = /\b(\d+|two|three|four|five|six)\s+of\s+them\b/.exec(facts.lower)?.[1]
  const words: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, six: 6 }
  const count =
    countOf(facts, "testimonial", "quote", "review", "customer", "card", "slide") ??
    (ofThem ? (words[ofThem] ?? Number(ofThem)) : undefined)
  return DEFAULTS.slice(0, Math.min(Math.max(count ?? 3, 1), DEFAULTS.length))
}

function layoutOf(facts: PromptFacts, count: number): "carousel" | "grid" {
  if (mentions(facts, "grid", "wall", "columns", "masonry", "all at once", "side by side")) return "grid"
  if (mentions(facts, "carousel", "slider", "slideshow", "previous", "next", "one at a time", "rotating"))
    return "carousel"
  return count > 3 ? "grid" : "carousel"
}

function itemsFrom(values: Values): Testimonial[] {
  return records<Testimonial>(values, "testimonials")
}

export const testimonial: Recipe = {
  kind: "testimonial",
  title: "Testimonials",
  names: ["Testimonials"],
  keywords: {
    strong: [
      "testimonial",
      "testimonials",
      "customer quotes",
      "customer stories",
      "testimonial carousel",
      "testimonial slider",
      "what our customers say",
      "what people say",
      "social proof",
      "quote carousel",
      "quote slider",
      "quotes slider",
      "customer reviews",
      "reviews slider",
      "review slider",
      "reviews carousel",
      "review carousel",
      "happy customers",
      "customers say",
      "reviews section",
      "reviews from",
      "client quotes",
    ],
    weak: ["quotes", "customer reviews", "carousel", "slider", "praise", "endorsements"],
  },
  params: (facts) => {
    const items = testimonialsOf(facts)
    const heading = facts.quoted.find((item) => item.split(" ").length < 4)
    return [
      {
        name: "heading",
        type: "string",
        value: heading ?? "Loved by teams everywhere",
        description: "The section heading.",
        control: "text",
      },
      {
        name: "testimonials",
        type: "Testimonial[]",
        value: items,
        description: "The quotes, each with its author and their role.",
      },
      {
        name: "layout",
        type: '"carousel" | "grid"',
        value: layoutOf(facts, items.length),
        description: "One at a time with Previous/Next, or all in a grid.",
        control: "select",
        options: ["carousel", "grid"],
      },
    ]
  },
  summary: (values) =>
    `Testimonials from ${sentenceList(itemsFrom(values).map((item) => item.author))}, ${values.layout === "grid" ? "in a grid" : "one at a time with Previous and Next"}.`,
  requirements: (values) => {
    const items = itemsFrom(values)
    const list: [string, string][] = [
      ["heading", `Shows the heading "${str(values, "heading")}"`],
      [
        "region",
        "The testimonials are a landmark region named by that heading, so screen readers can jump to it",
      ],
      [
        "quotes",
        values.layout === "grid"
          ? `Shows all ${items.length} quotes, each with its author and role (${sentenceList(items.map((item) => item.author))})`
          : `Shows one quote at a time, starting with ${items[0]?.author ?? "the first"}'s, with its author and role`,
      ],
    ]
    if (values.layout !== "grid" && items.length > 1) {
      list.push(
        [
          "navigate",
          `Next and Previous move between the ${items.length} quotes, wrapping around at either end`,
        ],
        ["position", `Says which quote is shown ("1 of ${items.length}") in a live region`],
      )
    }
    return list
  },
  component: (context) => `import { useId, useState } from "react"
import { ChevronLeft, ChevronRight, Quote } from "lucide-react"
import { Button } from "@/components/ui/button"
${context.lookImports}

/** One quote, its author and their role. */
export interface Testimonial {
  quote: string
  author: string
  role: string
}

${context.propsInterface}

${context.defaults}

function initialsOf(name: string): string {
  return name
    .split(/\\s+/)
    .filter(Boolean)
    .map((part) => part.charAt(0))
    .slice(0, 2)
    .join("")
    .toUpperCase()
}

function Card({ item, className }: { item: Testimonial; className?: string }) {
  return (
    <figure className={cn("flex h-full flex-col gap-6 rounded-xl border bg-card p-6 text-card-foreground shadow-sm", className)}>
      <Quote aria-hidden="true" className="size-6 text-primary" />
      <blockquote className="flex-1 text-base leading-relaxed text-pretty">
        <p>{item.quote}</p>
      </blockquote>
      <figcaption className="flex items-center gap-3">
        <span aria-hidden="true" className="flex size-10 shrink-0 items-center justify-center rounded-full bg-muted text-sm font-semibold text-muted-foreground">
          {initialsOf(item.author)}
        </span>
        <span className="flex flex-col text-left">
          <cite className="text-sm font-semibold not-italic">{item.author}</cite>
          {item.role && <span className="text-sm text-muted-foreground">{item.role}</span>}
        </span>
      </figcaption>
    </figure>
  )
}

${context.signature}
  ${context.look}
  const headingId = useId()
  const [index, setIndex] = useState(0)
  const count = testimonials.length
  const current = testimonials[Math.min(index, Math.max(count - 1, 0))]

  function move(step: number) {
    setIndex((value) => (value + step + count) % count)
  }

  return (
    <section aria-labelledby={headingId} className={cn(look.className, "w-full px-6 py-16")} style={look.style}>
      <div className={cn("mx-auto flex flex-col gap-10", layout === "grid" && count >= 3 ? "max-w-5xl" : layout === "grid" && count === 2 ? "max-w-4xl" : "max-w-2xl")}>
        <h2 id={headingId} className="text-center text-3xl font-bold tracking-tight text-balance">
          {heading}
        </h2>
        {layout === "grid" ? (
          <ul className={cn("grid grid-cols-1 gap-6", count >= 3 ? "md:grid-cols-2 lg:grid-cols-3" : count === 2 && "md:grid-cols-2")}>
            {testimonials.map((item) => (
              <li key={item.author + item.quote}>
                <Card item={item} />
              </li>
            ))}
          </ul>
        ) : (
          <div className="flex flex-col items-center gap-6">
            {current && <Card item={current} className="w-full" />}
            {count > 1 && (
              <div className="flex items-center gap-4">
                <Button type="button" variant="outline" size="icon" aria-label="Previous testimonial" onClick={() => move(-1)}>
                  <ChevronLeft aria-hidden="true" />
                </Button>
                <p aria-live="polite" className="min-w-16 text-center text-sm tabular-nums text-muted-foreground">
                  {Math.min(index, count - 1) + 1} of {count}
                </p>
                <Button type="button" variant="outline" size="icon" aria-label="Next testimonial" onClick={() => move(1)}>
                  <ChevronRight aria-hidden="true" />
                </Button>
              </div>
            )}
          </div>
        )}
      </div>
    </section>
  )
}
`,
  tests: (context) => {
    const { values, lit, id, name } = context
    const items = itemsFrom(values)
    const first = items[0]
    const second = items[1]
    const last = items[items.length - 1]
    const tests = [
      `it("${id("heading")}: shows the heading", () => {
  render(<${name} />)
  expect(screen.getByRole("heading", { name: ${lit(str(values, "heading"))} })).toBeInTheDocument()
})`,
      `it("${id("region")}: is a region named by its heading", () => {
  render(<${name} />)
  const region = screen.getByRole("region", { name: ${lit(str(values, "heading"))} })
  expect(region).toContainElement(screen.getAllByRole("figure")[0]!)
})`,
    ]
    if (values.layout === "grid") {
      tests.push(`it("${id("quotes")}: shows every quote with its author and role", () => {
  render(<${name} />)
  const expected = ${lit(items.map((item) => ({ quote: item.quote, author: item.author, role: item.role })))}
  const figures = screen.getAllByRole("figure")
  expect(figures).toHaveLength(expected.length)
  expected.forEach(({ quote, author, role }, index) => {
    expect(within(figures[index]!).getByText(quote)).toBeInTheDocument()
    expect(within(figures[index]!).getByText(author)).toBeInTheDocument()
    if (role) expect(within(figures[index]!).getByText(role)).toBeInTheDocument()
  })
})`)
    } else {
      tests.push(`it("${id("quotes")}: shows one quote at a time, with its author and role", () => {
  render(<${name} />)
  expect(screen.getAllByRole("figure")).toHaveLength(1)
  expect(screen.getByText(${lit(first?.quote ?? "")})).toBeInTheDocument()
  expect(screen.getByText(${lit(first?.author ?? "")})).toBeInTheDocument()${
    first?.role ? `\n  expect(screen.getByText(${lit(first.role)})).toBeInTheDocument()` : ""
  }${second ? `\n  expect(screen.queryByText(${lit(second.quote)})).not.toBeInTheDocument()` : ""}
})`)
    }
    if (context.has("navigate") && first && second && last) {
      tests.push(`it("${id("navigate")}: Next and Previous move between the quotes and wrap around", async () => {
  const user = userEvent.setup()
  render(<${name} />)
  await user.click(screen.getByRole("button", { name: "Next testimonial" }))
  expect(screen.getByText(${lit(second.quote)})).toBeInTheDocument()
  await user.click(screen.getByRole("button", { name: "Previous testimonial" }))
  expect(screen.getByText(${lit(first.quote)})).toBeInTheDocument()
  await user.click(screen.getByRole("button", { name: "Previous testimonial" }))
  expect(screen.getByText(${lit(last.quote)})).toBeInTheDocument()
})`)
    }
    if (context.has("position")) {
      tests.push(`it("${id("position")}: says which quote is shown", async () => {
  const user = userEvent.setup()
  render(<${name} />)
  expect(screen.getByText(${lit(`1 of ${items.length}`)})).toHaveAttribute("aria-live", "polite")
  await user.click(screen.getByRole("button", { name: "Next testimonial" }))
  expect(screen.getByText(${lit(`2 of ${items.length}`)})).toBeInTheDocument()
})`)
    }
    return tests.join("\n\n")
  },
  followUp: (facts, values) => {
    const applied: string[] = []
    const next: Record<string, Values[string]> = { ...values }
    if (mentions(facts, "grid", "all at once", "side by side", "wall")) {
      next.layout = "grid"
      applied.push("a grid")
    } else if (mentions(facts, "carousel", "slider", "one at a time", "previous", "next")) {
      next.layout = "carousel"
      applied.push("a carousel")
    }
    const items = itemsFrom(values)
    const quotes = facts.quoted.filter((item) => item.split(" ").length >= 4)
    if (quotes.length > 0) {
      next.testimonials = [...items, ...testimonialsOf(facts).filter((item) => quotes.includes(item.quote))]
      applied.push(`${quotes.length} more quote${quotes.length > 1 ? "s" : ""}`)
    } else {
      const count = countOf(facts, "testimonial", "quote", "review")
      if (count !== undefined && count > 0 && count !== items.length) {
        const extra = DEFAULTS.filter((item) => !items.some((existing) => existing.quote === item.quote))
        next.testimonials = [...items.slice(0, count), ...extra.slice(0, Math.max(count - items.length, 0))]
        applied.push(`${count} testimonials`)
      }
    }
    return { values: next, applied }
  },
  followUpHints: ["a grid or a carousel", "N testimonials", 'add a quote "…" by Name, Role'],
}
