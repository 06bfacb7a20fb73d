import { mkdirSync, readFileSync, renameSync, rmSync, statSync } from "node:fs"
import { createRequire } from "node:module"
import path from "node:path"
import { buildSync } from "esbuild"
import { ENGINE_ROOT } from "../engine-root"

/** Bumped when the bundle's build options change, so that an old bundle is not reused. */
const BUNDLE_FORMAT = 1

/**
 * happy-dom as one ES module file, for the sandbox worker's DOM environment.
 *
 * Every worker builds a fresh DOM before its job. Imported as published, happy-dom is 611 module files, and Node
 * spends ~400 ms of CPU resolving, reading and linking them in each worker: a third of a worker's whole warm-up.
 * The same code bundled into one file loads in ~70 ms. The bundle is built once per machine with esbuild and kept
 * beside the packages (`node_modules/.cache/ai-studio/`), which the sandbox already mounts read-only; the worker
 * is told its path and falls back to the package as published when there is none. `cacheDir` is for tests.
 */
export function happyDomBundle(cacheDir?: string): string | undefined {
  const require = createRequire(path.join(ENGINE_ROOT, "package.json"))
  let packageJson: string
  try {
    packageJson = require.resolve("happy-dom/package.json")
  } catch {
    return undefined
  }
  const { version } = JSON.parse(readFileSync(packageJson, "utf8")) as { version: string }
  const nodeModules = path.dirname(path.dirname(packageJson))
  const dir = cacheDir ?? path.join(nodeModules, ".cache", "ai-studio")
  const file = path.join(dir, `happy-dom-${version}-${BUNDLE_FORMAT}.mjs`)
  if (isFile(file)) return file
  const partial = `${file}.${process.pid}.partial`
  try {
    mkdirSync(dir, { recursive: true })
    buildSync({
      entryPoints: [require.resolve("happy-dom")],
      bundle: true,
      format: "esm",
      platform: "node",
      target: `node${process.versions.node}`,
      outfile: partial,
      logLevel: "silent",
      // Testing Library's pretty-printer tells elements by their class names (`HTMLDivElement`); esbuild would rename
      // the classes that clash across modules (`Element2`) without it.
      keepNames: true,
      // happy-dom's CommonJS dependencies (ws, whatwg-mimetype) require Node's own modules at run time.
      banner: {
        js: 'import { createRequire as __studioRequire } from "node:module"; const require = __studioRequire(import.meta.url);',
      },
    })
    // Another process may be writing the same bundle; the rename makes whichever finishes last the one kept, whole.
    renameSync(partial, file)
    return file
  } catch {
    try {
      rmSync(partial, { force: true })
    } catch {
      // no folder to have written into
    }
    // A read-only install, or a happy-dom esbuild cannot bundle: the worker imports the package as published.
    return undefined
  }
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile()
  } catch {
    return false
  }
}
