import { contractSchema, type Contract } from "@studio/protocol"
import { describe, expect, it } from "vitest"
import { createFileBlockParser, parseContractAnswer } from "../parsing"
import type { GeneratorChunk, StageInput } from "../types"
import { CATALOGUE } from "./catalogue"
import { createOfflineGenerator, interpret } from "./offline-generator"

const generator = createOfflineGenerator()

async function answer(input: StageInput): Promise<{ text: string; notes: string[] }> {
  let text = ""
  const notes: string[] = []
  for await (const chunk of generator.generate(input, {}) as AsyncIterable<GeneratorChunk>) {
    if (chunk.type === "text") text += chunk.delta
    else if (chunk.type === "reasoning") notes.push(chunk.text)
  }
  return { text, notes }
}

async function contractFor(prompt: string, previous?: { prompt: string; contract: Contract }) {
  const { text, notes } = await answer({
    stage: "interpret",
    prompt,
    previous: previous && { ...previous, files: {} },
  })
  const parsed = parseContractAnswer(text)
  if (!parsed.ok) throw new Error(parsed.message)
  return { contract: parsed.contract, notes }
}

function files(text: string): Record<string, string> {
  const parser = createFileBlockParser()
  const closed: Record<string, string> = {}
  for (const event of [...parser.push(text), ...parser.end()])
    if (event.type === "file_closed") closed[event.path] = event.content
  return closed
}

describe("the offline generator", () => {
  it("names itself and never claims to be a model", () => {
    expect([generator.provider, generator.model]).toEqual(["offline", "recipes-v1"])
  })

  it("answers interpret with a valid contract carrying the prompt's specifics, and says which recipe and why", async () => {
    const { contract, notes } = await contractFor("tabs for Overview, Settings and Billing")
    expect(contractSchema.safeParse(contract).success).toBe(true)
    expect(contract.props.find((prop) => prop.name === "tabs")?.default).toBe(
      '["Overview","Settings","Billing"]',
    )
    expect(contract.requirements[0]?.text).toContain("Overview, Settings and Billing")
    expect(notes).toEqual([
      expect.stringMatching(/^Offline generator \(no model.*tabs recipe because the prompt says "tabs"/),
    ])
    // Every prop has a control for the design panel, except lists.
    for (const prop of contract.props) {
      if (!prop.type.endsWith("[]")) expect(prop.control, prop.name).toBeDefined()
    }
  })

  it("is honest when it names nothing it can build, and says how to configure a model", async () => {
    const { contract, notes } = await contractFor("a 3D globe that spins with the user's cursor")
    // No unrelated recipe stands in for it: only its heading is built, and a requirement with no test says what is not.
    expect(contract.name).not.toBe("ContentCard")
    expect(contract.requirements.at(-1)?.text).toMatch(/not built/)
    expect(notes[0]).toMatch(/names no part I can build/)
    expect(notes[0]).toMatch(/not proven/)
    expect(notes[0]).toMatch(/OPENAI_BASE_URL/)
    expect(notes[0]).toMatch(/Ollama/)
  })

  it("is deterministic: the same prompt gives the same contract and files", async () => {
    const first = await contractFor("tabs for Overview, Settings and Billing")
    const second = await contractFor("tabs for Overview, Settings and Billing")
    expect(second.contract).toEqual(first.contract)
    const scaffold = (contract: Contract) => answer({ stage: "scaffold", contract })
    expect((await scaffold(second.contract)).text).toBe((await scaffold(first.contract)).text)
  })

  it("writes the component from the contract alone, and its tests cover every requirement", async () => {
    const { contract } = await contractFor("tabs for Overview, Settings and Billing")
    const component = files((await answer({ stage: "scaffold", contract })).text)
    expect(Object.keys(component)).toEqual(["src/components/SettingsTabs.tsx"])
    expect(component["src/components/SettingsTabs.tsx"]).toContain('["Overview","Settings","Billing"]')
    const tests = files(
      (await answer({ stage: "unit_test", contract, publicInterface: "", componentPath: "" })).text,
    )["src/components/SettingsTabs.test.tsx"]!
    for (const requirement of contract.requirements) expect(tests).toContain(`it("${requirement.id}: `)
  })

  it("reads a contract edited in the design panel: new defaults flow into the component and the tests", async () => {
    const { contract } = await contractFor("tabs for Overview, Settings and Billing")
    const edited: Contract = {
      ...contract,
      props: contract.props.map((prop) =>
        prop.name === "tabs" ? { ...prop, default: '["Inbox","Archive"]' } : prop,
      ),
    }
    const component = files((await answer({ stage: "scaffold", contract: edited })).text)
    expect(component["src/components/SettingsTabs.tsx"]).toContain('["Inbox","Archive"]')
  })

  it("applies follow-up modifiers to the previous version", async () => {
    const first = await contractFor("tabs for Overview, Settings and Billing")
    const { contract, notes } = await contractFor("make it purple, dark and a bit bigger", {
      prompt: "tabs for Overview, Settings and Billing",
      contract: first.contract,
    })
    expect(contract.name).toBe("SettingsTabs")
    const defaults = Object.fromEntries(contract.props.map((prop) => [prop.name, prop.default]))
    expect(defaults).toMatchObject({
      accent: '"#9333ea"',
      dark: "true",
      size: '"lg"',
      tabs: '["Overview","Settings","Billing"]',
    })
    expect(contract.requirements.map((requirement) => requirement.text)).toEqual(
      expect.arrayContaining([
        "Uses the accent colour #9333ea for primary actions",
        "Renders on the dark theme",
      ]),
    )
    expect(notes[0]).toMatch(/changing the previous tabs, SettingsTabs: accent colour purple/)
  })

  it("says so when a follow-up asks for nothing it knows, and keeps the version as it was", async () => {
    const first = await contractFor("tabs for Overview, Settings and Billing")
    const { contract, notes } = await contractFor("hmm, could it feel more playful?", {
      prompt: "tabs for Overview, Settings and Billing",
      contract: first.contract,
    })
    expect(contract).toEqual(first.contract)
    expect(notes[0]).toMatch(/found no change I know how to make/)
    expect(notes[0]).toMatch(/OPENAI_BASE_URL/)
  })

  it("starts a new component when a follow-up names another kind", async () => {
    const first = await contractFor("tabs for Overview, Settings and Billing")
    const { contract, notes } = await contractFor('now a card titled "Hello"', {
      prompt: "tabs for Overview, Settings and Billing",
      contract: first.contract,
    })
    expect(contract.name).toBe("ContentCard")
    expect(notes[0]).toMatch(/different kind of component/)
  })

  it("reads a model-written previous version's prompt together with the new one", () => {
    const llmContract = contractSchema.parse({
      name: "FancyWidget",
      summary: "",
      props: [],
      requirements: [],
    })
    const { composition, notes } = interpret(CATALOGUE, "make it blue", {
      prompt: "tabs for Home and Away",
      contract: llmContract,
      files: {},
    })
    expect(composition.recipe.kind).toBe("tabs")
    expect(composition.context.values).toMatchObject({ tabs: ["Home", "Away"], accent: "#2563eb" })
    expect(notes[0]).toMatch(/not written by the offline generator/)
  })

  it("writes nothing for a contract it has no recipe for, and says why", async () => {
    const contract = contractSchema.parse({ name: "FancyWidget", summary: "", props: [], requirements: [] })
    const { text, notes } = await answer({ stage: "scaffold", contract })
    expect(text).toBe("")
    expect(notes[0]).toMatch(/no recipe named FancyWidget/)
  })

  it("repairs by writing the recipe's own implementation again, and says that is all it can do", async () => {
    const { contract } = await contractFor("tabs for Overview, Settings and Billing")
    const { text, notes } = await answer({
      stage: "repair",
      contract,
      files: { "src/components/SettingsTabs.tsx": "export default function SettingsTabs() { return null }" },
      failingTests: [],
      diagnostics: [],
      attempt: 1,
    })
    expect(notes[0]).toMatch(/cannot reason about a failure/)
    expect(files(text)["src/components/SettingsTabs.tsx"]).toContain("TabsTrigger")
  })

  it("stops at once when cancelled", async () => {
    const controller = new AbortController()
    controller.abort()
    const iterator = generator.generate({ stage: "interpret", prompt: "tabs" }, { signal: controller.signal })
    await expect(
      (async () => {
        for await (const chunk of iterator) void chunk
      })(),
    ).rejects.toThrow()
  })

  it("has a unique component name for every recipe", () => {
    const names = CATALOGUE.flatMap((recipe) => recipe.names)
    expect(new Set(names).size).toBe(names.length)
    expect(new Set(CATALOGUE.map((recipe) => recipe.kind)).size).toBe(CATALOGUE.length)
  })
})
