/** A question's choices: its `choices` split at "|", trimmed. */
export function choicesOf(question: { choices: string }): string[] {
  return question.choices.split("|").map((choice) => choice.trim())
}

/** "Question 2 of 5". */
export function questionOf(number: number, total: number): string {
  return "Question " + number + " of " + total
}

/** "You scored 3/5". */
export function scoreOf(score: number, total: number): string {
  return "You scored " + score + "/" + total
}

/** What a wrong answer is told: "Not quite. The answer is Canberra.". */
export function rightAnswerWas(answer: string): string {
  return "Not quite. The answer is " + answer + "."
}
