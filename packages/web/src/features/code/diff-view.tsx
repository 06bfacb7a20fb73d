import { cn } from "@studio/kit/lib/utils"
import { ArrowRight, ChevronRight, FileMinus2, FilePen, FilePlus2 } from "lucide-react"
import { lazy, Suspense, useMemo, useState } from "react"
import { compareFiles, type FileChangeKind, type FileComparison } from "./line-diff"

// The merge view is heavy and only needed once a person compares versions.
const DiffEditor = lazy(() => import("./diff-editor"))

export interface DiffViewProps {
  before: Record<string, string>
  after: Record<string, string>
  /** What the sides are, e.g. "v2" and "v3". */
  beforeLabel: string
  afterLabel: string
}

const KIND_LOOK: Record<
  Exclude<FileChangeKind, "unchanged">,
  { label: string; icon: typeof FilePen; colour: string }
> = {
  added: { label: "added", icon: FilePlus2, colour: "text-pass" },
  removed: { label: "removed", icon: FileMinus2, colour: "text-fail" },
  changed: { label: "changed", icon: FilePen, colour: "text-caution" },
}

/** What changed between two sets of files: the files with their line counts, and the chosen file's unified diff. */
export function DiffView({ before, after, beforeLabel, afterLabel }: DiffViewProps) {
  const comparisons = useMemo(() => compareFiles(before, after), [before, after])
  const changed = comparisons.filter((entry) => entry.kind !== "unchanged")
  const unchanged = comparisons.filter((entry) => entry.kind === "unchanged")
  const [chosen, setChosen] = useState<string | null>(null)
  const [showUnchanged, setShowUnchanged] = useState(false)
  const selected = changed.find((entry) => entry.path === chosen) ?? changed[0]

  if (!selected) {
    return (
      <div className="text-muted-foreground flex h-full items-center justify-center p-8 text-center text-sm">
        <p>
          No changes between {beforeLabel} and {afterLabel}.
        </p>
      </div>
    )
  }

  const totalAdded = changed.reduce((sum, entry) => sum + entry.added, 0)
  const totalRemoved = changed.reduce((sum, entry) => sum + entry.removed, 0)
  return (
    <div className="flex h-full min-h-0 flex-col">
      <header className="border-border flex h-10 shrink-0 items-center gap-2 border-b px-3 text-xs">
        <span className="font-medium">{beforeLabel}</span>
        <ArrowRight aria-label="to" className="text-muted-foreground size-3.5" />
        <span className="font-medium">{afterLabel}</span>
        <span className="text-muted-foreground ml-auto">
          {changed.length} {changed.length === 1 ? "file" : "files"} changed ·{" "}
          <LineCounts added={totalAdded} removed={totalRemoved} />
          <span className="sr-only">{linesText(totalAdded, totalRemoved)}</span>
        </span>
      </header>
      <div className="flex min-h-0 flex-1">
        <nav aria-label="Changed files" className="border-border w-64 shrink-0 overflow-auto border-r p-1">
          <ul className="flex flex-col gap-px">
            {changed.map((entry) => (
              <li key={entry.path}>
                <ChangedFileButton
                  entry={entry}
                  current={entry.path === selected.path}
                  onSelect={() => setChosen(entry.path)}
                />
              </li>
            ))}
          </ul>
          {unchanged.length > 0 && (
            <div className="mt-2">
              <button
                type="button"
                aria-expanded={showUnchanged}
                onClick={() => setShowUnchanged((open) => !open)}
                className="text-muted-foreground hover:text-foreground flex w-full items-center gap-1 rounded-sm px-2 py-1 text-xs focus-visible:outline-offset-[-2px]"
              >
                <ChevronRight
                  aria-hidden="true"
                  className={cn("size-3.5 transition-transform", showUnchanged && "rotate-90")}
                />
                {unchanged.length} unchanged {unchanged.length === 1 ? "file" : "files"}
              </button>
              {showUnchanged && (
                <ul className="text-muted-foreground flex flex-col px-2 pb-1 pl-6 font-mono text-xs">
                  {unchanged.map((entry) => (
                    <li key={entry.path} className="truncate py-0.5" title={entry.path}>
                      {entry.path}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          )}
        </nav>
        <section aria-label={`Changes in ${selected.path}`} className="min-w-0 flex-1">
          <Suspense fallback={<p className="text-muted-foreground p-3 text-xs">Loading the diff…</p>}>
            <DiffEditor
              path={selected.path}
              original={textOf(before, selected.path)}
              modified={textOf(after, selected.path)}
            />
          </Suspense>
        </section>
      </div>
    </div>
  )
}

function textOf(files: Record<string, string>, path: string): string {
  return (Object.hasOwn(files, path) ? files[path] : undefined) ?? ""
}

function ChangedFileButton({
  entry,
  current,
  onSelect,
}: {
  entry: FileComparison
  current: boolean
  onSelect(): void
}) {
  const look = KIND_LOOK[entry.kind === "unchanged" ? "changed" : entry.kind]
  const Icon = look.icon
  const slash = entry.path.lastIndexOf("/")
  return (
    <button
      type="button"
      aria-current={current ? "true" : undefined}
      aria-label={`${entry.path}, ${look.label}, ${linesText(entry.added, entry.removed)}`}
      onClick={onSelect}
      title={entry.path}
      className={cn(
        "flex w-full items-center gap-2 rounded-sm px-2 py-1 text-left text-xs focus-visible:outline-offset-[-2px]",
        "hover:bg-muted/60",
        current && "bg-muted font-medium",
      )}
    >
      <Icon aria-hidden="true" className={cn("size-3.5 shrink-0", look.colour)} />
      {/* The file name stays whole; a long folder path gives way first. */}
      <span className="flex min-w-0 flex-1 font-mono">
        {slash >= 0 && (
          <span className="text-muted-foreground truncate">{entry.path.slice(0, slash + 1)}</span>
        )}
        <span className="shrink-0">{entry.path.slice(slash + 1)}</span>
      </span>
      <LineCounts added={entry.added} removed={entry.removed} />
    </button>
  )
}

function linesText(added: number, removed: number): string {
  return `${added} ${added === 1 ? "line" : "lines"} added, ${removed} removed`
}

/** +added −removed, for the eye; callers give screen readers the words. */
function LineCounts({ added, removed }: { added: number; removed: number }) {
  return (
    <span aria-hidden="true" className="shrink-0 font-mono tabular-nums">
      <span className="text-pass">+{added}</span> <span className="text-fail">−{removed}</span>
    </span>
  )
}
