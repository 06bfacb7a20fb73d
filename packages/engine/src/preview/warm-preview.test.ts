import { afterAll, describe, expect, it } from "vitest"
import { createToolchainRegistry } from "../toolchain"
import { warmPreviewBuilder } from "./warm-preview"

const toolchain = createToolchainRegistry({})
afterAll(() => toolchain.dispose())

describe("warmPreviewBuilder", () => {
  it("builds its component's preview with the real esbuild and Tailwind, without an error", async () => {
    expect(await warmPreviewBuilder(toolchain)).toEqual([])
  })
})
