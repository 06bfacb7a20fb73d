import { describe, it, expect } from "vitest"
import fc from "fast-check"
import { createFileBlockParser, validateGeneratedPath } from "./file-block-parser"
import type { FileBlockEvent, FileBlockParserOptions } from "./file-block-parser"
import { expectedFileOf, loadModelAnswers } from "../../../test/support/model-answers"

const FENCE = "```"

function parseChunks(chunks: string[], options?: FileBlockParserOptions): FileBlockEvent[] {
  const parser = createFileBlockParser(options)
  const events: FileBlockEvent[] = []
  for (const chunk of chunks) events.push(...parser.push(chunk))
  events.push(...parser.end())
  return events
}

function parse(text: string, options?: FileBlockParserOptions): FileBlockEvent[] {
  return parseChunks([text], options)
}

/** Everything but the deltas, which depend on where the stream was cut. */
function structural(events: FileBlockEvent[]): FileBlockEvent[] {
  return events.filter((event) => event.type !== "token" && event.type !== "prose")
}

function closedFiles(events: FileBlockEvent[]): { path: string; content: string }[] {
  return events.flatMap((event) =>
    event.type === "file_closed" ? [{ path: event.path, content: event.content }] : [],
  )
}

function proseOf(events: FileBlockEvent[]): string {
  return events.map((event) => (event.type === "prose" ? event.text : "")).join("")
}

function cutAt(text: string, cuts: number[]): string[] {
  const positions = [...new Set(cuts.map((cut) => cut % (text.length + 1)))].sort((a, b) => a - b)
  const chunks: string[] = []
  let previous = 0
  for (const position of positions) {
    chunks.push(text.slice(previous, position))
    previous = position
  }
  chunks.push(text.slice(previous))
  return chunks
}

function chunksOfSize(text: string, size: number): string[] {
  const chunks: string[] = []
  for (let index = 0; index < text.length; index += size) chunks.push(text.slice(index, index + size))
  return chunks
}

/** Checks the streaming invariants of one cut against the unsplit parse. */
function expectSameAsWhole(
  chunks: string[],
  whole: FileBlockEvent[],
  options?: FileBlockParserOptions,
): void {
  const events = parseChunks(chunks, options)
  expect(structural(events)).toEqual(structural(whole))
  expect(proseOf(events)).toBe(proseOf(whole))
  // Tokens of a file add up to its content, block by block (a repeated path restarts at file_open).
  let current = new Map<string, string>()
  for (const event of events) {
    if (event.type === "file_open") current.set(event.path, "")
    if (event.type === "token") current.set(event.path, (current.get(event.path) ?? "") + event.delta)
    if (event.type === "file_closed") {
      expect(current.get(event.path)).toBe(event.content)
      current = new Map()
    }
  }
}

describe("createFileBlockParser", () => {
  it("parses a block, streaming its content and closing it", () => {
    const text = `Here is the component.\n${FENCE}tsx file="src/components/Counter.tsx"\nexport const a = 1\n\nexport const b = 2\n${FENCE}\nDone.\n`
    const events = parse(text)
    expect(events).toEqual([
      { type: "prose", text: "Here is the component.\n" },
      { type: "file_open", path: "src/components/Counter.tsx" },
      {
        type: "token",
        path: "src/components/Counter.tsx",
        delta: "export const a = 1\n\nexport const b = 2\n",
      },
      {
        type: "file_closed",
        path: "src/components/Counter.tsx",
        content: "export const a = 1\n\nexport const b = 2\n",
      },
      { type: "prose", text: "Done.\n" },
    ])
  })

  it("accepts single quotes, path= and filename=, and no language word", () => {
    const text = [
      `${FENCE}tsx file='src/a.tsx'`,
      "a",
      FENCE,
      `${FENCE}ts path="src/b.ts"`,
      "b",
      FENCE,
      `${FENCE}css filename="src/c.css"`,
      "c",
      FENCE,
      `${FENCE} file="src/d.ts"`,
      "d",
      FENCE,
    ].join("\n")
    expect(closedFiles(parse(text))).toEqual([
      { path: "src/a.tsx", content: "a\n" },
      { path: "src/b.ts", content: "b\n" },
      { path: "src/c.css", content: "c\n" },
      { path: "src/d.ts", content: "d\n" },
    ])
  })

  it("closes on the last line without a newline and on a fence with trailing spaces", () => {
    expect(closedFiles(parse(`${FENCE}ts file="src/a.ts"\nx\n${FENCE}`))).toEqual([
      { path: "src/a.ts", content: "x\n" },
    ])
    expect(closedFiles(parse(`${FENCE}ts file="src/a.ts"\nx\n${FENCE}  \t\nafter`))).toEqual([
      { path: "src/a.ts", content: "x\n" },
    ])
  })

  it("keeps backticks that do not form a closing fence line", () => {
    const content = [
      "const s = `template ${x}`",
      "``",
      "`` `",
      'const md = "```"',
      "  ```",
      "```ts",
      "```x",
      "",
    ].join("\n")
    const text = `${FENCE}tsx file="src/a.tsx"\n${content}${FENCE}\n`
    expect(closedFiles(parse(text))).toEqual([{ path: "src/a.tsx", content }])
  })

  it("needs at least as many backticks as the opener to close", () => {
    const text = '````md file="src/a.ts"\n```\ninner\n```\n`````\n'
    expect(closedFiles(parse(text))).toEqual([{ path: "src/a.ts", content: "```\ninner\n```\n" }])
  })

  it("closes an empty block with empty content", () => {
    expect(closedFiles(parse(`${FENCE}ts file="src/a.ts"\n${FENCE}\n`))).toEqual([
      { path: "src/a.ts", content: "" },
    ])
  })

  it("treats fences without a file attribute as prose", () => {
    const text = `${FENCE}bash\nnpm test\n${FENCE}\n`
    const events = parse(text)
    expect(events).toEqual([{ type: "prose", text }])
  })

  it("normalizes CRLF to LF, also when split between chunks", () => {
    const text = `intro\r\n${FENCE}ts file="src/a.ts"\r\nx\r\ny\rz\r\n${FENCE}\r\n`
    const expected = [{ path: "src/a.ts", content: "x\ny\rz\n" }]
    expect(closedFiles(parse(text))).toEqual(expected)
    for (let cut = 0; cut <= text.length; cut++) {
      expect(closedFiles(parseChunks([text.slice(0, cut), text.slice(cut)]))).toEqual(expected)
    }
    expect(proseOf(parse(text))).toBe("intro\n")
  })

  it("rejects an unsafe path with one error and discards the block", () => {
    const text = `${FENCE}ts file="../etc/passwd.ts"\nsecret\n${FENCE}\n${FENCE}ts file="src/ok.ts"\nok\n${FENCE}\n`
    const events = parse(text)
    const errors = events.filter((event) => event.type === "error")
    expect(errors).toEqual([
      expect.objectContaining({ type: "error", code: "unsafe_path", path: "../etc/passwd.ts" }),
    ])
    expect(events.some((event) => event.type === "token" && event.delta.includes("secret"))).toBe(false)
    expect(closedFiles(events)).toEqual([{ path: "src/ok.ts", content: "ok\n" }])
    expect(proseOf(events)).toBe("")
  })

  it("rejects an empty path", () => {
    const events = parse(`${FENCE}ts file=""\nx\n${FENCE}\n`)
    expect(structural(events)).toEqual([expect.objectContaining({ code: "unsafe_path" })])
  })

  it("discards a block larger than maxFileBytes from that point on", () => {
    const text = `${FENCE}ts file="src/big.ts"\n${"x".repeat(20)}\n${"y".repeat(20)}\n${FENCE}\n${FENCE}ts file="src/small.ts"\nok\n${FENCE}\n`
    const events = parse(text, { maxFileBytes: 30 })
    expect(structural(events)).toEqual([
      { type: "file_open", path: "src/big.ts" },
      expect.objectContaining({ type: "error", code: "file_too_large", path: "src/big.ts" }),
      { type: "file_open", path: "src/small.ts" },
      { type: "file_closed", path: "src/small.ts", content: "ok\n" },
    ])
  })

  it("counts the size in UTF-8 bytes", () => {
    const text = `${FENCE}ts file="src/a.ts"\n${"é".repeat(5)}\n${FENCE}\n`
    expect(closedFiles(parse(text, { maxFileBytes: 11 }))).toHaveLength(1)
    expect(closedFiles(parse(text, { maxFileBytes: 10 }))).toHaveLength(0)
  })

  it("rejects files beyond maxFiles, counting distinct paths", () => {
    const block = (path: string) => `${FENCE}ts file="${path}"\n${path}\n${FENCE}\n`
    const text = block("src/a.ts") + block("src/b.ts") + block("src/a.ts") + block("src/c.ts")
    const events = parse(text, { maxFiles: 2 })
    expect(closedFiles(events).map((file) => file.path)).toEqual(["src/a.ts", "src/b.ts", "src/a.ts"])
    expect(events.filter((event) => event.type === "error")).toEqual([
      expect.objectContaining({ code: "too_many_files", path: "src/c.ts" }),
    ])
  })

  it("reports a stream that ends inside a block, without file_closed", () => {
    const events = parse(`${FENCE}ts file="src/a.ts"\nconst a = 1\n`)
    expect(structural(events)).toEqual([
      { type: "file_open", path: "src/a.ts" },
      expect.objectContaining({ type: "error", code: "unterminated_block", path: "src/a.ts" }),
    ])
    expect(structural(parse(`${FENCE}ts file="src/a.ts"`))).toEqual([
      { type: "file_open", path: "src/a.ts" },
      expect.objectContaining({ code: "unterminated_block" }),
    ])
  })

  it("does not report a rejected block twice when the stream ends inside it", () => {
    const events = parse(`${FENCE}ts file="/abs.ts"\nx\n`)
    expect(structural(events)).toEqual([expect.objectContaining({ code: "unsafe_path" })])
  })

  it("emits both file_closed events for a repeated path; the later one wins", () => {
    const text = `${FENCE}ts file="src/a.ts"\none\n${FENCE}\n${FENCE}ts file="src/a.ts"\ntwo\n${FENCE}\n`
    expect(closedFiles(parse(text))).toEqual([
      { path: "src/a.ts", content: "one\n" },
      { path: "src/a.ts", content: "two\n" },
    ])
  })

  it("holds back only a partial line that could still be a closing fence", () => {
    const parser = createFileBlockParser()
    parser.push(`${FENCE}ts file="src/a.ts"\n`)
    expect(parser.push("const a")).toEqual([{ type: "token", path: "src/a.ts", delta: "const a" }])
    expect(parser.push(" = 1\n``")).toEqual([{ type: "token", path: "src/a.ts", delta: " = 1\n" }])
    expect(parser.push("`  ")).toEqual([])
    expect(parser.push("x")).toEqual([{ type: "token", path: "src/a.ts", delta: "```  x" }])
    expect(parser.push(`\n${FENCE}`)).toEqual([{ type: "token", path: "src/a.ts", delta: "\n" }])
    expect(parser.end()).toEqual([
      { type: "file_closed", path: "src/a.ts", content: "const a = 1\n```  x\n" },
    ])
  })

  it("throws on push after end", () => {
    const parser = createFileBlockParser()
    parser.end()
    expect(() => parser.push("x")).toThrow(/after end/)
  })

  const realistic = [
    "I'll build a counter with an accessible button.",
    "",
    '```tsx file="src/components/Counter.tsx"',
    'import { useState } from "react"',
    "",
    "export interface CounterProps {",
    "  initial?: number",
    "}",
    "",
    "export default function Counter({ initial = 0 }: CounterProps) {",
    "  const [count, setCount] = useState(initial)",
    "  const label = `Count: ${count}`",
    "  return <button onClick={() => setCount(count + 1)}>{label}</button>",
    "}",
    "```",
    "And its tests:",
    "````ts file='src/components/Counter.test.ts'",
    'const doc = "```md\\n```"',
    "```",
    "``",
    "````",
    '```css file="src/../x.css"',
    "bad",
    "```",
    "That's all.",
  ].join("\r\n")

  it("gives the same result for every 2-chunk cut and every chunk size 1..7 of a realistic document", () => {
    const whole = parse(realistic)
    expect(closedFiles(whole).map((file) => file.path)).toEqual([
      "src/components/Counter.tsx",
      "src/components/Counter.test.ts",
    ])
    expect(closedFiles(whole)[1]?.content).toBe('const doc = "```md\\n```"\n```\n``\n')
    expect(structural(whole).filter((event) => event.type === "error")).toEqual([
      expect.objectContaining({ code: "unsafe_path" }),
    ])
    for (let cut = 0; cut <= realistic.length; cut++) {
      expectSameAsWhole([realistic.slice(0, cut), realistic.slice(cut)], whole)
    }
    for (let size = 1; size <= 7; size++) expectSameAsWhole(chunksOfSize(realistic, size), whole)
  })

  it("property: any chunking yields the same files, and tokens add up to each file's content", () => {
    const lineChar = fc.constantFrom("a", "b", " ", "`", "{", "}", '"', "'", "=", "\t", "é", "😀", "\r")
    const line = fc.string({ unit: lineChar, maxLength: 12 })
    const tickLine = fc
      .tuple(fc.integer({ min: 0, max: 2 }), line)
      .map(([ticks, rest]) => "`".repeat(ticks) + rest)
    // Content lines never close a 3-backtick block: fewer backticks, or backticks followed by other text.
    const contentLine = fc.oneof(
      line,
      tickLine,
      line.map((rest) => "```" + rest + "x"),
    )
    const proseLine = fc.oneof(line, tickLine)
    const path = fc.constantFrom(
      "src/a.tsx",
      "src/b/c.ts",
      "src/d.css",
      "src/a.tsx",
      "../x.ts",
      "src/.env.ts",
    )
    const block = fc.record({
      path,
      quote: fc.constantFrom('"', "'"),
      attribute: fc.constantFrom("file", "path", "filename"),
      lines: fc.array(contentLine, { maxLength: 6 }),
      closer: fc.constantFrom("```", "````", "```  "),
    })
    const document = fc.record({
      parts: fc.array(fc.tuple(fc.array(proseLine, { maxLength: 3 }), block), { minLength: 1, maxLength: 3 }),
      tail: fc.array(proseLine, { maxLength: 3 }),
      newline: fc.constantFrom("\n", "\r\n"),
      finalNewline: fc.boolean(),
    })
    fc.assert(
      fc.property(document, fc.array(fc.nat(), { maxLength: 12 }), (doc, cuts) => {
        const lines: string[] = []
        const intended: { path: string; content: string }[] = []
        let intact = true
        for (const [prose, spec] of doc.parts) {
          lines.push(...prose)
          lines.push(
            `${FENCE}tsx ${spec.attribute}=${spec.quote}${spec.path}${spec.quote}`,
            ...spec.lines,
            spec.closer,
          )
          const content = spec.lines.map((contentLine) => contentLine + doc.newline).join("")
          const normalized = content.replaceAll("\r\n", "\n")
          // A generated line may still form a closing fence once CRLF is normalized ("``" + "` \r"): then the
          // block ends early and only the reference oracle below applies.
          if (normalized.split("\n").some((contentLine) => /^`{3,}[ \t]*$/.test(contentLine))) intact = false
          if (validateGeneratedPath(spec.path).ok) intended.push({ path: spec.path, content: normalized })
        }
        lines.push(...doc.tail)
        const text = lines.join(doc.newline) + (doc.finalNewline ? doc.newline : "")
        const whole = parse(text)
        expect(closedFiles(whole)).toEqual(referenceFiles(text))
        if (intact) expect(closedFiles(whole)).toEqual(intended)
        expectSameAsWhole(cutAt(text, cuts), whole)
      }),
      { numRuns: 500 },
    )
  })
})

/** Reference oracle for the property test: the files of a whole document, computed line by line. */
function referenceFiles(text: string): { path: string; content: string }[] {
  const files: { path: string; content: string }[] = []
  const lines = text.replaceAll("\r\n", "\n").split("\n")
  let open: { path: string; fence: number; lines: string[] } | null = null
  for (const line of lines) {
    if (open === null) {
      const match = /^(`{3,})[^`]*?(?:^|\s)(?:file|path|filename)\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(line)
      if (match) open = { path: match[2] ?? match[3] ?? "", fence: match[1]?.length ?? 3, lines: [] }
    } else if (new RegExp(`^\`{${open.fence},}[ \\t]*$`).test(line)) {
      if (validateGeneratedPath(open.path).ok) {
        files.push({ path: open.path, content: open.lines.map((l) => `${l}\n`).join("") })
      }
      open = null
    } else {
      open.lines.push(line)
    }
  }
  return files
}

describe("validateGeneratedPath", () => {
  it.each([
    "src/a.tsx",
    "src/components/Counter.tsx",
    "src/components/Counter.test.ts",
    "src/styles/app-1_x.css",
  ])("accepts %s", (path) => {
    expect(validateGeneratedPath(path)).toEqual({ ok: true, path })
  })

  it.each([
    ["", /empty/],
    ["src/../x.ts", /"\.\." segments/],
    ["src/./x.ts", /"\." segments/],
    ["src//x.ts", /empty path segments/],
    ["/src/x.ts", /relative/],
    ["C:/src/x.ts", /drive letters/],
    ["src\\x.ts", /backslashes/],
    ["lib/x.ts", /under "src\/"/],
    ["src/.hidden/x.ts", /hidden/],
    ["src/.x.ts", /hidden/],
    ["src/x.js", /extension/],
    ["src/x.tsx.exe", /extension/],
    ["src/x", /extension/],
    ["src/my file.ts", /only letters/],
    ["src/ä.ts", /only letters/],
    [`src/${"a".repeat(200)}.ts`, /longer than 200/],
  ])("rejects %j", (path, reason) => {
    const result = validateGeneratedPath(path)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.message).toMatch(reason)
  })
})

describe("createFileBlockParser on real answers", () => {
  const expectedFile = "src/components/Counter.tsx"
  const withExpected = { expectedFile }

  it("turns think blocks into reasoning events, never files, and reads the file after them", () => {
    const text = `<think>\nA draft:\n${FENCE}tsx file="src/components/Draft.tsx"\nexport const draft = 1\n${FENCE}\nNo.\n</think>\n\n${FENCE}tsx file="src/a.tsx"\na\n${FENCE}\n`
    const events = parse(text)
    expect(structural(events)).toEqual([
      {
        type: "reasoning",
        text: `A draft:\n${FENCE}tsx file="src/components/Draft.tsx"\nexport const draft = 1\n${FENCE}\nNo.`,
      },
      { type: "file_open", path: "src/a.tsx" },
      { type: "file_closed", path: "src/a.tsx", content: "a\n" },
    ])
    expect(proseOf(events)).toBe("\n\n")
  })

  it("reads <thinking>, tags sharing a line with text, and a tag split at any point", () => {
    const text = `<thinking>plan it</thinking>${FENCE}ts file="src/a.ts"\nx\n${FENCE}\n<THINK>again\n</think>tail\n`
    const whole = parse(text)
    expect(structural(whole)).toEqual([
      { type: "reasoning", text: "plan it" },
      { type: "file_open", path: "src/a.ts" },
      { type: "file_closed", path: "src/a.ts", content: "x\n" },
      { type: "reasoning", text: "again" },
    ])
    expect(proseOf(whole)).toBe("tail\n")
    for (let cut = 0; cut <= text.length; cut++)
      expectSameAsWhole([text.slice(0, cut), text.slice(cut)], whole)
    expectSameAsWhole(chunksOfSize(text, 1), whole)
  })

  it("reports a stream that ends inside its reasoning", () => {
    expect(structural(parse("<think>\nstill thinking"))).toEqual([
      { type: "reasoning", text: "still thinking" },
      expect.objectContaining({ type: "error", code: "unterminated_reasoning" }),
    ])
  })

  it("makes the prose before a closing tag with no opening tag reasoning, once, before any file", () => {
    const text = `The user wants a counter.\nUse state.</think>\n\n${FENCE}ts file="src/a.ts"\nx\n${FENCE}\nlater </think> stays prose\n`
    const events = parse(text)
    expect(structural(events)).toEqual([
      { type: "reasoning", text: "The user wants a counter.\nUse state.", replacesProse: true },
      { type: "file_open", path: "src/a.ts" },
      { type: "file_closed", path: "src/a.ts", content: "x\n" },
    ])
    expect(proseOf(events)).toContain("later </think> stays prose")
  })

  it.each([
    ["file attribute, unquoted", `${FENCE}tsx filename=src/a.tsx\nA\n${FENCE}\n`],
    ["filepath attribute", `${FENCE}tsx filepath="src/a.tsx"\nA\n${FENCE}\n`],
    ["title attribute", `${FENCE}tsx title="src/a.tsx"\nA\n${FENCE}\n`],
    ["tsx:path", `${FENCE}tsx:src/a.tsx\nA\n${FENCE}\n`],
    ["tsx path", `${FENCE}tsx src/a.tsx\nA\n${FENCE}\n`],
    ["a lone path", `${FENCE}src/a.tsx\nA\n${FENCE}\n`],
    ["bold name", `**src/a.tsx**\n${FENCE}tsx\nA\n${FENCE}\n`],
    ["heading with backticks and a blank line", `### \`src/a.tsx\`\n\n${FENCE}tsx\nA\n${FENCE}\n`],
    ["bold File: prefix", `**File:** \`src/a.tsx\`\n${FENCE}\nA\n${FENCE}\n`],
    ["numbered list item with a colon", `1. src/a.tsx:\n${FENCE}tsx\nA\n${FENCE}\n`],
    ["first-line comment", `${FENCE}tsx\n// src/a.tsx\nA\n${FENCE}\n`],
    ["first-line file: comment", `${FENCE}tsx\n// File: src/a.tsx\nA\n${FENCE}\n`],
    ["first-line block comment", `${FENCE}\n/* src/a.tsx */\nA\n${FENCE}\n`],
  ])("names a file by %s (a label line is not content)", (_shape, text) => {
    const events = parse(text)
    expect(closedFiles(events)).toEqual([{ path: "src/a.tsx", content: "A\n" }])
    expect(events.filter((event) => event.type === "error")).toEqual([])
  })

  it("keeps a first-line comment as content when the fence is already named", () => {
    const text = `${FENCE}tsx file="src/a.tsx"\n// src/a.tsx\nA\n${FENCE}\n`
    expect(closedFiles(parse(text))).toEqual([{ path: "src/a.tsx", content: "// src/a.tsx\nA\n" }])
  })

  it("forgets a heading that prose follows, and ignores captions and non-path headings", () => {
    const text = `**src/a.tsx**\nThis file renders the counter.\n${FENCE}tsx\nA\n${FENCE}\n### Usage\n${FENCE}tsx title="Example"\nB\n${FENCE}\n`
    expect(closedFiles(parse(text))).toEqual([])
  })

  it.each([
    ["a heading", `### src/../outside.ts\n${FENCE}ts\nx\n${FENCE}\n`, /"\.\." segments/],
    ["a bold absolute path", `**/etc/passwd.ts**\n${FENCE}ts\nx\n${FENCE}\n`, /relative/],
    ["a comment", `${FENCE}ts\n// src/../../x.ts\nx\n${FENCE}\n`, /"\.\." segments/],
    ["tsx:path", `${FENCE}tsx:src/x.sh\nx\n${FENCE}\n`, /extension/],
    ["a backslash path", `${FENCE}tsx title="src\\x.tsx"\nx\n${FENCE}\n`, /backslashes/],
    ["a drive letter", `// C:/x.ts\n${FENCE}ts\n// C:/x.ts\nx\n${FENCE}\n`, /drive letters/],
  ])("refuses an unsafe path named by %s", (_shape, text, reason) => {
    const events = parse(text, withExpected)
    expect(closedFiles(events)).toEqual([])
    const errors = events.filter((event) => event.type === "error")
    expect(errors).toEqual([
      expect.objectContaining({ code: "unsafe_path", message: expect.stringMatching(reason) }),
    ])
    expect(events.some((event) => event.type === "token")).toBe(false)
  })

  it("takes a lone unnamed tsx block as the expected file, streamed as it comes, with a notice", () => {
    const text = `Here you go:\n${FENCE}tsx\nA\n${FENCE}\n${FENCE}bash\nnpm test\n${FENCE}\n`
    const events = parse(text, withExpected)
    expect(structural(events)).toEqual([
      { type: "file_open", path: expectedFile },
      { type: "notice", text: expect.stringContaining(`taken as ${expectedFile}`) },
      { type: "file_closed", path: expectedFile, content: "A\n" },
    ])
    expect(events.find((event) => event.type === "token")).toEqual({
      type: "token",
      path: expectedFile,
      delta: "A\n",
    })
    expect(proseOf(events)).toContain("npm test")
    expect(closedFiles(parse(text))).toEqual([])
  })

  it("maps the expected file's bare base name, and no other bare name", () => {
    const text = `## Counter.tsx\n${FENCE}tsx\nA\n${FENCE}\n${FENCE}tsx file="Other.tsx"\nB\n${FENCE}\n`
    const events = parse(text, withExpected)
    expect(closedFiles(events)).toEqual([{ path: expectedFile, content: "A\n" }])
    expect(events.filter((event) => event.type === "error")).toEqual([
      expect.objectContaining({ code: "unsafe_path", path: "Other.tsx" }),
    ])
  })

  it("does not guess between several unnamed blocks", () => {
    const text = `${FENCE}tsx\nA\n${FENCE}\n${FENCE}ts\nB\n${FENCE}\n`
    const events = parse(text, withExpected)
    expect(closedFiles(events)).toEqual([])
    expect(events.filter((event) => event.type === "error")).toEqual([
      expect.objectContaining({
        code: "ambiguous_blocks",
        message: expect.stringContaining("2 code blocks"),
      }),
    ])
  })

  it("prefers a block that names the expected file over unnamed ones, before or after it", () => {
    const before = `${FENCE}tsx\n<Counter />\n${FENCE}\n${FENCE}tsx file="${expectedFile}"\nA\n${FENCE}\n`
    const after = `${FENCE}tsx file="${expectedFile}"\nA\n${FENCE}\n${FENCE}tsx\n<Counter />\n${FENCE}\n${FENCE}tsx\nmore\n${FENCE}\n`
    for (const text of [before, after]) {
      const events = parse(text, withExpected)
      expect(closedFiles(events)).toEqual([{ path: expectedFile, content: "A\n" }])
      expect(events.filter((event) => event.type === "error" || event.type === "notice")).toEqual([])
    }
  })

  it("reports an unnamed block left open with what arrived", () => {
    const events = parse(`${FENCE}tsx\nline one\nline two`, withExpected)
    expect(events.filter((event) => event.type === "error")).toEqual([
      {
        type: "error",
        code: "unterminated_block",
        path: expectedFile,
        message: expect.stringContaining("after 2 line(s) (17 characters)"),
        received: { lines: 2, chars: 17 },
      },
    ])
    expect(closedFiles(events)).toEqual([])
  })

  it("says so when a file is written twice; the last one wins", () => {
    const text = `${FENCE}ts file="src/a.ts"\none\n${FENCE}\n**src/a.ts**\n${FENCE}ts\ntwo\n${FENCE}\n`
    const events = parse(text)
    expect(closedFiles(events).at(-1)).toEqual({ path: "src/a.ts", content: "two\n" })
    expect(events.filter((event) => event.type === "notice")).toEqual([
      { type: "notice", text: expect.stringContaining("src/a.ts was written more than once") },
    ])
  })

  it("lets a named fence inside an unclosed snippet open its file", () => {
    const text = `${FENCE}bash\nnpm i\n${FENCE}ts file="src/a.ts"\nx\n${FENCE}\n`
    expect(closedFiles(parse(text))).toEqual([{ path: "src/a.ts", content: "x\n" }])
  })

  it("with files: false reads only reasoning; fences and labels are prose", () => {
    const text = `<think>hm {x}</think>\n${FENCE}json file="src/a.ts"\n{"a": 1}\n${FENCE}\n`
    const events = parse(text, { files: false })
    expect(structural(events)).toEqual([{ type: "reasoning", text: "hm {x}" }])
    expect(proseOf(events)).toBe(`\n${FENCE}json file="src/a.ts"\n{"a": 1}\n${FENCE}\n`)
  })

  describe.each(loadModelAnswers().map((answer) => [answer.name, answer] as const))(
    "the corpus answer %s",
    (_name, answer) => {
      const expected = expectedFileOf(answer.stage)
      const options: FileBlockParserOptions =
        answer.stage === "interpret"
          ? { files: false }
          : expected === undefined
            ? {}
            : { expectedFile: expected }
      it("gives the same events at every 2-chunk cut and char by char", () => {
        const whole = parse(answer.text, options)
        for (let cut = 0; cut <= answer.text.length; cut++) {
          expectSameAsWhole([answer.text.slice(0, cut), answer.text.slice(cut)], whole, options)
        }
        expectSameAsWhole([...answer.text], whole, options)
      })
    },
  )
})

describe("createFileBlockParser on edit blocks", () => {
  const S = "<<<<<<< SEARCH"
  const D = "======="
  const R = ">>>>>>> REPLACE"
  const edit = (search: string, replace: string) => [S, search, D, replace, R].join("\n")
  const editsOf = (events: FileBlockEvent[]) =>
    events.flatMap((event) => (event.type === "file_edit" ? [{ path: event.path, edits: event.edits }] : []))

  /** Asserts the events of `text` are the same at every 2-piece cut and char by char; returns them. */
  function parseEverywhere(text: string, options?: FileBlockParserOptions): FileBlockEvent[] {
    const whole = parse(text, options)
    for (let cut = 0; cut <= text.length; cut++)
      expectSameAsWhole([text.slice(0, cut), text.slice(cut)], whole, options)
    expectSameAsWhole([...text], whole, options)
    return whole
  }

  it("reads a block of search/replace edits as file_edit: no tokens, no file_closed, at every cut", () => {
    const text = [
      "Two changes fix it:",
      `${FENCE}tsx file="src/components/Counter.tsx"`,
      edit("  const [count, setCount] = useState(0)", "  const [count, setCount] = useState(initial)"),
      "",
      edit(
        "      <button onClick={() => setCount(count + 2)}>",
        "      <button onClick={() => setCount(count + 1)}>",
      ),
      FENCE,
      "Done.",
      "",
    ].join("\n")
    const events = parseEverywhere(text)
    expect(structural(events)).toEqual([
      { type: "file_open", path: "src/components/Counter.tsx" },
      {
        type: "file_edit",
        path: "src/components/Counter.tsx",
        edits: [
          {
            search: "  const [count, setCount] = useState(0)\n",
            replace: "  const [count, setCount] = useState(initial)\n",
          },
          {
            search: "      <button onClick={() => setCount(count + 2)}>\n",
            replace: "      <button onClick={() => setCount(count + 1)}>\n",
          },
        ],
      },
    ])
    expect(events.some((event) => event.type === "token")).toBe(false)
    expect(proseOf(events)).toBe("Two changes fix it:\nDone.\n")
  })

  it("takes aider's shape: the path on the line before the fence, 8 marker characters, blank lines first", () => {
    const text = `src/a.tsx\n${FENCE}tsx\n\n<<<<<<<< SEARCH\nold\n========\nnew\nnewer\n>>>>>>>> REPLACE\n${FENCE}\n`
    expect(editsOf(parseEverywhere(text))).toEqual([
      { path: "src/a.tsx", edits: [{ search: "old\n", replace: "new\nnewer\n" }] },
    ])
  })

  it("keeps an empty replace (a deletion), multi-line texts, CRLF normalised, and one event per block", () => {
    const text = [
      `${FENCE}ts file="src/a.ts"`,
      ...[S, "a", "b", D, R],
      FENCE,
      `${FENCE}ts file="src/a.ts"`,
      edit("c", "d"),
      FENCE,
      "",
    ]
      .join("\n")
      .replaceAll("\n", "\r\n")
    expect(editsOf(parseEverywhere(text))).toEqual([
      { path: "src/a.ts", edits: [{ search: "a\nb\n", replace: "" }] },
      { path: "src/a.ts", edits: [{ search: "c\n", replace: "d\n" }] },
    ])
  })

  it("a marker line later in a file does not make it an edit: it is the whole file, and a notice says so", () => {
    const text = `${FENCE}ts file="src/a.ts"\nconst a = 1\n${S}\nold\n${D}\nnew\n${R}\n${FENCE}\n`
    const events = parseEverywhere(text)
    expect(closedFiles(events)).toEqual([
      { path: "src/a.ts", content: `const a = 1\n${S}\nold\n${D}\nnew\n${R}\n` },
    ])
    expect(editsOf(events)).toEqual([])
    expect(events.filter((event) => event.type === "notice")).toEqual([
      { type: "notice", text: expect.stringContaining("taken as the whole file") },
    ])
  })

  it("streams a file's lines that only look like markers, or are blank, as content", () => {
    const text = `${FENCE}tsx file="src/a.tsx"\n\n<div>\n=== x\n>>>>>>> REPLACE then more\n${FENCE}\n`
    expect(closedFiles(parseEverywhere(text))).toEqual([
      { path: "src/a.tsx", content: "\n<div>\n=== x\n>>>>>>> REPLACE then more\n" },
    ])
  })

  it.each([
    [
      "text between edits",
      `${edit("a", "b")}\nand then\n${edit("c", "d")}`,
      /line 6 of the block is not inside/,
    ],
    [
      "a second SEARCH before the divider",
      `${S}\na\n${S}\nb\n${D}\nc\n${R}`,
      /<<<<<<< SEARCH line before the edit's =======/,
    ],
    ["REPLACE before the divider", `${S}\na\n${R}`, />>>>>>> REPLACE line before the edit's =======/],
    [
      "a divider in the replace text",
      `${S}\na\n${D}\nb\n${D}\nc\n${R}`,
      /======= line before the edit's >>>>>>> REPLACE/,
    ],
    ["the fence closing inside the search text", `${S}\na`, /closed before its last edit's ======= line/],
    [
      "the fence closing inside the replace text",
      `${S}\na\n${D}\nb`,
      /closed before its last edit's >>>>>>> REPLACE line/,
    ],
  ])("refuses a malformed edit block (%s): no edit, no file", (_shape, body, reason) => {
    const text = `${FENCE}ts file="src/a.ts"\n${body}\n${FENCE}\n${FENCE}ts file="src/b.ts"\nok\n${FENCE}\n`
    const events = parseEverywhere(text)
    expect(editsOf(events)).toEqual([])
    expect(closedFiles(events)).toEqual([{ path: "src/b.ts", content: "ok\n" }])
    expect(events.filter((event) => event.type === "error")).toEqual([
      expect.objectContaining({
        code: "malformed_edit",
        path: "src/a.ts",
        message: expect.stringMatching(reason),
      }),
    ])
  })

  it("keeps the path rules: an unsafe path's edits are refused and never read", () => {
    const events = parseEverywhere(`${FENCE}ts file="src/../x.ts"\n${edit("a", "b")}\n${FENCE}\n`)
    expect(structural(events)).toEqual([expect.objectContaining({ code: "unsafe_path" })])
  })

  it("counts edits against the size limit", () => {
    const events = parse(`${FENCE}ts file="src/a.ts"\n${edit("x".repeat(20), "y".repeat(20))}\n${FENCE}\n`, {
      maxFileBytes: 30,
    })
    expect(editsOf(events)).toEqual([])
    expect(events.filter((event) => event.type === "error")).toEqual([
      expect.objectContaining({ code: "file_too_large", path: "src/a.ts" }),
    ])
  })

  it("reports an edit block the stream ended in, with what arrived", () => {
    const events = parseEverywhere(`${FENCE}ts file="src/a.ts"\n${S}\nold\n${D}\nne`)
    expect(editsOf(events)).toEqual([])
    expect(events.filter((event) => event.type === "error")).toEqual([
      expect.objectContaining({
        code: "unterminated_block",
        path: "src/a.ts",
        received: { lines: 4, chars: 29 },
      }),
    ])
  })

  it("takes a lone unnamed block of edits as edits of the expected file, with a notice", () => {
    const options = { expectedFile: "src/components/Counter.tsx" }
    const events = parseEverywhere(`Fixed:\n${FENCE}tsx\n${edit("a", "b")}\n${FENCE}\n`, options)
    expect(structural(events)).toEqual([
      { type: "file_open", path: "src/components/Counter.tsx" },
      { type: "notice", text: expect.stringContaining("taken as edits of src/components/Counter.tsx") },
      { type: "file_edit", path: "src/components/Counter.tsx", edits: [{ search: "a\n", replace: "b\n" }] },
    ])
  })

  it("a named edit of the expected file makes later unnamed blocks examples", () => {
    const options = { expectedFile: "src/components/Counter.tsx" }
    const text = `${FENCE}tsx file="src/components/Counter.tsx"\n${edit("a", "b")}\n${FENCE}\nUsage:\n${FENCE}tsx\n<Counter />\n${FENCE}\n`
    const events = parseEverywhere(text, options)
    expect(editsOf(events)).toHaveLength(1)
    expect(closedFiles(events)).toEqual([])
    expect(events.filter((event) => event.type === "error" || event.type === "notice")).toEqual([])
  })
})
