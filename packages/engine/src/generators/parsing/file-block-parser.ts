// Incremental parser for model answers: files in fenced blocks, however real models name them, and reasoning blocks.
//
// It is a state machine over the stream: complete lines decide everything, only the current partial line is held
// back (and only while it could still matter), and reasoning blocks are searched for their closing tag across
// chunks, so the events are the same however the stream is cut (apart from how deltas are grouped).
//
// Decisions:
// - CRLF is normalized to LF ("\r\n" → "\n", also when split across chunks); a lone "\r" stays text.
// - `<think>` / `<thinking>` at the start of a line outside code blocks opens a reasoning block; everything up to
//   `</think>` / `</thinking>` (anywhere, fences included) is one `reasoning` event, never a file. A closing tag with
//   no opening one, before any file or reasoning, makes the prose so far reasoning (`replacesProse`: servers whose
//   chat template opens the block in the prompt).
// - Fences are not indented: 3+ backticks. A file block is named by its info string (`file=`, `filename=`,
//   `filepath=`, `path=` quoted or not, `title=` when it looks like a path, `tsx:src/x.tsx`, `tsx src/x.tsx`, a lone
//   path), else by a heading/bold line of its own before it (blank lines between are fine), else by a first line that
//   is only a `// src/x.tsx` or `// file: …` comment (that line is then not content). Every name goes through
//   validateGeneratedPath; a bare file name counts only when it is the expected file's base name.
// - With `expectedFile`, an unnamed tsx/jsx/ts block is a candidate for it: the first one streams as that file, and
//   at the end it is taken only when it was the only candidate and no block named the expected file; several
//   candidates are `ambiguous_blocks`. Other unnamed blocks are prose; a named opener inside one still opens a file,
//   so an unclosed snippet cannot swallow the files after it.
// - A closer is a line of at least as many backticks as the opener, optionally followed by spaces or tabs.
// - The same path twice: the later block replaces the earlier; both emit `file_closed` and a `notice` says so.
//   `maxFiles` counts distinct paths, so a replacement does not use up the budget.
// - Prose outside file blocks (code blocks that are not files included) is reported as `prose`, line by line.
// - A rejected block (unsafe path, too many files, too large) reports one `error` and its content is discarded up to
//   its closing fence; the stream ending inside a block that was not already rejected reports `unterminated_block`
//   with what arrived, and inside a reasoning block `unterminated_reasoning`.
// - Edits (edit-markers.ts): a block whose first non-blank line is `<<<<<<< SEARCH` holds search/replace edits of its
//   path and ends with `file_edit`, never `file_closed` and never tokens (its text is not the file). It must be made
//   of whole edits and blank lines only; anything else (text between edits, a missing `=======` or `>>>>>>> REPLACE`,
//   the fence closing inside an edit) is `malformed_edit` and the block is discarded. A marker line anywhere later in
//   a block that did not begin with one is content: that block is a whole file, and a `notice` says so.

import {
  couldBeMarkerLine,
  isBlankLine,
  isDividerMarker,
  isReplaceMarker,
  isSearchMarker,
  MAX_MARKER_LINE,
  type SearchReplaceEdit,
} from "./edit-markers"
import {
  CODE_LANGUAGES,
  MAX_LABEL_LINE,
  readCommentLabel,
  readFenceInfo,
  readHeadingLabel,
} from "./file-labels"

/** Why a block was rejected or could not be completed. */
export type FileBlockErrorCode =
  | "unsafe_path"
  | "file_too_large"
  | "too_many_files"
  | "unterminated_block"
  | "unterminated_reasoning"
  | "ambiguous_blocks"
  | "malformed_edit"

export type FileBlockEvent =
  | { type: "prose"; text: string }
  /** One reasoning block of the model; `replacesProse`: the prose reported so far was this reasoning. */
  | { type: "reasoning"; text: string; replacesProse?: true }
  /** How the parser read an answer that left something to decide (a file written twice, an unnamed block). */
  | { type: "notice"; text: string }
  | { type: "file_open"; path: string }
  | { type: "token"; path: string; delta: string }
  | { type: "file_closed"; path: string; content: string }
  /** A block of search/replace edits of `path` (applied by the stage, to the file as it is). */
  | { type: "file_edit"; path: string; edits: SearchReplaceEdit[] }
  | {
      type: "error"
      code: FileBlockErrorCode
      path?: string
      message: string
      /** For an unterminated block: how much of it arrived. */
      received?: { lines: number; chars: number }
    }

export interface FileBlockParserOptions {
  /** Largest file content accepted, in UTF-8 bytes. Default 200_000. */
  maxFileBytes?: number
  /** Most distinct file paths accepted in one stream. Default 20. */
  maxFiles?: number
  /** The one file the stage expects: an unnamed tsx/jsx/ts block is taken as it when it is the only one. */
  expectedFile?: string
  /** false: only reasoning blocks are recognised and everything else is prose (the interpret stage's JSON). */
  files?: boolean
}

export interface FileBlockParser {
  /** Feeds the next piece of the stream; returns the events it completes. */
  push(chunk: string): FileBlockEvent[]
  /** Ends the stream: flushes the last line and reports an unterminated block. */
  end(): FileBlockEvent[]
}

export type PathValidation = { ok: true; path: string } | { ok: false; message: string }

export const DEFAULT_MAX_FILE_BYTES = 200_000
export const DEFAULT_MAX_FILES = 20
export const MAX_PATH_LENGTH = 200
export const ALLOWED_EXTENSIONS = [".tsx", ".ts", ".css"] as const

/** Fence lines longer than this are never fences, so a run of backticks cannot make the parser hold unbounded text. */
const MAX_FENCE_LINE = 1024
/** Prose lines longer than this are only prose (never a fence, label or tag), so held text stays bounded. */
const MAX_HELD_LINE = 16_384
/** Reasoning kept per block; the rest is counted, not kept. */
const MAX_REASONING_CHARS = 20_000
const MIN_FENCE = 3
const PATH_CHARS = /^[A-Za-z0-9._/-]+$/
const THINK_OPEN = /^[ \t]*<(?:think|thinking)>/i
const THINK_CLOSE = /<\/(?:think|thinking)>/i
/** `</thinking` is 10 characters: a tail that long may still become a closing tag. */
const THINK_CLOSE_TAIL = 10

/** Checks a model-chosen path: relative POSIX under `src/`, no dot or empty segments, allowed extension. */
export function validateGeneratedPath(path: string): PathValidation {
  const fail = (reason: string): PathValidation => ({
    ok: false,
    message: `unsafe file path ${JSON.stringify(shorten(path))}: ${reason}`,
  })
  if (path.length === 0) return fail("it is empty")
  if (path.length > MAX_PATH_LENGTH) return fail(`it is longer than ${MAX_PATH_LENGTH} characters`)
  if (path.includes("\\")) return fail("backslashes are not allowed")
  if (path.startsWith("/")) return fail("it must be relative")
  if (/^[A-Za-z]:/.test(path)) return fail("drive letters are not allowed")
  if (!PATH_CHARS.test(path)) return fail("only letters, digits, '.', '_', '-' and '/' are allowed")
  if (!path.startsWith("src/")) return fail('it must be under "src/"')
  const segments = path.split("/")
  for (const segment of segments) {
    if (segment === "") return fail("empty path segments are not allowed")
    if (segment === "." || segment === "..") return fail(`"${segment}" segments are not allowed`)
    if (segment.startsWith(".")) return fail("hidden files and folders are not allowed")
  }
  if (!ALLOWED_EXTENSIONS.some((extension) => path.endsWith(extension))) {
    return fail(`the extension must be one of ${ALLOWED_EXTENSIONS.join(", ")}`)
  }
  return { ok: true, path }
}

interface OpenBlock {
  path: string
  fence: number
  /** Rejected (or a candidate after the first): content is consumed up to the closing fence without events. */
  discard: boolean
  /** An unnamed block standing for the expected file. */
  candidate: boolean
  /** Undecided until its first non-blank line: a `<<<<<<< SEARCH` line makes it edits, anything else a file. */
  kind: "undecided" | "file" | "edit"
  /** Leading blank lines while undecided (content, if it turns out to be a file). */
  held: string
  parts: string[]
  bytes: number
  /** Complete lines of the block so far. */
  lines: number
  /** Characters that arrived in an edit block, markers included (for an unterminated one). */
  chars: number
  /** A file block with a `<<<<<<< SEARCH` line in it. */
  sawMarker: boolean
  edit: {
    section: "between" | "search" | "replace"
    search: string
    replace: string
    edits: SearchReplaceEdit[]
  }
}

/** What an unnamed candidate block for the expected file held. */
type CandidateResult = { content: string; sawMarker: boolean } | { edits: SearchReplaceEdit[] }

function newBlock(path: string, fence: number, flags: { discard: boolean; candidate: boolean }): OpenBlock {
  return {
    path,
    fence,
    ...flags,
    kind: "undecided",
    held: "",
    parts: [],
    bytes: 0,
    lines: 0,
    chars: 0,
    sawMarker: false,
    edit: { section: "between", search: "", replace: "", edits: [] },
  }
}

type Mode =
  /** Outside file blocks; `fence` > 0 inside a code block that is not a file. */
  | { kind: "prose"; fence: number }
  | { kind: "reasoning" }
  /** An unnamed fence whose first line (a path comment or not) decides what it is. */
  | { kind: "first_line"; fence: number; language: string; opener: string }
  | { kind: "block"; block: OpenBlock }

/** Creates an incremental parser that turns streamed model text into per-file and reasoning events. */
export function createFileBlockParser(options: FileBlockParserOptions = {}): FileBlockParser {
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES
  const maxFiles = options.maxFiles ?? DEFAULT_MAX_FILES
  const expectedFile = options.expectedFile
  const recognizeFiles = options.files ?? true

  let mode: Mode = { kind: "prose", fence: 0 }
  /** The current line, held back while it could still matter. */
  let line = ""
  /** The current line is known to be plain text: its text has been emitted as it came. */
  let lineCommitted = false
  let pendingCarriageReturn = false
  let ended = false
  const acceptedPaths = new Set<string>()
  const closedPaths = new Set<string>()
  const editedPaths = new Set<string>()
  /** The file named by the last non-blank prose line, for the next fence. */
  let headingLabel: string | undefined
  /** A file block or a reasoning block has been seen: a stray closing tag no longer turns prose into reasoning. */
  let sawStructure = false
  let proseSoFar = ""
  let reasoning = { kept: "", total: 0, tail: "" }
  let candidates = 0
  let candidateResult: CandidateResult | undefined
  let candidateUnterminated = false
  let events: FileBlockEvent[] = []

  function emit(event: FileBlockEvent): void {
    const last = events.at(-1)
    if (event.type === "prose" && last?.type === "prose") last.text += event.text
    else if (event.type === "token" && last?.type === "token" && last.path === event.path)
      last.delta += event.delta
    else events.push(event)
  }

  function take(): FileBlockEvent[] {
    const taken = events
    events = []
    return taken
  }

  function emitProse(text: string): void {
    if (text === "") return
    if (!sawStructure && proseSoFar.length < MAX_REASONING_CHARS) proseSoFar += text
    emit({ type: "prose", text })
  }

  /** Counts text against the size limit; false (and the block discarded, with an error) when it is over. */
  function countBytes(block: OpenBlock, text: string): boolean {
    block.bytes += utf8Length(text)
    if (block.bytes <= maxFileBytes) return true
    emit({
      type: "error",
      code: "file_too_large",
      path: block.path,
      message: `file ${JSON.stringify(block.path)} is larger than ${maxFileBytes} bytes; it was discarded`,
    })
    block.discard = true
    block.parts = []
    block.edit.edits = []
    return false
  }

  /** Text of the current line that is certainly content of the open file block. */
  function emitContent(block: OpenBlock, text: string): void {
    if (text === "" || block.discard) return
    if (!countBytes(block, text)) return
    block.parts.push(text)
    emit({ type: "token", path: block.path, delta: text })
  }

  /** The block is a whole file: its held blank lines are its first content. */
  function decideFile(block: OpenBlock): void {
    if (block.kind !== "undecided") return
    block.kind = "file"
    const held = block.held
    block.held = ""
    emitContent(block, held)
  }

  /** Text of the current line known to be neither a fence nor a marker. */
  function emitBlockText(block: OpenBlock, text: string): void {
    if (text === "" || block.discard) return
    if (block.kind === "edit") return addEditText(block, text)
    decideFile(block)
    emitContent(block, text)
  }

  function emitText(text: string): void {
    if (mode.kind === "block") emitBlockText(mode.block, text)
    else emitProse(text)
  }

  /** Appends a piece of the current line (no newline in it); returns text left over when a reasoning block opened. */
  function appendToLine(piece: string): string | null {
    if (piece === "") return null
    if (lineCommitted) {
      emitText(piece)
      return null
    }
    line += piece
    switch (mode.kind) {
      case "prose": {
        if (mode.fence === 0) {
          const open = THINK_OPEN.exec(line)
          if (open !== null) {
            const leftover = line.slice(open[0].length)
            line = ""
            mode = { kind: "reasoning" }
            return leftover
          }
        }
        if (line.length > MAX_HELD_LINE) commitLine()
        return null
      }
      case "first_line": {
        if (line.length > MAX_LABEL_LINE) {
          // Too long to be a path comment or a fence: the block is decided, and the line is its content.
          const held = line
          line = ""
          decideUnnamedBlock()
          return appendToLine(held)
        }
        return null
      }
      case "block": {
        if (!couldBeClosingFence(line, mode.block.fence) && !couldBeBlockLine(mode.block, line)) commitLine()
        return null
      }
      case "reasoning":
        throw new Error("file block parser: line text inside a reasoning block")
    }
  }

  function commitLine(): void {
    lineCommitted = true
    const text = line
    line = ""
    emitText(text)
  }

  /** The current line is complete (`newline` is "\n", or "" at the end of the stream). */
  function endLine(newline: string): void {
    const text = line
    const committed = lineCommitted
    line = ""
    lineCommitted = false
    if (committed) {
      emitText(newline)
      if (mode.kind === "block") mode.block.lines++
      if (mode.kind === "prose" && mode.fence === 0) headingLabel = undefined
      return
    }
    finishLine(text, newline)
  }

  function finishLine(text: string, newline: string): void {
    switch (mode.kind) {
      case "prose":
        finishProseLine(mode, text, newline)
        return
      case "first_line":
        finishFirstLine(mode, text, newline)
        return
      case "block":
        finishBlockLine(mode.block, text, newline)
        return
      case "reasoning":
        throw new Error("file block parser: a line inside a reasoning block")
    }
  }

  /** A complete line of an open block (not committed as it came): a fence, a marker, or content. */
  function finishBlockLine(block: OpenBlock, text: string, newline: string): void {
    if (isClosingFence(text, block.fence)) return closeBlock(block)
    block.lines++
    if (block.discard) return
    if (block.kind === "edit") return finishEditLine(block, text, newline)
    if (block.kind === "undecided") {
      if (isSearchMarker(text)) {
        block.kind = "edit"
        block.held = ""
        block.chars = text.length + newline.length
        block.edit.section = "search"
        return
      }
      if (isBlankLine(text) && block.held.length < MAX_LABEL_LINE) {
        block.held += text + newline
        return
      }
      decideFile(block)
    }
    if (isSearchMarker(text)) block.sawMarker = true
    emitContent(block, text + newline)
  }

  function finishEditLine(block: OpenBlock, text: string, newline: string): void {
    const { edit } = block
    block.chars += text.length + newline.length
    const where = `line ${block.lines} of the block`
    const marker = isSearchMarker(text)
      ? "<<<<<<< SEARCH"
      : isDividerMarker(text)
        ? "======="
        : isReplaceMarker(text)
          ? ">>>>>>> REPLACE"
          : undefined
    switch (edit.section) {
      case "between":
        if (marker === "<<<<<<< SEARCH") edit.section = "search"
        else if (!isBlankLine(text)) malformedEdit(block, `${where} is not inside a <<<<<<< SEARCH edit`)
        return
      case "search":
        if (marker === "=======") edit.section = "replace"
        else if (marker !== undefined)
          malformedEdit(block, `${where} is a ${marker} line before the edit's =======`)
        else addEditText(block, text + newline, false)
        return
      case "replace":
        if (marker === ">>>>>>> REPLACE") {
          edit.edits.push({ search: edit.search, replace: edit.replace })
          edit.search = ""
          edit.replace = ""
          edit.section = "between"
        } else if (marker !== undefined)
          malformedEdit(block, `${where} is a ${marker} line before the edit's >>>>>>> REPLACE`)
        else addEditText(block, text + newline, false)
        return
    }
  }

  /** Text of an edit block that is no marker: part of a search or replace text, or blank between edits. */
  function addEditText(block: OpenBlock, text: string, arriving = true): void {
    if (block.discard) return
    if (arriving) block.chars += text.length
    const { edit } = block
    if (edit.section === "between") {
      if (!isBlankLine(text.replace(/\n$/, "")))
        malformedEdit(block, `line ${block.lines + 1} of the block is not inside a <<<<<<< SEARCH edit`)
      return
    }
    if (!countBytes(block, text)) return
    if (edit.section === "search") edit.search += text
    else edit.replace += text
  }

  function malformedEdit(block: OpenBlock, detail: string): void {
    emit({
      type: "error",
      code: "malformed_edit",
      path: block.path,
      message: `the edit block for ${JSON.stringify(block.path)} is malformed: ${detail}; it was discarded (each edit is <<<<<<< SEARCH, the exact current lines, =======, the new lines, >>>>>>> REPLACE)`,
    })
    block.discard = true
    block.edit.edits = []
  }

  function finishProseLine(current: { fence: number }, text: string, newline: string): void {
    if (recognizeFiles && text.length <= MAX_FENCE_LINE && leadingBackticks(text) >= MIN_FENCE) {
      const fence = leadingBackticks(text)
      const info = text.slice(fence)
      if (current.fence > 0 && isClosingFence(text, current.fence)) {
        emitProse(text + newline)
        mode = { kind: "prose", fence: 0 }
        headingLabel = undefined
        return
      }
      if (!info.includes("`")) {
        const { language, name } = readFenceInfo(info, expectedFile)
        if (name !== undefined) {
          openNamedBlock(name, fence)
          return
        }
        if (current.fence === 0) {
          const label = headingLabel
          headingLabel = undefined
          if (label !== undefined) openNamedBlock(label, fence)
          else mode = { kind: "first_line", fence, language, opener: text + newline }
          return
        }
      }
    }
    if (!sawStructure && text.length <= MAX_HELD_LINE) {
      const close = THINK_CLOSE.exec(text)
      if (close !== null) {
        // The chat template opened the reasoning block in the prompt: what came so far was reasoning.
        sawStructure = true
        mode = { kind: "prose", fence: 0 }
        candidates = 0
        candidateResult = undefined
        candidateUnterminated = false
        headingLabel = undefined
        const thought = proseSoFar + text.slice(0, close.index)
        proseSoFar = ""
        if (thought.trim() !== "") emit({ type: "reasoning", text: thought.trim(), replacesProse: true })
        const after = text.slice(close.index + close[0].length)
        if (after.trim() !== "") finishLine(after, newline)
        return
      }
    }
    emitProse(text + newline)
    if (current.fence === 0 && recognizeFiles && text.trim() !== "") {
      headingLabel = readHeadingLabel(text, expectedFile)
    }
  }

  function finishFirstLine(
    current: { fence: number; language: string; opener: string },
    text: string,
    newline: string,
  ): void {
    const named = isClosingFence(text, current.fence) ? undefined : readCommentLabel(text, expectedFile)
    if (named !== undefined) {
      openNamedBlock(named, current.fence)
      return
    }
    decideUnnamedBlock()
    finishLine(text, newline)
  }

  /** An unnamed fence's first line did not name it: it is the expected file's candidate, or a prose code block. */
  function decideUnnamedBlock(): void {
    if (mode.kind !== "first_line") return
    const { fence, language, opener } = mode
    if (expectedFile === undefined || !CODE_LANGUAGES.has(language)) {
      mode = { kind: "prose", fence }
      emitProse(opener)
      return
    }
    // A block after the expected file was named is an example, not the file.
    const isExample = closedPaths.has(expectedFile) || editedPaths.has(expectedFile)
    if (!isExample) candidates++
    const streams = !isExample && candidates === 1
    mode = { kind: "block", block: newBlock(expectedFile, fence, { discard: !streams, candidate: true }) }
    if (streams) emit({ type: "file_open", path: expectedFile })
  }

  function openNamedBlock(path: string, fence: number): void {
    sawStructure = true
    headingLabel = undefined
    const reject = (code: FileBlockErrorCode, message: string): void => {
      emit({ type: "error", code, path: shorten(path), message })
      mode = { kind: "block", block: newBlock(path, fence, { discard: true, candidate: false }) }
    }
    const validation = validateGeneratedPath(path)
    if (!validation.ok) return reject("unsafe_path", validation.message)
    if (!acceptedPaths.has(path) && acceptedPaths.size >= maxFiles) {
      return reject("too_many_files", `more than ${maxFiles} files; ${JSON.stringify(path)} was discarded`)
    }
    acceptedPaths.add(path)
    mode = { kind: "block", block: newBlock(path, fence, { discard: false, candidate: false }) }
    emit({ type: "file_open", path })
  }

  function closeBlock(block: OpenBlock): void {
    mode = { kind: "prose", fence: 0 }
    headingLabel = undefined
    if (block.discard) return
    if (block.kind === "edit") {
      if (block.edit.section !== "between") {
        const missing = block.edit.section === "search" ? "=======" : ">>>>>>> REPLACE"
        return malformedEdit(block, `the block closed before its last edit's ${missing} line`)
      }
      if (block.candidate) candidateResult = { edits: block.edit.edits }
      else emitEdit(block.path, block.edit.edits)
      return
    }
    decideFile(block)
    if (block.discard) return
    const content = block.parts.join("")
    if (block.candidate) {
      candidateResult = { content, sawMarker: block.sawMarker }
      return
    }
    emitFile(block.path, content, block.sawMarker)
  }

  function emitFile(path: string, content: string, sawMarker: boolean): void {
    emit({ type: "file_closed", path, content })
    if (closedPaths.has(path)) {
      emit({
        type: "notice",
        text: `${path} was written more than once; the last version is kept.`,
      })
    }
    if (sawMarker) {
      emit({
        type: "notice",
        text: `${path} has a "<<<<<<< SEARCH" line but does not begin with one, so it was taken as the whole file, that line included.`,
      })
    }
    closedPaths.add(path)
  }

  function emitEdit(path: string, edits: SearchReplaceEdit[]): void {
    emit({ type: "file_edit", path, edits })
    editedPaths.add(path)
  }

  /** Reasoning text: searched for its closing tag across chunks; returns what follows the tag. */
  function feedReasoning(text: string): string {
    const pending = reasoning.tail + text
    const close = THINK_CLOSE.exec(pending)
    if (close !== null) {
      keepReasoning(pending.slice(0, close.index))
      finishReasoning()
      mode = { kind: "prose", fence: 0 }
      return pending.slice(close.index + close[0].length)
    }
    const keep = Math.min(pending.length, THINK_CLOSE_TAIL)
    keepReasoning(pending.slice(0, pending.length - keep))
    reasoning.tail = pending.slice(pending.length - keep)
    return ""
  }

  function keepReasoning(text: string): void {
    reasoning.total += text.length
    const room = MAX_REASONING_CHARS - reasoning.kept.length
    if (room > 0) reasoning.kept += text.slice(0, room)
  }

  function finishReasoning(): void {
    const kept = reasoning.kept.trim()
    const dropped = reasoning.total - reasoning.kept.length
    reasoning = { kept: "", total: 0, tail: "" }
    sawStructure = true
    headingLabel = undefined
    if (kept !== "")
      emit({ type: "reasoning", text: dropped > 0 ? `${kept} … (${dropped} more characters)` : kept })
  }

  function consume(text: string): void {
    let rest = text
    while (rest !== "") {
      if (mode.kind === "reasoning") {
        rest = feedReasoning(rest)
        continue
      }
      const newline = rest.indexOf("\n")
      const piece = newline === -1 ? rest : rest.slice(0, newline)
      const leftover = appendToLine(piece)
      if (leftover !== null) {
        rest = leftover + rest.slice(piece.length)
        continue
      }
      if (newline === -1) return
      endLine("\n")
      rest = rest.slice(newline + 1)
    }
  }

  function endStream(): void {
    if (mode.kind === "reasoning") {
      keepReasoning(reasoning.tail)
      reasoning.tail = ""
      const chars = reasoning.total
      finishReasoning()
      mode = { kind: "prose", fence: 0 }
      emit({
        type: "error",
        code: "unterminated_reasoning",
        message: `the answer ended inside its reasoning block (${chars} characters), before any file after it`,
      })
    }
    if (lineCommitted || line !== "") endLine("")
    if (mode.kind === "first_line") decideUnnamedBlock()
    if (mode.kind === "block" && !mode.block.discard) {
      const { path, parts } = mode.block
      const content = mode.block.held + parts.join("")
      const received =
        mode.block.kind === "edit"
          ? { lines: mode.block.lines, chars: mode.block.chars }
          : { lines: countLines(content), chars: content.length }
      emit({
        type: "error",
        code: "unterminated_block",
        path,
        message: `the answer ended inside the block for ${JSON.stringify(path)} after ${received.lines} line(s) (${received.chars} characters), before its closing fence; it was discarded`,
        received,
      })
      if (mode.block.candidate) candidateUnterminated = true
    }
    mode = { kind: "prose", fence: 0 }
    resolveCandidates()
  }

  function resolveCandidates(): void {
    if (expectedFile === undefined || candidates === 0) return
    if (closedPaths.has(expectedFile) || editedPaths.has(expectedFile)) return
    if (candidateUnterminated) return
    if (candidates > 1) {
      emit({
        type: "error",
        code: "ambiguous_blocks",
        path: expectedFile,
        message: `the answer has ${candidates} code blocks that name no file, so none of them was taken as ${JSON.stringify(expectedFile)}`,
      })
      return
    }
    if (candidateResult === undefined) return
    if (!acceptedPaths.has(expectedFile) && acceptedPaths.size >= maxFiles) {
      emit({
        type: "error",
        code: "too_many_files",
        path: expectedFile,
        message: `more than ${maxFiles} files; ${JSON.stringify(expectedFile)} was discarded`,
      })
      return
    }
    acceptedPaths.add(expectedFile)
    if ("edits" in candidateResult) {
      emit({
        type: "notice",
        text: `The answer named no file; its one block of edits was taken as edits of ${expectedFile}.`,
      })
      emitEdit(expectedFile, candidateResult.edits)
      return
    }
    emit({
      type: "notice",
      text: `The answer named no file; its one code block was taken as ${expectedFile}.`,
    })
    emitFile(expectedFile, candidateResult.content, candidateResult.sawMarker)
  }

  return {
    push(chunk) {
      if (ended) throw new Error("file block parser: push() after end()")
      let text = pendingCarriageReturn ? `\r${chunk}` : chunk
      pendingCarriageReturn = text.endsWith("\r")
      if (pendingCarriageReturn) text = text.slice(0, -1)
      consume(text.replaceAll("\r\n", "\n"))
      return take()
    },
    end() {
      if (ended) return []
      ended = true
      if (pendingCarriageReturn) consume("\r")
      pendingCarriageReturn = false
      endStream()
      return take()
    },
  }
}

/** Whether a partial line of a block must be held back: it may still be a marker (or a leading blank line). */
function couldBeBlockLine(block: OpenBlock, text: string): boolean {
  if (block.discard) return false
  if (block.kind === "undecided" && text.length <= MAX_MARKER_LINE && isBlankLine(text)) return true
  return couldBeMarkerLine(text)
}

function couldBeClosingFence(text: string, fence: number): boolean {
  if (text.length > MAX_FENCE_LINE) return false
  const ticks = leadingBackticks(text)
  if (ticks === text.length) return true
  return ticks >= fence && /^[ \t]*$/.test(text.slice(ticks))
}

function countLines(content: string): number {
  if (content === "") return 0
  let lines = 0
  for (const char of content) if (char === "\n") lines++
  return content.endsWith("\n") ? lines : lines + 1
}

function isClosingFence(text: string, fence: number): boolean {
  if (text.length > MAX_FENCE_LINE) return false
  const ticks = leadingBackticks(text)
  return ticks >= fence && /^[ \t]*$/.test(text.slice(ticks))
}

function leadingBackticks(text: string): number {
  let count = 0
  while (count < text.length && text.charCodeAt(count) === 0x60) count++
  return count
}

/** UTF-8 byte length; a surrogate pair counts 4 even when a chunk boundary splits it. */
function utf8Length(text: string): number {
  let bytes = 0
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code < 0x80) bytes += 1
    else if (code < 0x800) bytes += 2
    else if (code >= 0xd800 && code <= 0xdbff) bytes += 4
    else if (code >= 0xdc00 && code <= 0xdfff) bytes += 0
    else bytes += 3
  }
  return bytes
}

function shorten(path: string): string {
  return path.length > MAX_PATH_LENGTH ? `${path.slice(0, MAX_PATH_LENGTH)}…` : path
}
