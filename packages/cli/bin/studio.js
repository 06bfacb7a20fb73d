#!/usr/bin/env node
// The `studio` command. It runs the bundle in dist/ (built by `npm ci`, rebuilt here when a source is newer), and
// falls back to compiling the TypeScript sources on the fly with tsx if the bundle cannot be built.
import { buildCli, distEntry, isDistStale } from "../build.mjs"

let main
try {
  if (isDistStale()) await buildCli()
  ;({ main } = await import(distEntry))
} catch {
  const { register } = await import("tsx/esm/api")
  register()
  ;({ main } = await import("../src/main.ts"))
}
process.exitCode = await main(process.argv.slice(2))
