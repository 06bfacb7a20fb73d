import { useId, useRef, useState, type ChangeEvent, type DragEvent } from "react"
import { FileText, Upload, X } from "lucide-react"
import { Button } from "@/components/ui/button"
import { Label } from "@/components/ui/label"
import { appearance, type AppearanceOptions } from "@/lib/appearance"
import { cn } from "@/lib/utils"
import { countProblem, formatSize, sizeProblem, typeProblem, uploadHint } from "./inline/file-checks"

export interface FileUploadProps extends AppearanceOptions {
  /** The field's label. */
  label?: string
  /** Accepted types: MIME types ("image/*", "application/pdf") or extensions (".pdf"); empty accepts any. */
  accept?: string[]
  /** How the hint names the accepted types. */
  typesLabel?: string
  /** The largest file accepted, in MB. */
  maxSizeMb?: number
  /** Allow more than one file. */
  multiple?: boolean
  /** The most files allowed (0: no limit). */
  maxFiles?: number
  /** Called with the accepted files after each change. */
  onFilesChange?: (files: File[]) => void
}

const DEFAULT_ACCEPT: string[] = []

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

export default function FileUpload({
  label = "Upload files",
  accept = DEFAULT_ACCEPT,
  typesLabel = "Any file type",
  maxSizeMb = 10,
  multiple = true,
  maxFiles = 0,
  accent = "",
  dark = false,
  size = "md",
  radius = "md",
  onFilesChange,
}: FileUploadProps) {
  const look = appearance({ accent, dark, size, radius })
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
      if (!accepts(file, accept)) problems.push(typeProblem(file.name))
      else if (file.size > maxSizeMb * 1024 * 1024) problems.push(sizeProblem(file.name, maxSizeMb))
      else if (!multiple) next = [file]
      else if (limit > 0 && next.length >= limit) {
        problems.push(countProblem(limit))
        break
      } else if (!next.some((existing) => existing.name === file.name && existing.size === file.size))
        next.push(file)
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
              {uploadHint(typesLabel, maxSizeMb)}
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
