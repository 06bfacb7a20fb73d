import { render, screen } from "@testing-library/react"
import type * as Motion from "motion/react"
import type * as RunCardModule from "./run-card"
import { beforeAll, describe, expect, it, vi } from "vitest"
import { FIXTURE_START, failingRunEvents, foldEvents } from "./run-fixtures"

vi.mock("motion/react", async (importOriginal) => ({
  ...(await importOriginal<typeof Motion>()),
  useReducedMotion: () => true,
}))

// Web test files share workers (isolate: false), so motion may already be loaded unmocked: the run card is imported
// afresh, after the mock, for this file.
let RunCard: typeof RunCardModule.RunCard
beforeAll(async () => {
  vi.resetModules()
  ;({ RunCard } = await import("./run-card"))
})

describe("with reduced motion", () => {
  it("shows everything in place at once, with nothing faded or moving in", () => {
    const { container } = render(<RunCard view={foldEvents(failingRunEvents())} now={FIXTURE_START} />)
    const animated = [...container.querySelectorAll<HTMLElement>("[style]")].filter((element) =>
      /opacity: 0|translateY|translateX\(-?4px\)|scale\(0/.test(element.style.cssText),
    )
    expect(animated).toEqual([])
    expect(screen.getByRole("listitem", { name: "R3 unmet: Toggles annual prices" })).toBeVisible()
  })
})
