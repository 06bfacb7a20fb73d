import { sanitizeMessage, type StudioEvent } from "@studio/protocol"
import { createFileBlockParser, summarizeReasoning } from "../generators/parsing"
import type { FileBlockEvent } from "../generators/parsing"
import type { StageInput } from "../generators/types"
import { countUsage, throwIfCancelled, type GenerationContext } from "./run-context"

/** What was wrong with one answer, for the stage to decide whether to ask again and to tell the model why. */
export interface AnswerProblems {
  /** The answer ended inside a block or its reasoning: the model should be asked to finish. */
  unfinished: string[]
  /** Blocks that could not be used (several unnamed blocks, too large, too many files). */
  unusable: string[]
}

/** What streamFiles read from one answer. */
export interface StreamedFiles extends AnswerProblems {
  /** Paths of the files this answer wrote, in order (each once). */
  written: string[]
}

export interface StreamFilesOptions {
  /** The one file the stage expects: a lone unnamed tsx/jsx/ts block is taken as it. */
  expectedFile?: string
  /** What was wrong with the previous answer (a retry). */
  retryReason?: string
}

/**
 * Streams one stage's answer as text (the interpret stage's contract), counting tokens; the model's reasoning blocks
 * are taken out of the text and kept in `notes`, shortened.
 */
export async function collectText(
  context: GenerationContext,
  input: StageInput,
  notes: string[],
  retryReason?: string,
): Promise<string> {
  const parser = createFileBlockParser({ files: false })
  let text = ""
  const read = (events: FileBlockEvent[]): void => {
    for (const event of events) {
      if (event.type === "prose") text += event.text
      else if (event.type === "reasoning") {
        if (event.replacesProse) text = ""
        notes.push(reasoningNote(event.text))
      } else if (event.type === "error")
        notes.push(sanitizeMessage(`The answer could not be read: ${event.message}.`))
    }
  }
  for await (const chunk of context.generator.generate(input, { signal: context.signal, retryReason })) {
    throwIfCancelled(context)
    if (chunk.type === "text") read(parser.push(chunk.delta))
    else if (chunk.type === "reasoning") notes.push(chunk.text)
    else countUsage(context, input.stage, chunk)
  }
  read(parser.end())
  return text
}

/**
 * Streams a stage's file blocks as token / file_closed events, handing each closed file to `accept`; reasoning blocks
 * and the parser's notices become reasoning_step events, unsafe paths and unusable blocks error events, never files.
 * Returns what the answer wrote and what was wrong with it.
 */
export async function* streamFiles(
  context: GenerationContext,
  input: StageInput,
  accept: (path: string, content: string) => void,
  options: StreamFilesOptions = {},
): AsyncGenerator<StudioEvent, StreamedFiles> {
  const { emit } = context
  const parser = createFileBlockParser(
    options.expectedFile === undefined ? {} : { expectedFile: options.expectedFile },
  )
  const result: StreamedFiles = { written: [], unfinished: [], unusable: [] }
  const translate = function* (events: FileBlockEvent[]): Generator<StudioEvent> {
    for (const event of events) {
      switch (event.type) {
        case "token":
          yield emit({ type: "token", path: event.path, delta: event.delta })
          break
        case "file_closed":
          accept(event.path, event.content)
          if (!result.written.includes(event.path)) result.written.push(event.path)
          yield emit({ type: "file_closed", path: event.path, content: event.content })
          break
        case "reasoning":
          yield emit({ type: "reasoning_step", stage: input.stage, text: reasoningNote(event.text) })
          break
        case "notice":
          yield emit({ type: "reasoning_step", stage: input.stage, text: sanitizeMessage(event.text) })
          break
        case "error": {
          const message = sanitizeMessage(event.message)
          if (event.code === "unterminated_block" || event.code === "unterminated_reasoning")
            result.unfinished.push(message)
          else if (event.code !== "unsafe_path") result.unusable.push(message)
          yield emit({
            type: "error",
            code: event.code === "unsafe_path" ? "unsafe_path" : "model_output_invalid",
            message,
          })
          break
        }
        case "prose":
        case "file_open":
          break
      }
    }
  }
  const generateContext =
    options.retryReason === undefined
      ? { signal: context.signal }
      : { signal: context.signal, retryReason: options.retryReason }
  for await (const chunk of context.generator.generate(input, generateContext)) {
    throwIfCancelled(context)
    if (chunk.type === "text") yield* translate(parser.push(chunk.delta))
    else if (chunk.type === "reasoning") {
      yield emit({ type: "reasoning_step", stage: input.stage, text: sanitizeMessage(chunk.text) })
    } else countUsage(context, input.stage, chunk)
  }
  yield* translate(parser.end())
  return result
}

/**
 * Why a stage that needs `path` asks again, for the model (the retry prompt) and the person (a reasoning step); the
 * answer's own problems come first because they say what to fix.
 */
export function describeMissingFile(path: string, answer: AnswerProblems): string {
  const fence = `\`\`\`tsx file="${path}"`
  if (answer.unfinished.length > 0) {
    return `${answer.unfinished.join("; ")}. Write ${path} again, whole, as one fenced block opened with ${fence} and closed with a line of three backticks.`
  }
  if (answer.unusable.length > 0) {
    return `${answer.unusable.join("; ")}. Write ${path} as one fenced block opened with ${fence}.`
  }
  return `it did not contain ${path}. Write it as one fenced block opened with ${fence}.`
}

function reasoningNote(text: string): string {
  return sanitizeMessage(`Model reasoning: ${summarizeReasoning(text)}`)
}

/** Test files of a generated project. */
export const TEST_FILE = /\.test\.tsx?$/
