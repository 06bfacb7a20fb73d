// The offline composer's proof: prompts no recipe fits, written for this file (not the held-out corpus), each run
// through the real pipeline (format, lint, type-check, tests and the accessibility check in the sandbox). Each run
// must be proven first time and carry every part the prompt names; a prompt naming nothing buildable must not be.
import { evaluateRequirements } from "@studio/protocol"
import { describe, expect, it } from "vitest"
import { collectRun } from "../src/pipeline"
import { runProblems, useOfflineEngine } from "./support/offline-engine"

const engine = useOfflineEngine("composer-pipeline")

/** A prompt, and what its component must carry: each as a fragment of a requirement and of a passing test's name. */
const PROMPTS: { prompt: string; parts: string[] }[] = [
  {
    prompt: "a music player with play/pause, next track and a progress bar",
    parts: ["Play/pause", "Next track", "progress bar"],
  },
  { prompt: "a cookie consent banner with Accept all and Reject buttons", parts: ["Accept all", "Reject"] },
  // A share stated as a count out of a total is shown in those words beside the bar.
  { prompt: "a course progress indicator showing 4 of 5 lessons", parts: ["4 of 5 lessons"] },
  {
    prompt: "an invoice with line items, quantities, a subtotal, 8% tax and a total",
    parts: ["line item", "subtotal", "8%", "total"],
  },
  {
    prompt: "A password strength meter under a password input",
    parts: ["Password strength", "password input"],
  },
  { prompt: "a notification bell with an unread count badge and a dropdown list", parts: ["unread", "list"] },
  {
    prompt: "a weather widget showing the temperature in Paris and a 5-day forecast",
    parts: ["Temperature in Paris", "5-day forecast"],
  },
  {
    prompt: "a bug report panel with a steps textarea, a severity slider and a Send button",
    parts: ["Steps", "Severity", "Send"],
  },
  {
    prompt: "a recipe card with a photo of the dish, the chef's avatar and a Copy link button",
    parts: ["Photo of the dish", "Chef's avatar", "Copy link"],
  },
  { prompt: "an onboarding guide with 4 steps and a Skip button", parts: ["Step 1", "Skip"] },
  {
    prompt: "a tea brewing widget with a 3 minute timer and a strength slider",
    parts: ["3:00", "Pause", "Strength"],
  },
  {
    prompt: 'a shift planner with a table of "Day", "Start" and "End" columns and a Publish button',
    parts: ["Day", "Start", "End", "Publish"],
  },
  {
    prompt: "a recipe viewer with a cover photo and tabs for Ingredients, Method and Notes",
    parts: ["Cover photo", "Ingredients", "Method", "Notes"],
  },
  {
    prompt:
      'a shipping estimator with a country select offering "France", "Spain" and "Italy" and a Calculate button',
    parts: ["Country", "Italy", "Calculate"],
  },
  {
    prompt: 'a project history with a timeline of "Kickoff", "Beta" and "Launch"',
    parts: ["Kickoff", "Launch"],
  },
  {
    prompt:
      "a conference badge printer with an attendee name field, a vegetarian checkbox and a Print button",
    parts: ["Attendee name", "Vegetarian", "Print"],
  },
  // "plus" as a label, and a minus button that lowers the count (not below a stated minimum).
  {
    prompt: "a counter with a plus button and a minus button",
    parts: ['"Plus" adds one', '"Minus" takes one from the "Plus" count'],
  },
  {
    prompt: "a score keeper with a count, a plus button and a minus button that never goes below 0",
    parts: ['"Plus"', '"Minus" takes one from the "Plus" count, never below 0'],
  },
  { prompt: "a share card with a Share button plus a Save button", parts: ['"Share"', '"Save"'] },
  {
    prompt: "an announcement banner with a title plus a Learn more button",
    parts: ['heading "Announcement banner"', '"Learn more"'],
  },
  {
    prompt: "a counter with + and - buttons that never goes below 0",
    parts: ['"+" adds one', '"-" takes one from the "+" count, never below 0'],
  },
  {
    prompt: "a stock ticker showing the price, the change and the volume, plus a Watch button",
    parts: ["Price, Change and Volume", '"Watch"'],
  },
  {
    prompt: "a thermostat showing 21°C, with a plus and a minus button",
    parts: ["21°C", '"Minus" takes one from the "Plus" count'],
  },
  // Labelled values, radio groups, repeated parts: prompts written for these rules (banners, widgets, summaries,
  // trackers, settings panels, polls).
  {
    prompt: "a battery widget showing 72% battery and a Low power mode switch",
    parts: ["Battery: 72%", '"Low power mode" switch'],
  },
  {
    prompt: "a weather card showing the humidity, wind speed and UV index, with a Refresh button",
    parts: ["Humidity, Wind speed and UV index", "Refresh"],
  },
  {
    prompt: "a run summary showing 5 km distance, 320 calories and a heart rate of 142 bpm",
    parts: ["Distance: 5 km", "Calories: 320", "Heart rate: 142 bpm"],
  },
  {
    prompt: "a plan picker to choose between Monthly and Yearly, and a Subscribe button",
    parts: ["radio group of Monthly and Yearly", "Subscribe"],
  },
  {
    prompt:
      "a poll asking 'Which framework do you use?' with options React, Vue and Svelte and a Vote button",
    parts: ["Which framework do you use?", "React, Vue and Svelte", '"Vote"'],
  },
  { prompt: "a review card with five stars and a Post review button", parts: ["5 stars", "Post review"] },
  {
    prompt: "a habit tracker showing a 12 day streak, with a Done today checkbox",
    parts: ["Day streak: 12", '"Done today" checkbox'],
  },
  {
    prompt:
      "a settings panel with a Notifications switch, a theme radio group for Light, Dark and System, and a Save button",
    parts: ["Notifications", '"Theme" radio group of Light, Dark and System', "Save"],
  },
  {
    prompt: "a maintenance banner showing the downtime at 22:00 plus a Dismiss button",
    parts: ["Downtime: 22:00", "Dismiss"],
  },
  {
    prompt: "a dashboard with 3 cards and a Refresh button",
    parts: ["Card 1, Card 2 and Card 3", "Refresh"],
  },
  {
    prompt: "a ticket picker with a plus button, a minus button and a Book button, with a minimum of 1",
    parts: ['"Plus" adds one', '"Minus" takes one from the "Plus" count, never below 1', "Book"],
  },
  // The first prompts a new user types.
  { prompt: "a counter", parts: ["Increment"] },
  { prompt: "a toggle switch", parts: ['Enabled" switch'] },
]

describe("the offline composer, through the whole pipeline", () => {
  it.concurrent.each(PROMPTS)("$prompt", async ({ prompt, parts }) => {
    const result = await collectRun(engine().run({ prompt }))
    const { outcome, events } = result
    expect(runProblems(result)).toEqual({ diagnostics: [], failing: [] })
    expect(events.at(-1)).toMatchObject({
      type: "run_finished",
      success: true,
      verdict: "proven",
      metrics: { repairAttempts: 0 },
    })
    const notes = events.flatMap((event) => (event.type === "reasoning_step" ? [event.text] : []))
    expect(notes.some((text) => /composing from the kit's parts/.test(text))).toBe(true)
    const contract = outcome.contract!
    expect(contract.name).not.toBe("ContentCard")
    const statuses = evaluateRequirements(contract.requirements, outcome.tests)
    expect(statuses.filter((status) => !status.met).map((status) => status.id)).toEqual([])
    // Each named part has a requirement in the prompt's words, proven by a passing test in the sandbox.
    const proven = outcome.tests
      .filter((test) => test.status === "pass")
      .map((test) => test.name.toLowerCase())
    for (const part of parts) {
      const requirement = contract.requirements.find((r) => r.text.toLowerCase().includes(part.toLowerCase()))
      expect(requirement, `a requirement naming "${part}"`).toBeDefined()
      expect(proven.some((name) => name.startsWith(`${requirement!.id.toLowerCase()}:`))).toBe(true)
    }
  })

  it("does not present a prompt that names nothing buildable as proven", async () => {
    const { outcome, events } = await collectRun(engine().run({ prompt: "a haiku about autumn" }))
    const finished = events.at(-1)
    expect(finished).toMatchObject({ type: "run_finished", success: false, verdict: "unverified" })
    const notes = events.flatMap((event) => (event.type === "reasoning_step" ? [event.text] : []))
    expect(notes.some((text) => /names no part I can build/.test(text))).toBe(true)
    expect(outcome.contract?.requirements.at(-1)?.text).toMatch(/not built.*"a haiku about autumn"/)
  })

  it("applies a follow-up to a composed component: dark, a colour, and keeps its parts", async () => {
    const prompt = "a cookie consent banner with Accept all and Reject buttons"
    const first = await collectRun(engine().run({ prompt }))
    const contract = first.outcome.contract!
    const next = await collectRun(
      engine().run({
        prompt: "make it dark and purple",
        previous: { prompt, contract, files: first.outcome.files },
      }),
    )
    expect(next.events.at(-1)).toMatchObject({ type: "run_finished", success: true, verdict: "proven" })
    expect(next.outcome.contract?.name).toBe(contract.name)
    const texts = next.outcome.contract!.requirements.map((r) => r.text).join("\n")
    expect(texts).toMatch(/Accept all/)
    expect(texts).toMatch(/dark theme/)
    expect(texts).toMatch(/accent colour/)
  })

  it("applies a follow-up that adds, removes and renames parts; the new version is proven", async () => {
    const prompt = "a cookie consent banner with Accept all and Reject buttons"
    const first = await collectRun(engine().run({ prompt }))
    const next = await collectRun(
      engine().run({
        prompt:
          "remove the Reject button, add a Settings button and a terms checkbox, and rename Accept all to Allow all",
        previous: { prompt, contract: first.outcome.contract!, files: first.outcome.files },
      }),
    )
    const failing = next.outcome.tests.filter((test) => test.status !== "pass").map((test) => test.name)
    expect(failing).toEqual([])
    expect(next.events.at(-1)).toMatchObject({ type: "run_finished", success: true, verdict: "proven" })
    const texts = next.outcome.contract!.requirements.map((r) => r.text).join("\n")
    expect(texts).not.toMatch(/Reject|Accept all/)
    expect(texts).toMatch(/"Allow all"/)
    expect(texts).toMatch(/"Settings"/)
    expect(texts).toMatch(/"Terms" checkbox/)
    const component = Object.entries(next.outcome.files).find(([file]) =>
      file.endsWith("CookieConsentBanner.tsx"),
    )
    expect(component?.[1]).toMatch(/Allow all/)
    expect(component?.[1]).not.toMatch(/Reject/)
  })
})
