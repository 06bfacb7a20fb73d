/** "1 task", "3 tasks": a count with its noun, plural past one. */
export function nounCount(noun: string, count: number): string {
  return `${count} ${count === 1 ? noun : `${noun}s`}`
}
