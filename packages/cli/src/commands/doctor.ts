import { createToolchainRegistry, detectIsolation } from "@studio/engine"
import { paint } from "../terminal"

/** `studio doctor`: what isolation the sandbox has here, and which tool versions are installed. */
export async function runDoctor(options: { json: boolean }): Promise<number> {
  const isolation = detectIsolation()
  const toolchain = createToolchainRegistry()
  const plugins = toolchain
    .listManifests()
    .map((manifest) => ({ name: manifest.name, version: manifest.version }))
  await toolchain.dispose()
  if (options.json) {
    process.stdout.write(`${JSON.stringify({ node: process.version, isolation, plugins })}\n`)
    return 0
  }
  const out = (line = "") => process.stdout.write(`${line}\n`)
  out(paint.bold("AI Studio doctor"))
  out(`  node ${process.version}`)
  out(
    `  sandbox isolation: ${isolation.level === "namespaces+cgroup" ? paint.green(isolation.level) : paint.yellow(isolation.level)}`,
  )
  for (const layer of isolation.layers) out(`    ${paint.green("✓")} ${layer}`)
  for (const warning of isolation.warnings) out(`    ${paint.yellow("!")} ${warning}`)
  out("  toolchain:")
  for (const plugin of plugins) out(`    ${plugin.name.padEnd(11)} ${plugin.version}`)
  return 0
}
