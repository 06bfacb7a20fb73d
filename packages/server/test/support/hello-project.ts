import type { Generator } from "@studio/engine"
import type { Contract } from "@studio/protocol"

/** A model stand-in whose answer is refused at once (no contract), so an accepted run ends in milliseconds. */
export const refusingModel: Generator = {
  provider: "test",
  model: "refuses",
  async *generate() {
    yield { type: "text", delta: "no contract here" }
  },
}

/** A one-requirement component and its passing test, to store as a version without running a generation. */
export const helloContract: Contract = {
  name: "Hello",
  summary: "Says hello.",
  props: [],
  requirements: [{ id: "R1", text: "Says hello" }],
}

export const helloFiles: Record<string, string> = {
  "src/components/Hello.tsx": "export default function Hello() {\n  return <p>Hello</p>\n}\n",
  "src/components/Hello.test.tsx": `import { it, expect } from "vitest"
import { render, screen } from "@testing-library/react"
import Hello from "./Hello"

it("R1: says hello", () => {
  render(<Hello />)
  expect(screen.getByText("Hello")).toBeInTheDocument()
})
`,
}
