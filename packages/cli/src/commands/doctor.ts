import {
  createToolchainRegistry,
  detectIsolation,
  mayRunUntrustedCode,
  readSandboxPolicy,
} from "@studio/engine"
import type { CliContext } from "../cli-context"
import { loadConfiguredPlugins } from "../custom-plugins"
import { paint } from "../terminal"

/** `studio doctor`: what isolation the sandbox has here, and which tool versions are installed. */
export async function runDoctor(options: { json: boolean }, context: CliContext): Promise<number> {
  const isolation = detectIsolation({ env: context.env })
  // A bad STUDIO_ALLOW_UNISOLATED is `config_invalid`: exit 2 with the variable's name (main.ts).
  const { allowUnisolated } = readSandboxPolicy(context.env)
  const runsUntrustedCode = mayRunUntrustedCode(isolation, allowUnisolated)
  // STUDIO_PLUGINS_DIR's plugins too: a manifest that is wrong is reported here as it would stop `studio serve`.
  const custom = await loadConfiguredPlugins(context)
  const toolchain = createToolchainRegistry()
  const plugins = [...toolchain.listManifests(), ...custom.map((plugin) => plugin.manifest)].map(
    (manifest) => ({
      name: manifest.name,
      version: manifest.version,
      ...(manifest.source ? { source: manifest.source } : {}),
    }),
  )
  await toolchain.dispose()
  if (options.json) {
    context.stdout.write(
      `${JSON.stringify({ node: process.version, isolation, runsUntrustedCode, allowUnisolated, plugins })}\n`,
    )
    return 0
  }
  const out = (line = "") => context.stdout.write(`${line}\n`)
  out(paint.bold("AI Studio doctor"))
  out(`  node ${process.version}`)
  out(
    `  sandbox isolation: ${isolation.level === "namespaces+cgroup" ? paint.green(isolation.level) : paint.yellow(isolation.level)}`,
  )
  out(
    `  sandbox backend: ${isolation.backend === "process" ? paint.yellow("process (no namespaces)") : paint.green(isolation.backend)}`,
  )
  for (const layer of isolation.layers) out(`    ${paint.green("✓")} ${layer}`)
  for (const warning of isolation.warnings) out(`    ${paint.yellow("!")} ${warning}`)
  out("  it protects against:")
  for (const line of isolation.protectsAgainst) out(`    ${paint.green("✓")} ${line}`)
  out("  it does not protect against:")
  for (const line of isolation.doesNotProtectAgainst) out(`    ${paint.yellow("✗")} ${line}`)
  out(
    runsUntrustedCode
      ? `  model-written and edited code: ${isolation.backend === "process" ? paint.yellow("runs without isolation (STUDIO_ALLOW_UNISOLATED=1)") : paint.green("runs in the sandbox")}`
      : `  model-written and edited code: ${paint.yellow("refused here (only the offline generator's own components run); install bubblewrap or allow user namespaces, or set STUDIO_ALLOW_UNISOLATED=1")}`,
  )
  out("  toolchain:")
  for (const plugin of plugins)
    out(
      `    ${plugin.name.padEnd(11)} ${plugin.version}${plugin.source === "custom" ? paint.dim("  (custom)") : ""}`,
    )
  return 0
}
