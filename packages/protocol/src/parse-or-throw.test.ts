import { describe, expect, it } from "vitest"
import { z } from "zod"
import { StudioError } from "./errors"
import { parseOrThrow, safeParse } from "./parse-or-throw"

const schema = z.object({ name: z.string().min(1), port: z.number().int() })

function thrownBy(run: () => unknown): StudioError {
  try {
    run()
  } catch (error) {
    if (StudioError.isInstance(error)) return error
    throw error
  }
  throw new Error("nothing was thrown")
}

describe("parseOrThrow", () => {
  it("answers the parsed value", () => {
    expect(parseOrThrow(schema, { name: "a", port: 1, extra: true })).toEqual({ name: "a", port: 1 })
  })

  it("answers validation_failed, not a TypeError, for an object whose length cannot be compared", () => {
    // fast-check's counterexample: zod runs .min() on it although it is no string, and the comparison throws.
    const error = thrownBy(() => parseOrThrow(schema, { name: { length: { toString: "" } }, port: 1 }))
    expect(error.code).toBe("validation_failed")
    expect(error.message).toBe("invalid value: a field has the wrong type")
  })

  it("turns the first issue into a validation_failed StudioError saying where and why", () => {
    const error = thrownBy(() => parseOrThrow(schema, { name: "", port: 1.5 }))
    expect(error.code).toBe("validation_failed")
    expect(error.message).toBe("name: Too small: expected string to have >=1 characters")
    expect(error.details?.issues).toHaveLength(2)
    expect(error.toPublic().message).toBe(error.message)
  })

  it("takes another code, a subject and every issue", () => {
    const error = thrownBy(() =>
      parseOrThrow(
        schema,
        { name: "", port: "x" },
        { code: "config_invalid", subject: "invalid environment", allIssues: true },
      ),
    )
    expect(error.code).toBe("config_invalid")
    expect(error.message).toMatch(/^invalid environment: name: .+; port: .+$/)
  })

  it("names no path for a problem with the value itself", () => {
    expect(thrownBy(() => parseOrThrow(z.string(), 3)).message).toBe(
      "Invalid input: expected string, received number",
    )
  })
})

describe("safeParse", () => {
  it("answers like the schema's own safeParse", () => {
    expect(safeParse(schema, { name: "a", port: 1 })).toEqual({ success: true, data: { name: "a", port: 1 } })
    expect(safeParse(schema, { name: "", port: 1 }).success).toBe(false)
  })

  it("fails, not throws, on a value the schema throws on", () => {
    const hostile = { name: { length: { toString: "" } }, port: 1 }
    expect(() => schema.safeParse(hostile)).toThrow(TypeError)
    const parsed = safeParse(schema, hostile)
    expect(parsed.success).toBe(false)
    expect(parsed.error?.issues.map((issue) => issue.message)).toEqual([
      "invalid value: a field has the wrong type",
    ])
  })
})
