import path from "node:path"
import { strToU8, zipSync } from "fflate"
import { checkJobImports } from "@studio/engine"
import { StudioError, type Contract } from "@studio/protocol"
import { collectKitFiles, importSpecifiersOf, isScriptPath, isTestPath } from "./kit-files"
import { scaffoldFiles } from "./project-template"

export interface ProjectZipInput {
  /** Shown to people; becomes the npm package name and the zip's top folder once made safe. */
  name: string
  /** The version's files keyed by project path, all under `src/` (e.g. "src/components/Counter.tsx"). */
  files: Record<string, string>
  contract?: Contract
  /**
   * Tests as the spec: the version's given tests (paths among `files`). Then the component may import what the
   * sandbox allowed it (react-router-dom), and the project runs the Jest-style tests as the sandbox did.
   */
  givenTests?: readonly string[]
}

const MAX_PATH_LENGTH = 200

/**
 * A zip of a runnable Vite + Vitest + React + Tailwind v4 project: the version's files, the kit files they use,
 * and the config around them, all in one top folder. `npm install && npm test` runs the component's tests.
 */
export async function buildProjectZip(input: ProjectZipInput): Promise<Uint8Array> {
  const files = await buildProjectFiles(input)
  const folder = packageNameOf(input.name)
  const entries = Object.keys(files)
    .sort()
    .map((filePath) => [`${folder}/${filePath}`, strToU8(files[filePath] ?? "")] as const)
  return zipSync(Object.fromEntries(entries), { level: 6 })
}

/**
 * The exported project's files keyed by path. The kit's and the scaffold's files win over a version file at the
 * same path, as the kit did when the tests ran (and a version never supplies package.json or the build config).
 */
export async function buildProjectFiles(input: ProjectZipInput): Promise<Record<string, string>> {
  for (const filePath of Object.keys(input.files)) assertSafeSourcePath(filePath)
  const testsAsSpec = (input.givenTests ?? []).some((filePath) => Object.hasOwn(input.files, filePath))
  assertImportsAllowed(input.files, testsAsSpec)
  const entry = findEntryComponent(input.files, input.contract)
  const testFiles = Object.keys(input.files)
    .filter((filePath) => isTestPath(filePath))
    .sort()
  return {
    ...input.files,
    ...(await collectKitFiles(input.files)),
    ...scaffoldFiles({
      packageName: packageNameOf(input.name),
      entry,
      testFiles,
      testsAsSpec,
      memoryRouter: usesRouter(input.files),
      ...(input.contract ? { contract: input.contract } : {}),
    }),
  }
}

/** Throws `unsafe_path` unless the path is a plain relative path under `src/` (no `..`, no dot-folders). */
export function assertSafeSourcePath(filePath: string): void {
  const segments = filePath.split("/")
  const safe =
    filePath.length <= MAX_PATH_LENGTH &&
    !/[\\\0:]/.test(filePath) &&
    segments[0] === "src" &&
    segments.length > 1 &&
    segments.every((segment) => segment !== "" && !segment.startsWith("."))
  if (!safe) {
    throw new StudioError("unsafe_path", "The version has a file path that cannot be exported.", {
      details: { path: filePath.slice(0, MAX_PATH_LENGTH) },
    })
  }
}

const REFUSALS_SHOWN = 3

/**
 * Throws `validation_failed` when a file imports what generated code may not: the export refuses what the preview
 * and the sandbox refuse, by the same rules (the engine's module resolver), naming each file and line.
 */
export function assertImportsAllowed(files: Record<string, string>, testsAsSpec = false): void {
  const refused = checkJobImports(files, { testsAsSpec })
  if (refused.length === 0) return
  const listed = refused
    .slice(0, REFUSALS_SHOWN)
    .map((diagnostic) => `${diagnostic.path}:${diagnostic.line}:${diagnostic.column}: ${diagnostic.message}`)
  const more = refused.length > REFUSALS_SHOWN ? ` (and ${refused.length - REFUSALS_SHOWN} more)` : ""
  throw new StudioError("validation_failed", `The version cannot be exported: ${listed.join(" ")}${more}`, {
    details: { diagnostics: refused },
  })
}

/** The component main.tsx renders: the contract's, else the first top-level component by name. */
function findEntryComponent(files: Record<string, string>, contract: Contract | undefined): string {
  const components = Object.keys(files)
    .filter((filePath) => /^src\/components\/[^/]+\.[jt]sx$/.test(filePath) && !isTestPath(filePath))
    .sort()
  const named = contract && components.find((filePath) => path.posix.parse(filePath).name === contract.name)
  const entry = named ?? components[0]
  if (entry === undefined)
    throw new StudioError("validation_failed", "The version has no component to export.")
  return entry
}

/** Whether a component file (not a test) imports react-router-dom, so its page needs a router around it. */
function usesRouter(files: Record<string, string>): boolean {
  return Object.entries(files).some(
    ([filePath, content]) =>
      isScriptPath(filePath) &&
      !isTestPath(filePath) &&
      importSpecifiersOf(content, filePath).includes("react-router-dom"),
  )
}

/** A name npm accepts (lowercase, URL-safe, at most 64 characters), "component" when nothing usable is left. */
export function packageNameOf(name: string): string {
  const slug = name
    .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .slice(0, 64)
    .replace(/^-+|-+$/g, "")
  return slug === "" ? "component" : slug
}
