import { StudioError, type Contract, type StudioEvent } from "@studio/protocol"
import { streamFiles, TEST_FILE } from "../model-stream"
import { extractPublicInterface } from "../public-interface"
import { stageComplete, type GenerationContext } from "../run-context"
import type { Scaffold } from "./scaffold"

/** unit_test: tests from the contract and the component's public interface only (never its body). */
export async function* unitTestStage(
  context: GenerationContext,
  contract: Contract,
  scaffold: Scaffold,
): AsyncGenerator<StudioEvent, Record<string, string>> {
  const started = performance.now()
  const files = { ...scaffold.files }
  const publicInterface = extractPublicInterface(scaffold.componentSource, scaffold.componentPath)
  yield* streamFiles(
    context,
    { stage: "unit_test", contract, publicInterface, componentPath: scaffold.componentPath },
    (path, content) => {
      if (TEST_FILE.test(path)) files[path] = content
    },
  )
  const testFiles = Object.keys(files).filter((path) => TEST_FILE.test(path))
  if (testFiles.length === 0)
    throw new StudioError("model_output_invalid", "The unit_test stage wrote no test file.")
  yield stageComplete(context, "unit_test", started, { summary: `${testFiles.length} test file(s)` })
  return files
}
