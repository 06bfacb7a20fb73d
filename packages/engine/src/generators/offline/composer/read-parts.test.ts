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

  it('reads "plus" as a label where it names a button, and as a connector only between parts', () => {
    expect(read("a counter with a plus button and a minus button").parts.map((part) => part.value)).toEqual([
      "Plus",
      "Minus",
    ])
    expect(
      read("a calculator strip with a plus sign and an Equals button").parts.map((part) => part.value),
    ).toEqual(["Plus sign", "Equals"])
    expect(read("a zoom bar with plus and minus buttons").parts.map((part) => part.value)).toEqual([
      "Plus",
      "Minus",
    ])
    expect(
      read("a share card with a Share button plus a Save button").parts.map((part) => part.value),
    ).toEqual(["Share", "Save"])
    expect(read("a share card with a Share button plus a Save button").unplaced).toEqual([])
    // After a comma too: ", plus a Watch button" joins; "a plus and a minus button" names two buttons.
    expect(read("a ticker showing the price and the volume, plus a Watch button").parts.at(-1)).toEqual({
      kind: "button",
      value: "Watch",
      action: "press",
    })
    expect(read("a thermostat with a plus and a minus button")).toMatchObject({
      parts: [
        { kind: "button", value: "Plus", action: "count" },
        { kind: "button", value: "Minus", action: "decrement" },
      ],
      unplaced: [],
    })
    // "Learn more" links on; it does not count.
    expect(read("an announcement banner with a title plus a Learn more button")).toMatchObject({
      parts: [{ kind: "button", value: "Learn more", action: "press" }],
      unplaced: [],
    })
    // A label that only contains "plus" does not count.
    expect(read("a membership tile with an Upgrade to Plus button").parts).toEqual([
      { kind: "button", value: "Upgrade to Plus", action: "press" },
    ])
  })

  it("reads a count with +/- buttons: the minus button lowers the count, not below a stated minimum", () => {
    expect(read("a counter with a plus button and a minus button").parts).toEqual([
      { kind: "button", value: "Plus", action: "count" },
      { kind: "button", value: "Minus", action: "decrement" },
    ])
    expect(read("a score keeper with a count, a plus button and a minus button")).toMatchObject({
      parts: [
        { kind: "button", value: "Plus", action: "count" },
        { kind: "button", value: "Minus", action: "decrement" },
      ],
      unplaced: [],
    })
    expect(read("a counter with + and - buttons that never goes below 0").parts).toEqual([
      { kind: "button", value: "+", action: "count", min: 0 },
      { kind: "button", value: "-", action: "decrement", min: 0 },
    ])
    // A button lowers the count only when its own words say so; one with no counting button gets one.
    expect(
      read("a ticket counter with Add and Remove one buttons").parts.map((part) =>
        part.kind === "button" ? part.action : part.kind,
      ),
    ).toEqual(["count", "decrement"])
    expect(read("a stock tile with a Decrease button, a minimum of 1").parts).toEqual([
      { kind: "button", value: "Increment", action: "count", min: 1 },
      { kind: "button", value: "Decrease", action: "decrement", min: 1 },
    ])
    // Not a counter: a plain button keeps what it does.
    expect(read("a stock tile with a Refresh button and a Decrease button").parts).toEqual([
      { kind: "button", value: "Refresh", action: "press" },
      { kind: "button", value: "Increment", action: "count" },
      { kind: "button", value: "Decrease", action: "decrement" },
    ])
    // A minimum of something else (8 characters) is not a count's floor, and stays in the prompt's words.
    expect(read("a password box with a password field, a minimum of 8 characters").unplaced).toEqual([
      "minimum of 8 characters",
    ])
    const { composition } = interpret(CATALOGUE, "a counter with + and - buttons that never goes below 0")
    const texts = composition.recipe.requirements(composition.context.values).map(([, text]) => text)
    expect(texts).toContain('Each press of "-" takes one from the "+" count, never below 0')
    const tests = composition.recipe.tests(composition.context)
    expect(tests).toMatch(/pressing - lowers the count to no less than 0/)
  })

  it("reads what a prompt shows as labelled values, with the values it states", () => {
    expect(read("a weather card showing the humidity, wind speed and UV index").parts).toEqual([
      {
        kind: "values",
        value: [
          { label: "Humidity", value: "—" },
          { label: "Wind speed", value: "—" },
          { label: "UV index", value: "—" },
        ],
      },
    ])
    expect(read("a battery widget showing 72% battery").parts).toEqual([
      { kind: "values", value: [{ label: "Battery", value: "72%" }] },
    ])
    expect(
      read("a run summary showing 5 km distance, 320 calories and a heart rate of 142 bpm").parts,
    ).toEqual([
      {
        kind: "values",
        value: [
          { label: "Distance", value: "5 km" },
          { label: "Calories", value: "320" },
          { label: "Heart rate", value: "142 bpm" },
        ],
      },
    ])
    expect(read("a departures board showing the next train at 9:40, with a Refresh button").parts).toEqual([
      { kind: "values", value: [{ label: "Next train", value: "9:40" }] },
      { kind: "button", value: "Refresh", action: "press" },
    ])
    // In a run of shown phrases, one that names an action is a control.
    expect(read("a clock tile showing the time and play/pause").parts).toEqual([
      { kind: "text", value: "Time" },
      { kind: "button", value: "Play/pause", action: "toggle" },
    ])
    // One phrase with no value stays a line of text.
    expect(read("a weather widget showing the temperature in Paris").parts).toEqual([
      { kind: "text", value: "Temperature in Paris" },
    ])
  })

  it("reads a label with an amount that says what it is as a value, wherever it stands", () => {
    // Money with thousands, measures with their units, durations, times, versions and shares of a total.
    expect(read("a monthly budget card with Rent $1,500, Groceries $350 and Savings $600").parts).toEqual([
      {
        kind: "values",
        value: [
          { label: "Rent", value: "$1,500" },
          { label: "Groceries", value: "$350" },
          { label: "Savings", value: "$600" },
        ],
      },
    ])
    expect(read("a macro summary with carbs 200 g, fat 70 g and protein 150 g").parts).toEqual([
      {
        kind: "values",
        value: [
          { label: "Carbs", value: "200 g" },
          { label: "Fat", value: "70 g" },
          { label: "Protein", value: "150 g" },
        ],
      },
    ])
    expect(read("a sleep tracker showing last night 6h 45m against a goal of 8 hours").parts).toEqual([
      {
        kind: "values",
        value: [
          { label: "Last night", value: "6h 45m" },
          { label: "Goal", value: "8 hours" },
        ],
      },
    ])
    expect(read("a song row showing the artist and the length 4:12").parts).toEqual([
      {
        kind: "values",
        value: [
          { label: "Artist", value: "—" },
          { label: "Length", value: "4:12" },
        ],
      },
    ])
    expect(read("a water tracker with 6 of 8 glasses and an Add glass button").parts).toEqual([
      { kind: "values", value: [{ label: "Glasses", value: "6 of 8" }] },
      { kind: "button", value: "Add glass", action: "press" },
    ])
    // A bare amount is shown as it is, never split into a unit label; "version" says a number is a version.
    expect(read("a download item showing 2.4 MB of 10 MB").parts).toEqual([
      { kind: "text", value: "2.4 MB of 10 MB" },
    ])
    expect(read("a changelog banner with version 2.1 and a Dismiss button").parts).toEqual([
      { kind: "values", value: [{ label: "Version", value: "2.1" }] },
      { kind: "button", value: "Dismiss", action: "dismiss" },
    ])
    // A plain number is not a stated value outside "showing": "top 10" names no amount.
    expect(read("a leaderboard with top 10 and a Refresh button").unplaced).toEqual(["top 10"])
  })

  it("reads a number of controls or pictures as that many, and one for each item or day it ranges over", () => {
    expect(read("a privacy panel with three toggles and a Save button").parts).toEqual([
      { kind: "input", value: "Toggle 1", type: "checkbox", switch: true },
      { kind: "input", value: "Toggle 2", type: "checkbox", switch: true },
      { kind: "input", value: "Toggle 3", type: "checkbox", switch: true },
      { kind: "button", value: "Save", action: "submit" },
    ])
    expect(read("a photo grid of 3 photos").parts).toEqual([
      { kind: "image", value: "Photo 1" },
      { kind: "image", value: "Photo 2" },
      { kind: "image", value: "Photo 3" },
    ])
    expect(
      read("a habit tracker with a checkbox for each day of the week").parts.map((part) => part.value),
    ).toEqual(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"])
    expect(read("a skills card with three progress bars for Design, Code and Writing").parts).toEqual([
      { kind: "progress", value: 25, label: "Design" },
      { kind: "progress", value: 25, label: "Code" },
      { kind: "progress", value: 25, label: "Writing" },
    ])
    // Any other plural thing stays a list of that many.
    expect(read("a board with 3 cards").parts).toEqual([
      { kind: "list", value: ["Card 1", "Card 2", "Card 3"], label: "Cards" },
    ])
  })

  it("shows what the thing says or offers as written, and counts stated in votes or views as values", () => {
    expect(read("an alert saying Your session expires soon, with a Stay signed in button").parts).toEqual([
      { kind: "text", value: "Your session expires soon" },
      { kind: "button", value: "Stay signed in", action: "press" },
    ])
    expect(read("a promo banner offering 10% off your first order with a Shop now button").parts).toEqual([
      { kind: "text", value: "10% off your first order" },
      { kind: "button", value: "Shop now", action: "press" },
    ])
    expect(read("a poll result with Yes at 34 votes and No at 21 votes").parts).toEqual([
      {
        kind: "values",
        value: [
          { label: "Yes", value: "34 votes" },
          { label: "No", value: "21 votes" },
        ],
      },
    ])
    // A question asked is shown as asked, apart from the options to answer it.
    expect(read("a poll asking What should we build next? with Dark mode and Export options").parts).toEqual([
      { kind: "text", value: "What should we build next?" },
      { kind: "input", value: "Choose one", type: "radio", options: ["Dark mode", "Export"] },
    ])
    // Steps counted ("steps 8,240 of 10,000") are a value, not steps to go through.
    expect(read("a fitness tracker with steps 8,240 of 10,000").parts).toEqual([
      { kind: "values", value: [{ label: "Steps", value: "8,240 of 10,000" }] },
    ])
    // Named options are one choice; a badge's stated count is its value, not its label.
    expect(read("a mood picker with Great, Okay and Bad options").parts).toEqual([
      { kind: "input", value: "Choose one", type: "radio", options: ["Great", "Okay", "Bad"] },
    ])
    expect(read("an inbox icon with a badge of 5").parts).toEqual([{ kind: "badge", value: 5, label: "new" }])
  })

  it("reads the last item written before the plural noun, what a thing lists, and the numbers after its colon", () => {
    expect(read("a delivery tracker with Ordered, Shipped and Delivered steps").parts).toEqual([
      { kind: "steps", value: ["Ordered", "Shipped", "Delivered"], label: "Steps", style: "steps" },
    ])
    // The name can say how many steps there are.
    expect(read("a 4 step checkout").parts).toEqual([
      { kind: "steps", value: ["Step 1", "Step 2", "Step 3", "Step 4"], label: "Steps", style: "steps" },
    ])
    expect(read("a wizard with three steps").parts).toEqual([
      { kind: "steps", value: ["Step 1", "Step 2", "Step 3"], label: "Steps", style: "steps" },
    ])
    expect(read("a team card listing Alice, Bob and Carol with a Message button").parts).toEqual([
      { kind: "list", value: ["Alice", "Bob", "Carol"], label: "Items" },
      { kind: "button", value: "Message", action: "press" },
    ])
    expect(read("a weekly summary: 12 tasks done, 3 overdue, 85% on time").parts).toEqual([
      {
        kind: "values",
        value: [
          { label: "Tasks done", value: "12" },
          { label: "Overdue", value: "3" },
          { label: "On time", value: "85%" },
        ],
      },
    ])
    // A share in units fills a meter; media controls are toggles.
    expect(read("a storage meter showing 45 GB of 100 GB used").parts).toEqual([
      { kind: "meter", value: 45, label: "Storage" },
    ])
    expect(read("a video player with play, mute and fullscreen").parts.map((part) => part.value)).toEqual([
      "Play",
      "Mute",
      "Fullscreen",
    ])
  })

  it("reads what the thing is for, named after its name, as its subject", () => {
    expect(read("a book card for Dune by Frank Herbert with a Borrow button").parts).toEqual([
      { kind: "text", value: "Dune by Frank Herbert" },
      { kind: "button", value: "Borrow", action: "press" },
    ])
    expect(read("an update banner for version v3.2 with an Update now button").parts).toEqual([
      { kind: "values", value: [{ label: "Version", value: "v3.2" }] },
      { kind: "button", value: "Update now", action: "press" },
    ])
    expect(read("a flight card from LHR to JFK").parts).toEqual([{ kind: "text", value: "LHR to JFK" }])
    // A common noun is no subject of its own.
    expect(read("a dashboard for my team with a Refresh button").parts).toEqual([
      { kind: "button", value: "Refresh", action: "press" },
    ])
  })

  it("reads a choice of one among named options as a radio group", () => {
    expect(read("a plan picker to choose between Monthly and Yearly").parts).toEqual([
      { kind: "input", value: "Choose one", type: "radio", options: ["Monthly", "Yearly"] },
    ])
    expect(
      read("a billing card that lets you pick one of Free, Pro or Team, and a Subscribe button").parts,
    ).toEqual([
      { kind: "input", value: "Pick one", type: "radio", options: ["Free", "Pro", "Team"] },
      { kind: "button", value: "Subscribe", action: "submit" },
    ])
    expect(read("a feedback form with a size radio group for Small, Medium and Large").parts).toEqual([
      { kind: "input", value: "Size", type: "radio", options: ["Small", "Medium", "Large"] },
    ])
    expect(
      read("a poll asking 'Which framework?' with options React, Vue and Svelte and a Vote button"),
    ).toMatchObject({
      parts: [
        { kind: "text", value: "Which framework?" },
        { kind: "input", value: "Options", type: "radio", options: ["React", "Vue", "Svelte"] },
        { kind: "button", value: "Vote", action: "count" },
      ],
      unplaced: [],
    })
    expect(read("a review card with five stars").parts).toEqual([
      {
        kind: "input",
        value: "Rating",
        type: "radio",
        options: ["1 star", "2 stars", "3 stars", "4 stars", "5 stars"],
      },
    ])
  })

  it("reads a number of a plural thing as that many, each named by its number", () => {
    expect(read("a dashboard with 3 cards and a Refresh button").parts).toEqual([
      { kind: "list", value: ["Card 1", "Card 2", "Card 3"], label: "Cards" },
      { kind: "button", value: "Refresh", action: "press" },
    ])
    expect(read("a gallery with four tiles").parts[0]).toMatchObject({
      value: ["Tile 1", "Tile 2", "Tile 3", "Tile 4"],
    })
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

  it("reads a labelled link as a pressable part that never counts", () => {
    expect(read("a promo strip: 'Spring sale' with a Find out more link")).toMatchObject({
      parts: [
        { kind: "text", value: "Spring sale" },
        { kind: "button", value: "Find out more", action: "press" },
      ],
      unplaced: [],
    })
    expect(read("a site footer with Privacy and Terms links").parts).toEqual([
      { kind: "button", value: "Privacy", action: "press" },
      { kind: "button", value: "Terms", action: "press" },
    ])
  })

  it("never reads a clause that names a control as a labelled value", () => {
    const { parts } = read("an alert strip showing 'Sync paused' and a Read more link and a Retry button")
    expect(parts.some((part) => part.kind === "values")).toBe(false)
    expect(parts).toContainEqual({ kind: "button", value: "Read more", action: "press" })
    expect(parts).toContainEqual({ kind: "button", value: "Retry", action: "press" })
  })

  it("reads a share stated for a progress bar or meter as its value, not a row of values", () => {
    expect(read("an upload progress bar showing 65% uploaded").parts).toEqual([
      { kind: "progress", value: 65, label: "Upload progress" },
    ])
    expect(read("a quiz panel with a progress bar showing 6 of 8 questions").parts).toEqual([
      { kind: "progress", value: 75, label: "Progress", of: { total: 8, unit: "questions" } },
    ])
  })

  it("reads a share stated as N of M inside the progress clause, and keeps its words to show", () => {
    expect(read("an onboarding progress bar at 3 of 4 steps done").parts).toEqual([
      { kind: "progress", value: 75, label: "Onboarding progress", of: { total: 4, unit: "steps done" } },
    ])
    expect(read("a download progress bar with 2 of 5 files").parts).toEqual([
      { kind: "progress", value: 40, label: "Download progress", of: { total: 5, unit: "files" } },
    ])
  })

  it("reads a progress indicator the prompt names as a progress part", () => {
    expect(read("a course progress indicator showing 4 of 5 lessons").parts).toEqual([
      { kind: "progress", value: 80, label: "Course progress", of: { total: 5, unit: "lessons" } },
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

  it("never stands the fallback card in for what a prompt names", () => {
    // The card fits when the prompt gives its words; otherwise the composer builds what is named, or says it cannot.
    expect(kindOf('a card called "Welcome back" that says "You have 3 new messages"')).toBe("content-card")
    expect(kindOf("a monthly budget card with Rent $1,500 and Food $400")).toBe("composed")
    expect(kindOf("a book card for Dune with a Borrow button")).toBe("composed")
    const { composition, notes } = interpret(CATALOGUE, "a card")
    expect(composition.recipe.kind).toBe("composed")
    expect(notes[0]).toMatch(/names no part I can build/)
  })

  it("composes when the recipe would drop a control or picture the prompt names", () => {
    // A range slider carries one slider; an OTP input has no place for a QR code or a Verify button.
    expect(
      kindOf("a reader settings panel with a font size slider, a line height slider and a Dark mode toggle"),
    ).toBe("composed")
    expect(kindOf("a 2FA setup card with a QR code image, a 6-digit code input and a Verify button")).toBe(
      "composed",
    )
    // A recipe that would drop a button the prompt names by its label is not the answer either.
    expect(kindOf("a countdown timer with a Snooze button")).toBe("composed")
    expect(kindOf("a quantity stepper with an Add to bag button")).toBe("composed")
    expect(read("a quantity stepper with an Add to bag button").parts).toEqual([
      { kind: "button", value: "Decrease quantity", action: "decrement", min: 1 },
      { kind: "button", value: "Increase quantity", action: "count", min: 1 },
      { kind: "button", value: "Add to bag", action: "press" },
    ])
    // What the recipe has a place for keeps it: the stopwatch's own buttons, the star rating's reset button, the
    // range slider alone.
    expect(kindOf("a stopwatch with Lap and Reset buttons")).toBe("stopwatch")
    expect(kindOf("a 5 star rating with a reset button")).toBe("star-rating")
    expect(kindOf("a volume slider from 0 to 100")).toBe("range-slider")
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
