const TEST_FILE = /\.(test|spec)\.[cm]?[jt]sx?$/
/** A name without its extension and test suffix: `Button` for both `Button.tsx` and `Button.test.tsx`. */
const STEM_SUFFIX = /(\.(test|spec))?\.[^.]+$/

export interface FileNode {
  kind: "file"
  /** The last segment, shown in the tree. */
  name: string
  path: string
}

export interface FolderNode {
  kind: "folder"
  /** One segment, or several joined by "/" when a chain of single-child folders was compacted. */
  name: string
  path: string
  children: TreeNode[]
}

export type TreeNode = FileNode | FolderNode

/** One visible line of the tree, with what WAI-ARIA needs to announce it. */
export interface TreeRow {
  id: string
  node: TreeNode
  level: number
  setSize: number
  posInSet: number
  parentId: string | null
}

export function isTestFile(path: string): boolean {
  return TEST_FILE.test(path)
}

/** Stable across renders and distinct for a file and a folder of the same path. */
export function rowIdOf(node: TreeNode): string {
  return `${node.kind}:${node.path}`
}

/** Folders from slash-separated paths: folders first, a source file before its test, single-folder chains compacted. */
export function buildFileTree(paths: readonly string[]): TreeNode[] {
  const root: FolderNode = { kind: "folder", name: "", path: "", children: [] }
  for (const path of new Set(paths)) {
    const parts = path.split("/").filter(Boolean)
    const fileName = parts.pop()
    if (!fileName) continue
    let folder = root
    parts.forEach((part, index) => {
      let next = folder.children.find(
        (child): child is FolderNode => child.kind === "folder" && child.name === part,
      )
      if (!next) {
        next = { kind: "folder", name: part, path: parts.slice(0, index + 1).join("/"), children: [] }
        folder.children.push(next)
      }
      folder = next
    })
    folder.children.push({ kind: "file", name: fileName, path })
  }
  return arrange(root.children)
}

function arrange(nodes: TreeNode[]): TreeNode[] {
  return nodes.map((node) => (node.kind === "folder" ? compact(node) : node)).sort(compareNodes)
}

function compact(folder: FolderNode): FolderNode {
  let current = folder
  let name = folder.name
  while (current.children.length === 1 && current.children[0]?.kind === "folder") {
    current = current.children[0]
    name = `${name}/${current.name}`
  }
  return { kind: "folder", name, path: current.path, children: arrange(current.children) }
}

const collator = new Intl.Collator("en", { numeric: true, sensitivity: "base" })

function compareNodes(a: TreeNode, b: TreeNode): number {
  if (a.kind !== b.kind) return a.kind === "folder" ? -1 : 1
  if (a.kind === "file") {
    // `Button.tsx` before `Button.test.tsx`, although "." sorts before "t".
    const byStem = collator.compare(a.name.replace(STEM_SUFFIX, ""), b.name.replace(STEM_SUFFIX, ""))
    if (byStem !== 0) return byStem
    const byTest = Number(isTestFile(a.name)) - Number(isTestFile(b.name))
    if (byTest !== 0) return byTest
  }
  return collator.compare(a.name, b.name)
}

/** The rows a person sees: every node whose ancestors are all expanded, depth first. */
export function visibleRows(nodes: readonly TreeNode[], collapsed: ReadonlySet<string>): TreeRow[] {
  const rows: TreeRow[] = []
  const walk = (siblings: readonly TreeNode[], level: number, parentId: string | null) => {
    siblings.forEach((node, index) => {
      const id = rowIdOf(node)
      rows.push({ id, node, level, setSize: siblings.length, posInSet: index + 1, parentId })
      if (node.kind === "folder" && !collapsed.has(node.path)) walk(node.children, level + 1, id)
    })
  }
  walk(nodes, 1, null)
  return rows
}

/** Whether `path` lies somewhere under `folder`. */
export function folderContains(folder: FolderNode, path: string | null | undefined): boolean {
  return Boolean(path && path.startsWith(`${folder.path}/`))
}
