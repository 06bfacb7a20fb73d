import { capitalize, countOf, firstList, mentions, type PromptFacts } from "../../facts"
import { entryList } from "../../readers"

/** An entry of the list and whether it is done. */
export interface Todo extends Record<string, string | boolean> {
  text: string
  done: boolean
}

/** Whether the prompt asks for a shopping or grocery list. */
export function isShopping(facts: PromptFacts): boolean {
  return mentions(facts, "shopping list", "grocery list", "groceries", "grocery", "shopping")
}

const TASKS: Todo[] = [
  { text: "Reply to Sam's email", done: false },
  { text: "Book a dentist appointment", done: false },
  { text: "Buy groceries", done: true },
  { text: "Finish the quarterly report", done: false },
  { text: "Water the plants", done: false },
  { text: "Renew car insurance", done: false },
]

const GROCERIES: Todo[] = [
  { text: "Milk", done: false },
  { text: "Eggs", done: true },
  { text: "Sourdough bread", done: false },
  { text: "Bananas", done: false },
  { text: "Spinach", done: false },
  { text: "Coffee beans", done: false },
]

function itemsOf(facts: PromptFacts): Todo[] {
  const listed = entryList(facts)
  if (listed)
    return [...new Set(listed.map((item) => capitalize(item.trim())))].map((text) => ({ text, done: false }))
  const pool = isShopping(facts) ? GROCERIES : TASKS
  const count = countOf(facts, "task", "item", "todo", "thing", "chore")
  return pool.slice(0, Math.min(Math.max(count ?? 4, 1), pool.length))
}

/** The heading, the entries (the prompt's, or as many as it counts from a pool) and what one entry is called. */
export function readTodoList(facts: PromptFacts): { title: string; items: Todo[]; noun: string } {
  const shopping = isShopping(facts)
  return {
    title:
      facts.quoted[0] && !firstList(facts)?.includes(facts.quoted[0])
        ? facts.quoted[0]
        : shopping
          ? "Shopping list"
          : "My tasks",
    items: itemsOf(facts),
    noun: shopping ? "item" : "task",
  }
}
