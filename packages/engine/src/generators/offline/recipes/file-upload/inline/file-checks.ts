/** A file's size as the list shows it: "12 KB" (at least 1), "2.4 MB". */
export function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return Math.max(1, Math.round(bytes / 1024)) + " KB"
  return (bytes / (1024 * 1024)).toFixed(1) + " MB"
}

/** The hint under the drop zone: "PNG or JPG up to 2 MB". */
export function uploadHint(typesLabel: string, maxSizeMb: number): string {
  return typesLabel + " up to " + maxSizeMb + " MB"
}

/** Why a file of a type the upload does not accept is refused. */
export function typeProblem(fileName: string): string {
  return fileName + " is not a supported file type"
}

/** Why a file over the size limit is refused. */
export function sizeProblem(fileName: string, maxSizeMb: number): string {
  return fileName + " is larger than " + maxSizeMb + " MB"
}

/** Why files beyond the most allowed are refused. */
export function countProblem(maxFiles: number): string {
  return "You can upload up to " + maxFiles + " files"
}
