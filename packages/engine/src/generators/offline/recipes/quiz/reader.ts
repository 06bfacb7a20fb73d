import { countOf, mentions, type PromptFacts } from "../../facts"
import { HEADING_ROLES, quotedFor } from "../../readers"
import { GENERAL, TOPICS, type Bank } from "./banks"

/** A question: the question, its choices separated by "|" and the right answer. */
export interface QuizQuestion extends Record<string, string> {
  question: string
  choices: string
  answer: string
}

function topicOf(facts: PromptFacts): { title: string; bank: Bank } {
  return (
    TOPICS.find(({ words }) => mentions(facts, ...words)) ?? {
      title: "General knowledge quiz",
      bank: GENERAL,
    }
  )
}

/** "5 questions", "a 5-question quiz": at most 10 (a bank's size). */
export function countOfQuestions(facts: PromptFacts): number | undefined {
  const hyphen = /\b(\d+)[\s-]*question\b/.exec(facts.lower)
  const value = countOf(facts, "question") ?? (hyphen ? Number(hyphen[1]) : undefined)
  return value !== undefined && value >= 1 ? Math.min(value, 10) : undefined
}

/** The first `count` questions of a bank. */
export function questionsFrom(bank: Bank, count: number): QuizQuestion[] {
  return bank.slice(0, count).map(([question, choices, answer]) => ({ question, choices, answer }))
}

function feedbackOf(facts: PromptFacts): boolean {
  return mentions(
    facts,
    "feedback",
    "correct answer",
    "right or wrong",
    "instant",
    "immediately",
    "show if",
    "show whether",
    "explanation",
    "right away",
    "straight away",
    "tells you",
    "as you go",
  )
}

/** The heading and questions of the prompt's topic (general knowledge when it names none) and instant feedback. */
export function readQuiz(facts: PromptFacts): {
  title: string
  questions: readonly QuizQuestion[]
  showFeedback: boolean
} {
  const topic = topicOf(facts)
  return {
    title: quotedFor(facts, HEADING_ROLES) ?? topic.title,
    questions: questionsFrom(topic.bank, countOfQuestions(facts) ?? 5),
    showFeedback: feedbackOf(facts),
  }
}
