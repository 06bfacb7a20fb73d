import { cn } from "@studio/kit/lib/utils"
import { ChevronRight, FileCode2, FlaskConical, Folder, FolderOpen } from "lucide-react"
import { useMemo, useRef, useState, type KeyboardEvent } from "react"
import {
  buildFileTree,
  folderContains,
  isTestFile,
  visibleRows,
  type FolderNode,
  type TreeRow,
} from "./file-tree-model"

export interface FileTreeProps {
  paths: string[]
  selected: string | null
  onSelect(path: string): void
  /** The file tokens are streaming into: marked with a pulsing dot. */
  streamingPath?: string | null
  /** Files the person changed and has not saved: marked with a small dot. */
  editedPaths?: string[]
  /** Files whose tests fail: their name turns red. */
  failingPaths?: string[]
}

const INDENT_PX = 12

/** The files of a version as a WAI-ARIA tree: roving tabindex, arrow keys, Home/End, Enter/Space and typeahead. */
export function FileTree({
  paths,
  selected,
  onSelect,
  streamingPath = null,
  editedPaths = [],
  failingPaths = [],
}: FileTreeProps) {
  // Files stream in token by token; rebuild the tree only when the set of paths changes.
  const pathKey = paths.join("\n")
  const tree = useMemo(() => buildFileTree(pathKey ? pathKey.split("\n") : []), [pathKey])
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set())
  const rows = useMemo(() => visibleRows(tree, collapsed), [tree, collapsed])
  const [focusedId, setFocusedId] = useState<string | null>(null)
  const items = useRef(new Map<string, HTMLLIElement>())

  // The one row in the tab order: the last one focused, else the selected file, else the first.
  const activeId =
    (focusedId && rows.some((row) => row.id === focusedId) ? focusedId : null) ??
    rows.find((row) => row.node.kind === "file" && row.node.path === selected)?.id ??
    rows[0]?.id ??
    null

  const focusRow = (row: TreeRow | undefined) => {
    if (!row) return
    setFocusedId(row.id)
    items.current.get(row.id)?.focus()
  }

  const setFolderOpen = (folder: FolderNode, open: boolean) =>
    setCollapsed((current) => {
      if (current.has(folder.path) !== open) return current
      const next = new Set(current)
      if (open) next.delete(folder.path)
      else next.add(folder.path)
      return next
    })

  const activate = (row: TreeRow) => {
    if (row.node.kind === "file") onSelect(row.node.path)
    else setFolderOpen(row.node, collapsed.has(row.node.path))
  }

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const index = rows.findIndex((row) => row.id === activeId)
    const row = rows[index]
    if (!row || event.altKey || event.ctrlKey || event.metaKey) return
    const { node } = row
    const expanded = node.kind === "folder" && !collapsed.has(node.path)
    switch (event.key) {
      case "ArrowDown":
        focusRow(rows[index + 1])
        break
      case "ArrowUp":
        focusRow(rows[index - 1])
        break
      case "Home":
        focusRow(rows[0])
        break
      case "End":
        focusRow(rows.at(-1))
        break
      case "ArrowRight":
        if (node.kind !== "folder") break
        if (!expanded) setFolderOpen(node, true)
        else focusRow(rows[index + 1]?.parentId === row.id ? rows[index + 1] : undefined)
        break
      case "ArrowLeft":
        if (expanded) setFolderOpen(node, false)
        else focusRow(rows.find((candidate) => candidate.id === row.parentId))
        break
      case "Enter":
      case " ":
        activate(row)
        break
      default: {
        if (event.key.length !== 1 || !/\S/.test(event.key)) return
        // Typeahead: the next row whose name starts with the typed character.
        const key = event.key.toLowerCase()
        const ordered = [...rows.slice(index + 1), ...rows.slice(0, index + 1)]
        focusRow(ordered.find((candidate) => candidate.node.name.toLowerCase().startsWith(key)))
      }
    }
    event.preventDefault()
  }

  if (rows.length === 0) return null

  return (
    <ul role="tree" aria-label="Files" className="flex flex-col gap-px p-1 text-sm" onKeyDown={onKeyDown}>
      {rows.map((row) => {
        const { node } = row
        const isFolder = node.kind === "folder"
        const expanded = isFolder && !collapsed.has(node.path)
        const isSelected = !isFolder && node.path === selected
        const streaming = isFolder
          ? !expanded && folderContains(node, streamingPath)
          : node.path === streamingPath
        const edited = !isFolder && editedPaths.includes(node.path)
        const failing = !isFolder && failingPaths.includes(node.path)
        const Icon = isFolder
          ? expanded
            ? FolderOpen
            : Folder
          : isTestFile(node.path)
            ? FlaskConical
            : FileCode2
        return (
          <li
            key={row.id}
            ref={(element) => {
              if (element) items.current.set(row.id, element)
              else items.current.delete(row.id)
            }}
            role="treeitem"
            aria-level={row.level}
            aria-setsize={row.setSize}
            aria-posinset={row.posInSet}
            aria-expanded={isFolder ? expanded : undefined}
            aria-selected={isFolder ? undefined : isSelected}
            tabIndex={row.id === activeId ? 0 : -1}
            title={node.path}
            onFocus={() => setFocusedId(row.id)}
            onClick={() => {
              setFocusedId(row.id)
              activate(row)
            }}
            style={{ paddingLeft: 4 + (row.level - 1) * INDENT_PX }}
            className={cn(
              "flex h-7 cursor-pointer items-center gap-1.5 rounded-sm pr-2 select-none",
              "text-muted-foreground hover:bg-muted/60 hover:text-foreground",
              "focus-visible:outline-offset-[-2px]",
              isSelected && "bg-muted text-foreground font-medium",
            )}
          >
            {isFolder ? (
              <ChevronRight
                aria-hidden="true"
                className={cn("size-3.5 shrink-0 transition-transform", expanded && "rotate-90")}
              />
            ) : (
              <span aria-hidden="true" className="w-3.5 shrink-0" />
            )}
            <Icon
              aria-hidden="true"
              className={cn("size-4 shrink-0", !isFolder && isTestFile(node.path) && "text-studio")}
            />
            <span className={cn("min-w-0 flex-1 truncate", failing && "text-fail")}>{node.name}</span>
            {failing && <span className="sr-only">, tests failing</span>}
            {streaming && (
              <span title="Streaming" className="flex shrink-0 items-center">
                <span aria-hidden="true" className="bg-studio size-2 animate-pulse rounded-full" />
                <span className="sr-only">, streaming</span>
              </span>
            )}
            {edited && (
              <span title="Edited" className="flex shrink-0 items-center">
                <span aria-hidden="true" className="bg-caution size-1.5 rounded-full" />
                <span className="sr-only">, edited</span>
              </span>
            )}
          </li>
        )
      })}
    </ul>
  )
}
