import { describe, expect, it } from "vitest"
import { buildFileTree, visibleRows, type TreeNode } from "./file-tree-model"

function outline(nodes: readonly TreeNode[], depth = 0): string[] {
  return nodes.flatMap((node) => [
    `${"  ".repeat(depth)}${node.kind === "folder" ? `${node.name}/` : node.name}`,
    ...(node.kind === "folder" ? outline(node.children, depth + 1) : []),
  ])
}

describe("buildFileTree", () => {
  it("compacts single-folder chains and puts a source file before its test", () => {
    const tree = buildFileTree([
      "src/components/PricingTable.test.tsx",
      "src/components/PricingTable.tsx",
      "package.json",
    ])
    expect(outline(tree)).toEqual([
      "src/components/",
      "  PricingTable.tsx",
      "  PricingTable.test.tsx",
      "package.json",
    ])
    expect(tree[0]).toMatchObject({ kind: "folder", path: "src/components" })
  })

  it("keeps a folder that holds files and a folder apart, folders first", () => {
    const tree = buildFileTree(["src/index.ts", "src/components/Button.tsx", "src/components/ui/card.tsx"])
    expect(outline(tree)).toEqual([
      "src/",
      "  components/",
      "    ui/",
      "      card.tsx",
      "    Button.tsx",
      "  index.ts",
    ])
  })

  it("ignores duplicates and empty paths", () => {
    expect(outline(buildFileTree(["a.ts", "a.ts", ""]))).toEqual(["a.ts"])
  })
})

describe("visibleRows", () => {
  it("hides the children of collapsed folders and numbers siblings", () => {
    const tree = buildFileTree(["src/A.tsx", "src/B.tsx", "README.md"])
    expect(
      visibleRows(tree, new Set()).map((row) => [row.node.name, row.level, row.posInSet, row.setSize]),
    ).toEqual([
      ["src", 1, 1, 2],
      ["A.tsx", 2, 1, 2],
      ["B.tsx", 2, 2, 2],
      ["README.md", 1, 2, 2],
    ])
    expect(visibleRows(tree, new Set(["src"])).map((row) => row.node.name)).toEqual(["src", "README.md"])
  })
})
