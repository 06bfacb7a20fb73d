import { describe, expect, it } from "vitest"
import { code, codeLines, NO_CODE, testCase, TestCode, writeTestCases } from "./test-builder"

describe("the test builder", () => {
  it("writes values as literals and fragments as they are, without the body's shared indentation", () => {
    const body = code`
      render(<${new TestCode("Tabs")} />)
      expect(names).toEqual(${['Say "hi"', "Two"]})
    `
    expect(body.text).toBe('render(<Tabs />)\nexpect(names).toEqual(["Say \\"hi\\"","Two"])')
  })

  it("leaves out the line of a step that writes no code", () => {
    expect(
      code`
      render(<Tabs />)
      ${NO_CODE}
      expect(1).toBe(1)
    `.text,
    ).toBe("render(<Tabs />)\nexpect(1).toBe(1)")
  })

  it("indents a fragment of several lines like the line it is placed on", () => {
    const step = code`
      advance(1000)
      expect(timer).toHaveTextContent("00:59")
    `
    expect(
      code`
      render(<Timer />)
      ${step}
    `.text,
    ).toBe('render(<Timer />)\nadvance(1000)\nexpect(timer).toHaveTextContent("00:59")')
  })

  it("writes a list of fragments a line each, indented where they are placed", () => {
    const checks = codeLines([code`expect(${"A"}).toBeTruthy()`, code`expect(${"B"}).toBeTruthy()`])
    expect(
      code`
      render(<Tiers />)
      ${checks}
    `.text,
    ).toBe('render(<Tiers />)\nexpect("A").toBeTruthy()\nexpect("B").toBeTruthy()')
  })

  it("escapes words in literals that would import a helper the body does not use", () => {
    expect(code`expect(screen.getByText(${"We reply within a day"}))`.text).toBe(
      'expect(screen.getByText("We reply withi\\u006e a day"))',
    )
  })

  it("titles each block by its requirement's id and makes it async only when it awaits", () => {
    const written = writeTestCases(
      [
        testCase("labels", 'shows "Overview"', code`expect(1).toBe(1)`),
        testCase("click", "clicking selects", code`await user.click(tab)`),
      ],
      (requirement) => ({ labels: "R1", click: "R2" })[requirement]!,
    )
    expect(written).toBe(
      'it("R1: shows \\"Overview\\"", () => {\n  expect(1).toBe(1)\n})\n\n' +
        'it("R2: clicking selects", async () => {\n  await user.click(tab)\n})',
    )
  })
})
