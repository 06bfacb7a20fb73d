import { mkdtemp, mkdir, symlink, writeFile } from "node:fs/promises"
import { tmpdir } from "node:os"
import path from "node:path"
import { describe, it, expect } from "vitest"
import { collectImportedKitFiles } from "./kit-imports"

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

describe("collectImportedKitFiles", () => {
  it("follows the job's kit imports through the kit, and nothing else", async () => {
    const kitDir = await fakeKit()
    const files = {
      "src/components/Modal.tsx": 'import { Dialog } from "@/components/ui/dialog"\nimport x from "./x"\n',
      "src/styles.css": '@import "@/components/ui/card";',
    }
    const { kitFiles: collected, diagnostics } = await collectImportedKitFiles(files, kitDir)
    expect(diagnostics).toEqual([])
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
    ).toEqual({ kitFiles: [], diagnostics: [] })
  })

  it("follows no refused import and reads no kit file that is really elsewhere", async () => {
    const kitDir = await fakeKit()
    const canary = path.join(kitDir, "canary.tsx")
    await writeFile(canary, 'export const Secret = () => <p className="canary-class-7d1e" />\n')
    await symlink(canary, path.join(kitDir, "src", "components", "ui", "leak.tsx"))
    const files = {
      "src/components/A.tsx": [
        'import { Leak } from "@/components/ui/leak"',
        'import { Secret } from "@/components/ui/../../../canary"',
        'import { Button } from "@/components/ui/button" with { type: "text" }',
      ].join("\n"),
    }
    const { kitFiles, diagnostics } = await collectImportedKitFiles(files, kitDir, { source: "tailwind" })
    expect(kitFiles).toEqual([])
    expect(diagnostics.map((d) => [d.source, d.path, d.line, d.severity])).toEqual([
      ["tailwind", "src/components/A.tsx", 2, "error"],
      ["tailwind", "src/components/A.tsx", 3, "error"],
    ])
  })
})
