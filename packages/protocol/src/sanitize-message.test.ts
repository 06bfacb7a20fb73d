import { describe, it, expect } from "vitest"
import { sanitizeMessage } from "./sanitize-message"

describe("sanitizeMessage", () => {
  it("keeps ordinary messages, relative paths and URLs as they are", () => {
    const text =
      "Type error in src/components/Counter.tsx:3:7; see https://example.com/docs/errors and ./kit/ui.ts"
    expect(sanitizeMessage(text)).toBe(text)
    expect(sanitizeMessage("Run 123e4567-e89b-12d3-a456-426614174000 not found")).toContain("123e4567-e89b")
    expect(sanitizeMessage("Missing bearer token; password: too short")).toBe(
      "Missing bearer token; password: too short",
    )
    const alias = `Cannot find module '@/components/ui/missing' (import "@/lib/utils")`
    expect(sanitizeMessage(alias)).toBe(alias)
  })

  it("strips stack-trace lines", () => {
    const stack = [
      "TypeError: x is not a function",
      "    at run (/work/main/packages/engine/src/run.ts:10:5)",
      "    at async Promise.all (index 0)",
      "",
      "Node.js v20.19.0",
    ].join("\n")
    expect(sanitizeMessage(stack)).toBe("TypeError: x is not a function")
  })

  it("replaces absolute host paths with their base name or <path>", () => {
    expect(sanitizeMessage("Cannot read /work/main/packages/engine/src/run.ts:10:5")).toBe(
      "Cannot read run.ts:10:5",
    )
    expect(sanitizeMessage("ENOENT: open '/home/ada/.config/studio/secrets'")).toBe("ENOENT: open '<path>'")
    expect(sanitizeMessage("EACCES /root/.ssh/id_rsa")).toBe("EACCES <path>")
    expect(sanitizeMessage("in ~/projects/app/index.js")).toBe("in index.js")
    expect(sanitizeMessage("Cannot find module 'file:///work/main/node_modules/x/index.js:2'")).toBe(
      "Cannot find module 'index.js:2'",
    )
    expect(sanitizeMessage("see C:\\Users\\ada\\studio\\run.ts and D:/data/dir")).toBe(
      "see run.ts and <path>",
    )
    expect(sanitizeMessage("share \\\\fileserver\\builds\\log.txt")).toBe("share log.txt")
  })

  it("redacts things that look like secrets", () => {
    const cases = [
      "key sk-proj-AbCdEf0123456789xyz rejected",
      "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl",
      "header Bearer abcdefghijklmnop1234 invalid",
      "OPENAI_API_KEY=abc123 is wrong",
      'body {"api_key": "hunter2"}',
      "GET https://ada:hunter2@models.example.com/v1",
      "digest 0123456789abcdef0123456789abcdef0123456789abcdef",
      "blob QWxhZGRpbjpvcGVuIHNlc2FtZQ0123456789abcdefgh==",
    ]
    for (const text of cases) {
      const sanitized = sanitizeMessage(text)
      expect(sanitized, text).toContain("[redacted]")
      expect(sanitized).not.toMatch(
        /sk-proj-AbCd|eyJzdWIi|abcdefghijklmnop1234|abc123|hunter2|0123456789abcdef0|QWxhZGRp/,
      )
    }
  })

  it("caps very long messages", () => {
    expect(sanitizeMessage("word ".repeat(1000)).length).toBeLessThanOrEqual(2001)
  })
})
