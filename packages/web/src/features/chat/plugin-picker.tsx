import type { PluginManifestInfo } from "@studio/protocol"
import { Badge } from "@studio/kit/components/ui/badge"
import { Button } from "@studio/kit/components/ui/button"
import {
  DropdownMenu,
  DropdownMenuCheckboxItem,
  DropdownMenuContent,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@studio/kit/components/ui/dropdown-menu"
import { Wrench } from "lucide-react"
import { useStudioStore } from "../../state/studio-store"

/**
 * The toolchain steps the execute stage runs (GET /api/plugins), the built-ins and then the custom plugins of the
 * studio's STUDIO_PLUGINS_DIR, each with its cost estimate; the selection goes with the next prompt.
 */
export function PluginPicker() {
  const plugins = useStudioStore((state) => state.availablePlugins)
  const selected = useStudioStore((state) => state.selectedPlugins)
  const toggle = useStudioStore((state) => state.togglePlugin)
  if (plugins.length === 0) return null
  const chosen = plugins.filter((plugin) => selected.includes(plugin.name))
  const cost = chosen.reduce((sum, plugin) => sum + plugin.costEstimate, 0)
  const builtins = plugins.filter((plugin) => plugin.source !== "custom")
  const custom = plugins.filter((plugin) => plugin.source === "custom")
  const item = (plugin: PluginManifestInfo) => (
    <DropdownMenuCheckboxItem
      key={plugin.name}
      checked={selected.includes(plugin.name)}
      onCheckedChange={() => toggle(plugin.name)}
      onSelect={(event) => event.preventDefault()}
      className="items-start"
    >
      <span className="flex flex-col gap-0.5">
        <span className="flex items-center gap-2 text-sm font-medium">
          {plugin.name}
          {plugin.source === "custom" && (
            <Badge variant="outline" className="px-1.5 py-0 text-[10px] font-normal">
              custom
            </Badge>
          )}
          <span className="text-muted-foreground text-xs font-normal">
            {plugin.version} · ≈ {plugin.costEstimate} ms
          </span>
        </span>
        <span className="text-muted-foreground text-xs leading-snug">{plugin.description}</span>
      </span>
    </DropdownMenuCheckboxItem>
  )
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button
          type="button"
          variant="ghost"
          size="sm"
          className="text-muted-foreground h-8 gap-1.5 text-xs"
          aria-label="Toolchain"
        >
          <Wrench aria-hidden="true" className="size-3.5" />
          Toolchain {chosen.length}/{plugins.length}
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="start" className="max-h-96 w-80 overflow-y-auto">
        <DropdownMenuLabel className="flex items-baseline justify-between text-xs">
          <span>Toolchain plugins</span>
          <span className="text-muted-foreground font-normal">≈ {cost} ms per run</span>
        </DropdownMenuLabel>
        <DropdownMenuSeparator />
        {builtins.map(item)}
        {custom.length > 0 && (
          <>
            <DropdownMenuSeparator />
            <DropdownMenuLabel className="text-muted-foreground text-xs font-normal">
              Custom plugins · chosen per run
            </DropdownMenuLabel>
            {custom.map(item)}
          </>
        )}
      </DropdownMenuContent>
    </DropdownMenu>
  )
}
