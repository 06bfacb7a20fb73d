// Incremental parser for the model output format of DESIGN.md: fenced blocks with a `file="src/..."` attribute.
//
// It is a line-oriented state machine: text is consumed as it arrives, and only the current partial line is ever
// held back, and only while it could still turn out to be a fence. Decisions depend on complete lines only, so
// the events are the same however the stream is cut into chunks (apart from how deltas are grouped).
//
// Decisions:
// - CRLF is normalized to LF ("\r\n" → "\n", also when split across chunks); a lone "\r" stays text.
// - Fences are not indented: an opener is a line starting with 3+ backticks that carries a `file=`, `path=` or
//   `filename=` attribute (double or single quotes). A fence without such an attribute is just prose; plain code
//   blocks in the prose are not tracked, so an unclosed one cannot swallow the file blocks after it.
// - A closer is a line of at least as many backticks as the opener, optionally followed by spaces or tabs.
// - The same path twice: the later block replaces the earlier; both emit `file_closed` (the consumer keeps the last).
//   `maxFiles` counts distinct paths, so a replacement does not use up the budget.
// - Prose outside blocks is reported as `prose` deltas (fence lines excluded); adjacent deltas of one push are merged.
// - A rejected block (unsafe path, too many files, too large) reports one `error` and its content is discarded up to
//   its closing fence; the stream ending inside a block that was not already rejected reports `unterminated_block`.

/** Why a block was rejected or could not be completed. */
export type FileBlockErrorCode = "unsafe_path" | "file_too_large" | "too_many_files" | "unterminated_block"

export type FileBlockEvent =
  | { type: "prose"; text: string }
  | { type: "file_open"; path: string }
  | { type: "token"; path: string; delta: string }
  | { type: "file_closed"; path: string; content: string }
  | { type: "error"; code: FileBlockErrorCode; path?: string; message: string }

export interface FileBlockParserOptions {
  /** Largest file content accepted, in UTF-8 bytes. Default 200_000. */
  maxFileBytes?: number
  /** Most distinct file paths accepted in one stream. Default 20. */
  maxFiles?: number
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
const MIN_FENCE = 3
const PATH_CHARS = /^[A-Za-z0-9._/-]+$/
const FILE_ATTRIBUTE = /(?:^|\s)(?:file|path|filename)\s*=\s*(?:"([^"]*)"|'([^']*)')/

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
  /** Rejected: content is consumed up to the closing fence without events. */
  discard: boolean
  parts: string[]
  bytes: number
}

/** Creates an incremental parser that turns streamed model text into per-file events. */
export function createFileBlockParser(options: FileBlockParserOptions = {}): FileBlockParser {
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES
  const maxFiles = options.maxFiles ?? DEFAULT_MAX_FILES

  let block: OpenBlock | null = null
  /** The current line, held back while it could still be a fence. */
  let line = ""
  /** The current line is known not to be a fence: its text has been emitted as it came. */
  let lineCommitted = false
  let pendingCarriageReturn = false
  let ended = false
  const acceptedPaths = new Set<string>()
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

  /** Text of the current line that is certainly not part of a fence. */
  function emitText(text: string): void {
    if (text === "") return
    if (block === null) {
      emit({ type: "prose", text })
      return
    }
    if (block.discard) return
    block.bytes += utf8Length(text)
    if (block.bytes > maxFileBytes) {
      emit({
        type: "error",
        code: "file_too_large",
        path: block.path,
        message: `file ${JSON.stringify(block.path)} is larger than ${maxFileBytes} bytes; it was discarded`,
      })
      block.discard = true
      block.parts = []
      return
    }
    block.parts.push(text)
    emit({ type: "token", path: block.path, delta: text })
  }

  function couldBeFence(text: string): boolean {
    if (text.length > MAX_FENCE_LINE) return false
    const ticks = leadingBackticks(text)
    if (ticks === text.length) return true
    if (block === null) return ticks >= MIN_FENCE
    return ticks >= block.fence && /^[ \t]*$/.test(text.slice(ticks))
  }

  function appendToLine(piece: string): void {
    if (piece === "") return
    if (lineCommitted) {
      emitText(piece)
      return
    }
    line += piece
    if (!couldBeFence(line)) {
      lineCommitted = true
      const text = line
      line = ""
      emitText(text)
    }
  }

  /** A complete line (without its newline, or the last line of the stream) that was held back. */
  function finishHeldLine(text: string, newline: string): void {
    if (block === null) {
      if (!tryOpen(text)) emitText(text + newline)
    } else if (isClosingFence(text, block.fence)) {
      if (!block.discard) emit({ type: "file_closed", path: block.path, content: block.parts.join("") })
      block = null
    } else {
      emitText(text + newline)
    }
  }

  function endLine(): void {
    if (lineCommitted) emitText("\n")
    else finishHeldLine(line, "\n")
    line = ""
    lineCommitted = false
  }

  function tryOpen(text: string): boolean {
    const opener = parseOpeningFence(text)
    if (opener === null) return false
    const { path, fence } = opener
    const reject = (code: FileBlockErrorCode, message: string): boolean => {
      emit({ type: "error", code, path: shorten(path), message })
      block = { path, fence, discard: true, parts: [], bytes: 0 }
      return true
    }
    const validation = validateGeneratedPath(path)
    if (!validation.ok) return reject("unsafe_path", validation.message)
    if (!acceptedPaths.has(path) && acceptedPaths.size >= maxFiles) {
      return reject("too_many_files", `more than ${maxFiles} files; ${JSON.stringify(path)} was discarded`)
    }
    acceptedPaths.add(path)
    block = { path, fence, discard: false, parts: [], bytes: 0 }
    emit({ type: "file_open", path })
    return true
  }

  function consume(text: string): void {
    let start = 0
    while (start <= text.length) {
      const newline = text.indexOf("\n", start)
      if (newline === -1) {
        appendToLine(text.slice(start))
        return
      }
      appendToLine(text.slice(start, newline))
      endLine()
      start = newline + 1
    }
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
      if (!lineCommitted && line !== "") finishHeldLine(line, "")
      line = ""
      lineCommitted = false
      const open: OpenBlock | null = block
      if (open !== null && !open.discard) {
        emit({
          type: "error",
          code: "unterminated_block",
          path: open.path,
          message: `the output ended inside the block for ${JSON.stringify(open.path)}; it was discarded`,
        })
      }
      block = null
      return take()
    },
  }
}

/** Parses a complete line as an opening fence with a file attribute; null when it is not one. */
function parseOpeningFence(text: string): { fence: number; path: string } | null {
  if (text.length > MAX_FENCE_LINE) return null
  const fence = leadingBackticks(text)
  if (fence < MIN_FENCE) return null
  const info = text.slice(fence)
  if (info.includes("`")) return null
  const match = FILE_ATTRIBUTE.exec(info)
  if (match === null) return null
  return { fence, path: match[1] ?? match[2] ?? "" }
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
