import type { PluginManifestInfo } from "@studio/protocol"
import { render, screen, within } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { beforeEach, describe, expect, it } from "vitest"
import { pluginsForRun } from "../../state/plugin-selection"
import { useStudioStore } from "../../state/studio-store"
import { PluginPicker } from "./plugin-picker"

const manifest = (
  name: string,
  costEstimate: number,
  source: PluginManifestInfo["source"] = "builtin",
): PluginManifestInfo => ({
  name,
  packageName: name,
  version: "1.0.0",
  description: `${name} does its part`,
  inputs: [".tsx"],
  outputs: ["diagnostics"],
  command: name,
  costEstimate,
  compatibility: [],
  source,
})
const PLUGINS = [
  manifest("eslint", 400),
  manifest("typescript", 900),
  manifest("vitest", 1500),
  manifest("flags-console-log", 120, "custom"),
]
const studio = () => useStudioStore.getState()

beforeEach(() => {
  studio().reset()
  studio().setPlugins(PLUGINS)
})

describe("PluginPicker", () => {
  it("lists the custom plugins apart, with their cost, off until chosen for a run", async () => {
    const user = userEvent.setup()
    render(<PluginPicker />)
    expect(screen.getByRole("button", { name: "Toolchain" })).toHaveTextContent("Toolchain 3/4")
    await user.click(screen.getByRole("button", { name: "Toolchain" }))
    const menu = await screen.findByRole("menu")
    const items = within(menu).getAllByRole("menuitemcheckbox")
    expect(items.map((item) => item.getAttribute("aria-checked"))).toEqual(["true", "true", "true", "false"])
    const custom = items[3]!
    expect(custom).toHaveTextContent("flags-console-log")
    expect(custom).toHaveTextContent("custom")
    expect(custom).toHaveTextContent("≈ 120 ms")
    expect(within(menu).getByText("Custom plugins · chosen per run")).toBeInTheDocument()
    expect(within(menu).getByText("≈ 2800 ms per run")).toBeInTheDocument()
    // The built-ins alone are the default: the run is sent without a plugin list.
    expect(pluginsForRun(studio().availablePlugins, studio().selectedPlugins)).toBeUndefined()

    await user.click(custom)
    expect(custom).toHaveAttribute("aria-checked", "true")
    expect(within(menu).getByText("≈ 2920 ms per run")).toBeInTheDocument()
    // The open menu hides the rest of the page from assistive technology.
    expect(screen.getByRole("button", { name: "Toolchain", hidden: true })).toHaveTextContent("Toolchain 4/4")
    expect(pluginsForRun(studio().availablePlugins, studio().selectedPlugins)).toEqual([
      "eslint",
      "typescript",
      "vitest",
      "flags-console-log",
    ])

    await user.click(items[0]!)
    expect(pluginsForRun(studio().availablePlugins, studio().selectedPlugins)).toEqual([
      "typescript",
      "vitest",
      "flags-console-log",
    ])
  })

  it("shows no custom section when the studio has none", async () => {
    const user = userEvent.setup()
    studio().reset()
    studio().setPlugins(PLUGINS.slice(0, 3))
    render(<PluginPicker />)
    await user.click(screen.getByRole("button", { name: "Toolchain" }))
    const menu = await screen.findByRole("menu")
    expect(within(menu).queryByText(/Custom plugins/)).toBeNull()
    expect(within(menu).getAllByRole("menuitemcheckbox")).toHaveLength(3)
  })
})
