import { sanitizeMessage, StudioError, type Contract, type StudioEvent } from "@studio/protocol"
import { parseContractAnswer } from "../../generators/parsing"
import type { PreviousVersion } from "../../generators/types"
import { collectText } from "../model-stream"
import { stageComplete, type GenerationContext } from "../run-context"

/** interpret: the prompt becomes a contract, with one retry when the answer does not parse. */
export async function* interpretStage(
  context: GenerationContext,
  request: { prompt: string; previous?: PreviousVersion },
): AsyncGenerator<StudioEvent, Contract> {
  const { emit } = context
  const started = performance.now()
  let contract: Contract | undefined
  let retryReason: string | undefined
  for (let attempt = 0; attempt < 2 && !contract; attempt++) {
    const notes: string[] = []
    const text = await collectText(
      context,
      { stage: "interpret", prompt: request.prompt, previous: request.previous },
      notes,
      retryReason,
    )
    for (const note of notes) {
      yield emit({ type: "reasoning_step", stage: "interpret", text: sanitizeMessage(note) })
    }
    const parsed = parseContractAnswer(text)
    if (parsed.ok) contract = parsed.contract
    else {
      retryReason = parsed.message
      yield emit({
        type: "reasoning_step",
        stage: "interpret",
        text: `The contract did not parse (${sanitizeMessage(parsed.message)}); asking again.`,
      })
    }
  }
  if (!contract)
    throw new StudioError("model_output_invalid", "The model gave no usable contract after a retry.")
  const requirementList = contract.requirements
    .map((requirement) => `${requirement.id}: ${requirement.text}`)
    .join("; ")
  yield emit({
    type: "reasoning_step",
    stage: "interpret",
    text: `${contract.name}: ${contract.summary} Requirements: ${requirementList}`,
  })
  yield stageComplete(context, "interpret", started, {
    summary: `${contract.name} with ${contract.requirements.length} requirements`,
    contract,
  })
  return contract
}
