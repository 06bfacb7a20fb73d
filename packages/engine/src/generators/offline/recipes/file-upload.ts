import { mentions, type PromptFacts } from "../facts"
import { bool, num, str, strings, type Recipe, type Values } from "../recipe"
import { quotedFor } from "../readers"

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

function kindsOf(facts: PromptFacts): FileKind[] {
  const found = KINDS.map((kind) => ({ kind, at: kind.pattern.exec(facts.lower)?.index ?? -1 }))
    .filter(({ at }) => at >= 0)
    .sort((a, b) => a.at - b.at)
    .map(({ kind }) => kind)
  // Named image formats ("PNG or JPG") are narrower than "images".
  const specific = found.some((kind) =>
    kind.accept.some((type) => /^\.(?:png|jpe?g|gif|webp|svg)$/.test(type)),
  )
  return specific ? found.filter((kind) => kind.label !== "Images") : found
}

function orList(items: readonly string[]): string {
  if (items.length <= 1) return items.join("")
  return `${items.slice(0, -1).join(", ")} or ${items[items.length - 1]}`
}

function maxSizeOf(facts: PromptFacts): number | undefined {
  const match = /(\d+(?:\.\d+)?)\s*(mb|megabytes?|gb|gigabytes?|kb|kilobytes?)\b/.exec(facts.lower)
  if (!match) return undefined
  const amount = Number(match[1])
  const mb = /^g/.test(match[2]!) ? amount * 1024 : /^k/.test(match[2]!) ? amount / 1024 : amount
  return mb > 0 && mb <= 10_240 ? Math.round(mb * 100) / 100 : undefined
}

function maxFilesOf(facts: PromptFacts): number | undefined {
  const match =
    /\b(?:up to|max(?:imum)?(?: of)?|at most|no more than|limit(?:ed)? (?:of|to))\s*(\d+)\s*(?:files?|images?|photos?|documents?|attachments?|pdfs?)\b/.exec(
      facts.lower,
    )
  const value = match ? Number(match[1]) : undefined
  return value !== undefined && value >= 1 && value <= 100 ? value : undefined
}

function singleOf(facts: PromptFacts): boolean {
  return /\b(?:single|one|1) (?:file|image|photo|document|pdf)\b|\bonly one\b|\b(?:profile (?:picture|photo|image|pic)|avatar|resume|cv|logo)\b/.test(
    facts.lower,
  )
}

/** The sample files a test uploads: one that passes and one of a type the upload refuses. */
function samplesFor(accept: readonly string[]): {
  good: { name: string; type: string }
  other: { name: string; type: string }
} {
  const kind = KINDS.find((candidate) => candidate.accept.some((type) => accept.includes(type)))
  const good = kind?.sample ?? { name: "notes.txt", type: "text/plain" }
  return { good, other: { name: "setup.exe", type: "application/x-msdownload" } }
}

/** A drop zone and a labelled file input: accepted types, a size limit, a list of chosen files with remove buttons. */
export const fileUpload: Recipe = {
  kind: "file-upload",
  title: "File upload",
  names: ["FileUpload"],
  keywords: {
    strong: [
      "file upload",
      "file uploader",
      "upload",
      "uploader",
      "drop zone",
      "dropzone",
      "file picker",
      "file input",
      "image upload",
      "upload files",
      "attachments",
    ],
    weak: ["drag and drop", "attach", "files", "pdf", "mb"],
  },
  callbacks: [
    {
      name: "onFilesChange",
      type: "(files: File[]) => void",
      description: "Called with the accepted files after each change.",
    },
  ],
  params: (facts) => {
    const kinds = kindsOf(facts)
    const maxFiles = maxFilesOf(facts) ?? 0
    const single = singleOf(facts) || maxFiles === 1
    const images = kinds.length === 1 && kinds[0]!.label === "Images"
    const noun = images ? (single ? "an image" : "images") : single ? "a file" : "files"
    return [
      {
        name: "label",
        type: "string",
        value:
          quotedFor(facts, ["label", "labelled", "labeled", "called", "titled", "heading"]) ??
          (/\bprofile (?:picture|photo|image|pic)\b/.test(facts.lower)
            ? "Upload a profile picture"
            : /\bavatar\b/.test(facts.lower)
              ? "Upload an avatar"
              : /\b(?:resume|cv)\b/.test(facts.lower)
                ? "Upload your resume"
                : `Upload ${noun}`),
        description: "The field's label.",
        control: "text",
      },
      {
        name: "accept",
        type: "string[]",
        value: kinds.flatMap((kind) => kind.accept),
        description:
          'Accepted types: MIME types ("image/*", "application/pdf") or extensions (".pdf"); empty accepts any.',
      },
      {
        name: "typesLabel",
        type: "string",
        value: kinds.length > 0 ? orList(kinds.map((kind) => kind.label)) : "Any file type",
        description: "How the hint names the accepted types.",
        control: "text",
      },
      {
        name: "maxSizeMb",
        type: "number",
        value: maxSizeOf(facts) ?? 10,
        description: "The largest file accepted, in MB.",
        control: "number",
      },
      {
        name: "multiple",
        type: "boolean",
        value: !single,
        description: "Allow more than one file.",
        control: "boolean",
      },
      {
        name: "maxFiles",
        type: "number",
        value: single ? 1 : maxFiles,
        description: "The most files allowed (0: no limit).",
        control: "number",
      },
    ]
  },
  summary: (values) =>
    `A file upload "${str(values, "label")}" with a drop zone, accepting ${str(values, "typesLabel")} up to ` +
    `${num(values, "maxSizeMb")} MB${bool(values, "multiple") ? "" : " (one file)"}, listing the chosen files with remove buttons.`,
  requirements: (values) => {
    const accept = strings(values, "accept")
    const max = num(values, "maxSizeMb")
    const maxFiles = num(values, "maxFiles")
    const list: [string, string][] = [
      [
        "input",
        `Shows a drop zone and a file input labelled "${str(values, "label")}" with the hint "${str(values, "typesLabel")} up to ${max} MB"`,
      ],
      ["choose", "Chosen files are listed by name and size and passed to onFilesChange"],
      ["drop", "Dropping files on the drop zone adds them like choosing them"],
      ["remove", 'Each listed file has a "Remove <name>" button that removes it'],
    ]
    if (accept.length > 0)
      list.push(["type", `Refuses files that are not ${str(values, "typesLabel")} and says which`])
    list.push(["too-big", `Refuses files larger than ${max} MB and says which`])
    if (!bool(values, "multiple")) list.push(["single", "Holds one file: choosing another replaces it"])
    else if (maxFiles > 0)
      list.push(["max", `Holds at most ${maxFiles} files and says "You can upload up to ${maxFiles} files"`])
    return list
  },
  followUp: (facts, values) => {
    const next: Record<string, Values[string]> = { ...values }
    const applied: string[] = []
    const size = maxSizeOf(facts)
    if (size !== undefined) {
      next.maxSizeMb = size
      applied.push(`files up to ${size} MB`)
    }
    const kinds = kindsOf(facts)
    if (kinds.length > 0) {
      const also = /\b(?:also|too|as well|add)\b/.test(facts.lower)
      const accept = [...(also ? strings(values, "accept") : []), ...kinds.flatMap((kind) => kind.accept)]
      next.accept = accept.filter((type, index) => accept.indexOf(type) === index)
      next.typesLabel = also
        ? `${str(values, "typesLabel").replace(/ or /, ", ")} or ${orList(kinds.map((kind) => kind.label))}`
        : orList(kinds.map((kind) => kind.label))
      applied.push(`accepts ${String(next.typesLabel)}`)
    } else if (mentions(facts, "any file", "any type", "all files", "any files")) {
      next.accept = []
      next.typesLabel = "Any file type"
      applied.push("accepts any file type")
    }
    if (singleOf(facts)) {
      next.multiple = false
      next.maxFiles = 1
      applied.push("one file only")
    } else {
      const maxFiles = maxFilesOf(facts)
      if (maxFiles !== undefined || mentions(facts, "multiple files", "several files", "many files")) {
        next.multiple = maxFiles !== 1
        next.maxFiles = maxFiles ?? 0
        applied.push(maxFiles !== undefined ? `at most ${maxFiles} files` : "several files")
      }
    }
    return { values: next, applied }
  },
  followUpHints: ["max N MB", "only images / PDFs / …", "also accept …", "single file", "up to N files"],
  component: (context) => `import { useId, useRef, useState, type ChangeEvent, type DragEvent } from "react"
import { FileText, Upload, X } from "lucide-react"
import { Button } from "@/components/ui/button"
import { Label } from "@/components/ui/label"
${context.lookImports}

${context.propsInterface}

${context.defaults}

function accepts(file: File, types: string[]): boolean {
  if (types.length === 0) return true
  const name = file.name.toLowerCase()
  const mime = file.type.toLowerCase()
  return types.some((type) => {
    const rule = type.trim().toLowerCase()
    if (rule.startsWith(".")) return name.endsWith(rule)
    if (rule.endsWith("/*")) return mime.startsWith(rule.slice(0, -1))
    return mime === rule
  })
}

function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return Math.max(1, Math.round(bytes / 1024)) + " KB"
  return (bytes / (1024 * 1024)).toFixed(1) + " MB"
}

${context.signature}
  ${context.look}
  const id = useId()
  const input = useRef<HTMLInputElement>(null)
  const [files, setFiles] = useState<File[]>([])
  const [errors, setErrors] = useState<string[]>([])
  const [dragging, setDragging] = useState(false)
  const limit = multiple ? maxFiles : 1

  function change(next: File[]) {
    setFiles(next)
    onFilesChange?.(next)
  }

  function addFiles(list: FileList | File[]) {
    const problems: string[] = []
    let next = multiple ? [...files] : []
    for (const file of Array.from(list)) {
      if (!accepts(file, accept)) problems.push(file.name + " is not a supported file type")
      else if (file.size > maxSizeMb * 1024 * 1024) problems.push(file.name + " is larger than " + maxSizeMb + " MB")
      else if (!multiple) next = [file]
      else if (limit > 0 && next.length >= limit) {
        problems.push("You can upload up to " + limit + " files")
        break
      } else if (!next.some((existing) => existing.name === file.name && existing.size === file.size)) next.push(file)
    }
    setErrors(problems)
    if (next.length !== files.length || next.some((file, index) => file !== files[index])) change(next)
  }

  function handleChange(event: ChangeEvent<HTMLInputElement>) {
    if (event.target.files) addFiles(event.target.files)
    event.target.value = ""
  }

  function handleDrop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault()
    setDragging(false)
    addFiles(event.dataTransfer.files)
  }

  return (
    <div className={cn(look.className, "w-full max-w-lg p-4")} style={look.style}>
      <div className="flex flex-col gap-3">
        <Label htmlFor={id + "-input"}>{label}</Label>
        <div
          role="group"
          aria-label="Drop files here"
          onDragOver={(event) => {
            event.preventDefault()
            setDragging(true)
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={handleDrop}
          className={cn(
            "flex flex-col items-center gap-3 rounded-xl border-2 border-dashed p-8 text-center transition-colors",
            dragging ? "border-primary bg-primary/5" : "border-border bg-muted/30",
          )}
        >
          <span className="flex size-12 items-center justify-center rounded-full bg-background text-primary shadow-xs">
            <Upload className="size-5" aria-hidden="true" />
          </span>
          <div className="flex flex-col gap-1">
            <p className="text-sm font-medium">Drag and drop {multiple ? "files" : "a file"} here, or</p>
            <p id={id + "-hint"} className="text-xs text-muted-foreground">
              {typesLabel} up to {maxSizeMb} MB
            </p>
          </div>
          <Button type="button" variant="outline" size="sm" onClick={() => input.current?.click()}>
            Browse files
          </Button>
          <input
            ref={input}
            id={id + "-input"}
            type="file"
            className="sr-only"
            tabIndex={-1}
            accept={accept.length > 0 ? accept.join(",") : undefined}
            multiple={multiple}
            aria-describedby={id + "-hint"}
            onChange={handleChange}
          />
        </div>
        <div role="alert" className="flex flex-col gap-1 text-sm text-destructive">
          {errors.map((error) => (
            <p key={error}>{error}</p>
          ))}
        </div>
        {files.length > 0 && (
          <ul aria-label="Selected files" className="flex flex-col gap-2">
            {files.map((file) => (
              <li
                key={file.name + file.size}
                className="flex items-center gap-3 rounded-lg border bg-card p-3 text-card-foreground"
              >
                <FileText className="size-5 shrink-0 text-muted-foreground" aria-hidden="true" />
                <div className="flex min-w-0 flex-1 flex-col">
                  <span className="truncate text-sm font-medium">{file.name}</span>
                  <span className="text-xs text-muted-foreground">{formatSize(file.size)}</span>
                </div>
                <Button
                  type="button"
                  variant="ghost"
                  size="icon-sm"
                  aria-label={"Remove " + file.name}
                  onClick={() => change(files.filter((existing) => existing !== file))}
                >
                  <X aria-hidden="true" />
                </Button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  )
}
`,
  tests: (context) => {
    const { name, values, lit } = context
    const accept = strings(values, "accept")
    const max = num(values, "maxSizeMb")
    const maxFiles = num(values, "maxFiles")
    const { good, other } = samplesFor(accept)
    const base = good.name.replace(/\.[^.]+$/, "")
    const ext = good.name.slice(base.length)
    const file = (fileName: string, type = good.type) =>
      `new File(["hello"], ${lit(fileName)}, { type: ${lit(type)} })`
    const input = `screen.getByLabelText(${lit(str(values, "label"))})`
    const names = `screen.queryAllByRole("listitem").map((item) => item.querySelector("span")?.textContent)`
    const tests = [
      `it("${context.id("input")}: shows the drop zone and a labelled file input with its hint", () => {
  render(<${name} />)
  const input = ${input}
  expect(input).toHaveAttribute("type", "file")
  ${accept.length > 0 ? `expect(input).toHaveAttribute("accept", ${lit(accept.join(","))})` : `expect(input).not.toHaveAttribute("accept")`}
  expect(screen.getByRole("group", { name: "Drop files here" })).toBeInTheDocument()
  expect(screen.getByText(${lit(`${str(values, "typesLabel")} up to ${max} MB`)})).toBeInTheDocument()
})`,
      `it("${context.id("choose")}: lists the chosen files and passes them to onFilesChange", async () => {
  const user = userEvent.setup()
  const onFilesChange = vi.fn()
  render(<${name} onFilesChange={onFilesChange} />)
  const file = ${file(good.name)}
  await user.upload(${input}, file)
  expect(${names}).toEqual([${lit(good.name)}])
  expect(screen.getByText("1 KB")).toBeInTheDocument()
  expect(onFilesChange).toHaveBeenLastCalledWith([file])
})`,
      `it("${context.id("drop")}: dropping files on the zone adds them", () => {
  const onFilesChange = vi.fn()
  render(<${name} onFilesChange={onFilesChange} />)
  const file = ${file(`dropped${ext}`)}
  fireEvent.drop(screen.getByRole("group", { name: "Drop files here" }), { dataTransfer: { files: [file] } })
  expect(${names}).toEqual([${lit(`dropped${ext}`)}])
  expect(onFilesChange).toHaveBeenLastCalledWith([file])
})`,
      `it("${context.id("remove")}: each file's remove button removes it", async () => {
  const user = userEvent.setup()
  const onFilesChange = vi.fn()
  render(<${name} onFilesChange={onFilesChange} />)
  await user.upload(${input}, ${file(good.name)})
  await user.click(screen.getByRole("button", { name: ${lit(`Remove ${good.name}`)} }))
  expect(screen.queryByRole("list", { name: "Selected files" })).not.toBeInTheDocument()
  expect(onFilesChange).toHaveBeenLastCalledWith([])
})`,
    ]
    if (context.has("type"))
      tests.push(`it("${context.id("type")}: refuses files of other types", async () => {
  const user = userEvent.setup({ applyAccept: false })
  const onFilesChange = vi.fn()
  render(<${name} onFilesChange={onFilesChange} />)
  await user.upload(${input}, ${file(other.name, other.type)})
  expect(screen.getByRole("alert")).toHaveTextContent(${lit(`${other.name} is not a supported file type`)})
  expect(screen.queryByRole("listitem")).not.toBeInTheDocument()
  expect(onFilesChange).not.toHaveBeenCalled()
})`)
    tests.push(`it("${context.id("too-big")}: refuses files larger than ${max} MB", async () => {
  const user = userEvent.setup()
  render(<${name} />)
  const big = ${file(`big${ext}`)}
  Object.defineProperty(big, "size", { value: ${Math.ceil(max * 1024 * 1024) + 1} })
  await user.upload(${input}, big)
  expect(screen.getByRole("alert")).toHaveTextContent(${lit(`big${ext} is larger than ${max} MB`)})
  expect(screen.queryByRole("listitem")).not.toBeInTheDocument()
})`)
    if (context.has("single"))
      tests.push(`it("${context.id("single")}: choosing another file replaces the first", async () => {
  const user = userEvent.setup()
  render(<${name} />)
  await user.upload(${input}, ${file(`first${ext}`)})
  await user.upload(${input}, ${file(`second${ext}`)})
  expect(${names}).toEqual([${lit(`second${ext}`)}])
})`)
    if (context.has("max")) {
      const uploads = Array.from({ length: maxFiles + 1 }, (_, index) => file(`file-${index + 1}${ext}`))
      tests.push(`it("${context.id("max")}: holds at most ${maxFiles} files", async () => {
  const user = userEvent.setup()
  render(<${name} />)
  await user.upload(${input}, [${uploads.join(", ")}])
  expect(screen.getAllByRole("listitem")).toHaveLength(${maxFiles})
  expect(screen.getByRole("alert")).toHaveTextContent("You can upload up to ${maxFiles} files")
})`)
    }
    return tests.join("\n\n")
  },
}
