import { DesignPanel } from "../design/design-panel"
import { useStudioStore } from "../../state/studio-store"

const EMPTY: Record<string, unknown> = {}

/** The Design workspace: the selected version's contract props as controls that re-render the preview in place. */
export function DesignView() {
  const versionId = useStudioStore((state) => state.selectedVersionId)
  const contract = useStudioStore((state) =>
    versionId ? state.versionDetails[versionId]?.contract : undefined,
  )
  const values = useStudioStore((state) => (versionId ? state.propValues[versionId] : undefined) ?? EMPTY)
  const setPropValue = useStudioStore((state) => state.setPropValue)
  const resetProps = useStudioStore((state) => state.resetProps)
  const repaintMs = useStudioStore((state) => state.previewRepaintMs)
  return (
    <DesignPanel
      className="p-4"
      contract={contract ?? null}
      values={values}
      onChange={(name, value) => {
        if (versionId) setPropValue(versionId, name, value)
      }}
      onReset={() => {
        if (versionId) resetProps(versionId)
      }}
      {...(repaintMs !== null ? { lastRepaintMs: repaintMs } : {})}
    />
  )
}
