// Bundles the `studio` command (and the toolchain thread) into dist/, so a run starts without compiling
// TypeScript on the fly: tsx's loader hooks cost ~0.4 s of CPU in every process and thread that uses them.
// Third-party packages stay external (they load from node_modules); the workspace's own packages are bundled.
import { readdirSync, statSync } from "node:fs"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { build } from "esbuild"

const cliRoot = path.dirname(fileURLToPath(import.meta.url))
const packagesRoot = path.dirname(cliRoot)
export const distEntry = path.join(cliRoot, "dist", "studio.mjs")

const bundleWorkspaceOnly = {
  name: "bundle-workspace-only",
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith("@studio/") ? undefined : { path: args.path, external: true },
    )
  },
}

/** Builds dist/ from the sources. */
export async function buildCli() {
  await build({
    entryPoints: {
      studio: path.join(cliRoot, "src", "main.ts"),
      // Beside the bundle, where `new URL("./toolchain-thread-entry.mjs", import.meta.url)` looks for it.
      "toolchain-thread-entry": path.join(
        packagesRoot,
        "engine",
        "src",
        "toolchain",
        "thread",
        "toolchain-thread.ts",
      ),
    },
    outdir: path.join(cliRoot, "dist"),
    outExtension: { ".js": ".mjs" },
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    sourcemap: "linked",
    logLevel: "error",
    plugins: [bundleWorkspaceOnly],
  })
}

/** True when a source file of the workspace is newer than the bundle (or there is no bundle). */
export function isDistStale() {
  let built
  try {
    built = statSync(distEntry).mtimeMs
  } catch {
    return true
  }
  const newer = (dir) => {
    for (const entry of readdirSafe(dir)) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) {
        if (newer(full)) return true
      } else if (
        /\.(ts|mts|tsx)$/.test(entry.name) &&
        !entry.name.includes(".test.") &&
        statSync(full).mtimeMs > built
      ) {
        return true
      }
    }
    return false
  }
  return ["protocol", "engine", "server", "cli"].some((name) => newer(path.join(packagesRoot, name, "src")))
}

function readdirSafe(dir) {
  try {
    return readdirSync(dir, { withFileTypes: true })
  } catch {
    return []
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildCli()
