import { defineRecipe, records, text } from "../../define-recipe"
import { sentenceList } from "../../recipe"
import { code, codeLines, NO_CODE, TestCode, testCase } from "../../test-builder"
import { nounCount } from "./inline/noun-count"
import { isShopping, readTodoList, type Todo } from "./reader"

/** "a task", "an item". */
function an(noun: string): string {
  return `${/^[aeiou]/i.test(noun) ? "an" : "a"} ${noun}`
}

/** A to-do list: add, check off, delete, filter All/Active/Completed, "N left", clear completed. */
export const todoList = defineRecipe({
  kind: "todo-list",
  title: "To-do list",
  names: ["TodoList", "ShoppingList"],
  keywords: {
    strong: [
      "todo list",
      "to do list",
      "todo",
      "to-do",
      "todo app",
      "to do app",
      "task list",
      "tasks list",
      "task tracker",
      "task manager",
      "checklist",
      "shopping list",
      "grocery list",
    ],
    weak: ["tasks", "chores", "groceries", "things to do", "check off", "cross off"],
  },
  callbacks: [
    {
      name: "onChange",
      type: "(items: Todo[]) => void",
      description: "Called with the whole list after every change (add, check, delete, clear).",
    },
  ],
  name: (facts) => (isShopping(facts) ? "ShoppingList" : "TodoList"),
  params: {
    title: text("The list's heading."),
    items: records<Todo>("Todo", "The items at first, in order, and whether each is done."),
    noun: text('What one entry is called ("task" → "3 tasks left").'),
  },
  read: readTodoList,
  summary: ({ title, noun, items }) =>
    `A to-do list "${title}" starting with ${nounCount(noun, items.length)}: add, check off, delete, filter and clear completed.`,
  requirements: ({ items, noun }) => {
    const done = items.filter((item) => item.done).map((item) => item.text)
    const left = items.length - done.length
    return [
      [
        "initial",
        `Starts with ${sentenceList(items.map((item) => item.text))}${done.length > 0 ? ` (${sentenceList(done)} already done)` : ""} and "${nounCount(noun, left)} left"`,
      ],
      ["add", `Typing ${an(noun)} and pressing Enter or Add puts it at the end of the list`],
      ["toggle", `Checking ${an(noun)} marks it done and updates the number left`],
      ["delete", `Each ${noun} has a Delete button named after it that removes it`],
      ["filter", `All, Active and Completed show the matching ${noun}s; the chosen filter is pressed`],
      ["clear", `"Clear completed" removes every done ${noun} and is disabled when there are none`],
    ]
  },
  testSetup: ({ values: { title } }) => code`
    function shownTexts() {
      const list = screen.queryByRole("list", { name: ${title} })
      return list ? within(list).getAllByRole("listitem").map((item) => item.textContent) : []
    }
  `,
  tests: ({ Component, values: { items, noun } }) => {
    const texts = items.map((item) => item.text)
    const left = items.filter((item) => !item.done).length
    const active = items.filter((item) => !item.done).map((item) => item.text)
    const done = items.filter((item) => item.done).map((item) => item.text)
    const target = items.find((item) => !item.done) ?? items[0]!
    const newOne = ["Water the plants", "Call mum back", "Pay the rent"].find(
      (text) => !texts.includes(text),
    )!
    const field = code`screen.getByRole("textbox", { name: ${`New ${noun}`} })`
    const checkbox = (text: string) => code`screen.getByRole("checkbox", { name: ${text} })`
    const checked = (isChecked: boolean) => (isChecked ? NO_CODE : new TestCode(".not"))
    const leftText = (n: number) => `${nounCount(noun, n)} left`
    const expectedAfterToggle = items.map((item) => ({
      text: item.text,
      done: item === target ? !item.done : item.done,
    }))
    const targetDone = !target.done
    const leftAfterToggle = expectedAfterToggle.filter((item) => !item.done).length
    return [
      testCase(
        "initial",
        `starts with the given ${noun}s and ${nounCount(noun, left)} left`,
        code`
          render(<${Component} />)
          expect(shownTexts()).toEqual(${texts})
          ${codeLines(items.map((item) => code`expect(${checkbox(item.text)})${checked(item.done)}.toBeChecked()`))}
          expect(screen.getByText(${leftText(left)})).toHaveAttribute("aria-live", "polite")
        `,
      ),
      testCase(
        "add",
        `Enter or Add puts a new ${noun} at the end`,
        code`
          const user = userEvent.setup()
          const onChange = vi.fn()
          render(<${Component} onChange={onChange} />)
          await user.click(${field})
          await user.paste(${newOne})
          await user.keyboard("{Enter}")
          expect(shownTexts()).toEqual(${[...texts, newOne]})
          expect(${field}).toHaveValue("")
          expect(screen.getByText(${leftText(left + 1)})).toBeInTheDocument()
          expect(onChange).toHaveBeenLastCalledWith(${[...items.map((item) => ({ text: item.text, done: item.done })), { text: newOne, done: false }]})
          expect(screen.getByRole("button", { name: "Add" })).toBeDisabled()
          await user.click(${field})
          await user.paste("Stretch for ten minutes")
          await user.click(screen.getByRole("button", { name: "Add" }))
          expect(shownTexts().at(-1)).toBe("Stretch for ten minutes")
        `,
      ),
      testCase(
        "toggle",
        `checking ${an(noun)} marks it done and updates the number left`,
        code`
          const user = userEvent.setup()
          const onChange = vi.fn()
          render(<${Component} onChange={onChange} />)
          await user.click(${checkbox(target.text)})
          expect(${checkbox(target.text)})${checked(targetDone)}.toBeChecked()
          expect(screen.getByText(${leftText(leftAfterToggle)})).toBeInTheDocument()
          expect(onChange).toHaveBeenLastCalledWith(${expectedAfterToggle})
        `,
      ),
      testCase(
        "delete",
        `each ${noun} has a Delete button that removes it`,
        code`
          const user = userEvent.setup()
          render(<${Component} />)
          await user.click(screen.getByRole("button", { name: ${`Delete ${target.text}`} }))
          expect(shownTexts()).toEqual(${texts.filter((text) => text !== target.text)})
          expect(screen.getByText(${leftText(target.done ? left : left - 1)})).toBeInTheDocument()
        `,
      ),
      testCase(
        "filter",
        `All, Active and Completed show the matching ${noun}s`,
        code`
          const user = userEvent.setup()
          render(<${Component} />)
          expect(screen.getByRole("button", { name: "All" })).toHaveAttribute("aria-pressed", "true")
          await user.click(screen.getByRole("button", { name: "Active" }))
          expect(screen.getByRole("button", { name: "Active" })).toHaveAttribute("aria-pressed", "true")
          expect(screen.getByRole("button", { name: "All" })).toHaveAttribute("aria-pressed", "false")
          expect(shownTexts()).toEqual(${active})
          await user.click(screen.getByRole("button", { name: "Completed" }))
          expect(shownTexts()).toEqual(${done})
          ${done.length === 0 ? code`expect(screen.getByText(${`No completed ${noun}s yet.`})).toBeInTheDocument()` : NO_CODE}
          await user.click(screen.getByRole("button", { name: "All" }))
          expect(shownTexts()).toEqual(${texts})
        `,
      ),
      testCase(
        "clear",
        `Clear completed removes every done ${noun}`,
        code`
          const user = userEvent.setup()
          render(<${Component} />)
          const clear = screen.getByRole("button", { name: "Clear completed" })
          await user.click(${checkbox(target.text)})
          ${targetDone ? NO_CODE : code`await user.click(${checkbox(target.text)})`}
          expect(clear).toBeEnabled()
          await user.click(clear)
          expect(shownTexts()).toEqual(${(targetDone ? expectedAfterToggle : items).filter((item) => !item.done).map((item) => item.text)})
          expect(clear).toBeDisabled()
        `,
      ),
    ]
  },
  followUp: (facts, { items }) => {
    const added = /\badd\s+["“']([^"”']+)["”']/i.exec(facts.text)?.[1]
    return added && !items.some((item) => item.text === added)
      ? { values: { items: [...items, { text: added, done: false }] }, applied: [`"${added}" on the list`] }
      : { values: {}, applied: [] }
  },
  followUpHints: ['add "…" (a new item)'],
})
