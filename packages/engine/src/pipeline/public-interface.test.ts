import { describe, expect, it } from "vitest"
import { extractPublicInterface } from "./public-interface"

const component = `import { useState } from "react"
import { Button } from "@/components/ui/button"

export interface CounterProps {
  /** Where counting starts. */
  initial?: number
  label?: string
}

const SECRET_STEP = 1

export default function Counter({ initial = 0, label = "Count" }: CounterProps) {
  const [count, setCount] = useState(initial)
  return <Button onClick={() => setCount(count + SECRET_STEP)}>{label}: {count}</Button>
}
`

describe("extractPublicInterface", () => {
  it("keeps imports, exported types and the component's signature, and drops every body", () => {
    const text = extractPublicInterface(component, "Counter.tsx")
    expect(text).toContain("export interface CounterProps {")
    expect(text).toContain("initial?: number")
    expect(text).toContain('export default function Counter({ initial = 0, label = "Count" }: CounterProps)')
    expect(text).toContain('import { Button } from "@/components/ui/button"')
    expect(text).not.toContain("useState(initial)")
    expect(text).not.toContain("SECRET_STEP")
  })

  it("gives exported constants by name and type only", () => {
    const text = extractPublicInterface(
      `export const Card = ({ title }: { title: string }) => <div>{title}</div>\nexport default Card\n`,
      "Card.tsx",
    )
    expect(text).toBe("export declare const Card\nexport default Card")
  })
})
