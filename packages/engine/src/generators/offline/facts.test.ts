import { describe, expect, it } from "vitest"
import { readPrompt } from "./facts"

describe("reading a prompt", () => {
  it("finds the labels a person lists, with and without quotes", () => {
    expect(readPrompt("tabs for Overview, Settings and Billing").lists).toEqual([
      ["Overview", "Settings", "Billing"],
    ])
    expect(readPrompt('a dropdown with "Edit", "Duplicate" and "Delete"').lists[0]).toEqual([
      "Edit",
      "Duplicate",
      "Delete",
    ])
    expect(readPrompt("kanban board with columns Todo, In Progress and Done").lists[0]).toEqual([
      "Todo",
      "In Progress",
      "Done",
    ])
    expect(readPrompt("a signup form with name, email and password fields").lists[0]).toEqual([
      "name",
      "email",
      "password",
    ])
  })

  it("does not mistake a sentence for a list", () => {
    expect(readPrompt("a pricing table with three tiers and a monthly/yearly toggle").lists).toEqual([])
    expect(readPrompt("Make it blue and a bit bigger with rounded corners").lists).toEqual([])
    expect(readPrompt("quantity picker, min 1 and max 10").lists).toEqual([])
  })

  it("reads counts in digits and words, as singular nouns", () => {
    expect(readPrompt("A quiz with 4 questions about space").counts).toMatchObject({ question: 4 })
    expect(readPrompt("a pricing table with three tiers").counts).toMatchObject({ tier: 3 })
    expect(readPrompt("pagination for 10 pages").counts).toMatchObject({ page: 10 })
    expect(readPrompt("a 6-digit code input").counts).toMatchObject({ digit: 6 })
  })

  it("reads limits, character limits and durations", () => {
    expect(readPrompt("quantity picker, min 1 and max 10")).toMatchObject({ min: 1, max: 10 })
    expect(readPrompt("a volume slider between 0 and 100")).toMatchObject({ min: 0, max: 100 })
    expect(readPrompt("a tweet box limited to 280 characters").maxChars).toBe(280)
    expect(readPrompt("a password of at least 8 characters").maxChars).toBeUndefined()
    expect(readPrompt("a toast that disappears after 3 seconds").durationsMs).toEqual([3000])
    expect(readPrompt("a 5 minute countdown, then 90s break and a 1500ms flash").durationsMs).toEqual([
      300_000, 90_000, 1500,
    ])
  })

  it("reads colours, size, corners, theme and currency", () => {
    const facts = readPrompt("Make it blue and a bit bigger with rounded corners, dark mode")
    expect(facts).toMatchObject({
      colour: { name: "blue", hex: "#2563eb" },
      size: "lg",
      radius: "xl",
      dark: true,
    })
    expect(readPrompt("accent #7C3AED please").colour).toEqual({ name: "#7c3aed", hex: "#7c3aed" })
    expect(readPrompt("square corners, smaller").radius).toBe("none")
    expect(readPrompt("make it light mode").dark).toBe(false)
    // A dark-mode switch the component has is a part, not the theme it is drawn in.
    expect(readPrompt("a settings panel with a Dark mode switch and a Wi-Fi toggle").dark).toBeUndefined()
    expect(readPrompt("a dark mode toggle").dark).toBeUndefined()
    expect(readPrompt("a dark settings panel with a Dark mode switch").dark).toBe(true)
    const prices = readPrompt("Starter $9, Pro $29 and Enterprise $99 per month")
    expect(prices).toMatchObject({ currency: "$", amounts: [9, 29, 99] })
    expect(readPrompt("prices in euros").currency).toBe("€")
  })

  it("keeps quoted text as written", () => {
    expect(readPrompt(`a card called "Welcome back" and 'Open inbox'`).quoted).toEqual([
      "Welcome back",
      "Open inbox",
    ])
  })
})
