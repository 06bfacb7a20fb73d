/** "12 characters left", "1 character left". */
export function charactersLeft(count: number): string {
  return `${count} ${count === 1 ? "character" : "characters"} left`
}

/** "3 characters over the limit". */
export function charactersOver(count: number): string {
  return `${count} ${count === 1 ? "character" : "characters"} over the limit`
}
