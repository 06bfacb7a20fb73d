import {
  Select,
  SelectContent,
  SelectItem,
  SelectTrigger,
  SelectValue,
} from "@studio/kit/components/ui/select"
import { useServices } from "../../services/services-context"
import { useStudioStore } from "../../state/studio-store"

/** v1..vN of the current project; choosing one shows its preview, code, design props and report. */
export function VersionSelector() {
  const { controller } = useServices()
  const versions = useStudioStore((state) => state.versions)
  const selected = useStudioStore((state) => state.selectedVersionId)
  if (versions.length === 0) return null
  return (
    <Select
      value={selected ?? undefined}
      onValueChange={(versionId) => {
        void controller.selectVersion(versionId).catch((error: unknown) => controller.showError(error))
      }}
    >
      <SelectTrigger aria-label="Version" size="sm" className="h-8 min-w-20 text-xs">
        <SelectValue placeholder="Version" />
      </SelectTrigger>
      <SelectContent align="end">
        {[...versions].reverse().map((version) => (
          <SelectItem key={version.id} value={version.id} className="text-xs">
            <span className="font-medium">v{version.number}</span>
            <span className="text-muted-foreground max-w-52 truncate">{version.prompt}</span>
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  )
}
