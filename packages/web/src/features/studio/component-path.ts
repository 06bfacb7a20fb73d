const TEST_FILE = /\.test\.tsx?$/

/**
 * The component's own file among a version's files: `src/components/<Name>.tsx` for the contract's name when there
 * is one, else the first component file that is not a test.
 */
export function componentPathOf(files: Record<string, string>, componentName?: string): string | null {
  const named = componentName ? `src/components/${componentName}.tsx` : undefined
  if (named && Object.hasOwn(files, named)) return named
  const paths = Object.keys(files).sort()
  return (
    paths.find((path) => /^src\/components\/[A-Z][^/]*\.tsx$/.test(path) && !TEST_FILE.test(path)) ??
    paths.find((path) => /\.tsx$/.test(path) && !TEST_FILE.test(path)) ??
    paths[0] ??
    null
  )
}
