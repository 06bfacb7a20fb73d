import { describe, it, expect } from "vitest"
import type { Contract } from "@studio/protocol"
import { findJsonObjects, parseContractAnswer } from "./contract-json"

const contract: Contract = {
  name: "Counter",
  summary: "A button that counts clicks {and shows them}.",
  props: [{ name: "initial", type: "number", required: false, default: "0", control: "number" }],
  requirements: [{ id: "R1", text: 'Shows "Count: {n}" with a \\ backslash.' }],
}
const json = JSON.stringify(contract, null, 2)

describe("parseContractAnswer", () => {
  it("parses bare JSON", () => {
    expect(parseContractAnswer(json)).toEqual({ ok: true, contract })
  })

  it("parses a ```json fenced block", () => {
    expect(parseContractAnswer("```json\n" + json + "\n```")).toEqual({ ok: true, contract })
  })

  it("parses JSON with prose before and after", () => {
    const text = `Here is the contract:\n\n${json}\n\nLet me know if {anything} should change.`
    expect(parseContractAnswer(text)).toEqual({ ok: true, contract })
  })

  it("skips brace-y prose that is not JSON before the object", () => {
    const text = `I read {the prompt} as follows:\n\`\`\`json\n${json}\n\`\`\``
    expect(parseContractAnswer(text)).toEqual({ ok: true, contract })
  })

  it("respects braces, quotes and escapes inside strings", () => {
    const tricky = { ...contract, summary: 'Ends with a quote \\" and braces }}} {{' }
    expect(parseContractAnswer(`x ${JSON.stringify(tricky)} y`)).toEqual({ ok: true, contract: tricky })
  })

  it("reports JSON that cannot be read even leniently", () => {
    const result = parseContractAnswer('{ "name": "Counter" "summary" }')
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.message).toMatch(/not valid JSON/)
  })

  it("reads trailing commas, comments, single quotes and unquoted keys, then validates", () => {
    const loose = `{
      // the component
      name: 'Counter',
      "summary": "A button that counts clicks {and shows them}.", /* braces in a string */
      "props": [{ "name": "initial", "type": "number", "required": false, "default": "0", "control": "number", },],
      "requirements": [{ "id": "R1", "text": 'Shows "Count: {n}" with a \\\\ backslash.' },],
    }`
    expect(parseContractAnswer(`Here it is:\n\`\`\`json\n${loose}\n\`\`\`\nDone.`)).toEqual({
      ok: true,
      contract,
    })
    const invalid = parseContractAnswer("{ name: 'counter', summary: '', props: [], requirements: [], }")
    expect(invalid.ok).toBe(false)
    if (!invalid.ok) expect(invalid.message).toMatch(/PascalCase/)
  })

  it("unwraps a contract given under one key and reads a numeric default as its expression", () => {
    const numeric = { ...contract, props: [{ ...contract.props[0]!, default: 0 }] }
    expect(parseContractAnswer(JSON.stringify({ contract: numeric }))).toEqual({ ok: true, contract })
  })

  it("reports a hostile field as a schema failure instead of throwing", () => {
    // JSON can spell an object whose length zod's string checks cannot compare ({ "toString": "" } is no function).
    const hostile = JSON.stringify({
      ...contract,
      requirements: [{ id: "R1", text: { length: { toString: "" } } }],
    })
    const answer = parseContractAnswer(hostile)
    expect(answer.ok).toBe(false)
    if (!answer.ok) expect(answer.message).toContain("a field has the wrong type")
  })

  it("reports a schema failure naming the field", () => {
    const result = parseContractAnswer(JSON.stringify({ ...contract, name: "counter" }))
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.message).toMatch(/contract is not valid/)
      expect(result.message).toMatch(/name/)
      expect(result.message).toMatch(/PascalCase/)
    }
    const nested = parseContractAnswer(
      JSON.stringify({ ...contract, requirements: [{ id: "1", text: "x" }] }),
    )
    expect(nested.ok).toBe(false)
    if (!nested.ok) expect(nested.message).toMatch(/requirements\[0\]\.id|requirements\.0\.id/)
  })

  it("reports prose without JSON", () => {
    expect(parseContractAnswer("I could not understand the prompt.")).toEqual({
      ok: false,
      message: "the answer contains no JSON object",
    })
  })

  it("reports an unbalanced object", () => {
    expect(parseContractAnswer('{"name": "Counter"').ok).toBe(false)
  })
})

describe("findJsonObjects", () => {
  it("returns top-level objects only, in order", () => {
    expect(findJsonObjects('a {"x": {"y": "}"}} b {} c {')).toEqual(['{"x": {"y": "}"}}', "{}"])
  })

  it("skips braces in single-quoted strings and comments", () => {
    expect(findJsonObjects("{ a: '}', // }\n /* } */ b: 1 } x")).toEqual(["{ a: '}', // }\n /* } */ b: 1 }"])
  })
})

describe("parseContractAnswer with several objects", () => {
  it("skips a valid-JSON object in prose that is not a contract", () => {
    const contract = {
      name: "Toggle",
      summary: "A switch.",
      props: [],
      requirements: [{ id: "R1", text: "Clicking flips it" }],
    }
    const answer = parseContractAnswer(`Settings: {} — and the contract:\n${JSON.stringify(contract)}`)
    expect(answer).toEqual({ ok: true, contract })
  })
})
