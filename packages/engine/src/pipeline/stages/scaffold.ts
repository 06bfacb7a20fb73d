import { sanitizeMessage, StudioError, type Contract, type StudioEvent } from "@studio/protocol"
import type { PreviousVersion } from "../../generators/types"
import {
  askAgainForEdits,
  describeMissingFile,
  describeRefusedEdits,
  refusedEditErrors,
  streamFiles,
  TEST_FILE,
} from "../model-stream"
import { componentPathOf, hotReload, stageComplete, type GenerationContext } from "../run-context"

/** What the scaffold wrote: the implementation files, and the component's path and source among them. */
export interface Scaffold {
  files: Record<string, string>
  componentPath: string
  componentSource: string
}

/**
 * scaffold: the contract becomes the implementation. A follow-up keeps the previous version's implementation files
 * unless the scaffold rewrites or edits them (search/replace edits are applied as a repair's are: strictly, asked for
 * again once when they do not apply); its tests are written anew from the new contract. A follow-up that makes another
 * component drops the old one's file, so the version holds one component (the one the preview, the design panel and
 * the export show).
 */
export async function* scaffoldStage(
  context: GenerationContext,
  contract: Contract,
  previous: PreviousVersion | undefined,
  /** Tests as the spec: the tests to pass, and the component's path when their import names another. */
  given?: { files: Record<string, string>; componentPath: string },
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
  const givenInput = given ? { givenTests: given.files, componentPath: given.componentPath } : {}
  const componentPath = componentPathOf(contract, given)
  const baseInput = { stage: "scaffold" as const, contract, previous, ...givenInput }
  const edits = { read: (path: string) => files[path], refuses: (path: string) => TEST_FILE.test(path) }
  let retryReason: string | undefined
  for (let attempt = 0; ; attempt++) {
    // A retry shows a follow-up's files as they are after the first answer's changes that applied.
    const input =
      attempt > 0 && previous
        ? { ...baseInput, previous: { ...previous, files: { ...previous.files, ...files } } }
        : baseInput
    const answer = yield* streamFiles(
      context,
      input,
      (path, content) => {
        if (!TEST_FILE.test(path)) files[path] = content
      },
      { expectedFile: componentPath, edits, ...(retryReason === undefined ? {} : { retryReason }) },
    )
    // A follow-up may keep the previous component; an answer that ended mid-block is asked to finish either way.
    const missing = files[componentPath] === undefined || answer.unfinished.length > 0
    const refused = answer.refusedEdits
    if (!missing && refused.length === 0) break
    const reason = [
      ...(missing ? [describeMissingFile(componentPath, answer)] : []),
      ...(refused.length > 0 ? [askAgainForEdits(refused)] : []),
    ].join(" Also, ")
    if (attempt >= 1) {
      yield* refusedEditErrors(context, refused)
      if (files[componentPath] !== undefined) break
      throw new StudioError("model_output_invalid", `The scaffold did not write ${componentPath}: ${reason}`)
    }
    retryReason = reason
    const what = missing ? reason : `${describeRefusedEdits(refused)}.`
    yield context.emit({
      type: "reasoning_step",
      stage: "scaffold",
      text: sanitizeMessage(`The answer could not be used: ${what} Asking the model once more.`),
    })
  }
  const componentSource = files[componentPath]
  if (componentSource === undefined)
    throw new StudioError("model_output_invalid", `The scaffold did not write ${componentPath}.`)
  yield stageComplete(context, "scaffold", started, { summary: `${Object.keys(files).length} file(s)` })
  // The preview can show the scaffold now, while the tests are written and run (a follow-up: what it changed).
  const reload = await hotReload(context, previous?.files ?? {}, files, {
    entry: componentPath,
    ...(given ? { givenTests: given.files } : {}),
  })
  if (reload) {
    yield reload
    // One turn of the event loop before the tests are written: whoever consumes the run (the server's socket, which
    // sends on setImmediate) delivers the preview now, not after the next stages' work on this thread.
    await new Promise<void>((resolve) => setImmediate(resolve))
  }
  return { files, componentPath, componentSource }
}
