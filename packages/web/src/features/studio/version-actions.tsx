import { Button } from "@studio/kit/components/ui/button"
import { Tooltip, TooltipContent, TooltipTrigger } from "@studio/kit/components/ui/tooltip"
import { Check, Copy, Download, History } from "lucide-react"
import { useState } from "react"
import { useServices } from "../../services/services-context"
import { filesOf, useStudioStore } from "../../state/studio-store"
import { componentPathOf } from "./component-path"

/** What can be done with the selected version: restore it as the newest, copy its component, export a zip. */
export function VersionActions() {
  const { controller } = useServices()
  const versions = useStudioStore((state) => state.versions)
  const selectedId = useStudioStore((state) => state.selectedVersionId)
  const [copied, setCopied] = useState(false)
  const [exporting, setExporting] = useState(false)
  const selected = versions.find((version) => version.id === selectedId)
  if (!selected) return null
  const isLatest = versions.at(-1)?.id === selected.id

  const copy = async () => {
    const state = useStudioStore.getState()
    const files = filesOf(state, selected.id)
    const path = componentPathOf(files, state.versionDetails[selected.id]?.contract?.name)
    if (!path) return
    try {
      await navigator.clipboard.writeText(files[path] ?? "")
      setCopied(true)
      setTimeout(() => setCopied(false), 1500)
    } catch {
      controller.showError(new Error("The browser did not allow copying; select the code in Code instead."))
    }
  }

  return (
    <>
      {!isLatest && (
        <ActionButton
          label={`Restore v${selected.number}`}
          hint="Make this version the newest"
          onClick={() =>
            void controller.restoreVersion(selected.id).catch((error: unknown) => controller.showError(error))
          }
        >
          <History aria-hidden="true" />
          <span className="hidden lg:inline">Restore</span>
        </ActionButton>
      )}
      <ActionButton label="Copy code" hint="Copy the component's code" onClick={() => void copy()}>
        {copied ? <Check aria-hidden="true" className="text-pass" /> : <Copy aria-hidden="true" />}
      </ActionButton>
      <ActionButton
        label="Export"
        hint="Download a runnable Vite + Vitest project (.zip)"
        disabled={exporting}
        onClick={() => {
          setExporting(true)
          controller
            .exportVersion(selected.id)
            .catch((error: unknown) => controller.showError(error))
            .finally(() => setExporting(false))
        }}
      >
        <Download aria-hidden="true" />
        <span className="hidden lg:inline">Export</span>
      </ActionButton>
    </>
  )
}

function ActionButton({
  label,
  hint,
  onClick,
  disabled,
  children,
}: {
  label: string
  hint: string
  onClick(): void
  disabled?: boolean
  children: React.ReactNode
}) {
  return (
    <Tooltip>
      <TooltipTrigger asChild>
        <Button
          variant="ghost"
          size="sm"
          className="h-8 px-2"
          aria-label={label}
          onClick={onClick}
          disabled={disabled}
        >
          {children}
        </Button>
      </TooltipTrigger>
      <TooltipContent>{hint}</TooltipContent>
    </Tooltip>
  )
}
