import { StudioError, type Contract, type StudioEvent } from "@studio/protocol"
import type { PreviousVersion } from "../../generators/types"
import { streamFiles, TEST_FILE } from "../model-stream"
import { stageComplete, type GenerationContext } from "../run-context"

/** What the scaffold wrote: the implementation files, and the component's path and source among them. */
export interface Scaffold {
  files: Record<string, string>
  componentPath: string
  componentSource: string
}

/**
 * scaffold: the contract becomes the implementation. A follow-up keeps the previous version's implementation files
 * unless the scaffold rewrites them; its tests are written anew from the new contract. A follow-up that makes another
 * component drops the old one's file, so the version holds one component (the one the preview, the design panel and
 * the export show).
 */
export async function* scaffoldStage(
  context: GenerationContext,
  contract: Contract,
  previous: PreviousVersion | undefined,
): AsyncGenerator<StudioEvent, Scaffold> {
  const started = performance.now()
  const previousName = previous?.contract.name
  const replacedComponent =
    previousName && previousName !== contract.name ? `src/components/${previousName}.tsx` : undefined
  const files: Record<string, string> = Object.fromEntries(
    Object.entries(previous?.files ?? {}).filter(
      ([path]) => !TEST_FILE.test(path) && path !== replacedComponent,
    ),
  )
  yield* streamFiles(context, { stage: "scaffold", contract, previous }, (path, content) => {
    if (!TEST_FILE.test(path)) files[path] = content
  })
  const componentPath = `src/components/${contract.name}.tsx`
  const componentSource = files[componentPath]
  if (componentSource === undefined)
    throw new StudioError("model_output_invalid", `The scaffold did not write ${componentPath}.`)
  yield stageComplete(context, "scaffold", started, { summary: `${Object.keys(files).length} file(s)` })
  return { files, componentPath, componentSource }
}
