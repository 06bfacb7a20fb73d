import { describe, expect, it } from "vitest"
import { CATALOGUE, interpret } from ".."
import { contractOf } from "../compose"
import type { PreviousVersion } from "../../types"

/** A prompt and its follow-ups, each on the version before it, as the studio sends them. */
function converse(prompt: string, ...followUps: string[]) {
  let version = interpret(CATALOGUE, prompt)
  let previous: PreviousVersion = { prompt, contract: contractOf(version.composition), files: {} }
  const steps = []
  for (const followUp of followUps) {
    version = interpret(CATALOGUE, followUp, previous)
    const contract = contractOf(version.composition)
    steps.push({ note: version.notes.join(" "), contract, texts: contract.requirements.map((r) => r.text) })
    previous = { prompt: followUp, contract, files: {} }
  }
  return steps
}

const BANNER = "a cookie consent banner with Accept all and Reject buttons"

describe("follow-ups on a composed component", () => {
  it("adds a named part with its requirement, and keeps the name and the other parts", () => {
    const [added] = converse(BANNER, "add a Settings button and a terms checkbox")
    expect(added!.contract.name).toBe("CookieConsentBanner")
    expect(added!.note).toMatch(/added a "Settings" button and a "Terms" checkbox input/)
    expect(added!.texts).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/"Accept all"/),
        expect.stringMatching(/"Reject"/),
        expect.stringMatching(/"Settings"/),
        expect.stringMatching(/"Terms" checkbox/),
      ]),
    )
  })

  it("adds a minus button that lowers the counter's count, and a plus button by its label", () => {
    const [minus] = converse("a counter with a plus button", "add a minus button")
    expect(minus!.note).toMatch(/added a "Minus" button/)
    expect(minus!.texts).toContain('Each press of "Minus" takes one from the "Plus" count')
    const [plus] = converse(BANNER, "add a plus button")
    expect(plus!.note).toMatch(/added a "Plus" button/)
  })

  it("adds a radio group and removes labelled values by their kind", () => {
    const [added] = converse(BANNER, "add a billing radio group for Monthly and Yearly")
    expect(added!.note).toMatch(/added a "Billing" radio group/)
    expect(added!.texts).toContain(
      'A "Billing" radio group of Monthly and Yearly, none chosen at first; choosing one unchooses the rest',
    )
    const [removed] = converse(
      "a weather card showing the humidity, wind speed and UV index, with a Refresh button",
      "remove the values",
    )
    expect(removed!.note).toMatch(/removed the values Humidity, Wind speed and UV index/)
    expect(removed!.texts.join("\n")).not.toMatch(/Humidity/)
    expect(removed!.texts.join("\n")).toMatch(/"Refresh"/)
  })

  it("removes the part it names by its label or by its kind, and nothing else", () => {
    const [byLabel, byKind] = converse(
      "a music player with play/pause, next track and a progress bar",
      "remove the Next track button",
      "without the progress bar",
    )
    expect(byLabel!.note).toMatch(/removed a "Next track" button/)
    expect(byLabel!.texts.join("\n")).not.toMatch(/Next track/)
    expect(byLabel!.texts.join("\n")).toMatch(/progress bar/)
    expect(byKind!.note).toMatch(/removed a progress bar/)
    expect(byKind!.texts.join("\n")).not.toMatch(/progress/)
    expect(byKind!.texts.join("\n")).toMatch(/"Play\/pause"/)
  })

  it("renames a label and the heading; the tests' requirements follow the new words", () => {
    const [renamed, retitled] = converse(BANNER, "rename Accept all to Allow all", 'call it "Your privacy"')
    expect(renamed!.note).toMatch(/an "Accept all" button is now "Allow all"/)
    expect(renamed!.texts.join("\n")).toMatch(/Pressing "Allow all"/)
    expect(renamed!.texts.join("\n")).not.toMatch(/Accept all/)
    expect(retitled!.texts[0]).toBe('Shows the heading "Your privacy"')
    expect(retitled!.texts.join("\n")).toMatch(/Allow all/)
  })

  it("refuses what it cannot do and says so, changing nothing", () => {
    const [unknown, ambiguous] = converse(BANNER, "remove the Banana button", "remove the button")
    expect(unknown!.note).toMatch(/Not done: there is no Banana button to remove/)
    expect(ambiguous!.note).toMatch(/could be more than one part, so I removed none/)
    for (const step of [unknown!, ambiguous!]) {
      expect(step.texts.join("\n")).toMatch(/Accept all/)
      expect(step.texts.join("\n")).toMatch(/Reject/)
    }
  })

  it("keeps the look through a change of parts, and changes the look without touching the parts", () => {
    const [dark, added] = converse(BANNER, "make it dark and purple", "add a Settings button")
    expect(dark!.texts.join("\n")).toMatch(/dark theme/)
    expect(added!.texts.join("\n")).toMatch(/dark theme/)
    expect(added!.texts.join("\n")).toMatch(/accent colour/)
    expect(added!.texts.join("\n")).toMatch(/"Settings"/)
    const [colour] = converse(BANNER, "change the colour to red")
    expect(colour!.note).not.toMatch(/Not done/)
    expect(colour!.texts.join("\n")).toMatch(/Reject/)
  })
})
