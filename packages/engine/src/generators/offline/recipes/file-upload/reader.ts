import type { PromptFacts } from "../../facts"
import { quotedFor } from "../../readers"

interface FileKind {
  pattern: RegExp
  accept: string[]
  label: string
  sample: { name: string; type: string }
}

// File kinds a prompt may name: the accept entries, how the hint names them and a file that passes.
const KINDS: readonly FileKind[] = [
  { pattern: /\bpng\b/, accept: [".png"], label: "PNG", sample: { name: "photo.png", type: "image/png" } },
  {
    pattern: /\bjpe?g\b/,
    accept: [".jpg", ".jpeg"],
    label: "JPG",
    sample: { name: "photo.jpg", type: "image/jpeg" },
  },
  { pattern: /\bgif\b/, accept: [".gif"], label: "GIF", sample: { name: "loop.gif", type: "image/gif" } },
  {
    pattern: /\bwebp\b/,
    accept: [".webp"],
    label: "WebP",
    sample: { name: "photo.webp", type: "image/webp" },
  },
  {
    pattern: /\bsvgs?\b/,
    accept: [".svg"],
    label: "SVG",
    sample: { name: "logo.svg", type: "image/svg+xml" },
  },
  {
    pattern: /\b(?:images?|photos?|pictures?|pics?|screenshots?)\b/,
    accept: ["image/*"],
    label: "Images",
    sample: { name: "photo.png", type: "image/png" },
  },
  {
    pattern: /\bpdfs?\b/,
    accept: ["application/pdf", ".pdf"],
    label: "PDF",
    sample: { name: "report.pdf", type: "application/pdf" },
  },
  {
    pattern: /\b(?:word|docx?)\b/,
    accept: [".doc", ".docx"],
    label: "Word",
    sample: {
      name: "letter.docx",
      type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    },
  },
  { pattern: /\bcsvs?\b/, accept: [".csv"], label: "CSV", sample: { name: "data.csv", type: "text/csv" } },
  {
    pattern: /\b(?:excel|xlsx|spreadsheets?)\b/,
    accept: [".xls", ".xlsx"],
    label: "Excel",
    sample: {
      name: "budget.xlsx",
      type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    },
  },
  {
    pattern: /\bvideos?\b|\bmp4\b/,
    accept: ["video/*"],
    label: "Videos",
    sample: { name: "clip.mp4", type: "video/mp4" },
  },
  {
    pattern: /\baudio\b|\bmp3\b/,
    accept: ["audio/*"],
    label: "Audio",
    sample: { name: "song.mp3", type: "audio/mpeg" },
  },
  {
    pattern: /\bzip\b/,
    accept: [".zip"],
    label: "ZIP",
    sample: { name: "archive.zip", type: "application/zip" },
  },
  {
    pattern: /\btxt\b|\btext files?\b/,
    accept: [".txt"],
    label: "Text",
    sample: { name: "notes.txt", type: "text/plain" },
  },
]

/** The file kinds the prompt names, in its order; named image formats ("PNG or JPG") win over "images". */
export function kindsOf(facts: PromptFacts): FileKind[] {
  const found = KINDS.map((kind) => ({ kind, at: kind.pattern.exec(facts.lower)?.index ?? -1 }))
    .filter(({ at }) => at >= 0)
    .sort((a, b) => a.at - b.at)
    .map(({ kind }) => kind)
  const specific = found.some((kind) =>
    kind.accept.some((type) => /^\.(?:png|jpe?g|gif|webp|svg)$/.test(type)),
  )
  return specific ? found.filter((kind) => kind.label !== "Images") : found
}

/** "PNG", "PNG or JPG", "PNG, JPG or PDF". */
export function orList(items: readonly string[]): string {
  if (items.length <= 1) return items.join("")
  return `${items.slice(0, -1).join(", ")} or ${items[items.length - 1]}`
}

/** "2 MB", "500 KB", "1.5 GB" → the limit in MB (two decimals). */
export function maxSizeOf(facts: PromptFacts): number | undefined {
  const match = /(\d+(?:\.\d+)?)\s*(mb|megabytes?|gb|gigabytes?|kb|kilobytes?)\b/.exec(facts.lower)
  if (!match) return undefined
  const amount = Number(match[1])
  const mb = /^g/.test(match[2]!) ? amount * 1024 : /^k/.test(match[2]!) ? amount / 1024 : amount
  return mb > 0 && mb <= 10_240 ? Math.round(mb * 100) / 100 : undefined
}

/** "up to 5 files", "max of 4 images". */
export function maxFilesOf(facts: PromptFacts): number | undefined {
  const match =
    /\b(?:up to|max(?:imum)?(?: of)?|at most|no more than|limit(?:ed)? (?:of|to))\s*(\d+)\s*(?:files?|images?|photos?|documents?|attachments?|pdfs?)\b/.exec(
      facts.lower,
    )
  const value = match ? Number(match[1]) : undefined
  return value !== undefined && value >= 1 && value <= 100 ? value : undefined
}

/** One file only: "single file", "only one", or what is one by nature (a profile picture, an avatar, a resume). */
export function singleOf(facts: PromptFacts): boolean {
  return /\b(?:single|one|1) (?:file|image|photo|document|pdf)\b|\bonly one\b|\b(?:profile (?:picture|photo|image|pic)|avatar|resume|cv|logo)\b/.test(
    facts.lower,
  )
}

/** The sample files a test uploads: one that passes and one of a type the upload refuses. */
export function samplesFor(accept: readonly string[]): {
  good: { name: string; type: string }
  other: { name: string; type: string }
} {
  const kind = KINDS.find((candidate) => candidate.accept.some((type) => accept.includes(type)))
  const good = kind?.sample ?? { name: "notes.txt", type: "text/plain" }
  return { good, other: { name: "setup.exe", type: "application/x-msdownload" } }
}

/** The label, the accepted types and how the hint names them, the size limit and how many files it holds. */
export function readFileUpload(facts: PromptFacts): {
  label: string
  accept: readonly string[]
  typesLabel: string
  maxSizeMb: number
  multiple: boolean
  maxFiles: number
} {
  const kinds = kindsOf(facts)
  const maxFiles = maxFilesOf(facts) ?? 0
  const single = singleOf(facts) || maxFiles === 1
  const images = kinds.length === 1 && kinds[0]!.label === "Images"
  const noun = images ? (single ? "an image" : "images") : single ? "a file" : "files"
  return {
    label:
      quotedFor(facts, ["label", "labelled", "labeled", "called", "titled", "heading"]) ??
      (/\bprofile (?:picture|photo|image|pic)\b/.test(facts.lower)
        ? "Upload a profile picture"
        : /\bavatar\b/.test(facts.lower)
          ? "Upload an avatar"
          : /\b(?:resume|cv)\b/.test(facts.lower)
            ? "Upload your resume"
            : `Upload ${noun}`),
    accept: kinds.flatMap((kind) => kind.accept),
    typesLabel: kinds.length > 0 ? orList(kinds.map((kind) => kind.label)) : "Any file type",
    maxSizeMb: maxSizeOf(facts) ?? 10,
    multiple: !single,
    maxFiles: single ? 1 : maxFiles,
  }
}
