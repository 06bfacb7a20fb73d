import { describe, expect, it } from "vitest"
import { CATALOGUE, interpret } from ".."
import { readPrompt } from "../facts"
import { readParts } from "./read-parts"

const read = (prompt: string) => readParts(readPrompt(prompt))
const kinds = (prompt: string) => read(prompt).parts.map((part) => part.kind)

describe("readParts", () => {
  it("reads the thing's own name as the title", () => {
    expect(read("Please build me a parking meter display with a Pay button").title).toBe(
      "parking meter display",
    )
    expect(read("an invoice with line items").title).toBe("invoice")
  })

  it("reads buttons with their labels and what they do", () => {
    const parts = read("a cookie banner with Accept all and Reject buttons").parts
    expect(parts).toEqual([
      { kind: "button", value: "Accept all", action: "dismiss" },
      { kind: "button", value: "Reject", action: "dismiss" },
    ])
    expect(read("a podcast bar with play/pause").parts).toEqual([
      { kind: "button", value: "Play/pause", action: "toggle" },
    ])
    expect(read("a snippet box with a Copy button").parts).toEqual([
      { kind: "button", value: "Copy", action: "copy" },
    ])
    expect(read("a feedback strip with a Send button").parts).toEqual([
      { kind: "button", value: "Send", action: "submit" },
    ])
    expect(read("a vote panel with an upvote button").parts).toEqual([
      { kind: "button", value: "Upvote", action: "count" },
    ])
  })

  it("reads the simplest first prompts as the part they name: a counter counts, a switch switches", () => {
    expect(read("a counter").parts).toEqual([{ kind: "button", value: "Increment", action: "count" }])
    expect(read("a counter with an Add button").parts).toEqual([
      { kind: "button", value: "Add", action: "count" },
    ])
    expect(read("a click counter with a Tap button").parts).toEqual([
      { kind: "button", value: "Tap", action: "count" },
    ])
    expect(read("a toggle switch").parts).toEqual([
      { kind: "input", value: "Enabled", type: "checkbox", switch: true },
    ])
    expect(read("a dark mode toggle").parts).toEqual([
      { kind: "input", value: "Dark mode", type: "checkbox", switch: true },
    ])
    expect(read("a settings card with a Wi-Fi switch").parts).toEqual([
      { kind: "input", value: "Wi-Fi", type: "checkbox", switch: true },
    ])
    // A toggle button is a button that toggles, and a checkbox stays a checkbox.
    expect(read("a toolbar with a Bold toggle button").parts).toEqual([
      { kind: "button", value: "Bold toggle", action: "toggle" },
    ])
    expect(read("a form with a terms checkbox").parts).toEqual([
      { kind: "input", value: "Terms", type: "checkbox" },
    ])
  })

  it("shows what the prompt quotes, unless it is already a part's words", () => {
    expect(read("an outage strip that says 'Payments are delayed' with a Details button").parts).toEqual([
      { kind: "text", value: "Payments are delayed" },
      { kind: "button", value: "Details", action: "press" },
    ])
    expect(read('a reminder tile: "Sam\'s review is due" and a Snooze button').parts[0]).toEqual({
      kind: "text",
      value: "Sam's review is due",
    })
    expect(read('a consent strip with "Allow" and "Block" buttons').parts.map((part) => part.kind)).toEqual([
      "button",
      "button",
    ])
    expect(
      read('a sizes panel with a size select offering "S", "M" and "L"').parts.map((part) => part.kind),
    ).toEqual(["input"])
  })

  it("reads inputs with their labels and types", () => {
    const parts = read(
      "a settings pane with an email field, a nickname input, a bio textarea, a volume slider and a newsletter checkbox",
    ).parts
    expect(parts.map((part) => (part.kind === "input" ? [part.value, part.type] : part.kind))).toEqual([
      ["Email", "email"],
      ["Nickname", "text"],
      ["Bio", "textarea"],
      ["Volume", "range"],
      ["Newsletter", "checkbox"],
    ])
    expect(read("a finder with a search box").parts).toEqual([
      { kind: "input", value: "Search", type: "search" },
    ])
    expect(read('a size chooser with a size dropdown offering "S", "M" and "L"').parts).toEqual([
      { kind: "input", value: "Size", type: "select", options: ["S", "M", "L"] },
    ])
  })

  it("reads lists, tables, tabs, steps and timelines with their items", () => {
    expect(read("a cafe board with tabs for Coffee, Tea and Cake").parts).toEqual([
      { kind: "tabs", value: ["Coffee", "Tea", "Cake"] },
    ])
    expect(read('a roster with a table of "Name", "Team" and "Goals" columns').parts[0]).toMatchObject({
      kind: "table",
      value: ["Name", "Team", "Goals"],
    })
    expect(read("a setup guide with 3 steps").parts[0]).toMatchObject({
      kind: "steps",
      value: ["Step 1", "Step 2", "Step 3"],
    })
    expect(read('a company story with a timeline of "Founded", "Series A" and "IPO"').parts[0]).toMatchObject(
      {
        kind: "steps",
        style: "timeline",
        value: ["Founded", "Series A", "IPO"],
      },
    )
    expect(read("a forecast card with a 7-day forecast").parts[0]).toMatchObject({
      kind: "list",
      value: expect.arrayContaining(["Day 7"]),
    })
  })

  it("reads computed values: subtotal, tax and discount percentages, total", () => {
    expect(read("a bill with a subtotal, 12.5% tax, a 5% discount and a grand total").parts).toEqual([
      {
        kind: "totals",
        subtotal: true,
        tax: 12.5,
        discount: 5,
        value: [
          { item: "Item 1", quantity: 1, price: 40 },
          { item: "Item 2", quantity: 1, price: 25 },
          { item: "Item 3", quantity: 1, price: 12.5 },
        ],
      },
    ])
  })

  it("reads badges, progress, meters, images, avatars and timers", () => {
    expect(kinds("an inbox icon with an unread badge")).toEqual(["badge"])
    expect(read("an upload row with a progress bar at 60%").parts).toEqual([
      { kind: "progress", value: 60, label: "Progress" },
    ])
    expect(read("a disk usage meter at 80").parts[0]).toMatchObject({
      kind: "meter",
      value: 80,
      label: "Disk usage",
    })
    expect(
      read("a signup helper with a password field and a strength meter").parts.map((part) => part.kind),
    ).toEqual(["input", "meter"])
    expect(kinds("a member tile with an avatar and a cover photo")).toEqual(["avatar", "image"])
    expect(read("a pomodoro panel with a 25 minute timer").parts).toEqual([
      { kind: "timer", value: 1500, label: "Time left" },
    ])
  })

  it("names nothing buildable when the prompt asks for none of its parts", () => {
    expect(read("a poem about the sea").parts).toEqual([])
    expect(read("an animated 3D globe").parts).toEqual([])
  })
})

describe("choosing between a recipe and the composer", () => {
  const kindOf = (prompt: string) => interpret(CATALOGUE, prompt).composition.recipe.kind
  it("keeps a recipe that really fits", () => {
    expect(kindOf("a pricing table with three tiers")).toBe("pricing-table")
    expect(kindOf("tabs for Overview, Settings and Billing")).toBe("tabs")
    expect(kindOf("a login form with email and password")).toBe("login-form")
  })

  it("composes when the recipe's phrase only names a part, or nothing fits", () => {
    expect(kindOf("a notification bell with an unread count badge and a dropdown list")).toBe("composed")
    expect(kindOf("a recipe card with a photo of the dish and a Copy link button")).toBe("composed")
    expect(kindOf("a weather widget showing the temperature in Paris")).toBe("composed")
  })

  it("says what it built, in the prompt's words", () => {
    const { notes, composition } = interpret(
      CATALOGUE,
      "a music player with play/pause, next track and a progress bar",
    )
    expect(composition.name).toBe("MusicPlayer")
    expect(notes[0]).toMatch(/composed it from the parts it names/)
    expect(notes[0]).toMatch(/"Play\/pause" button/)
    expect(notes[0]).toMatch(/progress bar/)
  })
})
