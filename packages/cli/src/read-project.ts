import { existsSync, lstatSync, readdirSync, readFileSync, statSync } from "node:fs"
import path from "node:path"
import { isSafeJobPath } from "@studio/engine"
import { contractSchema, parseOrThrow, StudioError, type Contract } from "@studio/protocol"

const SOURCE_FILE = /\.(tsx|ts|css)$/
const MAX_FILE_BYTES = 256 * 1024
const MAX_FILES = 200

/** The project files under DIR/src that `studio exec` runs, keyed by their path relative to DIR. */
export function readProjectFiles(dir: string): Record<string, string> {
  const root = path.resolve(dir)
  let stats
  try {
    stats = statSync(root)
  } catch {
    throw new StudioError("usage", `${dir}: no such directory`)
  }
  if (!stats.isDirectory()) throw new StudioError("usage", `${dir}: not a directory`)
  const srcDir = path.join(root, "src")
  try {
    if (lstatSync(srcDir).isSymbolicLink())
      throw new StudioError(
        "usage",
        `${dir}: src/ is a symbolic link; a project's files must be regular files inside it`,
      )
  } catch (error) {
    if (StudioError.isInstance(error)) throw error
    throw new StudioError(
      "usage",
      `${dir}: has no src/ folder (expected src/components/<Name>.tsx and <Name>.test.tsx)`,
    )
  }
  const files: Record<string, string> = {}
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      if (entry.name === "node_modules" || entry.name.startsWith(".")) continue
      const full = path.join(current, entry.name)
      // A link could name any file of the machine; the project's files are its own (as the sandbox requires).
      if (entry.isSymbolicLink()) {
        throw new StudioError(
          "usage",
          `${path.relative(root, full).split(path.sep).join("/")}: a symbolic link; a project's files must be regular files inside it`,
        )
      }
      if (entry.isDirectory()) {
        walk(full)
        continue
      }
      if (!entry.isFile() || !SOURCE_FILE.test(entry.name)) continue
      const relative = path.relative(root, full).split(path.sep).join("/")
      if (!isSafeJobPath(relative)) continue
      if (statSync(full).size > MAX_FILE_BYTES)
        throw new StudioError("usage", `${relative}: larger than ${MAX_FILE_BYTES / 1024} KiB`)
      files[relative] = readFileSync(full, "utf8")
      if (Object.keys(files).length > MAX_FILES)
        throw new StudioError("usage", `${dir}: more than ${MAX_FILES} source files`)
    }
  }
  walk(srcDir)
  if (Object.keys(files).length === 0) throw new StudioError("usage", `${dir}: no .tsx/.ts files under src/`)
  return files
}

/**
 * DIR/contract.json when there is one (`studio generate` writes it beside src/): its requirements are what the
 * tests must prove. Undefined without one; a contract that does not parse is a usage error, not a silent skip.
 */
export function readProjectContract(dir: string): Contract | undefined {
  const file = path.join(path.resolve(dir), "contract.json")
  if (!existsSync(file)) return undefined
  let data: unknown
  try {
    data = JSON.parse(readFileSync(file, "utf8"))
  } catch {
    throw new StudioError("usage", `${path.join(dir, "contract.json")}: not JSON`)
  }
  return parseOrThrow(contractSchema, data, {
    code: "usage",
    subject: `${path.join(dir, "contract.json")}: not a contract`,
  })
}
