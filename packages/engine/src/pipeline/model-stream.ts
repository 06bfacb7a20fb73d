import { sanitizeMessage, type StudioEvent } from "@studio/protocol"
import { createFileBlockParser } from "../generators/parsing"
import type { StageInput } from "../generators/types"
import { throwIfCancelled, type GenerationContext } from "./run-context"

/** Streams one stage's answer as text (the interpret stage's contract), counting tokens and keeping its notes. */
export async function collectText(
  context: GenerationContext,
  input: StageInput,
  notes: string[],
  retryReason?: string,
): Promise<string> {
  let text = ""
  for await (const chunk of context.generator.generate(input, { signal: context.signal, retryReason })) {
    throwIfCancelled(context)
    if (chunk.type === "text") text += chunk.delta
    else if (chunk.type === "reasoning") notes.push(chunk.text)
    else {
      context.tokens.prompt += chunk.promptTokens
      context.tokens.completion += chunk.completionTokens
    }
  }
  return text
}

/**
 * Streams a stage's file blocks as token / file_closed events, handing each closed file to `accept`; unsafe paths
 * become error events, never files.
 */
export async function* streamFiles(
  context: GenerationContext,
  input: StageInput,
  accept: (path: string, content: string) => void,
): AsyncGenerator<StudioEvent> {
  const { emit } = context
  const parser = createFileBlockParser()
  const translate = function* (events: ReturnType<typeof parser.push>): Generator<StudioEvent> {
    for (const event of events) {
      if (event.type === "token") yield emit({ type: "token", path: event.path, delta: event.delta })
      else if (event.type === "file_closed") {
        accept(event.path, event.content)
        yield emit({ type: "file_closed", path: event.path, content: event.content })
      } else if (event.type === "error") {
        yield emit({
          type: "error",
          code: event.code === "unsafe_path" ? "unsafe_path" : "model_output_invalid",
          message: sanitizeMessage(event.message),
        })
      }
    }
  }
  for await (const chunk of context.generator.generate(input, { signal: context.signal })) {
    throwIfCancelled(context)
    if (chunk.type === "text") yield* translate(parser.push(chunk.delta))
    else if (chunk.type === "reasoning") {
      yield emit({ type: "reasoning_step", stage: input.stage, text: sanitizeMessage(chunk.text) })
    } else {
      context.tokens.prompt += chunk.promptTokens
      context.tokens.completion += chunk.completionTokens
    }
  }
  yield* translate(parser.end())
}

/** Test files of a generated project. */
export const TEST_FILE = /\.test\.tsx?$/
