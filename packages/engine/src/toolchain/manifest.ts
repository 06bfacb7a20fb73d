import { readInstalledVersion } from "./package-version"
import type { PluginManifest } from "./types"

export const NOT_INSTALLED = "not installed"

/** A manifest with `version` read from the tool's installed package.json. */
export function defineManifest(fields: Omit<PluginManifest, "version">, fromDir?: string): PluginManifest {
  return { ...fields, version: readInstalledVersion(fields.packageName, fromDir) ?? NOT_INSTALLED }
}
