import { defineRecipe, number, records, text } from "../../define-recipe"
import { capitalize, countOf } from "../../facts"
import { testLiteral } from "../../literals"
import { sentenceList } from "../../recipe"
import { code, TestCode, testCase } from "../../test-builder"
import { wideColumnClasses } from "./inline/grid-columns"
import { columnsOf, DEFAULT_FEATURES, featureFor, readFeatureGrid, type Feature } from "./reader"

/** A section of features, each a title, a sentence and an icon, in a responsive grid under a heading. */
export const featureGrid = defineRecipe({
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
  params: {
    heading: text("The section heading."),
    subheading: text("The sentence under the heading; empty for none."),
    features: records<Feature>(
      "Feature",
      "The features: a title, a sentence and an icon (zap, shield, lock, chart, users, plug, headphones, cloud, smartphone, workflow, globe, palette, code, card, bell, search, clock, database, sparkles, rocket).",
    ),
    columns: number("Columns on wide screens (1 to 4); narrow screens show one, then two."),
  },
  read: readFeatureGrid,
  summary: ({ heading, features }) =>
    `A feature grid, "${heading}", with ${sentenceList(features.map((feature) => feature.title))}, each with an icon.`,
  requirements: ({ heading, features, columns }) => [
    ["heading", `Shows the heading "${heading}"`],
    [
      "features",
      `Shows ${features.length} features, ${sentenceList(features.map((feature) => feature.title))}, each with a sentence and an icon`,
    ],
    [
      "columns",
      `Lays the features out in a responsive grid: one column on phones, up to ${columns} on wide screens`,
    ],
  ],
  tests: ({ Component, values: { heading, features, columns } }) => {
    const wide = wideColumnClasses(columns).split(" ").filter(Boolean)
    const classes = new TestCode(wide.map((name) => `, ${testLiteral(name)}`).join(""))
    return [
      testCase(
        "heading",
        "shows the heading",
        code`
          render(<${Component} />)
          expect(screen.getByRole("heading", { level: 2, name: ${heading} })).toBeInTheDocument()
        `,
      ),
      testCase(
        "features",
        "shows each feature with its sentence and an icon",
        code`
          render(<${Component} />)
          const titles = screen.getAllByRole("heading", { level: 3 }).map((heading) => heading.textContent)
          expect(titles).toEqual(${features.map((feature) => feature.title)})
          const items = screen.getAllByRole("listitem")
          const descriptions = ${features.map((feature) => feature.description)}
          items.forEach((item, index) => {
            expect(item).toHaveTextContent(descriptions[index]!)
            expect(item.querySelector("svg")).toHaveAttribute("aria-hidden", "true")
          })
        `,
      ),
      testCase(
        "columns",
        "lays the features out in a responsive grid",
        code`
          render(<${Component} />)
          const grid = screen.getByRole("list")
          expect(grid).toHaveClass("grid", "grid-cols-1"${classes})
        `,
      ),
    ]
  },
  followUp: (facts, { features }) => {
    const applied: string[] = []
    const next: { features?: Feature[]; columns?: number } = {}
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
    const columns = columnsOf(facts.text)
    if (columns !== undefined) {
      next.columns = columns
      applied.push(`${columns} columns`)
    }
    return { values: next, applied }
  },
  followUpHints: ['add a feature "…"', "N features", "2, 3 or 4 columns"],
})
