import { boolean, defineRecipe, number, records, strings, text } from "../../define-recipe"
import { capitalize, mentions } from "../../facts"
import { sentenceList } from "../../recipe"
import { code, testCase, type TestCase } from "../../test-builder"
import { linksFor, readFooter, SOCIALS, type FooterLink } from "./reader"

/** A site footer: link columns, social links with icons, an optional newsletter box and the copyright. */
export const footer = defineRecipe({
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
  params: {
    brand: text("The brand name."),
    tagline: text("A short line under the brand."),
    columns: strings("The link column titles, in order."),
    links: records<FooterLink>(
      "FooterLink",
      "The links: the column each belongs to, its label and its address.",
    ),
    socials: strings(
      "Social networks linked with icons (GitHub, X, LinkedIn, YouTube, Instagram, Facebook, …).",
    ),
    showNewsletter: boolean("Show a newsletter sign-up box."),
    year: number("The copyright year (a prop, so the footer renders the same everywhere)."),
  },
  read: readFooter,
  summary: ({ brand, columns, showNewsletter, year }) =>
    `A site footer for ${brand} with ${sentenceList(columns)} link columns, social links${showNewsletter ? ", a newsletter box" : ""} and the copyright for ${year}.`,
  requirements: ({ brand, columns, socials, showNewsletter, year }) => {
    const list: [string, string][] = [
      ["columns", `Shows the link columns ${sentenceList(columns)}, each a navigation list with its links`],
    ]
    if (socials.length > 0)
      list.push(["socials", `Links to ${sentenceList(socials)} with icons named for screen readers`])
    list.push(["copyright", `Shows "© ${year} ${brand}" from the year prop`])
    if (showNewsletter)
      list.push(["newsletter", "Submitting an email in the newsletter box calls onSubscribe and says thanks"])
    return list
  },
  tests: ({ Component, values: { brand, columns, links, socials, year }, has }) => {
    const expected = columns.map((column) => ({
      column,
      labels: links
        .filter((link) => link.column === column)
        .map((link) => link.label)
        .join("|"),
    }))
    const tests: TestCase[] = [
      testCase(
        "columns",
        "shows each link column as a navigation list",
        code`
          render(<${Component} />)
          const expected = ${expected}
          for (const { column, labels } of expected) {
            const nav = screen.getByRole("navigation", { name: column })
            const names = within(nav).queryAllByRole("link").map((link) => link.textContent)
            expect(names.join("|")).toBe(labels)
          }
        `,
      ),
    ]
    if (has("socials"))
      tests.push(
        testCase(
          "socials",
          "links to each social network with a named icon",
          code`
            render(<${Component} />)
            const list = screen.getByRole("list", { name: "Social media" })
            const names = within(list).getAllByRole("link").map((link) => link.getAttribute("aria-label"))
            expect(names).toEqual(${socials})
            for (const link of within(list).getAllByRole("link")) expect(link.querySelector("svg")).toHaveAttribute("aria-hidden", "true")
          `,
        ),
      )
    tests.push(
      testCase(
        "copyright",
        "shows the copyright for the year prop",
        code`
          const { rerender } = render(<${Component} />)
          expect(screen.getByText(${`© ${year} ${brand}. All rights reserved.`})).toBeInTheDocument()
          rerender(<${Component} year={${year + 1}} />)
          expect(screen.getByText(${`© ${year + 1} ${brand}. All rights reserved.`})).toBeInTheDocument()
        `,
      ),
    )
    if (has("newsletter"))
      tests.push(
        testCase(
          "newsletter",
          "the newsletter box calls onSubscribe and says thanks",
          code`
            const user = userEvent.setup()
            const onSubscribe = vi.fn()
            render(<${Component} onSubscribe={onSubscribe} />)
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
          `,
        ),
      )
    return tests
  },
  followUp: (facts, values) => {
    const applied: string[] = []
    const next: {
      showNewsletter?: boolean
      columns?: string[]
      links?: FooterLink[]
      socials?: string[]
      year?: number
    } = {}
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
    if (add && !values.columns.some((column) => column.toLowerCase() === add[1]!.trim().toLowerCase())) {
      const column = capitalize(add[1]!.trim())
      next.columns = [...values.columns, column]
      next.links = [...values.links, ...linksFor(column)]
      applied.push(`the ${column} column`)
    }
    const socials = SOCIALS.filter(
      (social) => social !== "X" && mentions(facts, social) && !values.socials.includes(social),
    )
    if (socials.length > 0 && !mentions(facts, "no social", "remove")) {
      next.socials = [...values.socials, ...socials]
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
})
