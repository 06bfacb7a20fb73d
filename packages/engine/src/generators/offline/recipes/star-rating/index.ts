import { boolean, defineRecipe, number, text } from "../../define-recipe"
import { code, testCase } from "../../test-builder"
import { readStarRating, starCount, wantsReset } from "./reader"

/** A star rating: a radio group of stars (one tab stop, arrow keys), hover preview, "3 of 5", optional clear. */
export const starRating = defineRecipe({
  kind: "star-rating",
  title: "Star rating",
  names: ["StarRating"],
  keywords: {
    strong: [
      "star rating",
      "rating",
      "rate your",
      "rate our",
      "rate this",
      "rating stars",
      "stars rating",
      "rate with stars",
      "review stars",
      "rating component",
      "rating widget",
      "rating input",
      "rating control",
    ],
    weak: ["star", "rate", "review", "feedback", "score"],
  },
  callbacks: [
    {
      name: "onChange",
      type: "(rating: number) => void",
      description: "Called with the new rating (0 when it is cleared).",
    },
  ],
  params: {
    label: text("The question or label above the stars."),
    max: number("How many stars there are (the highest rating, 1 to 10)."),
    defaultValue: number("The rating shown at first (0 for none)."),
    showReset: boolean("Show a button that clears the rating."),
  },
  read: readStarRating,
  summary: ({ max, label, showReset }) =>
    `A ${max}-star rating labelled "${label}" with hover preview and keyboard support${
      showReset ? ", plus a button to clear it" : ""
    }.`,
  requirements: ({ max, label, defaultValue, showReset }) => {
    const pick = Math.min(3, max)
    const list: [string, string][] = [
      ["count", `Shows ${max} stars under "${label}", each named "Rate n out of ${max}"`],
      [
        "initial",
        defaultValue > 0
          ? `Shows "${defaultValue} of ${max}" at first`
          : `Shows "Not rated yet" until a star is chosen`,
      ],
      [
        "click",
        `Clicking star ${pick} selects it, shows "${pick} of ${max}" and calls onChange with ${pick}`,
      ],
      ["hover", "Hovering a star highlights it and the stars before it as a preview"],
      ["keyboard", "The stars are one tab stop; arrow keys change the rating and move focus"],
    ]
    if (showReset)
      list.push(["reset", `A "Clear rating" button resets to "Not rated yet" and calls onChange with 0`])
    return list
  },
  tests: ({ Component, values: { label, max, defaultValue }, has }) => {
    const pick = Math.min(3, max)
    const star = (n: number) => code`screen.getByRole("radio", { name: ${`Rate ${n} out of ${max}`} })`
    const shows = (rating: number) => code`screen.getByText(${`${rating} of ${max}`})`
    const tests = [
      testCase(
        "count",
        `shows ${max} stars under the label`,
        code`
          render(<${Component} />)
          const group = screen.getByRole("radiogroup", { name: ${label} })
          const stars = within(group).getAllByRole("radio")
          expect(stars).toHaveLength(${max})
          expect(stars.map((star) => star.getAttribute("aria-label"))).toEqual(
            ${Array.from({ length: max }, (_, index) => `Rate ${index + 1} out of ${max}`)},
          )
        `,
      ),
      defaultValue > 0
        ? testCase(
            "initial",
            `shows ${defaultValue} of ${max} at first`,
            code`
              render(<${Component} />)
              expect(${shows(defaultValue)}).toBeInTheDocument()
              expect(${star(defaultValue)}).toBeChecked()
            `,
          )
        : testCase(
            "initial",
            "shows Not rated yet until a star is chosen",
            code`
              render(<${Component} />)
              expect(screen.getByText("Not rated yet")).toBeInTheDocument()
              expect(screen.getAllByRole("radio").filter((star) => star.getAttribute("aria-checked") === "true")).toHaveLength(0)
            `,
          ),
      testCase(
        "click",
        `clicking star ${pick} selects it and calls onChange`,
        code`
          const user = userEvent.setup()
          const onChange = vi.fn()
          render(<${Component} onChange={onChange} />)
          await user.click(${star(pick)})
          expect(${star(pick)}).toBeChecked()
          expect(${shows(pick)}).toBeInTheDocument()
          expect(onChange).toHaveBeenLastCalledWith(${pick})
        `,
      ),
      testCase(
        "hover",
        "hovering a star highlights it and the stars before it",
        code`
          const user = userEvent.setup()
          render(<${Component} defaultValue={0} />)
          await user.hover(${star(2)})
          expect(${star(1)}).toHaveAttribute("data-highlighted", "true")
          expect(${star(2)}).toHaveAttribute("data-highlighted", "true")
          expect(${star(3)}).toHaveAttribute("data-highlighted", "false")
          await user.unhover(${star(2)})
          expect(${star(1)}).toHaveAttribute("data-highlighted", "false")
          expect(screen.getByText("Not rated yet")).toBeInTheDocument()
        `,
      ),
      testCase(
        "keyboard",
        "the stars are one tab stop and arrow keys change the rating",
        code`
          const user = userEvent.setup()
          const onChange = vi.fn()
          render(<${Component} defaultValue={0} onChange={onChange} />)
          await user.tab()
          expect(${star(1)}).toHaveFocus()
          await user.keyboard("{Enter}")
          expect(${shows(1)}).toBeInTheDocument()
          await user.keyboard("{ArrowRight}")
          expect(${star(2)}).toHaveFocus()
          expect(${star(2)}).toBeChecked()
          expect(onChange).toHaveBeenLastCalledWith(2)
          await user.keyboard("{End}")
          expect(${shows(max)}).toBeInTheDocument()
          await user.keyboard("{ArrowLeft}")
          expect(${star(max - 1)}).toHaveFocus()
          expect(${shows(max - 1)}).toBeInTheDocument()
        `,
      ),
    ]
    if (has("reset"))
      tests.push(
        testCase(
          "reset",
          "the Clear rating button resets the rating",
          code`
            const user = userEvent.setup()
            const onChange = vi.fn()
            render(<${Component} defaultValue={0} onChange={onChange} />)
            const clear = screen.getByRole("button", { name: "Clear rating" })
            expect(clear).toBeDisabled()
            await user.click(${star(pick)})
            await user.click(clear)
            expect(screen.getByText("Not rated yet")).toBeInTheDocument()
            expect(onChange).toHaveBeenLastCalledWith(0)
            expect(clear).toBeDisabled()
          `,
        ),
      )
    return tests
  },
  followUp: (facts, values) => {
    const next: { showReset?: boolean; max?: number; defaultValue?: number } = {}
    const applied: string[] = []
    const reset = wantsReset(facts)
    if (reset !== undefined) {
      next.showReset = reset
      applied.push(reset ? 'a "Clear rating" button' : "no clear button")
    }
    const count = starCount(facts)
    if (count !== undefined && count !== values.max) {
      next.max = count
      next.defaultValue = Math.min(values.defaultValue, count)
      applied.push(`${count} stars`)
    }
    return { values: next, applied }
  },
  followUpHints: ["add a reset button", "N stars (e.g. 10 stars)"],
})
