/** A column's count in words: "1 card", "3 cards". */
export function cardCount(count: number): string {
  return `${count} ${count === 1 ? "card" : "cards"}`
}
