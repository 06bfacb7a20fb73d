/** What a run's list shows as its prompt: the prompt, and the given tests' names when it has them as the spec. */
export function describeRunPrompt(prompt: string, tests: readonly { name: string }[] | undefined): string {
  if (!tests || tests.length === 0) return prompt
  const names = `Tests as the spec: ${tests.map((test) => test.name).join(", ")}`
  return prompt === "" ? names : `${prompt} (${names})`
}
