import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises"
import { tmpdir } from "node:os"
import path from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { KIT_SOURCE_DIR, collectKitFiles, importSpecifiersOf } from "./kit-files"

describe("importSpecifiersOf", () => {
  it("finds imports, type imports, re-exports, side-effect and dynamic imports", () => {
    const source = [
      'import * as React from "react"',
      "import { cn } from '@/lib/utils'",
      'import type { Size } from "@/lib/appearance"',
      'export { Button } from "./button"',
      'import "./styles.css"',
      'const lazy = import("@/components/ui/dialog")',
      'import {\n  Card,\n  CardTitle,\n} from "@/components/ui/card"',
    ].join("\n")
    expect(importSpecifiersOf(source)).toEqual([
      "react",
      "@/lib/utils",
      "@/lib/appearance",
      "./button",
      "./styles.css",
      "@/components/ui/dialog",
      "@/components/ui/card",
    ])
  })
})

describe("collectKitFiles on a small kit", () => {
  let kitDir: string
  const kit: Record<string, string> = {
    "styles.css": '@import "tailwindcss";\n',
    "test-setup.ts": 'import "@testing-library/jest-dom/vitest"\n',
    "lib/utils.ts": "export const cn = () => ''\n",
    "lib/utils.test.ts": "test\n",
    "components/ui/button.tsx": 'import { cn } from "@/lib/utils"\nimport { Slot } from "./slot"\n',
    "components/ui/slot.tsx": "export const Slot = 1\n",
    "components/ui/dialog.tsx": 'import { Button } from "@/components/ui/button"\n',
    "components/ui/card.tsx": "export const Card = 1\n",
    "components/ui/card.test.tsx": "test\n",
    "README.md": "not part of a project\n",
  }

  beforeAll(async () => {
    kitDir = await mkdtemp(path.join(tmpdir(), "studio-kit-"))
    for (const [filePath, content] of Object.entries(kit)) {
      await mkdir(path.dirname(path.join(kitDir, filePath)), { recursive: true })
      await writeFile(path.join(kitDir, filePath), content)
    }
  })
  afterAll(async () => {
    await rm(kitDir, { recursive: true, force: true })
  })

  it("always brings the stylesheet, the test setup and src/lib, without tests", async () => {
    const collected = await collectKitFiles({ "src/components/Plain.tsx": "export default 1\n" }, kitDir)
    expect(Object.keys(collected).sort()).toEqual(["src/lib/utils.ts", "src/styles.css", "src/test-setup.ts"])
    expect(collected["src/styles.css"]).toBe(kit["styles.css"])
  })

  it("follows imports from the component through the kit, by alias and relative path", async () => {
    const collected = await collectKitFiles(
      { "src/components/Modal.tsx": 'import { Dialog } from "@/components/ui/dialog"\n' },
      kitDir,
    )
    expect(
      Object.keys(collected)
        .filter((filePath) => filePath.includes("/ui/"))
        .sort(),
    ).toEqual(["src/components/ui/button.tsx", "src/components/ui/dialog.tsx", "src/components/ui/slot.tsx"])
  })

  it("follows imports from tests too, and ignores specifiers that are not the kit's", async () => {
    const collected = await collectKitFiles(
      {
        "src/components/Tile.test.tsx":
          'import { Card } from "@/components/ui/card"\nimport x from "react"\n',
        "src/components/Tile.tsx":
          'import { Other } from "./Other"\nimport y from "@/components/ui/missing"\n',
        "src/components/notes.css": 'import "@/components/ui/dialog"\n',
      },
      kitDir,
    )
    expect(Object.keys(collected).filter((filePath) => filePath.includes("/ui/"))).toEqual([
      "src/components/ui/card.tsx",
    ])
  })
})

describe("collectKitFiles on the kit package", () => {
  it("reads the real files from packages/kit/src", async () => {
    const collected = await collectKitFiles({
      "src/components/Save.tsx": 'import { Button } from "@/components/ui/button"\n',
    })
    expect(collected["src/components/ui/button.tsx"]).toBe(
      await readFile(path.join(KIT_SOURCE_DIR, "components/ui/button.tsx"), "utf8"),
    )
    expect(Object.keys(collected)).toEqual(
      expect.arrayContaining(["src/lib/utils.ts", "src/lib/appearance.ts"]),
    )
    expect(Object.keys(collected).some((filePath) => /\.test\./.test(filePath))).toBe(false)
  })
})
