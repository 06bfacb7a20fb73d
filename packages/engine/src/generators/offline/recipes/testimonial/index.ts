import { defineRecipe, records, select, text } from "../../define-recipe"
import { countOf, mentions } from "../../facts"
import { sentenceList } from "../../recipe"
import { code, NO_CODE, testCase, type TestCase } from "../../test-builder"
import { DEFAULTS, readTestimonials, testimonialsOf, type Testimonial } from "./reader"

/** Customer quotes with their authors: one at a time with Previous and Next, or all in a grid. */
export const testimonial = defineRecipe({
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
  params: {
    heading: text("The section heading."),
    testimonials: records<Testimonial>("Testimonial", "The quotes, each with its author and their role."),
    layout: select(["carousel", "grid"], "One at a time with Previous/Next, or all in a grid."),
  },
  read: readTestimonials,
  summary: ({ testimonials, layout }) =>
    `Testimonials from ${sentenceList(testimonials.map((item) => item.author))}, ${layout === "grid" ? "in a grid" : "one at a time with Previous and Next"}.`,
  requirements: ({ heading, testimonials: items, layout }) => {
    const list: [string, string][] = [
      ["heading", `Shows the heading "${heading}"`],
      [
        "region",
        "The testimonials are a landmark region named by that heading, so screen readers can jump to it",
      ],
      [
        "quotes",
        layout === "grid"
          ? `Shows all ${items.length} quotes, each with its author and role (${sentenceList(items.map((item) => item.author))})`
          : `Shows one quote at a time, starting with ${items[0]?.author ?? "the first"}'s, with its author and role`,
      ],
    ]
    if (layout !== "grid" && items.length > 1) {
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
  tests: ({ Component, values: { heading, testimonials: items, layout }, has }) => {
    const first = items[0]
    const second = items[1]
    const last = items[items.length - 1]
    const tests: TestCase[] = [
      testCase(
        "heading",
        "shows the heading",
        code`
          render(<${Component} />)
          expect(screen.getByRole("heading", { name: ${heading} })).toBeInTheDocument()
        `,
      ),
      testCase(
        "region",
        "is a region named by its heading",
        code`
          render(<${Component} />)
          const region = screen.getByRole("region", { name: ${heading} })
          expect(region).toContainElement(screen.getAllByRole("figure")[0]!)
        `,
      ),
    ]
    if (layout === "grid") {
      tests.push(
        testCase(
          "quotes",
          "shows every quote with its author and role",
          code`
            render(<${Component} />)
            const expected = ${items.map((item) => ({ quote: item.quote, author: item.author, role: item.role }))}
            const figures = screen.getAllByRole("figure")
            expect(figures).toHaveLength(expected.length)
            expected.forEach(({ quote, author, role }, index) => {
              expect(within(figures[index]!).getByText(quote)).toBeInTheDocument()
              expect(within(figures[index]!).getByText(author)).toBeInTheDocument()
              if (role) expect(within(figures[index]!).getByText(role)).toBeInTheDocument()
            })
          `,
        ),
      )
    } else {
      tests.push(
        testCase(
          "quotes",
          "shows one quote at a time, with its author and role",
          code`
            render(<${Component} />)
            expect(screen.getAllByRole("figure")).toHaveLength(1)
            expect(screen.getByText(${first?.quote ?? ""})).toBeInTheDocument()
            expect(screen.getByText(${first?.author ?? ""})).toBeInTheDocument()
            ${first?.role ? code`expect(screen.getByText(${first.role})).toBeInTheDocument()` : NO_CODE}
            ${second ? code`expect(screen.queryByText(${second.quote})).not.toBeInTheDocument()` : NO_CODE}
          `,
        ),
      )
    }
    if (has("navigate") && first && second && last) {
      tests.push(
        testCase(
          "navigate",
          "Next and Previous move between the quotes and wrap around",
          code`
            const user = userEvent.setup()
            render(<${Component} />)
            await user.click(screen.getByRole("button", { name: "Next testimonial" }))
            expect(screen.getByText(${second.quote})).toBeInTheDocument()
            await user.click(screen.getByRole("button", { name: "Previous testimonial" }))
            expect(screen.getByText(${first.quote})).toBeInTheDocument()
            await user.click(screen.getByRole("button", { name: "Previous testimonial" }))
            expect(screen.getByText(${last.quote})).toBeInTheDocument()
          `,
        ),
      )
    }
    if (has("position")) {
      tests.push(
        testCase(
          "position",
          "says which quote is shown",
          code`
            const user = userEvent.setup()
            render(<${Component} />)
            expect(screen.getByText(${`1 of ${items.length}`})).toHaveAttribute("aria-live", "polite")
            await user.click(screen.getByRole("button", { name: "Next testimonial" }))
            expect(screen.getByText(${`2 of ${items.length}`})).toBeInTheDocument()
          `,
        ),
      )
    }
    return tests
  },
  followUp: (facts, { testimonials: items }) => {
    const applied: string[] = []
    const next: { layout?: "carousel" | "grid"; testimonials?: readonly Testimonial[] } = {}
    if (mentions(facts, "grid", "all at once", "side by side", "wall")) {
      next.layout = "grid"
      applied.push("a grid")
    } else if (mentions(facts, "carousel", "slider", "one at a time", "previous", "next")) {
      next.layout = "carousel"
      applied.push("a carousel")
    }
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
})
