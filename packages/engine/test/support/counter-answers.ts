// Recorded model answers for a small Counter: the contract, the component (with a step that can be made wrong) and
// its tests, in the model output format of DESIGN.md. Shared by the pipeline and the CLI tests.
import type { Contract } from "@studio/protocol"

export const contract: Contract = {
  name: "Counter",
  summary: "A counter with an increment button.",
  props: [{ name: "initial", type: "number", required: false, default: "0", control: "number" }],
  requirements: [
    { id: "R1", text: "Shows the initial count" },
    { id: "R2", text: "The Increment button adds one" },
  ],
}
export const fence = "```"
export const component = (step: number) => `Here is the component.
${fence}tsx file="src/components/Counter.tsx"
import { useState } from "react"

export interface CounterProps {
  initial?: number
}

export default function Counter({ initial = 0 }: CounterProps) {
  const [count, setCount] = useState(initial)
  return (
    <div>
      <p>Count: {count}</p>
      <button type="button" onClick={() => setCount(count + ${step})}>
        Increment
      </button>
    </div>
  )
}
${fence}
`
export const tests = `${fence}tsx file="src/components/Counter.test.tsx"
import { describe, it, expect } from "vitest"
import { render, screen } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import Counter from "./Counter"

describe("Counter", () => {
  it("R1: shows the initial count", () => {
    render(<Counter initial={3} />)
    expect(screen.getByText("Count: 3")).toBeInTheDocument()
  })
  it("R2: the Increment button adds one", async () => {
    const user = userEvent.setup()
    render(<Counter />)
    await user.click(screen.getByRole("button", { name: "Increment" }))
    expect(screen.getByText("Count: 1")).toBeInTheDocument()
  })
})
${fence}
`
