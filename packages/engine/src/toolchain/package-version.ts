import { readFileSync } from "node:fs"
import path from "node:path"
import { ENGINE_DIR } from "./kit-paths"

/** The version in an installed package's package.json, found the way Node looks up node_modules; undefined when absent. */
export function readInstalledVersion(packageName: string, fromDir: string = ENGINE_DIR): string | undefined {
  for (let dir = path.resolve(fromDir); ; dir = path.dirname(dir)) {
    const version = readVersion(path.join(dir, "node_modules", packageName, "package.json"))
    if (version !== undefined) return version
    if (path.dirname(dir) === dir) return undefined
  }
}

function readVersion(packageJsonPath: string): string | undefined {
  let parsed: unknown
  try {
    parsed = JSON.parse(readFileSync(packageJsonPath, "utf8"))
  } catch {
    return undefined
  }
  if (typeof parsed !== "object" || parsed === null || !("version" in parsed)) return undefined
  return typeof parsed.version === "string" ? parsed.version : undefined
}
