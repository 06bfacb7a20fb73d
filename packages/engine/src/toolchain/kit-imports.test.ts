import { mkdtemp, mkdir, writeFile } from "node:fs/promises"
import { tmpdir } from "node:os"
import path from "node:path"
import { describe, it, expect } from "vitest"
import { collectImportedKitFiles, importSpecifiersOf } from "./kit-imports"

async function fakeKit(): Promise<string> {
  const kitDir = await mkdtemp(path.join(tmpdir(), "studio-kit-"))
  await mkdir(path.join(kitDir, "src", "components", "ui"), { recursive: true })
  await mkdir(path.join(kitDir, "src", "lib"), { recursive: true })
  await writeFile(path.join(kitDir, "src", "lib", "utils.ts"), "export const cn = () => ''\n")
  await writeFile(
    path.join(kitDir, "src", "components", "ui", "button.tsx"),
    'import { cn } from "@/lib/utils"\nexport const Button = () => <button className={cn("bg-primary")} />\n',
  )
  await writeFile(
    path.join(kitDir, "src", "components", "ui", "dialog.tsx"),
    'import { Button } from "./button"\nexport const Dialog = () => <Button />\n',
  )
  await writeFile(path.join(kitDir, "src", "components", "ui", "card.tsx"), "export const Card = 1\n")
  return kitDir
}

describe("importSpecifiersOf", () => {
  it("finds static, side-effect, re-export and dynamic imports", () => {
    const source = `import a from "a"\nimport { b } from 'b'\nimport "c"\nexport * from "d"\nconst e = import("e")\n`
    expect(importSpecifiersOf(source)).toEqual(["a", "b", "c", "d", "e"])
  })
})

describe("collectImportedKitFiles", () => {
  it("follows the job's kit imports through the kit, and nothing else", async () => {
    const kitDir = await fakeKit()
    const files = {
      "src/components/Modal.tsx": 'import { Dialog } from "@/components/ui/dialog"\nimport x from "./x"\n',
      "src/styles.css": '@import "@/components/ui/card";',
    }
    const collected = await collectImportedKitFiles(files, kitDir)
    expect(collected.map((file) => path.relative(kitDir, file.path)).sort()).toEqual([
      "src/components/ui/button.tsx",
      "src/components/ui/dialog.tsx",
      "src/lib/utils.ts",
    ])
    expect(collected.find((file) => file.path.endsWith("button.tsx"))?.content).toContain("bg-primary")
  })

  it("ignores kit imports that do not exist", async () => {
    const kitDir = await fakeKit()
    expect(
      await collectImportedKitFiles({ "src/a.tsx": 'import "@/components/ui/missing"' }, kitDir),
    ).toEqual([])
  })
})
