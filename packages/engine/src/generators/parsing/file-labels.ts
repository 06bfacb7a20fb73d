// How real models name the file a code block holds. Every reader returns the name as the model wrote it (or the
// expected path for a bare file name that matches it); the parser validates it with validateGeneratedPath, so a
// heading, a comment or an info string can never smuggle in a path an attribute could not.

/** Lines longer than this are never labels (a path is at most 200 characters). */
export const MAX_LABEL_LINE = 1024

/** Languages of an unlabeled block that may be the one file a stage expects. */
export const CODE_LANGUAGES: ReadonlySet<string> = new Set([
  "tsx",
  "jsx",
  "ts",
  "typescript",
  "js",
  "javascript",
  "react",
])

const ATTRIBUTE =
  /(?:^|[\s{,])(file|filename|filepath|path|title)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'`,}]+))/i
const LANGUAGE_COLON_PATH = /^[A-Za-z0-9_+#-]+:(\S+)$/
const LANGUAGE_SPACE_PATH = /^[A-Za-z0-9_+#-]+\s+(\S+)$/
const SINGLE_TOKEN = /^(\S+)$/
const NAME_PREFIX = /^(?:file(?:name|path)?|path)\s*:\s*/i
const HAS_EXTENSION = /\.[A-Za-z0-9]+$/
const COMMENT = /^(?:\/\/+|\/\*+)\s*(.*?)\s*(?:\*+\/)?$/

export interface FenceInfo {
  /** The language word of the info string, lower-cased ("" when there is none). */
  language: string
  /** The file the info string names (attribute, `tsx:path`, `tsx path` or a lone path), if any. */
  name?: string
}

/** Reads a fence's info string (the text after the backticks). */
export function readFenceInfo(info: string, expectedFile: string | undefined): FenceInfo {
  const trimmed = info.trim()
  const language = (/^[A-Za-z0-9_+#-]*/.exec(trimmed)?.[0] ?? "").toLowerCase()
  const attribute = ATTRIBUTE.exec(trimmed)
  if (attribute !== null) {
    const value = attribute[2] ?? attribute[3] ?? attribute[4] ?? ""
    // file=, path=, filename= always name a file (validated strictly, even when empty); a title may be a caption.
    const strict = attribute[1]?.toLowerCase() !== "title"
    const name = strict ? (mapBareName(value, expectedFile) ?? value) : readLooseName(value, expectedFile)
    if (name !== undefined) return { language, name }
  }
  const loose =
    LANGUAGE_COLON_PATH.exec(trimmed)?.[1] ??
    LANGUAGE_SPACE_PATH.exec(trimmed)?.[1] ??
    SINGLE_TOKEN.exec(trimmed)?.[1]
  const name = loose === undefined ? undefined : readLooseName(loose, expectedFile, { needsPath: true })
  return name === undefined ? { language } : { language, name }
}

/**
 * The file named by a line on its own before a fence: `**src/components/X.tsx**`, `### src/components/X.tsx`,
 * `` ### `src/components/X.tsx` ``, `File: src/x.ts`, `1. src/x.ts:`; undefined when the line is anything else.
 */
export function readHeadingLabel(line: string, expectedFile: string | undefined): string | undefined {
  if (line.length > MAX_LABEL_LINE) return undefined
  let text = line.trim()
  text = text.replace(/^#{1,6}\s+/, "").replace(/^(?:[-*+]|\d+[.)])\s+/, "")
  text = stripEmphasis(text)
  text = text.replace(NAME_PREFIX, "")
  text = stripEmphasis(text.replace(/:$/, "").trim())
  text = text.replace(/:$/, "").trim()
  const quoted = /^`([^`]+)`$/.exec(text)
  if (quoted?.[1] !== undefined) text = quoted[1].trim()
  if (text === "" || /[\s`]/.test(text) || !HAS_EXTENSION.test(text)) return undefined
  return readLooseName(text, expectedFile)
}

/** The file named by a block's first line when it is only a comment: `// src/x.tsx`, `// File: src/x.tsx`, `/* src/x.css *\/`. */
export function readCommentLabel(line: string, expectedFile: string | undefined): string | undefined {
  if (line.length > MAX_LABEL_LINE) return undefined
  const comment = COMMENT.exec(line.trim())
  if (comment?.[1] === undefined) return undefined
  const text = comment[1].replace(NAME_PREFIX, "").replace(/^`|`$/g, "").trim()
  if (text === "" || /\s/.test(text) || !HAS_EXTENSION.test(text)) return undefined
  return readLooseName(text, expectedFile)
}

/**
 * A name from a source that is not always a file name (a title, a heading, a comment, an info word): it counts when
 * it looks like a path (it has a slash; unsafe ones are then refused) or is the expected file's own base name.
 */
function readLooseName(
  value: string,
  expectedFile: string | undefined,
  { needsPath = false }: { needsPath?: boolean } = {},
): string | undefined {
  if (value.includes("://")) return undefined
  if (/[/\\]/.test(value)) return needsPath && !HAS_EXTENSION.test(value) ? undefined : value
  return mapBareName(value, expectedFile)
}

/** `Counter.tsx` where `src/components/Counter.tsx` is expected: the model means the expected file. */
function mapBareName(value: string, expectedFile: string | undefined): string | undefined {
  if (expectedFile === undefined || /[/\\]/.test(value)) return undefined
  return value === expectedFile.slice(expectedFile.lastIndexOf("/") + 1) ? expectedFile : undefined
}

function stripEmphasis(text: string): string {
  let result = text
  for (;;) {
    const next = result.replace(/^(?:\*\*|__|\*|_)\s*/, "").replace(/\s*(?:\*\*|__|\*|_)$/, "")
    if (next === result) return result
    result = next
  }
}
