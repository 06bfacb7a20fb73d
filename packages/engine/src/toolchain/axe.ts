import { defineManifest } from "./manifest"

/**
 * The accessibility check: axe-core run against the rendered component inside the sandbox. Like vitest it is
 * registered by the engine (it needs the sandbox); its manifest is known here.
 */
export const axeManifest = defineManifest({
  name: "axe",
  packageName: "axe-core",
  description:
    "Renders the component in the sandbox and runs the axe-core accessibility rules that need no layout; critical and serious violations are errors.",
  inputs: [".tsx"],
  outputs: ["diagnostics"],
  command: "axe.run(document)",
  costEstimate: 300,
  compatibility: ["axe-core@4", "happy-dom", "sandbox"],
})
