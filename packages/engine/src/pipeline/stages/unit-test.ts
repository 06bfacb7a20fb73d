import { sanitizeMessage, StudioError, type Contract, type StudioEvent } from "@studio/protocol"
import { describeMissingFile, streamFiles, TEST_FILE } from "../model-stream"
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
  const testPath = scaffold.componentPath.replace(/\.tsx?$/, ".test.tsx")
  const input = {
    stage: "unit_test" as const,
    contract,
    publicInterface,
    componentPath: scaffold.componentPath,
  }
  const testFiles = (): string[] => Object.keys(files).filter((path) => TEST_FILE.test(path))
  let retryReason: string | undefined
  for (let attempt = 0; ; attempt++) {
    const answer = yield* streamFiles(
      context,
      input,
      (path, content) => {
        if (TEST_FILE.test(path)) files[path] = content
      },
      { expectedFile: testPath, ...(retryReason === undefined ? {} : { retryReason }) },
    )
    if (testFiles().length > 0 && answer.unfinished.length === 0) break
    const reason = describeMissingFile(testPath, answer)
    if (attempt >= 1) {
      if (testFiles().length > 0) break
      throw new StudioError("model_output_invalid", `The unit_test stage wrote no test file: ${reason}`)
    }
    retryReason = reason
    yield context.emit({
      type: "reasoning_step",
      stage: "unit_test",
      text: sanitizeMessage(`The answer could not be used: ${reason} Asking the model once more.`),
    })
  }
  yield stageComplete(context, "unit_test", started, { summary: `${testFiles().length} test file(s)` })
  return files
}
