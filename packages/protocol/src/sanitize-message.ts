const MAX_LENGTH = 2000
const REDACTED = "[redacted]"

// V8 stack frames ("    at fn (/path/file.js:1:2)") and Node's "Node.js v20.19.0" footer.
const STACK_FRAME_LINE = /^\s*at\s.+$|^Node\.js v\d+\S*$/
const SECRETS: [pattern: RegExp, replacement: string][] = [
  [/\bBearer\s+[\w.~+/-]{16,}=*/gi, `Bearer ${REDACTED}`],
  [/\bsk-[\w-]{8,}/g, REDACTED],
  [/\b(authorization\s*[:=]\s*)(?:(?:basic|bearer|token)\s+)?[^\s"',;]+/gi, `$1${REDACTED}`],
  // api_key=..., OPENAI_API_KEY=..., "token": "..."
  [
    /\b([\w-]*(?:api[_-]?key|access[_-]?key|token|secret|password|passwd)["']?\s*(?:=|:\s*["']))[^\s"'&,;]+/gi,
    `$1${REDACTED}`,
  ],
  // user:password@ in URLs
  [/(\b[a-z][\w+.-]*:\/\/)[^\s/@:]+:[^\s/@]+@/gi, `$1${REDACTED}@`],
]
const FILE_URL = /\bfile:\/\/[^\s'"`()<>]+/g
const WINDOWS_PATH = /(?<!\w)(?:[A-Za-z]:|\\\\[\w.-]+)[\\/](?:[^\\/\s'"`<>|:*?]+[\\/])*[^\\/\s'"`<>|:*?]*/g
// Absolute POSIX paths with two or more segments; URL paths (after a host or "//"), relative paths and the `@/…`
// import alias of generated code are left alone.
const POSIX_PATH = /(?<![\w.:/~@-])~?\/(?:[\w.@+-]+\/)+[\w.@+-]*/g
// Long runs of key-like characters mixing letters and digits: API keys, hex digests, base64 blobs.
const LONG_TOKEN = /(?<![\w+-])(?=[\w+-]*\d)(?=[\w+-]*[A-Za-z])[\w+-]{33,}={0,2}/g
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** Makes a message safe to leave the process: no stack traces, secrets or host paths. */
export function sanitizeMessage(text: string): string {
  let message = text
    .split(/\r?\n/)
    .filter((line) => !STACK_FRAME_LINE.test(line))
    .join("\n")
  for (const [pattern, replacement] of SECRETS) message = message.replace(pattern, replacement)
  message = message.replace(FILE_URL, hidePath).replace(WINDOWS_PATH, hidePath).replace(POSIX_PATH, hidePath)
  message = message.replace(LONG_TOKEN, (token) => (UUID.test(token) ? token : REDACTED)).trim()
  return message.length > MAX_LENGTH ? `${message.slice(0, MAX_LENGTH)}…` : message
}

/** A file keeps its base name (and ":line:column"), enough to act on; anything else becomes "<path>". */
function hidePath(path: string): string {
  const [, withoutPosition = path, position = ""] = /^(.*?)((?::\d+){0,2})$/.exec(path) ?? []
  const base = withoutPosition.split(/[\\/]/).pop() ?? ""
  return /^[\w@+-][\w.@+-]*\.[A-Za-z0-9]+$/.test(base) ? base + position : "<path>"
}
