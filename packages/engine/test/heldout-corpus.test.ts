// The held-out corpus (`npm run test:heldout`): prompts for things no offline recipe was written for, each run
// through the real pipeline with the offline generator. A run counts when it is proven and its preview, rendered
// from the same esbuild bundle the studio shows, carries every part the prompt names. Vitest's pass count is the
// corpus's pass rate.
import { getQueriesForElement } from "@testing-library/dom"
import { Window } from "happy-dom"
import { describe, expect, it } from "vitest"
import { collectRun } from "../src/pipeline"
import { HELD_OUT } from "./heldout/prompts"
import type { HeldOutPart } from "./heldout/types"
import { useOfflineEngine } from "./support/offline-engine"

const engine = useOfflineEngine("heldout")

const anyOf = (value: string | readonly string[]): readonly string[] =>
  typeof value === "string" ? [value] : value
const contains = (text: string, wanted: readonly string[]): boolean =>
  wanted.some((one) => text.toLowerCase().includes(one.toLowerCase()))

/** Renders the preview bundle in a fresh window, as the studio's preview frame does, and reads it. */
async function withPreview<T>(bundle: string, read: (root: HTMLElement, text: string) => T): Promise<T> {
  const window = new Window({
    settings: { enableJavaScriptEvaluation: true, suppressInsecureJavaScriptEnvironmentWarning: true },
  })
  try {
    window.document.body.innerHTML = '<div id="root"></div>'
    window.eval(bundle)
    await new Promise((resolve) => setTimeout(resolve, 50))
    await window.happyDOM.waitUntilComplete()
    const root = window.document.getElementById("root")
    // happy-dom's element is the DOM element Testing Library queries; this package is typed without the DOM lib.
    return read(root as unknown as HTMLElement, root?.textContent ?? "")
  } finally {
    await window.happyDOM.close()
  }
}

/** The parts the rendered root does not carry, each described as the corpus states it. */
function missingParts(root: HTMLElement, visibleText: string, parts: readonly HeldOutPart[]): string[] {
  const screen = getQueriesForElement(root)
  return parts.flatMap((part) => {
    if ("text" in part)
      return contains(visibleText, anyOf(part.text)) ? [] : [`text ${JSON.stringify(part.text)}`]
    if ("label" in part) {
      const labels = anyOf(part.label)
      const found = labels.some(
        (label) => screen.queryAllByLabelText(new RegExp(escapeRegExp(label), "i")).length > 0,
      )
      return found ? [] : [`a control labelled ${JSON.stringify(part.label)}`]
    }
    const roles = typeof part.role === "string" ? [part.role] : part.role
    const names = part.name === undefined ? undefined : anyOf(part.name)
    // Testing Library computes the accessible name (aria-label, labelledby, <label>, alt, content) for the match.
    const matching = roles.flatMap((role) =>
      screen.queryAllByRole(role, names === undefined ? {} : { name: (name) => contains(name, names) }),
    )
    return matching.length >= (part.min ?? 1)
      ? []
      : [`${part.min ?? 1}× ${roles.join("|")} ${names ?? ""}`.trim()]
  })
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
}

describe("the held-out corpus", () => {
  it("has at least 60 prompts", () => {
    expect(HELD_OUT.length).toBeGreaterThanOrEqual(60)
  })

  it.concurrent.each(HELD_OUT.map((entry) => ({ ...entry, title: entry.prompt })))(
    "$title",
    async ({ prompt, parts }) => {
      const { outcome, events } = await collectRun(engine().run({ prompt }))
      const finished = events.at(-1)
      expect(finished).toMatchObject({ type: "run_finished", verdict: "proven" })
      const build = await engine().toolchain.runPlugin("esbuild", { files: outcome.files })
      expect(build.diagnostics.filter((diagnostic) => diagnostic.severity === "error")).toEqual([])
      const missing = await withPreview(build.artifacts?.bundle ?? "", (root, text) =>
        missingParts(root, text, parts),
      )
      expect(missing).toEqual([])
    },
    180_000,
  )
})
