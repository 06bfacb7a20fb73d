export { buildProjectFiles, buildProjectZip, type ProjectZipInput } from "./project-zip"
export { unifiedDiff } from "./unified-diff"
