import { createLazy } from "./lazy"
import { defineManifest } from "./manifest"
import { createTypeScriptChecker } from "./typescript-checker"
import type { TypeScriptCheckerOptions } from "./typescript-checker"
import { isTestsAsSpec, type PluginInput, type PluginResult, type ToolchainPlugin } from "./types"

export const typescriptManifest = defineManifest({
  name: "typescript",
  packageName: "typescript",
  description:
    "Type-checks the job's files against React, lucide-react, Testing Library and the kit with a warm language service.",
  inputs: [".ts", ".tsx"],
  outputs: ["diagnostics"],
  command: "tsc --noEmit",
  costEstimate: 200,
  // TypeScript 7 (native) has no stable programmatic API yet and typescript-eslint needs the classic one.
  compatibility: ["node>=20.19", "typescript@6 (classic JS API)"],
})

/** Imports what most components and tests import, so warming up parses those declaration files. */
const WARM_UP_FILES: Record<string, string> = {
  "src/components/WarmUp.tsx": `import { useState } from "react"
import { Check } from "lucide-react"
import { cn } from "@/lib/utils"

export interface WarmUpProps {
  label: string
}

export default function WarmUp({ label }: WarmUpProps) {
  const [on, setOn] = useState(false)
  return (
    <button type="button" className={cn("p-2", on && "font-bold")} onClick={() => setOn(!on)}>
      <Check aria-hidden="true" /> {label}
    </button>
  )
}
`,
  "src/components/WarmUp.test.tsx": `import { describe, it, expect, vi } from "vitest"
import { render, screen } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import WarmUp from "./WarmUp"

describe("WarmUp", () => {
  it("R1: renders", async () => {
    const spy = vi.fn()
    render(<WarmUp label="Hi" />)
    await userEvent.click(screen.getByRole("button"))
    expect(screen.getByRole("button")).toBeInTheDocument()
    expect(spy).not.toHaveBeenCalled()
  })
})
`,
}

/** Type-checks the job with one warm checker per plugin instance (created on first use). */
export function createTypeScriptPlugin(options: TypeScriptCheckerOptions = {}): ToolchainPlugin {
  const warmChecker = createLazy(() => createTypeScriptChecker(options))
  return {
    manifest: typescriptManifest,
    async warmUp() {
      ;(await warmChecker.get()).check(WARM_UP_FILES)
    },
    async run(input: PluginInput): Promise<PluginResult> {
      const { files, signal } = input
      const started = performance.now()
      const checker = await warmChecker.get()
      const diagnostics = checker.check(files, signal, { testsAsSpec: isTestsAsSpec(input) })
      return { diagnostics, durationMs: performance.now() - started }
    },
    async dispose() {
      const checker = warmChecker.peek()
      warmChecker.reset()
      if (checker !== undefined) (await checker).dispose()
    },
  }
}
