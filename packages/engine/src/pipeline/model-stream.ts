import { sanitizeMessage, type StudioEvent } from "@studio/protocol"
import { createFileBlockParser, summarizeReasoning } from "../generators/parsing"
import type { FileBlockEvent, SearchReplaceEdit } from "../generators/parsing"
import type { StageInput } from "../generators/types"
import { applyEdits } from "./apply-edits"
import { countUsage, throwIfCancelled, type GenerationContext } from "./run-context"

/** What was wrong with one answer, for the stage to decide whether to ask again and to tell the model why. */
export interface AnswerProblems {
  /** The answer ended inside a block or its reasoning: the model should be asked to finish. */
  unfinished: string[]
  /** Blocks that could not be used (several unnamed blocks, too large, too many files). */
  unusable: string[]
}

/** A block of edits that was not applied, and why (one reason per refused edit). */
export interface RefusedEdits {
  path: string
  reasons: string[]
}

/** What streamFiles read from one answer. */
export interface StreamedFiles extends AnswerProblems {
  /** Paths of the files this answer wrote or edited, in order (each once). */
  written: string[]
  /** Blocks of edits that did not apply; their files keep their content. */
  refusedEdits: RefusedEdits[]
}

/** How a stage takes search/replace edits: the files they apply to, and the paths it refuses any change to. */
export interface EditTarget {
  /** The file's current content (undefined: it does not exist), including this answer's earlier changes. */
  read: (path: string) => string | undefined
  /** Called before an edit is applied: true when the stage refuses any change to the path (it says why itself). */
  refuses?: (path: string) => boolean
}

export interface StreamFilesOptions {
  /** The one file the stage expects: a lone unnamed tsx/jsx/ts block is taken as it. */
  expectedFile?: string
  /** What was wrong with the previous answer (a retry). */
  retryReason?: string
  /** Edits are taken (a repair, a follow-up): applied to these files; without it an edit block is refused. */
  edits?: EditTarget
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
 * A block of edits is applied strictly (apply-edits.ts) to `options.edits`' files: when it applies, the file's new
 * content goes to `accept` and out as file_closed, with a reasoning step saying what changed; when it does not, the
 * file is left alone and the refusal returned, for the stage to ask again or report.
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
  const result: StreamedFiles = { written: [], unfinished: [], unusable: [], refusedEdits: [] }
  const written = (path: string) => {
    if (!result.written.includes(path)) result.written.push(path)
  }
  const edit = function* (path: string, edits: SearchReplaceEdit[]): Generator<StudioEvent> {
    const target = options.edits
    if (target === undefined) {
      const message = sanitizeMessage(`edits of ${path} are not taken at this stage: write the whole file`)
      result.unusable.push(message)
      yield emit({ type: "error", code: "model_output_invalid", message })
      return
    }
    if (target.refuses?.(path)) return
    const applied = applyEdits(target.read(path), edits)
    if (!applied.ok) {
      result.refusedEdits.push({ path, reasons: applied.refusals })
      return
    }
    accept(path, applied.content)
    written(path)
    yield emit({ type: "file_closed", path, content: applied.content })
    yield emit({
      type: "reasoning_step",
      stage: input.stage,
      text: `Edited ${path}: ${applied.changes} change${applied.changes === 1 ? "" : "s"}.`,
    })
  }
  const translate = function* (events: FileBlockEvent[]): Generator<StudioEvent> {
    for (const event of events) {
      switch (event.type) {
        case "token":
          yield emit({ type: "token", path: event.path, delta: event.delta })
          break
        case "file_closed":
          accept(event.path, event.content)
          written(event.path)
          yield emit({ type: "file_closed", path: event.path, content: event.content })
          break
        case "file_edit":
          yield* edit(event.path, event.edits)
          break
        case "reasoning":
          yield emit({ type: "reasoning_step", stage: input.stage, text: reasoningNote(event.text) })
          break
        case "notice":
          yield emit({ type: "reasoning_step", stage: input.stage, text: sanitizeMessage(event.text) })
          break
        case "error": {
          const message = sanitizeMessage(event.message)
          if (event.code === "malformed_edit" && options.edits !== undefined && event.path !== undefined) {
            // Like edits that do not apply: the stage asks again, and reports it if it stays so.
            result.refusedEdits.push({ path: event.path, reasons: [message] })
            break
          }
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

/** What was refused of an answer's edits, for the person and the model: "the edits of src/x.tsx (edit 1: ...)". */
export function describeRefusedEdits(refused: readonly RefusedEdits[]): string {
  const blocks = refused.map(
    ({ path, reasons }) => `the edits of ${path} were not applied (${reasons.join("; ")})`,
  )
  return sanitizeMessage(blocks.join("; "))
}

/** The retry prompt's request after refused edits: the files shown are the current ones. */
export function askAgainForEdits(refused: readonly RefusedEdits[]): string {
  return (
    `${describeRefusedEdits(refused)}. Nothing of those blocks was applied; your other changes were, and the files ` +
    "above are as they are now. Send only the refused changes again: each SEARCH text copied exactly from the " +
    "current file and found there once, or the whole file instead."
  )
}

/** The error events of edits that still did not apply after the retry: their files keep their content. */
export function* refusedEditErrors(
  context: GenerationContext,
  refused: readonly RefusedEdits[],
): Generator<StudioEvent> {
  for (const block of refused) {
    yield context.emit({
      type: "error",
      code: "model_output_invalid",
      message: sanitizeMessage(
        `${describeRefusedEdits([block])} after asking again; ${block.path} keeps its current content.`,
      ),
    })
  }
}

function reasoningNote(text: string): string {
  return sanitizeMessage(`Model reasoning: ${summarizeReasoning(text)}`)
}

/** Test files of a generated project. */
export const TEST_FILE = /\.test\.tsx?$/
