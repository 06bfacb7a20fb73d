import { boolean, defineRecipe, records, text } from "../../define-recipe"
import { countOf, mentions } from "../../facts"
import { quotedWith } from "../../readers"
import { sentenceList } from "../../recipe"
import { code, NO_CODE, testCase, type TestCase } from "../../test-builder"
import {
  BANK,
  bankFor,
  bankOf,
  FIRST_OPEN,
  isDetails,
  MULTIPLE,
  readAccordion,
  SINGLE,
  type Faq,
  type Topic,
} from "./reader"

/** An accordion from the kit: N questions (or sections) with real answers, single or multiple open. */
export const accordion = defineRecipe({
  kind: "accordion",
  title: "Accordion",
  names: ["FaqAccordion", "Faq", "DetailsAccordion"],
  keywords: {
    strong: [
      "accordion",
      "accordion with",
      "accordion for",
      "faq",
      "faqs",
      "faq section",
      "faq page",
      "faq with",
      "faq for",
      "frequently asked questions",
      "questions and answers",
      "collapsible sections",
      "expandable sections",
      "collapsible panels",
      "q&a section",
    ],
    weak: ["questions", "collapsible", "expandable", "expand and collapse", "answers"],
  },
  callbacks: [
    {
      name: "onOpenChange",
      type: "(openItems: string[]) => void",
      description: "Called with the titles of the open items whenever one opens or closes.",
    },
  ],
  name: (facts) =>
    isDetails(facts) ? "DetailsAccordion" : mentions(facts, "accordion") ? "FaqAccordion" : "Faq",
  params: {
    title: text("The heading above the accordion; empty for none."),
    items: records<Faq>("FaqItem", "The questions (or section titles) and their answers, in order."),
    allowMultiple: boolean("Let several items be open at once (otherwise opening one closes the others)."),
    defaultOpenFirst: boolean("Open the first item at first."),
  },
  read: readAccordion,
  summary: ({ items, title, allowMultiple }) =>
    `An accordion of ${items.length} ${items.length === 1 ? "item" : "items"}${title ? ` titled "${title}"` : ""}, ${allowMultiple ? "several open at once" : "one open at a time"}.`,
  requirements: ({ items, title, defaultOpenFirst, allowMultiple }) => {
    const first = items[0]?.question ?? ""
    const requirements: [string, string][] = []
    if (title) requirements.push(["title", `Shows the heading "${title}"`])
    requirements.push(
      [
        "items",
        `Shows ${items.length} ${items.length === 1 ? "item" : "items"}: ${sentenceList(items.map((item) => `"${item.question}"`))}`,
      ],
      [
        "initial",
        defaultOpenFirst
          ? `"${first}" is open at first, showing its answer; the others are closed`
          : "All items are closed at first, their answers hidden",
      ],
      [
        "toggle",
        "Clicking an item's header opens it to show its answer, clicking again closes it, and onOpenChange reports the open items",
      ],
      [
        "mode",
        allowMultiple
          ? "Several items can be open at the same time"
          : "Only one item is open at a time: opening another closes the previous one",
      ],
      ["keyboard", "Arrow keys move between headers; Enter and Space open and close them"],
    )
    return requirements
  },
  tests: ({
    Component,
    values: { items, title, defaultOpenFirst: openFirst, allowMultiple: multiple },
    has,
  }) => {
    const questions = items.map((item) => item.question)
    const first = items[0] ?? { question: "", answer: "" }
    const second = items[1]
    const header = (question: string) => code`screen.getByRole("button", { name: ${question} })`
    // The item the toggle test opens: the second when the first starts open.
    const target = openFirst && second ? second : first
    const tests: TestCase[] = []
    if (has("title"))
      tests.push(
        testCase(
          "title",
          "shows the heading",
          code`
            render(<${Component} />)
            expect(screen.getByRole("heading", { name: ${title} })).toBeInTheDocument()
          `,
        ),
      )
    tests.push(
      testCase(
        "items",
        `shows ${items.length} items in order`,
        code`
          render(<${Component} />)
          expect(screen.getAllByRole("button").map((button) => button.textContent)).toEqual(${questions})
        `,
      ),
      testCase(
        "initial",
        openFirst ? "the first item is open at first" : "all items are closed at first",
        code`
          render(<${Component} />)
          ${
            openFirst
              ? code`
                  expect(${header(first.question)}).toHaveAttribute("aria-expanded", "true")
                  expect(screen.getByRole("region", { name: ${first.question} })).toHaveTextContent(${first.answer})
                  expect(screen.getAllByRole("button", { expanded: true })).toHaveLength(1)
                `
              : code`
                  for (const button of screen.getAllByRole("button")) expect(button).toHaveAttribute("aria-expanded", "false")
                  expect(screen.queryByText(${first.answer})).not.toBeInTheDocument()
                `
          }
        `,
      ),
      testCase(
        "toggle",
        "clicking a header opens and closes its answer",
        code`
          const user = userEvent.setup()
          const onOpenChange = vi.fn()
          render(<${Component} onOpenChange={onOpenChange} />)
          const header = ${header(target.question)}
          await user.click(header)
          expect(header).toHaveAttribute("aria-expanded", "true")
          expect(screen.getByRole("region", { name: ${target.question} })).toHaveTextContent(${target.answer})
          expect(onOpenChange).toHaveBeenLastCalledWith(${multiple && openFirst && target !== first ? [first.question, target.question] : [target.question]})
          await user.click(header)
          expect(header).toHaveAttribute("aria-expanded", "false")
          expect(screen.queryByText(${target.answer})).not.toBeInTheDocument()
        `,
      ),
    )
    tests.push(
      second
        ? testCase(
            "mode",
            multiple ? "several items can be open at once" : "opening an item closes the previous one",
            code`
              const user = userEvent.setup()
              render(<${Component} />)
              ${openFirst ? NO_CODE : code`await user.click(${header(first.question)})`}
              await user.click(${header(second.question)})
              expect(${header(second.question)}).toHaveAttribute("aria-expanded", "true")
              expect(${header(first.question)}).toHaveAttribute("aria-expanded", ${String(multiple)})
            `,
          )
        : testCase(
            "mode",
            "the only item opens and closes",
            code`
              const user = userEvent.setup()
              render(<${Component} />)
              await user.click(${header(first.question)})
              expect(${header(first.question)}).toHaveAttribute("aria-expanded", ${String(!openFirst)})
            `,
          ),
      testCase(
        "keyboard",
        "arrow keys move between headers and Enter toggles",
        code`
          const user = userEvent.setup()
          render(<${Component} />)
          await user.tab()
          expect(${header(first.question)}).toHaveFocus()
          ${
            second
              ? code`
                  await user.keyboard("{ArrowDown}")
                  expect(${header(second.question)}).toHaveFocus()
                  await user.keyboard("{Enter}")
                  expect(${header(second.question)}).toHaveAttribute("aria-expanded", "true")
                  await user.keyboard("{ArrowUp}")
                  expect(${header(first.question)}).toHaveFocus()
                `
              : code`
                  await user.keyboard("{Enter}")
                  expect(${header(first.question)}).toHaveAttribute("aria-expanded", ${String(!openFirst)})
                `
          }
        `,
      ),
    )
    return tests
  },
  followUp: (facts, { items }) => {
    const next: {
      allowMultiple?: boolean
      defaultOpenFirst?: boolean
      items?: readonly Faq[]
      title?: string
    } = {}
    const applied: string[] = []
    if (
      MULTIPLE.test(facts.lower) &&
      !/\b(?:not|don't|no)\b[^.]{0,10}\b(?:several|multiple)/.test(facts.lower)
    ) {
      next.allowMultiple = true
      applied.push("several items open at once")
    } else if (SINGLE.test(facts.lower)) {
      next.allowMultiple = false
      applied.push("one item open at a time")
    }
    if (
      /\b(?:all|everything)\b[^.]{0,15}\bclosed\b|\bclosed by default\b|\bnothing open\b/.test(facts.lower)
    ) {
      next.defaultOpenFirst = false
      applied.push("all items closed at first")
    } else if (FIRST_OPEN.test(facts.lower)) {
      next.defaultOpenFirst = true
      applied.push("the first item open at first")
    }
    const count = countOf(facts, "question", "faq", "item", "entry", "q")
    if (count !== undefined && count > 0 && count !== items.length) {
      // More questions on the topics already there ("6 questions instead" on a shipping FAQ).
      const present = (Object.keys(BANK) as Topic[]).filter((topic) =>
        BANK[topic].some(([question]) => items.some((item) => item.question === question)),
      )
      const pool = [...items]
      for (const [question, answer] of present.length > 0 ? bankOf(present) : bankFor(facts))
        if (!pool.some((item) => item.question === question)) pool.push({ question, answer })
      next.items = pool.slice(0, Math.min(count, 12))
      applied.push(`${Math.min(count, 12)} questions`)
    }
    const title = quotedWith(facts, /\b(?:title|heading)\b[^"“”`]*$/i)
    if (title) {
      next.title = title
      applied.push(`heading "${title}"`)
    }
    return { values: next, applied }
  },
  followUpHints: ["allow several open", "only one open at a time", "open the first one", "6 questions"],
})
