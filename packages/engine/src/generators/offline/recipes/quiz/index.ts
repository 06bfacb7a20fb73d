import { boolean, defineRecipe, records, text } from "../../define-recipe"
import { mentions } from "../../facts"
import { HEADING_ROLES, quotedFor, toggleRequest } from "../../readers"
import { code, codeLines, testCase, type TestCase } from "../../test-builder"
import { GENERAL, GEOGRAPHY, HISTORY, SCIENCE, SPACE, TOPICS, WEB } from "./banks"
import { choicesOf, questionOf, rightAnswerWas, scoreOf } from "./inline/quiz-text"
import { countOfQuestions, questionsFrom, readQuiz, type QuizQuestion } from "./reader"

/** One question at a time with choices, Next, a score at the end ("You scored 3/4") and a restart. */
export const quiz = defineRecipe({
  kind: "quiz",
  title: "Quiz",
  names: ["Quiz"],
  keywords: {
    strong: ["quiz", "trivia", "quiz app", "quiz game", "multiple choice quiz", "knowledge test"],
    weak: ["questions", "score", "answers", "multiple choice"],
  },
  callbacks: [
    {
      name: "onComplete",
      type: "(score: number, total: number) => void",
      description: "Called with the score when the last question is answered.",
    },
  ],
  params: {
    title: text("The quiz's heading."),
    questions: records<QuizQuestion>(
      "QuizQuestion",
      'The questions in order: the question, its choices separated by "|" and the right answer.',
    ),
    showFeedback: boolean("Say right away whether the chosen answer is right (and which one is)."),
  },
  read: readQuiz,
  summary: ({ title, questions, showFeedback }) =>
    `"${title}": ${questions.length} multiple-choice questions, one at a time, ` +
    `with a score at the end and a restart${showFeedback ? "; each answer is marked right or wrong" : ""}.`,
  requirements: ({ title, questions, showFeedback }) => {
    const total = questions.length
    const list: [string, string][] = [
      [
        "question",
        `Shows "${title}" and "${questionOf(1, total)}": "${questions[0]?.question ?? ""}" with its choices`,
      ],
      ["next", "Next is disabled until a choice is made, then moves to the following question"],
    ]
    if (showFeedback)
      list.push([
        "feedback",
        'Choosing an answer marks it "Correct!" or says which answer was right, and locks the choices',
      ])
    list.push([
      "score",
      `After the last question shows "You scored n/${total}" counting the right answers, and calls onComplete`,
    ])
    list.push(["restart", 'A "Restart quiz" button starts again at question 1'])
    return list
  },
  followUp: (facts, values) => {
    const next: { questions?: readonly QuizQuestion[]; title?: string; showFeedback?: boolean } = {}
    const applied: string[] = []
    const count = countOfQuestions(facts)
    const topic = TOPICS.find(({ words }) => mentions(facts, ...words))
    if (topic) {
      const size = count ?? values.questions.length
      next.questions = questionsFrom(topic.bank, size)
      next.title = topic.title
      applied.push(`${size} questions about ${topic.title.replace(/ quiz$/, "").toLowerCase()}`)
    } else if (count !== undefined) {
      const { questions } = values
      const bank =
        [SPACE, GEOGRAPHY, WEB, HISTORY, SCIENCE].find((candidate) =>
          candidate.some(([question]) => question === questions[0]?.question),
        ) ?? GENERAL
      const extra = questionsFrom(bank, bank.length).filter(
        ({ question }) => !questions.some((existing) => existing.question === question),
      )
      next.questions = [...questions, ...extra].slice(0, count)
      applied.push(`${count} questions`)
    }
    const feedback = toggleRequest(facts, "feedback", "correct answer", "right or wrong", "instant feedback")
    if (feedback !== undefined) {
      next.showFeedback = feedback
      applied.push(feedback ? "instant feedback on each answer" : "no feedback until the end")
    }
    const title = quotedFor(facts, HEADING_ROLES)
    if (title) {
      next.title = title
      applied.push(`the heading "${title}"`)
    }
    return { values: next, applied }
  },
  followUpHints: [
    "N questions",
    "about space / geography / history / science / JavaScript",
    "show instant feedback",
    'title "…"',
  ],
  tests: ({ Component, values: { title, questions }, has }) => {
    const total = questions.length
    const first = questions[0]
    const wrongOf = (question: QuizQuestion) =>
      choicesOf(question).find((choice) => choice !== question.answer) ?? ""
    const nextName = (index: number) => (index === total - 1 ? "See results" : "Next")
    const answerAll = (wrongFirst: boolean) =>
      codeLines(
        questions.map(
          (question, index) => code`
            await user.click(screen.getByRole("radio", { name: ${wrongFirst && index === 0 ? wrongOf(question) : question.answer} }))
            await user.click(screen.getByRole("button", { name: ${nextName(index)} }))
          `,
        ),
      )
    const firstGroup = code`screen.getByRole("group", { name: ${first?.question ?? ""} })`
    const tests: TestCase[] = [
      testCase(
        "question",
        "shows the first question and its choices",
        code`
          render(<${Component} />)
          expect(screen.getByRole("heading", { name: ${title} })).toBeInTheDocument()
          expect(screen.getByText(${questionOf(1, total)})).toBeInTheDocument()
          const group = ${firstGroup}
          expect(within(group).getAllByRole("radio").map((radio) => (radio as HTMLInputElement).value)).toEqual(${first ? choicesOf(first) : []})
        `,
      ),
      testCase(
        "next",
        "Next waits for a choice, then moves on",
        code`
          const user = userEvent.setup()
          render(<${Component} />)
          const next = screen.getByRole("button", { name: ${nextName(0)} })
          expect(next).toBeDisabled()
          await user.click(screen.getByRole("radio", { name: ${first?.answer ?? ""} }))
          expect(next).toBeEnabled()
          await user.click(next)
          ${
            total > 1
              ? code`
                  expect(screen.getByText(${questionOf(2, total)})).toBeInTheDocument()
                  expect(screen.getByRole("group", { name: ${questions[1]?.question ?? ""} })).toBeInTheDocument()
                  expect(screen.getAllByRole("radio").every((radio) => !(radio as HTMLInputElement).checked)).toBe(true)
                `
              : code`expect(screen.getByText(${scoreOf(1, 1)})).toBeInTheDocument()`
          }
        `,
      ),
    ]
    if (has("feedback"))
      tests.push(
        testCase(
          "feedback",
          "marks the chosen answer and locks the choices",
          code`
            const user = userEvent.setup()
            const { unmount } = render(<${Component} />)
            await user.click(screen.getByRole("radio", { name: ${first ? wrongOf(first) : ""} }))
            expect(screen.getByText(${rightAnswerWas(first?.answer ?? "")})).toBeInTheDocument()
            expect(screen.getByRole("radio", { name: ${first?.answer ?? ""} })).toBeDisabled()
            unmount()
            render(<${Component} />)
            await user.click(screen.getByRole("radio", { name: ${first?.answer ?? ""} }))
            expect(screen.getByText("Correct!")).toBeInTheDocument()
          `,
        ),
      )
    tests.push(
      testCase(
        "score",
        "shows the score after the last question and calls onComplete",
        code`
          const user = userEvent.setup()
          const onComplete = vi.fn()
          render(<${Component} onComplete={onComplete} />)
          ${answerAll(true)}
          expect(screen.getByRole("status")).toHaveTextContent(${scoreOf(total - 1, total)})
          expect(onComplete).toHaveBeenCalledWith(${total - 1}, ${total})
        `,
      ),
      testCase(
        "restart",
        "Restart quiz starts again at question 1",
        code`
          const user = userEvent.setup()
          render(<${Component} />)
          ${answerAll(false)}
          expect(screen.getByText(${scoreOf(total, total)})).toBeInTheDocument()
          await user.click(screen.getByRole("button", { name: "Restart quiz" }))
          expect(screen.getByText(${questionOf(1, total)})).toBeInTheDocument()
          expect(${firstGroup}).toBeInTheDocument()
        `,
      ),
    )
    return tests
  },
})
