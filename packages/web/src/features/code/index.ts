// The code view's public surface. The CodeMirror modules (code-editor, diff-editor) are deliberately absent: they load
// lazily through CodePanel and DiffView.
export { CodePanel, type CodePanelProps } from "./code-panel"
export { DiffView, type DiffViewProps } from "./diff-view"
export { FileTree, type FileTreeProps } from "./file-tree"
export { compareFiles, lineDiffStats, type FileChangeKind, type FileComparison } from "./line-diff"
