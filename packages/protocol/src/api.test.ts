import { describe, expect, it } from "vitest"
import {
  clientMessageSchema,
  createProjectSchema,
  generateMessageSchema,
  projectFilesSchema,
  startRunRequestSchema,
} from "./api"

describe("text the studio stores", () => {
  it("refuses NUL characters and unpaired surrogates, which PostgreSQL cannot store, with a clear message", () => {
    for (const name of ["a\u0000b", "x\ud83d", "\udfffy"]) {
      const parsed = createProjectSchema.safeParse({ name })
      expect(parsed.success).toBe(false)
      expect(parsed.error?.issues[0]?.message).toBe("must not contain NUL characters or unpaired surrogates")
    }
    expect(projectFilesSchema.safeParse({ "src/components/A.tsx": "const a = '\u0000'" }).success).toBe(false)
    expect(projectFilesSchema.safeParse({ "src/\ud800.tsx": "" }).success).toBe(false)
    const projectId = "7f0c6a3e-2b1d-4c59-9a8e-0d6f1b2c3a4e"
    expect(generateMessageSchema.safeParse({ type: "generate", projectId, prompt: "a\u0000" }).success).toBe(
      false,
    )
  })

  it("keeps paired surrogates (emoji) and ordinary text", () => {
    expect(createProjectSchema.parse({ name: "  Émoji 😀 board " })).toEqual({ name: "Émoji 😀 board" })
    expect(projectFilesSchema.safeParse({ "src/components/A.tsx": "export const a = '😀'\n" }).success).toBe(
      true,
    )
  })
})

describe("the generate message and POST /api/runs with tests as the spec", () => {
  const projectId = "3f1c2a4e-8b7d-4c6f-9e0a-1b2c3d4e5f60"
  const tests = [{ name: "LikeButton.test.js", content: "test('likes', () => {})" }]

  it("carry tests with or without a prompt, and still need one of the two", () => {
    expect(generateMessageSchema.parse({ type: "generate", projectId, prompt: "", tests }).tests).toEqual(
      tests,
    )
    expect(startRunRequestSchema.parse({ projectId, prompt: "a like button", tests }).tests).toEqual(tests)
    expect(
      startRunRequestSchema.safeParse({ projectId, prompt: " " }).error?.issues.map((issue) => issue.message),
    ).toEqual(["the prompt is empty"])
    expect(
      clientMessageSchema.safeParse({
        type: "generate",
        projectId,
        prompt: "",
        tests: [{ name: "x", content: "" }],
      }).success,
    ).toBe(false)
  })
})
