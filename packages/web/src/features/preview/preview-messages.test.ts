import { describe, expect, it } from "vitest"
import { readPreviewMessage } from "./preview-messages"

const frame = {} as Window
const other = {} as Window
const message = (data: unknown, source: Window | null, origin: string) =>
  ({ data, source, origin }) as unknown as MessageEvent

describe("readPreviewMessage", () => {
  it("accepts the preview's messages only from its own frame with the sandbox's opaque origin", () => {
    expect(
      readPreviewMessage(message({ source: "studio-preview", type: "ready" }, frame, "null"), frame),
    ).toEqual({
      source: "studio-preview",
      type: "ready",
    })
    expect(
      readPreviewMessage(message({ source: "studio-preview", type: "ready" }, other, "null"), frame),
    ).toBeNull()
    // A frame that navigated to a real origin is no longer the sandboxed preview.
    expect(
      readPreviewMessage(
        message({ source: "studio-preview", type: "ready" }, frame, "https://evil.example"),
        frame,
      ),
    ).toBeNull()
    expect(
      readPreviewMessage(message({ source: "studio-preview", type: "ready" }, frame, "null"), null),
    ).toBeNull()
  })

  it("drops malformed or oversized messages", () => {
    const read = (data: unknown) => readPreviewMessage(message(data, frame, "null"), frame)
    expect(read({ source: "studio-preview", type: "rendered", id: "1" })).toBeNull()
    expect(read({ source: "studio", type: "ready" })).toBeNull()
    expect(read({ source: "studio-preview", type: "error", message: "x".repeat(5000) })).toBeNull()
    expect(read("ready")).toBeNull()
    expect(read({ source: "studio-preview", type: "error", message: "boom", stack: "at X" })).toEqual({
      source: "studio-preview",
      type: "error",
      message: "boom",
      stack: "at X",
    })
  })
})
