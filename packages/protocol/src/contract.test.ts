import { describe, it, expect } from "vitest"
import { z } from "zod"
import { AGENT_STAGES, agentStageSchema, contractSchema } from "./contract"
import type { Contract } from "./contract"

const counter: Contract = {
  name: "Counter",
  summary: "A button that counts clicks.",
  props: [
    { name: "initial", type: "number", required: false, default: "0", control: "number" },
    { name: "size", type: '"sm" | "lg"', required: false, control: "select", options: ["sm", "lg"] },
  ],
  requirements: [
    { id: "R1", text: "Shows the initial count." },
    { id: "R2", text: "Increments on click." },
  ],
}

function issuesOf(data: unknown): string[] {
  const result = contractSchema.safeParse(data)
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`)
}

describe("contractSchema", () => {
  it("accepts a valid contract", () => {
    expect(contractSchema.parse(counter)).toEqual(counter)
  })

  it("tolerates unknown extra fields", () => {
    expect(contractSchema.safeParse({ ...counter, author: "model" }).success).toBe(true)
  })

  it("rejects missing required fields", () => {
    const { requirements: _requirements, ...withoutRequirements } = counter
    expect(issuesOf(withoutRequirements)).toEqual([expect.stringMatching(/^requirements: /)])
  })

  it("requires a PascalCase name", () => {
    expect(issuesOf({ ...counter, name: "counter" })).toEqual([expect.stringContaining("PascalCase")])
    expect(issuesOf({ ...counter, name: "Pricing Table" })).toHaveLength(1)
  })

  it("requires prop names to be identifiers and not keywords", () => {
    const withProp = (name: string) => ({ ...counter, props: [{ name, type: "string", required: true }] })
    expect(issuesOf(withProp("on-click"))).toEqual([expect.stringContaining("valid JavaScript identifier")])
    expect(issuesOf(withProp("default"))).toEqual([expect.stringContaining("reserved word")])
    expect(issuesOf(withProp("$value_2"))).toEqual([])
  })

  it("rejects unknown controls", () => {
    expect(
      issuesOf({ ...counter, props: [{ name: "x", type: "string", required: true, control: "slider" }] }),
    ).toHaveLength(1)
  })

  it("checks requirement ids and text", () => {
    expect(issuesOf({ ...counter, requirements: [{ id: "1", text: "x" }] })).toEqual([
      expect.stringContaining('look like "R1"'),
    ])
    expect(issuesOf({ ...counter, requirements: [{ id: "R1", text: "   " }] })).toEqual([
      expect.stringContaining("must not be empty"),
    ])
  })

  it("reports duplicate requirement ids and prop names with their position", () => {
    const duplicated = {
      ...counter,
      props: [...counter.props, { name: "initial", type: "number", required: true }],
      requirements: [...counter.requirements, { id: "R1", text: "Again." }],
    }
    expect(issuesOf(duplicated)).toEqual([
      'props.2.name: duplicate prop name "initial"',
      'requirements.2.id: duplicate requirement id "R1"',
    ])
    const result = contractSchema.safeParse(duplicated)
    expect(result.success || z.prettifyError(result.error)).toContain('duplicate prop name "initial"')
  })
})

describe("agentStageSchema", () => {
  it("accepts every stage, in pipeline order, and nothing else", () => {
    expect(AGENT_STAGES).toEqual(["interpret", "scaffold", "unit_test", "execute", "repair", "report"])
    for (const stage of AGENT_STAGES) expect(agentStageSchema.parse(stage)).toBe(stage)
    expect(agentStageSchema.safeParse("deploy").success).toBe(false)
  })
})
