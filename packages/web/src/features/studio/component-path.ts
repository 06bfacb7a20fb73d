const TEST_FILE = /\.test\.tsx?$/

/** The component's own file among a version's files: `src/components/<Name>.tsx`, not a test. */
export function componentPathOf(files: Record<string, string>): string | null {
  const paths = Object.keys(files).sort()
  return (
    paths.find((path) => /^src\/components\/[A-Z][^/]*\.tsx$/.test(path) && !TEST_FILE.test(path)) ??
    paths.find((path) => /\.tsx$/.test(path) && !TEST_FILE.test(path)) ??
    paths[0] ??
    null
  )
}
